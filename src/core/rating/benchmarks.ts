/**
 * Comparisons with benchmarks: a KPI's figure beside England, its region or its statistical neighbours,
 * polarity-aware. `Same` means equal once both are rounded to the fewer decimals the sheet shows for
 * either, so a committee never reads "worse than England" about two figures that look the same on paper.
 */
import type { CellValue } from "../values/cell";
import type { Definition, Polarity } from "../definition/definition";
import { figureOf } from "./rate";
import { describeFigure, type Unit } from "../definition/units";
import { readPolarity } from "../definition/polarity";
import { decideScale } from "../definition/scale";
import { benchmarkName, yearKey, type BenchmarkCell, type FigureCell } from "./benchmark-names";
import {
  coreDecimals,
  describeDifference,
  roundTo,
  showFigure,
  type ShownFigure,
} from "./shown-figures";
import type { Read } from "../values/status";
import { isPercentFormat, readValue } from "../definition/written-figures";

/**
 * `Neither better` is an In range is better KPI whose figure and benchmark are different figures equally
 * far from the target range (both inside it, say): neither is better, and they are not the same either.
 */
/** The verdicts of a comparison that was made; the others say why none could be. */
export const comparedVerdicts = ["Better", "Worse", "Same", "Neither better"] as const;

export const verdicts = [
  ...comparedVerdicts,
  "No data",
  "No polarity",
  "Check definition",
] as const;

export type Verdict = (typeof verdicts)[number];

export interface Comparison {
  benchmark: string;
  year: string;
  /** The benchmark as the sheet shows it ("21.6%"), or its words when it has no figure ("c"). */
  value: string;
  /** The KPI's figure compared, as the sheet shows it ("26.2%"); "" when there is none. */
  figure: string;
  /** The period whose figure was compared. */
  period?: string;
  verdict: Verdict;
  /** How far apart, in the row's unit: "4.6 points", "38 days", "12.4 per 10,000"; "" when not compared. */
  difference: string;
  /** One sentence: "26.2% is worse than England (21.6%) by 4.6 points". */
  reason: string;
}

type Reading =
  | { ok: true; figure: ShownFigure }
  | { ok: false; verdict: "No data" | "Check definition"; reason: string };

/** Compares a KPI's figures (oldest period first) with one benchmark. Never throws. */
export function compareWithBenchmark(
  written: Definition,
  figures: readonly FigureCell[],
  benchmark: BenchmarkCell,
  measure = written.wording.measure ?? ""
): Comparison {
  const named = benchmarkName(benchmark);
  // Each comparison is written out whole, one shape for all: a sheet makes thousands of them.
  const comparison = (
    value: string,
    figure: string,
    period: string | undefined,
    verdict: Verdict,
    difference: string,
    reason: string
  ): Comparison => ({
    benchmark: benchmark.benchmark,
    year: benchmark.year,
    value,
    figure,
    period,
    verdict,
    difference,
    reason,
  });

  const shownUnit = inShownUnit(written, figures, benchmark);
  if (!shownUnit.ok)
    return comparison(
      shownText(benchmark.value),
      "",
      undefined,
      "Check definition",
      "",
      `${named} cannot be compared: ${shownUnit.problem}`
    );
  const definition = shownUnit.value;
  const unit = definition.unit;

  const chosen = figureToCompare(definition, figures, benchmark.year);
  if (!chosen.ok)
    return comparison(shownText(benchmark.value), "", chosen.period, "No data", "", chosen.reason);
  const { cell, figure } = chosen;
  const figureShown = showFigure(figure, unit);
  const period = cell.period === "" ? undefined : cell.period;

  const against = readBenchmarkFigure(benchmark.value, benchmark.numberFormat, definition);
  if (!against.ok) {
    return comparison(
      shownText(benchmark.value),
      figureShown,
      period,
      against.verdict,
      "",
      `${named} ${against.verdict === "No data" ? "has no figure" : "cannot be compared"}: ${against.reason}`
    );
  }
  const valueShown = showFigure(against.figure, unit);

  const base = rateBase(definition, measure);
  const polarity = polarityToCompare(definition);
  // Equal at the precision shown needs no polarity: a context row is the Same as a benchmark it matches.
  if (!polarity.ok && polarity.verdict === "No polarity" && sameShown(figure, against.figure))
    return comparison(
      valueShown,
      figureShown,
      period,
      "Same",
      describeDifference(0, unit, base),
      sentence("Same", figureShown, named, valueShown, "", { kind: "higher" }, unit)
    );
  if (!polarity.ok)
    return comparison(
      valueShown,
      figureShown,
      period,
      polarity.verdict,
      "",
      `${figureShown} against ${named} (${valueShown}): ${polarity.reason}`
    );

  const verdict = verdictOf(figure, against.figure, polarity.value);
  const difference = describeDifference(differenceOf(figure, against.figure), unit, base);
  return comparison(
    valueShown,
    figureShown,
    period,
    verdict,
    verdict === "Same" ? describeDifference(0, unit, base) : difference,
    sentence(verdict, figureShown, named, valueShown, difference, polarity.value, unit)
  );
}

