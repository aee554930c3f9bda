/**
 * A KPI's definition: its wording as written in the sheet or register, read once into a form that
 * `bands` and `rate` can use. Whatever cannot be read, or contradicts itself, becomes a problem
 * ("Check definition"), never a guess.
 */
import { isExcelError, type CellValue } from "./cell";
import type { PercentScale, Unit } from "./units";
import { describeFigure, percentToFraction, readUnitWord, unitFromMeasure } from "./units";
import { readPolarity, readThreshold, type Comparator, type Direction, type Threshold } from "./wording";

/** The sheet's words for one KPI: the cells of its row (or register entry). */
export interface DefinitionWording {
  measure?: string;
  polarity: CellValue;
  target: CellValue;
  /** The standard tolerance. */
  tolerance: CellValue;
  /** Alternative tolerance sets by name, e.g. { "Covid19": ">=75%" }. */
  otherTolerances?: Readonly<Record<string, CellValue>>;
  /** The register's Unit column, when there is one. */
  unit?: CellValue;
  /** Number formats of the threshold cells, so 0.9 formatted as % reads as 90%. */
  formats?: { target?: string; tolerance?: string; otherTolerances?: Readonly<Record<string, string>> };
}

export type Polarity = { kind: "higher" } | { kind: "lower" } | { kind: "range"; low: number; high: number };

/** One tolerance set's threshold for a rated KPI. */
export type Tolerance =
  | { kind: "none" } // two bands, Green and Red (for an alternative set: the standard tolerance applies)
  | { kind: "figure"; value: number; inclusive: boolean }
  | { kind: "range"; low: number; high: number }
  | { kind: "suspended" }
  | { kind: "problem"; problem: string };

/** Where a KPI stands before any value is looked at. */
export type Standing =
  | { kind: "rated"; polarity: Polarity; target: number; targetInclusive: boolean; tolerances: Readonly<Record<string, Tolerance>> }
  | { kind: "suspended"; reason: string }
  | { kind: "no target"; reason: string }
  | { kind: "check"; problems: string[] };

export interface Definition {
  unit: Unit;
  /** How the sheet keeps this KPI's percentages; undefined means decide from each value. */
  scale?: PercentScale;
  standing: Standing;
  /** The tolerance sets named in the wording, "Standard" first, as the sheet names them. */
  toleranceSets: string[];
  wording: DefinitionWording;
}

export const standardSet = "Standard";

/** "Covid19 Tolerance", "Covid-19", "covid19" all name one set: compared by this key. */
export function toleranceSetKey(name: string): string {
  const key = name.toLowerCase().replace(/tolerance/g, "").replace(/[^a-z0-9]/g, "");
  return key === "" ? "standard" : key;
}

