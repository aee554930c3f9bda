/**
 * Every table's columns are reported as read (PRODUCT.md): the column map names each column it reads, each
 * it leaves alone, and a column inside the table with no header over it where KPI rows hold figures, so an
 * analyst is told that figures were passed over. An empty spacer column says nothing.
 */
import { describe, expect, it } from "vitest";
import { findTables, type CellValue } from "../../src/core";
import { paddedGrid } from "../support/padded-grid";

const header: CellValue[] = [
  "Measure",
  "Polarity",
  "Target",
  "Tolerance",
  "Q1 2024/25",
  "Q2 2024/25",
  null,
  "Q3 2024/25",
];
const rows: CellValue[][] = [
  ["Assessments within 45 days", "Bigger is better", 0.85, 0.75, 0.82, 0.88, 41, 0.9],
  ["Re-referrals within 12 months", "Smaller is better", 0.22, 0.28, 0.25, 0.2, 7, 0.3],
];
const formatAt = (_row: number, column: number): string => (column === 6 ? "General" : "0%");

describe("the column map of a table with a column under no header", () => {
  it("names the column G (no header) where its KPI rows hold figures, and leaves it uncoloured", () => {
    const found = findTables(paddedGrid("Quarterly", [header, ...rows], formatAt));
    const [table] = found.tables;
    expect(table.columnMap).toBe(
      "A measure, B polarity, C target, D tolerance, E–F, H periods; G (no header) left alone"
    );
    expect(table.periods.map((period) => period.column)).toEqual([4, 5, 7]);
  });

  it("says nothing of an empty spacer column", () => {
    const spaced = rows.map((row) => row.map((cell, column) => (column === 6 ? null : cell)));
    const [table] = findTables(paddedGrid("Quarterly", [header, ...spaced], formatAt)).tables;
    expect(table.columnMap).not.toContain("(no header)");
  });
});
