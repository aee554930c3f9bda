/**
 * Seventeenth blind judge: which columns are periods.
 *
 * Two row-per-KPI scorecards, each worked out by hand from PRODUCT.md alone ("Columns that are not
 * periods", "A headline column", the rating rules). Every period cell's status is checked by address in
 * the report; the fill the conditional formatting would paint (judged independently by HyperFormula) must
 * equal that status; and no other cell may be painted: a colour on a column that is not a period is a
 * wrong colour.
 */
import { describe, expect, it } from "vitest";
import { findTables, type CellValue, type Grid, type Status } from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, Status>;

const rag = new Set<string>(["Red", "Amber", "Green", "Blue"]);

/** Every reported cell's status, by address, across all the tables found on the sheet. */
function reportedStatuses(plan: PlanWithReport): Map<string, Status> {
  const statuses = new Map<string, Status>();
  for (const table of plan.tables)
    for (const row of table.rows)
      for (const cell of row.cells) statuses.set(cell.address, cell.status);
  return statuses;
}

/** The status each painted cell shows, by address, mapping each rule's fill back to its status. */
function paintedStatuses(grid: Grid, plan: PlanWithReport): Map<string, string> {
  const statusOfFill = new Map<string, string>();
  for (const rule of plan.rules) statusOfFill.set(rule.fill, rule.status);
  const painted = new Map<string, string>();
  for (const [address, fill] of paintedCells(grid.values, plan.rules))
    painted.set(address, statusOfFill.get(fill) ?? `unknown fill ${fill}`);
  return painted;
}

/**
 * Checks the report and the paint against the hand-worked statuses. `either` lists cells the rules cannot
 * decide as period or not: they may be rated or left alone, but if painted, the paint must equal the status
 * the report gives them, and they may only be painted if reported.
 */
function judge(grid: Grid, expected: Expected, either: readonly string[] = []): PlanWithReport {
  const plan = plannedWithReport(findTables(grid));
  const reported = reportedStatuses(plan);
  const painted = paintedStatuses(grid, plan);

  // 1. Every period cell has the status worked out by hand.
  const gotStatuses: Record<string, Status | "not reported"> = {};
  for (const address of Object.keys(expected))
    gotStatuses[address] = reported.get(address) ?? "not reported";
  expect.soft(gotStatuses, "report statuses of the period cells").toEqual(expected);

  // 2. Nothing outside the period cells is rated (a non-period column is read or left alone).
  const ratedElsewhere = [...reported.keys()].filter(
    (address) => !(address in expected) && !either.includes(address)
  );
  expect.soft(ratedElsewhere, "cells rated that are not periods").toEqual([]);

  // 3. The paint is exactly the R/A/G statuses: each such cell painted its status, nothing else painted.
  const expectedPaint: Record<string, string> = {};
  for (const [address, status] of Object.entries(expected))
    if (rag.has(status)) expectedPaint[address] = status;
  const gotPaint: Record<string, string> = {};
  for (const [address, status] of painted)
    if (!either.includes(address)) gotPaint[address] = status;
  expect.soft(gotPaint, "painted cells (fill mapped to status)").toEqual(expectedPaint);

  // 4. The undecidable cells: painted only as reported.
  for (const address of either) {
    const paint = painted.get(address);
    if (paint !== undefined)
      expect
        .soft(paint, `paint of ${address} equals its reported status`)
        .toBe(reported.get(address));
  }
  return plan;
}

/** The column letters a table's column map names, ranges ("F–K") expanded. */
function lettersNamed(columnMap: string): Set<string> {
  const named = new Set<string>();
  for (const match of columnMap.matchAll(/(?:^|[,;] )([A-Z])(?:–([A-Z]))? /g)) {
    const from = match[1].charCodeAt(0);
    const to = (match[2] ?? match[1]).charCodeAt(0);
    for (let code = from; code <= to; code++) named.add(String.fromCharCode(code));
  }
  return named;
}

/** PRODUCT.md: "Every table's columns are reported as read": each column from A to `last` is named. */
function expectEveryColumnNamed(plan: PlanWithReport, last: string): void {
  const named = new Set(plan.tables.flatMap((table) => [...lettersNamed(table.columnMap)]));
  const missing: string[] = [];
  for (let code = 65; code <= last.charCodeAt(0); code++)
    if (!named.has(String.fromCharCode(code))) missing.push(String.fromCharCode(code));
  expect
    .soft(
      missing,
      `columns the column map does not name: ${plan.tables.map((t) => t.columnMap).join(" / ")}`
    )
    .toEqual([]);
}

