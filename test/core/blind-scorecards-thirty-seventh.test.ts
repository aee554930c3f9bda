/**
 * Thirty-seventh blind judge: two long ("tidy") tables, one row per KPI per period, with the KPIs
 * interleaved and the periods in mixed spellings and out of time order. Every expectation below was
 * worked out by hand from PRODUCT.md alone; the painted colours are judged independently through
 * test/support/rule-engine.ts.
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  findTables,
  planOf,
  reportOf,
  type CellValue,
  type Grid,
  type Status,
} from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, Status>;

function statusesOf(planned: PlanWithReport): Map<string, Status> {
  const cells = new Map<string, Status>();
  for (const table of planned.tables)
    for (const row of table.rows)
      for (const cell of row.cells) cells.set(cell.address, cell.status);
  return cells;
}

function reasonOf(planned: PlanWithReport, address: string): string {
  for (const table of planned.tables)
    for (const row of table.rows)
      for (const cell of row.cells) if (cell.address === address) return cell.reason;
  return "(not in the report)";
}

/** Each painted cell's status, read back through the plan's own fill → status mapping. */
function paintedStatuses(grid: Grid, planned: PlanWithReport): Map<string, string> {
  const statusOfFill = new Map<string, string>();
  for (const rule of planned.rules)
    if (!statusOfFill.has(rule.fill)) statusOfFill.set(rule.fill, rule.status);
  const painted = new Map<string, string>();
  for (const [address, fill] of paintedCells(grid.values, planned.rules))
    painted.set(address, statusOfFill.get(fill) ?? `unknown fill ${fill}`);
  return painted;
}

function checkCard(grid: Grid, planned: PlanWithReport, expected: Expected): void {
  const rated = statusesOf(planned);
  // Only the Value / Actual cells are period cells: the report rates exactly those.
  expect([...rated.keys()].sort()).toEqual(Object.keys(expected).sort());
  for (const [address, status] of Object.entries(expected))
    expect(
      { address, status: rated.get(address), reason: reasonOf(planned, address) },
      `${address}`
    ).toMatchObject({ address, status });
  const painted = paintedStatuses(grid, planned);
  // A Red/Amber/Green cell is painted its status; every other cell (Suspended, No data, No target
  // figures, and every KPI, Period, Target, Tolerance, RAG or comment cell) is not painted at all.
  const shouldPaint = new Map(
    Object.entries(expected).filter(([, status]) => ["Red", "Amber", "Green"].includes(status))
  );
  expect(Object.fromEntries([...painted].sort())).toEqual(
    Object.fromEntries([...shouldPaint].sort())
  );
}

// ---------------------------------------------------------------------------------------------
// Card 1 — a trust's quarterly long table, Standard scheme.
// Title row, blank row, header on row 3: Measure | Reporting period | Actual | Polarity | Target |
// Amber threshold | Comment. Each Actual is rated against the target and threshold on its own row.
// ---------------------------------------------------------------------------------------------
const assess = "Single assessments completed within 45 working days";
const reref = "Re-referrals to children's social care within 12 months (%)";
const adopt = "Average days between entering care and moving in with adoptive family";
const distant = "Children in care placed more than 20 miles from home";
const leavers = "Care leavers aged 19-21 in education, employment or training";
const caseload = "Average caseload of children's social workers";

const card1Rows: CellValue[][] = [
  ["Children's Services performance – long format (Q3 2024/25 return)"],
  [],
  ["Measure", "Reporting period", "Actual", "Polarity", "Target", "Amber threshold", "Comment"],
  [assess, "Q3 2024/25", 0.874, "Good is: High", 0.9, 0.85, "Agency SW gaps"], // row 4
  [reref, "2024-25 Q3", 23.9, "Lower is better", 22, 25, ""], // row 5
  [assess, "Q1 2024/25", 0.9, "Good is: High", 0.9, 0.85, ""], // row 6
  [adopt, "Qtr 2 2024-25", 398, "Aim to reduce", "426 days", "480 days", ""], // row 7
  [assess, "Q4 2023/24", 0.862, "Good is: High", 0.85, 0.8, "Target raised for 24/25"], // row 8
  [leavers, "Q2 2024/25", "58%*", "Higher = better", 0.6, 0.55, "* includes late returns"], // row 9
  [distant, "Q3 2024/25", 0.131, "Smaller is better", 0.15, 0.18, ""], // row 10
  [reref, "Q1 2024-25", 26, "Lower is better", 22, 25, ""], // row 11
  [distant, "Q2 2024/25", 0.19, "Smaller is better", "Suspended***", null, "Sufficiency review"], // row 12
  [leavers, "Q3 2024/25", null, "Higher = better", 0.6, 0.55, "Awaiting return"], // row 13
  [adopt, "Q3 2024-25", "455 days", "Aim to reduce", "426 days", "480 days", ""], // row 14
  [leavers, "Q1 2024/25", "c", "Higher = better", 0.6, 0.55, "Small cohort"], // row 15
  [caseload, "Q3 2024/25", 17.2, "Monitoring only", "No target", null, ""], // row 16
  [reref, "Q2 2024/25", 25, "Lower is better", 22, 25, ""], // row 17
  [adopt, "Q1 2024/25", 481, "Aim to reduce", "426 days", "480 days", ""], // row 18
  [assess, "Q2 2024/25", 0.842, "Good is: High", 0.9, 0.85, ""], // row 19
];

