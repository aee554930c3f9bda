/** What kpi-rag prints about benchmarks: one line a benchmark, worked out by hand for the example scorecard. */
import { describe, expect, it } from "vitest";
import { findTables } from "../../src/core";
import { summaryLines } from "../../src/cli/summary";
import { latestBenchmarks, wholeNumbers } from "../core/benchmark-scorecards";
import { plannedWithReport } from "../support/planned-with-report";

describe("kpi-rag's lines about benchmarks", () => {
  it("prints one line for each benchmark on the sheet, after the periods", () => {
    const lines = summaryLines([plannedWithReport(findTables(wholeNumbers))], []);
    const benchmarkLines = lines.filter((line) => line.startsWith("  Better than "));
    expect(benchmarkLines).toEqual([
      "  Better than England 2021/22: 0 of 3 KPIs (2 worse, 1 the same; 1 not compared)",
      "  Better than Statistical neighbours: 1 of 3 KPIs (2 worse, 0 the same; 1 not compared)",
      "  Better than Region: 0 of 1 KPI (0 worse, 1 the same; 3 not compared)",
    ]);
    expect(lines.indexOf(benchmarkLines[0])).toBeGreaterThan(
      lines.findIndex((line) => line.startsWith("  2022/23:"))
    );
  });

  it("counts England, SN and North East under a merged 'Latest benchmarks (2021/22)' by their year", () => {
    const lines = summaryLines([plannedWithReport(findTables(latestBenchmarks))], []).filter(
      (line) => line.startsWith("  Better than ")
    );
    expect(lines).toEqual([
      "  Better than England 2021/22: 1 of 3 KPIs (1 worse, 1 the same)",
      "  Better than Statistical neighbours 2021/22: 2 of 3 KPIs (1 worse, 0 the same)",
      "  Better than North East 2021/22: 0 of 2 KPIs (1 worse, 1 the same; 1 not compared)",
    ]);
  });
});
