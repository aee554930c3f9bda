/**
 * A tenth blind judge: three small scorecards laid out as a council or trust analyst would, each period
 * cell's status worked out by hand from PRODUCT.md's rules alone, then checked against the report and
 * against the colours Excel would paint (the independent rule engine).
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  type CellValue,
  findTables,
  type Grid,
  planOf,
  reportOf,
  type Scheme,
  toleranceSetsOf,
} from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, string>;

const G = "Green";
const A = "Amber";
const R = "Red";
const S = "Suspended";
const NT = "No target";
const ND = "No data";
const CD = "Check definition";
const coloured = new Set(["Green", "Amber", "Red", "Blue"]);

function statusesOf(planned: PlanWithReport): Map<string, { status: string; reason: string }> {
  const cells = new Map<string, { status: string; reason: string }>();
  for (const table of planned.tables)
    for (const row of table.rows)
      for (const cell of row.cells)
        cells.set(cell.address, { status: cell.status, reason: cell.reason });
  return cells;
}

/** Every expected status by address, and every painted fill equal to its cell's status, nothing else painted. */
function judge(grid: Grid, planned: PlanWithReport, expected: Expected): void {
  const reported = statusesOf(planned);
  const wrong: string[] = [];
  for (const [address, status] of Object.entries(expected)) {
    const got = reported.get(address);
    if (got?.status !== status)
      wrong.push(
        `${address}: expected ${status}, got ${got?.status ?? "nothing"} (${got?.reason ?? ""})`
      );
  }
  const statusOfFill = new Map(planned.rules.map((rule) => [rule.fill, rule.status]));
  const painted = paintedCells(grid.values, planned.rules);
  for (const [address, fill] of painted) {
    const want = expected[address];
    const paintedAs = statusOfFill.get(fill) ?? fill;
    if (want === undefined || !coloured.has(want))
      wrong.push(
        `${address}: painted ${paintedAs} but should carry no colour (${want ?? "not a period cell"})`
      );
    else if (paintedAs !== want) wrong.push(`${address}: painted ${paintedAs}, expected ${want}`);
  }
  for (const [address, status] of Object.entries(expected))
    if (coloured.has(status) && !painted.has(address))
      wrong.push(`${address}: expected a ${status} fill, painted nothing`);
  expect(wrong).toEqual([]);
}

function schemed(grid: Grid, scheme: Scheme): PlanWithReport {
  const appraisal = appraise(findTables(grid), { scheme });
  const { tables, scheme: name } = reportOf(appraisal);
  return { ...planOf(appraisal), tables, scheme: name };
}

