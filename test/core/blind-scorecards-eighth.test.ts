/**
 * An eighth blind judge's two scorecards, worked out by hand from PRODUCT.md alone: a council's quarterly
 * scorecard with years merged over quarters of two financial years, and a partnership's monthly dashboard
 * whose targets carry their own operators. Every period cell's expected status is written out below; the
 * formula judge checks that the planned rules paint exactly the Green, Amber and Red cells and no other.
 */
import { describe, expect, it } from "vitest";
import { appraise, findTables, planOf, reportOf, type CellValue } from "../../src/core";
import { readScheme } from "../../src/core/register/settings";
import type { Grid, GridArea } from "../../src/core/values/grid";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, string>;

function gridOf(
  sheet: string,
  values: CellValue[][],
  formats: Record<string, string>,
  merges: GridArea[]
): Grid {
  const width = Math.max(...values.map((row) => row.length));
  const padded = values.map((row) => [...row, ...Array<CellValue>(width - row.length).fill(null)]);
  const numberFormats = padded.map((row, r) =>
    row.map((_, c) => formats[`${String.fromCharCode(65 + c)}${r + 1}`] ?? "General")
  );
  return { sheet, origin: { row: 0, column: 0 }, values: padded, numberFormats, merges };
}

/** Gives every cell of a row's columns one number format ("G5:J5" style, columns as letters). */
function formatRow(row: number, columns: string, format: string): Record<string, string> {
  return Object.fromEntries([...columns].map((column) => [`${column}${row}`, format]));
}

function reasonOf(plan: PlanWithReport, address: string): string {
  for (const table of plan.tables)
    for (const row of table.rows)
      for (const cell of row.cells) if (cell.address === address) return cell.reason;
  return "not rated";
}

function statusesOf(plan: PlanWithReport): Map<string, string> {
  const cells = new Map<string, string>();
  for (const table of plan.tables)
    for (const row of table.rows)
      for (const cell of row.cells) cells.set(cell.address, cell.status);
  return cells;
}

function paintedOf(grid: Grid, plan: PlanWithReport): Map<string, string> {
  return paintedCells(
    grid.values,
    plan.rules.map((rule) => ({
      formula: rule.formula,
      appliesTo: rule.appliesTo,
      fill: rule.status,
    }))
  );
}

const colours = new Set(["Green", "Amber", "Red", "Blue"]);

/**
 * The expected statuses of the cells, and the colours those imply, against the product's. Cells `disputed`
 * (where the judge and the product part, see the cell's comment) are left out.
 */
function judge(
  grid: Grid,
  plan: PlanWithReport,
  expected: Expected,
  disputed: readonly string[] = []
) {
  const rated = statusesOf(plan);
  for (const cell of disputed) rated.delete(cell);
  const got = Object.fromEntries(
    Object.keys(expected).map((cell) => [cell, rated.get(cell) ?? "not rated"])
  );
  const colouredByReport = [...rated]
    .filter(([, status]) => colours.has(status))
    .map(([cell]) => cell);
  const expectedPaint = Object.entries(expected)
    .filter(([, status]) => colours.has(status))
    .sort(([a], [b]) => a.localeCompare(b));
  const painted = [...paintedOf(grid, plan)]
    .filter(([cell]) => !disputed.includes(cell))
    .sort(([a], [b]) => a.localeCompare(b));
  return { got, colouredByReport, expectedPaint, painted };
}

