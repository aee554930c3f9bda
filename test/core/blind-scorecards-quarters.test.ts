/**
 * Two invented council scorecards of quarters, judged only by PRODUCT.md: every period cell's status was
 * worked out by hand from its rules before the product rated them. Figures and measures are made up.
 */
import { describe, expect, it } from "vitest";
import {
  findTables,
  reportOf,
  settingsTableOfGrid,
  standardSet,
  type CellValue,
  type FoundTables,
  type Grid,
  type GridArea,
} from "../../src/core";
import { appraiseTables } from "../../src/core/appraisal/appraisal";
import { formattingPlan } from "../../src/core/plan/plan";
import { readSettings } from "../../src/core/register/settings";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, string>;

function gridOf(
  sheet: string,
  values: CellValue[][],
  formatOf: (row: number, column: number) => string,
  merges: GridArea[] = []
): Grid {
  const width = Math.max(...values.map((row) => row.length));
  const padded = values.map((row) => [
    ...row,
    ...Array.from({ length: width - row.length }, () => null),
  ]);
  return {
    sheet,
    origin: { row: 0, column: 0 },
    values: padded,
    numberFormats: padded.map((row, r) => row.map((_, c) => formatOf(r, c))),
    merges,
  };
}

/** Every rated cell's status as the report gives it, by address. */
function reportedStatuses(plan: PlanWithReport): Expected {
  const statuses: Expected = {};
  for (const table of plan.tables)
    for (const row of table.rows)
      for (const cell of row.cells) statuses[cell.address] = cell.status;
  return statuses;
}

/** The status each painted cell shows, as HyperFormula evaluates the plan's rules. */
function paintedStatuses(grid: Grid, plan: PlanWithReport): Expected {
  const statusOfFill = new Map(plan.rules.map((rule) => [rule.fill, rule.status]));
  const painted: Expected = {};
  for (const [address, fill] of paintedCells(grid.values, plan.rules))
    painted[address] = statusOfFill.get(fill) ?? fill;
  return painted;
}

const colours = new Set(["Green", "Amber", "Red", "Blue"]);

function colouredOnly(expected: Expected): Expected {
  return Object.fromEntries(Object.entries(expected).filter(([, status]) => colours.has(status)));
}

// ---------------------------------------------------------------------------------------------------
// Card 1: a county council's quarterly children's services scorecard, standard scheme (no KPISettings).
// Two header rows: the year is written once, unmerged, over the first of its quarters; the fixed
// columns' headers sit in the first row only. Targets per year, one unqualified margin in points, and a
// stretch target that the standard scheme has no use for.
// A Ref, B Indicator, C Good is, D Target 2023/24, E Target 2024/25, F Stretch target, G Tolerance (pp),
// H–I 2023/24 Q3–Q4, J–L 2024/25 Q1–Q3, M England average, N Stat neighbours, O DoT, P Comments.
// ---------------------------------------------------------------------------------------------------
const countyValues: CellValue[][] = [
  [
    "Ref",
    "Indicator",
    "Good is",
    "Target 2023/24",
    "Target 2024/25",
    "Stretch target",
    "Tolerance (pp)",
    "2023/24",
    null,
    "2024/25",
    null,
    null,
    "England average",
    "Stat neighbours",
    "DoT",
    "Comments",
  ],
  [null, null, null, null, null, null, null, "Q3", "Q4", "Q1", "Q2", "Q3"],
  [
    "CS01",
    "Child protection plans reviewed within timescale",
    "High",
    0.95,
    0.96,
    0.99,
    3,
    0.93,
    0.955,
    0.96,
    "94.5%",
    0.92,
    0.91,
    0.93,
    "↓",
    "Q3 dip: two reviewing officer vacancies",
  ],
  [
    "CS02",
    "Average days from entering care to moving in with adoptive family",
    "Low",
    "450 days",
    "426 days",
    "400 days",
    null,
    "455 days",
    440,
    426,
    "431p",
    null,
    367,
    402,
    "↑",
    null,
  ],
  [
    "CS03",
    "Re-referrals to children's social care within 12 months",
    "Low",
    0.22,
    0.21,
    0.18,
    2,
    0.235,
    0.24,
    0.21,
    "c",
    0.231,
    0.22,
    0.21,
    "↓",
    "Q2 figure suppressed: small numbers",
  ],
  [
    "CS04",
    "Children looked after, rate per 10,000",
    "Monitoring only",
    null,
    null,
    null,
    null,
    68,
    70,
    71,
    69,
    72,
    70,
    74,
    "→",
    null,
  ],
  [
    "CS05",
    "Care leavers aged 19-21 in education, employment or training",
    "High",
    null,
    0.6,
    0.65,
    5,
    0.55,
    0.58,
    0.62,
    0.56,
    0.54,
    0.56,
    0.57,
    "↓",
    "New measure from April 2024",
  ],
  [
    "CS06",
    "Single assessments completed within 45 working days",
    "The higher the better",
    "At least 85%",
    "≥ 87%",
    "92%",
    4,
    0.86,
    0.84,
    0.87,
    0.82,
    "88%*",
    0.83,
    0.85,
    "↑",
    null,
  ],
  [
    "CS07",
    "Children in care visited within statutory timescales",
    "Steady good",
    0.9,
    0.9,
    0.95,
    2,
    0.91,
    0.89,
    0.92,
    0.9,
    0.88,
    null,
    null,
    "↓",
    null,
  ],
  ["* Provisional figure, subject to validation"],
  ["Key: ↑ improved, ↓ declined, → no change"],
];

