/**
 * Thirty-ninth blind judge: two small scorecards a new analyst at another council might lay out, rated by
 * hand from PRODUCT.md alone and checked cell by cell against the report and the painted colours.
 *
 * Card 1 (Standard scheme): a quarterly social-care scorecard with its headers split over two rows (fixed
 * headers merged down or written in either row, a year merged over its quarters, a comparator group), a
 * KPI column whose one filled id names an entry of the workbook's own register, polarities in unlisted
 * wordings, tolerances as a range, a margin and words, and a target worded against England.
 *
 * Card 2 (Blue for exceeding): a monthly Early Help card with months as Excel dates, a YTD headline column,
 * a Stretch column, Ref codes that are row references, H/L codes, text figures with flags, percentages kept
 * as whole numbers, a context row and a row whose tolerance contradicts its polarity.
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  buildRegister,
  findTables,
  planOf,
  registerColumns,
  reportOf,
  type CellValue,
  type Grid,
  type Register,
  type Scheme,
  type Status,
} from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, Status>;

const G: Status = "Green";
const A: Status = "Amber";
const R: Status = "Red";
const B: Status = "Blue";
const S: Status = "Suspended";
const ND: Status = "No data";
const NT: Status = "No target";
const CD: Status = "Check definition";

/** Expected statuses of a row's period cells, from its first period column's letter onwards. */
function rowOf(row: number, firstColumn: string, statuses: Status[]): Expected {
  const out: Expected = {};
  statuses.forEach((status, i) => {
    out[`${String.fromCharCode(firstColumn.charCodeAt(0) + i)}${row}`] = status;
  });
  return out;
}

/** A grid whose number formats are given by A1 address, "General" elsewhere. */
function gridOf(
  sheet: string,
  rows: CellValue[][],
  formats: Record<string, string>,
  merges: Grid["merges"]
): Grid {
  const grid = paddedGrid(sheet, rows, (row, column) => {
    const address = `${String.fromCharCode(65 + column)}${row + 1}`;
    return formats[address] ?? "General";
  });
  return { ...grid, merges };
}

/** Formats for a run of cells on one row ("F5".."I5"). */
function formatRun(row: number, from: string, to: string, format: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++)
    out[`${String.fromCharCode(c)}${row}`] = format;
  return out;
}

function rate(grid: Grid, options: { register?: Register; scheme?: Scheme } = {}) {
  const found = findTables(grid, options.register);
  const appraisal = appraise(found, options);
  const report = reportOf(appraisal);
  const plan = planOf(appraisal);
  const cells = new Map<string, { status: Status; reason: string }>();
  for (const table of report.tables)
    for (const row of table.rows)
      for (const cell of row.cells)
        cells.set(cell.address.replace(/^.*!/, "").replace(/\$/g, ""), {
          status: cell.status,
          reason: cell.reason,
        });
  // The status each painted cell shows, read back through the fill of the rule that painted it.
  const statusOfFill = new Map(plan.rules.map((rule) => [rule.fill, rule.status]));
  const painted: Record<string, string> = {};
  for (const [address, fill] of paintedCells(grid.values, plan.rules))
    painted[address] = statusOfFill.get(fill) ?? `unknown fill ${fill}`;
  return { report, plan, cells, painted };
}

function checkCard(rated: ReturnType<typeof rate>, expected: Expected): void {
  for (const [address, status] of Object.entries(expected)) {
    const cell = rated.cells.get(address);
    expect
      .soft(cell ? `${cell.status}: ${cell.reason}` : "not rated", address)
      .toMatch(new RegExp(`^${status}:`));
  }
  // Every Red/Amber/Green/Blue cell is painted its own colour, and nothing else on the sheet is painted.
  const shouldPaint = Object.fromEntries(
    Object.entries(expected).filter(([, status]) =>
      ["Blue", "Green", "Amber", "Red"].includes(status)
    )
  );
  expect.soft(rated.painted).toEqual(shouldPaint);
}

// ---------------------------------------------------------------------------------------------------------
// Card 1: quarterly children's social care scorecard, two-row headers, Standard scheme.
// ---------------------------------------------------------------------------------------------------------

