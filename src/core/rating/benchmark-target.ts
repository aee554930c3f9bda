/**
 * A target written against a benchmark, under one tolerance set: the benchmark the row is rated against,
 * how a figure passes, and the Amber margin, or why the row is suspended or cannot be rated. Each period's
 * figure is rated against that benchmark's figure on the same row (the benchmark of the same year where
 * the sheet has one); the formatting plan gets plain Excel conditions on the benchmark's cell, so the
 * colour follows when the analyst updates the benchmark.
 */
import type {
  BenchmarkKind,
  BenchmarkTarget,
  BenchmarkTest,
  BenchmarkTolerance,
  Definition,
} from "../definition/definition";
import type { Rating } from "../values/status";
import { readBenchmarkTarget } from "../definition/benchmark-target";
import { isStandardSet, standardSet, toleranceSetKey } from "../definition/tolerance-set";

/** A row whose target is written against a benchmark, under one tolerance set. */
export type BenchmarkStanding =
  | {
      readonly kind: "rated";
      readonly target: BenchmarkTarget;
      readonly test: BenchmarkTest;
      readonly tolerance: BenchmarkTolerance;
    }
  | { readonly kind: "suspended"; readonly reason: string }
  | { readonly kind: "check"; readonly problem: string };

/** The benchmark in the words of a sentence: "the statistical-neighbour average". */
export function benchmarkWords(kind: BenchmarkKind): string {
  return benchmarkPhrases[kind];
}

const benchmarkPhrases: Readonly<Record<BenchmarkKind, string>> = {
  England: "the England figure",
  Region: "the regional figure",
  "Statistical neighbours": "the statistical-neighbour average",
};

/** "the target refers to the statistical-neighbour average, which is not on this sheet" */
export function missingBenchmarkProblem({
  kind,
  year,
}: Pick<BenchmarkTarget, "kind" | "year">): string {
  return `the target refers to ${benchmarkWords(kind)}${year === undefined ? "" : ` for ${year}`}, which is not on this sheet`;
}

/**
 * The rating of a figure against a benchmark target where no benchmark is at hand (a value rated alone),
 * or where the target cannot rate it whatever the benchmark: suspended, or Check definition.
 */
export function withoutBenchmarkFigures(standing: BenchmarkStanding): Rating {
  if (standing.kind === "suspended")
    return {
      status: "Suspended",
      kind: "definition",
      reason: `This measure is suspended: ${standing.reason}`,
    };
  return {
    status: "Check definition",
    kind: "definition",
    reason: capitalise(
      standing.kind === "check" ? standing.problem : missingBenchmarkProblem(standing.target)
    ),
  };
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/**
 * How a row's benchmark target stands under a tolerance set: the set's tolerance, or the standard one
 * where that set says none. Null when the target is not written against a benchmark.
 */
export function benchmarkStanding(
  definition: Definition,
  toleranceSet: string = standardSet
): BenchmarkStanding | null {
  const { standing } = definition;
  if (standing.kind === "check") {
    // The rest of the wording does not read (an unknown unit, figures in mixed scales): that stands,
    // after a target that does not read either.
    const target = readBenchmarkTarget(definition.wording.target);
    if (target === null) return null;
    return {
      kind: "check",
      problem: target.ok
        ? (standing.problems[0] ?? "the definition cannot be read")
        : target.problem,
    };
  }
  if (standing.kind !== "benchmark") return null;
  if (!standing.rule.ok) return { kind: "check", problem: standing.rule.problem };
  const { target, test, standard, others } = standing.rule.value;
  const chosen = isStandardSet(toleranceSet) ? undefined : others[toleranceSetKey(toleranceSet)];
  const other = chosen?.tolerance;
  const tolerance = other && !(other.ok && other.value.kind === "none") ? other : standard;
  if (!tolerance.ok) return { kind: "check", problem: tolerance.problem };
  if (tolerance.value.kind === "suspended")
    return {
      kind: "suspended",
      reason: `the ${chosen?.name ?? "standard"} tolerance says Suspend`,
    };
  return { kind: "rated", target, test, tolerance: tolerance.value };
}
