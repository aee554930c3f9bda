/**
 * How a sheet's KPIs stand against each benchmark, and a comparison in the pane's and kpi-rag's words: for
 * the report's readers, apart from the comparing itself (benchmarks.ts), which the functions use.
 */
import { benchmarkName } from "../rating/benchmark-names";
import { comparedVerdicts, type Comparison, type Verdict } from "../rating/benchmarks";

/** How a sheet's KPIs stand against one benchmark: "Better than England: 3 of 10 KPIs". */
export interface BenchmarkSummary {
  /** The benchmark with its year where it has one: "England", "England 2021/22". */
  benchmark: string;
  better: number;
  worse: number;
  same: number;
  /** KPIs with a verdict against it (Better, Worse, Same or Neither better). */
  compared: number;
  /** KPIs with no verdict: no figure on either side, no polarity, or figures that cannot be compared. */
  notCompared: number;
}

/** Counts per benchmark across rows, benchmarks in the order first met. */
export function summariseComparisons(
  rows: ReadonlyArray<{ comparisons: readonly Comparison[] }>
): BenchmarkSummary[] {
  const summaries = new Map<string, BenchmarkSummary>();
  for (const row of rows) {
    for (const comparison of row.comparisons) {
      const name = benchmarkName(comparison);
      const summary = summaries.get(name) ?? {
        benchmark: name,
        better: 0,
        worse: 0,
        same: 0,
        compared: 0,
        notCompared: 0,
      };
      const { verdict } = comparison;
      if (verdict === "Better") summary.better += 1;
      if (verdict === "Worse") summary.worse += 1;
      if (verdict === "Same") summary.same += 1;
      if ((comparedVerdicts as readonly Verdict[]).includes(verdict)) summary.compared += 1;
      else summary.notCompared += 1;
      summaries.set(name, summary);
    }
  }
  return [...summaries.values()];
}

/** "Better than England: 3 of 10 KPIs (5 worse, 2 the same; 1 not compared)" */
export function describeBenchmarkSummary(summary: BenchmarkSummary): string {
  const kpis = summary.compared === 1 ? "KPI" : "KPIs";
  const rest = [`${summary.worse} worse`, `${summary.same} the same`].join(", ");
  const uncompared = summary.notCompared > 0 ? `; ${summary.notCompared} not compared` : "";
  return `Better than ${summary.benchmark}: ${summary.better} of ${summary.compared} ${kpis} (${rest}${uncompared})`;
}

/** A comparison as one line in words, for the pane and the command line: "Worse than England: 26.2% against 21.6%". */
export function describeComparison(comparison: Comparison): string {
  const name = benchmarkName(comparison);
  const figures = `${comparison.figure} against ${comparison.value}`;
  switch (comparison.verdict) {
    case "Better":
      return `Better than ${name}: ${figures}`;
    case "Worse":
      return `Worse than ${name}: ${figures}`;
    case "Same":
      return `Same as ${name}: ${figures}`;
    case "Neither better":
      return `Neither better than ${name}: ${figures}`;
    case "No polarity":
      return `${name}: ${figures}, no polarity to say which is better`;
    case "No data":
      return `${name}: no data to compare (${comparison.reason.replace(new RegExp(`^${escaped(name)} has no figure: `), "")})`;
    case "Check definition":
      return `${name}: check definition (${comparison.reason.replace(new RegExp(`^${escaped(name)} cannot be compared: `), "")})`;
  }
}

/** A glyph beside a verdict's words: never the only cue, and hidden from screen readers, which read the words. */
export function verdictGlyph(verdict: Verdict): string {
  return verdictGlyphs[verdict];
}

const verdictGlyphs: Readonly<Record<Verdict, string>> = {
  Better: "▲",
  Worse: "▼",
  Same: "=",
  "Neither better": "=",
  "No data": "–",
  "No polarity": "–",
  "Check definition": "–",
};

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
