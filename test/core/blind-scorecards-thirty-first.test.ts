/**
 * Thirty-first blind judge: two small scorecards in shapes of my own, each period cell's status worked out by
 * hand from PRODUCT.md's rules alone, then checked against the report and against the fills Excel would paint.
 */
import { describe, expect, it } from "vitest";
import { appraise, type CellValue, findTables, type Grid, planOf, reportOf } from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, string>;

const columns = "ABCDEFGHIJKLMNOP";

/** Every period cell's status in the report, by address. */
function statusesOf(result: PlanWithReport): Map<string, { status: string; reason: string }> {
  const byAddress = new Map<string, { status: string; reason: string }>();
  for (const table of result.tables)
    for (const row of table.rows)
      for (const cell of row.cells)
        byAddress.set(cell.address, { status: cell.status, reason: cell.reason });
  return byAddress;
}

/** Each expected status in the report, each R/A/G cell painted its own colour, and nothing else painted. */
function checkCard(grid: Grid, result: PlanWithReport, expected: Expected): void {
  const reported = statusesOf(result);
  for (const [address, status] of Object.entries(expected))
    expect
      .soft(
        reported.get(address)?.status,
        `${address}: reason "${reported.get(address)?.reason ?? "not rated"}"`
      )
      .toBe(status);

  const statusOfFill = new Map(result.rules.map((rule) => [rule.fill, rule.status]));
  const painted = paintedCells(grid.values, result.rules);
  grid.values.forEach((row, r) =>
    row.forEach((_, c) => {
      const address = `${columns[c]}${r + 1}`;
      const fill = painted.get(address);
      const paintedStatus = fill === undefined ? "unpainted" : statusOfFill.get(fill);
      const want = ["Green", "Amber", "Red", "Blue"].includes(expected[address] ?? "")
        ? expected[address]
        : "unpainted";
      expect.soft(paintedStatus, `painted fill of ${address}`).toBe(want);
    })
  );
}

// ---------------------------------------------------------------------------------------------------------
// Card 1: a quarterly scorecard, newest quarter first, with a headline `Latest` column before the quarters.
// A title row and a blank row above the header; the analyst's own Status and a Commentary column after.
// ---------------------------------------------------------------------------------------------------------
const quarterlyRows: CellValue[][] = [
  ["Children's Social Care – Quarterly Performance Report"],
  [],
  [
    "Ref",
    "Indicator",
    "Polarity",
    "Target (annual)",
    "Amber trigger",
    "Latest",
    "Qtr 3 2024-25",
    "Qtr 2 2024-25",
    "Qtr 1 2024-25",
    "Qtr 4 2023-24",
    "Status",
    "Commentary",
  ],
  // Row 4: fractions formatted 0.0%.
  [
    "CSC01",
    "Re-referrals within 12 months",
    "Better if lower",
    0.22,
    0.25,
    0.214,
    0.258,
    0.271,
    0.236,
    0.22,
    "A",
    "Audit of repeat referrals under way",
  ],
  // Row 5: percentages kept as whole numbers (General), target and tolerance in words.
  [
    "CSC02",
    "Child protection visits within 10 working days",
    "Aim: as high as possible",
    "90%",
    "within 10% of target",
    92,
    85,
    80.9,
    78,
    83,
    "G",
    "",
  ],
  // Row 6: days, a down arrow for polarity, a figure written as text with its unit.
  [
    "CSC03",
    "Average working days from strategy discussion to ICPC",
    "▼",
    "15 days",
    "18 days",
    14,
    "16.5 days",
    18,
    19.2,
    21,
    "G",
    "",
  ],
  // Row 7: fractions (0%), an absolute margin in words, a text non-figure and a blank.
  [
    "CSC04",
    "Children seen alone at last statutory visit",
    "Higher figure = good",
    0.8,
    "5 points",
    "Data to be supplied",
    0.81,
    0.76,
    0.7,
    null,
    "",
    "Q4 2023-24 not collected",
  ],
  // Row 8: suspended target.
  [
    "CSC05",
    "Return home interviews offered within 72 hours",
    "Up = good",
    "Suspended**",
    0.6,
    0.64,
    0.58,
    0.61,
    0.55,
    0.66,
    "",
    "",
  ],
  // Row 9: a context measure.
  [
    "CSC06",
    "Children looked after (number)",
    "Monitoring only",
    null,
    null,
    312,
    305,
    298,
    301,
    296,
  ],
  // Row 10: H code, whole-number percentages with statistics flags written as text.
  [
    "CSC07",
    "Care leavers aged 19-21 in EET",
    "H",
    "No less than 55%",
    "50%",
    "56p",
    "48 r",
    47,
    "52%*",
    55,
    "A",
  ],
];

