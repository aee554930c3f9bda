/**
 * Twenty-fifth blind judge: layouts other than a row per KPI, worked by hand from PRODUCT.md alone.
 * - an Actual / Target / Tolerance rows card with labels in several spellings (Actual, Performance, Result;
 *   Target, Goal; Tolerance, Floor, Amber threshold), polarity on each KPI's name row, section rows between
 *   KPIs, months as Excel dates in the header, a blank Target in one period, text figures with flags;
 * - a long ("tidy") table whose columns come in another order and spelling (Reporting period, Indicator,
 *   Actual, Polarity, Target, Tolerance (pp)), quarters and Excel dates as periods, two KPIs interleaved,
 *   a blank value, a suppressed value and a context measure;
 * - a single KPI with its periods down the rows, which PRODUCT.md says cannot be read.
 * Every rated cell's status is checked by address, and the colours the rules would paint (judged by the
 * independent rule engine) must be exactly the Red/Amber/Green cells, nothing else.
 */
import { describe, expect, it } from "vitest";
import { type CellValue, findTables, type Grid } from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, string>;

const ragStatuses = new Set(["Red", "Amber", "Green", "Blue"]);

function statusesOf(plan: PlanWithReport): Map<string, { status: string; reason: string }> {
  const byAddress = new Map<string, { status: string; reason: string }>();
  for (const table of plan.tables)
    for (const row of table.rows)
      for (const cell of row.cells)
        byAddress.set(cell.address, { status: cell.status, reason: cell.reason });
  return byAddress;
}

/** Checks each expected status, and that the painted colours are exactly the R/A/G cells' statuses. */
function checkCard(grid: Grid, plan: PlanWithReport, expected: Expected): void {
  const rated = statusesOf(plan);
  const seen: Record<string, string> = {};
  const wanted: Record<string, string> = {};
  for (const [address, status] of Object.entries(expected)) {
    const got = rated.get(address);
    seen[address] = got ? `${got.status} (${got.reason})` : "not rated";
    wanted[address] = got && got.status === status ? seen[address] : status;
  }
  expect(seen).toEqual(wanted);

  const statusOfFill = new Map(plan.rules.map((rule) => [rule.fill, rule.status]));
  const painted = paintedCells(grid.values, plan.rules);
  const paintedStatuses: Record<string, string> = {};
  for (const [address, fill] of painted)
    paintedStatuses[address] = statusOfFill.get(fill) ?? `unknown fill ${fill}`;
  const expectedPaint: Record<string, string> = {};
  for (const [address, status] of Object.entries(expected))
    if (ragStatuses.has(status)) expectedPaint[address] = status;
  expect(paintedStatuses).toEqual(expectedPaint);
}

describe("an Actual / Target / Tolerance rows card, labels in several spellings", () => {
  // Months as Excel dates in the header: Apr-24 .. Aug-24 (1st of each month).
  const rows: CellValue[][] = [
    ["Indicator", "Polarity", 45383, 45413, 45444, 45474, 45505], // 1
    ["Early Help and Front Door"], // 2: a section row
    ["Re-referrals to children's social care within 12 months", "Less is better"], // 3
    ["Actual", null, 0.21, 0.19, 0.24, 0.18, "26% r"], // 4
    ["Target", null, 0.2, 0.2, 0.2, 0.2, 0.2], // 5
    ["Tolerance", null, 0.23, 0.23, 0.23, 0.23, 0.23], // 6
    ["Child and family assessments completed within 45 working days", "Aim: higher"], // 7
    ["Performance", null, 0.82, 0.88, "91%", 0.79, null], // 8
    ["Goal", null, 0.85, 0.85, 0.9, 0.9, 0.9], // 9
    ["Floor", null, 0.8, 0.8, 0.85, 0.85, 0.85], // 10
    ["Children in Care and Care Leavers"], // 11: a section row
    ["Average days from entering care to moving in with an adoptive family", "Good is: Low"], // 12
    ["Result", null, 410, "455 days", 380, 502, 430], // 13
    ["Target", null, 426, 426, null, 426, 426], // 14
    ["Amber threshold", null, 480, 480, 480, 480, 480], // 15
    ["Care leavers aged 19-21 in education, employment or training", "H"], // 16
    ["Actual", null, 55, 58, 60, "n/a", "61p"], // 17
    ["Target", null, 60, 60, 60, 60, 60], // 18
    ["Tolerance", null, 55, 55, 55, 55, 55], // 19
  ];
  const percentRows = new Set([3, 4, 5, 7, 8, 9]); // zero-based rows holding fractions shown as %
  const grid = paddedGrid("Monthly tracker", rows, (r, c) =>
    r === 0 && c >= 2 ? "mmm-yy" : percentRows.has(r) && c >= 2 ? "0%" : "General"
  );

  it("rates each Actual figure against its own month's Target and Tolerance, painting only Actual cells", () => {
    const plan = plannedWithReport(findTables(grid));
    checkCard(grid, plan, {
      // "Less is better" pairs a direction (less) with merit (better): lower is better; Green <= 20%,
      // Amber <= 23%, else Red.
      C4: "Amber", // 21% is over the 20% target but within the 23% tolerance
      D4: "Green", // 19% <= 20%
      E4: "Red", // 24% > 23%
      F4: "Green", // 18%
      G4: "Red", // "26% r" is the figure 26% flagged revised; 26% > 23%
      // "Aim: higher"; the Goal row is the target and the Floor row the tolerance, per month.
      C8: "Amber", // 82% below the 85% goal, at or above the 80% floor
      D8: "Green", // 88% >= 85%
      E8: "Green", // "91%" as text is 91%, >= this month's 90% goal
      F8: "Red", // 79% below this month's 85% floor
      G8: "No data", // blank: never a zero
      // "Good is: Low", days: Green <= 426, Amber <= 480 (Amber threshold), else Red.
      C13: "Green", // 410 <= 426
      D13: "Amber", // "455 days" is 455: over 426, within 480
      E13: "No target", // June's Target cell is blank: that period has no target
      F13: "Red", // 502 > 480
      G13: "Amber", // 430: over 426, within 480
      // "H" under the Polarity heading: higher is better; whole-number percentages, Green >= 60, Amber >= 55.
      C17: "Amber", // 55 is exactly the tolerance: inclusive towards the better side
      D17: "Amber", // 58
      E17: "Green", // 60 is exactly the target
      F17: "No data", // "n/a"
      G17: "Green", // "61p" is 61, provisional
    });
  });
});