const countyGrid = gridOf("Quarterly scorecard", countyValues, (row, column) => {
  if (row < 2 || typeof countyValues[row]?.[column] !== "number") return "General";
  if (column === 6) return "0";
  const percentRow = [2, 4, 6, 7, 8].includes(row);
  if (!percentRow) return "0";
  return column === 3 || column === 4 || column === 5 ? "0%" : "0.0%";
});

const countyExpected: Expected = {
  // CS01 higher is better, 2023/24 target 95% floor 92%; 2024/25 target 96% floor 93%.
  H3: "Amber",
  I3: "Green",
  J3: "Green",
  K3: "Amber",
  L3: "Red",
  // CS02 lower is better, no tolerance: Green and Red only; 450 days then 426 days.
  H4: "Red",
  I4: "Green",
  J4: "Green",
  K4: "Red",
  L4: "No data",
  // CS03 lower is better, 22% (+2pp → 24%) then 21% (+2pp → 23%).
  H5: "Amber",
  I5: "Amber",
  J5: "Green",
  K5: "No data",
  L5: "Red",
  // CS04 Monitoring only: a context measure.
  H6: "No target",
  I6: "No target",
  J6: "No target",
  K6: "No target",
  L6: "No target",
  // CS05 no 2023/24 target and no unqualified one (a stretch target is not the target): No target.
  H7: "No target",
  I7: "No target",
  J7: "Green",
  K7: "Amber",
  L7: "Red",
  // CS06 The higher the better, at least 85% (floor 81%) then ≥ 87% (floor 83%).
  H8: "Green",
  I8: "Amber",
  J8: "Green",
  K8: "Red",
  L8: "Green",
  // CS07 "Steady good" names no direction: never a guess.
  H9: "Check definition",
  I9: "Check definition",
  J9: "Check definition",
  K9: "Check definition",
  L9: "Check definition",
};

