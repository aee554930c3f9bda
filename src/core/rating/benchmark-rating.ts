/**
 * Rating a period's figure against the benchmark its target names ("Better than England"): the status and
 * the sentence. Apart from reading such targets (benchmark-target.ts), so the functions' script loads this,
 * and the comparison arithmetic it needs, only when a formula first rates against a benchmark.
 */
import { benchmarkName, yearKey, type BenchmarkCell, type FigureCell } from "./benchmark-names";
import type { BenchmarkTarget } from "../definition/definition";
import { coreDecimals, describeDifference, roundTo, showFigure } from "./shown-figures";
import { inShownUnit, readBenchmarkFigure } from "./benchmarks";
import {
  benchmarkWords,
  withoutBenchmarkFigures,
  type BenchmarkStanding,
} from "./benchmark-target";
import type { BenchmarkTest, BenchmarkTolerance } from "../definition/definition";
import { bands, type Bands } from "./bands";
import { standardScheme, type Scheme } from "./scheme";
import type { Definition, Polarity } from "../definition/definition";
import { byDirection, figureOf, rate, type PreviousPeriod } from "./rate";
import type { RagStatus, Rating } from "../values/status";
import { standardSet } from "../definition/tolerance-set";

/** A KPI row as rating needs it: its definition, and the benchmarks on the row (or in its register entry). */
export interface RowToRate {
  definition: Definition;
  benchmarks?: readonly BenchmarkCell[];
}

/**
 * The status of one period cell of a row, by its definition's bands: against its benchmark where the
 * target names one, else by `rate` (with the period before, for Amber by direction). `known`: the row
 * definition's bands where the caller keeps them (a `BandsMemo`).
 */
export function rateInRow(
  row: RowToRate,
  cell: FigureCell,
  toleranceSet: string = standardSet,
  scheme: Scheme = standardScheme,
  previous?: PreviousPeriod,
  known?: Bands
): Rating {
  const banding = known ?? bands(row.definition, toleranceSet, scheme);
  if (banding.kind !== "benchmark")
    return rate(
      cell.value,
      row.definition,
      toleranceSet,
      cell.numberFormat,
      scheme,
      previous,
      banding
    );
  const { standing } = banding;
  const benchmark =
    standing.kind === "rated"
      ? benchmarkForPeriod(cell.period, standing.target, row.benchmarks ?? [])
      : undefined;
  return rateAgainstBenchmark(
    cell,
    standing,
    benchmark,
    row.definition,
    scheme.kind === "amber by direction" ? { previous } : undefined
  );
}

/** The benchmarks on a row a target can be rated against: of its kind, and of its year where it names one. */
export function benchmarksOfTarget<Cell extends BenchmarkCell>(
  target: Pick<BenchmarkTarget, "kind" | "year">,
  benchmarks: readonly Cell[]
): Cell[] {
  const year = target.year === undefined ? null : yearKey(target.year);
  return benchmarks.filter(
    (benchmark) =>
      benchmark.kind === target.kind && (year === null || yearKey(benchmark.year) === year)
  );
}

/**
 * The benchmark a period is rated against: the one the target names for that period's year, else one
 * with no year, else the most recent year on the row.
 */
export function benchmarkForPeriod<Cell extends BenchmarkCell>(
  period: string,
  target: Pick<BenchmarkTarget, "kind" | "year">,
  benchmarks: readonly Cell[]
): Cell | undefined {
  const candidates = benchmarksOfTarget(target, benchmarks);
  const year = yearKey(period);
  return (
    (year === null
      ? undefined
      : candidates.find((benchmark) => yearKey(benchmark.year) === year)) ??
    candidates.find((benchmark) => benchmark.year === "latest") ??
    [...candidates].sort((a, b) => (yearKey(b.year) ?? "").localeCompare(yearKey(a.year) ?? ""))[0]
  );
}

/** The figures a benchmark rating works on, in the core's scale, with the decimals each shows. */
interface Pair {
  figure: number;
  figureDecimals: number;
  benchmark: number;
  benchmarkDecimals: number;
}