/** Reads a KPI's wording into a definition. Never throws. */
export function readDefinition(wording: DefinitionWording): Definition {
  const measure = typeof wording.measure === "string" ? wording.measure.trim() : "";
  const otherSets = Object.keys(wording.otherTolerances ?? {});
  const toleranceSets = [standardSet, ...otherSets.filter((name) => toleranceSetKey(name) !== "standard")];
  const problems: string[] = [];

  const polarity = readPolarity(wording.polarity);
  if (!polarity.ok) problems.push(polarity.problem);
  const target = readThreshold(wording.target, wording.formats?.target);
  if (!target.ok) problems.push(`the target: ${target.problem}`);
  const tolerances: Array<{ name: string; read: ReturnType<typeof readThreshold> }> = [
    { name: standardSet, read: readThreshold(wording.tolerance, wording.formats?.tolerance) },
    ...otherSets.map((name) => ({
      name,
      read: readThreshold(wording.otherTolerances?.[name] ?? null, wording.formats?.otherTolerances?.[name]),
    })),
  ];

  const unitWord = wording.unit === undefined || wording.unit === null ? "" : isExcelError(wording.unit) ? wording.unit.error : String(wording.unit);
  const explicitUnit = unitWord.trim() === "" ? null : readUnitWord(unitWord);
  if (unitWord.trim() !== "" && explicitUnit === null) problems.push(`the unit "${unitWord}" is not one the add-in knows (use %, days, rate or count)`);
  const thresholds = [target, ...tolerances.map((tolerance) => tolerance.read)].flatMap((read) => (read.ok ? [read.value] : []));
  const writtenUnits = [...new Set(thresholds.flatMap((threshold) => ("unit" in threshold && threshold.unit ? [threshold.unit] : [])))];
  if (writtenUnits.length > 1) problems.push(`the target and tolerances are written in different units (${writtenUnits.join(" and ")})`);
  if (explicitUnit && writtenUnits.length === 1 && writtenUnits[0] !== explicitUnit) {
    problems.push(`the thresholds are written in ${writtenUnits[0]} but the unit says ${explicitUnit}`);
  }
  const unit: Unit = explicitUnit ?? writtenUnits[0] ?? unitFromMeasure(measure) ?? "count";
  // Thresholds written as bare whole numbers (90) say the sheet keeps whole-number percentages. Written
  // as "90%" they say nothing about the figures: the row's values decide, or, for a lone value, its size.
  const bareWhole = unit === "percent" && thresholds.some(bareWholeNumber);
  const scale: PercentScale | undefined = bareWhole ? "whole" : undefined;
  const inUnit = (threshold: Threshold): Threshold => toCoreScale(threshold, unit);

  const base = { unit, scale, toleranceSets, wording };
  if (target.ok && target.value.kind === "suspended") {
    return { ...base, standing: { kind: "suspended", reason: "the target is suspended" } };
  }
  if (problems.length > 0) return { ...base, standing: { kind: "check", problems } };
  if (!polarity.ok || !target.ok) return { ...base, standing: { kind: "check", problems } };
  if (polarity.value.length === 0) return { ...base, standing: { kind: "no target", reason: "it has no polarity" } };
  if (target.value.kind === "none") return { ...base, standing: { kind: "no target", reason: "it has no target" } };

  const resolved = resolvePolarity(polarity.value, inUnit(target.value));
  if (!resolved.ok) return { ...base, standing: { kind: "check", problems: [resolved.problem] } };
  const { polarity: kind, target: targetFigure, targetInclusive } = resolved;

  const readTolerances: Record<string, Tolerance> = {};
  for (const { name, read } of tolerances) {
    const label = name === standardSet ? "the tolerance" : `the ${name} tolerance`;
    readTolerances[toleranceSetKey(name)] = read.ok ? toleranceFor(kind, targetFigure, inUnit(read.value), label, unit) : { kind: "problem", problem: `${label}: ${read.problem}` };
  }
  const standardTolerance = readTolerances.standard;
  if (standardTolerance.kind === "problem") return { ...base, standing: { kind: "check", problems: [standardTolerance.problem] } };
  return { ...base, standing: { kind: "rated", polarity: kind, target: targetFigure, targetInclusive, tolerances: readTolerances } };
}

/** Bare numbers in a percent KPI: 0.9 is a fraction, 90 is a whole-number percentage. */
function toCoreScale(threshold: Threshold, unit: Unit): Threshold {
  if (unit !== "percent" || !writtenWithoutUnit(threshold)) return threshold;
  switch (threshold.kind) {
    case "figure":
    case "margin": {
      const value = Math.abs(threshold.value) > 1 ? percentToFraction(threshold.value) : threshold.value;
      return { ...threshold, value, unit: "percent" };
    }
    case "range": {
      // Both ends in one scale: "10-20" is 10%-20%, "0.1-0.2" is too.
      const whole = Math.max(Math.abs(threshold.low), Math.abs(threshold.high)) > 1;
      const scaled = (value: number): number => (whole ? percentToFraction(value) : value);
      return { ...threshold, low: scaled(threshold.low), high: scaled(threshold.high), unit: "percent" };
    }
    default:
      return threshold;
  }
}

/** A figure, range or margin written as bare numbers, with no % or days to say its unit. */
function writtenWithoutUnit(threshold: Threshold): boolean {
  if (threshold.kind === "figure") return threshold.bare === true;
  return (threshold.kind === "range" || threshold.kind === "margin") && threshold.unit === null;
}

/**
 * Whether a bare threshold is a whole-number percentage (90, or 10-20), which says how the sheet keeps its
 * figures. A margin (±5) is a number of points either way, so it says nothing about them.
 */
function bareWholeNumber(threshold: Threshold): boolean {
  if (!writtenWithoutUnit(threshold)) return false;
  if (threshold.kind === "range") return Math.max(Math.abs(threshold.low), Math.abs(threshold.high)) > 1;
  return threshold.kind === "figure" && Math.abs(threshold.value) > 1;
}

type Resolved = { ok: true; polarity: Polarity; target: number; targetInclusive: boolean } | { ok: false; problem: string };