function quarterlyFormat(row: number, column: number): string {
  if (column < 3) return "General";
  if (row === 3) return "0.0%";
  if (row === 6 || row === 7) return "0%";
  return "General";
}

// Statuses shared by both schemes (cells in or within the bands, no data, suspended, no target).
const quarterlyCommon: Expected = {
  // CSC01 lower is better ("Better if lower": direction + merit word), G ≤ 22%, A ≤ 25%, else R.
  F4: "Green", // 21.4%
  I4: "Amber", // 23.6%
  J4: "Green", // 22.0% exactly: inclusive towards the better side
  // CSC02 higher: "within 10% of target" is 10% of 90 = 9 → amber floor 81; whole numbers are % (target "90%").
  F5: "Green", // 92
  G5: "Amber", // 85
  J5: "Amber", // 83
  // CSC03 "▼" under Polarity is lower is better; G ≤ 15 days, A ≤ 18 days.
  F6: "Green", // 14
  G6: "Amber", // "16.5 days" is the figure 16.5
  H6: "Amber", // 18 is the tolerance itself: inclusive
  // CSC04 higher: "5 points" is absolute → amber floor 75%.
  F7: "No data", // "Data to be supplied"
  G7: "Green", // 81%
  H7: "Amber", // 76%
  J7: "No data", // blank is never a zero
  // CSC05 target "Suspended**": every period Suspended, never coloured.
  F8: "Suspended",
  G8: "Suspended",
  H8: "Suspended",
  I8: "Suspended",
  J8: "Suspended",
  // CSC06 "Monitoring only": a context measure.
  F9: "No target",
  G9: "No target",
  H9: "No target",
  I9: "No target",
  J9: "No target",
  // CSC07 H = higher; "No less than 55%" inclusive; tolerance 50%; whole numbers are % from the target.
  F10: "Green", // "56p" provisional 56
  I10: "Amber", // "52%*" 52% see note
  J10: "Green", // 55 exactly, inclusive
};

