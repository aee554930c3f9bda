/**
 * Targets written against a benchmark (`Above Stat Neighbour Average`, `In line with England`), rated
 * against that benchmark's figure on the same row; statuses worked out by hand. HyperFormula judges that
 * the rules' plain Excel conditions paint what the core says, and follow an edited benchmark cell.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue, Status } from "../../src/core";
import {
  readBenchmarkTarget,
  readBenchmarkTolerance,
} from "../../src/core/definition/benchmark-target";
import {
  withScale,
  type Definition,
  type DefinitionWording,
} from "../../src/core/definition/definition";
import { readDefinition } from "../../src/core/definition/read-definition";
import { benchmarkCellConditions } from "../../src/core/plan/benchmark-conditions";
import { ruleMarker } from "../../src/core/plan/own-rule";
import type { BenchmarkCell } from "../../src/core/rating/benchmark-names";
import { benchmarkForPeriod, rateAgainstBenchmark } from "../../src/core/rating/benchmark-rating";
import { benchmarkStanding, type BenchmarkStanding } from "../../src/core/rating/benchmark-target";
import { paintedCells } from "../support/rule-engine";
import { eachRow } from "./each-row";

describe("reading a target written against a benchmark", () => {
  eachRow(
    [
      { target: "Above Stat Neighbour Average", relation: "above", kind: "Statistical neighbours" },
      { target: "In line with England", relation: "in line with", kind: "England" },
      { target: "At or below regional average", relation: "at or below", kind: "Region" },
      { target: "At or above national", relation: "at or above", kind: "England" },
      {
        target: "Better than statistical neighbours",
        relation: "better than",
        kind: "Statistical neighbours",
      },
      { target: "Below SN mean", relation: "below", kind: "Statistical neighbours" },
      { target: "No worse than the England average", relation: "no worse than", kind: "England" },
      { target: "in line with  Region", relation: "in line with", kind: "Region" },
      // A threshold's comparisons in words name a benchmark as they name a figure.
      {
        target: "No less than statistical neighbours",
        relation: "at or above",
        kind: "Statistical neighbours",
      },
      { target: "At least the England average", relation: "at or above", kind: "England" },
      { target: "Not more than regional", relation: "at or below", kind: "Region" },
      {
        target: "Fewer than our statistical neighbours",
        relation: "below",
        kind: "Statistical neighbours",
      },
      { target: "Higher than national rate", relation: "above", kind: "England" },
      { target: "Over SN", relation: "above", kind: "Statistical neighbours" },
      { target: "England average or above", relation: "at or above", kind: "England" },
      { target: "Minimum of national", relation: "at or above", kind: "England" },
    ] as const,
    ({ target, relation, kind }) => `reads "${target}" as ${relation} ${kind}`,
    ({ target, relation, kind }) => {
      expect(readBenchmarkTarget(target)).toMatchObject({ ok: true, value: { relation, kind } });
    }
  );

  it("says a target of Worse than England aims the wrong way, rather than rating it", () => {
    expect(readBenchmarkTarget("Worse than England")).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/No worse than/),
    });
  });

  it("leaves targets that name no benchmark to the ordinary reader: 90%, Above 90%, Above average", () => {
    expect(readBenchmarkTarget("90%")).toBeNull();
    expect(readBenchmarkTarget("Above 90%")).toBeNull();
    expect(readBenchmarkTarget("Above average")).toBeNull();
    expect(readBenchmarkTarget("At least 85")).toBeNull();
    expect(readBenchmarkTarget("No less than the target")).toBeNull();
    expect(readBenchmarkTarget(0.9)).toBeNull();
  });

  eachRow(
    [
      { tolerance: "within 2 points", unit: "percent", read: { kind: "margin", value: 0.02 } },
      { tolerance: "±2pp", unit: "percent", read: { kind: "margin", value: 0.02 } },
      { tolerance: "2 percentage points", unit: "percent", read: { kind: "margin", value: 0.02 } },
      { tolerance: "within 5%", unit: "percent", read: { kind: "share", share: 0.05 } },
      { tolerance: "within 10 days", unit: "days", read: { kind: "margin", value: 10 } },
      { tolerance: 2, unit: "percent", read: { kind: "margin", value: 0.02 } },
      { tolerance: "-", unit: "percent", read: { kind: "none" } },
      { tolerance: "Suspend", unit: "percent", read: { kind: "suspended" } },
    ] as const,
    ({ tolerance, unit, read }) =>
      `reads the tolerance ${tolerance} (${unit}) as ${JSON.stringify(read)}`,
    ({ tolerance, unit, read }) => {
      expect(readBenchmarkTolerance(tolerance, unit)).toEqual({ ok: true, value: read });
    }
  );

  it("will not guess whether a bare 19% beside a benchmark target is a floor or a margin", () => {
    expect(readBenchmarkTolerance("19%", "percent")).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/within 19%/),
    });
  });

  it("refuses points for a measure in days", () => {
    expect(readBenchmarkTolerance("2 points", "days")).toMatchObject({ ok: false });
  });
});

const row = (
  wording: Partial<DefinitionWording>,
  scale: "fraction" | "whole" = "fraction"
): Definition =>
  withScale(
    readDefinition({
      measure: "% of care leavers in education, employment or training",
      polarity: "Bigger is better",
      target: null,
      tolerance: null,
      ...wording,
    }),
    scale
  );

const rated = (definition: Definition): BenchmarkStanding => {
  const standing = benchmarkStanding(definition);
  if (!standing) throw new Error("not a benchmark target");
  return standing;
};

const sn = (value: CellValue, numberFormat = "0.0%"): BenchmarkCell => ({
  benchmark: "Statistical neighbours",
  kind: "Statistical neighbours",
  year: "latest",
  value,
  numberFormat,
});
const englandCell = (value: CellValue, numberFormat = "0.0%"): BenchmarkCell => ({
  benchmark: "England",
  kind: "England",
  year: "latest",
  value,
  numberFormat,
});

describe("rating against the benchmark on the same row", () => {
  const aboveSn = row({
    measure: "% of care leavers in education, employment or training",
    target: "Above Stat Neighbour Average",
    tolerance: "within 2 points",
  });
  const inLine = row({
    measure: "% of children in care with up-to-date health assessments",
    polarity: null,
    target: "In line with England",
  });
  const inLineWithin = row({
    measure: "% of children in care with up-to-date health assessments",
    polarity: null,
    target: "In line with England",
    tolerance: "within 1 point",
  });
  const inLineSmaller = row({
    measure: "% of re-referrals within 12 months",
    polarity: "Smaller is better",
    target: "In line with England",
  });
  const belowRegionWhole = row(
    {
      measure: "% of children in care with 3 or more placements",
      polarity: "Smaller is better",
      target: "At or below regional average",
    },
    "whole"
  );
  const betterSmaller = row({
    measure: "% of re-referrals within 12 months",
    polarity: "Smaller is better",
    target: "Better than England",
  });

  eachRow(
    [
      {
        name: "28.1% is Green above the statistical neighbours' 27.0%",
        definition: aboveSn,
        value: 0.281,
        benchmark: sn(0.27),
        status: "Green",
      },
      {
        name: "27.0% is Amber: not above the statistical neighbours' 27.0%, but within 2 points",
        definition: aboveSn,
        value: 0.27,
        benchmark: sn(0.27),
        status: "Amber",
      },
      {
        name: "25.0% is Amber: 2 points below 27.0%, within 2 points inclusive",
        definition: aboveSn,
        value: 0.25,
        benchmark: sn(0.27),
        status: "Amber",
      },
      {
        name: "24.9% is Red: 2.1 points below 27.0%",
        definition: aboveSn,
        value: 0.249,
        benchmark: sn(0.27),
        status: "Red",
      },
      {
        name: "27.04% shown as 27.0% is Amber beside 27.0%: not above at the precision shown",
        definition: aboveSn,
        value: 0.2704,
        benchmark: sn(0.27),
        status: "Amber",
      },
      {
        name: "21.6% is Green in line with England's 21.6%",
        definition: inLine,
        value: 0.216,
        benchmark: englandCell(0.216),
        status: "Green",
      },
      {
        name: "21.7% is Red beside England's 21.6% with no tolerance",
        definition: inLine,
        value: 0.217,
        benchmark: englandCell(0.216),
        status: "Red",
      },
      {
        name: "22% shown whole is Green in line with England's 21.6%: the same at the fewer decimals shown",
        definition: inLine,
        value: 0.22,
        benchmark: englandCell(0.216),
        status: "Green",
        numberFormat: "0%",
      },
      {
        name: "20.0% is Green in line with England's 21.6% when smaller is better: met from the better side",
        definition: inLineSmaller,
        value: 0.2,
        benchmark: englandCell(0.216),
        status: "Green",
      },
      {
        name: "22.0% is Red beside England's 21.6% when smaller is better, with no tolerance",
        definition: inLineSmaller,
        value: 0.22,
        benchmark: englandCell(0.216),
        status: "Red",
      },
      {
        name: "22.6% is Amber within 1 point of England's 21.6%",
        definition: inLineWithin,
        value: 0.226,
        benchmark: englandCell(0.216),
        status: "Amber",
      },
      {
        name: "20.5% is Red, 1.1 points from England's 21.6%",
        definition: inLineWithin,
        value: 0.205,
        benchmark: englandCell(0.216),
        status: "Red",
      },
      {
        name: "a whole-number 15 is Green at or below the region's 15",
        definition: belowRegionWhole,
        value: 15,
        benchmark: {
          benchmark: "North East",
          kind: "Region",
          year: "latest",
          value: 15,
          numberFormat: "General",
        },
        status: "Green",
      },
      {
        name: "a whole-number 16 is Red above the region's 15",
        definition: belowRegionWhole,
        value: 16,
        benchmark: {
          benchmark: "North East",
          kind: "Region",
          year: "latest",
          value: 15,
          numberFormat: "General",
        },
        status: "Red",
      },
      {
        name: "a whole-number 14 is Green beside the region's 15.0% kept as a fraction formatted %",
        definition: belowRegionWhole,
        value: 14,
        benchmark: {
          benchmark: "Region",
          kind: "Region",
          year: "latest",
          value: 0.15,
          numberFormat: "0.0%",
        },
        status: "Green",
      },
      {
        name: "20.0% is Green better than England's 21.6% where smaller is better",
        definition: betterSmaller,
        value: 0.2,
        benchmark: englandCell(0.216),
        status: "Green",
      },
      {
        name: "21.6% is Red: the same as England is not better than it",
        definition: betterSmaller,
        value: 0.216,
        benchmark: englandCell(0.216),
        status: "Red",
      },
      {
        // PRODUCT.md: "with no such figure on the sheet it is Check definition".
        name: "a suppressed statistical-neighbour figure (c) leaves the target no figure: Check definition",
        definition: aboveSn,
        value: 0.281,
        benchmark: sn("c", "General"),
        status: "Check definition",
      },
      {
        name: "a blank figure is No data",
        definition: aboveSn,
        value: null,
        benchmark: sn(0.27),
        status: "No data",
      },
    ] satisfies Array<{
      name: string;
      definition: Definition;
      value: CellValue;
      benchmark: BenchmarkCell;
      status: Status;
      numberFormat?: string;
    }>,
    (testRow) => `rates ${testRow.name}`,
    ({ definition, value, benchmark, status, numberFormat }) => {
      const rating = rateAgainstBenchmark(
        {
          period: "2022/23",
          value,
          numberFormat: numberFormat ?? (definition.scale === "whole" ? "General" : "0.0%"),
        },
        rated(definition),
        benchmark,
        definition
      );
      expect(rating.status, rating.reason).toBe(status);
    }
  );

  it("says why in one sentence: the figure, the target as written, the benchmark and the gap", () => {
    const rating = rateAgainstBenchmark(
      { period: "2022/23", value: 0.259, numberFormat: "0.0%" },
      rated(aboveSn),
      sn(0.27),
      aboveSn
    );
    expect(rating).toEqual({
      status: "Amber",
      kind: "benchmark",
      reason:
        "25.9% misses the target Above Stat Neighbour Average: Statistical neighbours is 27.0%, 1.1 points apart (Amber within 2 points)",
    });
  });

  it("is Check definition, in words, when the sheet has no statistical-neighbour column", () => {
    const rating = rateAgainstBenchmark(
      { period: "2022/23", value: 0.281, numberFormat: "0.0%" },
      rated(aboveSn),
      undefined,
      aboveSn
    );
    expect(rating).toEqual({
      status: "Check definition",
      kind: "definition",
      reason: "The target refers to the statistical-neighbour average, which is not on this sheet",
    });
  });

  it("is Check definition when the polarity says the opposite of the target (Above England, Smaller is better)", () => {
    const standing = benchmarkStanding(
      row({ polarity: "Smaller is better", target: "Above England" })
    );
    expect(standing).toEqual({
      kind: "check",
      problem: "the target says Above England but the polarity says smaller is better",
    });
  });

  it("is Check definition for Better than England without a polarity to say which side is better", () => {
    expect(benchmarkStanding(row({ polarity: null, target: "Better than England" }))).toMatchObject(
      { kind: "check" }
    );
  });

  it("is not a benchmark target when the target is a figure", () => {
    expect(benchmarkStanding(row({ target: "90%" }))).toBeNull();
  });

  it("uses the Covid-19 tolerance when that set is chosen, and Suspend suspends", () => {
    const definition = row({
      target: "Above England",
      tolerance: "within 2 points",
      otherTolerances: { "Covid19 Tolerance": "Suspend" },
    });
    expect(benchmarkStanding(definition, "Covid19")).toMatchObject({ kind: "suspended" });
    expect(benchmarkStanding(definition)).toMatchObject({
      kind: "rated",
      tolerance: { kind: "margin", value: 0.02 },
    });
  });
});

describe("the benchmark a period is rated against", () => {
  const benchmarks: BenchmarkCell[] = [
    { benchmark: "England", kind: "England", year: "2020/21", value: 0.21 },
    { benchmark: "England", kind: "England", year: "2021/22", value: 0.22 },
    { benchmark: "North East", kind: "Region", year: "latest", value: 0.25 },
  ];

  it("is England 2021/22 for the period 2021/22", () => {
    expect(benchmarkForPeriod("2021/22", { kind: "England" }, benchmarks)?.year).toBe("2021/22");
  });

  it("is the most recent England figure (2021/22) for 2022/23, which has none of its own", () => {
    expect(benchmarkForPeriod("2022/23", { kind: "England" }, benchmarks)?.year).toBe("2021/22");
  });

  it("is the region's figure whatever the period, and nothing for statistical neighbours", () => {
    expect(benchmarkForPeriod("Q1", { kind: "Region" }, benchmarks)?.benchmark).toBe("North East");
    expect(
      benchmarkForPeriod("2021/22", { kind: "Statistical neighbours" }, benchmarks)
    ).toBeUndefined();
  });
});

/** A one-row sheet: figures in B2:D2, the benchmark in E2; rules as the plan writes them, judged by HyperFormula. */
function paint(
  definition: Definition,
  figures: CellValue[],
  figureFormat: string,
  benchmark: BenchmarkCell
): Array<string | undefined> {
  const standing = rated(definition);
  if (standing.kind !== "rated") throw new Error("not rated");
  const values: CellValue[][] = [
    ["Measure", "2020/21", "2021/22", "2022/23", "SN"],
    ["KPI", ...figures, benchmark.value],
  ];
  const rules = figures.flatMap((value, index) => {
    const anchor = `${"BCD"[index]}2`;
    return benchmarkCellConditions(
      { period: "", value, numberFormat: figureFormat },
      benchmark,
      standing,
      definition
    ).map(({ status, condition }) => ({
      formula: `=AND(${ruleMarker},${anchor}<>"",NOT(ISLOGICAL(${anchor})),$E2<>"",NOT(ISLOGICAL($E2)),${condition.replace(/X/g, `--${anchor}`).replace(/Y/g, "--$E2")})`,
      appliesTo: [anchor],
      fill: status,
    }));
  });
  const painted = paintedCells(values, rules);
  return ["B2", "C2", "D2"].map((address) => painted.get(address));
}

