/**
 * Benchmarks by name and year (PRODUCT.md, "Benchmarks"): `East of England` is a region, not England; a
 * target may name its benchmark's year (`Better than England 2023/24`) and is then rated against that
 * column; and a context row is the `Same` as a benchmark it equals at the precision shown, needing no
 * polarity for that.
 */
import { describe, expect, it } from "vitest";
import { findTables, type CellValue } from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport } from "../support/planned-with-report";

const header: CellValue[] = [
  "Measure",
  "Polarity",
  "Target",
  "2022-23",
  "2023-24",
  "England 2022/23",
  "England 2023/24",
  "East of England",
];
/** The one row's report: its measure, polarity and target, figures for 2022-23 and 2023-24, then the comparators. */
const rowOf = (polarity: string, target: string, ...figures: number[]) =>
  plannedWithReport(
    findTables(
      paddedGrid("Annual", [header, ["A measure", polarity, target, ...figures]], () => "0.0")
    )
  ).tables[0].rows[0];

describe("benchmarks by region and by year", () => {
  it("rates 'Above regional average' against East of England (88.4): 85 Red, 89 Green", () => {
    const row = rowOf("Higher is better", "Above regional average", 85, 89, 86.1, 88, 88.4);
    expect(row.cells.map((cell) => cell.status)).toEqual(["Red", "Green"]);
    expect(row.comparisons.map((comparison) => comparison.benchmark)).toContain("East of England");
    expect(row.comparisons.filter((comparison) => comparison.benchmark === "England")).toHaveLength(
      2
    );
  });

  it("rates 'Better than England 2023/24' (50.3) against that year's column in every period: 49 Red, 52 Green", () => {
    const row = rowOf("High is good", "Better than England 2023/24", 49, 52, 55, 50.3, 40);
    expect(row.cells.map((cell) => cell.status)).toEqual(["Red", "Green"]);
    expect(row.cells[0].reason).toContain("50.3");
  });

  it("says Check definition, naming the year, where the year a target names has no column", () => {
    const row = rowOf("High is good", "Better than England 2021/22", 49, 52, 55, 50.3, 40);
    expect(row.cells.map((cell) => cell.status)).toEqual(["Check definition", "Check definition"]);
    expect(row.problems.join(" ")).toContain("for 2021/22");
  });

  it("finds a context row the Same as a benchmark it equals at the decimals shown, and neither better nor worse otherwise", () => {
    const grid = paddedGrid(
      "Annual",
      [header, ["Children looked after per 10,000", "Context", null, 71, 77, 71, 77.3, 64]],
      (row, column) => (row === 1 && column === 4 ? "0" : "0.0")
    );
    const [row] = plannedWithReport(findTables(grid)).tables[0].rows;
    const verdicts = Object.fromEntries(
      row.comparisons.map((c) => [`${c.benchmark} ${c.year}`, c.verdict])
    );
    expect(verdicts["England 2023/24"]).toBe("Same"); // 77 shown without decimals against 77.3
    expect(verdicts["East of England latest"]).toBe("No polarity"); // 77 against 64
  });
});
