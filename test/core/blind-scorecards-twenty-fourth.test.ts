/**
 * Blind judge 24: a workbook that teaches its own words (KPIWords) and sets many columns that are not periods
 * beside the periods. Every expectation below was worked by hand from PRODUCT.md alone.
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  type CellValue,
  findTables,
  type Grid,
  planOf,
  reportOf,
  wordsOfGrid,
} from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { paintedCells } from "../support/rule-engine";

type Rag = "Green" | "Amber" | "Red";
type Expected = Record<string, string>;

// The workbook's own words, on its KPI Register sheet.
const wordsSheet = paddedGrid(
  "KPI Register",
  [
    ["Word", "Means"],
    ["+ve", "Bigger is better"], // polarity codes
    ["-ve", "Smaller is better"],
    ["Good if", "Polarity"], // a polarity heading
    ["Intervention level", "Tolerance"], // a tolerance heading
    ["Info only", "No target"],
    ["Aut term", "Period"], // period headers in the school year's own spelling
    ["Spr term", "Period"],
    ["Sum term", "Period"],
    ["Full yr", "Period"],
    ["Rolling 12m", "Not a period"],
    ["YTD", "Not a period"], // contradicts the built-in YTD period: the workbook's word wins
    ["Benchmark", "Target"], // contradicts the built-in comparator: this workbook's "Benchmark" is its target
    ["†", "Provisional"], // a figure flag of the sheet's own key
    ["~", "Steady good"], // taught wrongly: names no direction and no range
  ],
  () => "General"
);

function rate(grid: Grid) {
  const { words, problems } = wordsOfGrid(wordsSheet);
  const found = findTables(grid, undefined, { words });
  const appraisal = appraise(found, { words });
  const plan = planOf(appraisal);
  const report = reportOf(appraisal);
  const cells = report.tables.flatMap((table) => table.rows.flatMap((row) => row.cells));
  return { problems, plan, report, cells };
}

/** Every period cell has its status, no other cell is rated, and the fills Excel would paint are exactly the R/A/G ones. */
function expectCard(grid: Grid, expected: Expected) {
  const { plan, cells } = rate(grid);
  const got = Object.fromEntries(cells.map((cell) => [cell.address, cell.status]));
  const reasons = Object.fromEntries(cells.map((cell) => [cell.address, cell.reason]));
  for (const [address, status] of Object.entries(expected))
    expect(`${address} ${got[address]} (${reasons[address]})`).toBe(
      `${address} ${status} (${reasons[address]})`
    );
  expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());

  const statusOfFill = new Map<string, Rag>();
  for (const rule of plan.rules) statusOfFill.set(rule.fill, rule.status as Rag);
  const painted = paintedCells(grid.values, plan.rules);
  for (const [address, status] of Object.entries(expected)) {
    const fill = painted.get(address);
    const paintedStatus = fill === undefined ? "unpainted" : statusOfFill.get(fill);
    const wanted = ["Green", "Amber", "Red"].includes(status) ? status : "unpainted";
    expect(`${address} painted ${paintedStatus}`).toBe(`${address} painted ${wanted}`);
  }
  for (const address of painted.keys())
    expect(`${address} is a period cell`).toBe(
      address in expected ? `${address} is a period cell` : `${address} is not a period cell`
    );
  return rate(grid);
}

/** The column map names a column letter (a role, a period range end, or a column left alone). */
function names(columnMap: string, letter: string): boolean {
  return new RegExp(`(^|[\\s,;(–-])${letter}(?=[\\s,;)–-]|$)`).test(columnMap);
}