// ---------------------------------------------------------------------------------------------------
// Card 2: a children's trust on the Blue-for-exceeding scheme (its KPISettings table on the KPI Register
// sheet). Two tables one under another.
// Table A: fixed headers merged down two rows, "2024-25" merged over its four quarters, then
// "Qtr 1 2025-26" merged down; targets per financial year, a stretch for 2024/25 only, a Floor standard.
// A No., B Performance measure, C Polarity, D Target (FY24/25), E Stretch 2024/25, F Target 2025-26,
// G Floor standard, H–K 2024-25 Qtr 1–4, L Qtr 1 2025-26, M Statistical neighbours, N England, O RAG, P Notes.
// Table B: one header row, quarters as month ranges (Apr-Jun 24 … Apr-Jun 25), unqualified Annual target,
// Stretch target and Amber trigger, polarity under a "Good performance" heading.
// ---------------------------------------------------------------------------------------------------
const trustValues: CellValue[][] = [
  [
    "No.",
    "Performance measure",
    "Polarity",
    "Target (FY24/25)",
    "Stretch 2024/25",
    "Target 2025-26",
    "Floor standard",
    "2024-25",
    null,
    null,
    null,
    "Qtr 1 2025-26",
    "Statistical neighbours",
    "England",
    "RAG",
    "Notes",
  ],
  [null, null, null, null, null, null, null, "Qtr 1", "Qtr 2", "Qtr 3", "Qtr 4"],
  [
    1,
    "Early help assessments completed within 45 days",
    "↑",
    0.85,
    0.92,
    0.88,
    0.78,
    0.9,
    0.93,
    0.92,
    0.77,
    0.95,
    0.82,
    0.8,
    "G",
    null,
  ],
  [
    2,
    "Contacts received by the front door",
    "Monitoring only",
    null,
    null,
    null,
    null,
    "1,204",
    1150,
    "1,312 r",
    1280,
    1199,
    null,
    null,
    null,
    "Counts, not a rate",
  ],
  [
    3,
    "Average caseload per social worker",
    "Lower figure is better",
    18,
    16,
    17,
    20,
    17,
    16,
    19,
    21,
    17,
    16.9,
    17.2,
    "A",
    null,
  ],
  [
    4,
    "Children subject to a CP plan for a second or subsequent time",
    "Aim to reduce",
    "No more than 20%",
    "15%",
    "20%",
    "25%",
    0.2,
    "14.8%",
    0.24,
    "x",
    0.26,
    0.22,
    0.23,
    "R",
    "Q4 not published",
  ],
  [
    5,
    "EHC plans issued within 20 weeks",
    "Higher = better",
    0.6,
    0.75,
    null,
    0.5,
    0.55,
    0.76,
    0.45,
    0.61,
    0.7,
    0.52,
    0.5,
    "G",
    "2025-26 target to be agreed",
  ],
  [
    6,
    "Children in care with 3 or more placements in the year",
    "↓",
    "Baseline",
    null,
    0.1,
    0.12,
    0.11,
    0.1,
    0.09,
    0.105,
    0.095,
    0.1,
    0.1,
    null,
    null,
  ],
  [],
  [
    "Ref",
    "Measure",
    "Good performance",
    "Annual target",
    "Stretch target",
    "Amber trigger",
    "Apr-Jun 24",
    "Jul-Sep 24",
    "Oct-Dec 24",
    "Jan-Mar 25",
    "Apr-Jun 25",
    "Region",
    "Commentary",
  ],
  [
    "EH1",
    "Families re-referred to early help within 12 months",
    "Lower",
    0.12,
    0.08,
    0.15,
    0.07,
    0.12,
    0.14,
    0.16,
    "10% r",
    0.13,
    null,
  ],
  [
    "EH2",
    "Days from request to start of family assessment",
    "Lower",
    "35 days",
    "28 days",
    "42 days",
    "30 days",
    28,
    "41.5 days",
    "Data not yet available",
    45,
    33,
    "Q4 data due in May",
  ],
  [
    "EH3",
    "Participation in education or training at 16-17",
    "Higher",
    "At least 92%",
    "95%",
    "90%",
    0.93,
    0.951,
    0.9,
    0.899,
    "n/a",
    0.925,
    null,
  ],
  [],
  ["Key: B = at or beyond stretch, G = on target, A = within tolerance, R = off target"],
  ["p = provisional, r = revised"],
];

