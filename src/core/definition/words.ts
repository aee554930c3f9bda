/**
 * The words a workbook teaches the add-in: a `KPIWords` table (columns Word and Means, on the `KPI Register`
 * sheet) for the polarity codes, no-data words and headers a sheet uses that the built-in readers do not
 * know. Taught words count only for that workbook and win over the built-in ones. A row that cannot be read
 * is reported and left out, never guessed at.
 */

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
