/** What the appraisal's report says of a row whose target is written against a benchmark: its problems, and how the add-in read it. */
import { benchmarksOfTarget, type RowToRate } from "../rating/benchmark-rating";
import {
  benchmarkWords,
  missingBenchmarkProblem,
  type BenchmarkStanding,
} from "../rating/benchmark-target";
import { describeDifference, roundTo } from "../rating/shown-figures";
import type { Unit } from "../definition/units";

/** The problems of a row with a benchmark target: its wording's, or the missing benchmark. */
export function benchmarkTargetProblems(row: RowToRate, standing: BenchmarkStanding): string[] {
  if (standing.kind === "suspended") return [];
  if (standing.kind === "check") return [standing.problem];
  return benchmarksOfTarget(standing.target, row.benchmarks ?? []).length > 0
    ? []
    : [missingBenchmarkProblem(standing.target)];
}

/** A benchmark target in the analyst's words, as the pane shows "how the add-in read this row". */
export function describeBenchmarkTarget(standing: BenchmarkStanding, unit: Unit): string {
  if (standing.kind === "check") return "Check definition";
  if (standing.kind === "suspended") return `Suspended (${standing.reason})`;
  const { target, tolerance } = standing;
  const margin =
    tolerance.kind === "margin"
      ? `Amber within ${describeDifference(tolerance.value, unit)}`
      : tolerance.kind === "share"
        ? `Amber within ${roundTo(tolerance.share * 100, 9)}% of it`
        : "no tolerance (Green or Red only)";
  const sameAs = standing.test === "same" ? ", the same at the precision shown" : "";
  return `Target ${target.wording}: rated against ${benchmarkWords(target.kind)} on the row${sameAs}; ${margin}; unit ${unit === "percent" ? "%" : unit}`;
}