const trustGrid = gridOf(
  "Trust scorecard",
  trustValues,
  (row, column) => {
    const value = trustValues[row]?.[column];
    if (typeof value !== "number") return "General";
    if ([2, 5, 6, 7, 10, 12].includes(row)) return "0.0%";
    return row === 4 ? "0.0" : "#,##0";
  },
  [
    ...[0, 1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15].map((column) => ({
      top: 0,
      left: column,
      bottom: 1,
      right: column,
    })),
    { top: 0, left: 7, bottom: 0, right: 10 },
  ]
);

const trustSettings: Grid = gridOf(
  "KPI Register",
  [
    ["Setting", "Value"],
    ["Scheme", "Blue for exceeding"],
  ],
  () => "General"
);

const trustExpected: Expected = {
  // 1 ↑: 2024/25 target 85%, stretch 92%, floor 78%; 2025/26 target 88%, no stretch of its own.
  H3: "Green",
  I3: "Blue",
  J3: "Blue",
  K3: "Red",
  L3: "Green",
  // 2 Monitoring only.
  H4: "No target",
  I4: "No target",
  J4: "No target",
  K4: "No target",
  L4: "No target",
  // 3 Lower figure is better: 18, stretch 16, floor 20; 2025/26 target 17.
  H5: "Green",
  I5: "Blue",
  J5: "Amber",
  K5: "Red",
  L5: "Green",
  // 4 Aim to reduce: no more than 20%, stretch 15%, floor 25%; 2025/26 target 20%.
  H6: "Green",
  I6: "Blue",
  J6: "Amber",
  K6: "No data",
  L6: "Red",
  // 5 Higher = better: 60%, stretch 75%, floor 50%; no 2025/26 target and no unqualified one.
  H7: "Amber",
  I7: "Blue",
  J7: "Red",
  K7: "Green",
  L7: "No target",
  // 6 ↓: Baseline in 2024/25 (no target yet); 2025/26 target 10%, floor 12%.
  H8: "No target",
  I8: "No target",
  J8: "No target",
  K8: "No target",
  L8: "Green",
  // EH1 lower: 12%, stretch 8%, amber trigger 15%.
  G11: "Blue",
  H11: "Green",
  I11: "Amber",
  J11: "Red",
  K11: "Green",
  // EH2 lower: 35 days, stretch 28 days, amber trigger 42 days.
  G12: "Green",
  H12: "Blue",
  I12: "Amber",
  J12: "No data",
  K12: "Red",
  // EH3 higher: at least 92%, stretch 95%, amber trigger 90%.
  G13: "Green",
  H13: "Blue",
  I13: "Amber",
  J13: "Red",
  K13: "No data",
};

/** Rates found tables under the trust's scheme, read from its KPISettings table, as plannedWithReport does under Standard. */
function trustPlan(found: FoundTables): PlanWithReport {
  const { settings } = readSettings(settingsTableOfGrid(trustSettings) ?? []);
  const appraisal = appraiseTables(found, standardSet, settings.scheme);
  const { tables, scheme } = reportOf(appraisal);
  return { ...formattingPlan(appraisal), tables, scheme };
}

// The county card again with each year merged over its quarters, the shape PRODUCT.md names outright.
const countyMergedGrid: Grid = {
  ...countyGrid,
  sheet: "Quarterly scorecard (merged)",
  merges: [
    { top: 0, left: 7, bottom: 0, right: 8 },
    { top: 0, left: 9, bottom: 0, right: 11 },
  ],
};

// The trust's Table B on a sheet of its own: as written, and with one of its two unread headings changed.
const tableBRows = trustValues.slice(9, 13);
const quarterLabels = [
  "Qtr 1 2024-25",
  "Qtr 2 2024-25",
  "Qtr 3 2024-25",
  "Qtr 4 2024-25",
  "Qtr 1 2025-26",
];

function tableBGrid(sheet: string, polarityHeading: string, periods: readonly string[]): Grid {
  const header = [...tableBRows[0]];
  header[2] = polarityHeading;
  header.splice(6, 5, ...periods);
  const rows = [header, ...tableBRows.slice(1)];
  return gridOf(sheet, rows, (row, column) =>
    typeof rows[row]?.[column] === "number" && (row === 1 || row === 3) ? "0.0%" : "General"
  );
}

