/**
 * Blind judge 21: two board-appendix scorecards typeset with two-row header blocks and merged cells.
 * Every expectation is worked out by hand from PRODUCT.md alone; the comments give the reasoning.
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  areaOfAddress,
  type CellValue,
  findTables,
  type Grid,
  planOf,
  reportOf,
  toleranceSetsOf,
} from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, string>;
type Rated = {
  rules: { status: string; fill: string; formula: string; appliesTo: string[] }[];
  tables: { rows: { cells: { address: string; status: string; reason: string }[] }[] }[];
};

/** A grid whose numeric cells take their row's number format, with the merged areas the appendix shows. */
function sheetOf(
  name: string,
  rows: CellValue[][],
  rowFormats: Record<number, string>,
  merges: string[],
  generalColumns: number[] = []
): Grid {
  const grid = paddedGrid(name, rows, (r, c) =>
    typeof rows[r]?.[c] === "number" && !generalColumns.includes(c)
      ? (rowFormats[r + 1] ?? "General")
      : "General"
  );
  grid.merges = merges.map((m) => areaOfAddress(m)!);
  return grid;
}

/** Status of every period cell by address, and every painted cell by address with the status its fill stands for. */
function verdicts(grid: Grid, rated: Rated) {
  const statuses: Expected = {};
  for (const table of rated.tables)
    for (const row of table.rows)
      for (const cell of row.cells) statuses[cell.address] = cell.status;
  const fillStatus = new Map(rated.rules.map((rule) => [rule.fill, rule.status]));
  const painted: Expected = {};
  for (const [address, fill] of paintedCells(grid.values, rated.rules))
    painted[address] = fillStatus.get(fill) ?? `unknown fill ${fill}`;
  return { statuses, painted };
}

function paintedOf(expected: Expected): Expected {
  return Object.fromEntries(
    Object.entries(expected).filter(
      ([, s]) => s === "Red" || s === "Amber" || s === "Green" || s === "Blue"
    )
  );
}

/** Row r's cells from column `first` on, by address. */
function rowOf(r: number, first: string, statuses: string[]): Expected {
  const start = first.charCodeAt(0);
  return Object.fromEntries(statuses.map((s, i) => [`${String.fromCharCode(start + i)}${r}`, s]));
}

function check(grid: Grid, rated: Rated, expected: Expected) {
  const { statuses, painted } = verdicts(grid, rated);
  expect(statuses).toEqual(expected);
  // Each R/A/G cell is painted its own colour, and nothing else on the sheet is painted.
  expect(painted).toEqual(paintedOf(expected));
}