describe("a long (tidy) table: one row per KPI per period, columns in another order", () => {
  const reRegistrations =
    "Children becoming subject to a CP plan for a second or later time (2 yrs)";
  const healthAssessments = "Initial health assessments held within 20 working days";
  const cpRate = "Children subject to a CP plan, rate per 10,000";
  const lower = "Lower % = better";
  const higher = "Increase is good";
  const rows: CellValue[][] = [
    ["Reporting period", "Indicator", "Actual", "Polarity", "Target", "Tolerance (pp)"], // 1
    ["Q1 2023/24", reRegistrations, 0.172, lower, 0.18, 3], // 2
    ["Q1 2023/24", healthAssessments, 0.81, higher, 0.8, 5], // 3
    ["Qtr 2 2023-24", reRegistrations, 0.195, lower, 0.18, 3], // 4
    ["Qtr 2 2023-24", healthAssessments, 0.77, higher, 0.8, 5], // 5
    ["2023/24 Q3", reRegistrations, 0.21, lower, 0.18, 3], // 6
    ["2023/24 Q3", healthAssessments, null, higher, 0.8, 5], // 7
    ["Q4 FY23/24", reRegistrations, "23.4%", lower, 0.18, 3], // 8
    ["Q4 FY23/24", healthAssessments, 0.74, higher, 0.8, 5], // 9
    [45473, reRegistrations, 0.18, lower, 0.18, 3], // 10: 30/06/2024
    [45473, healthAssessments, 0.75, higher, 0.8, 5], // 11
    [45565, reRegistrations, "c", lower, 0.18, 3], // 12: 30/09/2024
    [45565, healthAssessments, 0.9, higher, 0.8, 5], // 13
    [45473, cpRate, 38.5, "Monitoring only", null, null], // 14
    [45565, cpRate, 41.2, "Monitoring only", null, null], // 15
  ];
  const grid = paddedGrid("Quarterly returns", rows, (r, c) => {
    if (r === 0) return "General";
    if (c === 0) return typeof rows[r][0] === "number" ? "dd/mm/yyyy" : "General";
    if (c === 2) return r >= 13 ? "0.0" : "0.0%";
    if (c === 4) return "0%";
    if (c === 5) return "0";
    return "General";
  });

  it("rates each Actual against its own row's polarity, target and percentage-point tolerance", () => {
    const plan = plannedWithReport(findTables(grid));
    checkCard(grid, plan, {
      // Re-registrations: "Lower % = better" (lower + better); target 18%; "Tolerance (pp)" makes 3 a
      // margin of 3 percentage points, so Amber up to 21%.
      C2: "Green", // 17.2% <= 18%
      C4: "Amber", // 19.5%: over 18%, within 21%
      C6: "Amber", // 21.0% is exactly the amber boundary: inclusive
      C8: "Red", // "23.4%" as text is 23.4% > 21%
      C10: "Green", // 18.0% is exactly the target
      C12: "No data", // "c": suppressed (confidential) in published statistics
      // Health assessments: "Increase is good" (increase + good): higher is better; 80% target, 5pp
      // margin, so Amber from 75%.
      C3: "Green", // 81% >= 80%
      C5: "Amber", // 77%: below 80%, at or above 75%
      C7: "No data", // blank value
      C9: "Red", // 74% < 75%
      C11: "Amber", // 75% exactly the amber floor: inclusive
      C13: "Green", // 90%
      // "Monitoring only" is a context measure.
      C14: "No target",
      C15: "No target",
    });
  });
});

describe("a single KPI with its periods down the rows", () => {
  const rows: CellValue[][] = [
    ["Children subject to a child protection plan (number at month end)"],
    ["Month", "Actual", "Target", "Tolerance"],
    [45383, 312, 300, 330],
    [45413, 305, 300, 330],
    [45444, 341, 300, 330],
    [45474, 298, 300, 330],
    [45505, 322, 300, 330],
  ];
  const grid = paddedGrid("CP trend", rows, (r, c) => (r >= 2 && c === 0 ? "mmm-yy" : "General"));

  it("is skipped with a reason, and nothing on it is planned or painted", () => {
    // PRODUCT.md (Layouts): periods down the rows is a layout the product cannot read; it is skipped with
    // a reason that says what it saw, never rated from a guess.
    const found = findTables(grid);
    expect(found.tables).toEqual([]);
    expect(found.skipped ?? "").not.toBe("");
    const plan = plannedWithReport(found);
    expect(plan.rules).toEqual([]);
    expect(paintedCells(grid.values, plan.rules).size).toBe(0);
    // "each is read, or skipped with a reason that names the shape": the column of months down column A
    // is periods down the rows of one KPI, and "Actual" is a row label, not a period.
    expect(found.skipped ?? "").toMatch(/down the rows|periods down|one KPI|single KPI/i);
  });
});
