/**
 * Reading the workbook's KPIWords table: each row's Means read into a taught meaning, and the rows left
 * out said in words. Loaded only where a workbook has the table (the custom functions' script does not
 * carry it); the words it builds are used through words.ts.
 */
import type { CellValue } from "../values/cell";
import { isExcelError } from "../values/cell";
import { defineFlag, isFlag } from "./flag-symbols";
import { standardSet } from "./tolerance-set";
import {
  noWords,
  polarityPhrases,
  wordKey,
  wordsTableName,
  type HeaderMeaning,
  type TaughtPolarity,
  type TaughtWord,
  type WordMeaning,
  type WordsRead,
} from "./words";

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

/**
 * Whether a text starts with a scheme's name, so a KPIWords meaning can be kept as one: reading it (and
 * its figures) is the register's `settings.ts`'s, loaded only by a workbook that chooses a scheme.
 */
function namesScheme(text: string): boolean {
  return /^\s*(?:standard|rag|red amber green|green (?:and|&) red|red (?:and|&) green|blue for exceeding|brag|percentage of target|amber by direction)\b/i.test(
    text
  );
}