const workbookRegister = buildRegister({
  values: [
    [...registerColumns],
    [
      "KPI-50",
      "Initial child protection conferences held within 15 working days",
      "Child protection",
      "Bigger is better",
      "%",
      "90%",
      "80%",
      "-",
      "",
    ],
  ],
});

const card1Rows: CellValue[][] = [
  ["Children's social care quarterly scorecard 2024/25"],
  [],
  // Row 3: KPI and Measure merged down rows 3–4; Target and Tolerance written in row 3 only; the year
  // merged over its quarters; a comparator group merged over England and SN.
  [
    "KPI",
    "Measure",
    null,
    "Target (2024/25)",
    "Tolerance (amber)",
    "2024/25",
    null,
    null,
    null,
    "Comparators (2023/24)",
    null,
  ],
  // Row 4: Polarity written in the lower row only.
  [null, null, "Polarity", null, null, "Q1", "Q2", "Q3", "Q4", "England", "Stat neighbours"],
  [
    null,
    "Re-referrals to children's social care within 12 months",
    "Less is better",
    0.2,
    "± 3 percentage points",
    0.184,
    0.2,
    0.23,
    0.236,
    0.22,
    0.21,
  ],
  [
    null,
    "Child protection plans lasting two years or more",
    "▼",
    "No more than 3%",
    "5%",
    2.5,
    3,
    4.1,
    6,
    3.8,
    3.4,
  ],
  [
    null,
    "Assessments completed within 45 working days",
    "Up is good",
    0.85,
    "within 5% of target",
    0.81,
    0.91,
    0.8,
    0.85,
    0.82,
    0.84,
  ],
  [
    null,
    "Referrals leading to no further action",
    "In range is better",
    "12%–20%",
    "9% to 24%",
    0.22,
    0.2,
    0.25,
    0.12,
    0.16,
    0.15,
  ],
  [
    null,
    "Care leavers aged 19–21 in education, employment or training",
    "Higher = good",
    "Above England average",
    null,
    0.6,
    0.56,
    0.5,
    0.61,
    0.56,
    0.58,
  ],
  [
    "KPI 50",
    "Initial child protection conferences held within 15 working days",
    null,
    null,
    null,
    0.84,
    0.93,
    0.79,
    0.9,
  ],
  [
    null,
    "Average social worker caseload",
    "Lower caseload is better",
    "Suspended**",
    null,
    17.5,
    18,
    null,
    19.2,
    16.3,
    16.9,
  ],
  [
    null,
    "Average days from entering care to moving in with an adoptive family",
    "Aim: fewer days",
    "Fewer than 400 days",
    "Maximum 450",
    "385p",
    400,
    "451 r",
    "c",
    367,
    410,
  ],
];

const card1Formats: Record<string, string> = {
  D5: "0%",
  ...formatRun(5, "F", "K", "0.0%"),
  ...formatRun(6, "F", "K", "0.0"),
  D7: "0%",
  ...formatRun(7, "F", "K", "0%"),
  ...formatRun(8, "F", "K", "0%"),
  ...formatRun(9, "F", "K", "0%"),
  ...formatRun(10, "F", "K", "0%"),
  ...formatRun(11, "F", "K", "0.0"),
  ...formatRun(12, "F", "K", "0"),
};

const card1Merges: Grid["merges"] = [
  { top: 2, left: 0, bottom: 3, right: 0 }, // KPI
  { top: 2, left: 1, bottom: 3, right: 1 }, // Measure
  { top: 2, left: 5, bottom: 2, right: 8 }, // 2024/25 over Q1–Q4
  { top: 2, left: 9, bottom: 2, right: 10 }, // Comparators (2023/24)
];