// ---------------------------------------------------------------------------------------------------------
// Card 1: an early help and education scorecard, every wording it relies on taught in KPIWords.
// Row 3 is the header; periods are the taught terms F–I; J–N are not periods.
const card1Rows: CellValue[][] = [
  ["Early help and education: Q4 scorecard"],
  [],
  [
    "Ref",
    "Measure",
    "Good if",
    "Target",
    "Intervention level",
    "Aut term",
    "Spr term",
    "Sum term",
    "Full yr",
    "Rolling 12m",
    "YTD",
    "Trend",
    "RAG rating",
    "Notes",
  ],
  // 4
  [
    "EH01",
    "% of early help assessments completed within 45 working days",
    "+ve",
    0.85,
    0.75,
    0.88,
    0.8,
    0.74,
    0.81,
    0.82,
    0.81,
    "↑",
    "Amber",
    "Improving after restructure",
  ],
  // 5
  [
    "EH02",
    "Re-referrals to early help within 12 months",
    "-ve",
    0.15,
    0.2,
    0.15,
    0.2,
    0.201,
    null,
    0.18,
    0.17,
    "↓",
    "Green",
    "",
  ],
  // 6
  [
    "EH03",
    "Families with a lead professional",
    "Info only",
    null,
    null,
    412,
    398,
    "Data to be supplied",
    "1,040",
    1210,
    810,
    "→",
    "",
    "Context only",
  ],
  // 7
  [
    "EH04",
    "Average days from contact to early help allocation",
    "-ve",
    "10 days",
    "14 days",
    "9.5 days",
    12,
    "14 days",
    15,
    13.1,
    12.6,
    "↓",
    "Red",
    "",
  ],
  // 8
  [
    "EH05",
    "Attendance of children with a social worker",
    "+ve",
    0.9,
    "5 points",
    0.912,
    0.85,
    0.849,
    "88%†",
    0.87,
    0.87,
    "↓",
    "Amber",
    "Summer figure provisional",
  ],
  // 9
  [
    "EH06",
    "Suspensions per 100 pupils with an EHCP",
    "~",
    5,
    7,
    4.2,
    6,
    8,
    null,
    6.1,
    6.1,
    "↑",
    "",
    "",
  ],
  // 10
  [
    "EH07",
    "Children missing education",
    "-ve",
    "Fewer than 40",
    50,
    39,
    40,
    50,
    51,
    45,
    45,
    "↑",
    "Red",
    "",
  ],
  // 11
  [
    "EH08",
    "EHC needs assessments completed in 20 weeks",
    "+ve",
    "60%",
    "50%",
    58,
    61,
    45,
    60,
    56,
    55,
    "↔",
    "Amber",
    "",
  ],
  // 12
  [
    "EH09",
    "16-17 year olds NEET",
    "-ve",
    0.05,
    "±1pp",
    0.049,
    0.055,
    0.06,
    0.061,
    0.056,
    0.056,
    "↑",
    "Amber",
    "",
  ],
  // 13
  [
    "EH10",
    "Early help plans closed with outcomes met",
    "+ve",
    "Not set",
    null,
    0.7,
    0.72,
    "-",
    null,
    0.71,
    0.71,
    "↑",
    "",
    "",
  ],
];

const card1Formats: Record<number, string> = {
  4: "0%",
  5: "0.0%",
  7: "0.0",
  8: "0.0%",
  12: "0.0%",
  13: "0%",
};
const card1 = paddedGrid("Early Help", card1Rows, (row, column) =>
  column >= 3 && column <= 10 && card1Formats[row + 1] ? card1Formats[row + 1] : "General"
);

const card1Expected: Expected = {
  // EH01, +ve taught as Bigger is better: Green ≥85%, Amber ≥75%, else Red.
  F4: "Green", // 88%
  G4: "Amber", // 80%
  H4: "Red", // 74% < 75%
  I4: "Amber", // 81%
  // EH02, -ve taught as Smaller is better: Green ≤15%, Amber ≤20% (inclusive towards the better side).
  F5: "Green", // 15% at target
  G5: "Amber", // 20% at tolerance
  H5: "Red", // 20.1% beyond tolerance
  I5: "No data", // blank is never a zero
  // EH03, "Info only" taught as No target: a context measure; cells with no figure are No data.
  F6: "No target",
  G6: "No target",
  H6: "No data", // Data to be supplied
  I6: "No target", // "1,040" is a figure
  // EH04, days: target 10, tolerance 14, lower is better; text figures with a unit are figures.
  F7: "Green", // 9.5 days
  G7: "Amber", // 12
  H7: "Amber", // "14 days" at tolerance
  I7: "Red", // 15
  // EH05, 90% with "5 points" (absolute): amber floor 85%.
  F8: "Green", // 91.2%
  G8: "Amber", // 85% at floor
  H8: "Red", // 84.9%
  I8: "Amber", // "88%†": the sheet's own key defines † (Provisional), so 88% is a figure, ≥85%
  // EH06, "~" was taught as "Steady good", which names no direction: the teaching is left out and the polarity is
  // unknown, a problem to report, never a guess.
  F9: "Check definition",
  G9: "Check definition",
  H9: "Check definition",
  I9: "No data", // no figure: No data whatever the row's definition
  // EH07, "Fewer than 40" is strict: 40 has not met it; tolerance 50 inclusive.
  F10: "Green", // 39
  G10: "Amber", // 40 not fewer than 40, within 50
  H10: "Amber", // 50 at tolerance
  I10: "Red", // 51
  // EH08, "60%"/"50%" with whole numbers in General: the row keeps percentages as whole numbers.
  F11: "Amber", // 58%
  G11: "Green", // 61%
  H11: "Red", // 45%
  I11: "Green", // 60% at target
  // EH09, 5% ±1pp: absolute margin, amber ceiling 6%.
  F12: "Green", // 4.9%
  G12: "Amber", // 5.5%
  H12: "Amber", // 6% at the ceiling
  I12: "Red", // 6.1%
  // EH10, target "Not set": no target.
  F13: "No target",
  G13: "No target",
  H13: "No data", // "-"
  I13: "No data", // blank
};

