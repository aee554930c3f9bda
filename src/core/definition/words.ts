/**
 * The words a workbook teaches the add-in: a `KPIWords` table (columns Word and Means, on the `KPI Register`
 * sheet) for the polarity codes, no-data words and headers a sheet uses that the built-in readers do not
 * know. Taught words count only for that workbook and win over the built-in ones. A row that cannot be read
 * is reported and left out, never guessed at.
 */
import { defineFlag, isFlag } from "./flag-symbols";
import { isExcelError, type CellValue } from "../values/cell";
import { standardSet } from "./tolerance-set";

export const wordsTableName = "KPIWords";
export const wordsColumns = ["Word", "Means"] as const;

/** One polarity phrase: which way is better, as polarity.ts reads it and the KPIWords table teaches it. */
export type Direction = "higher" | "lower" | "range";

/** What a polarity cell can be taught to mean: a way that is better, or a context measure. */
export type TaughtPolarity = Direction | "context";

/** The role a header word can be taught to name. */
export type HeaderMeaning =
  | { readonly role: "measure" }
  | { readonly role: "section" }
  | { readonly role: "polarity" }
  | { readonly role: "target" }
  | { readonly role: "stretch" } // a stretch target, rated only by the Blue for exceeding scheme
  | { readonly role: "tolerance"; readonly set: string } // "Tolerance" is the standard set; "Covid19 Tolerance" names another
  | { readonly role: "unit" }
  | { readonly role: "kpi number" } // a register number: rows are rated from the register
  | { readonly role: "reference" } // a row reference (Ref, No., Code): never pulls thresholds from the register
  | { readonly role: "period" }
  | { readonly role: "not a period" }
  | { readonly role: "comparator" }
  | { readonly role: "rag" }
  | { readonly role: "direction of travel" }
  | { readonly role: "commentary" };

export type WordMeaning =
  | { readonly kind: "polarity"; readonly polarity: TaughtPolarity }
  | { readonly kind: "no data" }
  | { readonly kind: "header"; readonly header: HeaderMeaning }
  | { readonly kind: "scheme" }; // names the workbook's council scheme ("Amber by direction"), read in settings.ts

export interface TaughtWord {
  /** The word as the table writes it. */
  readonly word: string;
  /** The Means cell as the table writes it, for reasons: `"H" means Bigger is better (taught in KPIWords)`. */
  readonly means: string;
  readonly meaning: WordMeaning;
}

/** The words one workbook teaches, by `wordKey`. */
export interface Words {
  readonly entries: ReadonlyMap<string, TaughtWord>;
  /** Flags on figures and their meanings ("p = provisional figure"), the sheet's key over KPIWords': see sheet-key.ts. */
  readonly flags?: ReadonlyMap<string, string>;
}

export const noWords: Words = { entries: new Map() };

export interface WordsRead {
  words: Words;
  /** Rows of the table that were left out, in words: `Row 4 of KPIWords: "Good-ish" is not …`. */
  problems: string[];
}

/**
 * How a word is compared: case, spacing and punctuation do not matter ("Good is: High" is "good is high").
 * A word that is nothing but punctuation ("-", "..") keeps it, so it can still be taught.
 */
export function wordKey(text: string): string {
  const lower = text.toLowerCase();
  const loose = lower.replace(/[\s\p{P}]+/gu, " ").trim();
  return loose === "" ? lower.replace(/\s+/g, "") : loose;
}

/** The seeds' polarity phrases, as the pane and the KPIWords table write them. */
export const polarityPhrases: ReadonlyArray<{ phrase: string; direction: Direction }> = [
  { phrase: "Bigger is better", direction: "higher" },
  { phrase: "Higher is better", direction: "higher" },
  { phrase: "Outstanding is better", direction: "higher" },
  { phrase: "Smaller is better", direction: "lower" },
  { phrase: "Lower is better", direction: "lower" },
  { phrase: "In range is better", direction: "range" },
];

const polarityMeanings: ReadonlyArray<{ means: string; polarity: TaughtPolarity }> = [
  ...polarityPhrases.map(({ phrase, direction }) => ({ means: phrase, polarity: direction })),
  { means: "No target", polarity: "context" },
];

const headerMeanings: ReadonlyArray<{ means: string; header: HeaderMeaning }> = [
  { means: "Measure", header: { role: "measure" } },
  { means: "Section", header: { role: "section" } },
  { means: "Polarity", header: { role: "polarity" } },
  { means: "Target", header: { role: "target" } },
  { means: "Stretch", header: { role: "stretch" } },
  { means: "Tolerance", header: { role: "tolerance", set: standardSet } },
  { means: "Unit", header: { role: "unit" } },
  { means: "KPI number", header: { role: "kpi number" } },
  { means: "Reference", header: { role: "reference" } },
  { means: "Period", header: { role: "period" } },
  { means: "Not a period", header: { role: "not a period" } },
  { means: "Comparator", header: { role: "comparator" } },
  { means: "RAG", header: { role: "rag" } },
  { means: "Direction of travel", header: { role: "direction of travel" } },
  { means: "Commentary", header: { role: "commentary" } },
];

