/**
 * A dash between two years or months may be any a keyboard, a word processor or a pasted report makes:
 * hyphen, Unicode hyphen, figure dash, en or em dash, horizontal bar, minus. `Q2 2024—25` is in 2024/25 and
 * is rated against `Target 2024—25`, never read as the year "2024" with no target.
 */
import { describe, expect, it } from "vitest";
import { findTables, type CellValue } from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport } from "../support/planned-with-report";

// Higher is better, target 80%, tolerance 70%, per year: each quarter of 2024/25 rated against them.
const header: CellValue[] = [
  "Measure",
  "Polarity",
  "Target 2024\u201425", // em dash
  "Tolerance 2024\u221225", // minus sign
  "Q1 2024\u201425", // em dash
  "Q2 2024\u201225", // figure dash
  "Q3 2024\u221225", // minus sign
  "Jan\u2010Mar 25", // a run of months with a Unicode hyphen: Q4 of 2024/25
];
const row: CellValue[] = [
  "Plans reviewed on time",
  "Higher is better",
  0.8,
  0.7,
  0.85,
  0.75,
  0.65,
  0.8,
];
const grid = paddedGrid("Quarterly", [header, row], (r, c) => (r > 0 && c >= 2 ? "0%" : "General"));

describe("years and months joined by any dash", () => {
  it("rates 85% Green, 75% Amber, 65% Red and 80% Green against Target and Tolerance 2024/25 written with other dashes", () => {
    const plan = plannedWithReport(findTables(grid));
    const [table] = plan.tables;
    expect(table.periods).toEqual(header.slice(4));
    expect(table.rows[0].cells.map((cell) => `${cell.address} ${cell.status}`)).toEqual([
      "E2 Green",
      "F2 Amber",
      "G2 Red",
      "H2 Green",
    ]);
    expect(table.rows[0].cells.map((cell) => cell.reason).join(" ")).not.toMatch(/no target/i);
  });
});