// ---------------------------------------------------------------------------------------------------------
// Card 2: a children's social care scorecard: months as Excel dates, a "Benchmark" column the workbook teaches
// as its target, and every kind of column that is not a period in new spellings (J–T).
const sep24 = 45536;
const card2Rows: CellValue[][] = [
  [
    "No.",
    "Indicator",
    "Polarity",
    "Benchmark",
    "Tolerance (pp)",
    sep24,
    sep24 + 30,
    sep24 + 61,
    sep24 + 91,
    "England 2023/24",
    "Stat. neighbours",
    "NW Region",
    "Quartile band",
    "Rank (of 153 LAs)",
    "Numerator Dec-24",
    "Denominator Dec-24",
    "Our RAG",
    "Dir. of travel",
    "Period covered",
    "Comments",
  ],
  // 2
  [
    1,
    "Re-referrals to children's social care within 12 months",
    "L",
    0.22,
    3,
    0.21,
    0.22,
    0.25,
    0.251,
    0.22,
    0.21,
    0.23,
    "Q3",
    88,
    251,
    1000,
    "Red",
    "Worse",
    "Rolling 12 months",
    "Spike in December",
  ],
  // 3
  [
    2,
    "Single assessments completed within 45 working days",
    "H",
    0.9,
    5,
    0.93,
    0.9,
    0.85,
    0.849,
    0.86,
    0.88,
    0.87,
    "Q2",
    60,
    412,
    485,
    "Red",
    "Worse",
    "Month",
    "",
  ],
  // 4
  [
    3,
    "Child protection plans lasting two years or more",
    "Aim: lower",
    0.03,
    1,
    0.02,
    0.04,
    0.041,
    "c",
    0.04,
    0.035,
    0.038,
    "Q1",
    20,
    null,
    null,
    "",
    "",
    "Snapshot",
    "Suppressed: small numbers",
  ],
  // 5
  [
    4,
    "Second or subsequent child protection plans",
    "Lower figure is better",
    0.2,
    4,
    0.18,
    0.23,
    "24%",
    0.26,
    0.24,
    0.22,
    0.25,
    "Q2",
    70,
    26,
    100,
    "Red",
    "Worse",
    "Rolling 12 months",
    "",
  ],
  // 6
  [
    5,
    "Looked after children with three or more placements in the year",
    "↓",
    0.1,
    2,
    0.09,
    "11.5%",
    0.12,
    0.13,
    0.1,
    0.11,
    0.1,
    "Q3",
    95,
    39,
    300,
    "Red",
    "↑",
    "Rolling 12 months",
    "",
  ],
  // 7
  [
    6,
    "Care leavers aged 19-21 in suitable accommodation",
    "↑",
    0.88,
    3,
    0.9,
    0.85,
    0.84,
    null,
    0.88,
    0.89,
    0.9,
    "Q3",
    101,
    168,
    200,
    "Red",
    "↓",
    "Month",
    "December return late",
  ],
  // 8
  [
    7,
    "Children in need per 10,000 children",
    "Context",
    null,
    null,
    350,
    362,
    371,
    369,
    333,
    351,
    366,
    "Q2",
    70,
    1476,
    null,
    "",
    "",
    "Snapshot",
    "",
  ],
  // 9
  [
    8,
    "Social workers carrying more than 20 cases",
    "L",
    "Suspended**",
    null,
    0.1,
    0.12,
    null,
    0.09,
    0.08,
    0.07,
    0.09,
    "Q4",
    140,
    9,
    100,
    "",
    "",
    "Month",
    "Target under review",
  ],
];

const card2 = paddedGrid("CSC Scorecard", card2Rows, (row, column) => {
  if (row === 0 && column >= 5 && column <= 8) return "mmm-yy";
  if (row >= 1 && row <= 6 && [3, 5, 6, 7, 8, 9, 10, 11].includes(column)) return "0.0%";
  if (row === 8 && [5, 6, 7, 8, 9, 10, 11].includes(column)) return "0%";
  if (row === 7 && column >= 5 && column <= 11) return "0";
  return "General";
});

