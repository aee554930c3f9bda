/**
 * The formatting plan's plain Excel conditions for a target written against a benchmark, so the colour
 * follows when the analyst updates the benchmark's cell, and paints what `rateAgainstBenchmark` says.
 */
import type { BenchmarkStanding } from "../rating/benchmark-target";
import type { BenchmarkTest, BenchmarkTolerance } from "../definition/definition";
import { coreDecimals } from "../rating/shown-figures";
import { inShownUnit, readBenchmarkFigure } from "../rating/benchmarks";
import type { BenchmarkCell, FigureCell } from "../rating/benchmark-names";
import type { Definition } from "../definition/definition";
import type { RagStatus } from "../values/status";
import { fractionToPercent } from "../definition/units";
import { readValue } from "../definition/written-figures";
import { keptWhole } from "./band-conditions";

/**
 * Each status's Excel condition for a benchmark-target rule, on the figure `X` and the benchmark's cell
 * `Y` as the sheet holds them (letters no function name here contains); the plan puts in the references. The decimals are the sheet's own
 * (26.2 shows one; 0.262 formatted 0.0% is three) and `benchmarkFactor` brings a benchmark kept another
 * way (0.216 formatted % beside whole numbers) into the figures' scale. The conditions exclude each other.
 */
export function benchmarkConditions(
  test: BenchmarkTest,
  tolerance: BenchmarkTolerance,
  decimals: { figure: number; benchmark: number },
  sheetScale: { benchmarkFactor: number; toSheet: (core: number) => number }
): Array<{ status: RagStatus; condition: string }> {
  const fewer = Math.min(decimals.figure, decimals.benchmark);
  const more = Math.max(decimals.figure, decimals.benchmark);
  const benchmark = sheetScale.benchmarkFactor === 1 ? "Y" : `Y*${sheetScale.benchmarkFactor}`;
  const ours = `ROUND(X,${fewer})`;
  const theirs = `ROUND(${benchmark},${fewer})`;
  const operator = {
    higher: ">",
    "at or higher": ">=",
    lower: "<",
    "at or lower": "<=",
    same: "=",
  }[test];
  const green = `${ours}${operator}${theirs}`;
  const apart = `ROUND(ABS(ROUND(X,${decimals.figure})-ROUND(${benchmark},${decimals.benchmark})),${more})`;
  const within =
    tolerance.kind === "margin"
      ? `${apart}<=${formulaNumber(sheetScale.toSheet(tolerance.value))}`
      : tolerance.kind === "share"
        ? `${apart}<=ABS(ROUND(${benchmark},${decimals.benchmark}))*${formulaNumber(tolerance.share)}`
        : null;
  if (within === null)
    return [
      { status: "Green", condition: green },
      { status: "Red", condition: `NOT(${green})` },
    ];
  return [
    { status: "Green", condition: green },
    { status: "Amber", condition: `AND(NOT(${green}),${within})` },
    { status: "Red", condition: `AND(NOT(${green}),NOT(${within}))` },
  ];
}

/**
 * The conditions for one period cell rated against one benchmark cell, in the sheet's scale: cells whose
 * conditions are the same text (and whose benchmark sits in the same column) can share a rule.
 */
export function benchmarkCellConditions(
  cell: FigureCell,
  benchmark: BenchmarkCell,
  standing: Extract<BenchmarkStanding, { kind: "rated" }>,
  written: Definition
): Array<{ status: RagStatus; condition: string }> {
  // In the unit the cells show, as the rating is; a pair the rating cannot compare gets no rule.
  const shownUnit = inShownUnit(written, [cell], benchmark);
  if (!shownUnit.ok) return [];
  const definition = shownUnit.value;
  if (!readBenchmarkFigure(benchmark.value, benchmark.numberFormat, definition).ok) return [];
  const whole = keptWhole(definition);
  const toSheet = (decimals: number): number => Math.max(0, whole ? decimals - 2 : decimals);
  const decimals = {
    figure: toSheet(coreDecimals(cell.value, cell.numberFormat, definition)),
    benchmark: toSheet(coreDecimals(benchmark.value, benchmark.numberFormat, definition)),
  };
  return benchmarkConditions(standing.test, standing.tolerance, decimals, {
    benchmarkFactor: benchmarkFactor(benchmark, definition),
    toSheet: whole ? fractionToPercent : (core) => core,
  });
}

/** How a benchmark cell is kept against the row's figures: 1 alike, 100 for a % benchmark beside whole-number percentages. */
export function benchmarkFactor(benchmark: BenchmarkCell, definition: Definition): number {
  if (!keptWhole(definition)) return 1;
  const read = readValue(benchmark.value, benchmark.numberFormat, definition.words);
  return read.kind === "figure" && read.percent ? 100 : 1;
}

function formulaNumber(value: number): string {
  return String(Number(value.toPrecision(15)));
}
