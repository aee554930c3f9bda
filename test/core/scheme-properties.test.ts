/**
 * Under every council scheme, a figure's rating (what KPI.RATE returns, the period before given) and the
 * colour the formula judge paints agree, for random figures and definitions; and without a setting,
 * nothing changes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  appraise,
  isRagStatus,
  reportOf,
  standardSet,
  workbookSettings,
  type CellValue,
  type Scheme,
} from "../../src/core";
import { previousPeriodCell } from "../../src/core/appraisal/appraisal";
import { formattingPlan } from "../../src/core/plan/plan";
import { rate } from "../../src/core/rating/rate";
import { addressOf, judgedSheet, percentGrid } from "./judged-sheet";

const percent = fc.integer({ min: 0, max: 100 });
const figure: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: percent.map((points) => `${points}%`) },
  { weight: 2, arbitrary: percent.map((points) => points / 100) },
  { weight: 1, arbitrary: fc.constantFrom(null, "n/a") }
);
const range = fc.tuple(percent, percent).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]);

const kpiRow: fc.Arbitrary<CellValue[]> = fc.oneof(
  fc
    .record({
      polarity: fc.constantFrom("Bigger is better", "Smaller is better"),
      target: percent,
      tolerance: fc.oneof(
        percent.map((points) => `${points}%`),
        fc.integer({ min: 0, max: 20 }).map((points) => `±${points}%`),
        fc.constant(null)
      ),
      figures: fc.array(figure, { minLength: 4, maxLength: 4 }),
    })
    .map(({ polarity, target, tolerance, figures }) => [
      "Measure",
      polarity,
      `${target}%`,
      tolerance,
      ...figures,
    ]),
  fc
    .record({
      target: range,
      margin: fc.integer({ min: 0, max: 10 }),
      figures: fc.array(figure, { minLength: 4, maxLength: 4 }),
    })
    .map(({ target: [low, high], margin, figures }) => [
      "Measure",
      "In range is better",
      `${low}%-${high}%`,
      `±${margin}pp`,
      ...figures,
    ])
);

const scheme: fc.Arbitrary<Scheme> = fc.oneof(
  fc.constant<Scheme>({ kind: "standard" }),
  fc.constant<Scheme>({ kind: "green and red" }),
  fc.constant<Scheme>({ kind: "amber by direction" }),
  fc
    .record({ value: fc.integer({ min: 1, max: 20 }), relative: fc.boolean() })
    .map(({ value, relative }): Scheme => ({
      kind: "blue for exceeding",
      stretch: { value: relative ? value / 100 : value, relative },
    })),
  fc
    .tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }))
    .map(([green, extra]): Scheme => ({
      kind: "percentage of target",
      green: green / 100,
      amber: (green + extra) / 100,
    }))
);

const header = [
  "Measure",
  "Polarity",
  "Target",
  "Tolerance",
  "2020/21",
  "2021/22",
  "2022/23",
  "2023/24",
];
const gridOf = (rows: CellValue[][]) => percentGrid("Schemes", header, rows);

describe("under every scheme, the rating and the colour agree", () => {
  it("paints each cell the status its rating gives (the period before given), and no cell without a colour status", () => {
    fc.assert(
      fc.property(fc.array(kpiRow, { minLength: 1, maxLength: 4 }), scheme, (rows, chosen) => {
        const grid = gridOf(rows);
        const { appraisal, judged } = judgedSheet(grid, chosen);
        const expected = new Map<string, string>();
        for (const { kpi } of appraisal.rows) {
          kpi.cells.forEach((cell, index) => {
            const before = previousPeriodCell(kpi.cells, index);
            // As KPI.RATE(value, kpi, , previous) rates it.
            const { status } = rate(
              cell.value,
              kpi.definition,
              standardSet,
              cell.numberFormat,
              chosen,
              before && {
                period: before.period,
                value: before.value,
                numberFormat: before.numberFormat,
              }
            );
            if (isRagStatus(status)) expected.set(addressOf(cell), status);
          });
        }
        expect(judged).toEqual(expected);
      }),
      { seed: 2126, numRuns: 150 }
    );
    // 150 sheets through the formula judge: on a loaded two-core machine this passed 30 s once.
  }, 120_000);
});

describe("without a setting, nothing changes", () => {
  it("rates and plans a sheet alike with no scheme given and with the scheme a workbook without settings has", () => {
    fc.assert(
      fc.property(fc.array(kpiRow, { minLength: 1, maxLength: 4 }), (rows) => {
        const grid = gridOf(rows);
        const { scheme: chosen } = workbookSettings(undefined, undefined).settings;
        const before = appraise(grid);
        const after = appraise(grid, { scheme: chosen });
        expect(formattingPlan(after)).toEqual(formattingPlan(before));
        expect(reportOf(after)).toEqual(reportOf(before));
      }),
      { seed: 2127, numRuns: 100 }
    );
  });
});