const card2Expected: Expected = {
  // 1: L, target 22% (the taught Benchmark column), Tolerance (pp) 3 → amber ceiling 25%.
  F2: "Green", // 21%
  G2: "Green", // 22% at target
  H2: "Amber", // 25% at ceiling
  I2: "Red", // 25.1%
  // 2: H, 90% ± 5pp → floor 85%.
  F3: "Green",
  G3: "Green", // at target
  H3: "Amber", // at floor
  I3: "Red", // 84.9%
  // 3: Aim: lower, 3% + 1pp → ceiling 4%.
  F4: "Green", // 2%
  G4: "Amber", // 4% at ceiling
  H4: "Red", // 4.1%
  I4: "No data", // c: suppressed
  // 4: Lower figure is better, 20% + 4pp → 24%.
  F5: "Green",
  G5: "Amber", // 23%
  H5: "Amber", // "24%" text, at ceiling
  I5: "Red", // 26%
  // 5: ↓ under Polarity, 10% + 2pp → 12%.
  F6: "Green", // 9%
  G6: "Amber", // "11.5%"
  H6: "Amber", // 12% at ceiling
  I6: "Red", // 13%
  // 6: ↑ under Polarity, 88% - 3pp → 85%.
  F7: "Green", // 90%
  G7: "Amber", // 85% at floor
  H7: "Red", // 84%
  I7: "No data", // blank
  // 7: Context: a context measure.
  F8: "No target",
  G8: "No target",
  H8: "No target",
  I8: "No target",
  // 8: Suspended** target: Suspended; a blank is still No data.
  F9: "Suspended",
  G9: "Suspended",
  H9: "No data",
  I9: "Suspended",
};

describe("blind judge 24: a workbook's own words and the columns that are not periods", () => {
  it("reads the KPIWords table and reports the one word taught with a meaning it cannot know", () => {
    const { problems } = wordsOfGrid(wordsSheet);
    // "Steady good" names no direction and no range: left out and reported. Every other row is a meaning
    // PRODUCT.md describes (a polarity, a heading role, a period, not a period, no target, a flag of the sheet's key).
    expect(problems.filter((problem) => problem.includes("Steady good"))).toHaveLength(1);
    expect(problems).toHaveLength(1);
  });

  it("rates the early help card by its taught polarity codes, headings, terms and flag", () => {
    expectCard(card1, card1Expected);
  });

  it("says in the reason and the definition what the workbook taught", () => {
    const { report } = rate(card1);
    const row4 = report.rows.find((r) => r.row === 4);
    // KPIWords' words "are reported in the definition the pane shows".
    expect(row4?.definition).toMatch(/\+ve/);
    // The sheet's own key wins where it defines the flag: † is Provisional here, not a generic note.
    const i8 = report.rows.flatMap((r) => r.cells).find((cell) => cell.address === "I8");
    expect(i8?.status).toBe("Amber");
    expect(i8?.reason).toMatch(/provisional/i);
  });

  it("leaves Rolling 12m, YTD (taught not a period), Trend, RAG rating and Notes alone in the column map", () => {
    const { report } = rate(card1);
    expect(report.tables).toHaveLength(1);
    const table = report.tables[0];
    expect(table.periods).toHaveLength(4);
    const map = table.columnMap;
    // The taught headings are named as what they were taught to be.
    expect(map).toMatch(/C polarity/i);
    expect(map).toMatch(/E tolerance/i);
    expect(map).toMatch(/F[–-]I periods/i);
    // Every column that is not a period is named in the map, and none of them is among the periods.
    for (const letter of ["J", "K", "L", "M", "N"]) expect(names(map, letter)).toBe(true);
    const periodsPart = map.match(/([A-Z]+)[–-]([A-Z]+) periods/);
    expect(periodsPart?.slice(1)).toEqual(["F", "I"]);
  });

  it("reports the wrongly taught polarity as a problem on its row, never a guess", () => {
    const { report } = rate(card1);
    const row = report.rows.find((r) => r.measure.startsWith("Suspensions per 100"));
    expect(row?.problems.join(" ")).toMatch(/~/);
  });

  it("rates the social care card against the Benchmark column the workbook teaches as its target", () => {
    expectCard(card2, card2Expected);
  });

  it("leaves comparators, quartile, rank, numerator, denominator, RAG, DoT, data period and comments alone", () => {
    const { report } = rate(card2);
    expect(report.tables).toHaveLength(1);
    const table = report.tables[0];
    expect(table.periods).toHaveLength(4);
    const map = table.columnMap;
    expect(map).toMatch(/D target/i); // Benchmark, taught as Target, is the target: not a comparator
    expect(map).toMatch(/E tolerance/i);
    const periodsPart = map.match(/([A-Z]+)[–-]([A-Z]+) periods/);
    expect(periodsPart?.slice(1)).toEqual(["F", "I"]);
    for (const letter of ["J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T"])
      expect(`${letter} named: ${names(map, letter)}`).toBe(`${letter} named: true`);
    // England 2023/24 is a comparator (its year is not one of the periods), not a period.
    expect(map).toMatch(/J England/i);
  });
});
