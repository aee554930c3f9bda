/**
 * Blind judge 20: one council scorecard of eleven KPIs over four quarters, rated under every council scheme
 * PRODUCT.md describes (Standard, Green and Red only, Blue for exceeding with a Stretch column, Percentage of
 * target, Amber by direction) and with status symbols. Every expectation is worked by hand from PRODUCT.md.
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  findTables,
  planOf,
  reportOf,
  statusSymbols,
  type CellValue,
  type Scheme,
} from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { paintedCells } from "../support/rule-engine";

// Columns: A Ref, B Measure, C Polarity, D Target 2024/25, E Tolerance (amber), F Stretch, G–J quarters, K England.
const rows: CellValue[][] = [
  ["Children's Social Care performance scorecard 2024/25"],
  [],
  [
    "Ref",
    "Measure",
    "Polarity",
    "Target 2024/25",
    "Tolerance (amber)",
    "Stretch",
    "Q1 2024/25",
    "Q2 2024/25",
    "Q3 2024/25",
    "Q4 2024/25",
    "England",
  ],
  // row 4: fractions formatted 0.0%; each figure sits exactly on a boundary (stretch, target, tolerance) or just past.
  [
    "CS01",
    "% of contacts with a decision within 1 working day",
    "Bigger is better",
    0.95,
    0.9,
    0.98,
    0.98,
    0.95,
    0.9,
    0.899,
    0.93,
  ],
  // row 5: smaller is better, fractions formatted 0%.
  [
    "CS02",
    "Re-referrals within 12 months",
    "Smaller is better",
    0.22,
    0.25,
    0.18,
    0.27,
    0.26,
    0.25,
    0.18,
    0.21,
  ],
  // row 6: target range with a relative margin: 10%-20% ± 10% gives 9%-22%.
  [
    "CS03",
    "Children in need with a disability (%)",
    "In range is better",
    "10%-20%",
    "±10%",
    null,
    0.09,
    0.1,
    0.22,
    0.23,
    0.13,
  ],
  // row 7: T means in range; 60% to 70% with a 5pp absolute margin gives 55%-75%.
  [
    "CS04",
    "Care leavers in suitable accommodation aged 17-18",
    "T",
    "60% to 70%",
    "±5pp",
    null,
    0.76,
    0.75,
    0.7,
    0.55,
    0.88,
  ],
  // row 8: a target with no tolerance: two bands.
  [
    "CS05",
    "Child protection visits in timescale",
    "Aim: higher",
    0.8,
    null,
    0.9,
    0.7,
    0.79,
    0.8,
    0.9,
    null,
  ],
  // row 9: days, written with their unit, some figures as text.
  [
    "CS06",
    "Average days from entering care to moving in with adoptive family",
    "Aim to reduce",
    "140 days",
    "160 days",
    "120 days",
    170,
    "158 days",
    140,
    "120 days",
    175,
  ],
  // row 10: a count.
  [
    "CS07",
    "Number of mainstream foster households approved",
    "Good is: High",
    40,
    36,
    44,
    35,
    36,
    38,
    44,
    null,
  ],
  // row 11: suspended target.
  [
    "CS08",
    "Initial health assessments within 20 working days",
    "Higher is better",
    "Suspended***",
    null,
    null,
    0.5,
    0.6,
    null,
    "n/a",
    0.45,
  ],
  // row 12: context measure.
  [
    "CS09",
    "Number of children looked after",
    "Measure for information",
    null,
    null,
    null,
    120,
    135,
    128,
    140,
    null,
  ],
  // row 13: text thresholds and text figures with flags; x is a suppression symbol.
  [
    "CS10",
    "Reviews of looked after children on time",
    "High is good",
    "85%",
    "80%",
    "90%",
    "79.9%",
    "80%*",
    "85% r",
    "x",
    "88%",
  ],
  // row 14: a lone L under the Polarity heading; whole-number percentages.
  [
    "CS11",
    "Children subject to a second or subsequent plan (%)",
    "L",
    15,
    18,
    12,
    20,
    19,
    18,
    12,
    23,
  ],
];

const percentRows: Record<number, string> = {
  4: "0.0%",
  5: "0%",
  6: "0%",
  7: "0.0%",
  8: "0%",
  11: "0%",
};
const grid = paddedGrid("Scorecard", rows, (r, c) => {
  const format = percentRows[r + 1];
  return format && c >= 3 ? format : c >= 3 && r + 1 === 14 ? "0" : "General";
});

const periodColumns = ["G", "H", "I", "J"];
type Short = "G" | "A" | "R" | "B" | "S" | "NT" | "ND" | "CD";
const long: Record<Short, string> = {
  G: "Green",
  A: "Amber",
  R: "Red",
  B: "Blue",
  S: "Suspended",
  NT: "No target",
  ND: "No data",
  CD: "Check definition",
};

/** Expected statuses row by row (Excel row number → four quarters). */
type Card = Record<number, [Short, Short, Short, Short]>;