// ---------------------------------------------------------------------------------------------------------
// Card 1: a council's quarterly scorecard. Two header rows: "2024-2025" merged over Q3 and Q4, "2025-26" over
// Q1 and Q2, "Comparators (2024/25)" over England and statistical neighbours. Targets for each financial
// year written two more ways, a tolerance whose unit qualifier makes its plain numbers percentage points,
// and a year's own tolerance at the right.
// ---------------------------------------------------------------------------------------------------------
const councilRows: CellValue[][] = [
  ["Children's Services Performance Scorecard – Quarter 2 2025/26"],
  [],
  [
    "Ref",
    "Measure",
    "Polarity",
    "Target 2024/25",
    "Target (FY25/26)",
    "Tolerance (pp)",
    "2024-2025",
    null,
    "2025-26",
    null,
    "Comparators (2024/25)",
    null,
  ],
  [
    null,
    null,
    null,
    null,
    null,
    null,
    "Q3 (Oct-Dec)",
    "Q4 (Jan-Mar)",
    "Q1 (Apr-Jun)",
    "Q2 (Jul-Sep)",
    "England",
    "Stat neighbours",
  ],
  [
    "CS01",
    "% of referrals that are re-referrals within 12 months",
    "Lower is good",
    0.22,
    0.2,
    3,
    0.231,
    0.255,
    0.199,
    0.215,
    0.224,
    0.21,
  ],
  [
    "CS02",
    "% of child protection plans reviewed within timescale",
    "Good if higher",
    "95%",
    "97%",
    5,
    96,
    91,
    97,
    93,
    93,
    95,
  ],
  [
    "CS03",
    "Average days between entering care and moving in with an adoptive family",
    "Aim: minimise",
    "426 days",
    "400 days",
    "456 days",
    426,
    457,
    398,
    410,
    450,
    440,
  ],
  [
    "CS04",
    "% of children looked after with an up-to-date health assessment",
    "Higher is good",
    "Above England",
    "Above Stat Neighbour Average",
    null,
    0.9,
    0.88,
    0.91,
    0.93,
    0.89,
    0.92,
  ],
  [
    "CS05",
    "Children subject to a child protection plan for a second or subsequent time",
    "Less = better",
    "Fewer than 40",
    "< 35",
    null,
    38,
    40,
    35,
    "34r",
    null,
    null,
  ],
  [
    "CS06",
    "% of care leavers aged 19-21 in education, employment or training",
    "▲",
    "At least 60%",
    "≥ 62%",
    5,
    0.61,
    0.55,
    0.62,
    "56%*",
    0.56,
    0.58,
  ],
  [
    "CS07",
    "% of single assessments completed within 45 working days",
    "Higher = better",
    "Suspended**",
    "Suspended**",
    null,
    0.82,
    0.85,
    0.88,
    "Not yet due",
    0.83,
    0.86,
  ],
  [
    "CS08",
    "% of children becoming subject to a plan for a second or subsequent time",
    "In range is better",
    "15%-22%",
    "16% to 21%",
    2,
    0.14,
    0.2,
    0.155,
    0.235,
    0.23,
    0.2,
  ],
  [],
  ["** Suspended while the new case recording system beds in; figures shown for information."],
  ["Key: * = provisional figure; r = revised since the last report"],
];

/**
 * A second tolerance column after the comparators, as appendices often keep thresholds at the right: a year
 * and a unit on one header. Its blanks leave 2025/26 with the unqualified "Tolerance (pp)".
 */
const yearTolerance: CellValue[] = [
  "Tolerance 2025/26 (pp)",
  null,
  1,
  null,
  "405 days",
  null,
  null,
  7,
  null,
  3,
];
const councilValues = councilRows.map((row, index) =>
  index >= 2 && index <= 11 ? [...row, yearTolerance[index - 2]] : row
);

const councilFormats: Record<string, string> = {
  ...formatRow(5, "DEGHIJKL", "0.0%"),
  ...formatRow(6, "GHIJKL", "0"),
  ...formatRow(7, "GHIJKL", "0"),
  ...formatRow(8, "GHIJKL", "0%"),
  ...formatRow(9, "GHIJKL", "0"),
  ...formatRow(10, "GHIJKL", "0%"),
  ...formatRow(11, "GHIJKL", "0%"),
  ...formatRow(12, "GHIJKL", "0.0%"),
};

