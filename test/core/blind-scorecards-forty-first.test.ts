/**
 * Blind judge 41: two small scorecards a new analyst at another council might build, with statuses worked
 * out by hand from PRODUCT.md's rules alone. Every period cell's status is checked by address, and the
 * fill each conditional-formatting rule would paint (judged independently by HyperFormula) must match it,
 * with nothing else on the sheet painted.
 */
import { describe, expect, it } from "vitest";
import { findTables, toleranceSetsOf, type CellValue, type Grid } from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected =
  "Green" | "Amber" | "Red" | "Suspended" | "No target" | "No data" | "Check definition";
const G = "Green";
const A = "Amber";
const R = "Red";
const S = "Suspended";
const NT = "No target";
const ND = "No data";
const CD = "Check definition";

/** Expected statuses by address, from a row number and one status per period column starting at `first`. */
function byAddress(first: string, rows: Record<number, Expected[]>): Map<string, Expected> {
  const out = new Map<string, Expected>();
  const start = first.charCodeAt(0);
  for (const [row, statuses] of Object.entries(rows))
    statuses.forEach((status, i) => out.set(`${String.fromCharCode(start + i)}${row}`, status));
  return out;
}

function reportedCells(plan: PlanWithReport): Map<string, { status: string; reason: string }> {
  const cells = new Map<string, { status: string; reason: string }>();
  for (const table of plan.tables)
    for (const row of table.rows)
      for (const cell of row.cells)
        cells.set(cell.address, { status: cell.status, reason: cell.reason });
  return cells;
}

/** Checks every expected status, that the report rates no other cell, and that fills match statuses exactly. */
function judge(grid: Grid, plan: PlanWithReport, expected: Map<string, Expected>): void {
  const reported = reportedCells(plan);
  for (const [address, status] of expected) {
    const got = reported.get(address);
    expect.soft(got?.status, `${address}: ${got?.reason ?? "not in the report"}`).toBe(status);
  }
  expect.soft([...reported.keys()].sort()).toEqual([...expected.keys()].sort());

  const statusOfFill = new Map<string, string>();
  for (const rule of plan.rules)
    if (!statusOfFill.has(rule.fill)) statusOfFill.set(rule.fill, rule.status);
  const painted = paintedCells(grid.values, plan.rules);
  for (const [address, fill] of painted) {
    const want = expected.get(address);
    expect
      .soft(
        statusOfFill.get(fill),
        `${address} painted ${fill}; its status should be ${want ?? "unpainted (not a period)"}`
      )
      .toBe(want);
  }
  for (const [address, status] of expected)
    if (status === G || status === A || status === R)
      expect.soft(painted.has(address), `${address} (${status}) should be painted`).toBe(true);
}

// Excel date serials for the first of each month.
const jan25 = 45658;
const feb25 = 45689;
const mar25 = 45717;
const apr25 = 45748;
const may25 = 45778;

