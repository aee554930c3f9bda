/**
 * Under Blue for exceeding with a Stretch column, a figure's rating as KPI.RAG gives it (the row's polarity,
 * target, tolerance and stretch written into the formula) and the colour the formula judge paints agree,
 * for random figures and definitions, stretches short of the target and unreadable ones among them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isRagStatus, standardSet, type CellValue, type Scheme } from "../../src/core";
import { readDefinition } from "../../src/core/definition/read-definition";
import { rate } from "../../src/core/rating/rate";
import { addressOf, judgedSheet, percentGrid } from "./judged-sheet";

const percent = fc.integer({ min: 0, max: 100 });
const figure: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: percent.map((points) => `${points}%`) },
  { weight: 2, arbitrary: percent.map((points) => points / 100) },
  { weight: 1, arbitrary: fc.constantFrom(null, "n/a") }
);

const kpiRow: fc.Arbitrary<CellValue[]> = fc
  .record({
    polarity: fc.constantFrom("Bigger is better", "Smaller is better"),
    target: percent,
    tolerance: fc.oneof(
      percent.map((points) => `${points}%`),
      fc.constant(null)
    ),
    figures: fc.array(figure, { minLength: 3, maxLength: 3 }),
    stretch: fc.oneof(
      { weight: 5, arbitrary: percent.map((points) => `${points}%`) },
      { weight: 2, arbitrary: percent.map((points) => points / 100) },
      { weight: 1, arbitrary: percent.map((points) => `Above ${points}%`) },
      { weight: 1, arbitrary: fc.constantFrom(null, "-", "TBC", "high") }
    ),
  })
  .map(({ polarity, target, tolerance, figures, stretch }) => [
    "Measure",
    polarity,
    `${target}%`,
    tolerance,
    ...figures,
    stretch,
  ]);

const blue: fc.Arbitrary<Scheme> = fc.oneof(
  fc.constant<Scheme>({ kind: "blue for exceeding" }),
  fc.integer({ min: 1, max: 20 }).map((points): Scheme => ({
    kind: "blue for exceeding",
    stretch: { value: points / 100, relative: true },
  }))
);

const header = [
  "Measure",
  "Polarity",
  "Target",
  "Tolerance",
  "2021/22",
  "2022/23",
  "2023/24",
  "Stretch",
];

describe("under Blue for exceeding with a Stretch column, the rating and the colour agree", () => {
  it("paints each cell the status KPI.RAG gives it with the row's stretch, and no cell without a colour status", () => {
    fc.assert(
      fc.property(fc.array(kpiRow, { minLength: 1, maxLength: 4 }), blue, (rows, scheme) => {
        const grid = percentGrid("Stretch", header, rows);
        const { appraisal, judged } = judgedSheet(grid, scheme);
        const expected = new Map<string, string>();
        for (const { kpi } of appraisal.rows) {
          const [, polarity, target, tolerance, , , , stretch] = grid.values[kpi.row];
          // As KPI.RAG(value, target, tolerance, polarity, , stretch) reads it: the stretch as a plain value.
          const definition = readDefinition({
            polarity,
            target,
            tolerance,
            ...(stretch === null ? {} : { stretch }),
          });
          for (const cell of kpi.cells) {
            const { status } = rate(cell.value, definition, standardSet, cell.numberFormat, scheme);
            if (isRagStatus(status)) expected.set(addressOf(cell), status);
          }
        }
        expect(judged).toEqual(expected);
      }),
      { seed: 2131, numRuns: 60 }
    );
  });
});