// ---------------------------------------------------------------------------------------------------
// Card 1: a quarterly safeguarding appendix. Row 3/4 form one header block: Ref, Measure, Polarity and
// Commentary merged down both rows; Target and Tolerance each merged over two per-year columns; each
// year merged over its quarters.
// ---------------------------------------------------------------------------------------------------
const S = "Suspended***";
const card1Rows: CellValue[][] = [
  ["Appendix B – Safeguarding and early help: quarterly scorecard"],
  [],
  [
    "Ref",
    "Measure",
    "Polarity",
    "Target",
    null,
    "Tolerance",
    null,
    "2023/24",
    null,
    null,
    null,
    "2024/25",
    null,
    "Commentary",
  ],
  [
    null,
    null,
    null,
    "2023/24",
    "2024/25",
    "2023-24",
    "2024-25",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "Qtr 1",
    "Qtr 2",
    null,
  ],
  [
    "EH01",
    "Early help assessments completed within 45 working days",
    "H",
    0.85,
    0.9,
    0.8,
    0.85,
    0.86,
    0.8,
    0.79,
    0.9,
    0.87,
    0.85,
    "Target raised for 2024/25",
  ],
  [
    "SG02",
    "Re-referrals to children's social care within 12 months",
    "L",
    "22%",
    "20%",
    "25%",
    "23%",
    21.4,
    23,
    25,
    25.1,
    20,
    22.9,
    null,
  ],
  [
    "SG03",
    "Child protection plans lasting two years or more",
    "Lower is better",
    0.03,
    0.03,
    "±1pp",
    "±1pp",
    0.025,
    0.031,
    0.039,
    0.041,
    null,
    "Data to be supplied",
    null,
  ],
  [
    "SG04",
    "Children on a CP plan for a second or subsequent time",
    "Less is better",
    "Below 18%",
    "Below 17%",
    "21%",
    "20%",
    0.179,
    0.18,
    0.21,
    0.211,
    0.17,
    0.169,
    null,
  ],
  [
    "SG05",
    "Average days from entering care to moving in with an adoptive family",
    "↓",
    "426 days",
    "400 days",
    "480 days",
    "450 days",
    410,
    "426 days",
    470,
    "481p",
    395,
    451,
    "Q4 figure provisional",
  ],
  [
    "SG06",
    "Average caseload per social worker (FTE)",
    "Monitoring only",
    "No target",
    "No target",
    null,
    null,
    17.2,
    18,
    19.5,
    18.1,
    17,
    16.5,
    null,
  ],
  [
    "SG07",
    "Initial health assessments within 20 working days",
    "H",
    S,
    0.75,
    null,
    0.65,
    0.55,
    0.6,
    0.62,
    0.7,
    0.74,
    0.76,
    "Suspended during 2023/24 recovery",
  ],
  [
    "SG08",
    "Care leavers aged 19–21 in education, employment or training",
    "Up is good",
    0.6,
    null,
    0.55,
    null,
    0.61,
    0.55,
    0.54,
    0.6,
    0.7,
    0.5,
    "2024/25 target not yet agreed",
  ],
];
const card1Merges = ["A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:G3", "H3:K3", "L3:M3", "N3:N4"];
const card1Formats = {
  5: "0%",
  6: "General",
  7: "0.0%",
  8: "0.0%",
  9: "0",
  10: "0.0",
  11: "0%",
  12: "0%",
};
const card1 = () => sheetOf("Safeguarding Q", card1Rows, card1Formats, card1Merges);

// Columns H–K are 2023/24 Q1–Q4 (the year merged over them), L–M are 2024/25 Q1–Q2; D/F hold the
// 2023/24 thresholds and E/G the 2024/25 ones (a year qualifier from the merged Target/Tolerance header).
const card1Expected: Expected = {
  // H, target 85%/90%, tolerance 80%/85%. 80% is amber inclusive (Q2); 79% red; 2024/25 87% and 85% are
  // below 90% but at or above 85%: Amber, rated against their own year's thresholds.
  ...rowOf(5, "H", ["Green", "Amber", "Red", "Green", "Amber", "Amber"]),
  // L, percentages kept as whole numbers (target "22%", figures 20–25). 2023/24: ≤22 G, ≤25 A (25 inclusive),
  // 25.1 R. 2024/25: target 20 → 20 Green, tolerance 23 → 22.9 Amber.
  ...rowOf(6, "H", ["Green", "Amber", "Amber", "Red", "Green", "Amber"]),
  // Lower is better, 3% ± 1 percentage point (absolute) → amber ceiling 4%. Blank and "Data to be supplied": No data.
  ...rowOf(7, "H", ["Green", "Amber", "Amber", "Red", "No data", "No data"]),
  // "Less is better" (less + better). "Below 18%" is strict: 18.0% has not met it → Amber (≤21%); 21% Amber
  // inclusive; 21.1% Red. 2024/25 "Below 17%": 17.0% Amber (≤20%), 16.9% Green.
  ...rowOf(8, "H", ["Green", "Amber", "Amber", "Red", "Amber", "Green"]),
  // ↓ under the Polarity heading: lower is better. 426 days meets 426 (inclusive) → Green; 470 ≤480 Amber;
  // "481p" is 481 provisional → Red. 2024/25: 395 ≤400 Green, 451 >450 Red.
  ...rowOf(9, "H", ["Green", "Green", "Amber", "Red", "Green", "Red"]),
  // Monitoring only: a context measure.
  ...rowOf(10, "H", ["No target", "No target", "No target", "No target", "No target", "No target"]),
  // 2023/24 target Suspended*** → the 2023/24 quarters are Suspended; 2024/25 75%/65%: 74% Amber, 76% Green.
  ...rowOf(11, "H", ["Suspended", "Suspended", "Suspended", "Suspended", "Amber", "Green"]),
  // "Up is good": higher is better. 2023/24 60%/55%: 61 G, 55 A (inclusive), 54 R, 60 G. 2024/25 has no
  // threshold of its own and the table has no unqualified one → No target.
  ...rowOf(12, "H", ["Green", "Amber", "Red", "Green", "No target", "No target"]),
};