describe("a quarterly scorecard laid out newest quarter first, with a Latest column", () => {
  it("rates every period cell and the Latest headline under the Standard scheme, painting only those", () => {
    const grid = paddedGrid("Quarterly", quarterlyRows, quarterlyFormat);
    const result = plannedWithReport(findTables(grid));
    checkCard(grid, result, {
      ...quarterlyCommon,
      G4: "Red", // 25.8% > 25%
      H4: "Red", // 27.1%
      H5: "Red", // 80.9 < 81
      I5: "Red", // 78
      I6: "Red", // 19.2 > 18
      J6: "Red", // 21
      I7: "Red", // 70% < 75%
      G10: "Red", // "48 r" revised 48 < 50
      H10: "Red", // 47
    });
  });

  it("under Amber by direction, an off-tolerance quarter better than the quarter before it (to its right) is Amber", () => {
    const grid = paddedGrid("Quarterly", quarterlyRows, quarterlyFormat);
    const appraisal = appraise(findTables(grid), { scheme: { kind: "amber by direction" } });
    const result: PlanWithReport = { ...planOf(appraisal), ...reportOf(appraisal) };
    expect(result.scheme).toBe("Amber by direction");
    checkCard(grid, result, {
      ...quarterlyCommon,
      // The period before Qtr 3 2024-25 is Qtr 2 2024-25, the column to its right (newest first).
      G4: "Amber", // 25.8% off tolerance, but lower (better) than Qtr 2's 27.1%
      H4: "Red", // 27.1% worse than Qtr 1's 23.6%
      H5: "Amber", // 80.9 off, but higher than Qtr 1's 78
      I5: "Red", // 78 worse than Qtr 4 2023-24's 83
      I6: "Amber", // 19.2 days off, but fewer than Qtr 4 2023-24's 21
      J6: "Red", // 21 off and the oldest period: nothing before it to be better than
      I7: "Red", // 70% off; the quarter before it (Qtr 4 2023-24) is blank: not better than anything
      G10: "Amber", // 48 off, but above Qtr 2's 47
      H10: "Red", // 47 below Qtr 1's 52
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Card 2: a monthly dashboard, months as Excel dates across two financial years, year-qualified targets,
// a tolerance in percentage points, England and statistical-neighbour columns, one benchmark-worded target.
// ---------------------------------------------------------------------------------------------------------
const feb25 = 45689;
const mar25 = 45717;
const apr25 = 45748;
const may25 = 45778;

const monthlyRows: CellValue[][] = [
  [
    "Measure",
    "Polarity",
    "Target 2024/25",
    "Target 2025/26",
    "Tolerance (pp)",
    feb25,
    mar25,
    apr25,
    may25,
    "England",
    "SN average",
    "DoT",
  ],
  // Row 2: fractions (0.0%).
  [
    "Contacts with a decision within 1 working day",
    "Good = high",
    0.95,
    0.97,
    3,
    0.951,
    0.93,
    0.95,
    0.935,
    0.89,
    0.91,
    "↑",
  ],
  // Row 3: a target written against the statistical neighbours, no tolerance.
  [
    "Assessments completed within 45 working days",
    "Good = high",
    "Above statistical neighbours",
    "Above statistical neighbours",
    null,
    0.88,
    0.86,
    0.9,
    0.84,
    0.82,
    0.86,
    "↓",
  ],
  // Row 4: whole-number percentages (General), strict targets in words.
  [
    "Re-referrals within 12 months",
    "Lower is good",
    "Less than 20%",
    "Less than 18%",
    2,
    19,
    20,
    18,
    21,
    22,
    21,
    "↓",
  ],
  // Row 5: days, plain numbers, no tolerance.
  [
    "Average days from entering care to moving in with adopters",
    "Lower is good",
    426,
    400,
    null,
    410,
    430,
    405,
    398,
    480,
    455,
    "↑",
  ],
  // Row 6: context.
  [
    "Children in need (number)",
    "Context",
    null,
    null,
    null,
    1520,
    1498,
    1511,
    1535,
    null,
    null,
    "",
  ],
  // Row 7: suppressed figures and a blank.
  [
    "Missing episodes with a return interview offered",
    "Good = high",
    0.9,
    0.9,
    5,
    "c",
    null,
    0.87,
    "x",
    0.78,
    0.8,
    "",
  ],
];

function monthlyFormat(row: number, column: number): string {
  if (row === 0) return column >= 5 && column <= 8 ? "mmm-yy" : "General";
  if (column < 2) return "General";
  if (row === 1 || row === 2 || row === 6) return column === 4 ? "General" : "0.0%";
  if (row === 4) return "0";
  return "General";
}

describe("a monthly dashboard with months as Excel dates and benchmark columns", () => {
  it("rates each month against its financial year's target and the statistical-neighbour benchmark, painting only months", () => {
    const grid = paddedGrid("Monthly dashboard", monthlyRows, monthlyFormat);
    const result = plannedWithReport(findTables(grid));
    checkCard(grid, result, {
      // Row 2 higher: Feb/Mar 2025 are in 2024/25 (target 95%, 3pp → 92%); Apr/May 2025 in 2025/26 (97%, 94%).
      F2: "Green", // 95.1% ≥ 95%
      G2: "Amber", // 93% ≥ 92%
      H2: "Amber", // 95% < 97%, ≥ 94%
      I2: "Red", // 93.5% < 94%
      // Row 3 "Above statistical neighbours": strict, against K3 = 86%; no tolerance → Green or Red.
      F3: "Green", // 88% > 86%
      G3: "Red", // 86% is not above 86%
      H3: "Green", // 90%
      I3: "Red", // 84%
      // Row 4 lower, whole numbers are % (targets in %): "Less than" strict; 2pp tolerance inclusive.
      F4: "Green", // 19 < 20
      G4: "Amber", // 20 is not less than 20; ≤ 22
      H4: "Amber", // 2025/26: 18 is not less than 18; ≤ 20
      I4: "Red", // 21 > 20
      // Row 5 lower, days, two bands: 426 in 2024/25, 400 in 2025/26.
      F5: "Green", // 410
      G5: "Red", // 430
      H5: "Red", // 405 > 400
      I5: "Green", // 398
      // Row 6 context.
      F6: "No target",
      G6: "No target",
      H6: "No target",
      I6: "No target",
      // Row 7 higher, 90% with 5pp → 85%.
      F7: "No data", // "c" suppressed (confidential)
      G7: "No data", // blank
      H7: "Amber", // 87%
      I7: "No data", // "x" suppressed
    });
  });
});
