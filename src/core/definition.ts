/**
 * A KPI's definition: its wording as written in the sheet or register, read once into a form that
 * `bands` and `rate` can use. Whatever cannot be read, or contradicts itself, becomes a problem
 * ("Check definition"), never a guess.
 */
import { isExcelError, type CellValue } from "./cell";
import type { Read } from "./status";
import type { PercentScale, Unit } from "./units";
import { describeFigure, percentToFraction, readUnitWord, unitFromMeasure } from "./units";
import { directionWords, readPolarityWording, type Direction } from "./polarity";
import { readThreshold, type Comparator, type Margin, type Threshold } from "./wording";
import type { Words } from "./words";

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

/** One tolerance set's threshold for a rated KPI. `reading` says how words or a margin were read, for reasons. */
export type Tolerance =
  | { kind: "none" } // two bands, Green and Red (for an alternative set: the standard tolerance applies)
  | { kind: "figure"; value: number; inclusive: boolean; reading?: string }
  | { kind: "range"; low: number; high: number; reading?: string }
  | { kind: "suspended" }
  | { kind: "problem"; problem: string };

/** Where a KPI stands before any value is looked at. */
export type Standing =
  | { kind: "rated"; polarity: Polarity; target: number; targetInclusive: boolean; tolerances: Readonly<Record<string, Tolerance>>; targetReading?: string }
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
  /** How wordings other than the seed's plain ones were read ("\"H\" read as Bigger is better"), for the pane and the report. */
  readings: string[];
  /** The words the workbook teaches, so its period values are read with them too. */
  words?: Words;
}

export const standardSet = "Standard";

/** "Covid19 Tolerance", "Covid-19", "covid19" all name one set: compared by this key. */
export function toleranceSetKey(name: string): string {
  const key = name.toLowerCase().replace(/tolerance/g, "").replace(/[^a-z0-9]/g, "");
  return key === "" ? "standard" : key;
}

