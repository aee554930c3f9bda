/**
 * Blind judge 28: alternative tolerance sets and Suspended, worked by hand from PRODUCT.md alone.
 * Two row-per-KPI scorecards, each with two alternative tolerance sets beside its standard tolerance,
 * rated under Standard and under each set; every period cell's status and painted fill is checked,
 * and no other cell may be painted.
 */
import { describe, expect, it } from "vitest";
import { findTables, type CellValue, type Grid } from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

const G = "Green";
const A = "Amber";
const R = "Red";
const N = "No data";
const S = "Suspended";
const T = "No target";
const C = "Check definition";
type Four = [string, string, string, string];

/** Every mismatch between the hand-worked statuses and the product's report and painted fills, as lines. */
function disagreements(
  grid: Grid,
  toleranceSet: string,
  periodColumns: readonly string[],
  expected: Record<number, Four>
): string[] {
  const plan = plannedWithReport(findTables(grid), toleranceSet);
  const cells = new Map(
    plan.tables
      .flatMap((table) => table.rows.flatMap((row) => row.cells))
      .map((cell) => [cell.address, cell])
  );
  const statusOfFill = new Map(plan.rules.map((rule) => [rule.fill, rule.status]));
  const painted = paintedCells(grid.values, plan.rules);
  const wanted = new Map<string, string>();
  for (const [row, statuses] of Object.entries(expected))
    statuses.forEach((status, i) => wanted.set(`${periodColumns[i]}${row}`, status));
  const lines: string[] = [];
  for (const [address, status] of wanted) {
    const cell = cells.get(address);
    if (cell?.status !== status)
      lines.push(
        `${address}: expected ${status}, reported ${cell?.status ?? "nothing"} (${cell?.reason ?? ""})`
      );
    const fill = painted.get(address);
    const paintedAs = fill === undefined ? "unpainted" : (statusOfFill.get(fill) ?? fill);
    const shouldPaint = [G, A, R].includes(status) ? status : "unpainted";
    if (paintedAs !== shouldPaint)
      lines.push(`${address}: should be ${shouldPaint}, painted ${paintedAs}`);
  }
  for (const [address, fill] of painted)
    if (!wanted.has(address))
      lines.push(`${address}: not a period cell, painted ${statusOfFill.get(fill) ?? fill}`);
  return lines;
}

// ---------------------------------------------------------------------------------------------------------
// Card 1: a council's quarterly appendix. A title row, then Ref, Measure, Polarity, Target, Tolerance, and two
// alternative sets: "Covid19 Tolerance" and "Recovery tolerance" (role word Tolerance + a qualifier that is no
// year, unit or band word, and the table has a plain Tolerance column, so each names a set). Periods are
// financial years in four spellings. Percentages are fractions in % formats. A footnote sits under the table.
// ---------------------------------------------------------------------------------------------------------
const cardOneRows: CellValue[][] = [
  ["Children's Services scorecard – Appendix C (year-end figures)"],
  [
    "Ref",
    "Measure",
    "Polarity",
    "Target",
    "Tolerance",
    "Covid19 Tolerance",
    "Recovery tolerance",
    "2020/21",
    "2021-22",
    "FY22/23",
    "2023/24",
  ],
  [
    "CSC1",
    "% of referrals with a decision within 1 working day",
    "Bigger is better",
    0.95,
    0.9,
    ">=75%",
    0.85,
    0.97,
    0.92,
    0.8,
    0.7,
  ],
  [
    "CSC2",
    "% of re-referrals within 12 months",
    "Smaller is better",
    0.22,
    0.25,
    "<=30%",
    "-",
    0.2,
    0.24,
    0.27,
    0.31,
  ],
  [
    "CSC3",
    "Average days from entering care to moving in with an adoptive family",
    "Smaller is better",
    "426 days",
    "480 days",
    "Suspend",
    520,
    410,
    455,
    500,
    "Not Available",
  ],
  [
    "CSC4",
    "% of child protection plans lasting 2 years or more",
    "Smaller is better",
    "Suspended**",
    0.05,
    "-",
    0.06,
    0.03,
    0.04,
    null,
    0.07,
  ],
  [
    "CSC5",
    "Children looked after per 10,000 children",
    "Measure for information",
    "No target",
    null,
    null,
    null,
    72,
    74,
    75,
    73,
  ],
  [
    "CSC6",
    "% of assessments completed within 45 working days",
    "Higher is better",
    0.85,
    0.8,
    "Suspended*",
    0.78,
    0.86,
    0.81,
    0.79,
    0.76,
  ],
  [
    "CSC7",
    "% of care leavers in suitable accommodation",
    "Higher is better",
    0.9,
    0.85,
    0.95,
    0.8,
    0.92,
    0.87,
    0.83,
    0.79,
  ],
  [
    "CSC8",
    "Number of children missing education",
    "Smaller is better",
    40,
    50,
    "-",
    null,
    38,
    "47p",
    52,
    40,
  ],
  [
    "CSC9",
    "Average caseload per social worker",
    "Lower is better",
    18,
    20,
    "<=24",
    16,
    17,
    19,
    22,
    25,
  ],
  [
    "CSC10",
    "% of EHC plans issued within 20 weeks",
    "Higher is better",
    0.6,
    0.5,
    "Suspend",
    "Suspend",
    0.64,
    "-",
    0.55,
    0.45,
  ],
  [
    "CSC11",
    "% of initial health assessments within 20 working days",
    "Higher is better",
    0.8,
    0.7,
    "<=60%",
    0.65,
    0.82,
    0.72,
    0.66,
    0.58,
  ],
  [],
  ["* Suspended while the assessment framework is reviewed. ** Target under review by the Board."],
];
const cardOnePercentRows = new Set([3, 4, 6, 8, 9, 12, 13]); // Excel row numbers
const cardOne = paddedGrid("Appendix C", cardOneRows, (row, column) => {
  const excelRow = row + 1;
  if (excelRow < 3 || excelRow > 13 || column < 3) return "General";
  if (!cardOnePercentRows.has(excelRow)) return column >= 7 ? "0" : "General";
  return excelRow === 9 ? "0.0%" : "0%";
});
const cardOnePeriods = ["H", "I", "J", "K"];

