/**
 * The KPIWords table: the words one workbook teaches (Word, Means), read into the taught-words type the
 * polarity, value and header readers take. Rows it cannot read are reported, never guessed at.
 */
import { describe, expect, it } from "vitest";
import { wordKey, type CellValue } from "../../src/core";
import { readWords } from "../../src/core/definition/read-words";
import { taughtHeader, taughtWord, type WordMeaning } from "../../src/core/definition/words";
import { eachRow } from "./each-row";

const header: CellValue[] = ["Word", "Means"];

describe("readWords", () => {
  eachRow(
    [
      { word: "H", means: "Bigger is better", meaning: { kind: "polarity", polarity: "higher" } },
      { word: "L", means: "Smaller is better", meaning: { kind: "polarity", polarity: "lower" } },
      {
        word: "Band",
        means: "In range is better",
        meaning: { kind: "polarity", polarity: "range" },
      },
      { word: "Info", means: "No target", meaning: { kind: "polarity", polarity: "context" } },
      { word: "NYA", means: "No data", meaning: { kind: "no data" } },
      {
        word: "Floor",
        means: "Tolerance",
        meaning: { kind: "header", header: { role: "tolerance", set: "Standard" } },
      },
      {
        word: "Pandemic floor",
        means: "Covid19 Tolerance",
        meaning: { kind: "header", header: { role: "tolerance", set: "Covid19" } },
      },
      {
        word: "Amber floor",
        means: "Standard tolerance",
        meaning: { kind: "header", header: { role: "tolerance", set: "Standard" } },
      },
      {
        word: "RAG",
        means: "Not a period",
        meaning: { kind: "header", header: { role: "not a period" } },
      },
      {
        word: "Indicator title",
        means: "Measure",
        meaning: { kind: "header", header: { role: "measure" } },
      },
      {
        word: "Scorecard no",
        means: "Reference",
        meaning: { kind: "header", header: { role: "reference" } },
      },
      {
        word: "KPI ref",
        means: "KPI number",
        meaning: { kind: "header", header: { role: "kpi number" } },
      },
    ] satisfies Array<{ word: string; means: string; meaning: WordMeaning }>,
    ({ word, means }) => `reads the row ${word} → ${means} as a taught word`,
    ({ word, means, meaning }) => {
      const read = readWords([header, [word, means]]);
      expect(read.problems).toEqual([]);
      expect(taughtWord(read.words, word)).toEqual({ word, means, meaning });
    }
  );

  it('finds a taught word whatever its case, spacing and punctuation ("good is: HIGH" is the word Good is High)', () => {
    const { words } = readWords([header, ["Good is High", "Bigger is better"]]);
    expect(taughtWord(words, "good is:  HIGH")?.meaning).toEqual({
      kind: "polarity",
      polarity: "higher",
    });
    expect(wordKey("N/A")).toBe(wordKey("n / a"));
  });

  it('keeps a word that is only punctuation ("..") as itself, so it can still be taught', () => {
    const { words } = readWords([header, ["..", "No data"], ["-", "No data"]]);
    expect(taughtWord(words, "..")?.meaning).toEqual({ kind: "no data" });
    expect(taughtWord(words, "-")?.meaning).toEqual({ kind: "no data" });
    expect(taughtWord(words, ".")).toBeUndefined();
  });

  it("reads the columns by their headers in any order, and skips blank rows", () => {
    const read = readWords([
      ["Means", "Notes", "Word"],
      ["Tolerance", "our amber floor", "Floor"],
      [null, null, null],
      ["", "", ""],
    ]);
    expect(read.problems).toEqual([]);
    expect(taughtHeader(read.words, "FLOOR")).toEqual({ role: "tolerance", set: "Standard" });
    expect(read.words.entries.size).toBe(1);
  });

  it("reports a row with a meaning it does not know, a row with no word, a row with no meaning and a word taught twice, and keeps the rest", () => {
    const read = readWords([
      header,
      ["Steady", "Good-ish"],
      [null, "No data"],
      ["Z", null],
      ["H", "Bigger is better"],
      ["h", "Smaller is better"],
      ["L", "Smaller is better"],
    ]);
    expect(read.problems).toEqual([
      expect.stringMatching(
        /^Row 2 of KPIWords: "Good-ish" is not a meaning the add-in knows \(use Bigger is better, .*No data.*Not a period.*\): left out$/
      ),
      "Row 3 of KPIWords has no word: left out",
      'Row 4 of KPIWords: "Z" has no meaning in the Means column: left out',
      'Row 6 of KPIWords: "h" is taught twice: the first row (Bigger is better) is used',
    ]);
    expect([...read.words.entries.values()].map((word) => word.word)).toEqual(["H", "L"]);
    expect(taughtWord(read.words, "h")?.meaning).toEqual({ kind: "polarity", polarity: "higher" });
  });

  it("reports a table with no Means column and teaches nothing", () => {
    const read = readWords([
      ["Word", "Meaning"],
      ["H", "Bigger is better"],
    ]);
    expect(read.problems).toEqual([
      "The KPIWords table has no Means column: its words were not used",
    ]);
    expect(read.words.entries.size).toBe(0);
  });

  it("teaches nothing from an empty table, and finds no taught word when there are none", () => {
    expect(readWords([]).words.entries.size).toBe(0);
    expect(taughtWord(undefined, "H")).toBeUndefined();
    expect(taughtHeader(readWords([header, ["H", "Bigger is better"]]).words, "H")).toBeUndefined();
  });
});
