/**
 * A sheet's own key of the flags on its figures ("p = provisional figure", "* Figure includes late returns",
 * below or above a table): read from the grid when its tables are, so a flag's meaning in a reason is the
 * sheet's own. Kept apart from the flags themselves, which the custom functions need without any sheet.
 */
import { defineFlag, flagPattern, isFlag } from "../definition/flag-symbols";
import { presentColumns, type Grid } from "../values/grid";
import type { Words } from "../definition/words";

/** The sheet's key: each flag it defines (lower case, as `flagKeyOf` finds it), with its meaning as written. */
export type FlagKey = ReadonlyMap<string, string>;

/** "p = provisional figure", "[r] Revised", "* Figure includes late returns", "p: provisional; r: revised". */
const keyEntryPattern = new RegExp(
  String.raw`^\[?(${flagPattern})\]?(?:\s*[=:]\s*|\s+[-–]\s+|\s+)([A-Za-z].*)$`,
  "i"
);
const keyPrefix = /^(?:key|notes?)\s*[:\-–]\s*/i;
/**
 * Where a cell holds several entries, each begins after a ";" or a "," and is a short symbol (a flag, or
 * another key's letter such as "c") then "=" or ":"; or after a sentence's full stop, where a flag and its
 * meaning follow ("* Provisional figure. ** Suspended during the migration").
 */
const entrySeparator = new RegExp(
  String.raw`\s*;\s*|\s*,\s*(?=\[?[^\s=:,;\]]{1,3}\]?\s*[=:])|\.\s+(?=\[?(?:${flagPattern})\]?(?:\s*[=:]\s*|\s+)[A-Za-z])`,
  "i"
);
/** The first characters `keyStart` allows, looked up before any pattern: most cells of a sheet begin otherwise. */
const keyFirstCharacters: ReadonlySet<number> = new Set(
  [..."[prePRE*†kKnN"].map((character) => character.charCodeAt(0))
);
/**
 * Whether a cell's first two characters may begin `keyStart`. A flag letter followed by a letter, a digit
 * or a hyphen cannot ("R-12", "Re-referrals", "Proportion of…"): on the bench's varied sheet of 10,000
 * rows every row's reference starts so, and was matched against the pattern only to fail.
 */
function mayStartKey(cell: string): boolean {
  const first = cell.charCodeAt(0);
  if (!keyFirstCharacters.has(first)) return false;
  if (!flagLetters.has(first)) return true;
  const second = cell.charCodeAt(1);
  return !(
    (second >= 48 && second <= 57) ||
    (second >= 65 && second <= 90) ||
    (second >= 97 && second <= 122) ||
    second === 45
  );
}

/** The first characters of `keyStart`'s flag letters, which a space, "=", ":", "*" or the cell's end must follow. */
const flagLetters: ReadonlySet<number> = new Set(
  [..."prePRE"].map((character) => character.charCodeAt(0))
);

/** How a key entry starts: a flag then a space, "=" or ":" ("p = …", "* …", "[r] …"), or "Key:" / "Note:". */
const keyStart = /^(?:\[|[pre*†](?:[\s=:*]|$)|key\b|notes?\b)/i;

/**
 * The flags a sheet's key defines, from cells anywhere on the sheet that read as key entries. Suppression
 * symbols (c, x, ..) are not flags on a figure and keep their meaning. Each cell is first looked at by its
 * first two characters only, so a sheet of 10,000 rows costs next to nothing.
 */
export function flagKeyOf(grid: Grid): FlagKey {
  const key = new Map<string, string>();
  // By index: a for…of makes an iterator result a row until V8 compiles this.
  for (let at = 0; at < grid.values.length; at++) {
    const row = grid.values[at];
    const present = presentColumns(row);
    const count = present === null ? row.length : present.length;
    for (let index = 0; index < count; index++) {
      const column = present === null ? index : present[index];
      const cell = row[column];
      if (typeof cell !== "string" || !mayStartKey(cell) || !keyStart.test(cell)) continue;
      const next = row[column + 1];
      if (isFlag(cell)) {
        // The two-cell form: "p" in one cell, "Provisional" in the next, with nothing else on the row.
        if (typeof next === "string" && onlyTheseTwo(row, column))
          readKeyEntry(`${cell.trim()} ${next.trim()}`, key);
      } else {
        for (const entry of cell.replace(keyPrefix, "").split(entrySeparator))
          readKeyEntry(entry.trim(), key);
      }
    }
  }
  return key;
}

function onlyTheseTwo(row: readonly unknown[], column: number): boolean {
  return row.every(
    (other, at) => at === column || at === column + 1 || other === null || other === ""
  );
}

/** A legend of the RAG colours ("R = Red, A = Amber, G = Green") is no key of flags. */
const colourWords = /^(?:red|amber|green|blue|grey|gray)\b/i;

function readKeyEntry(entry: string, key: Map<string, string>): void {
  const match = keyEntryPattern.exec(entry);
  if (!match || colourWords.test(match[2])) return;
  // "Revised" reads "72% (revised)" in a reason; "DfE estimate" keeps its capitals.
  defineFlag(key, match[1], match[2]);
}

/** The workbook's words with the sheet's key of flags added; the words as they were when the sheet has none. */
export function withFlagKey(words: Words | undefined, grid: Grid): Words | undefined {
  const flags = flagKeyOf(grid);
  if (flags.size === 0) return words;
  // The sheet's own key wins over the flags the workbook's KPIWords table teaches.
  return {
    entries: words?.entries ?? new Map(),
    flags: words?.flags ? new Map([...words.flags, ...flags]) : flags,
  };
}