// ---------------------------------------------------------------------------------------------
// Card 1: a council's quarterly scorecard. A title above, a per-year target ("Target 2024/25"),
// a tolerance in percentage points ("Tolerance (pp)"), quarters written with their financial year,
// one quarter of the next year, percentages as fractions in "0.0%" cells, an England comparator that
// names a year that is not a period, a DoT column of arrows and a commentary column.
// ---------------------------------------------------------------------------------------------
const card1Rows: CellValue[][] = [
  ["Children's Social Care – Quarterly Performance Scorecard 2024/25"],
  [],
  [
    "Ref",
    "Indicator",
    "Polarity",
    "Target 2024/25",
    "Tolerance (pp)",
    "Q1 2024/25",
    "Q2 2024/25",
    "Q3 2024/25",
    "Q4 2024/25",
    "Q1 2025/26",
    "England 2023/24",
    "DoT",
    "Commentary",
  ],
  [
    "CS01",
    "Re-referrals to children's social care within 12 months",
    "Lower figure is better",
    0.22,
    3,
    0.215,
    0.22,
    0.25,
    0.251,
    0.19,
    0.22,
    "▼",
    "Q4 above tolerance",
  ],
  [
    "CS02",
    "Child protection plans lasting two years or more",
    "L",
    "Less than 3%",
    2,
    0.029,
    0.03,
    0.05,
    0.051,
    null,
    0.037,
    "▲",
    "",
  ],
  [
    "CS03",
    "Single assessments completed within 45 working days",
    "Higher = better",
    0.9,
    5,
    0.9,
    0.874,
    0.85,
    0.849,
    "n/a",
    0.83,
    "▼",
    "Staffing pressures",
  ],
  [
    "CS04",
    "Children in need per 10,000 children",
    "Monitoring only",
    null,
    null,
    330.5,
    341.2,
    338,
    352.9,
    349.1,
    343,
    "▲",
    "",
  ],
  [
    "CS05",
    "Care leavers aged 19–21 in education, employment or training",
    "↑",
    0.6,
    5,
    "58%*",
    "61.0%",
    0.55,
    "c",
    0.62,
    0.56,
    "▲",
    "* includes late returns",
  ],
  [
    "CS06",
    "Social worker vacancy rate",
    "Down is good",
    "Suspended**",
    null,
    0.18,
    0.16,
    null,
    0.15,
    0.14,
    null,
    "",
    "Suspended while the service is restructured",
  ],
  [
    "CS07",
    "Initial health assessments within 20 working days",
    "Steady good",
    0.8,
    5,
    0.7,
    0.75,
    0.82,
    null,
    null,
    0.6,
    "",
    "See note 3",
  ],
  [
    "CS08",
    "Child protection visits within timescale",
    "The higher the better",
    "At least 95%",
    5,
    0.95,
    0.9,
    0.899,
    0.97,
    0.96,
    null,
    "▲",
    "",
  ],
];
const card1Percent = new Set([4, 5, 6, 8, 9, 10, 11]); // 1-based sheet rows whose figures are percentages
const card1 = paddedGrid("CSC Scorecard", card1Rows, (r, c) => {
  const row = r + 1;
  if (row < 4) return "General";
  if (c === 3 || c >= 5)
    return card1Percent.has(row) ? (c === 3 ? "0%" : "0.0%") : c >= 5 ? "0.0" : "General";
  return "General";
});

const card1Standard: Expected = {
  // CS01 lower is better, 22% target, 3pp tolerance: amber up to 25% inclusive.
  F4: G, // 21.5% <= 22%
  G4: G, // exactly the target: inclusive towards the better side
  H4: A, // 25% is exactly the tolerance (22% + 3pp): amber inclusive
  I4: R, // 25.1% > 25%
  J4: NT, // Q1 2025/26 falls in 2025/26: no target of its own and no unqualified target, so No target
  // CS02 "L" under a Polarity heading; "Less than 3%" is strict; amber to 3% + 2pp = 5% inclusive.
  F5: G, // 2.9% < 3%
  G5: A, // 3% has not met "Less than 3%" (strict), but is within 5%
  H5: A, // 5% at the tolerance: inclusive
  I5: R, // 5.1% > 5%
  J5: ND, // blank is No data whatever the row's definition
  // CS03 "Higher = better" (direction + "="), 90% target, 5pp: amber floor 85%.
  F6: G,
  G6: A, // 87.4%
  H6: A, // 85% at the floor
  I6: R, // 84.9%
  J6: ND, // "n/a" is No data (a cell with no figure, whatever the year's target)
  // CS04 "Monitoring only": a context measure, every figure No target.
  F7: NT,
  G7: NT,
  H7: NT,
  I7: NT,
  J7: NT,
  // CS05 "↑" under Polarity is higher is better; 60% target, 5pp: amber floor 55%.
  F8: A, // "58%*": text figure 58% with a see-note flag; 55% <= 58% < 60%
  G8: G, // "61.0%" as text is 61%
  H8: A, // 55% exactly at the floor
  I8: ND, // "c": suppressed (confidential)
  J8: NT, // 2025/26 has no target
  // CS06 target "Suspended**" for 2024/25: every 2024/25 figure Suspended; blank No data; 2025/26 No target.
  F9: S,
  G9: S,
  H9: ND,
  I9: S,
  J9: NT, // Q1 2025/26 is not in 2024/25, whose target is the only one (suspended): that year has none
  // CS07 "Steady good" names no direction and no range: unknown, never a guess.
  F10: CD,
  G10: CD,
  H10: CD,
  I10: ND,
  J10: ND,
  // CS08 "The higher the better"; "At least 95%" inclusive; 5pp: amber floor 90%.
  F11: G, // exactly 95%
  G11: A, // exactly 90%
  H11: R, // 89.9%
  I11: G,
  J11: NT, // 2025/26 has no target
};

