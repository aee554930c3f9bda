/**
 * Comparisons with a benchmark at the precision the sheet shows (PRODUCT.md, "Benchmarks"), on every row:
 * a suspended or context row, whose unit no threshold states, is compared in the unit and at the decimals
 * its cells' own number formats show, never at one decimal of the raw fraction ("1.0 vs 1.0"). Each
 * verdict is worked out by hand: Same means equal once both are rounded to the fewer decimals shown.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findTables, ragPalette, type CellValue, type Grid } from "../../src/core";
import { readDefinition } from "../../src/core/definition/read-definition";
import { compareWithBenchmark, type Comparison } from "../../src/core/rating/benchmarks";
import { roundTo } from "../../src/core/rating/shown-figures";
import { plannedWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";
import { eachRow } from "./each-row";

const header = ["Measure", "Polarity", "Target", "Tolerance", "2022/23", "2023/24", "England"];

/** One KPI row under the header, its period and England cells in the formats given. */
function sheet(row: CellValue[], formats: [string, string, string]): Grid {
  return {
    sheet: "KPIs",
    origin: { row: 0, column: 0 },
    values: [header, row],
    numberFormats: [
      header.map(() => "General"),
      ["General", "General", "General", "General", ...formats],
    ],
    merges: [],
  };
}

function comparisonOn(row: CellValue[], formats: [string, string, string]): Comparison {
  const [table] = plannedWithReport(findTables(sheet(row, formats))).tables;
  return table.rows[0].comparisons[0];
}

interface Case {
  name: string;
  row: CellValue[];
  formats: [string, string, string];
  expected: Partial<Comparison>;
}

describe("a row whose unit no threshold states, compared at the decimals its cells show", () => {
  eachRow(
    [
      {
        name: "a suspended Bigger is better row with 96% against England's 95%, both formatted 0%, is Better by 1 point",
        row: [
          "Assessments completed in 45 days",
          "Bigger is better",
          "Suspended",
          null,
          0.9,
          0.96,
          0.95,
        ],
        formats: ["0%", "0%", "0%"],
        expected: {
          figure: "96%",
          value: "95%",
          verdict: "Better",
          difference: "1 point",
          reason: "96% is better than England (95%) by 1 point",
        },
      },
      {
        name: "a suspended Smaller is better row with 96% against England's 95% is Worse by 1 point",
        row: [
          "Re-referrals within 12 months",
          "Smaller is better",
          "Suspended***",
          null,
          0.9,
          0.96,
          0.95,
        ],
        formats: ["0%", "0%", "0%"],
        expected: {
          figure: "96%",
          value: "95%",
          verdict: "Worse",
          reason: "96% is worse than England (95%) by 1 point",
        },
      },
      {
        name: "a context row formatted 0.0% shows 96.0% and 95.0%, with no verdict for want of a polarity",
        row: ["Children in need with a disability", null, null, null, 0.2, 0.96, 0.95],
        formats: ["0.0%", "0.0%", "0.0%"],
        expected: {
          figure: "96.0%",
          value: "95.0%",
          verdict: "No polarity",
          reason: "96.0% against England (95.0%): without a polarity neither is better",
        },
      },
      {
        name: "a row with a polarity and no target, formatted 0.0%, is Better by 0.1 points with 95.6% against 95.5%",
        row: ["Care leavers in touch", "Bigger is better", null, null, 0.9, 0.956, 0.955],
        formats: ["0.0%", "0.0%", "0.0%"],
        expected: {
          figure: "95.6%",
          value: "95.5%",
          verdict: "Better",
          difference: "0.1 points",
        },
      },
      {
        name: "95.61% against England's 95.6% shown to one decimal is Same: the fewer decimals shown decide",
        row: ["Care leavers in touch", "Bigger is better", "Suspended", null, 0.9, 0.9561, 0.956],
        formats: ["0.00%", "0.00%", "0.0%"],
        expected: { figure: "95.61%", value: "95.6%", verdict: "Same" },
      },
      {
        name: "a suspended count formatted 0, 12.4 against England's 12.3, is Same: both show 12",
        row: ["Children missing from care", "Smaller is better", "Suspended", null, 14, 12.4, 12.3],
        formats: ["0", "0", "0"],
        expected: {
          figure: "12",
          value: "12",
          verdict: "Same",
          reason: "12 is the same as England (12) at the precision the sheet shows",
        },
      },
      {
        name: "a suspended row whose figure is the text 96% is compared as 96% against England's 0.95 formatted 0%",
        row: [
          "Assessments completed in 45 days",
          "Bigger is better",
          "Suspended",
          null,
          "90%",
          "96%",
          0.95,
        ],
        formats: ["General", "General", "0%"],
        expected: { figure: "96%", value: "95%", verdict: "Better" },
      },
      {
        name: "a suspended row of whole numbers 90 and 96 against England's 95% is compared as 96% against 95%",
        row: [
          "Assessments completed in 45 days",
          "Bigger is better",
          "Suspended",
          null,
          90,
          96,
          "95%",
        ],
        formats: ["General", "General", "General"],
        expected: { figure: "96%", value: "95%", verdict: "Better", difference: "1 point" },
      },
    ] satisfies Case[],
    ({ name }) => name,
    ({ row, formats, expected }) => {
      expect(comparisonOn(row, formats)).toMatchObject(expected);
    }
  );

  it("says Check definition, never a verdict, for a suspended row that mixes 90% with a whole 96", () => {
    const comparison = comparisonOn(
      ["Assessments completed in 45 days", "Bigger is better", "Suspended", null, 0.9, 96, 0.95],
      ["0%", "General", "0%"]
    );
    expect(comparison.verdict).toBe("Check definition");
    expect(comparison.reason).toBe(
      "England cannot be compared: the period figures mix percentages (90%) with whole numbers (96): make them one kind"
    );
  });

  it("keeps a row's stated unit: a count beside England's 95% formatted as % is not turned into percentages", () => {
    const counted = readDefinition({
      polarity: "Smaller is better",
      target: "Suspended",
      tolerance: null,
      unit: "count",
    });
    const comparison = compareWithBenchmark(
      counted,
      [{ period: "2023/24", value: 12, numberFormat: "0" }],
      { benchmark: "England", year: "latest", value: 0.95, numberFormat: "0%" }
    );
    expect(comparison.figure).toBe("12");
  });
});