// ---------------------------------------------------------------------------------------------------
// Card 2: a monthly dashboard. The upper header row holds group words only: "Thresholds" over Polarity,
// Target, Amber threshold and Recovery tolerance; "Performance" over six months written as Excel dates;
// "Benchmarks" over England and Statistical neighbours. No. and Indicator are written in the lower row.
// ---------------------------------------------------------------------------------------------------
const card2Rows: CellValue[][] = [
  ["Children's Services monthly performance dashboard, April to September 2024"],
  [],
  [
    null,
    null,
    "Thresholds",
    null,
    null,
    null,
    "Performance",
    null,
    null,
    null,
    null,
    null,
    "Benchmarks",
    null,
  ],
  [
    "No.",
    "Indicator",
    "Polarity",
    "Target",
    "Amber threshold",
    "Recovery tolerance",
    45383,
    45413,
    45444,
    45474,
    45505,
    45536,
    "England",
    "Statistical neighbours",
  ],
  [
    1,
    "Referrals with a decision within one working day",
    "Aim high",
    0.95,
    "±5%",
    ">=85%",
    0.96,
    0.95,
    0.93,
    0.91,
    0.9,
    0.86,
    0.89,
    0.9,
  ],
  [
    2,
    "Single assessments completed within 45 working days",
    "H",
    "At least 85%",
    "5 percentage points",
    "-",
    0.88,
    "84.5%",
    0.8,
    0.799,
    null,
    "c",
    0.82,
    0.84,
  ],
  [
    3,
    "Children in need per 10,000 children",
    "Context",
    null,
    null,
    null,
    320.5,
    331,
    340,
    338,
    351,
    349,
    342.7,
    355,
  ],
  [
    4,
    "Children looked after placed more than 20 miles from home",
    "Reduce = better",
    0.12,
    0.15,
    "Suspend",
    0.11,
    0.12,
    0.13,
    0.15,
    0.151,
    0.16,
    0.16,
    0.15,
  ],
  [
    5,
    "Care leavers in suitable accommodation",
    "H",
    "Above statistical neighbours",
    null,
    null,
    0.9,
    0.88,
    0.87,
    0.91,
    0.89,
    0.885,
    0.86,
    0.88,
  ],
  [
    6,
    "Missing episodes per 100 children looked after",
    "▼",
    "Fewer than 10",
    12,
    null,
    9,
    10,
    11.9,
    "12 r",
    13,
    "x",
    null,
    null,
  ],
  [
    7,
    "Return interviews offered within 72 hours",
    "More is better",
    "90%",
    "80%",
    null,
    91,
    90,
    85,
    79.5,
    80,
    100,
    null,
    null,
  ],
  [
    8,
    "Pre-proceedings cases concluded within 16 weeks",
    "Refer to commentary",
    0.7,
    0.6,
    null,
    0.65,
    0.72,
    null,
    0.7,
    "N/A",
    0.68,
    null,
    null,
  ],
];
const card2Merges = ["C3:F3", "G3:L3", "M3:N3"];
const card2Formats = {
  4: "mmm-yy",
  5: "0.0%",
  6: "0.0%",
  7: "0.0",
  8: "0.0%",
  9: "0.0%",
  10: "0.0",
  11: "General",
  12: "0%",
};
const card2 = () => sheetOf("Monthly dashboard", card2Rows, card2Formats, card2Merges, [0]);