function card1Format(row: number, column: number): string {
  if (row < 3) return "General";
  const measure = card1Rows[row][0];
  const fractions = measure === assess || measure === distant || measure === leavers;
  if (column === 2 && fractions) return "0.0%";
  if ((column === 4 || column === 5) && fractions) return "0%";
  if (column === 2 && measure === adopt) return "0";
  if (column === 2) return "0.0";
  return "General";
}

const card1Expected: Expected = {
  C4: "Amber", // 87.4% is under the 90% target but at/above the 85% threshold (higher is better)
  C5: "Amber", // 23.9 is worse than 22 but within 25 (lower is better); percentages kept as whole numbers
  C6: "Green", // 90% exactly equals the 90% target: inclusive towards the better side
  C7: "Green", // 398 days ≤ 426 days ("Aim to reduce": lower is better; text target with unit)
  C8: "Green", // 2023/24 row carries its own target of 85%: 86.2% meets it (it would be Amber vs 90%)
  C9: "Amber", // text "58%*" = 58% with the see-note flag; below 60% target, at/above 55%
  C10: "Green", // 13.1% ≤ 15% (smaller is better)
  C11: "Red", // 26 is worse than the 25 threshold
  C12: "Suspended", // target Suspended*** (asterisks allowed)
  C13: "No data", // blank is never a zero
  C14: "Amber", // text "455 days": worse than 426, within 480
  C15: "No data", // "c" is the suppression symbol (confidential)
  C16: "No target", // "Monitoring only" is a context measure, target "No target"
  C17: "Amber", // 25 equals the threshold: amber inclusive towards the better side
  C18: "Red", // 481 days is beyond the 480-day threshold
  C19: "Red", // 84.2% is under the 85% threshold
};

// ---------------------------------------------------------------------------------------------
// Card 2 — a council's early help long table, Amber by direction (Havering-style).
// Header on row 1: KPI | Period | Value | Polarity | Target (green) | RAG. No tolerance column, so
// each target gives two bands; under the scheme an off-target figure is Amber only when it is better
// than the same KPI's figure in the period before it in time, otherwise Red.
// ---------------------------------------------------------------------------------------------
const ehAssess = "Early help assessments completed within 45 days";
const ehReref = "Re-referrals to early help within 12 months (%)";
const ehDays = "Average days from contact to early help allocation";
const stepDown = "Families stepped down from early help to universal services";
const contacts = "Contacts to the Early Help front door";

const card2Rows: CellValue[][] = [
  ["KPI", "Period", "Value", "Polarity", "Target (green)", "RAG"],
  [ehAssess, "Mar-25", 0.83, "Aim: higher", 0.8, "G"], // row 2
  [ehDays, "FY24/25", "10.6 days", "L", "10 days", "A"], // row 3
  [ehReref, "Q1 2024/25", 18, "Lower = better", 15, "R"], // row 4
  [ehAssess, "December 2024", 0.74, "Aim: higher", 0.8, "R"], // row 5
  [stepDown, "Nov 2024", 0.41, "Higher is better", "Suspended", ""], // row 6
  [ehDays, "2022/23", 12.5, "L", "12 days", "R"], // row 7
  [ehAssess, 45689, 0.78, "Aim: higher", 0.8, "A"], // row 8: 1 Feb 2025 as an Excel date
  [ehReref, "Qtr 3 2024/25", 17, "Lower = better", 15, "R"], // row 9
  [contacts, "Q3 2024/25", "1,234", "Measure for information", null, ""], // row 10
  [stepDown, 45566, 0.46, "Higher is better", 0.5, "R"], // row 11: 1 Oct 2024 as an Excel date
  [ehAssess, "Jan 2025", "78% p", "Aim: higher", 0.8, "A"], // row 12
  [ehReref, "2024-25 Q2", 16, "Lower = better", 15, "A"], // row 13
  [ehDays, "2023-24", 11, "L", "12 days", "G"], // row 14
  [stepDown, "Dec-24", 0.52, "Higher is better", 0.5, "G"], // row 15
  [ehReref, "Q4 2024-25", "c", "Lower = better", 15, ""], // row 16
  [stepDown, "Jan-25", null, "Higher is better", 0.5, ""], // row 17
  [contacts, "Q4 2024/25", "1,187", "Measure for information", null, ""], // row 18
];

