/**
 * Reading a polarity cell: which way is better, in the wordings scorecards use. The seed's phrases
 * (`Bigger is better`, `In range is better Smaller is better`), the general rule behind the others (a
 * direction or an arrow paired with a word of aim or merit, in any order, with other words between:
 * `Good is: High`, `Lower figure is better`, `Higher = better`; see polarity-grammar.ts), the short codes a polarity column holds (`H`, `L`, `T`), the wordings of
 * a context measure (`Monitoring only`), and the words a workbook teaches. Anything else is a problem to
 * report, never a guess.
 */
import { isExcelError, type CellValue } from "../values/cell";
import { readWay } from "./polarity-grammar";
import type { Read } from "../values/status";
import { polarityPhrases, taughtSource, taughtWord, type Direction, type Words } from "./words";

export type { Direction } from "./words";

/** A polarity cell as read. `reading` says how a wording other than the seed's phrases was understood. */
export type PolarityReading =
  | { kind: "none" } // blank: the row has no polarity
  | { kind: "context"; reading: string } // "Monitoring only": a context measure, not rated; reading says why
  | { kind: "directions"; directions: Direction[]; reading?: string };

/**
 * Where the cell stands. Under a polarity heading (a sheet's Polarity or Good is column, the register's
 * Polarity column, KPI.RAG's polarity argument) the heading says the cell names the better way, so a bare
 * `High`, `Increase` or the code `H` is read; in free text only a whole wording is.
 */
export type PolarityPlace = "under a polarity heading" | "in free text";

const seedPhrases = polarityPhrases.map(({ phrase, direction }) => ({
  words: phrase.toLowerCase(),
  direction,
}));

export const polarityWordsHelp =
  "Bigger is better, Smaller is better, In range is better, a wording such as Higher is better or Fewer days = better, H or L, an arrow ↑ or ↓, or Monitoring only";

/** The names the core gives each way, in the seed's words. */
export const directionWords: Readonly<Record<Direction, string>> = {
  higher: "Bigger is better",
  lower: "Smaller is better",
  range: "In range is better",
};

/** Codes a polarity column holds: only there, since a lone letter means nothing in free text. */
const codes: Readonly<Record<string, Direction>> = { h: "higher", l: "lower", t: "range" };

const rangeWordings =
  /^(?:(?:stay|keep|be|aim to (?:stay|be))\s+)?(?:close to|near|near to|as close as possible to|within range of|in line with)\s+(?:the\s+)?target$|^(?:in|within)\s+(?:the\s+)?(?:target\s+)?range$/;
const contextWordings =
  /^(?:(?:measure|indicator|figure)s?\s+)?for\s+information(?:\s+only)?$|^information\s+only$|^monitor(?:ing)?(?:\s+only)?$|^context(?:ual)?(?:\s+(?:only|measure|indicator))?$|^no\s+polarity$|^n\s?a$|^not\s+applicable$|^none$/;
/** A dash in a polarity cell says the row has none, as a dash does in a target or tolerance cell. */
const dashes = /^[-–—]$/;

/** Reads a polarity cell, taught words first. Never throws. */
export function readPolarityWording(
  cell: CellValue,
  words?: Words,
  place: PolarityPlace = "under a polarity heading"
): Read<PolarityReading> {
  if (cell === null) return { ok: true, value: { kind: "none" } };
  if (typeof cell !== "string")
    return {
      ok: false,
      problem: `the polarity ${isExcelError(cell) ? cell.error : String(cell)} is not wording the add-in knows (use ${polarityWordsHelp})`,
    };
  const written = cell.replace(/\s+/g, " ").trim();
  if (written === "") return { ok: true, value: { kind: "none" } };

  const taught = taughtWord(words, written);
  if (taught?.meaning.kind === "polarity") {
    const polarity = taught.meaning.polarity;
    return {
      ok: true,
      value:
        polarity === "context"
          ? { kind: "context", reading: taughtSource(taught) }
          : { kind: "directions", directions: [polarity], reading: taughtSource(taught) },
    };
  }

  if (dashes.test(written))
    return { ok: true, value: { kind: "context", reading: `the polarity says "${written}"` } };
  const phrases = seedPhrasesOf(written.toLowerCase());
  if (phrases) return { ok: true, value: { kind: "directions", directions: phrases } };
  return readOtherWording(written, place === "under a polarity heading");
}

/** A polarity in other councils' words: a code (H, L, T) under a polarity heading, a range, context, or a direction. */
function readOtherWording(written: string, headed: boolean): Read<PolarityReading> {
  const lower = written.toLowerCase();
  const loose = lower.replace(/[^\p{L}\p{N}=]+/gu, " ").trim();
  const code = headed ? codes[loose] : undefined;
  if (code && /^\p{L}\.?$/u.test(written))
    return {
      ok: true,
      value: {
        kind: "directions",
        directions: [code],
        reading: `"${written}" read as ${code === "range" ? "stay close to target (In range is better)" : directionWords[code]}`,
      },
    };
  if (rangeWordings.test(loose))
    return {
      ok: true,
      value: {
        kind: "directions",
        directions: ["range"],
        reading: `"${written}" read as In range is better`,
      },
    };
  if (contextWordings.test(loose))
    return { ok: true, value: { kind: "context", reading: `the polarity says "${written}"` } };

  const way = readWay(written, headed);
  if (way.ok)
    return {
      ok: true,
      value: {
        kind: "directions",
        directions: [way.way],
        reading: `"${written}" read as ${directionWords[way.way]}`,
      },
    };
  return {
    ok: false,
    problem: `the polarity "${written}" is not wording the add-in knows${way.why === "" ? "" : `: ${way.why}`} (use ${polarityWordsHelp})`,
  };
}

/**
 * The phrases of a polarity cell, in the order written: what the trend and the definition need. A blank or
 * a context wording gives an empty list; anything unknown is a problem, never a guess.
 */
export function readPolarity(
  cell: CellValue,
  words?: Words,
  place: PolarityPlace = "under a polarity heading"
): Read<Direction[]> {
  const read = readPolarityWording(cell, words, place);
  if (!read.ok) return read;
  return { ok: true, value: read.value.kind === "directions" ? read.value.directions : [] };
}

/** The seed's phrases one after another ("In range is better Smaller is better"), or null when the cell is not only those. */
function seedPhrasesOf(text: string): Direction[] | null {
  let rest = text;
  const found: Direction[] = [];
  while (rest.length > 0) {
    const phrase = seedPhrases.find((candidate) => rest.startsWith(candidate.words));
    if (!phrase) return null;
    found.push(phrase.direction);
    rest = rest
      .slice(phrase.words.length)
      .replace(/^[\s,;/&]+|^and\s+/, "")
      .trim();
  }
  return found;
}