const card1Expected: Expected = {
  // Lower is better ("less" + "better"); 20% target, ±3 points absolute on the worse side: Green ≤ 20%,
  // Amber ≤ 23% (inclusive towards the better side), Red above.
  ...rowOf(5, "F", [G, G, A, R]),
  // ▼ under the Polarity heading: lower is better. No more than 3% is inclusive; tolerance 5% is the amber
  // boundary. The row keeps percentages as whole numbers (3% target, figures 2.5–6 in "0.0").
  ...rowOf(6, "F", [G, G, A, R]),
  // "Up is good": higher is better. "within 5% of target" is relative: 85% × 0.95 = 80.75%.
  // 81% Amber, 91% Green, 80% Red (below 80.75%), 85% Green (at target).
  ...rowOf(7, "F", [A, G, R, G]),
  // In range 12%–20%, tolerance range 9%–24%: 22% Amber, 20% Green (inclusive), 25% Red, 12% Green.
  ...rowOf(8, "F", [A, G, R, G]),
  // "Higher = good"; target worded against England (56% on the row), "Above" is strict, no tolerance so
  // two bands: 60% Green, 56% Red (equal is not above), 50% Red, 61% Green.
  ...rowOf(9, "F", [G, R, R, G]),
  // No thresholds of its own; "KPI 50" in the KPI column names the workbook register's KPI-50 (higher is
  // better, 90% target, 80% tolerance): 84% Amber, 93% Green, 79% Red, 90% Green.
  ...rowOf(10, "F", [A, G, R, G]),
  // Suspended** target: every figure Suspended; the blank Q3 is No data whatever the definition.
  ...rowOf(11, "F", [S, S, ND, S]),
  // "Aim: fewer days": lower is better. "Fewer than 400 days" is strict; "Maximum 450" inclusive.
  // "385p" is 385 provisional: Green. 400 has not met "fewer than 400": Amber. "451 r" (revised) Red.
  // "c" is a suppression symbol: No data.
  ...rowOf(12, "F", [G, A, R, ND]),
};