describe("a monthly early-help scorecard with a target for each financial year and a year-to-date column", () => {
  // Row 1 is a title; the header is row 2; KPIs on rows 3-10. Periods G-K are month dates straddling
  // 31 March 2025, so Jan-Mar 2025 fall in 2024/25 and Apr-May 2025 in 2025/26; L is 2025/26's YTD.
  const rows: CellValue[][] = [
    ["Early Help and Safeguarding: monthly dashboard"],
    [
      "Ref",
      "Indicator",
      "Polarity",
      "Target 2024/25",
      "Target 2025/26",
      "Tolerance",
      jan25,
      feb25,
      mar25,
      apr25,
      may25,
      "YTD 2025/26",
      "England",
      "Commentary",
    ],
    // fractions formatted 0.0%; targets 90% / 92%; "5 points" is an absolute 5pp margin.
    [
      "EH01",
      "Contacts with a decision within 24 hours (%)",
      "Aim: higher",
      0.9,
      0.92,
      "5 points",
      0.912,
      0.9,
      0.874,
      0.905,
      0.92,
      0.913,
      0.88,
      "On track",
    ],
    // percentages kept as whole numbers (General); unqualified tolerance 25 applies to both years.
    [
      "EH02",
      "Re-referrals within 12 months (%)",
      "Lower = better",
      22,
      20,
      25,
      21.5,
      22,
      25,
      20.5,
      26,
      23,
      22.4,
      "",
    ],
    // days written as text with flags; a blank May.
    [
      "EH03",
      "Average days from referral to assessment outcome",
      "Fewer days = better",
      "35 days",
      "30 days",
      "45 days",
      33,
      "36p",
      "47 days",
      "31 r",
      null,
      "31p",
      32,
      "May data late",
    ],
    // a context measure.
    [
      "EH04",
      "Children subject to a CP plan per 10,000",
      "Monitoring only",
      null,
      null,
      null,
      41.2,
      40.8,
      42,
      43.5,
      44,
      43.7,
      41.5,
      "",
    ],
    // fractions, text targets, a "+/- 1.5pp" absolute margin and a suppressed "c".
    [
      "EH05",
      "CP plans lasting 2 years or more (%)",
      "Lower is good",
      "4%",
      "3.5%",
      "+/- 1.5pp",
      0.038,
      0.052,
      "c",
      0.049,
      0.051,
      0.05,
      0.036,
      "",
    ],
    // no 2025/26 target and no unqualified one: 2025/26 periods have no target.
    [
      "EH06",
      "Assessments completed within 45 working days (%)",
      "Higher % = good",
      0.85,
      null,
      "80%",
      0.86,
      0.83,
      0.79,
      0.88,
      "N/A",
      0.87,
      0.82,
      "Target for 25/26 not yet agreed",
    ],
    // a polarity that names no direction: unknown, never guessed.
    [
      "EH07",
      "Children missing from care (episodes)",
      "See note 4",
      20,
      18,
      24,
      22,
      19,
      "x",
      17,
      21,
      19,
      null,
      "",
    ],
    // arrow polarity; whole-number percentages; a relative "within 5% of target" margin; a flagged text figure.
    [
      "EH08",
      "Care leavers in education, employment or training (%)",
      "↑",
      "60%",
      "62%",
      "within 5% of target",
      58,
      61,
      "63%*",
      59,
      58.9,
      60,
      55,
      "",
    ],
  ];
  const fractionRows = new Set([2, 6, 7]); // zero-based rows 3, 7, 8 in Excel numbering
  const grid = paddedGrid("Early Help", rows, (r, c) => {
    if (r === 1 && c >= 6 && c <= 10) return "mmm-yy";
    if (fractionRows.has(r) && c >= 3) return c <= 5 ? "0%" : "0.0%";
    return "General";
  });

  it("rates every month and the year-to-date figure against the target of the year it falls in", () => {
    const plan = plannedWithReport(findTables(grid));
    const expected = byAddress("G", {
      // 24/25 target 90%, amber 85%; 25/26 target 92%, amber 87%. Feb 90.0% = target → Green (inclusive);
      // Mar 87.4% Amber; Apr 90.5% < 92% but ≥ 87% → Amber; May 92% Green; YTD (25/26) 91.3% Amber.
      3: [G, G, A, A, G, A],
      // Lower better, 24/25 target 22 / 25/26 target 20, amber to 25 inclusive. Mar 25 Amber (at the
      // tolerance); Apr 20.5 > 20 → Amber; May 26 > 25 → Red; YTD 23 (25/26) Amber.
      4: [G, G, A, A, R, A],
      // 35 days (24/25), 30 days (25/26), amber to 45. 36p provisional → Amber; "47 days" → Red;
      // "31 r" (25/26) > 30 → Amber; blank May → No data; "31p" YTD → Amber.
      5: [G, A, R, A, ND, A],
      // "Monitoring only" is a context measure.
      6: [NT, NT, NT, NT, NT, NT],
      // 4% / 3.5% with ±1.5pp: amber to 5.5% (24/25), 5.0% (25/26). Feb 5.2% Amber; "c" suppressed →
      // No data; Apr 4.9% Amber; May 5.1% > 5.0% Red; YTD 5.0% = ceiling → Amber (inclusive).
      7: [G, A, ND, A, R, A],
      // 24/25: 85% target, 80% tolerance. 2025/26 has no target of its own and no unqualified one → No
      // target; May "N/A" has no figure → No data whatever the definition.
      8: [G, A, R, NT, ND, NT],
      // "See note 4" is unknown: Check definition for figures, "x" suppressed → No data.
      9: [CD, CD, ND, CD, CD, CD],
      // ↑ higher better; 60% target, amber 57% (5% of 60); 62% target, amber 58.9%. Jan 58 Amber;
      // "63%*" → 63% Green (see note); Apr 59 Amber; May 58.9 at the floor → Amber; YTD 60 < 62 → Amber.
      10: [A, G, G, A, A, A],
    });
    judge(grid, plan, expected);
  });
});

