/**
 * Comparisons with England, the region and statistical neighbours, worked out by hand: the latest figure
 * (or the period the benchmark's year names) against the benchmark, polarity-aware, `Same` at the
 * precision the sheet shows, the difference in the row's unit and one sentence.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeComparison, type CellValue } from "../../src/core";
import { withScale, type Definition } from "../../src/core/definition/definition";
import { readDefinition } from "../../src/core/definition/read-definition";
import {
  yearKey,
  type BenchmarkCell,
  type FigureCell,
} from "../../src/core/rating/benchmark-names";
import {
  compareWithBenchmark,
  verdictOf,
  type Verdict,
  verdicts,
} from "../../src/core/rating/benchmarks";
import { roundTo, shownDecimals } from "../../src/core/rating/shown-figures";
import { eachRow } from "./each-row";

const reReferrals = withScale(
  readDefinition({
    measure: "% of referrals that are re-referrals within 12 months",
    polarity: "Smaller is better",
    target: "22%",
    tolerance: "25%",
  }),
  "fraction"
);
const assessments = withScale(
  readDefinition({
    measure: "% of assessments completed within 45 working days",
    polarity: "Bigger is better",
    target: "85%",
    tolerance: "80%",
  }),
  "fraction"
);
const wholeCarers = withScale(
  readDefinition({
    measure: "% of children in care placed with in-house foster carers",
    polarity: "Bigger is better",
    target: 60,
    tolerance: 55,
  }),
  "whole"
);
const adoptionDays = readDefinition({
  measure: "Average time between entering care and moving in with an adoptive family (days)",
  polarity: "Smaller is better",
  target: "426 days",
  tolerance: "480 days",
});
const earlyHelpRate = readDefinition({
  measure: "Rate of Early Help open cases per 10,000 under-18 population",
  polarity: "Bigger is better",
  target: 300,
  tolerance: 280,
  unit: "rate",
});
const contextMeasure = withScale(
  readDefinition({
    measure: "% of children in need with a disability",
    polarity: null,
    target: null,
    tolerance: null,
  }),
  "fraction"
);
// The tolerance sits on the better side of the target: Check definition, but Smaller is better still reads.
const contradictory = withScale(
  readDefinition({
    measure: "% of children subject to a second child protection plan",
    polarity: "Smaller is better",
    target: "18%",
    tolerance: "15%",
  }),
  "fraction"
);

const years = (...values: Array<[CellValue, string?]>): FigureCell[] =>
  values.map(([value, numberFormat], index) => ({
    period: ["2019/20", "2020/21", "2021/22", "2022/23"][index],
    value,
    numberFormat: numberFormat ?? "General",
  }));

const england = (value: CellValue, numberFormat = "General", year = "latest"): BenchmarkCell => ({
  benchmark: "England",
  year,
  value,
  numberFormat,
});

describe("comparing the latest figure with a benchmark", () => {
  interface Case {
    name: string;
    definition: Definition;
    figures: FigureCell[];
    benchmark: BenchmarkCell;
    verdict: Verdict;
    figure: string;
    value: string;
    difference: string;
    reason: string;
  }
  eachRow(
    [
      {
        name: "26.2% re-referrals (Smaller is better) is Worse than England's 21.6% by 4.6 points",
        definition: reReferrals,
        figures: years([0.241, "0.0%"], [0.262, "0.0%"]),
        benchmark: england(0.216, "0.0%"),
        verdict: "Worse",
        figure: "26.2%",
        value: "21.6%",
        difference: "4.6 points",
        reason: "26.2% is worse than England (21.6%) by 4.6 points",
      },
      {
        name: "84.5% of assessments in time (Bigger is better) is Better than statistical neighbours' 82.4% by 2.1 points",
        definition: assessments,
        figures: years([0.812, "0.0%"], [0.845, "0.0%"]),
        benchmark: {
          benchmark: "Statistical neighbours",
          year: "latest",
          value: 0.824,
          numberFormat: "0.0%",
        },
        verdict: "Better",
        figure: "84.5%",
        value: "82.4%",
        difference: "2.1 points",
        reason: "84.5% is better than Statistical neighbours (82.4%) by 2.1 points",
      },
      {
        name: "a whole-number 22% against England's 21.6% is Same: the sheet shows the figure without decimals",
        definition: withScale(
          readDefinition({
            measure: "% of re-referrals",
            polarity: "Smaller is better",
            target: 22,
            tolerance: 25,
          }),
          "whole"
        ),
        figures: years([24], [22]),
        benchmark: england(21.6),
        verdict: "Same",
        figure: "22%",
        value: "21.6%",
        difference: "0 points",
        reason: "22% is the same as England (21.6%) at the precision the sheet shows",
      },
      {
        name: "58% placed in-house against the North East's 61% (Bigger is better, whole numbers) is Worse by 3 points",
        definition: wholeCarers,
        figures: years([57], [58]),
        benchmark: { benchmark: "North East", year: "latest", value: 61 },
        verdict: "Worse",
        figure: "58%",
        value: "61%",
        difference: "3 points",
        reason: "58% is worse than North East (61%) by 3 points",
      },
      {
        name: "486 days to adoption against England's 448 (Smaller is better) is Worse by 38 days",
        definition: adoptionDays,
        figures: years([501], [486]),
        benchmark: england(448),
        verdict: "Worse",
        figure: "486 days",
        value: "448 days",
        difference: "38 days",
        reason: "486 days is worse than England (448 days) by 38 days",
      },
      {
        name: "an Early Help rate of 312.4 against England's 300 (Bigger is better) is Better by 12.4 per 10,000",
        definition: earlyHelpRate,
        figures: years([298.1], [312.4]),
        benchmark: england(300),
        verdict: "Better",
        figure: "312.4",
        value: "300",
        difference: "12.4 per 10,000",
        reason: "312.4 is better than England (300) by 12.4 per 10,000",
      },
      {
        name: "26% shown without decimals against England's 25.8% is Same: both are 26% at the fewer decimals shown",
        definition: reReferrals,
        figures: years([0.262, "0%"]),
        benchmark: england(0.258, "0.0%"),
        verdict: "Same",
        figure: "26%",
        value: "25.8%",
        difference: "0 points",
        reason: "26% is the same as England (25.8%) at the precision the sheet shows",
      },
      {
        name: "26.15% shown to one decimal is 26.2% (rounded half away from zero, as Excel shows it) and Same as England's 26.2%",
        definition: reReferrals,
        figures: years([0.2615, "0.0%"]),
        benchmark: england(0.262, "0.0%"),
        verdict: "Same",
        figure: "26.2%",
        value: "26.2%",
        difference: "0 points",
        reason: "26.2% is the same as England (26.2%) at the precision the sheet shows",
      },
      {
        name: "a row with no polarity shows both figures and no verdict",
        definition: contextMeasure,
        figures: years([0.131, "0.0%"], [0.128, "0.0%"]),
        benchmark: england(0.132, "0.0%"),
        verdict: "No polarity",
        figure: "12.8%",
        value: "13.2%",
        difference: "",
        reason: "12.8% against England (13.2%): without a polarity neither is better",
      },
      {
        name: "a Check definition row whose polarity still reads (Smaller is better) is compared as usual",
        definition: contradictory,
        figures: years([0.198, "0.0%"], [0.204, "0.0%"]),
        benchmark: england(0.22, "0.0%"),
        verdict: "Better",
        figure: "20.4%",
        value: "22.0%",
        difference: "1.6 points",
        reason: "20.4% is better than England (22.0%) by 1.6 points",
      },
      {
        name: "the latest figure is the last period that has one: a blank 2022/23 leaves 2021/22's 23.9% to compare",
        definition: reReferrals,
        figures: years([0.25, "0.0%"], [0.247, "0.0%"], [0.239, "0.0%"], [null, "0.0%"]),
        benchmark: england(0.216, "0.0%"),
        verdict: "Worse",
        figure: "23.9%",
        value: "21.6%",
        difference: "2.3 points",
        reason: "23.9% is worse than England (21.6%) by 2.3 points",
      },
      {
        name: "a blank England figure is No data",
        definition: reReferrals,
        figures: years([0.262, "0.0%"]),
        benchmark: england(null),
        verdict: "No data",
        figure: "26.2%",
        value: "",
        difference: "",
        reason: "England has no figure: the cell is blank",
      },
      {
        name: "England's N/A is No data",
        definition: reReferrals,
        figures: years([0.262, "0.0%"]),
        benchmark: england("N/A"),
        verdict: "No data",
        figure: "26.2%",
        value: "N/A",
        difference: "",
        reason: 'England has no figure: "N/A" means no figure for this period',
      },
      {
        name: "a bare 21.6 beside figures kept as fractions formatted as % is Check definition, never 2160%",
        definition: reReferrals,
        figures: years([0.262, "0.0%"]),
        benchmark: england(21.6),
        verdict: "Check definition",
        figure: "26.2%",
        value: "21.6",
        difference: "",
        reason:
          "England cannot be compared: 21.6 is a whole number but the row keeps its percentages as fractions formatted as %: format the benchmark as % too",
      },
      {
        name: "a row with no figure in any period is No data",
        definition: reReferrals,
        figures: years([null], ["Not Available"]),
        benchmark: england(0.216, "0.0%"),
        verdict: "No data",
        figure: "",
        value: "0.216",
        difference: "",
        reason: "no period has a figure to compare",
      },
    ] satisfies Case[],
    (row) => row.name,
    ({ definition, figures, benchmark, verdict, figure, value, difference, reason }) => {
      const comparison = compareWithBenchmark(definition, figures, benchmark);
      expect(comparison).toMatchObject({
        benchmark: benchmark.benchmark,
        year: benchmark.year,
        verdict,
        figure,
        value,
        difference,
        reason,
      });
    }
  );
});

describe("an In range is better KPI (10%-20%) against a benchmark", () => {
  const inRange = withScale(
    readDefinition({
      measure: "% of children in need reviewed within 6 months",
      polarity: "In range is better",
      target: "10%-20%",
      tolerance: "5%-25%",
    }),
    "fraction"
  );
  eachRow(
    [
      {
        figure: 0.15,
        benchmark: 0.25,
        verdict: "Better",
        why: "inside the range against 5 points outside it",
      },
      {
        figure: 0.08,
        benchmark: 0.23,
        verdict: "Better",
        why: "2 points below the range against 3 points above it",
      },
      {
        figure: 0.24,
        benchmark: 0.19,
        verdict: "Worse",
        why: "4 points above the range against inside it",
      },
      { figure: 0.15, benchmark: 0.12, verdict: "Neither better", why: "both inside the range" },
      {
        figure: 0.08,
        benchmark: 0.22,
        verdict: "Neither better",
        why: "both 2 points outside the range",
      },
      { figure: 0.15, benchmark: 0.15, verdict: "Same", why: "the same figure" },
    ] as const,
    ({ figure, benchmark, verdict, why }) =>
      `says ${verdict} for ${figure * 100}% against ${benchmark * 100}%: ${why}`,
    ({ figure, benchmark, verdict }) => {
      expect(
        compareWithBenchmark(inRange, years([figure, "0%"]), england(benchmark, "0%")).verdict
      ).toBe(verdict);
    }
  );
});

describe("a comparison as one line in words, as the pane and kpi-rag say it", () => {
  eachRow(
    [
      {
        definition: reReferrals,
        figure: 0.262,
        benchmark: england(0.216, "0.0%"),
        line: "Worse than England: 26.2% against 21.6%",
      },
      {
        definition: assessments,
        figure: 0.845,
        benchmark: england(0.824, "0.0%", "2022/23"),
        line: "Better than England 2022/23: 84.5% against 82.4%",
      },
      {
        definition: reReferrals,
        figure: 0.216,
        benchmark: england(0.216, "0.0%"),
        line: "Same as England: 21.6% against 21.6%",
      },
      {
        definition: contextMeasure,
        figure: 0.128,
        benchmark: england(0.132, "0.0%"),
        line: "England: 12.8% against 13.2%, no polarity to say which is better",
      },
      {
        definition: reReferrals,
        figure: 0.262,
        benchmark: england(21.6),
        line: "England: check definition (21.6 is a whole number but the row keeps its percentages as fractions formatted as %: format the benchmark as % too)",
      },
      {
        definition: reReferrals,
        figure: 0.262,
        benchmark: england("N/A"),
        line: 'England: no data to compare ("N/A" means no figure for this period)',
      },
    ] satisfies Array<{
      definition: Definition;
      figure: number;
      benchmark: BenchmarkCell;
      line: string;
    }>,
    ({ line }) => `says "${line}"`,
    ({ definition, figure, benchmark, line }) => {
      expect(
        describeComparison(
          compareWithBenchmark(
            definition,
            [{ period: "2022/23", value: figure, numberFormat: "0.0%" }],
            benchmark
          )
        )
      ).toBe(line);
    }
  );
});

describe("a benchmark with a year", () => {
  const figures = years([0.251, "0.0%"], [0.262, "0.0%"], [0.231, "0.0%"]);

  it("compares England 2020/21 with the 2020/21 figure (26.2%), not the latest (23.1%)", () => {
    const comparison = compareWithBenchmark(
      reReferrals,
      figures,
      england(0.216, "0.0%", "2020/21")
    );
    expect(comparison).toMatchObject({
      period: "2020/21",
      figure: "26.2%",
      verdict: "Worse",
      difference: "4.6 points",
      reason: "26.2% is worse than England 2020/21 (21.6%) by 4.6 points",
    });
  });

  it("compares a benchmark whose year is not a period (2022/23) with the latest figure, 23.1% in 2021/22", () => {
    const comparison = compareWithBenchmark(
      reReferrals,
      figures,
      england(0.216, "0.0%", "2022/23")
    );
    expect(comparison).toMatchObject({
      period: "2021/22",
      figure: "23.1%",
      verdict: "Worse",
      difference: "1.5 points",
    });
  });

  it("reads FY20/21 and 2020-21 as the period 2020/21", () => {
    expect(
      compareWithBenchmark(reReferrals, figures, england(0.216, "0.0%", "FY20/21")).period
    ).toBe("2020/21");
    expect(
      compareWithBenchmark(reReferrals, figures, england(0.216, "0.0%", "2020-21")).period
    ).toBe("2020/21");
  });

  it("says No data when the named year's own figure is blank, rather than comparing another year", () => {
    const gap = years([0.251, "0.0%"], [null, "0.0%"], [0.231, "0.0%"]);
    const comparison = compareWithBenchmark(reReferrals, gap, england(0.216, "0.0%", "2020/21"));
    expect(comparison).toMatchObject({
      verdict: "No data",
      period: "2020/21",
      reason: "the 2020/21 figure: the cell is blank",
    });
  });
});

describe("the precision a number format shows", () => {
  eachRow(
    [
      { format: "0.0%", value: 0.262, decimals: 1 },
      { format: "0%", value: 0.262, decimals: 0 },
      { format: "0", value: 26.2, decimals: 0 },
      { format: "General", value: 21.6, decimals: 1 },
      { format: "General", value: 448, decimals: 0 },
      { format: "#,##0.00", value: 5, decimals: 2 },
      { format: "0.0#", value: 1.25, decimals: 2 },
      { format: "0.0#", value: 1.2, decimals: 1 },
      { format: '0.0" days"', value: 38, decimals: 1 },
      { format: "0.00;[Red]-0.00", value: -3.1, decimals: 2 },
      { format: "0.0\\%", value: 26.2, decimals: 1 },
    ],
    ({ format, value, decimals }) =>
      `shows ${decimals} decimal${decimals === 1 ? "" : "s"} for ${value} under ${format}`,
    ({ format, value, decimals }) => {
      expect(shownDecimals(value, format)).toBe(decimals);
    }
  );

  it("rounds half away from zero through the decimal text: 0.2615 to three decimals is 0.262, -2.5 to none is -3", () => {
    expect(roundTo(0.2615, 3)).toBe(0.262);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(1.005, 2)).toBe(1.01);
  });

  // The judge: the decimal text as a person would round it, digit by digit, with no arithmetic on doubles.
  const roundedByHand = (value: number, decimals: number): number => {
    const [whole, fraction = ""] = String(Math.abs(value)).split("."); // the shortest text that reads back as the double
    const kept = whole + fraction.padEnd(decimals, "0").slice(0, decimals);
    const roundsUp = (fraction[decimals] ?? "0") >= "5";
    const digits = (BigInt(kept) + (roundsUp ? 1n : 0n)).toString().padStart(decimals + 1, "0");
    const rounded = Number(
      `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals) || "0"}`
    );
    return value < 0 ? -rounded : rounded;
  };

  it("rounds every figure as its decimal text rounds, half-way cases included", () => {
    const halfway = fc
      .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 5 }))
      .map(([digits, decimals]) => Number(`${digits}5e-${decimals + 1}`));
    const figure = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
      halfway,
      halfway.map((value) => -value)
    );
    fc.assert(
      fc.property(figure, fc.integer({ min: 0, max: 6 }), (value, decimals) => {
        fc.pre(Math.abs(value) >= 1e-6 && Math.abs(value) < 1e21); // the text of these is in e-notation, which the judge does not read
        expect(roundTo(value, decimals)).toBe(roundedByHand(value, decimals));
      }),
      { numRuns: 5000 }
    );
  });
});

describe("years written in benchmark headers", () => {
  eachRow(
    [
      { label: "2021/22", key: "2021/22" },
      { label: "2021-22", key: "2021/22" },
      { label: "2021/2022", key: "2021/22" },
      { label: "FY21/22", key: "2021/22" },
      { label: "21/22", key: "2021/22" },
      { label: "2022", key: "2022" },
      { label: "Q1", key: null },
      { label: "2021/23", key: null },
    ],
    ({ label, key }) => `reads ${label} as ${key ?? "no year"}`,
    ({ label, key }) => {
      expect(yearKey(label)).toBe(key);
    }
  );
});

describe("properties", () => {
  const figure = fc.record({
    value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    decimals: fc.integer({ min: 0, max: 6 }),
  });

  it("swapping Bigger is better for Smaller is better swaps Better and Worse and keeps Same", () => {
    fc.assert(
      fc.property(figure, figure, (ours, theirs) => {
        const higher = verdictOf(ours, theirs, { kind: "higher" });
        const lower = verdictOf(ours, theirs, { kind: "lower" });
        const swapped = { Better: "Worse", Worse: "Better", Same: "Same" } as const;
        expect(higher).not.toBe("Neither better");
        expect(lower).toBe(swapped[higher as keyof typeof swapped]);
      })
    );
  });

  const rows = fc.constantFrom(
    reReferrals,
    assessments,
    wholeCarers,
    adoptionDays,
    earlyHelpRate,
    contradictory
  );
  const formats = fc.constantFrom("General", "0", "0.0", "0.00", "0%", "0.0%", "#,##0.0");

  it("a benchmark equal to the latest figure is always Same, whatever the row and the number format", () => {
    fc.assert(
      fc.property(
        rows,
        fc.double({ min: 0, max: 1000, noNaN: true }),
        formats,
        (definition, value, numberFormat) => {
          const cell: FigureCell = { period: "2022/23", value, numberFormat };
          const comparison = compareWithBenchmark(definition, [cell], england(value, numberFormat));
          // A bare figure above 1 beside fractions formatted as % is refused, the same for both cells.
          const refused =
            [reReferrals, assessments, contradictory].includes(definition) &&
            !numberFormat.includes("%") &&
            value > 1;
          expect(comparison).toMatchObject(
            refused
              ? { verdict: "Check definition", reason: expect.stringMatching(/whole number/) }
              : { verdict: "Same" }
          );
        }
      )
    );
  });

  const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.double(),
    fc.integer({ min: -1000, max: 1000 }),
    fc.string(),
    fc.constantFrom(
      "c",
      "x",
      "..",
      "N/A",
      "",
      " ",
      "21.6%",
      "1,250",
      "#N/A",
      "TRUE",
      "-5%",
      "Infinity"
    ),
    fc.boolean(),
    fc.constant(null),
    fc.constant({ error: "#DIV/0!" })
  );
  const anyFormat = fc.oneof(
    fc.constantFrom(
      "General",
      "0%",
      "0.0%",
      "0.00",
      '0.0" days"',
      "0.0;[Red]-0.0",
      "@",
      "0.00E+00",
      "#,##0.0#"
    ),
    fc.string()
  );

  it("never throws, whatever the cells and formats hold, and always gives one of its verdicts", () => {
    fc.assert(
      fc.property(
        rows,
        fc.array(fc.tuple(anyCell, anyFormat), { maxLength: 4 }),
        anyCell,
        anyFormat,
        (definition, cells, value, numberFormat) => {
          const figures = cells.map(([cell, format], index) => ({
            period: `20${20 + index}/${21 + index}`,
            value: cell,
            numberFormat: format,
          }));
          const comparison = compareWithBenchmark(definition, figures, {
            benchmark: "England",
            year: "latest",
            value,
            numberFormat,
          });
          expect(verdicts).toContain(comparison.verdict);
          expect(comparison.reason.length).toBeGreaterThan(0);
        }
      )
    );
  });

  it("a figure rounding to the benchmark at the fewer decimals shown is Same for both polarities", () => {
    fc.assert(
      fc.property(figure, fc.integer({ min: 0, max: 6 }), (ours, decimals) => {
        const theirs = { value: roundTo(ours.value, Math.min(ours.decimals, decimals)), decimals };
        expect(verdictOf(ours, theirs, { kind: "higher" })).toBe("Same");
        expect(verdictOf(ours, theirs, { kind: "lower" })).toBe("Same");
      })
    );
  });
});