/**
 * The verdict on two figures, polarity-aware: equal at the fewer decimals shown is `Same`; otherwise the
 * better side of the polarity wins. Rounding never reverses an order, so the rounded figures decide.
 */
export function verdictOf(
  figure: ShownFigure,
  benchmark: ShownFigure,
  polarity: Polarity
): (typeof comparedVerdicts)[number] {
  if (sameShown(figure, benchmark)) return "Same";
  const decimals = Math.min(figure.decimals, benchmark.decimals);
  const ours = roundTo(figure.value, decimals);
  const theirs = roundTo(benchmark.value, decimals);
  if (polarity.kind === "higher") return ours > theirs ? "Better" : "Worse";
  if (polarity.kind === "lower") return ours < theirs ? "Better" : "Worse";
  // Distances to the range at the same decimals, so 8% and 22% around 10%-20% are equally far.
  const outside = (value: number): number =>
    roundTo(Math.max(polarity.low - value, 0, value - polarity.high), decimals);
  const ourDistance = outside(ours);
  const theirDistance = outside(theirs);
  if (ourDistance === theirDistance) return "Neither better";
  return ourDistance < theirDistance ? "Better" : "Worse";
}

/** Whether two figures are equal once both are rounded to the fewer decimals the sheet shows for either. */
function sameShown(figure: ShownFigure, benchmark: ShownFigure): boolean {
  const decimals = Math.min(figure.decimals, benchmark.decimals);
  return roundTo(figure.value, decimals) === roundTo(benchmark.value, decimals);
}

/**
 * The definition a comparison is made in: the row's own, except where nothing states the row's unit (a
 * suspended or context row, bare thresholds), which the core takes for a count, while its cells show
 * percentages (a % format or "96%"). Those are compared as the percentages they show, so 0.96 and 0.95
 * under "0%" are 96% and 95%, not 1 and 1. Their scale is the row's figures', decided as a rated row's is.
 */
export function inShownUnit(
  definition: Definition,
  figures: readonly FigureCell[],
  benchmark: Pick<BenchmarkCell, "value" | "numberFormat"> | undefined
): Read<Definition> {
  // A unit only the figures gave (see DefinitionWording.figuresUnit) is as unstated as a count by default.
  const unitOfFigures =
    definition.unit === "percent" && definition.wording.figuresUnit === "percent";
  if ((definition.unit !== "count" && !unitOfFigures) || !unstated(definition.wording.unit))
    return { ok: true, value: definition };
  const shownAsPercent = (cell: { value: CellValue; numberFormat?: string }): boolean => {
    if (typeof cell.value === "number") return isPercentFormat(cell.numberFormat);
    const read = readValue(cell.value, cell.numberFormat, definition.words);
    return read.kind === "figure" && read.percent;
  };
  if (!figures.some(shownAsPercent) && !(benchmark && shownAsPercent(benchmark)))
    return { ok: true, value: definition };
  const inPercent: Definition = { ...definition, unit: "percent", scale: undefined };
  const scale = decideScale(
    inPercent,
    figures.map((cell) => ({ value: cell.value, numberFormat: cell.numberFormat ?? "General" }))
  );
  return scale.ok
    ? { ok: true, value: { ...inPercent, scale: scale.value } }
    : { ok: false, problem: scale.problem };
}

function unstated(unit: CellValue | undefined): boolean {
  return unit === undefined || unit === null || (typeof unit === "string" && unit.trim() === "");
}

/**
 * The figure compared: the period named by the benchmark's year where the sheet has that period,
 * otherwise the latest period that has a figure.
 */
function figureToCompare(
  definition: Definition,
  figures: readonly FigureCell[],
  year: string
):
  | { ok: true; cell: FigureCell; figure: ShownFigure }
  | { ok: false; period?: string; reason: string } {
  const wanted = year === "latest" ? null : yearKey(year);
  const matching =
    wanted === null ? undefined : figures.find((cell) => yearKey(cell.period) === wanted);
  if (matching) {
    const read = readKpiFigure(matching, definition);
    return read.ok
      ? { ok: true, cell: matching, figure: read.figure }
      : {
          ok: false,
          period: matching.period,
          reason: `the ${matching.period} figure: ${read.reason}`,
        };
  }
  for (let index = figures.length - 1; index >= 0; index--) {
    const read = readKpiFigure(figures[index], definition);
    if (read.ok) return { ok: true, cell: figures[index], figure: read.figure };
  }
  const only = figures.length === 1 ? readKpiFigure(figures[0], definition) : undefined;
  return {
    ok: false,
    reason:
      only && !only.ok
        ? `there is no figure to compare: ${only.reason}`
        : "no period has a figure to compare",
  };
}

