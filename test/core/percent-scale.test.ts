/**
 * How a row keeps its percentages is decided from its target and figures (PRODUCT.md, units): where the
 * two say different things and nothing tells which is meant, the row is Check definition, quoting its own
 * figures, never a colour from a guessed scale.
 */
import { describe, expect, it } from "vitest";
import { findTables, type CellValue } from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport } from "../support/planned-with-report";

const header = [
  "Measure",
  "Polarity",
  "Target",
  "Tolerance",
  "Q1 2024/25",
  "Q2 2024/25",
  "Q3 2024/25",
];
const rowOf = (row: CellValue[], format = "General") =>
  plannedWithReport(
    findTables(
      paddedGrid("Quarterly", [header, row], (r, c) => (r > 0 && c >= 4 ? format : "General"))
    )
  ).tables[0].rows[0];

describe("a row's percent scale", () => {
  it("says Check definition for a whole-number target (90) over figures that are all fractions (0.92), quoting them", () => {
    const row = rowOf(["% of reviews held on time", "Higher is better", 90, 85, 0.92, 0.88, 0.95]);
    expect(row.cells.map((cell) => cell.status)).toEqual(Array(3).fill("Check definition"));
    expect(row.problems.join(" ")).toContain(
      "the target is written as a whole-number percentage (90) but every period figure as a fraction (0.92)"
    );
  });

  it("rates the same figures formatted as % as the fractions they are: 92% Green, 88% Amber, 95% Green", () => {
    const row = rowOf(
      ["% of reviews held on time", "Higher is better", 90, 85, 0.92, 0.88, 0.95],
      "0%"
    );
    expect(row.cells.map((cell) => cell.status)).toEqual(["Green", "Amber", "Green"]);
  });

  it("quotes a row's own figures where they mix fractions with figures above 1", () => {
    const row = rowOf([
      "% of children missing education",
      "Smaller is better",
      "2%",
      "3%",
      1.8,
      0.5,
      2.6,
    ]);
    expect(row.problems.join(" ")).toContain("mix fractions (0.5) with figures above 1 (1.8)");
  });
});
