/**
 * A small sheet of percentage figures under one scheme, as the property tests judge it: the appraisal, and
 * each cell's status as the rule engine (the formula judge) paints it. What a cell should be is each test's
 * own: it rates the cell as a custom function would and compares.
 */
import {
  builtInRegister,
  findTables,
  standardSet,
  type Appraisal,
  type CellValue,
  type FormattingPlan,
  type Grid,
  type reportOf,
  type Scheme,
  type Status,
} from "../../src/core";
import { appraiseTables } from "../../src/core/appraisal/appraisal";
import { formattingPlan } from "../../src/core/plan/plan";
import { paintedCells } from "../support/rule-engine";

/** A sheet whose header is `header` and whose numbers are shown as percentages. */
export function percentGrid(sheet: string, header: CellValue[], rows: CellValue[][]): Grid {
  const values = [header, ...rows];
  return {
    sheet,
    origin: { row: 0, column: 0 },
    values,
    numberFormats: values.map((row) =>
      row.map((cell) => (typeof cell === "number" ? "0%" : "General"))
    ),
    merges: [],
  };
}

/** The sheet appraised under `scheme`, and the status each painted cell's fill stands for, by address. */
export function judgedSheet(
  grid: Grid,
  scheme: Scheme
): { appraisal: Appraisal; judged: Map<string, string> } {
  const appraisal = appraiseTables(findTables(grid, builtInRegister), standardSet, scheme);
  const judged = new Map(Object.entries(paintedStatuses(grid.values, formattingPlan(appraisal))));
  return { appraisal, judged };
}

/** The status each cell the plan's rules paint stands for, by address, as the formula judge paints them. */
export function paintedStatuses(
  cells: CellValue[][],
  plan: FormattingPlan
): Record<string, Status> {
  const statusOfFill = new Map(plan.rules.map((rule) => [rule.fill, rule.status]));
  return Object.fromEntries(
    [...paintedCells(cells, plan.rules)].map(([address, fill]) => [
      address,
      statusOfFill.get(fill)!,
    ])
  );
}

/** The status the report gives each cell, by address. */
export function reportedStatuses(report: ReturnType<typeof reportOf>): Record<string, Status> {
  return Object.fromEntries(
    report.rows.flatMap((row) => row.cells.map((cell) => [cell.address, cell.status]))
  );
}

/** A cell's A1 address on these sheets (columns A to Z). */
export function addressOf(cell: { row: number; column: number }): string {
  return `${String.fromCharCode(65 + cell.column)}${cell.row + 1}`;
}