const councilMerges: GridArea[] = [
  ...[0, 1, 2, 3, 4, 5].map((column) => ({ top: 2, left: column, bottom: 3, right: column })),
  { top: 2, left: 6, bottom: 2, right: 7 },
  { top: 2, left: 8, bottom: 2, right: 9 },
  { top: 2, left: 10, bottom: 2, right: 11 },
  { top: 2, left: 12, bottom: 3, right: 12 },
];

const council = gridOf("Scorecard Q2", councilValues, councilFormats, councilMerges);

/**
 * By hand. Q3 and Q4 fall in 2024/25 (merged over them), Q1 and Q2 in 2025/26. "Tolerance (pp)" is the
 * unqualified standard tolerance and "Tolerance 2025/26 (pp)" 2025/26's own; the plain numbers of both are
 * percentage points (margins).
 */
const councilExpected: Expected = {
  // Lower is better; 24/25 target 22%, amber to 25%; 25/26 target 20%, its own tolerance 1pp: amber to 21%.
  G5: "Amber", // 23.1%
  H5: "Red", // 25.5%
  I5: "Green", // 19.9%
  J5: "Red", // 21.5%: beyond 2025/26's own 1pp tolerance (Amber under the unqualified 3pp)
  // Higher is better, percentages as whole numbers; 24/25 95 (amber from 90); 25/26 97 (amber from 92).
  G6: "Green", // 96
  H6: "Amber", // 91
  I6: "Green", // 97, at the target
  J6: "Amber", // 93: 2025/26 has no tolerance of its own on this row, so the unqualified 5pp: from 92
  // Lower is better, days; 24/25 426 (amber to "456 days", a boundary, not a plain number); 25/26 400, amber to 405.
  G7: "Green", // 426, at the target
  H7: "Red", // 457
  I7: "Green", // 398
  J7: "Red", // 410: Green against 24/25's 426; beyond 25/26's own "405 days" tolerance
  // Targets against benchmarks, no tolerance: above England (89%) in 24/25, above the statistical
  // neighbours (92%) in 25/26.
  G8: "Green", // 90%: above England (it would be Red against the neighbours)
  H8: "Red", // 88%
  I8: "Red", // 91%: above England, not above the neighbours' 92%
  J8: "Green", // 93%
  // Lower is better, counts, strict: fewer than 40 (24/25), fewer than 35 (25/26); no tolerance: two bands.
  G9: "Green", // 38
  H9: "Red", // 40 is not fewer than 40
  I9: "Red", // 35 is not fewer than 35 (Green against 24/25's target)
  J9: "Green", // 34 revised
  // Higher is better (▲), inclusive: at least 60% (24/25), amber from 55%; ≥ 62% (25/26), 7pp: from 55%.
  G10: "Green", // 61%
  H10: "Amber", // 55%, on the amber floor
  I10: "Green", // 62%, on the target
  J10: "Amber", // 56%* provisional: above 25/26's own floor of 62% - 7pp = 55%
  // Suspended target.
  G11: "Suspended",
  H11: "Suspended",
  I11: "Suspended",
  J11: "No data", // Not yet due: a cell with no figure is No data whatever its row's definition
  // In range: 15%-22% (24/25) with 2pp: 13%-24%; 16%-21% (25/26) with its own 3pp: 13%-24%.
  G12: "Amber", // 14%
  H12: "Green", // 20%
  I12: "Amber", // 15.5%: Green against 24/25, Amber against 25/26
  J12: "Amber", // 23.5%: inside 25/26's own 3pp margin, 13%-24%
};

// ---------------------------------------------------------------------------------------------------------
// Card 2: a partnership's monthly dashboard. No polarity column: each target's operator decides. Months are
// Excel dates (the newest typed as text, "Apr 25") across two financial years, with a Latest headline
// column; an unqualified Target beside a year's target; a standard "Amber threshold" beside an alternative
// tolerance set; a target written against the statistical neighbours; text figures with units and flags;
// a Stretch column after the analyst's RAG; a key and a footnote below.
// ---------------------------------------------------------------------------------------------------------
const jan25 = 45658;
const feb25 = 45689;
const mar25 = 45717;