describe("blind judge 28, card 1: Covid19 Tolerance and Recovery tolerance on a year-end appendix", () => {
  it("names the two alternative sets beside the standard one", () => {
    const plan = plannedWithReport(findTables(cardOne));
    expect(plan.tables).toHaveLength(1);
    expect([...plan.tables[0].toleranceSets].sort()).toEqual(["Covid19", "Recovery", "Standard"]);
  });

  it("rates every period under the standard tolerance", () => {
    expect(
      disagreements(cardOne, "Standard", cardOnePeriods, {
        3: [G, A, R, R], // 97% ≥ 95%; 92% ≥ 90% tolerance; 80%, 70% below 90%
        4: [G, A, R, R], // lower is better: 20% ≤ 22%; 24% ≤ 25%; 27%, 31% beyond 25%
        5: [G, A, R, N], // days, lower better: 410 ≤ 426; 455 ≤ 480; 500 > 480; "Not Available" is No data
        6: [S, S, N, S], // target Suspended** → Suspended; the blank has no figure → No data whatever the row
        7: [T, T, T, T], // "Measure for information" with "No target": a context measure
        8: [G, A, R, R], // 86 ≥ 85; 81 ≥ 80; 79, 76 below 80
        9: [G, A, R, R], // 92 ≥ 90; 87 ≥ 85; 83, 79 below 85
        10: [G, A, R, G], // count, lower better: 38 ≤ 40; "47p" is 47 provisional, ≤ 50; 52 > 50; 40 = target (inclusive)
        11: [G, A, R, R], // "Lower is better" (direction + merit): 17 ≤ 18; 19 ≤ 20; 22, 25 beyond 20
        12: [G, N, A, R], // 64 ≥ 60; "-" is No data; 55 ≥ 50; 45 < 50
        13: [G, A, R, R], // 82 ≥ 80; 72 ≥ 70; 66, 58 below 70
      })
    ).toEqual([]);
  });

  it("rates every period under the Covid19 set: Suspend and Suspended* suspend, '-' falls back, a better-side or wrong-way tolerance is Check definition", () => {
    expect(
      disagreements(cardOne, "Covid19", cardOnePeriods, {
        3: [G, A, A, R], // ">=75%" replaces 90%: 80% is now Amber, 70% still Red
        4: [G, A, A, R], // "<=30%" replaces 25%: 27% Amber, 31% Red
        5: [S, S, S, N], // the set says Suspend → Suspended; "Not Available" has no figure → No data
        6: [S, S, N, S], // the target itself is Suspended**; the set's "-" changes nothing
        7: [T, T, T, T],
        8: [S, S, S, S], // "Suspended*" in the set cell says Suspend (asterisk is a footnote mark)
        9: [C, C, C, C], // set tolerance 95% is above the 90% target: on the better side for Higher is better
        10: [G, A, R, G], // "-" means none, so the standard tolerance (50) applies
        11: [G, A, A, R], // "<=24" replaces 20: 22 Amber, 25 Red
        12: [S, N, S, S], // Suspend; "-" in the period has no figure → No data
        13: [C, C, C, C], // "<=60%" says amber is at most 60%, the wrong way for Higher is better: contradicts itself
      })
    ).toEqual([]);
  });

  it("rates every period under the Recovery set: a blank set cell, like '-', leaves the standard tolerance", () => {
    expect(
      disagreements(cardOne, "Recovery", cardOnePeriods, {
        3: [G, A, R, R], // tolerance 85%: 92% Amber, 80% and 70% Red
        4: [G, A, R, R], // "-" → standard 25%
        5: [G, A, A, N], // 520 days (unit from the row): 500 ≤ 520 Amber
        6: [S, S, N, S], // target Suspended** wins whatever the set
        7: [T, T, T, T],
        8: [G, A, A, R], // 78%: 79% Amber, 76% Red
        9: [G, A, A, R], // 80%: 83% Amber, 79% Red
        // Blank set cell: PRODUCT.md says "-" means none so the standard applies, and a blank is the sheet's other
        // way of saying nothing (it lists blank beside "-" for values); read as none, not as "no tolerance".
        10: [G, A, R, G],
        11: [C, C, C, C], // 16 is below the 18 target: on the better side for Lower is better
        12: [S, N, S, S], // Suspend; "-" period → No data
        13: [G, A, A, R], // 65%: 66% Amber, 58% Red
      })
    ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Card 2: a local authority's monthly scorecard. "Tolerance (Recovery)" and "Pandemic floor" are the two
// alternative sets beside the standard "Tolerance" (Floor is a tolerance role word; "Pandemic" is neither a
// year, a unit nor a band word). Months are Excel dates; percentages mostly whole numbers in General with
// text thresholds ("90%"); one row is fractions. England is a comparator and RAG is the analyst's own: neither
// is ever painted.
// ---------------------------------------------------------------------------------------------------------
const apr24 = 45383; // 1 April 2024
const may24 = 45413;
const jun24 = 45444;
const jul24 = 45474;
const cardTwoRows: CellValue[][] = [
  [
    "No.",
    "Indicator",
    "Polarity",
    "Target",
    "Tolerance",
    "Tolerance (Recovery)",
    "Pandemic floor",
    apr24,
    may24,
    jun24,
    jul24,
    "England",
    "RAG",
  ],
  [
    1,
    "% of contacts progressed to referral within 24 hours",
    "H",
    "90%",
    "85%",
    "80%",
    "Suspend",
    92,
    86,
    81,
    79,
    88,
    "R",
  ],
  [
    2,
    "% of children subject to a CP plan for a second or subsequent time",
    "L",
    "15%",
    "18%",
    "-",
    "22%",
    12,
    16,
    19,
    23,
    23,
    "A",
  ],
  [
    3,
    "Social worker vacancy rate",
    "Aim to reduce",
    0.12,
    "±3pp",
    0.18,
    null,
    0.11,
    0.14,
    0.16,
    0.19,
    0.17,
    "R",
  ],
  [
    4,
    "Children in care placed more than 20 miles from home",
    "↓",
    35,
    40,
    45,
    "-",
    33,
    "38 r",
    42,
    47,
    null,
    "G",
  ],
  [
    5,
    "% of care leavers aged 19-21 in education, employment or training",
    "Good is: High",
    "60%",
    "55%",
    "Suspended*",
    65,
    62,
    57,
    54,
    "c",
    56,
    "A",
  ],
  [
    6,
    "Children in need per 10,000",
    "Context",
    "No target",
    null,
    null,
    null,
    330,
    342,
    338,
    351,
    343,
    null,
  ],
  [
    7,
    "% of EHC plan annual reviews completed on time",
    "H",
    "Suspended**",
    "70%",
    "75%",
    null,
    68,
    72,
    null,
    80,
    null,
    null,
  ],
  [
    8,
    "% of statutory visits to children in care in timescale",
    "Aim: higher",
    "At least 90%",
    "85%",
    75,
    "<=80%",
    90,
    88,
    80,
    74,
    null,
    "G",
  ],
  [
    9,
    "% of children in care with an up-to-date health assessment",
    "H",
    "Above England",
    null,
    "-",
    "Suspend",
    87,
    85,
    83,
    null,
    85,
    "A",
  ],
  [
    10,
    "Average days between placement order and match",
    "L",
    "121 days",
    "150 days",
    "180 days",
    200,
    118,
    135,
    165,
    210,
    154,
    "R",
  ],
];
const cardTwo = paddedGrid("LA Scorecard", cardTwoRows, (row, column) => {
  if (row === 0) return column >= 7 && column <= 10 ? "mmm-yy" : "General";
  if (row === 3 && (column === 3 || column === 5 || column === 11)) return "0%";
  if (row === 3 && column >= 7 && column <= 10) return "0.0%";
  return "General";
});
const cardTwoPeriods = ["H", "I", "J", "K"];

describe("blind judge 28, card 2: Tolerance (Recovery) and Pandemic floor on a monthly scorecard", () => {
  it("names the two alternative sets beside the standard one", () => {
    const plan = plannedWithReport(findTables(cardTwo));
    expect(plan.tables).toHaveLength(1);
    expect([...plan.tables[0].toleranceSets].sort()).toEqual(["Pandemic", "Recovery", "Standard"]);
  });

  it("rates every month under the standard tolerance", () => {
    expect(
      disagreements(cardTwo, "Standard", cardTwoPeriods, {
        2: [G, A, R, R], // H, whole-number %: 92 ≥ 90; 86 ≥ 85; 81, 79 below 85
        3: [G, A, R, R], // L: 12 ≤ 15; 16 ≤ 18; 19, 23 beyond 18 (whole numbers against "15%", not 1200%)
        4: [G, A, R, R], // Aim to reduce, 12% ±3pp (absolute) → amber up to 15%: 11% G, 14% A, 16% and 19% R
        5: [G, A, R, R], // ↓: 33 ≤ 35; "38 r" is 38 revised, ≤ 40; 42, 47 beyond 40
        6: [G, A, R, N], // Good is: High: 62 ≥ 60; 57 ≥ 55; 54 < 55; "c" (confidential) is No data
        7: [T, T, T, T], // Context, No target
        8: [S, S, N, S], // target Suspended**; the blank → No data
        9: [G, A, R, R], // "At least 90%" inclusive: 90 Green; 88 ≥ 85; 80, 74 below 85
        10: [G, R, R, N], // "Above England" (85 on the row), strict, no tolerance → two bands: 87 G; 85 not above → R; 83 R
        11: [G, A, R, R], // days, L: 118 ≤ 121; 135 ≤ 150; 165, 210 beyond 150
      })
    ).toEqual([]);
  });

  it("rates every month under the Recovery set (from the 'Tolerance (Recovery)' header)", () => {
    expect(
      disagreements(cardTwo, "Recovery", cardTwoPeriods, {
        2: [G, A, A, R], // 80%: 81 Amber, 79 Red
        3: [G, A, R, R], // "-" → standard 18%
        4: [G, A, A, R], // 18%: 16% Amber, 19% Red
        5: [G, A, A, R], // 45: 42 Amber, 47 Red
        6: [S, S, S, N], // "Suspended*" in the set → Suspended; "c" has no figure → No data
        7: [T, T, T, T],
        8: [S, S, N, S], // target Suspended**
        9: [G, A, A, R], // 75 (whole-number %): 80 Amber, 74 Red
        10: [G, R, R, N], // "-" → standard, which has no tolerance: still two bands
        11: [G, A, A, R], // 180 days: 165 Amber, 210 Red
      })
    ).toEqual([]);
  });

  it("rates every month under the Pandemic set (from the 'Pandemic floor' header)", () => {
    expect(
      disagreements(cardTwo, "Pandemic", cardTwoPeriods, {
        2: [S, S, S, S], // Suspend
        3: [G, A, A, R], // 22%: 19 Amber, 23 Red
        4: [G, A, R, R], // blank set cell → none → standard ±3pp
        5: [G, A, R, R], // "-" → standard 40
        6: [C, C, C, N], // 65% is above the 60% target: better side for Good is: High; "c" still No data
        7: [T, T, T, T],
        8: [S, S, N, S],
        9: [C, C, C, C], // "<=80%" is a lower-is-better amber bound on an Aim: higher row: contradicts itself
        10: [S, S, S, N], // Suspend; the blank → No data
        11: [G, A, A, R], // 200 days: 165 Amber, 210 Red
      })
    ).toEqual([]);
  });
});