const unchanged: Card = {
  11: ["S", "S", "ND", "ND"], // Suspended*** target; a blank and n/a have no figure: No data whatever the row
  12: ["NT", "NT", "NT", "NT"], // Measure for information: context measure, no target
};

function rate(scheme: Scheme, symbols = false) {
  const appraisal = appraise(findTables(grid), { scheme, symbols });
  const plan = planOf(appraisal);
  const report = reportOf(appraisal);
  const cells = new Map(
    report.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => [c.address, c] as const)))
  );
  return { plan, report, cells };
}

function judge(scheme: Scheme, expected: Card) {
  const { plan, cells } = rate(scheme);
  const want: Record<string, string> = {};
  const got: Record<string, string> = {};
  for (const [row, statuses] of Object.entries({ ...expected, ...unchanged })) {
    statuses.forEach((status, i) => {
      const address = `${periodColumns[i]}${row}`;
      const cell = cells.get(address);
      want[address] = long[status];
      got[address] = cell ? `${cell.status}` : "(not rated)";
      if (cell && cell.status !== long[status]) got[address] += ` — ${cell.reason}`;
    });
  }
  expect(got).toEqual(want);

  // Fills: every painted cell is a period cell painted its own status; every R/A/G/B cell is painted.
  const statusOfFill = new Map(plan.rules.map((rule) => [rule.fill, rule.status]));
  const painted = paintedCells(grid.values, plan.rules);
  const paintedAs: Record<string, string> = {};
  for (const [address, fill] of painted) paintedAs[address] = statusOfFill.get(fill) ?? fill;
  const shouldPaint: Record<string, string> = {};
  for (const [address, status] of Object.entries(want))
    if (["Green", "Amber", "Red", "Blue"].includes(status)) shouldPaint[address] = status;
  expect(paintedAs).toEqual(shouldPaint);
}