/** Table B's expectations, moved from sheet rows 11–13 of the trust card to rows 2–4 of a sheet of its own. */
const tableBExpected: Expected = Object.fromEntries(
  Object.entries(trustExpected)
    .filter(([address]) => Number(address.slice(1)) >= 11)
    .map(([address, status]) => [`${address[0]}${Number(address.slice(1)) - 9}`, status])
);

const county = plannedWithReport(findTables(countyGrid));
const countyMerged = plannedWithReport(findTables(countyMergedGrid));
const trust = trustPlan(findTables(trustGrid));
const tableBAsWritten = tableBGrid(
  "Table B",
  "Good performance",
  tableBRows[0].slice(6, 11) as string[]
);
const tableBQuarters = tableBGrid("Table B, Qtr labels", "Polarity", quarterLabels);
const tableBGoodPerformance = tableBGrid(
  "Table B, Good performance",
  "Good performance",
  quarterLabels
);

describe("a county scorecard of quarters under years written once, standard scheme", () => {
  it("rates every period cell as worked out by hand from PRODUCT.md", () => {
    expect(reportedStatuses(county)).toEqual(countyExpected);
  });

  it("has rules that paint exactly the Green, Amber and Red cells, and never Blue", () => {
    const painted = paintedStatuses(countyGrid, county);
    expect(painted).toEqual(colouredOnly(countyExpected));
    expect(Object.values(painted)).not.toContain("Blue");
  });

  it("reads the stretch target as a column the standard scheme does not rate by", () => {
    expect(county.tables[0].columnMap).toMatch(/F stretch target/);
  });
});

describe("the county scorecard with each year merged over its quarters", () => {
  it("rates every period cell as worked out by hand from PRODUCT.md", () => {
    expect(reportedStatuses(countyMerged)).toEqual(countyExpected);
  });

  it("has rules that paint exactly the Green, Amber and Red cells", () => {
    expect(paintedStatuses(countyMergedGrid, countyMerged)).toEqual(colouredOnly(countyExpected));
  });
});

describe("a trust scorecard of a merged year's quarters on Blue for exceeding", () => {
  it("reads the KPISettings table's scheme as Blue for exceeding", () => {
    expect(trust.scheme).toMatch(/Blue for exceeding/);
  });

  it("rates every period cell of Table A, and of Table B under it as a table of its own, as worked out by hand", () => {
    expect(reportedStatuses(trust)).toEqual(trustExpected);
  });

  it("has rules that paint exactly the Green, Amber, Red and Blue cells of both tables", () => {
    expect(paintedStatuses(trustGrid, trust)).toEqual(colouredOnly(trustExpected));
  });
});

describe("the trust's Table B alone, with a Polarity heading and quarters spelt Qtr 1 2024-25", () => {
  const plan = trustPlan(findTables(tableBQuarters));

  it("rates every period cell as worked out by hand from PRODUCT.md", () => {
    expect(reportedStatuses(plan)).toEqual(tableBExpected);
  });

  it("has rules that paint exactly the Green, Amber, Red and Blue cells", () => {
    expect(paintedStatuses(tableBQuarters, plan)).toEqual(colouredOnly(tableBExpected));
  });
});

describe("quarters spelt as runs of months, and a Good performance heading", () => {
  it("reads quarters spelt Apr-Jun 24 … Apr-Jun 25 as period columns", () => {
    const plan = trustPlan(findTables(tableBAsWritten));
    expect(plan.skipped).toBeUndefined();
    expect(plan.tables[0]?.periods).toHaveLength(5);
  });

  it("reads Higher / Lower under a Good performance heading as the row's polarity", () => {
    const plan = trustPlan(findTables(tableBGoodPerformance));
    expect(reportedStatuses(plan)).toEqual(tableBExpected);
  });
});
