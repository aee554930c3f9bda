/** What the appraisal's report says of a row whose target is written against a benchmark: its problems, and how the add-in read it. */
import { missingBenchmarkProblem, type RowToRate } from "../rating/benchmark-rating";
import { benchmarkStandingOf, benchmarkWords } from "../rating/benchmark-target";
import { describeDifference, roundTo } from "../rating/shown-figures";
import type { Definition } from "../definition/definition";
import { standardSet } from "../definition/tolerance-set";

/** The problems of a row with a benchmark target: its wording's, or the missing benchmark. */
export function benchmarkTargetProblems(
  row: RowToRate,
  toleranceSet: string = standardSet
): string[] {
  const standing = benchmarkStandingOf(row.definition, toleranceSet);
  if (standing === null || standing.kind === "suspended") return [];
  if (standing.kind === "check") return [standing.problem];
  return (row.benchmarks ?? []).some((benchmark) => benchmark.kind === standing.target.kind)
    ? []
    : [missingBenchmarkProblem(standing.target.kind)];
}

/** A benchmark target in the analyst's words, as the pane shows "how the add-in read this row". */
export function describeBenchmarkTarget(
  definition: Definition,
  toleranceSet: string = standardSet
): string | null {
  const standing = benchmarkStandingOf(definition, toleranceSet);
  if (standing === null) return null;
  if (standing.kind === "check") return "Check definition";
  if (standing.kind === "suspended") return `Suspended (${standing.reason})`;
  const { target, tolerance } = standing;
  const margin =
    tolerance.kind === "margin"
      ? `Amber within ${describeDifference(tolerance.value, definition.unit)}`
      : tolerance.kind === "share"
        ? `Amber within ${roundTo(tolerance.share * 100, 9)}% of it`
        : "no tolerance (Green or Red only)";
  const sameAs = standing.test === "same" ? ", the same at the precision shown" : "";
  return `Target ${target.wording}: rated against ${benchmarkWords(target.kind)} on the row${sameAs}; ${margin}; unit ${definition.unit === "percent" ? "%" : definition.unit}`;
}