const dashboardRows: CellValue[][] = [
  ["Safeguarding Partnership Dashboard – April 2025"],
  [
    "No.",
    "Indicator",
    "Target",
    "Target 2025-26",
    "Amber threshold",
    "Tolerance – recovery plan",
    jan25,
    feb25,
    mar25,
    "Apr 25",
    "Latest",
    "England",
    "Stat neighbours",
    "RAG",
  ],
  [
    1,
    "% of new EHC plans issued within 20 weeks",
    "At least 60%",
    "≥ 65%",
    "50%",
    "-",
    0.62,
    0.58,
    0.49,
    0.64,
    0.66,
    0.5,
    0.55,
    "G",
  ],
  [
    2,
    "Children subject to a child protection plan per 10,000",
    "Fewer than 45 per 10,000",
    "< 42",
    "50 per 10,000",
    55,
    "43.2 per 10,000",
    45,
    50.1,
    52,
    41.9,
    42.1,
    44,
    "G",
  ],
  [
    3,
    "Average caseload per qualified social worker",
    "No more than 18",
    "Maximum 17",
    20,
    22,
    16,
    18,
    "19.5e",
    17.5,
    16,
    16.3,
    17.1,
    "A",
  ],
  [
    4,
    "% of audited case files rated good or better",
    "Above Stat Neighbour Average",
    null,
    null,
    null,
    72,
    68,
    70,
    75,
    75,
    71,
    70,
    "G",
  ],
  [
    5,
    "Contacts received by the front door",
    "Not set",
    "Baseline year",
    null,
    null,
    512,
    "1,034",
    "c",
    498,
    498,
    null,
    null,
    null,
  ],
  [
    6,
    "% of return home interviews offered within 72 hours",
    "At least 90%",
    "At least 92%",
    "85%",
    "Suspend",
    "91%",
    0.87,
    "Data to be supplied",
    0.95,
    0.95,
    null,
    0.88,
    "G",
  ],
  [
    7,
    "Missing from care episodes",
    "Fewer than 120",
    "Fewer than 110",
    130,
    "-",
    "..",
    118,
    "125p",
    "x",
    125,
    null,
    null,
    "A",
  ],
  [],
  [
    "Key: p = provisional; e = estimate; c = suppressed to protect confidentiality; .. = not available; x = not applicable",
  ],
  [
    "Source: case management system extract, 12 May 2025. Latest is the most recent month reported.",
  ],
];

/** A Stretch column after the analyst's RAG: where Blue starts under Blue for exceeding, row by row. */
const stretchColumn: CellValue[] = ["Stretch", "64%", 40, 16.5, null, null, "95%", 100];
/** The recovery plan's own tolerance for 2025-26: the alternative set, with a year. */
const recoveryYearColumn: CellValue[] = [
  "Tolerance – recovery plan 2025-26",
  "Suspend",
  null,
  17.2,
  null,
  null,
  null,
  null,
];
/** A stretch for 2025-26 on row 1 only: the other rows' blanks leave their unqualified Stretch. */
const stretchYearColumn: CellValue[] = [
  "Stretch 2025-26",
  "66%",
  null,
  null,
  null,
  null,
  null,
  null,
];
const dashboardValues = dashboardRows.map((row, index) =>
  index >= 1 && index <= 8
    ? [
        ...row,
        stretchColumn[index - 1],
        recoveryYearColumn[index - 1],
        stretchYearColumn[index - 1],
      ]
    : row
);

const dashboardFormats: Record<string, string> = {
  ...formatRow(2, "GHIJ", "mmm-yy"),
  ...formatRow(3, "GHIJKLM", "0%"),
  ...formatRow(4, "GHIJKLM", "0.0"),
  ...formatRow(5, "GHIJKLM", "0.0"),
  ...formatRow(6, "GHIJKLM", "0"),
  ...formatRow(7, "GHIJKLM", "#,##0"),
  ...formatRow(8, "GHIJKLM", "0%"),
  ...formatRow(9, "GHIJKLM", "0"),
};