function card2Format(row: number, column: number): string {
  if (row === 0) return "General";
  const kpi = card2Rows[row][0];
  if (column === 1 && typeof card2Rows[row][1] === "number") return "mmm-yy";
  const fractions = kpi === ehAssess || kpi === stepDown;
  if ((column === 2 || column === 4) && fractions) return "0%";
  if (column === 2 && kpi === ehDays) return "0.0";
  if (column === 2) return "0";
  return "General";
}

const card2Expected: Expected = {
  // Assessments (higher is better, 80%), in time order Dec 74%, Jan 78%p, Feb 78%, Mar 83%.
  C5: "Red", // Dec 74%: off target and the first period of this KPI, nothing earlier to be better than
  C12: "Amber", // Jan "78% p" (provisional): off target but better than Dec's 74%
  C8: "Red", // Feb (date 1 Feb 2025) 78%: off target and only equal to Jan's 78%, not better
  C2: "Green", // Mar 83% ≥ 80%
  // Re-referrals (lower is better, 15 as whole-number %), Q1 18, Q2 16, Q3 17, Q4 c.
  C4: "Red", // Q1 18: off target, first period
  C13: "Amber", // Q2 16: off target, lower (better) than Q1's 18
  C9: "Red", // Q3 17: off target and worse than Q2's 16
  C16: "No data", // Q4 "c": suppressed
  // Days to allocation ("L": lower is better); target 12 days in 22/23 and 23/24, 10 days in 24/25.
  C7: "Red", // 2022/23 12.5 > 12, first period
  C14: "Green", // 2023-24 11 ≤ 12
  C3: "Amber", // FY24/25 "10.6 days" misses its own year's 10 days but beats 2023-24's 11
  // Step-downs (higher is better, 50%), Oct 46%, Nov suspended, Dec 52%, Jan blank.
  C11: "Red", // Oct (date 1 Oct 2024) 46%: off target, first period
  C6: "Suspended", // target says Suspended
  C15: "Green", // Dec 52% ≥ 50%
  C17: "No data", // blank
  // Contacts: "Measure for information" is a context measure; "1,234" is a figure but has no target.
  C10: "No target",
  C18: "No target",
};

describe("blind judge 37: long tables with interleaved KPIs and periods out of order", () => {
  it("rates each Actual of a quarterly long table against its own row under the Standard scheme", () => {
    const grid = paddedGrid("CSC long", card1Rows, card1Format);
    const planned = plannedWithReport(findTables(grid));
    expect(planned.scheme).toBe("Standard");
    checkCard(grid, planned, card1Expected);
  });

  it("rates a long table by direction, comparing each off-target Value with its KPI's period before in time", () => {
    const grid = paddedGrid("Early help long", card2Rows, card2Format);
    const appraisal = appraise(findTables(grid), { scheme: { kind: "amber by direction" } });
    const planned: PlanWithReport = { ...planOf(appraisal), ...reportOf(appraisal) };
    expect(planned.scheme).toMatch(/direction/i);
    checkCard(grid, planned, card2Expected);
    // The reason names the period each off-target figure was compared with: the same KPI's period
    // before it in time, whatever order and spelling the rows use.
    const comparedWith: Record<string, string> = {
      C12: "December 2024",
      C8: "Jan 2025",
      C13: "Q1 2024/25",
      C9: "2024-25 Q2",
      C3: "2023-24",
    };
    for (const [address, period] of Object.entries(comparedWith))
      expect(reasonOf(planned, address), address).toContain(period);
  });
});