describe("a target written against England on a row whose unit no threshold states", () => {
  const values: CellValue[][] = [
    header,
    [
      "Assessments completed in 45 days",
      "Bigger is better",
      "Better than England",
      null,
      0.94,
      0.96,
      0.95,
    ],
  ];
  const grid: Grid = {
    sheet: "KPIs",
    origin: { row: 0, column: 0 },
    values,
    numberFormats: [
      header.map(() => "General"),
      ["General", "General", "General", "General", "0%", "0%", "0%"],
    ],
    merges: [],
  };
  const plan = plannedWithReport(findTables(grid));

  it("rates 96% against England's 95%, both shown 0%, Green, and 94% Red, saying each in percentages", () => {
    expect(plan.tables[0].rows[0].cells.map((cell) => [cell.status, cell.reason])).toEqual([
      ["Red", "94% misses the target Better than England: England is 95%, 1 point apart"],
      ["Green", "96% meets the target Better than England: England is 95%, 1 point apart"],
    ]);
  });

  it("paints what the report says, judged by HyperFormula", () => {
    const painted = paintedCells(values, plan.rules);
    expect([painted.get("E2"), painted.get("F2")]).toEqual([
      ragPalette.Red.fill,
      ragPalette.Green.fill,
    ]);
  });
});

describe("properties", () => {
  const formats = ["0%", "0.0%", "0.00%"];
  const fraction = fc
    .integer({ min: 0, max: 10_000 })
    .map((tenThousandths) => tenThousandths / 10_000);

  it("compares a suspended row whose unit nothing states exactly as the same row stated in %", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("Bigger is better", "Smaller is better", null),
        fraction,
        fraction,
        fc.constantFrom(...formats),
        fc.constantFrom(...formats),
        (polarity, figure, england, figureFormat, englandFormat) => {
          const figures = [{ period: "2023/24", value: figure, numberFormat: figureFormat }];
          const benchmark = {
            benchmark: "England",
            year: "latest",
            value: england,
            numberFormat: englandFormat,
          };
          const row = { polarity, target: "Suspended", tolerance: null };
          expect(compareWithBenchmark(readDefinition(row), figures, benchmark)).toEqual(
            compareWithBenchmark(readDefinition({ ...row, unit: "%" }), figures, benchmark)
          );
        }
      ),
      { numRuns: 300, seed: 6 }
    );
  });

  it("says Same on a suspended row exactly when both figures are equal at the fewer decimals their formats show", () => {
    fc.assert(
      fc.property(
        fraction,
        fraction,
        fc.nat(2),
        fc.nat(2),
        (figure, england, figurePlaces, englandPlaces) => {
          const format = (places: number): string =>
            places === 0 ? "0%" : `0.${"0".repeat(places)}%`;
          const comparison = compareWithBenchmark(
            readDefinition({ polarity: "Bigger is better", target: "Suspended", tolerance: null }),
            [{ period: "2023/24", value: figure, numberFormat: format(figurePlaces) }],
            {
              benchmark: "England",
              year: "latest",
              value: england,
              numberFormat: format(englandPlaces),
            }
          );
          // Percentages at p places are fractions at p + 2.
          const places = Math.min(figurePlaces, englandPlaces) + 2;
          const same = roundTo(figure, places) === roundTo(england, places);
          expect(comparison.verdict === "Same", `${figure} against ${england}`).toBe(same);
        }
      ),
      { numRuns: 300, seed: 6 }
    );
  });
});