const dashboard = gridOf("Dashboard", dashboardValues, dashboardFormats, []);

/**
 * By hand. Jan–Mar 2025 fall in 2024/25, which has no target of its own, so they take the unqualified
 * Target; Apr 2025 falls in 2025/26 and takes "Target 2025-26" where the row has one. Latest names no year:
 * where it repeats the row's newest figure it is that month, rated as it is; where it does not and a row's two
 * targets differ, PRODUCT.md does not say which applies: No target, saying so (at first I had rated Latest
 * against both and, as its figures give the same status either way, expected that status; that was a
 * guess the product rightly refuses). On row 4 every year gives the same target, so Latest is rated
 * against it. The standard tolerance is "Amber threshold" (an amber boundary);
 * "Tolerance – recovery plan" is the alternative set.
 */
const dashboardStandard: Expected = {
  // Higher, inclusive: at least 60% / ≥ 65%; amber from 50%.
  G3: "Green", // 62%
  H3: "Amber", // 58%
  I3: "Red", // 49%
  J3: "Amber", // 64%: Green against 60%, Amber against 65%
  K3: "No target", // 66%: which year's target, the sheet does not say
  // Lower, strict: fewer than 45 / < 42 per 10,000; amber to 50.
  G4: "Green", // 43.2 per 10,000
  H4: "Amber", // 45 is not fewer than 45
  I4: "Red", // 50.1
  J4: "Red", // 52, beyond the amber of 50
  K4: "No target", // 41.9: which year's target, the sheet does not say
  // Lower, inclusive: no more than 18 / maximum 17; amber to 20.
  G5: "Green", // 16
  H5: "Green", // 18, at the target
  I5: "Amber", // 19.5 estimated
  J5: "Amber", // 17.5: Green against 18, Amber against 17
  K5: "No target", // 16: which year's target, the sheet does not say
  // Above the statistical neighbours' 70 (strict), no tolerance: Green or Red; Apr has no 2025-26 target
  // of its own, so it takes the unqualified one.
  G6: "Green", // 72
  H6: "Red", // 68
  I6: "Red", // 70 is not above 70
  J6: "Green", // 75
  // Latest's year is not said, but the row has one target for every year (its 2025-26 cell is blank): 75.
  K6: "Green",
  // No target set; baseline year for 2025-26.
  G7: "No target",
  H7: "No target",
  I7: "No data", // c: suppressed
  J7: "No target",
  K7: "No target",
  // Higher, inclusive: at least 90% / at least 92%; amber from 85%.
  G8: "Green", // 91%
  H8: "Amber", // 87%
  I8: "No data", // Data to be supplied
  J8: "Green", // 95%
  // 95% repeats Apr-25's: Latest is Apr-25, in 2025/26, rated as it is (No target until a Latest column was
  // read as the period whose figure it repeats).
  K8: "Green",
  // Lower, strict: fewer than 120 / fewer than 110; amber to 130.
  G9: "No data", // ..
  H9: "Green", // 118
  I9: "Amber", // 125 provisional
  J9: "No data", // x
  // 125 repeats Mar-25's "125p" (Apr-25 is "x"): Latest is Mar-25, in 2024/25, rated as it is (No target until
  // a Latest column was read as the period whose figure it repeats).
  K9: "Amber",
};

/**
 * Under the recovery plan's set: "-" and blank leave the standard tolerance; 55 widens row 2; Suspend; and
 * for Apr-25 the set's 2025-26 column, where the row has a value there.
 */