/** Reads a KPI's wording into a definition, with the words the workbook teaches. Never throws. */
export function readDefinition(wording: DefinitionWording, words?: Words): Definition {
  const measure = typeof wording.measure === "string" ? wording.measure.trim() : "";
  const otherSets = Object.keys(wording.otherTolerances ?? {});
  const toleranceSets = [standardSet, ...otherSets.filter((name) => toleranceSetKey(name) !== "standard")];
  const problems: string[] = [];

  const polarity = readPolarityWording(wording.polarity, words);
  if (!polarity.ok) problems.push(polarity.problem);
  const target = readThreshold(wording.target, wording.formats?.target, words);
  if (!target.ok) problems.push(`the target: ${target.problem}`);
  const tolerances: Array<{ name: string; read: ReturnType<typeof readThreshold> }> = [
    { name: standardSet, read: withTargetMargin(target, readThreshold(wording.tolerance, wording.formats?.tolerance, words), wording.tolerance) },
    ...otherSets.map((name) => ({
      name,
      read: readThreshold(wording.otherTolerances?.[name] ?? null, wording.formats?.otherTolerances?.[name], words),
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

  const polarityReading = polarity.ok && polarity.value.kind !== "none" ? polarity.value.reading : undefined;
  const base = { unit, scale, toleranceSets, wording, readings: polarityReading ? [polarityReading] : [], ...(words ? { words } : {}) };
  if (target.ok && target.value.kind === "suspended") {
    return { ...base, standing: { kind: "suspended", reason: "the target is suspended" } };
  }
  if (problems.length > 0 || !polarity.ok || !target.ok) return { ...base, standing: { kind: "check", problems } };
  if (polarity.value.kind === "context") return { ...base, standing: { kind: "no target", reason: polarity.value.reading } };
  const noTarget = target.value.kind === "none" ? `it has no target${target.value.written ? ` ("${target.value.written}")` : ""}` : null;
  let phrases: Direction[];
  let polarityWritten: string | undefined;
  if (polarity.value.kind === "none") {
    // With no polarity, an operator in the target says which way is better: "≥ 80%", "Fewer than 40".
    const leaning = target.value.kind === "figure" ? leaningOf(target.value.comparator) : null;
    if (!leaning) return { ...base, standing: { kind: "no target", reason: noTarget ?? "it has no polarity" } };
    phrases = [leaning];
  } else {
    phrases = polarity.value.directions;
    polarityWritten = polarity.value.reading ? String(wording.polarity).replace(/\s+/g, " ").trim() : undefined;
  }
  if (noTarget) return { ...base, standing: { kind: "no target", reason: noTarget } };

  const resolved = resolvePolarity(phrases, inUnit(target.value), polarityWritten);
  if (!resolved.ok) return { ...base, standing: { kind: "check", problems: [resolved.problem] } };
  const { polarity: kind, target: targetFigure, targetInclusive } = resolved;
  const targetReading = readingOfTarget(inUnit(target.value), polarity.value.kind === "none", kind, unit);

  const readTolerances: Record<string, Tolerance> = {};
  for (const { name, read } of tolerances) {
    const label = name === standardSet ? "the tolerance" : `the ${name} tolerance`;
    readTolerances[toleranceSetKey(name)] = read.ok ? toleranceFor(kind, targetFigure, inUnit(read.value), label, unit) : { kind: "problem", problem: `${label}: ${read.problem}` };
  }
  const standardTolerance = readTolerances.standard;
  if (standardTolerance.kind === "problem") return { ...base, standing: { kind: "check", problems: [standardTolerance.problem] } };
  const readings = [
    ...base.readings,
    ...(targetReading ? [targetReading] : []),
    ...Object.values(readTolerances).flatMap((tolerance) => ((tolerance.kind === "figure" || tolerance.kind === "range") && tolerance.reading ? [tolerance.reading] : [])),
  ];
  return { ...base, readings, standing: { kind: "rated", polarity: kind, target: targetFigure, targetInclusive, tolerances: readTolerances, ...(targetReading ? { targetReading } : {}) } };
}

/** A target written with its margin ("95% ± 5%") carries the standard tolerance, unless the tolerance column has one too. */
function withTargetMargin(target: Read<Threshold>, tolerance: Read<Threshold>, written: CellValue): Read<Threshold> {
  const margin = target.ok && (target.value.kind === "figure" || target.value.kind === "range") ? target.value.margin : undefined;
  if (!margin || !tolerance.ok) return tolerance;
  if (tolerance.value.kind === "none") return { ok: true, value: margin };
  return { ok: false, problem: `the target carries its own margin (${margin.written}) but the tolerance column says ${JSON.stringify(String(written))} too` };
}

/** The way an operator leans: ≥ and > say bigger is better, ≤ and < smaller. */
function leaningOf(comparator: Comparator | undefined): "higher" | "lower" | null {
  if (comparator === undefined) return null;
  return comparator === ">=" || comparator === ">" ? "higher" : "lower";
}

/** How a target in words, or one whose operator gave the polarity, was read: said in every reason. */
function readingOfTarget(target: Threshold, polarityFromTarget: boolean, polarity: Polarity, unit: Unit): string | undefined {
  if (target.kind !== "figure" || !target.comparator) return undefined;
  const written = target.words ?? target.written ?? target.comparator + describeFigure(target.value, unit);
  const strict = target.comparator === ">" || target.comparator === "<";
  const itself = `${describeFigure(target.value, unit)} itself ${strict ? "has not met it" : "meets it"}`;
  if (polarityFromTarget) return `no polarity is given, so the target "${written}" says ${directionWords[polarity.kind]}, and ${itself}`;
  return target.words ? `the target "${written}" is ${strict ? "strict" : "inclusive"}: ${itself}` : undefined;
}

/** Bare numbers in a percent KPI: 0.9 is a fraction, 90 is a whole-number percentage. */
function toCoreScale(threshold: Threshold, unit: Unit): Threshold {
  if (unit !== "percent" || !writtenWithoutUnit(threshold)) return threshold;
  switch (threshold.kind) {
    case "figure": {
      const value = Math.abs(threshold.value) > 1 ? percentToFraction(threshold.value) : threshold.value;
      return { ...threshold, value, unit: "percent" };
    }
    case "margin": {
      // "5 points" of a percentage are always percentage points; a bare "±5" is too, where it is above 1.
      const value = threshold.points === true || Math.abs(threshold.value) > 1 ? percentToFraction(threshold.value) : threshold.value;
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
  if (threshold.kind === "margin") return !threshold.relative && threshold.unit === null;
  return threshold.kind === "range" && threshold.unit === null;
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
function resolvePolarity(phrases: Direction[], target: Threshold, polarityWritten: string | undefined): Resolved {
  const saying = polarityWritten ? `the polarity "${polarityWritten}"` : "the polarity";
  if (target.kind === "range") {
    if (!phrases.includes("range")) return { ok: false, problem: "a target range needs the polarity In range is better" };
    return { ok: true, polarity: { kind: "range", low: target.low, high: target.high }, target: target.low, targetInclusive: true };
  }
  if (target.kind !== "figure") return { ok: false, problem: "the target is not a figure" };
  const direction = phrases[phrases.length - 1];
  if (direction === "range") {
    return {
      ok: false,
      problem: polarityWritten
        ? `${saying} means stay close to target (In range is better), which needs a target range such as 10%-20%, not a single target`
        : "In range is better needs a target range such as 10%-20%",
    };
  }
  if (phrases.length > 2) return { ok: false, problem: "the polarity has more than two phrases" };
  const comparatorProblem = comparatorAgainst(direction, target.comparator, "the target", target.words, saying);
  if (comparatorProblem) return { ok: false, problem: comparatorProblem };
  return { ok: true, polarity: { kind: direction }, target: target.value, targetInclusive: target.comparator !== ">" && target.comparator !== "<" };
}

function comparatorAgainst(direction: "higher" | "lower", comparator: Comparator | undefined, label: string, words?: string, saying = "the polarity"): string | null {
  if (!comparator) return null;
  const upward = comparator === ">=" || comparator === ">";
  if (upward === (direction === "higher")) return null;
  return `${label} says ${words ? `"${words}"` : comparator} but ${saying} says ${direction === "higher" ? "bigger" : "smaller"} is better`;
}

function toleranceFor(polarity: Polarity, target: number, threshold: Threshold, label: string, unit: Unit): Tolerance {
  switch (threshold.kind) {
    case "none":
      return { kind: "none" };
    case "suspended":
      return { kind: "suspended" };
    case "margin":
      return marginTolerance(polarity, target, threshold, label, unit);
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
      const comparatorProblem = comparatorAgainst(polarity.kind, threshold.comparator, label, threshold.words);
      if (comparatorProblem) return { kind: "problem", problem: comparatorProblem };
      const onBetterSide = polarity.kind === "higher" ? threshold.value > target : threshold.value < target;
      if (onBetterSide) {
        return {
          kind: "problem",
          problem: `${label} (${describeFigure(threshold.value, unit)}) is on the better side of the target (${describeFigure(target, unit)}) for ${polarity.kind === "higher" ? "Bigger" : "Smaller"} is better`,
        };
      }
      const inclusive = threshold.comparator !== ">" && threshold.comparator !== "<";
      const reading = threshold.words ? `the tolerance "${threshold.words}" is ${inclusive ? "inclusive" : "strict"}` : undefined;
      return { kind: "figure", value: threshold.value, inclusive, ...(reading ? { reading } : {}) };
    }
  }
}

/**
 * A margin around the target, on its worse side: relative margins are a share of the target's value
 * (95% ± 5% gives 90.25%), absolute ones a number of points or days (95% ± 5pp gives 90%). Around a target
 * range a margin applies to each end (10%-20% ± 10% gives 9%-22%).
 */
function marginTolerance(polarity: Polarity, target: number, margin: Margin, label: string, unit: Unit): Tolerance {
  if (margin.value < 0) return { kind: "problem", problem: `${label} is a negative margin` };
  const { value, relative } = margin;
  const amount = relative ? `${describeFigure(value, "percent")} of the target's value` : unit === "percent" ? `${describeFigure(value, "percent").replace("%", "")} percentage points` : describeFigure(value, unit);
  // Worked out in decimal: 0.2 - 0.05 must be exactly the 15% an analyst would write.
  const below = (end: number): number => decimal(relative ? end * (1 - value) : end - value);
  const above = (end: number): number => decimal(relative ? end * (1 + value) : end + value);
  switch (polarity.kind) {
    case "range": {
      const low = below(polarity.low);
      const high = above(polarity.high);
      return { kind: "range", low, high, reading: `${label} "${margin.written}" read as ${amount} either side: ${describeFigure(low, unit)}-${describeFigure(high, unit)}` };
    }
    case "higher":
    case "lower": {
      const edge = polarity.kind === "higher" ? below(target) : above(target);
      return { kind: "figure", value: edge, inclusive: true, reading: `${label} "${margin.written}" read as ${amount} ${polarity.kind === "higher" ? "below" : "above"} the target: ${describeFigure(edge, unit)}` };
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