/** Expected statuses of one row from a string of codes, one per column from `first`: G A R S N(o target) D(no data) C(heck). */
function rowOf(row: number, first: string, codes: string): Expected {
  const names: Record<string, Status> = {
    G: "Green",
    A: "Amber",
    R: "Red",
    S: "Suspended",
    N: "No target",
    D: "No data",
    C: "Check definition",
  };
  const out: Expected = {};
  const start = first.charCodeAt(0);
  [...codes].forEach((code, i) => {
    if (code === ".") return; // not a period cell on this row
    out[`${String.fromCharCode(start + i)}${row}`] = names[code];
  });
  return out;
}

describe("blind scorecards, seventeenth judge: which columns are periods", () => {
  // ---------------------------------------------------------------------------------------------------
  // Card 1: a council's monthly children's social care scorecard, percentages kept as fractions.
  // Columns: A Ref, B Measure, C Polarity, D Annual target, E Amber threshold, F Baseline,
  //          G 2022-23, H FY23/24 outturn, I Apr-24 (date serial), J May-24 (date serial), K "Jun-24",
  //          L "July 2024", M "Aug 24", N "Sept 2024", O Year to date,
  //          P Change, Q % change, R Numerator, S Denominator, T Rank, U Trend.
  // Periods (PRODUCT.md "Columns that are not periods": years in any spelling, months as text or as
  // Excel dates; "A headline column": Year to date): G–O. Baseline, Change, % change, Numerator,
  // Denominator, Rank (a comparator) and Trend (direction of travel) are never coloured.
  // "Annual target" is the standard target (band or aim word adds nothing); "Amber threshold" names the
  // amber boundary, so it is the tolerance column.
  // ---------------------------------------------------------------------------------------------------
  // prettier-ignore
  const card1: CellValue[][] = [
    ["Children's Social Care – monthly performance scorecard 2024/25"],
    [],
    [
      "Ref",
      "Measure",
      "Polarity",
      "Annual target",
      "Amber threshold",
      "Baseline",
      "2022-23",
      "FY23/24 outturn",
      45383, // 1 Apr 2024 as an Excel date, shown "mmm-yy"
      45413, // 1 May 2024
      "Jun-24",
      "July 2024",
      "Aug 24",
      "Sept 2024",
      "Year to date",
      "Change",
      "% change",
      "Numerator",
      "Denominator",
      "Rank",
      "Trend",
    ],
    // row 4
    ["CSC01", "Re-referrals within 12 months of a previous referral", "Low is good", 0.22, 0.25,
      0.24, 0.26, 0.24, 0.21, 0.229, 0.25, 0.26, "21.5%", null, 0.232, -0.008, -0.033, 118, 509, 97, "↓"],
    // row 5
    ["CSC02", "Child and family assessments completed within 45 working days", "Good if higher", 0.85, 0.8,
      0.82, 0.78, 0.85, 0.88, 0.8, 0.799, 0.83, 0.9, "Data to be supplied", 0.834, -0.016, -0.019, 1402, 1681, 60, "↓"],
    // row 6
    ["CSC03", "Average days between entering care and moving in with an adoptive family", "Aim to minimise",
      "426 days", "480 days", 440, 512, 480, 410, 426, 455, 481, "470 days", null, 452, -28, -0.058, null, null, 70, "↑"],
    // row 7
    ["CSC04", "Children looked after per 10,000 children", "Monitoring only", "No target", null,
      64, 66.1, 67.4, 68.2, 68.9, 69.3, 70.1, 69.8, null, 69, 1.6, 0.024, 412, null, 101, "↑"],
    // row 8
    ["CSC05", "Care leavers aged 19-21 in education, employment or training", "More is better", 0.55, 0.5,
      0.5, 0.48, 0.52, 0.57, 0.5, 0.49, 0.551, "c", 0.53, 0.535, 0.015, 0.029, 107, 200, 55, "↑"],
    // row 9
    ["CSC06", "Social worker vacancy rate", "Lower = good", "Suspended**", null,
      0.2, 0.19, 0.21, 0.2, 0.18, null, 0.17, 0.16, 0.18, 0.18, -0.03, -0.143, 36, 200, 30, "↑"],
    // row 10
    ["CSC07", "Episodes of children missing from care", "Down is good", "Fewer than 40", 50,
      52, 55, 47, 38, 40, 50, 51, 39, "-", 45, -2, -0.043, null, null, null, "↑"],
    // row 11
    ["CSC08", "EHC plans issued within 20 weeks (excluding exceptions)", "▲", 0.6, null,
      0.55, 0.5, 0.58, 0.62, 0.6, 0.59, 0.45, "N/A", 0.7, 0.59, 0.01, 0.017, 59, 100, 110, "↑"],
    // row 12
    ["CSC09", "Agency social workers as a share of the workforce", "Less is better", "No more than 20%", 0.25,
      0.24, 0.26, 0.25, 0.2, 0.21, 0.25, 0.26, 0.18, 0.19, 0.22, -0.03, -0.12, 44, 200, 80, "↑"],
    [],
    ["Source: case management system extract, 30 September 2024. September figures not yet due for some measures."],
  ];
  const fractionRows = new Set([3, 4, 7, 8, 10, 11]); // 0-based rows holding percentages as fractions
  const card1Format = (r: number, c: number): string => {
    if (r === 2) return c === 8 || c === 9 ? "mmm-yy" : "General";
    if (r < 3 || r > 11) return "General";
    if (c <= 2 || c === 20) return "General";
    if (fractionRows.has(r)) {
      if (c === 3 || c === 4) return "0%";
      if (c >= 5 && c <= 15) return "0.0%";
      if (c === 16) return "0%";
      return "0";
    }
    if (c === 16) return "0%";
    if (r === 6) return c >= 5 && c <= 15 ? "0.0" : "0";
    return "0";
  };

  it("card 1: rates only the year, month (text and date) and year-to-date columns, and paints nothing else", () => {
    const grid = paddedGrid("Monthly scorecard", card1, card1Format);
    const expected: Expected = {
      // CSC01 lower is better ("Low is good": direction low + "is good"), Green ≤ 22%, Amber ≤ 25%, else Red.
      // G 26% R; H 24% A; I 21% G; J 22.9% A; K 25% A (inclusive towards the better side); L 26% R;
      // M text "21.5%" is the figure 21.5% → G; N blank → No data; O 23.2% A.
      ...rowOf(4, "G", "RAGAARGDA"),
      // CSC02 higher is better ("Good if higher"), Green ≥ 85%, Amber ≥ 80%.
      // G 78% R; H 85% G; I 88% G; J 80% A (inclusive); K 79.9% R; L 83% A; M 90% G;
      // N "Data to be supplied" → No data; O 83.4% A.
      ...rowOf(5, "G", "RGGARAGDA"),
      // CSC03 lower is better ("Aim to minimise"), 426 days / 480 days.
      // G 512 R; H 480 A (inclusive); I 410 G; J 426 G; K 455 A; L 481 R; M "470 days" A; N blank D; O 452 A.
      ...rowOf(6, "G", "RAGGARADA"),
      // CSC04 "Monitoring only": a context measure → No target; the blank N is No data whatever the row.
      ...rowOf(7, "G", "NNNNNNNDN"),
      // CSC05 higher is better ("More is better"), 55% / 50%.
      // G 48% R; H 52% A; I 57% G; J 50% A; K 49% R; L 55.1% G; M "c" (confidential) No data; N 53% A; O 53.5% A.
      ...rowOf(8, "G", "RAGARGDAA"),
      // CSC06 target "Suspended**" → Suspended (asterisks allowed); K blank → No data.
      ...rowOf(9, "G", "SSSSDSSSS"),
      // CSC07 lower is better ("Down is good"); "Fewer than 40" is strict: 40 has not met it; Amber ≤ 50.
      // G 55 R; H 47 A; I 38 G; J 40 A (strict target); K 50 A; L 51 R; M 39 G; N "-" No data; O 45 A.
      ...rowOf(10, "G", "RAGAARGDA"),
      // CSC08 "▲" under the Polarity heading: higher is better; 60% with no tolerance → two bands.
      // G 50% R; H 58% R; I 62% G; J 60% G; K 59% R; L 45% R; M "N/A" No data; N 70% G; O 59% R.
      ...rowOf(11, "G", "RRGGRRDGR"),
      // CSC09 lower is better ("Less is better"), "No more than 20%" inclusive, Amber ≤ 25%.
      // G 26% R; H 25% A; I 20% G; J 21% A; K 25% A; L 26% R; M 18% G; N 19% G; O 22% A.
      ...rowOf(12, "G", "RAGAARGGA"),
    };
    const plan = judge(grid, expected);
    expect(plan.tables.map((table) => table.periods.length)).toEqual([9]);
    expectEveryColumnNamed(plan, "U");
  });

  // ---------------------------------------------------------------------------------------------------
  // Card 2: a trust's quarterly report, percentages kept as whole numbers ("Target (%)" sets the unit of
  // its plain numbers; "Tolerance (pp)" makes its numbers percentage-point margins on the worse side).
  // Columns: A Ref, B Measure, C Polarity, D Target (%), E Tolerance (pp),
  //          F "Q3 2023/24", G "Q4 23/24", H "Qtr 1 2024-25", I "Quarter 2 FY24/25", J "Q3*",
  //          K "Q4 (provisional)", L (blank header, figures below), M Year to date, N Rolling 12 months,
  //          O Variance, P DoT, Q England, R Statistical neighbours, S Rank.
  // Periods: F–K (quarters in four spellings, two with a footnote marker or qualifier) and M (Year to date).
  // L has no header: nothing names it a period, and the product never guesses → never coloured.
  // N "Rolling 12 months" is not among PRODUCT.md's period or headline words; the rules do not decide it,
  // so it may be rated (consistently) or left alone, but never painted other than its reported status.
  // O Variance, P DoT, Q England, R SN, S Rank are left alone.
  // T "Previous year": "A headline column ... `Previous`, `Last year` likewise" hold a period's figure and
  // are rated like a period, so T is rated against the row's (unqualified) thresholds.
  // ---------------------------------------------------------------------------------------------------
  // prettier-ignore
  const card2: CellValue[][] = [
    ["Quarterly performance report – Early Help and Children's Social Care"],
    ["Percentages are shown as whole numbers (82 means 82%)."],
    [
      "Ref",
      "Measure",
      "Polarity",
      "Target (%)",
      "Tolerance (pp)",
      "Q3 2023/24",
      "Q4 23/24",
      "Qtr 1 2024-25",
      "Quarter 2 FY24/25",
      "Q3*",
      "Q4 (provisional)",
      null,
      "Year to date",
      "Rolling 12 months",
      "Variance",
      "DoT",
      "England",
      "Statistical neighbours",
      "Rank",
      "Previous year",
    ],
    // row 4
    ["SC1", "Early help assessments completed within 45 days", "H", 80, 5,
      82, 80, 75, 74.9, "78p", 81, 79, 78, 79, -2, "↑", 77, 76, 40, 76],
    // row 5
    ["SC2", "Re-referrals to children's social care within 12 months", "L", 20, 3,
      19, 20, 23, 23.5, 21, "c", 22, 21, 22, 1, "↓", 22.4, 21.9, 75, 24],
    // row 6
    ["SC3", "Children in care with three or more placements in the year", "↓", 10, 2,
      9, 10, 11, 12, 13, null, 12, 11, 11.5, 1, "↓", 10, 11, 88, 10],
    // row 7
    ["SC4", "Care leavers in suitable accommodation", "Up is good", 90, 5,
      91, "88 r", 85, 84, 90, 92, 90, 89, 88, -1, "↓", 88, 89, 20, 87],
    // row 8
    ["SC5", "Children in care with up-to-date health assessments", "Aim to maximise", 95, 2.5,
      96, 95, 92.5, 92, "94%", "n/a", 95, 94, 94, -1, "→", 89, 90, 15, 93],
    // row 9
    ["SC6", "Children becoming subject to a plan for a second or subsequent time", "Lower % = better", 18, 4,
      17, 18, 22, 22.1, 25, 16, 16, 19, 19, 1, "↓", 23.8, 22, 30, 21],
    // row 10
    ["SC7", "Referrals per 10,000 children aged 0-17", "Context", null, null,
      480, 512, 505, 498, 530, 470, 515, 501, 503, 0, "→", 545, 560, null, 470],
    // row 11
    ["SC8", "Assessments authorised by a manager within 5 working days", "T", "85-95", 5,
      90, 85, 95, 96, 79, 100, 97, 91, 92, 1, "↑", null, null, null, 88],
    // row 12
    ["SC9", "Case audits rated good or better", "H", "Suspended***", null,
      70, 72, null, 75, 74, 76, 77, 75, 74, 2, "↑", null, null, null, 71],
    // row 13
    ["SC10", "Initial health assessments within 20 working days", "Per plan", 60, 5,
      55, 62, 58, null, 61, 64, 63, 60, 60, 2, "↑", 48, 52, 25, 58],
    [],
    ["* Q3 revised following audit. p = provisional; r = revised; c = suppressed (fewer than 5)."],
  ];

  it("card 2: rates quarters in any spelling, footnoted quarters and year to date; leaves the blank-headed column and the rest alone", () => {
    const grid = paddedGrid("Quarterly report", card2, (r, c) =>
      r >= 3 && r <= 12 && c === 13 ? "0.0" : "General"
    );
    const expected: Expected = {
      // Columns F G H I J K . M  (L is the blank-headed column: not a period, never rated).
      // SC1 "H" higher is better, 80%, tolerance 5pp → Amber ≥ 75%.
      // F 82 G; G 80 G; H 75 A (inclusive); I 74.9 R; J "78p" = 78 provisional → A; K 81 G; M 78 A.
      ...rowOf(4, "F", "GGARAG.A"),
      ...rowOf(4, "T", "A"), // Previous year 76: below 80, at or above 75
      // SC2 "L" lower is better, 20% + 3pp → Amber ≤ 23%.
      // F 19 G; G 20 G; H 23 A; I 23.5 R; J 21 A; K "c" No data; M 21 A.
      ...rowOf(5, "F", "GGARAD.A"),
      ...rowOf(5, "T", "R"), // Previous year 24 > 23
      // SC3 "↓" under Polarity: lower is better, 10% + 2pp → Amber ≤ 12%.
      // F 9 G; G 10 G; H 11 A; I 12 A; J 13 R; K blank No data; M 11 A.
      ...rowOf(6, "F", "GGAARD.A"),
      ...rowOf(6, "T", "G"), // Previous year 10 = target
      // SC4 "Up is good": higher is better, 90% − 5pp → Amber ≥ 85%.
      // F 91 G; G "88 r" = 88 revised → A; H 85 A; I 84 R; J 90 G; K 92 G; M 89 A.
      ...rowOf(7, "F", "GAARGG.A"),
      ...rowOf(7, "T", "A"), // Previous year 87: below 90, at or above 85
      // SC5 "Aim to maximise": higher is better, 95% − 2.5pp → Amber ≥ 92.5%.
      // F 96 G; G 95 G; H 92.5 A; I 92 R; J text "94%" is 94%, compared in one scale with the row's whole
      // numbers → A; K "n/a" No data; M 94 A.
      ...rowOf(8, "F", "GGARAD.A"),
      ...rowOf(8, "T", "A"), // Previous year 93: below 95, at or above 92.5
      // SC6 "Lower % = better": lower is better, 18% + 4pp → Amber ≤ 22%.
      // F 17 G; G 18 G; H 22 A; I 22.1 R; J 25 R; K 16 G; M 19 A.
      ...rowOf(9, "F", "GGARRG.A"),
      ...rowOf(9, "T", "A"), // Previous year 21: above 18, within 22
      // SC7 "Context": a context measure → No target on every period with a figure.
      ...rowOf(10, "F", "NNNNNN.N"),
      ...rowOf(10, "T", "N"), // context
      // SC8 "T" = in range with the range 85%–95%; the 5pp margin applies to each end → Amber 80%–100%.
      // F 90 G; G 85 G; H 95 G (inclusive); I 96 A; J 79 R; K 100 A (inclusive); M 91 G.
      ...rowOf(11, "F", "GGGARA.G"),
      ...rowOf(11, "T", "G"), // Previous year 88 inside 85–95
      // SC9 "Suspended***" → Suspended; H blank → No data.
      ...rowOf(12, "F", "SSDSSS.S"),
      ...rowOf(12, "T", "S"), // suspended
      // SC10 "Per plan" names no direction and no range: unknown, never a guess → Check definition for
      // every figure (it cannot be read); the blank I is No data.
      ...rowOf(13, "F", "CCCDCC.C"),
      ...rowOf(13, "T", "C"), // unknown polarity
    };
    const either = Array.from({ length: 10 }, (_, i) => `N${i + 4}`); // Rolling 12 months
    const plan = judge(grid, expected, either);
    // The blank-headed L and the unknown "Rolling 12 months" N cannot be decided by the rules: the product
    // must say so in the column map rather than colour them or pass over them in silence.
    expectEveryColumnNamed(plan, "T");
  });
});