describe("blind judge 20: a council scorecard under every council scheme", () => {
  it("reads the scorecard's columns: quarters are periods, Stretch and England are not coloured", () => {
    const { report } = rate({ kind: "standard" });
    expect(report.tables).toHaveLength(1);
    expect(report.tables[0].periods).toHaveLength(4);
  });

  it("Standard: three bands, inclusive on the better side, two bands where there is no tolerance", () => {
    judge(
      { kind: "standard" },
      {
        4: ["G", "G", "A", "R"], // 98% and 95% ≥ target 95%; 90% = tolerance → Amber; 89.9% < 90% → Red
        5: ["R", "R", "A", "G"], // smaller: 27%, 26% > tolerance 25%; 25% = tolerance → Amber; 18% ≤ 22%
        6: ["A", "G", "A", "R"], // 10%-20% ±10% of each end = 9%-22%: 9% Amber (edge), 10% Green (edge), 22% Amber, 23% Red
        7: ["R", "A", "G", "A"], // 60-70% ±5pp = 55-75%: 76% Red, 75% Amber (edge), 70% Green (edge), 55% Amber (edge)
        8: ["R", "R", "G", "G"], // target 80%, no tolerance: two bands; 79% Red, 80% Green
        9: ["R", "A", "G", "G"], // days, smaller: 170 > 160 Red; "158 days" ≤ 160 Amber; 140 = target Green; 120 Green
        10: ["R", "A", "A", "G"], // count: 35 < 36 Red; 36 = tolerance Amber; 38 Amber; 44 ≥ 40 Green
        13: ["R", "A", "G", "ND"], // "79.9%" < 80% Red; "80%*" = 80% Amber; "85% r" = 85% Green; x suppressed: No data
        14: ["R", "R", "A", "G"], // L: 20, 19 > 18 Red; 18 = tolerance Amber; 12 ≤ 15 Green
      }
    );
  });

  it("Green and Red only: the tolerance is ignored, so everything short of target is Red", () => {
    judge(
      { kind: "green and red" },
      {
        4: ["G", "G", "R", "R"],
        5: ["R", "R", "R", "G"],
        6: ["R", "G", "R", "R"], // only inside 10%-20% is Green; the ±10% margin is a tolerance, ignored
        7: ["R", "R", "G", "R"], // only inside 60%-70% is Green
        8: ["R", "R", "G", "G"],
        9: ["R", "R", "G", "G"],
        10: ["R", "R", "R", "G"],
        13: ["R", "R", "G", "ND"],
        14: ["R", "R", "R", "G"],
      }
    );
  });

  it("Blue for exceeding: a figure at or beyond the Stretch column's value is Blue, otherwise Standard bands", () => {
    judge(
      { kind: "blue for exceeding" },
      {
        4: ["B", "G", "A", "R"], // 98% = stretch 98% → Blue
        5: ["R", "R", "A", "B"], // smaller: 18% = stretch 18% → Blue
        6: ["A", "G", "A", "R"], // no stretch on this row: Standard bands
        7: ["R", "A", "G", "A"], // no stretch
        8: ["R", "R", "G", "B"], // 90% = stretch 90% → Blue
        9: ["R", "A", "G", "B"], // "120 days" = stretch "120 days" → Blue
        10: ["R", "A", "A", "B"], // 44 = stretch 44 → Blue
        13: ["R", "A", "G", "ND"], // stretch 90% not reached
        14: ["R", "R", "A", "B"], // L: 12 = stretch 12 → Blue
      }
    );
  });

  it("Percentage of target (Green within 5%, Amber within 10%): shares of the target on its worse side", () => {
    judge(
      { kind: "percentage of target", green: 0.05, amber: 0.1 },
      {
        4: ["G", "G", "A", "A"], // Green ≥ 95%×0.95 = 90.25%, Amber ≥ 85.5%: 90% and 89.9% Amber
        5: ["R", "R", "R", "G"], // smaller: Green ≤ 22%×1.05 = 23.1%, Amber ≤ 24.2%: 27, 26, 25 Red
        // In range rows: each end's worse side is outward, and PRODUCT.md applies a relative share to each end of
        // a range ("10%–20% ± 10% gives 9%–22%"), so the shares apply to each end (first written as Check definition).
        6: ["A", "G", "A", "R"], // Green 9.5%-21%, Amber 9%-22%: 9% Amber (edge), 10% Green, 22% Amber (edge), 23% Red
        7: ["A", "A", "G", "A"], // Green 57%-73.5%, Amber 54%-77%: 76% and 75% Amber, 70% Green, 55% Amber
        8: ["R", "G", "G", "G"], // Green ≥ 76%, Amber ≥ 72%: 70% Red, 79% Green (no tolerance needed)
        9: ["R", "R", "G", "G"], // Green ≤ 147 days, Amber ≤ 154: 170 and 158 Red
        10: ["R", "A", "G", "G"], // Green ≥ 38 (edge), Amber ≥ 36 (edge): 35 Red, 36 Amber, 38 Green
        13: ["A", "A", "G", "ND"], // Green ≥ 80.75%, Amber ≥ 76.5%: 79.9% and 80% Amber
        14: ["R", "R", "R", "G"], // L: Green ≤ 15.75, Amber ≤ 16.5: 20, 19, 18 Red
      }
    );
  });

  it("Amber by direction: beyond the tolerance but better than the quarter before is Amber, else Red", () => {
    judge(
      { kind: "amber by direction" },
      {
        4: ["G", "G", "A", "R"], // 89.9% is worse than Q3's 90%: Red
        5: ["R", "A", "A", "G"], // Q1 27% has no quarter before: Red; Q2 26% better than 27%: Amber
        6: ["A", "G", "A", "R"], // Q4 23% is further out than Q3's 22%: Red
        7: ["R", "A", "G", "A"], // Q1 76% beyond 75% with no quarter before: Red
        8: ["R", "A", "G", "G"], // no tolerance: 70% off target, no quarter before: Red; 79% better than 70%: Amber
        9: ["R", "A", "G", "G"], // Q1 has no quarter before: Red; "158 days" is within tolerance: Amber
        10: ["R", "A", "A", "G"],
        13: ["R", "A", "G", "ND"],
        14: ["R", "A", "A", "G"], // L: 19 beyond 18 but better than Q1's 20: Amber
      }
    );
    // The reason says which period it was compared with.
    const { cells } = rate({ kind: "amber by direction" });
    expect(cells.get("H5")?.reason).toContain("Q1 2024/25");
    expect(cells.get("H14")?.reason).toContain("Q1 2024/25");
  });

  it("Symbols: each coloured rule also carries its status symbol, and no figure changes", () => {
    const before = JSON.stringify(grid.values);
    const { plan } = rate({ kind: "blue for exceeding" }, true);
    const used = new Set(plan.rules.map((rule) => rule.status));
    expect([...used].sort()).toEqual(["Amber", "Blue", "Green", "Red"]);
    for (const rule of plan.rules)
      expect(rule.numberFormat ?? "").toContain(statusSymbols[rule.status]);
    expect(JSON.stringify(grid.values)).toBe(before);
  });
});