describe("a quarterly children-in-care scorecard, newest quarter first, with a Recovery tolerance set", () => {
  // Title row 1, blank row 2, header row 3, KPIs rows 4-11. Quarters G-K newest first.
  const rows: CellValue[][] = [
    ["Children in Care: quarterly performance report"],
    [],
    [
      "No.",
      "Measure",
      "Polarity",
      "Target",
      "Floor",
      "Recovery tolerance",
      "Qtr 2 2025-26",
      "Qtr 1 2025-26",
      "Qtr 4 2024-25",
      "Qtr 3 2024-25",
      "Qtr 2 2024-25",
      "DoT",
      "Stat neighbours",
    ],
    [
      "1",
      "Children in care with 3+ placements in the year (%)",
      "Less is better",
      0.1,
      0.12,
      "<=15%",
      0.098,
      0.13,
      0.151,
      0.15,
      null,
      "↓",
      0.1,
    ],
    [
      "2",
      "Children in care placed 20+ miles from home (%)",
      "Good: lower",
      "12%",
      "15%",
      "-",
      11,
      15,
      16,
      "13 r",
      "z",
      "↑",
      14,
    ],
    [
      "3",
      "Initial health assessments within 20 working days (%)",
      "Bigger = better",
      "Suspended**",
      0.7,
      ">=75%",
      0.62,
      0.71,
      0.8,
      "..",
      0.66,
      "",
      0.74,
    ],
    [
      "4",
      "Review health assessments on time (%)",
      "High = good",
      0.9,
      0.85,
      "Suspend",
      0.91,
      0.84,
      null,
      0.88,
      0.9,
      "",
      0.89,
    ],
    [
      "5",
      "Average days from entering care to adoption",
      "Minimise (good)",
      "426 days",
      "480 days",
      550,
      398,
      "433 days",
      520,
      "561e",
      426,
      "",
      480,
    ],
    [
      "6",
      "Placement stability: same placement 2+ years (%)",
      "T",
      "68% - 75%",
      "+/- 3 points",
      "-",
      0.7,
      0.66,
      0.76,
      0.79,
      0.68,
      "",
      0.7,
    ],
    [
      "7",
      "Number of children in care",
      "Context",
      null,
      null,
      null,
      412,
      405,
      398,
      "401p",
      396,
      "",
      null,
    ],
    [
      "8",
      "Children in care with an up-to-date PEP (%)",
      "Higher is good",
      "At least 95%",
      0.9,
      ">=85%",
      0.96,
      0.89,
      0.84,
      "Data to be supplied",
      0.95,
      "",
      0.93,
    ],
  ];
  const fractionRows = new Set([3, 5, 6, 8, 10]); // Excel rows 4, 6, 7, 9, 11
  const grid = paddedGrid("CIC Quarterly", rows, (r, c) => {
    if (fractionRows.has(r) && c >= 3 && c !== 11) return c >= 6 ? "0.0%" : "0%";
    return "General";
  });

  it("offers the Recovery tolerance as an alternative to the standard Floor", () => {
    const sets = toleranceSetsOf([findTables(grid)]);
    expect(sets).toHaveLength(2);
    expect(sets.some((set) => /recovery/i.test(set))).toBe(true);
  });

  it("rates every quarter under the Recovery tolerance set, suspending where it says Suspend", () => {
    const found = findTables(grid);
    const recovery = toleranceSetsOf([found]).find((set) => /recovery/i.test(set)) ?? "Recovery";
    const plan = plannedWithReport(found, recovery);
    const expected = byAddress("G", {
      // Lower better, 10% target, Recovery amber to 15% inclusive: 13% Amber; 15.1% Red; 15.0% Amber; blank No data.
      4: [G, A, R, A, ND],
      // Recovery "-" means none, so the standard Floor 15% applies: 15 Amber (inclusive); 16 Red;
      // "13 r" revised → Amber; "z" suppressed (not applicable) → No data.
      5: [G, A, R, A, ND],
      // Target "Suspended**" → Suspended for every figure; ".." has no figure → No data.
      6: [S, S, S, ND, S],
      // Recovery says Suspend → Suspended; the blank Qtr 4 → No data.
      7: [S, S, ND, S, S],
      // Lower better, 426 days, Recovery amber to 550: "433 days" Amber; 520 Amber; "561e" Red; 426 Green.
      8: [G, A, A, R, G],
      // In range 68%-75% ± 3pp → amber 65%-78%; Recovery "-" → standard. 66% Amber; 76% Amber; 79% Red; 68% Green.
      9: [G, A, A, R, G],
      // Context measure.
      10: [NT, NT, NT, NT, NT],
      // At least 95%, Recovery amber from 85%: 89% Amber; 84% Red; "Data to be supplied" No data; 95% Green.
      11: [G, A, R, ND, G],
    });
    judge(grid, plan, expected);
  });

  it("rates the same quarters under the standard Floor when the standard set is chosen", () => {
    const plan = plannedWithReport(findTables(grid));
    const expected = byAddress("G", {
      // Floor 12%: 13% and 15% now Red.
      4: [G, R, R, R, ND],
      5: [G, A, R, A, ND],
      6: [S, S, S, ND, S],
      // Higher better, 90% target, floor 85%: 84% Red; 88% Amber; 90% Green.
      7: [G, R, ND, A, G],
      // Floor 480 days: 520 now Red.
      8: [G, A, R, R, G],
      9: [G, A, A, R, G],
      10: [NT, NT, NT, NT, NT],
      // Floor 90%: 89% Red.
      11: [G, R, R, ND, G],
    });
    judge(grid, plan, expected);
  });
});