const dashboardRecovery: Expected = {
  ...dashboardStandard,
  J3: "Suspended", // the recovery plan suspends row 1 for 2025-26 only
  I4: "Amber", // 50.1, inside the recovery amber of 55
  J5: "Red", // 17.5, beyond the recovery plan's 2025-26 tolerance of 17.2 (Amber under its 22 for 2024-25)
  G8: "Suspended",
  H8: "Suspended",
  // Apr-25's blank in the set's 2025-26 column leaves it the set's unqualified 55 and "Suspend".
  J4: "Amber", // 52, inside the set's 55
  J8: "Suspended",
};
// Latest on row 6 repeats Apr-25's 95%: it is Apr-25, suspended by the set as Apr-25 is (the judge's
// expectation; left out until a Latest column was read as the period whose figure it repeats).
dashboardRecovery.K8 = "Suspended";

/**
 * The dashboard under Blue for exceeding, each row's Stretch column saying where Blue starts, and
 * "Stretch 2025-26" where a row has one. Row 1's unqualified stretch (64%) lies below its 2025-26 target
 * (65%), but 2025-26 has its own (66%), so the definition holds; row 6's Apr-25 takes the unqualified 95%.
 */
const dashboardBlue: Expected = {
  ...dashboardStandard,
  J3: "Amber", // 64%: 2025-26's own stretch of 66% lies beyond its 65% target, which 64% misses
  G5: "Blue", // 16, at or below the stretch of 16.5
  J8: "Blue", // 95%, at the stretch of 95%
  K8: "Blue", // Latest is Apr-25 (it repeats its 95%)
};

describe("an eighth blind judge's council scorecard (quarters under merged years)", () => {
  const found = findTables(council);
  const plan = plannedWithReport(found);

  it("finds one table with Q3–Q2 as periods and the comparators left alone", () => {
    expect(found.skipped).toBeUndefined();
    expect(found.tables).toHaveLength(1);
    expect(found.tables[0].problems).toEqual([]);
    expect(found.tables[0].periods).toHaveLength(4);
    expect(found.tables[0].columnMap).toMatch(/K England, L Stat neighbours left alone/);
  });

  it("rates every quarter of both financial years as worked out by hand", () => {
    const { got } = judge(council, plan, councilExpected);
    expect(got).toEqual(councilExpected);
  });

  it("colours exactly the Green, Amber and Red quarters, and nothing else", () => {
    const { colouredByReport, expectedPaint, painted } = judge(council, plan, councilExpected);
    expect(colouredByReport.sort()).toEqual(expectedPaint.map(([cell]) => cell));
    expect(painted).toEqual(expectedPaint);
  });
});

/**
 * The same card under Amber by direction: a figure beyond its tolerance (or, with none, off target) is Amber
 * when better than the period before, otherwise Red; figures within the tolerance keep their bands.
 */
const councilByDirection: Expected = {
  ...councilExpected,
  I8: "Amber", // 91% misses the neighbours' 92% but is better than Q4's 88%
  I9: "Amber", // 35 is not fewer than 35 but fewer than Q4's 40, across the change of financial year
};

describe("the flags of both cards, read with each sheet's own key", () => {
  const councilPlan = plannedWithReport(findTables(council));
  const dashboardPlan = plannedWithReport(findTables(dashboard));

  it("says a flagged figure's meaning in the key's own words", () => {
    expect(reasonOf(councilPlan, "J9")).toMatch(/revised since the last report/);
    expect(reasonOf(councilPlan, "J10")).toMatch(/provisional figure/);
    expect(reasonOf(dashboardPlan, "I5")).toMatch(/estimate/);
    expect(reasonOf(dashboardPlan, "I9")).toMatch(/provisional/);
    expect(reasonOf(dashboardPlan, "I7")).toMatch(/suppressed/);
  });
});

describe("an eighth blind judge's council scorecard under Amber by direction", () => {
  const appraisal = appraise(findTables(council), { scheme: { kind: "amber by direction" } });
  const plan: PlanWithReport = { ...planOf(appraisal), ...reportOf(appraisal) };

  it("turns only the misses that improved on the quarter before from Red to Amber", () => {
    expect(plan.scheme).toBe("Amber by direction");
    const { got, colouredByReport, expectedPaint, painted } = judge(
      council,
      plan,
      councilByDirection
    );
    expect(got).toEqual(councilByDirection);
    expect(colouredByReport.sort()).toEqual(expectedPaint.map(([cell]) => cell));
    expect(painted).toEqual(expectedPaint);
  });
});

