/** Amber by direction in a long table: each row is compared with the same KPI's row for the period before. */
import { describe, expect, it } from "vitest";
import { appraise, findTables, reportOf, type CellValue, type Grid } from "../../src/core";
import { planOf } from "../../src/core";
import { paintedCells } from "../support/rule-engine";

function longTable(rows: CellValue[][]): Grid {
  const values: CellValue[][] = [
    ["KPI", "Period", "Value", "Target", "Tolerance", "Polarity"],
    ...rows,
  ];
  return {
    sheet: "Long",
    origin: { row: 0, column: 0 },
    values,
    numberFormats: values.map((row) => row.map(() => "General")),
    merges: [],
  };
}

const byDirection = { kind: "amber by direction" } as const;

function statuses(grid: Grid): Record<string, string> {
  const appraisal = appraise(findTables(grid), { scheme: byDirection });
  return Object.fromEntries(
    reportOf(appraisal).tables.flatMap((table) =>
      table.rows.flatMap((row) => row.cells.map((cell) => [cell.address, cell.status]))
    )
  );
}

function painted(grid: Grid): string[] {
  const plan = planOf(appraise(findTables(grid), { scheme: byDirection }));
  const names = new Map(plan.rules.map((rule) => [rule.fill, rule.status]));
  return [...paintedCells(grid.values, plan.rules)]
    .map(([address, fill]) => `${address} ${names.get(fill) ?? fill}`)
    .sort();
}

describe("Amber by direction in a long table", () => {
  it("compares a miss with the same KPI's earlier month, newest first: 21 after 24 is Amber, 24 after 19 Red", () => {
    const grid = longTable([
      ["Days to assessment", "Jun 24", 21, 18, 20, "Lower is better"],
      ["Visits on time", "Jun 24", 0.7, 0.9, 0.8, "Higher is better"],
      ["Days to assessment", "May 24", 24, 18, 20, "Lower is better"],
      ["Days to assessment", "Apr 24", 19, 18, 20, "Lower is better"],
    ]);
    expect(statuses(grid)).toEqual({ C2: "Amber", C3: "Red", C4: "Red", C5: "Amber" });
    expect(painted(grid)).toEqual(["C2 Amber", "C3 Red", "C4 Red", "C5 Amber"]);
  });

  it("compares neither of two rows for one month: the month after them is rated as a first period", () => {
    const grid = longTable([
      ["Days to assessment", "Apr 24", 25, 18, 20, "Lower is better"],
      ["Days to assessment", "Apr 24", 26, 18, 20, "Lower is better"],
      ["Days to assessment", "May 24", 22, 18, 20, "Lower is better"],
    ]);
    expect(statuses(grid)).toEqual({ C2: "Red", C3: "Red", C4: "Red" });
    expect(painted(grid)).toEqual(["C2 Red", "C3 Red", "C4 Red"]);
  });
});
