/**
 * Tables of one sheet share the definitions their rows' wordings read to, so each wording is read once per
 * sheet; a table still gets its own tolerance sets, whatever the table above it used.
 */
import { describe, expect, it } from "vitest";
import { findTables, type CellValue, type Grid } from "../../src/core";

function gridOf(rows: CellValue[][]): Grid {
  return {
    sheet: "Scorecard",
    origin: { row: 0, column: 0 },
    values: rows,
    numberFormats: rows.map((row) =>
      row.map((cell) => (typeof cell === "number" ? "0%" : "General"))
    ),
    merges: [],
  };
}

const row = (measure: string): CellValue[] => [
  measure,
  "Bigger is better",
  "90%",
  "80%",
  "70%",
  0.85,
];

describe("tables worded alike on one sheet", () => {
  const found = findTables(
    gridOf([
      ["Measure", "Polarity", "Target", "Tolerance", "Covid19 Tolerance", "2021/22"],
      row("Assessments completed within 45 days"),
      row("Care leavers in education, employment or training"),
      [],
      ["Measure", "Polarity", "Target", "Tolerance", "Recovery Tolerance", "2021/22"],
      row("Initial child protection conferences within 15 working days"),
    ])
  );

  it("finds both tables", () => {
    expect(found.tables.map((table) => table.rows.length)).toEqual([2, 1]);
  });

  it("rates rows worded alike in one table by one definition", () => {
    const [first, second] = found.tables[0].rows;
    expect(first.definition).toBe(second.definition);
  });

  it("gives the second table its own Recovery tolerance, not the first table's Covid19", () => {
    expect(found.tables[0].rows[0].definition.toleranceSets).toContain("Covid19");
    expect(found.tables[1].rows[0].definition.toleranceSets).toContain("Recovery");
    expect(found.tables[1].rows[0].definition.toleranceSets).not.toContain("Covid19");
  });
});