describe("an eighth blind judge's partnership dashboard (months as dates, operators in targets)", () => {
  const found = findTables(dashboard);
  const standard = plannedWithReport(found);

  it("finds one table with four months and Latest as periods, and an alternative tolerance set", () => {
    expect(found.skipped).toBeUndefined();
    expect(found.tables).toHaveLength(1);
    expect(found.tables[0].periods).toHaveLength(5);
    expect(found.tables[0].toleranceSets).toHaveLength(2);
  });

  it("rates every month and Latest under the standard tolerance as worked out by hand", () => {
    const { got } = judge(dashboard, standard, dashboardStandard);
    expect(got).toEqual(dashboardStandard);
  });

  it("colours exactly the Green, Amber and Red cells under the standard tolerance", () => {
    const { colouredByReport, expectedPaint, painted } = judge(
      dashboard,
      standard,
      dashboardStandard
    );
    expect(colouredByReport.sort()).toEqual(expectedPaint.map(([cell]) => cell));
    expect(painted).toEqual(expectedPaint);
  });

  it("rates and colours under the recovery plan's tolerance as worked out by hand", () => {
    const recoverySet = found.tables[0].toleranceSets.find((set) => /recovery/i.test(set));
    expect(recoverySet).toBeDefined();
    const recovery = plannedWithReport(found, recoverySet);
    const { got, colouredByReport, expectedPaint, painted } = judge(
      dashboard,
      recovery,
      dashboardRecovery
    );
    expect(got).toEqual(dashboardRecovery);
    expect(colouredByReport.sort()).toEqual(expectedPaint.map(([cell]) => cell));
    expect(painted).toEqual(expectedPaint);
  });
});

describe("an alternative tolerance set's year column left blank on a row", () => {
  const found = findTables(dashboard);
  const recoverySet = found.tables[0].toleranceSets.find((set) => /recovery/i.test(set));

  it("rates Apr-25 under the recovery plan's unqualified column where its 2025-26 column is blank (row 2 Amber, row 6 Suspended)", () => {
    // "a period whose year has no threshold of its own takes an unqualified one if the table has one": the
    // recovery set's 2025-26 column is blank on rows 2 and 6, and the set's unqualified column says 55 and
    // Suspend, as the standard tolerance falls back (the council card's J6 takes the unqualified 5pp).
    const recovery = plannedWithReport(found, recoverySet);
    const { got, colouredByReport, expectedPaint, painted } = judge(dashboard, recovery, {
      ...dashboardRecovery,
      J4: "Amber", // 52: inside the set's unqualified 55 (Red under the standard 50)
      J8: "Suspended",
    });
    expect({ J4: got.J4, J8: got.J8 }).toEqual({ J4: "Amber", J8: "Suspended" });
    expect(reasonOf(recovery, "J8")).toMatch(/recovery plan tolerance set suspends/i);
    expect(colouredByReport.sort()).toEqual(expectedPaint.map(([cell]) => cell));
    expect(painted).toEqual(expectedPaint);
  });
});

describe("an eighth blind judge's dashboard under Blue for exceeding", () => {
  const appraisal = appraise(findTables(dashboard), { scheme: { kind: "blue for exceeding" } });
  const plan: PlanWithReport = { ...planOf(appraisal), ...reportOf(appraisal) };

  it("rates Blue at or beyond each row's stretch for the period's year", () => {
    expect(plan.scheme).toMatch(/^Blue for exceeding/);
    const { got, colouredByReport, expectedPaint, painted } = judge(dashboard, plan, dashboardBlue);
    expect(got).toEqual(dashboardBlue);
    expect(colouredByReport.sort()).toEqual(expectedPaint.map(([cell]) => cell));
    expect(painted).toEqual(expectedPaint);
  });
});