/** Where a cell holds two phrases and the target is a single value, the second phrase decides. */
function resolvePolarity(phrases: Direction[], target: Threshold): Resolved {
  if (target.kind === "range") {
    if (!phrases.includes("range")) return { ok: false, problem: "a target range needs the polarity In range is better" };
    return { ok: true, polarity: { kind: "range", low: target.low, high: target.high }, target: target.low, targetInclusive: true };
  }
  if (target.kind !== "figure") return { ok: false, problem: "the target is not a figure" };
  const direction = phrases[phrases.length - 1];
  if (direction === "range") return { ok: false, problem: "In range is better needs a target range such as 10%-20%" };
  if (phrases.length > 2) return { ok: false, problem: "the polarity has more than two phrases" };
  const comparatorProblem = comparatorAgainst(direction, target.comparator, "the target");
  if (comparatorProblem) return { ok: false, problem: comparatorProblem };
  return { ok: true, polarity: { kind: direction }, target: target.value, targetInclusive: target.comparator !== ">" && target.comparator !== "<" };
}

function comparatorAgainst(direction: "higher" | "lower", comparator: Comparator | undefined, label: string): string | null {
  if (!comparator) return null;
  const upward = comparator === ">=" || comparator === ">";
  if (upward === (direction === "higher")) return null;
  return `${label} says ${comparator} but the polarity says ${direction === "higher" ? "bigger" : "smaller"} is better`;
}

function toleranceFor(polarity: Polarity, target: number, threshold: Threshold, label: string, unit: Unit): Tolerance {
  switch (threshold.kind) {
    case "none":
      return { kind: "none" };
    case "suspended":
      return { kind: "suspended" };
    case "margin":
      if (polarity.kind !== "range") return { kind: "problem", problem: `${label} is a margin (±) but the target is a single figure` };
      if (threshold.value < 0) return { kind: "problem", problem: `${label} is a negative margin` };
      // Worked out in decimal: 0.2 - 0.05 must be exactly the 15% an analyst would write.
      return { kind: "range", low: decimal(polarity.low - threshold.value), high: decimal(polarity.high + threshold.value) };
    case "range":
      if (polarity.kind !== "range") return { kind: "problem", problem: `${label} is a range but the target is a single figure` };
      if (threshold.low > polarity.low || threshold.high < polarity.high) {
        return { kind: "problem", problem: `${label} range does not contain the target range` };
      }
      return { kind: "range", low: threshold.low, high: threshold.high };
    case "figure": {
      if (polarity.kind === "range") {
        return { kind: "problem", problem: `${label} for a target range must be a wider range such as 5%-25% or a margin such as ±5%` };
      }
      const comparatorProblem = comparatorAgainst(polarity.kind, threshold.comparator, label);
      if (comparatorProblem) return { kind: "problem", problem: comparatorProblem };
      const onBetterSide = polarity.kind === "higher" ? threshold.value > target : threshold.value < target;
      if (onBetterSide) {
        return {
          kind: "problem",
          problem: `${label} (${describeFigure(threshold.value, unit)}) is on the better side of the target (${describeFigure(target, unit)}) for ${polarity.kind === "higher" ? "Bigger" : "Smaller"} is better`,
        };
      }
      return { kind: "figure", value: threshold.value, inclusive: threshold.comparator !== ">" && threshold.comparator !== "<" };
    }
  }
}

/** Rounds away binary noise (0.15000000000000002) to twelve significant digits. */
function decimal(value: number): number {
  return Number(value.toPrecision(12));
}

/** A definition that cannot be rated for a reason found outside its own words (an unknown KPI id, mixed scales). */
export function unreadableDefinition(wording: DefinitionWording, problem: string): Definition {
  return { ...readDefinition(wording), standing: { kind: "check", problems: [problem] } };
}

/** Fixes how a definition's percentages are kept, once the row's values have said so. */
export function withScale(definition: Definition, scale: PercentScale | undefined): Definition {
  return definition.unit === "percent" ? { ...definition, scale } : definition;
}

/** The problems of a definition, for every tolerance set: what the pane and the report list. */
export function definitionProblems(definition: Definition): string[] {
  const { standing } = definition;
  if (standing.kind === "check") return standing.problems;
  if (standing.kind !== "rated") return [];
  return Object.values(standing.tolerances).flatMap((tolerance) => (tolerance.kind === "problem" ? [tolerance.problem] : []));
}