describe("a tenth blind judge's scorecards", () => {
  it("rates a quarterly council scorecard against its 2024/25 target and a pp tolerance, leaving the next year's quarter without a target", () => {
    const planned = plannedWithReport(findTables(card1));
    judge(card1, planned, card1Standard);
  });

  it("under Green and Red only, rates every figure that misses its 2024/25 target Red, ignoring the pp tolerance", () => {
    // The tolerance is ignored: every Amber above missed its target, so it becomes Red; all else unchanged.
    const expected = Object.fromEntries(
      Object.entries(card1Standard).map(([address, status]) => [address, status === A ? R : status])
    );
    judge(card1, schemed(card1, { kind: "green and red" }), expected);
  });

  // -------------------------------------------------------------------------------------------
  // Card 2: a trust's monthly return. No polarity column: the operator in the target decides.
  // "Target (%)" and "Amber threshold (%)" make plain numbers percentages kept as whole numbers;
  // months are Excel dates in "mmm-yy" cells; a YTD column is rated; Stat neighbours and RAG are not.
  // -------------------------------------------------------------------------------------------
  const months = [45748, 45778, 45809, 45839, 45870, 45901]; // 1 Apr 2025 .. 1 Sep 2025
  const card2Rows: CellValue[][] = [
    [
      "No.",
      "Measure",
      "Target (%)",
      "Amber threshold (%)",
      ...months,
      "YTD",
      "Stat neighbours",
      "RAG",
    ],
    [
      "1",
      "Initial child protection conferences within 15 working days",
      "At least 85",
      75,
      88,
      85,
      84.9,
      75,
      74,
      null,
      82,
      79,
      "A",
    ],
    [
      "2",
      "Children on a plan for a second or subsequent time",
      "Fewer than 20",
      23,
      19.9,
      20,
      23,
      23.5,
      "x",
      "21 r",
      21,
      22,
      "A",
    ],
    [
      "3",
      "Children looked after with an up-to-date health assessment",
      "≥ 90",
      95,
      91,
      96,
      null,
      88,
      93,
      90,
      92,
      89,
      "G",
    ],
    [
      "4",
      "Care leavers in suitable accommodation",
      "Minimum 88",
      null,
      85,
      87.5,
      "91%",
      "-",
      90,
      86,
      89,
      87,
      "G",
    ],
    [
      "5",
      "Agency social workers",
      "No more than 15%",
      18,
      20,
      19,
      15,
      16,
      18,
      "Data to be supplied",
      17,
      16,
      "A",
    ],
    [
      "6",
      "Return home interviews offered within 72 hours",
      "TBC",
      null,
      64,
      70,
      71,
      68,
      73,
      69,
      69,
      74,
      "",
    ],
    [
      "7",
      "EHC plans issued within 20 weeks",
      "Baseline",
      null,
      45,
      52,
      48,
      null,
      55,
      60,
      52,
      50,
      "",
    ],
    [
      "8",
      "Strengths and Difficulties Questionnaires completed",
      "Above 75",
      70,
      76,
      75,
      68,
      69,
      70,
      75.5,
      74,
      72,
      "A",
    ],
  ];
  const card2 = paddedGrid("Monthly KPIs", card2Rows, (r, c) =>
    r === 0 && c >= 4 && c <= 9 ? "mmm-yy" : r > 0 && c >= 4 && c <= 11 ? "0.0" : "General"
  );
  const card2Standard: Expected = {
    // 1: "At least 85" inclusive, higher is better; amber threshold 75 inclusive.
    E2: G,
    F2: G, // 85 meets "at least 85"
    G2: A, // 84.9
    H2: A, // 75 at the threshold
    I2: R, // 74
    J2: ND,
    K2: A, // YTD is rated like a period: 82
    // 2: "Fewer than 20" strict, lower is better; amber threshold 23 inclusive.
    E3: G, // 19.9
    F3: A, // 20 is not fewer than 20
    G3: A, // 23 at the threshold
    H3: R, // 23.5
    I3: ND, // "x": not available (suppressed)
    J3: A, // "21 r": 21, revised
    K3: A, // 21
    // 3: "≥ 90" higher is better but the amber threshold 95 is on the better side: contradiction.
    E4: CD,
    F4: CD,
    G4: ND,
    H4: CD,
    I4: CD,
    J4: CD,
    K4: CD,
    // 4: "Minimum 88" inclusive, no tolerance: Green or Red only.
    E5: R, // 85
    F5: R, // 87.5
    G5: G, // "91%" is 91 in this whole-number sheet, one scale with the target 88
    H5: ND, // "-"
    I5: G,
    J5: R,
    K5: G, // 89
    // 5: "No more than 15%" inclusive, lower is better; amber threshold 18 inclusive.
    E6: R, // 20
    F6: R, // 19
    G6: G, // 15 meets "no more than 15%"
    H6: A, // 16
    I6: A, // 18 at the threshold
    J6: ND, // "Data to be supplied"
    K6: A, // 17
    // 6: "TBC" target: no target.
    E7: NT,
    F7: NT,
    G7: NT,
    H7: NT,
    I7: NT,
    J7: NT,
    K7: NT,
    // 7: "Baseline": no target yet; a blank is still No data.
    E8: NT,
    F8: NT,
    G8: NT,
    H8: ND,
    I8: NT,
    J8: NT,
    K8: NT,
    // 8: "Above 75" strict, higher is better; amber threshold 70 inclusive.
    E9: G, // 76
    F9: A, // 75 is not above 75
    G9: R, // 68
    H9: R, // 69
    I9: A, // 70 at the threshold
    J9: G, // 75.5
    K9: A, // 74
  };

  it("rates a monthly return whose targets carry their own operators, with whole-number percentages and date headers", () => {
    judge(card2, plannedWithReport(findTables(card2)), card2Standard);
  });

  it("under Amber by direction, turns a figure beyond its tolerance Amber only where it improved on the month before", () => {
    const expected: Expected = {
      ...card2Standard,
      // 1: I2 74 is beyond 75 and worse than H2 75: stays Red.
      // 2: H3 23.5 is beyond 23 and worse than G3 23: stays Red.
      // 4 (no tolerance, so off target is beyond the target): E5 85 has no month before: Red;
      F5: A, // 87.5 is off target but better than E5 85
      // J5 86 is worse than I5 90: stays Red.
      // 5: E6 20 has no month before: Red;
      F6: A, // 19 is beyond 18 but lower (better) than E6 20
      // 8: G9 68 is worse than F9 75: Red;
      H9: A, // 69 is beyond 70 but better than G9 68
    };
    judge(card2, schemed(card2, { kind: "amber by direction" }), expected);
  });

  // -------------------------------------------------------------------------------------------
  // Card 3: an annual appendix. Financial years in four spellings, days and counts, a relative
  // tolerance around a single target and around a range, a target written against statistical
  // neighbours, and a "Recovery tolerance" set beside the standard tolerance.
  // -------------------------------------------------------------------------------------------
  const card3Rows: CellValue[][] = [
    [
      "KPI",
      "Measure",
      "Polarity",
      "Target",
      "Tolerance",
      "Recovery tolerance",
      "2021/22",
      "2022-23",
      "FY23/24",
      "2024-25",
      "Statistical neighbours",
      "England",
    ],
    [
      "A1",
      "Average days between entering care and moving in with an adoptive family",
      "Smaller is better",
      "426 days",
      "480 days",
      "550 days",
      410,
      426,
      470,
      500,
      455,
      367,
    ],
    [
      "A2",
      "Care leavers aged 17–18 in education, employment or training",
      "Bigger is better",
      "No less than statistical neighbours",
      null,
      "-",
      0.66,
      0.64,
      0.6,
      "Not Available",
      0.64,
      0.66,
    ],
    [
      "A3",
      "Children looked after per 10,000 children",
      "Context",
      null,
      null,
      null,
      68,
      71.5,
      70.2,
      73,
      74.1,
      70,
    ],
    [
      "A4",
      "Missing from care episodes",
      "Fewer is better",
      120,
      140,
      "Suspend",
      118,
      120,
      140,
      141,
      130,
      null,
    ],
    [
      "A5",
      "Children looked after with three or more placements in the year",
      "L",
      0.1,
      "±10%",
      "≤15%",
      0.1,
      0.105,
      0.11,
      0.112,
      0.1,
      0.1,
    ],
    [
      "A6",
      "Children adopted as a percentage of those leaving care",
      "In range is better",
      "10%-20%",
      "±10%",
      "-",
      0.15,
      0.22,
      0.09,
      0.085,
      0.12,
      0.1,
    ],
    [
      "A7",
      "Reviews of children looked after held on time",
      "Bigger is better",
      "Suspended***",
      null,
      ">=75%",
      0.97,
      0.95,
      null,
      0.93,
      null,
      null,
    ],
    [
      "A8",
      "Pathway plans reviewed on time",
      "T",
      0.95,
      null,
      "-",
      0.93,
      0.96,
      0.95,
      0.94,
      null,
      null,
    ],
  ];
  const card3Percent = new Set([3, 6, 7, 8, 9]);
  const card3 = paddedGrid("Annual appendix", card3Rows, (r, c) => {
    const row = r + 1;
    if (row === 1 || c < 3) return "General";
    if (card3Percent.has(row) && (c === 3 || c >= 6)) return row === 6 || row === 7 ? "0.0%" : "0%";
    if (row === 4 && c >= 6) return "0.0";
    return "General";
  });
  const card3Standard: Expected = {
    // A1 smaller is better, 426 days, amber to 480 days inclusive.
    G2: G,
    H2: G, // exactly the target
    I2: A, // 470
    J2: R, // 500 > 480
    // A2 a target against the statistical neighbours' figure on its row (64%); "No less than" inclusive; no tolerance.
    G3: G, // 66%
    H3: G, // 64% equals the neighbours: no less than them
    I3: R, // 60%
    J3: ND, // "Not Available"
    // A3 "Context": No target.
    G4: NT,
    H4: NT,
    I4: NT,
    J4: NT,
    // A4 "Fewer is better" (direction + merit word), 120, amber to 140 inclusive.
    G5: G,
    H5: G,
    I5: A, // 140 at the tolerance
    J5: R,
    // A5 "L", 10%, "±10%" is 10% of the target's value on its worse side: amber to 11% inclusive.
    G6: G, // 10%
    H6: A, // 10.5%
    I6: A, // 11% exactly (must not fall to float error)
    J6: R, // 11.2%
    // A6 range 10%–20% with a relative ±10% on each end: amber 9%–22%, inclusive.
    G7: G, // 15%
    H7: A, // 22% at the upper amber end
    I7: A, // 9% at the lower amber end (0.1 * 0.9 is 0.09000000000000001 in floating point)
    J7: R, // 8.5%
    // A7 "Suspended***": Suspended; the blank is No data.
    G8: S,
    H8: S,
    I8: ND,
    J8: S,
    // A8 "T" (stay close to target) with a single target and no range or margin: cannot be rated.
    G9: CD,
    H9: CD,
    I9: CD,
    J9: CD,
  };

  it("rates an annual appendix with financial years in four spellings, days, relative margins and a neighbours target", () => {
    judge(card3, plannedWithReport(findTables(card3)), card3Standard);
  });

  it("rates the same appendix under its Recovery tolerance set, falling back to the standard tolerance where it says -", () => {
    const found = findTables(card3);
    const recovery = toleranceSetsOf([found]).find((set) => /recovery/i.test(set));
    expect(recovery).toBeDefined();
    const expected: Expected = {
      ...card3Standard,
      // A1 recovery amber to 550 days.
      J2: A, // 500 <= 550
      // A4 recovery "Suspend": every figure Suspended.
      G5: S,
      H5: S,
      I5: S,
      J5: S,
      // A5 recovery "≤15%": amber to 15% inclusive.
      J6: A, // 11.2%
      // A2, A6 "-": the standard tolerance applies. A7 stays Suspended (its target is). A8 stays unreadable.
    };
    judge(card3, plannedWithReport(found, recovery!), expected);
  });
});
