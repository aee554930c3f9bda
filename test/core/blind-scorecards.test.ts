/**
 * Two invented council scorecards, worded and laid out in ways PRODUCT.md's rules cover but its examples do
 * not list. Every period cell's status was worked out by hand from PRODUCT.md alone; the product must agree
 * cell for cell, and its conditional formatting must paint exactly the Green, Amber and Red cells.
 */
import { describe, expect, it } from "vitest";
import { findTables, ragPalette, type CellValue, type Grid } from "../../src/core";
import { plannedWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

/** A percentage as Excel stores it (a fraction) in a cell formatted as a percentage. */
interface Percent {
  percent: number;
}
/** The first day of a month as an Excel date serial, formatted as a month. */
interface Month {
  month: number;
}
type Written = CellValue | Percent | Month;

const percent = (fraction: number): Percent => ({ percent: fraction });
const month = (serial: number): Month => ({ month: serial });

function gridOf(sheet: string, rows: Written[][], merges: Grid["merges"] = []): Grid {
  const width = Math.max(...rows.map((row) => row.length));
  const padded = rows.map((row) => [...row, ...Array<Written>(width - row.length).fill(null)]);
  return {
    sheet,
    origin: { row: 0, column: 0 },
    values: padded.map((row) =>
      row.map((cell) =>
        cell !== null && typeof cell === "object" && "percent" in cell
          ? cell.percent
          : cell !== null && typeof cell === "object" && "month" in cell
            ? cell.month
            : cell
      )
    ),
    numberFormats: padded.map((row) =>
      row.map((cell) =>
        cell !== null && typeof cell === "object" && "percent" in cell
          ? "0.0%"
          : cell !== null && typeof cell === "object" && "month" in cell
            ? "mmm-yy"
            : "General"
      )
    ),
    merges,
  };
}

/** Expected statuses, one string per row: "F5 Green, G5 Amber". */
function statusesOf(lines: string[]): Record<string, string> {
  const expected: Record<string, string> = {};
  for (const line of lines)
    for (const entry of line.split(",")) {
      const [address, ...status] = entry.trim().split(" ");
      expected[address] = status.join(" ");
    }
  return expected;
}

function judged(grid: Grid) {
  const plan = plannedWithReport(findTables(grid));
  const rated: Record<string, string> = {};
  for (const table of plan.tables)
    for (const row of table.rows) for (const cell of row.cells) rated[cell.address] = cell.status;
  const painted = Object.fromEntries(paintedCells(grid.values, plan.rules));
  return { plan, rated, painted };
}

function fillsOf(expected: Record<string, string>): Record<string, string> {
  const fills: Record<string, string> = {};
  for (const [address, status] of Object.entries(expected))
    if (status === "Green" || status === "Amber" || status === "Red")
      fills[address] = ragPalette[status].fill;
  return fills;
}

/**
 * A county's quarterly scorecard: a title, a two-row header (fixed columns merged down both rows, the year
 * merged over its quarters, a comparator group merged over England and statistical neighbours), a
 * "Good performance is" polarity column in phrases and an arrow, a year-qualified target, an
 * "Amber threshold" tolerance, text figures with units and flags, and notes and a key below.
 */
const shireCounty = gridOf(
  "Scorecard Q3",
  [
    ["Children's Services Performance Scorecard: Quarter 3 2024/25"],
    [],
    [
      "Ref",
      "Indicator",
      "Good performance is",
      "Target (FY24/25)",
      "Amber threshold",
      "2024/25",
      null,
      null,
      null,
      "Comparators (2023/24)",
      null,
      "DoT",
      "Commentary",
    ],
    [null, null, null, null, null, "Q1", "Q2", "Q3", "Q4", "England", "Stat neighbours"],
    [
      "CS01",
      "Re-referrals to children's social care within 12 months",
      "Lower = better",
      "22%",
      "25%",
      percent(0.214),
      "23.1%",
      percent(0.25),
      null,
      percent(0.215),
      percent(0.2),
      "↓",
      "Q3 on the amber threshold",
    ],
    [
      "CS02",
      "Children subject to a child protection plan for 2 years or more",
      "Aim to minimise",
      percent(0.02),
      "1 percentage point",
      percent(0.018),
      percent(0.02),
      percent(0.029),
      percent(0.031),
      percent(0.037),
      percent(0.031),
      "↑",
      null,
    ],
    [
      "CS03",
      "Average days between entering care and moving in with an adoptive family",
      "Fewer days is better",
      "426 days",
      "480 days",
      "410 days",
      "455 days",
      "501 days",
      "c",
      367,
      412,
      "↑",
      "Q4 suppressed: fewer than 5 adoptions",
    ],
    [
      "CS04",
      "Care leavers aged 19-21 in education, employment or training",
      "Higher figure = good",
      percent(0.6),
      "5% tolerance",
      percent(0.58),
      "61%p",
      percent(0.57),
      percent(0.569),
      percent(0.56),
      percent(0.55),
      "↓",
      null,
    ],
    [
      "CS05",
      "Children in need rate per 10,000 children",
      "Context",
      "Not set",
      null,
      320.5,
      331,
      318.2,
      null,
      342.7,
      330.1,
      "→",
      null,
    ],
    [
      "CS06",
      "Single assessments completed within 45 working days",
      "▲",
      percent(0.85),
      percent(0.8),
      percent(0.9),
      percent(0.82),
      percent(0.79),
      "Data not yet available",
      percent(0.82),
      percent(0.84),
      "↓",
      null,
    ],
    [
      "CS07",
      "Children looked after with 3 or more placements in the year",
      "Lower is better",
      "TBC",
      null,
      percent(0.09),
      percent(0.1),
      percent(0.11),
      percent(0.1),
      percent(0.1),
      percent(0.09),
      "↓",
      "Target to be agreed at March board",
    ],
    [
      "CS08",
      "Long-term placement stability",
      "See commentary",
      percent(0.7),
      percent(0.65),
      percent(0.68),
      percent(0.71),
      percent(0.69),
      percent(0.7),
      percent(0.71),
      percent(0.7),
      "↑",
      "New definition from April",
    ],
    [
      "CS09",
      "Initial health assessments within 20 working days",
      "Higher is better",
      percent(0.9),
      percent(0.95),
      percent(0.88),
      percent(0.93),
      percent(0.96),
      null,
      null,
      null,
      "↑",
      null,
    ],
    [
      "CS10",
      "Contacts received in the quarter",
      "Reduce = good",
      "Fewer than 1,500",
      "1,650",
      "1,420",
      "1,500",
      1650,
      "1,700 r",
      null,
      null,
      "↓",
      null,
    ],
    [
      "CS11",
      "Assessments ending in no further action",
      "T",
      "20% to 30%",
      "±10%",
      percent(0.25),
      percent(0.32),
      percent(0.17),
      percent(0.18),
      percent(0.27),
      percent(0.26),
      "↑",
      "Stay close to target: too low may mean over-assessment",
    ],
    [
      "CS12",
      "Children looked after with an up-to-date health assessment",
      "Higher is better",
      "Above Stat Neighbour Average",
      null,
      percent(0.9),
      percent(0.88),
      percent(0.87),
      percent(0.95),
      percent(0.86),
      percent(0.88),
      "↑",
      null,
    ],
    [
      "CS13",
      "Family group conferences held",
      "Lower is better",
      "Baseline year",
      null,
      12,
      15,
      13,
      14,
    ],
    ["CS14", "Young carers' assessments", "Higher is better", "M", null, 5, 6, null, 7],
    [],
    [
      "Notes: DoT compares the latest quarter with the one before. Comparators are 2023/24 figures.",
    ],
    ["Key: p = provisional, r = revised, c = suppressed (fewer than 5 children)"],
  ],
  [
    ...[0, 1, 2, 3, 4, 11, 12].map((column) => ({
      top: 2,
      left: column,
      bottom: 3,
      right: column,
    })),
    { top: 2, left: 5, bottom: 2, right: 8 },
    { top: 2, left: 9, bottom: 2, right: 10 },
  ]
);

const shireCountyExpected = statusesOf([
  // Lower = better, target 22%, amber threshold 25% (inclusive towards the better side).
  "F5 Green, G5 Amber, H5 Amber, I5 No data",
  // Aim to minimise, 2%, 1 percentage point: an absolute margin, amber to 3%.
  "F6 Green, G6 Green, H6 Amber, I6 Red",
  // Fewer days is better, 426 days, 480 days; "c" is suppressed.
  "F7 Green, G7 Amber, H7 Red, I7 No data",
  // Higher figure = good, 60%, 5% tolerance: 5% of 60%, amber floor 57%; "61%p" is 61% provisional.
  "F8 Amber, G8 Green, H8 Amber, I8 Red",
  // Context: a context measure.
  "F9 No target, G9 No target, H9 No target, I9 No data",
  // ▲ under the polarity heading: higher is better, 85%, 80%.
  "F10 Green, G10 Amber, H10 Red, I10 No data",
  // TBC: no target.
  "F11 No target, G11 No target, H11 No target, I11 No target",
  // "See commentary" names no direction and no range: never a guess.
  "F12 Check definition, G12 Check definition, H12 Check definition, I12 Check definition",
  // Higher is better with the tolerance above the target contradicts itself; a blank stays No data.
  "F13 Check definition, G13 Check definition, H13 Check definition, I13 No data",
  // Reduce = good, fewer than 1,500 (strict), amber threshold 1,650 (inclusive); "1,700 r" is revised.
  "F14 Green, G14 Amber, H14 Amber, I14 Red",
  // T: in range, 20% to 30%, ±10% of each end: amber 18% to 33% (18% itself is Amber).
  "F15 Green, G15 Amber, H15 Red, I15 Amber",
  // Above the statistical neighbours' 88% on the same row, strict, no tolerance: Green or Red.
  "F16 Green, G16 Red, H16 Red, I16 Green",
  // Baseline year and a lone M mean no target yet.
  "F17 No target, G17 No target, H17 No target, I17 No target",
  "F18 No target, G18 No target, H18 No data, I18 No target",
]);

/**
 * A borough's monthly early help tables side by side: on the left H/L and arrow polarity codes, a target per
 * financial year spelt two ways, a tolerance in percentage points, months as Excel dates spanning March and
 * April, the analyst's own RAG and an England column; on the right Actual/Target/Tolerance rows by month.
 */
const borough = gridOf("Monthly CSC", [
  [
    "Code",
    "Description",
    "Polarity",
    "Target 2023/24",
    "Target 2024-25",
    "Amber tolerance (pp)",
    month(45352),
    month(45383),
    month(45413),
    "RAG",
    "England",
    null,
    "Measure",
    "Polarity",
    "Jul 2024",
    "Aug 2024",
    "Sep 2024",
  ],
  [
    "EH1",
    "Early help assessments closed with outcomes met",
    "H",
    "75%",
    "80%",
    5,
    percent(0.72),
    percent(0.78),
    percent(0.81),
    "G",
    percent(0.77),
    null,
    "Initial child protection conferences within 15 working days",
    "High is good",
  ],
  [
    "EH2",
    "Re-referrals to early help within 6 months",
    "L",
    "15%",
    "12%",
    2,
    percent(0.16),
    percent(0.13),
    percent(0.145),
    "R",
    percent(0.14),
    null,
    "Actual",
    null,
    percent(0.86),
    percent(0.79),
    percent(0.9),
  ],
  [
    "EH3",
    "Missing episodes with a return interview offered within 72 hours",
    "H",
    "90%",
    null,
    5,
    percent(0.88),
    percent(0.95),
    percent(0.91),
    "G",
    null,
    null,
    "Target",
    null,
    percent(0.85),
    percent(0.85),
    percent(0.88),
  ],
  [
    "EH4",
    "Contacts converted to a referral",
    "↓",
    "30%",
    "30%",
    null,
    percent(0.3),
    percent(0.305),
    "29.5%*",
    "A",
    percent(0.38),
    null,
    "Tolerance",
    null,
    percent(0.8),
    percent(0.8),
    percent(0.85),
  ],
  [
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    "Average caseload per social worker",
    "Low is good",
  ],
  [
    "Key: p = provisional, * = see note 2",
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    "Actual",
    null,
    17,
    21,
    "19.5",
  ],
  [
    "Note 2: May figure excludes one team's returns",
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    "Target",
    null,
    18,
    18,
    18,
  ],
  [
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    "Tolerance",
    null,
    20,
    20,
    20,
  ],
]);

const boroughExpected = statusesOf([
  // H; March 2024 is in 2023/24 (75%, floor 70%), April and May in 2024-25 (80%, floor 75%).
  "G2 Amber, H2 Amber, I2 Green",
  // L; 15% with amber to 17% in March, then 12% with amber to 14%.
  "G3 Amber, H3 Amber, I3 Red",
  // H; 2024-25 has no target of its own and the table has no unqualified one.
  "G4 Amber, H4 No target, I4 No target",
  // ↓ under Polarity: lower is better, 30% and no tolerance (Green and Red); "29.5%*" is 29.5% see note.
  "G5 Green, H5 Red, I5 Green",
  // High is good: each Actual against its own month's Target and Tolerance.
  "O3 Green, P3 Red, Q3 Green",
  // Low is good: 18, amber to 20; "19.5" as text is the figure 19.5.
  "O7 Green, P7 Red, Q7 Amber",
]);

describe("blind scorecards worked out by hand from PRODUCT.md", () => {
  it("rates every quarter of a county's two-row-header scorecard as its wording means", () => {
    const { rated } = judged(shireCounty);
    expect(rated).toEqual(shireCountyExpected);
  });

  it("paints exactly the county scorecard's Green, Amber and Red cells", () => {
    const { painted } = judged(shireCounty);
    expect(painted).toEqual(fillsOf(shireCountyExpected));
  });

  it("says why the county's row worded 'See commentary' is not rated", () => {
    const { plan } = judged(shireCounty);
    const row = plan.tables.flatMap((table) => table.rows).find((each) => each.row === 12);
    expect(row?.problems.length ?? 0).toBeGreaterThan(0);
  });

  it("names the sheet's own meaning of a flag in the reason, as the key defines it", () => {
    const { plan } = judged(shireCounty);
    const revised = plan.tables
      .flatMap((table) => table.rows)
      .flatMap((row) => row.cells)
      .find((cell) => cell.address === "I14");
    expect(revised?.reason).toContain("revised");
    expect(revised?.reason).not.toContain("suppressed");
  });

  it("rates every month of a borough's side-by-side tables against that month's own threshold", () => {
    const { rated } = judged(borough);
    expect(rated).toEqual(boroughExpected);
  });

  it("says that 2024-25 has no target of its own where a month of it is not rated", () => {
    const { plan } = judged(borough);
    const april = plan.tables
      .flatMap((table) => table.rows)
      .flatMap((row) => row.cells)
      .find((cell) => cell.address === "H4");
    expect(april?.reason).toMatch(/2024[/-]25/);
  });

  it("paints exactly the borough's Green, Amber and Red cells", () => {
    const { painted } = judged(borough);
    expect(painted).toEqual(fillsOf(boroughExpected));
  });

  it("finds the borough's two tables side by side, neither skipped", () => {
    const { plan } = judged(borough);
    expect(plan.skipped).toBeUndefined();
    expect(plan.tables).toHaveLength(2);
  });
});