// Periods are G–L (Apr-24 … Sep-24); M (England) and N (Statistical neighbours) are comparators, never rated.
const card2Expected: Expected = {
  // "Aim high": higher is better. 95% ±5% is relative: amber floor 90.25%. 93% and 91% Amber, 90% and 86% Red.
  ...rowOf(5, "G", ["Green", "Green", "Amber", "Amber", "Red", "Red"]),
  // At least 85% (inclusive), 5 percentage points absolute → floor 80%. "84.5%" text read as 84.5% → Amber;
  // 80% Amber (inclusive); 79.9% Red; blank No data; "c" (confidential) No data.
  ...rowOf(6, "G", ["Green", "Amber", "Amber", "Red", "No data", "No data"]),
  // Context → No target.
  ...rowOf(7, "G", ["No target", "No target", "No target", "No target", "No target", "No target"]),
  // "Reduce = better": lower is better, 12%/15%. 15% Amber inclusive; 15.1% and 16% Red.
  ...rowOf(8, "G", ["Green", "Green", "Amber", "Amber", "Red", "Red"]),
  // A benchmark target: above the Statistical neighbours figure on the same row (88%), strict, no tolerance
  // → two bands. 88% equals SN → not above → Red; 87% Red; 90%, 91%, 89%, 88.5% Green.
  ...rowOf(9, "G", ["Green", "Red", "Red", "Green", "Green", "Green"]),
  // ▼ under Polarity: lower is better. "Fewer than 10" is strict: 10 has not met it → Amber (≤12); 11.9 Amber;
  // "12 r" (revised) = 12 Amber inclusive; 13 Red; "x" (not available) No data.
  ...rowOf(10, "G", ["Green", "Amber", "Amber", "Amber", "Red", "No data"]),
  // "More is better"; target "90%" with figures kept as whole numbers: 91, 90, 100 Green; 85, 80 Amber; 79.5 Red.
  ...rowOf(11, "G", ["Green", "Green", "Amber", "Red", "Amber", "Green"]),
  // "Refer to commentary" names no direction and no range: unknown polarity → Check definition, never a colour;
  // a cell with no figure (blank, "N/A") is No data whatever the definition.
  ...rowOf(12, "G", [
    "Check definition",
    "Check definition",
    "No data",
    "Check definition",
    "No data",
    "Check definition",
  ]),
};

describe("blind judge 21: two-row merged header blocks as board appendices typeset them", () => {
  it("rates each quarter of a year merged over its quarters against its own year's merged Target and Tolerance", () => {
    const grid = card1();
    const found = findTables(grid);
    check(grid, plannedWithReport(found), card1Expected);
  });

  it("under Green and Red only, ignores card 1's tolerances: every Amber becomes Red", () => {
    const grid = card1();
    const a = appraise(findTables(grid), { scheme: { kind: "green and red" } });
    const rated = { ...planOf(a), ...reportOf(a) };
    const expected = Object.fromEntries(
      Object.entries(card1Expected).map(([address, s]) => [address, s === "Amber" ? "Red" : s])
    );
    // Row 7 (3% ± 1pp): tolerance ignored → 2.5% Green, everything above 3% Red; row 8: 18%, 21% Red, 17% Red.
    check(grid, rated, expected);
  });

  it("reads group words (Thresholds, Performance, Benchmarks) in the upper row over the real headers below", () => {
    const grid = card2();
    const found = findTables(grid);
    check(grid, plannedWithReport(found), card2Expected);
  });

  it("offers the Recovery tolerance as an alternative set beside the standard Amber threshold, and rates by it", () => {
    const grid = card2();
    const found = findTables(grid);
    const recovery = toleranceSetsOf([found]).find((name) => /recovery/i.test(name));
    expect(recovery).toBeDefined();
    const expected: Expected = {
      ...card2Expected,
      // ">=85%" replaces the ±5% floor: 90% and 86% are now Amber.
      ...rowOf(5, "G", ["Green", "Green", "Amber", "Amber", "Amber", "Amber"]),
      // "-" means none, so the standard 5 points applies: unchanged (row 6).
      // "Suspend" → the whole row is Suspended under this set.
      ...rowOf(8, "G", [
        "Suspended",
        "Suspended",
        "Suspended",
        "Suspended",
        "Suspended",
        "Suspended",
      ]),
      // Blank recovery cells (rows 9–12): no recovery tolerance of their own, the standard one applies.
    };
    check(grid, plannedWithReport(found, recovery!), expected);
  });
});