function readKpiFigure(
  cell: FigureCell,
  definition: Definition
): { ok: true; figure: ShownFigure } | { ok: false; reason: string } {
  const figure = figureOf(cell.value, definition, cell.numberFormat);
  if (!figure.ok) return { ok: false, reason: figure.rating.reason.replace(/^No data: /, "") };
  return {
    ok: true,
    figure: {
      value: figure.value,
      decimals: coreDecimals(cell.value, cell.numberFormat, definition),
    },
  };
}

/**
 * A benchmark read in the row's scale, with every no-data and suppression word. A bare number above 1
 * beside figures kept as fractions formatted as % could be 21.6% or 2160%: that is for the analyst to say.
 */
export function readBenchmarkFigure(
  value: CellValue,
  numberFormat: string | undefined,
  definition: Definition
): Reading {
  const read = readValue(value, numberFormat, definition.words);
  if (read.kind !== "figure") return { ok: false, verdict: "No data", reason: read.reason };
  if (
    definition.unit === "percent" &&
    definition.scale === "fraction" &&
    !read.percent &&
    Math.abs(read.value) > 1
  ) {
    return {
      ok: false,
      verdict: "Check definition",
      reason: `${read.value} is a whole number but the row keeps its percentages as fractions formatted as %: format the benchmark as % too`,
    };
  }
  const figure = figureOf(value, definition, numberFormat);
  if (!figure.ok)
    return {
      ok: false,
      verdict: "No data",
      reason: figure.rating.reason.replace(/^No data: /, ""),
    };
  return {
    ok: true,
    figure: { value: figure.value, decimals: coreDecimals(value, numberFormat, definition) },
  };
}

/** The row's polarity for comparing: its rated polarity, or the wording's when it has no target or a faulty one. */
function polarityToCompare(
  definition: Definition
):
  | { ok: true; value: Polarity }
  | { ok: false; verdict: "No polarity" | "Check definition"; reason: string } {
  const { standing } = definition;
  if (standing.kind === "rated") return { ok: true, value: standing.polarity };
  const phrases = readPolarity(definition.wording.polarity, definition.words);
  if (!phrases.ok) return { ok: false, verdict: "Check definition", reason: phrases.problem };
  const decisive = phrases.value[phrases.value.length - 1];
  if (decisive === "higher" || decisive === "lower") return { ok: true, value: { kind: decisive } };
  if (decisive === "range")
    return {
      ok: false,
      verdict: "No polarity",
      reason: "In range is better needs a target range to say which is better",
    };
  return { ok: false, verdict: "No polarity", reason: "without a polarity neither is better" };
}

/** Figure minus benchmark, each as shown, to the more decimals of the two (no binary noise). */
function differenceOf(figure: ShownFigure, benchmark: ShownFigure): number {
  const shownFigure = roundTo(figure.value, figure.decimals);
  const shownBenchmark = roundTo(benchmark.value, benchmark.decimals);
  return roundTo(shownFigure - shownBenchmark, Math.max(figure.decimals, benchmark.decimals));
}

/** "per 10,000" from a rate's measure ("Rate of Early Help open cases per 10,000 under-18 population") or its unit word. */
function rateBase(definition: Definition, measure: string): string | undefined {
  if (definition.unit !== "rate") return undefined;
  const unitWord = typeof definition.wording.unit === "string" ? definition.wording.unit : "";
  const match = /\bper\s+(\d{1,3}(?:,\d{3})+|\d+)/i.exec(`${unitWord} ${measure}`);
  if (!match) return undefined;
  const number = Number(match[1].replace(/,/g, ""));
  return `per ${number.toLocaleString("en-GB")}`;
}

function sentence(
  verdict: ReturnType<typeof verdictOf>,
  figure: string,
  named: string,
  value: string,
  difference: string,
  polarity: Polarity,
  unit: Unit
): string {
  switch (verdict) {
    case "Better":
      return `${figure} is better than ${named} (${value}) by ${difference}`;
    case "Worse":
      return `${figure} is worse than ${named} (${value}) by ${difference}`;
    case "Same":
      return `${figure} is the same as ${named} (${value}) at the precision the sheet shows`;
    case "Neither better": {
      const range =
        polarity.kind === "range"
          ? ` ${describeFigure(polarity.low, unit)}-${describeFigure(polarity.high, unit)}`
          : "";
      return `${figure} and ${named} (${value}) are as near the target range${range} as each other, so neither is better`;
    }
  }
}

/** A cell's own words, for a benchmark with no figure: "c", "N/A", "" for a blank. */
function shownText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  return String(value).trim();
}
