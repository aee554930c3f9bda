/**
 * Reading a tolerance around a target: a figure on the target's worse side, a wider range, or a margin
 * (relative or in points); bare numbers of a percent KPI put in the core's scale first.
 */
import type { CellValue } from "../values/cell";
import type { Read } from "../values/status";
import { describeFigure, percentToFraction, type Unit } from "./units";
import type { Comparator, Margin, Threshold } from "./wording";
import type { Polarity, Tolerance } from "./definition";

/** A target written with its margin ("95% ± 5%") carries the standard tolerance, unless the tolerance column has one too. */
export function withTargetMargin(
  target: Read<Threshold>,
  tolerance: Read<Threshold>,
  written: CellValue
): Read<Threshold> {
  const margin =
    target.ok && (target.value.kind === "figure" || target.value.kind === "range")
      ? target.value.margin
      : undefined;
  if (!margin || !tolerance.ok) return tolerance;
  if (tolerance.value.kind === "none") return { ok: true, value: margin };
  return {
    ok: false,
    problem: `the target carries its own margin (${margin.written}) but the tolerance column says ${JSON.stringify(String(written))} too`,
  };
}

/** Bare numbers in a percent KPI: 0.9 is a fraction, 90 is a whole-number percentage. */
export function toCoreScale(threshold: Threshold, unit: Unit): Threshold {
  if (unit !== "percent" || !writtenWithoutUnit(threshold)) return threshold;
  switch (threshold.kind) {
    case "figure": {
      const value =
        Math.abs(threshold.value) > 1 ? percentToFraction(threshold.value) : threshold.value;
      return { ...threshold, value, unit: "percent" };
    }
    case "margin": {
      // "5 points" of a percentage are always percentage points; a bare "±5" is too, where it is above 1.
      const value =
        threshold.points === true || Math.abs(threshold.value) > 1
          ? percentToFraction(threshold.value)
          : threshold.value;
      return { ...threshold, value, unit: "percent" };
    }
    case "range": {
      // Both ends in one scale: "10-20" is 10%-20%, "0.1-0.2" is too.
      const whole = Math.max(Math.abs(threshold.low), Math.abs(threshold.high)) > 1;
      const scaled = (value: number): number => (whole ? percentToFraction(value) : value);
      return {
        ...threshold,
        low: scaled(threshold.low),
        high: scaled(threshold.high),
        unit: "percent",
      };
    }
    default:
      return threshold;
  }
}

/** A figure, range or margin written as bare numbers, with no % or days to say its unit. */
function writtenWithoutUnit(threshold: Threshold): boolean {
  if (threshold.kind === "figure") return threshold.bare === true;
  if (threshold.kind === "margin") return !threshold.relative && threshold.unit === null;
  return threshold.kind === "range" && threshold.unit === null;
}

/**
 * Whether a bare threshold is a whole-number percentage (90, or 10-20), which says how the sheet keeps its
 * figures. A margin (±5) is a number of points either way, so it says nothing about them.
 */
export function bareWholeNumber(threshold: Threshold): boolean {
  if (!writtenWithoutUnit(threshold)) return false;
  if (threshold.kind === "range")
    return Math.max(Math.abs(threshold.low), Math.abs(threshold.high)) > 1;
  return threshold.kind === "figure" && Math.abs(threshold.value) > 1;
}

export function comparatorAgainst(
  direction: "higher" | "lower",
  comparator: Comparator | undefined,
  label: string,
  words?: string,
  saying = "the polarity"
): string | null {
  if (!comparator) return null;
  const upward = comparator === ">=" || comparator === ">";
  if (upward === (direction === "higher")) return null;
  return `${label} says ${words ? `"${words}"` : comparator} but ${saying} says ${direction === "higher" ? "bigger" : "smaller"} is better`;
}

export function toleranceFor(
  polarity: Polarity,
  target: number,
  threshold: Threshold,
  label: string,
  unit: Unit
): Tolerance {
  switch (threshold.kind) {
    case "none":
      return { kind: "none" };
    case "suspended":
      return { kind: "suspended" };
    case "margin":
      return marginTolerance(polarity, target, threshold, label, unit);
    case "range":
      if (polarity.kind !== "range")
        return {
          kind: "problem",
          problem: `${label} is a range but the target is a single figure`,
        };
      if (threshold.low > polarity.low || threshold.high < polarity.high) {
        return { kind: "problem", problem: `${label} range does not contain the target range` };
      }
      return { kind: "range", low: threshold.low, high: threshold.high };
    case "figure": {
      if (polarity.kind === "range") {
        return {
          kind: "problem",
          problem: `${label} for a target range must be a wider range such as 5%-25% or a margin such as ±5%`,
        };
      }
      const comparatorProblem = comparatorAgainst(
        polarity.kind,
        threshold.comparator,
        label,
        threshold.words
      );
      if (comparatorProblem) return { kind: "problem", problem: comparatorProblem };
      const onBetterSide =
        polarity.kind === "higher" ? threshold.value > target : threshold.value < target;
      if (onBetterSide) {
        return {
          kind: "problem",
          problem: `${label} (${describeFigure(threshold.value, unit)}) is on the better side of the target (${describeFigure(target, unit)}) for ${polarity.kind === "higher" ? "Bigger" : "Smaller"} is better`,
        };
      }
      const inclusive = threshold.comparator !== ">" && threshold.comparator !== "<";
      const reading = threshold.words
        ? `the tolerance "${threshold.words}" is ${inclusive ? "inclusive" : "strict"}`
        : undefined;
      return { kind: "figure", value: threshold.value, inclusive, ...(reading ? { reading } : {}) };
    }
  }
}

/**
 * A margin around the target, on its worse side: relative margins are a share of the target's value
 * (95% ± 5% gives 90.25%), absolute ones a number of points or days (95% ± 5pp gives 90%). Around a target
 * range a margin applies to each end (10%-20% ± 10% gives 9%-22%).
 */
function marginTolerance(
  polarity: Polarity,
  target: number,
  margin: Margin,
  label: string,
  unit: Unit
): Tolerance {
  if (margin.value < 0) return { kind: "problem", problem: `${label} is a negative margin` };
  const { value, relative } = margin;
  const amount = relative
    ? `${describeFigure(value, "percent")} of the target's value`
    : unit === "percent"
      ? `${describeFigure(value, "percent").replace("%", "")} percentage ${value === 0.01 ? "point" : "points"}`
      : describeFigure(value, unit);
  // Worked out in decimal: 0.2 - 0.05 must be exactly the 15% an analyst would write.
  const below = (end: number): number => decimal(relative ? end * (1 - value) : end - value);
  const above = (end: number): number => decimal(relative ? end * (1 + value) : end + value);
  switch (polarity.kind) {
    case "range": {
      const low = below(polarity.low);
      const high = above(polarity.high);
      return {
        kind: "range",
        low,
        high,
        reading: `${label} "${margin.written}" read as ${amount} either side: ${describeFigure(low, unit)}-${describeFigure(high, unit)}`,
      };
    }
    case "higher":
    case "lower": {
      const edge = polarity.kind === "higher" ? below(target) : above(target);
      return {
        kind: "figure",
        value: edge,
        inclusive: true,
        reading: `${label} "${margin.written}" read as ${amount} ${polarity.kind === "higher" ? "below" : "above"} the target: ${describeFigure(edge, unit)}`,
      };
    }
  }
}

/** Rounds away binary noise (0.15000000000000002) to twelve significant digits. */
function decimal(value: number): number {
  return Number(value.toPrecision(12));
}