describe("thirty-ninth blind judge: quarterly scorecard with two-row headers", () => {
  const grid = gridOf("CSC quarterly", card1Rows, card1Formats, card1Merges);

  it("rates every quarter by its own row's wording, the register entry and the England figure", () => {
    const rated = rate(grid, { register: workbookRegister });
    expect(rated.report.tables.length).toBe(1);
    checkCard(rated, card1Expected);
  });

  it("leaves the comparator columns and the headers unrated and unpainted", () => {
    const rated = rate(grid, { register: workbookRegister });
    const ratedAddresses = [...rated.cells.keys()].sort();
    expect(ratedAddresses).toEqual(Object.keys(card1Expected).sort());
    expect(Object.keys(rated.painted).filter((address) => /^[JK]/.test(address))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Card 2: monthly Early Help card with a Stretch column, rated under Blue for exceeding.
// ---------------------------------------------------------------------------------------------------------

// Excel date serials for the first of April, May, June and July 2024.
const [apr24, may24, jun24, jul24] = [45383, 45413, 45444, 45474];

const card2Rows: CellValue[][] = [
  ["Early Help and Education: monthly performance"],
  [],
  [
    "Ref",
    "Indicator",
    "Polarity",
    "Annual target",
    "Stretch",
    "Amber threshold",
    apr24,
    may24,
    jun24,
    jul24,
    "YTD",
    "Statistical neighbours",
    "Commentary",
  ],
  [
    "EH01",
    "Early Help assessments completed within 45 days",
    "H",
    0.8,
    0.9,
    "75%",
    0.912,
    0.9,
    0.85,
    0.76,
    0.74,
    0.78,
    "Staffing gap in July",
  ],
  [
    "EH02",
    "Families stepped down who re-present within 6 months",
    "Reduce = good",
    0.1,
    0.07,
    "+/- 2pp",
    0.06,
    0.07,
    0.09,
    0.12,
    0.13,
    0.11,
    null,
  ],
  [
    "EH03",
    "Children missing education (number)",
    "Lower number is good",
    "Fewer than 40",
    30,
    "No more than 50",
    30,
    35,
    40,
    51,
    "n/a",
    null,
    "YTD not meaningful for a snapshot count",
  ],
  [
    "EH04",
    "Pupils persistently absent",
    "Down is better",
    "18%",
    null,
    "20%",
    16.4,
    18,
    19.9,
    21.2,
    18.7,
    19.5,
    null,
  ],
  [
    "EH05",
    "Early Help cases closed with outcomes achieved",
    "Monitoring only",
    null,
    null,
    null,
    0.62,
    0.58,
    0.65,
    null,
    0.61,
    null,
    null,
  ],
  [
    "EH06",
    "Eligible two-year-olds taking up funded early education",
    "High take-up is good",
    "At least 75%",
    "80%",
    "5 points",
    "82%",
    "78.5%",
    "74%*",
    "69%",
    "76%",
    "72%",
    "* includes late returns",
  ],
  [
    "EH07",
    "Re-referrals to Early Help within 12 months",
    "L",
    0.15,
    null,
    0.12,
    0.14,
    0.16,
    null,
    0.13,
    0.145,
    null,
    "Tolerance to be reviewed",
  ],
];

const card2Formats: Record<string, string> = {
  ...formatRun(3, "G", "J", "mmm-yy"),
  D4: "0%",
  E4: "0%",
  ...formatRun(4, "G", "L", "0.0%"),
  D5: "0%",
  E5: "0%",
  ...formatRun(5, "G", "L", "0%"),
  ...formatRun(6, "E", "L", "0"),
  ...formatRun(7, "G", "L", "0.0"),
  ...formatRun(8, "G", "L", "0%"),
  D10: "0%",
  F10: "0%",
  ...formatRun(10, "G", "L", "0.0%"),
};

const blueScheme: Scheme = { kind: "blue for exceeding" };

const card2Blue: Expected = {
  // H: higher is better. Stretch 90% (Blue at or beyond), target 80%, amber floor 75%.
  // 91.2% Blue, 90% Blue (at stretch), 85% Green, 76% Amber, YTD 74% Red (a headline column is a period).
  ...rowOf(4, "G", [B, B, G, A, R]),
  // "Reduce = good": lower is better. Stretch 7%, target 10%, ±2pp absolute → Amber up to 12%.
  ...rowOf(5, "G", [B, B, G, A, R]),
  // "Lower number is good": lower. Stretch 30 (inclusive), "Fewer than 40" strict, "No more than 50"
  // inclusive: 30 Blue, 35 Green, 40 Amber (not fewer than 40), 51 Red, YTD "n/a" No data.
  ...rowOf(6, "G", [B, G, A, R, ND]),
  // "Down is better": lower. Target 18%, tolerance 20%, figures kept as whole numbers; no stretch on the
  // row (and none in the scheme), so 16.4 is Green, not Blue. 18 Green, 19.9 Amber, 21.2 Red, 18.7 Amber.
  ...rowOf(7, "G", [G, G, A, R, A]),
  // Monitoring only: a context measure, No target; the blank July is No data.
  ...rowOf(8, "G", [NT, NT, NT, ND, NT]),
  // "High take-up is good": higher. Stretch 80%, at least 75% (inclusive), "5 points" absolute → 70%.
  // "82%" Blue, "78.5%" Green, "74%*" (flag: see note) Amber, "69%" Red, YTD "76%" Green.
  ...rowOf(9, "G", [B, G, A, R, G]),
  // L: lower is better, but the 12% tolerance is on the better side of the 15% target: the definition
  // contradicts itself, Check definition for every figure; the blank June is No data.
  ...rowOf(10, "G", [CD, CD, ND, CD, CD]),
};

/** Under the Standard scheme the Stretch column adds nothing: each Blue is simply Green. */
const card2Standard: Expected = Object.fromEntries(
  Object.entries(card2Blue).map(([address, status]) => [address, status === B ? G : status])
);

describe("thirty-ninth blind judge: monthly Early Help card with a stretch column", () => {
  const grid = gridOf("Early Help monthly", card2Rows, card2Formats, []);

  it("rates Blue at or beyond each row's stretch under Blue for exceeding", () => {
    const rated = rate(grid, { scheme: blueScheme });
    expect(rated.report.tables.length).toBe(1);
    checkCard(rated, card2Blue);
    const ratedAddresses = [...rated.cells.keys()].sort();
    expect(ratedAddresses).toEqual(Object.keys(card2Blue).sort());
  });

  it("rates the same card with three bands under the Standard scheme", () => {
    const rated = rate(grid);
    checkCard(rated, card2Standard);
  });
});