/** The Means values the table accepts, for the analyst when one cannot be read. */
export const meaningsHelp = [
  ...polarityMeanings.map((meaning) => meaning.means),
  "No data",
  ...headerMeanings.map((meaning) => meaning.means),
  "<name> Tolerance",
  "a scheme such as Amber by direction",
].join(", ");

/** Reads a Means cell: a polarity phrase, "No data", or a header role. */
export function readMeaning(means: string): WordMeaning | null {
  const key = wordKey(means);
  const polarity = polarityMeanings.find((meaning) => wordKey(meaning.means) === key);
  if (polarity) return { kind: "polarity", polarity: polarity.polarity };
  if (key === "no data") return { kind: "no data" };
  const header = headerMeanings.find((meaning) => wordKey(meaning.means) === key);
  if (header) return { kind: "header", header: header.header };
  // "Covid19 Tolerance" teaches a header of an alternative tolerance set.
  const set = /^(.+?)\s+tolerance$/i.exec(means.replace(/\s+/g, " ").trim());
  if (set)
    return {
      kind: "header",
      header: {
        role: "tolerance",
        set: wordKey(set[1]) === "standard" ? "Standard" : set[1].trim(),
      },
    };
  if (namesScheme(means)) return { kind: "scheme" };
  return null;
}

/**
 * Builds the taught words from the KPIWords table's rows, header row first. Blank rows are skipped; a row
 * with no word, a meaning the add-in does not know, or a word taught twice is reported and left out.
 */
export function readWords(rows: ReadonlyArray<ReadonlyArray<CellValue>>): WordsRead {
  if (rows.length === 0) return { words: noWords, problems: [] };
  const header = rows[0].map((cell) => (typeof cell === "string" ? wordKey(cell) : ""));
  const wordColumn = header.indexOf("word");
  const meansColumn = header.indexOf("means");
  if (wordColumn < 0 || meansColumn < 0) {
    const missing = [wordColumn < 0 ? "Word" : "", meansColumn < 0 ? "Means" : ""]
      .filter((name) => name !== "")
      .join(" and ");
    return {
      words: noWords,
      problems: [`The ${wordsTableName} table has no ${missing} column: its words were not used`],
    };
  }
  const entries = new Map<string, TaughtWord>();
  const flags = new Map<string, string>();
  const problems: string[] = [];
  rows.slice(1).forEach((row, index) => {
    const label = `Row ${index + 2} of ${wordsTableName}`;
    const word = textOf(row[wordColumn] ?? null);
    const means = textOf(row[meansColumn] ?? null);
    if (word === "" && means === "") return;
    if (word === "") return void problems.push(`${label} has no word: left out`);
    if (means === "")
      return void problems.push(`${label}: "${word}" has no meaning in the Means column: left out`);
    const meaning = readMeaning(means);
    // A flag on a figure ("†" means Provisional) says what the flag means, in the analyst's words.
    if (!meaning && isFlag(word)) return defineFlag(flags, word, means);
    if (!meaning)
      return void problems.push(
        `${label}: "${means}" is not a meaning the add-in knows (use ${meaningsHelp}): left out`
      );
    const key = wordKey(word);
    const earlier = entries.get(key);
    if (earlier)
      return void problems.push(
        `${label}: "${word}" is taught twice: the first row (${earlier.means}) is used`
      );
    entries.set(key, { word, means, meaning });
  });
  return { words: flags.size === 0 ? { entries } : { entries, flags }, problems };
}

function textOf(cell: CellValue): string {
  if (cell === null || isExcelError(cell)) return "";
  return String(cell).replace(/\s+/g, " ").trim();
}

/** The taught word a cell or header holds, when the workbook teaches one. */
export function taughtWord(words: Words | undefined, text: string): TaughtWord | undefined {
  if (!words || words.entries.size === 0) return undefined;
  return words.entries.get(wordKey(text));
}

/** The role a taught header word names, for the header readers. */
export function taughtHeader(words: Words | undefined, label: string): HeaderMeaning | undefined {
  const taught = taughtWord(words, label);
  return taught?.meaning.kind === "header" ? taught.meaning.header : undefined;
}

/** The KPIWords word whose meaning names a council scheme, if any does (its Means is read in settings.ts). */
export function schemeTaught(words: Words | undefined): TaughtWord | undefined {
  for (const taught of words?.entries.values() ?? [])
    if (taught.meaning.kind === "scheme") return taught;
  return undefined;
}

/** How a reason says where a word's meaning came from. */
export function taughtSource(taught: TaughtWord): string {
  return `"${taught.word}" means ${taught.means}, as the ${wordsTableName} table teaches`;
}

/**
 * Whether a text starts with a scheme's name, so a KPIWords meaning can be kept as one: reading it (and
 * its figures) is the register's `settings.ts`'s, loaded only by a workbook that chooses a scheme.
 */
function namesScheme(text: string): boolean {
  return /^\s*(?:standard|rag|red amber green|green (?:and|&) red|red (?:and|&) green|blue for exceeding|brag|percentage of target|amber by direction)\b/i.test(
    text
  );
}