describe("the rules' plain Excel conditions, judged by HyperFormula", () => {
  const aboveSn = row({ target: "Above Stat Neighbour Average", tolerance: "within 2 points" });

  it("paints 28.1%, 26.0% and 24.0% Green, Amber and Red against statistical neighbours at 27.0%", () => {
    expect(paint(aboveSn, [0.281, 0.26, 0.24], "0.0%", sn(0.27))).toEqual([
      "Green",
      "Amber",
      "Red",
    ]);
  });

  it("repaints when the statistical-neighbour figure is edited to 24.5%: 28.1% and 26.0% Green, 24.0% Amber", () => {
    // The rules are the ones written for 27.0%; only the benchmark cell changes.
    const standing = rated(aboveSn);
    if (standing.kind !== "rated") throw new Error("not rated");
    const written = benchmarkCellConditions(
      { period: "", value: 0.24, numberFormat: "0.0%" },
      sn(0.27),
      standing,
      aboveSn
    );
    const rules = ["B2", "C2", "D2"].flatMap((anchor) =>
      written.map(({ status, condition }) => ({
        formula: `=AND(${ruleMarker},${anchor}<>"",$E2<>"",${condition.replace(/X/g, `--${anchor}`).replace(/Y/g, "--$E2")})`,
        appliesTo: [anchor],
        fill: status,
      }))
    );
    const paintWith = (benchmark: CellValue): Array<string | undefined> => {
      const painted = paintedCells(
        [
          ["Measure", "2020/21", "2021/22", "2022/23", "SN"],
          ["KPI", 0.281, 0.26, 0.24, benchmark],
        ],
        rules
      );
      return ["B2", "C2", "D2"].map((address) => painted.get(address));
    };
    expect(paintWith(0.27)).toEqual(["Green", "Amber", "Red"]);
    expect(paintWith(0.245)).toEqual(["Green", "Green", "Amber"]);
    expect(paintWith(null), "a blank benchmark paints nothing").toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(paintWith("c"), "a suppressed benchmark paints nothing").toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("paints whole-number percentages against a benchmark kept as a % fraction, 100 times over", () => {
    const definition = row(
      {
        polarity: "Smaller is better",
        target: "At or below regional average",
        tolerance: "within 2 points",
      },
      "whole"
    );
    const region: BenchmarkCell = {
      benchmark: "Region",
      kind: "Region",
      year: "latest",
      value: 0.15,
      numberFormat: "0%",
    };
    expect(paint(definition, [14, 17, 18], "General", region)).toEqual(["Green", "Amber", "Red"]);
  });

  it("agrees with the core for any figures and benchmark to one decimal, for every wording", () => {
    const wordings = fc.constantFrom(
      row({ target: "Above Stat Neighbour Average", tolerance: "within 2 points" }),
      row({ polarity: null, target: "In line with SN", tolerance: "within 1 point" }),
      row({ polarity: "Smaller is better", target: "At or below SN" }),
      row({ polarity: "Smaller is better", target: "Better than SN", tolerance: "within 5%" })
    );
    const tenths = fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 1000);
    fc.assert(
      fc.property(
        wordings,
        fc.array(tenths, { minLength: 3, maxLength: 3 }),
        tenths,
        fc.constantFrom("0.0%", "0%"),
        (definition, figures, benchmark, figureFormat) => {
          const cell = sn(benchmark);
          const expected = figures.map((value) => {
            const { status } = rateAgainstBenchmark(
              { period: "", value, numberFormat: figureFormat },
              rated(definition),
              cell,
              definition
            );
            return status === "Green" || status === "Amber" || status === "Red"
              ? status
              : undefined;
          });
          expect(paint(definition, figures, figureFormat, cell)).toEqual(expected);
        }
      ),
      { numRuns: 40 }
    );
    // Each run builds a HyperFormula engine: room for a machine that is busy with other work.
  }, 30_000);
});