/** Rates one period's figure against the benchmark the target names. Never throws. */
export function rateAgainstBenchmark(
  cell: FigureCell,
  standing: BenchmarkStanding,
  benchmark: BenchmarkCell | undefined,
  written: Definition,
  byDirectionFrom?: { previous: PreviousPeriod | undefined }
): Rating {
  const shownUnit = inShownUnit(written, [cell], benchmark);
  const definition = shownUnit.ok ? shownUnit.value : written;
  const figure = figureOf(cell.value, definition, cell.numberFormat);
  if (!figure.ok) return figure.rating;
  if (standing.kind !== "rated" || !benchmark) return withoutBenchmarkFigures(standing);
  const { target, test, tolerance } = standing;
  const named = benchmarkName(benchmark);
  if (!shownUnit.ok)
    return {
      status: "Check definition",
      kind: "definition",
      reason: capitalise(`${named} cannot be compared: ${shownUnit.problem}`),
    };
  const against = readBenchmarkFigure(benchmark.value, benchmark.numberFormat, definition);
  if (!against.ok) {
    // PRODUCT.md: a target against a benchmark "with no such figure on the sheet" is Check definition,
    // a blank or suppressed benchmark cell included: the row's figure is there, its target is not.
    return {
      status: "Check definition",
      kind: "definition",
      reason: capitalise(
        against.verdict === "No data"
          ? `the target is ${benchmarkWords(target.kind)} and ${named} has no figure (${against.reason})`
          : `${named} cannot be compared: ${against.reason}`
      ),
    };
  }

  const pair: Pair = {
    figure: figure.value,
    figureDecimals: coreDecimals(cell.value, cell.numberFormat, definition),
    benchmark: against.figure.value,
    benchmarkDecimals: against.figure.decimals,
  };
  const status = statusOf(pair, test, tolerance);
  const shownFigure = showFigure(
    { value: pair.figure, decimals: pair.figureDecimals },
    definition.unit
  );
  const shownBenchmark = showFigure(against.figure, definition.unit);
  const apart = describeDifference(shownDifference(pair), definition.unit);
  const passes = status === "Green" ? "meets" : "misses";
  const margin =
    tolerance.kind === "margin"
      ? ` (Amber within ${describeDifference(tolerance.value, definition.unit)})`
      : tolerance.kind === "share"
        ? ` (Amber within ${roundTo(tolerance.share * 100, 9)}% of it)`
        : "";
  // A strict test the two fail only once rounded alike (21.7% against 22% shown whole) says so, or it reads wrong.
  const decimals = Math.min(pair.figureDecimals, pair.benchmarkDecimals);
  const sameOnceRounded =
    status !== "Green" &&
    shownDifference(pair) > 0 &&
    roundTo(pair.figure, decimals) === roundTo(pair.benchmark, decimals);
  const distance = sameOnceRounded
    ? `the same once both are rounded to ${placesOf(definition.unit === "percent" ? decimals - 2 : decimals)}, the fewer decimals the sheet shows`
    : `${apart} apart`;
  const reason = `${shownFigure} ${passes} the target ${target.wording}: ${named} is ${shownBenchmark}, ${distance}${status === "Green" ? "" : margin}`;
  // Amber by direction: a miss beyond the tolerance is Amber where it is better than the period before.
  const way = directionOf(test);
  if (status === "Red" && byDirectionFrom !== undefined && way !== undefined) {
    const compared = byDirection(
      figure.value,
      { status },
      reason,
      definition,
      byDirectionFrom.previous,
      way
    );
    return { ...compared, kind: "benchmark" };
  }
  return { status, kind: "benchmark", reason };
}

/** Which way is better for a benchmark test with a side; none for "in line with". */
export function directionOf(test: BenchmarkTest): Polarity | undefined {
  if (test === "higher" || test === "at or higher") return { kind: "higher" };
  if (test === "lower" || test === "at or lower") return { kind: "lower" };
  return undefined;
}

/** "whole figures", "1 decimal place", "2 decimal places". */
function placesOf(decimals: number): string {
  if (decimals <= 0) return "whole figures";
  return decimals === 1 ? "1 decimal place" : `${decimals} decimal places`;
}

function statusOf(pair: Pair, test: BenchmarkTest, tolerance: BenchmarkTolerance): RagStatus {
  const decimals = Math.min(pair.figureDecimals, pair.benchmarkDecimals);
  const ours = roundTo(pair.figure, decimals);
  const theirs = roundTo(pair.benchmark, decimals);
  const green =
    test === "higher"
      ? ours > theirs
      : test === "at or higher"
        ? ours >= theirs
        : test === "lower"
          ? ours < theirs
          : test === "at or lower"
            ? ours <= theirs
            : ours === theirs;
  if (green) return "Green";
  if (tolerance.kind === "margin")
    return shownDifference(pair) <= roundTo(tolerance.value, 12) ? "Amber" : "Red";
  if (tolerance.kind === "share")
    return shownDifference(pair) <=
      Math.abs(roundTo(pair.benchmark, pair.benchmarkDecimals)) * tolerance.share
      ? "Amber"
      : "Red";
  return "Red";
}

/** How far apart the two are as shown, to the more decimals of the two. */
function shownDifference(pair: Pair): number {
  const apart = Math.abs(
    roundTo(pair.figure, pair.figureDecimals) - roundTo(pair.benchmark, pair.benchmarkDecimals)
  );
  return roundTo(apart, Math.max(pair.figureDecimals, pair.benchmarkDecimals));
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