/**
 * The dashboard under "Percentage of target: Green within 5%, Amber within 10%", each a share of the year's
 * target on its worse side (the tolerance columns play no part). Row 4's target is a benchmark, for which
 * the scheme's share is not one PRODUCT.md works out: it is left out here.
 */
const dashboardShare: Expected = {
  G3: "Green", // 62% (60%: Green from 57%)
  H3: "Green", // 58%
  I3: "Red", // 49%, below 54%
  J3: "Green", // 64% (65%: Green from 61.75%)
  G4: "Green", // 43.2 (45: Green to 47.25)
  H4: "Green", // 45
  I4: "Red", // 50.1, beyond 49.5
  J4: "Red", // 52 (42: Amber to 46.2)
  G5: "Green", // 16 (18: Green to 18.9, Amber to 19.8)
  H5: "Green", // 18
  I5: "Amber", // 19.5 estimated
  J5: "Green", // 17.5 (17: Green to 17.85)
  G7: "No target",
  I7: "No data",
  J7: "No target",
  G8: "Green", // 91% (90%: Green from 85.5%)
  H8: "Green", // 87%
  I8: "No data",
  J8: "Green", // 95% (92%)
  K8: "Green", // Latest is Apr-25 (it repeats its 95%)
  G9: "No data",
  H9: "Green", // 118 (120: Green to 126)
  I9: "Green", // 125
  J9: "No data",
  K3: "No target",
  K9: "Green", // Latest is Mar-25 (it repeats its 125)
};

describe("an eighth blind judge's dashboard under Percentage of target", () => {
  const scheme = readScheme("Percentage of target: Green within 5%, Amber within 10%");
  if (!scheme?.ok) throw new Error("the scheme's words were not read");
  const appraisal = appraise(findTables(dashboard), { scheme: scheme.value });
  const plan: PlanWithReport = { ...planOf(appraisal), ...reportOf(appraisal) };

  it("rates each month against a share of its own year's target, with the strict and inclusive words alike", () => {
    const { got, colouredByReport, expectedPaint, painted } = judge(
      dashboard,
      plan,
      dashboardShare,
      ["G6", "H6", "I6", "J6", "K6"]
    );
    expect(got).toEqual(dashboardShare);
    expect(colouredByReport.sort()).toEqual(expectedPaint.map(([cell]) => cell));
    expect(painted).toEqual(expectedPaint);
  });
});

/**
 * The dashboard under Amber by direction with the recovery plan's set chosen: a miss beyond the set's
 * tolerance is Amber when better than the month before, otherwise Red.
 */
const dashboardRecoveryByDirection: Expected = {
  ...dashboardRecovery,
  J5: "Amber", // 17.5 is beyond the set's 2025-26 tolerance of 17.2, but lower than Mar-25's 19.5
  I6: "Amber", // 70 misses "Above" the neighbours' 70, but is better than Feb-25's 68
};

describe("an eighth blind judge's dashboard under Amber by direction with the recovery plan's set", () => {
  const found = findTables(dashboard);
  const recoverySet = found.tables[0].toleranceSets.find((set) => /recovery/i.test(set));
  const appraisal = appraise(found, {
    toleranceSet: recoverySet,
    scheme: { kind: "amber by direction" },
  });
  const plan: PlanWithReport = { ...planOf(appraisal), ...reportOf(appraisal) };

  it("turns a miss Amber only where it improved on the month before, across the change of year", () => {
    const { got, colouredByReport, expectedPaint, painted } = judge(
      dashboard,
      plan,
      dashboardRecoveryByDirection
    );
    expect(got).toEqual(dashboardRecoveryByDirection);
    expect(colouredByReport.sort()).toEqual(expectedPaint.map(([cell]) => cell));
    expect(painted).toEqual(expectedPaint);
  });
});
