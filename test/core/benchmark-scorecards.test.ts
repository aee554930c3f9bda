/**
 * The example scorecards with benchmark columns, every verdict and status worked out by hand from
 * PRODUCT.md's Benchmarks section.
 */
import { describe, expect, it } from "vitest";
import { describeBenchmarkSummary, findTables, summariseComparisons } from "../../src/core";
import { watchList } from "../../src/core/appraisal/watch-list";
import type { Comparison } from "../../src/core/rating/benchmarks";
import { latestBenchmarks, noEnglandColumn, wholeNumbers } from "./benchmark-scorecards";
import { plannedWithReport } from "../support/planned-with-report";

/** "England 2021/22: Better, 3 points" for each comparison of a row. */
const verdicts = (comparisons: Comparison[]): string[] =>
  comparisons.map(
    (comparison) =>
      `${comparison.benchmark}${comparison.year === "latest" ? "" : ` ${comparison.year}`}: ${comparison.verdict}${comparison.difference ? `, ${comparison.difference}` : ""}`
  );

describe("England, SN and North East under a merged 'Latest benchmarks (2021/22)'", () => {
  const plan = plannedWithReport(findTables(latestBenchmarks));
  const rows = plan.tables[0].rows;

  it("compares each KPI's 2021/22 figure, the year the benchmarks name, with each benchmark", () => {
    expect(rows.map((row) => verdicts(row.comparisons))).toEqual([
      // 58% against 55%, 52% and a suppressed North East figure; bigger is better.
      [
        "England 2021/22: Better, 3 points",
        "Statistical neighbours 2021/22: Better, 6 points",
        "North East 2021/22: No data",
      ],
      // 86% against 89%, 88% and 90%.
      [
        "England 2021/22: Worse, 3 points",
        "Statistical neighbours 2021/22: Worse, 2 points",
        "North East 2021/22: Worse, 4 points",
      ],
      // 21.6% against 21.6%, 23.0% and 22% (shown whole: 22% against 22%); smaller is better.
      [
        "England 2021/22: Same, 0 points",
        "Statistical neighbours 2021/22: Better, 1.4 points",
        "North East 2021/22: Same, 0 points",
      ],
    ]);
    expect(
      rows.every((row) => row.comparisons.every((comparison) => comparison.period === "2021/22"))
    ).toBe(true);
  });

  it("says each comparison in one sentence", () => {
    expect(rows[0].comparisons[0].reason).toBe(
      "58% is better than England 2021/22 (55%) by 3 points"
    );
    expect(rows[2].comparisons[2].reason).toBe(
      "21.6% is the same as North East 2021/22 (22%) at the precision the sheet shows"
    );
  });

  it("gives the suppressed North East figure c as No data with its reason", () => {
    expect(rows[0].comparisons[2]).toMatchObject({ verdict: "No data", value: "c", figure: "58%" });
    expect(rows[0].comparisons[2].reason).toMatch(/^North East 2021\/22 has no figure: /);
  });

  it("reads the SN rank column as text to show: 3rd of 11, nothing, 5th of 11", () => {
    expect(rows.map((row) => row.rankings)).toEqual([
      [{ label: "SN rank", text: "3rd of 11" }],
      [],
      [{ label: "SN rank", text: "5th of 11" }],
    ]);
  });

  it("colours only the two periods, never the benchmark columns", () => {
    expect(
      plan.rules
        .flatMap((rule) => rule.appliesTo)
        .every((area) => /^[FG]\d+(:[FG]\d+)?$/.test(area))
    ).toBe(true);
  });
});

describe("whole-number percentages with England 2021/22, Stat. neighbours and Region columns", () => {
  const found = findTables(wholeNumbers);
  const plan = plannedWithReport(found);
  const rows = plan.tables[0].rows;

  it("compares England 2021/22 with the 2021/22 figure and the others with the latest", () => {
    expect(rows.map((row) => verdicts(row.comparisons))).toEqual([
      // 12 in 2021/22 against England's 10; 9 in 2022/23 against SN's 11; the region's x is suppressed.
      [
        "England 2021/22: Worse, 2 points",
        "Statistical neighbours: Better, 2 points",
        "Region: No data",
      ],
      // 55 against 55.4 is 55% against 55% at the whole number the figure shows; 53 against 54.2 is 53 against 54.
      [
        "England 2021/22: Same, 0 points",
        "Statistical neighbours: Worse, 1.2 points",
        "Region: Same, 0 points",
      ],
      // 486 days against 448; 495 against 430; the region is blank.
      [
        "England 2021/22: Worse, 38 days",
        "Statistical neighbours: Worse, 65 days",
        "Region: No data",
      ],
      // No polarity: the figures are shown, no verdict.
      [
        "England 2021/22: No polarity",
        "Statistical neighbours: No polarity",
        "Region: No polarity",
      ],
    ]);
    expect(rows[3].comparisons[1]).toMatchObject({ figure: "330.1", value: "318.2" });
  });

  it("rates the care leavers row against its SN figure, 54.2: 52 Red (2.2 points below), 55 Green (above 54 at whole numbers), 53 Amber", () => {
    expect(rows[1].cells.map((cell) => cell.status)).toEqual(["Red", "Green", "Amber"]);
    expect(rows[1].problems).toEqual([]);
  });

  it("sums each benchmark up: better, of those compared", () => {
    expect(summariseComparisons(rows).map(describeBenchmarkSummary)).toEqual([
      "Better than England 2021/22: 0 of 3 KPIs (2 worse, 1 the same; 1 not compared)",
      "Better than Statistical neighbours: 1 of 3 KPIs (2 worse, 0 the same; 1 not compared)",
      "Better than Region: 0 of 1 KPI (0 worse, 1 the same; 3 not compared)",
    ]);
  });

  it("lists the Red and Amber KPIs with the benchmarks they are worse than", () => {
    expect(watchList(found).map((item) => [item.measure, item.status, item.worseThan])).toEqual([
      [
        "Average time in days between entering care and moving in with an adoptive family",
        "Red",
        ["England 2021/22", "Statistical neighbours"],
      ],
      [
        "% of care leavers in education, employment or training",
        "Amber",
        ["Statistical neighbours"],
      ],
    ]);
  });
});

describe("a target against England on a sheet without an England column", () => {
  const plan = plannedWithReport(findTables(noEnglandColumn));
  const [row] = plan.tables[0].rows;

  it("is Check definition, saying which benchmark is missing, and gets no rules", () => {
    expect(row.cells.map((cell) => cell.status)).toEqual(["Check definition", "Check definition"]);
    expect(row.problems).toEqual([
      "the target refers to the England figure, which is not on this sheet",
    ]);
    expect(plan.rules).toEqual([]);
  });
});
