/**
 * A KPI's definition: its wording as written in the sheet or register, read once into a form that
 * `bands` and `rate` can use. Whatever cannot be read, or contradicts itself, becomes a problem
 * ("Check definition"), never a guess.
 */
import { isExcelError, type CellValue } from "../values/cell";
import type { Read } from "../values/status";
import type { PercentScale, Unit } from "./units";
import { describeFigure, percentToFraction, readUnitWord, unitFromMeasure } from "./units";
import {
  directionWords,
  readPolarityWording,
  type Direction,
  type PolarityReading,
} from "./polarity";
import {
  isNoTargetYet,
  readThreshold,
  type Comparator,
  type Margin,
  type Threshold,
} from "./wording";
import { standardFirst, standardSet, toleranceSetKey } from "./tolerance-set";
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
  /** The stretch target (a `Stretch` column), which only the Blue for exceeding scheme rates by. */
  stretch?: CellValue;
  /** Number formats of the threshold cells, so 0.9 formatted as % reads as 90%. */
  formats?: {
    target?: string;
    tolerance?: string;
    otherTolerances?: Readonly<Record<string, string>>;
    stretch?: string;
  };
}

export type Polarity =
  { kind: "higher" } | { kind: "lower" } | { kind: "range"; low: number; high: number };

/** One tolerance set's threshold for a rated KPI. `reading` says how words or a margin were read, for reasons. */
export type Tolerance =
  | { kind: "none" } // two bands, Green and Red (for an alternative set: the standard tolerance applies)
  | { kind: "figure"; value: number; inclusive: boolean; reading?: string }
  | { kind: "range"; low: number; high: number; reading?: string }
  | { kind: "suspended" }
  | { kind: "problem"; problem: string };

/**
 * A stretch target beyond the target, or why the row's stretch cell cannot be one. It is read whatever the
 * scheme, but only Blue for exceeding rates by it, so a problem here is Check definition under that scheme only.
 */
export type Stretch =
  { kind: "figure"; value: number; inclusive: boolean } | { kind: "problem"; problem: string };

/** Where a KPI stands before any value is looked at. */
export type Standing =
  | {
      kind: "rated";
      polarity: Polarity;
      target: number;
      targetInclusive: boolean;
      tolerances: Readonly<Record<string, Tolerance>>;
      targetReading?: string;
      /** The stretch target, where the wording has one. */
      stretch?: Stretch;
    }
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

/** The reason of a KPI that simply has no target: said as the status alone, since saying it twice tells nothing. */
export const noTargetGiven = "it has no target";

/** The standing of a KPI with no target to rate against. */
export type UnratedStanding = Exclude<Standing, { kind: "rated" }>;

/** Why a KPI has no target or tolerance to give, said after its id: "KPI-7: its target is suspended". */
export function whyUnrated(standing: UnratedStanding): string {
  if (standing.kind === "suspended") return "its target is suspended";
  if (standing.kind === "no target") return "it is a context measure with no target";
  return standing.problems[0] ?? "check its definition";
}

/** A rated polarity in the seeds' words. */
export function polarityWords(polarity: Polarity): string {
  return polarity.kind === "higher"
    ? "Bigger is better"
    : polarity.kind === "lower"
      ? "Smaller is better"
      : "In range is better";
}

/**
 * How good a figure is under a polarity, higher always better: the figure itself, its negative, or minus
 * its distance from the range. Gaps and directions of travel both measure merit this way.
 */
export function merit(figure: number, polarity: Polarity): number {
  if (polarity.kind === "higher") return figure;
  if (polarity.kind === "lower") return -figure;
  return -Math.max(polarity.low - figure, 0, figure - polarity.high);
}

/** Reads a KPI's wording into a definition, with the words the workbook teaches. Never throws. */
export function readDefinition(wording: DefinitionWording, words?: Words): Definition {
  const cells = readCells(wording, words);
  const thresholds = [cells.target, ...cells.tolerances.map((tolerance) => tolerance.read)].flatMap(
    (read) => (read.ok ? [read.value] : [])
  );
  const measure = typeof wording.measure === "string" ? wording.measure.trim() : "";
  const { unit, problems } = unitOfThresholds(wording.unit, thresholds, measure);
  // Thresholds written as bare whole numbers (90) say the sheet keeps whole-number percentages. Written
  // as "90%" they say nothing about the figures: the row's values decide, or, for a lone value, its size.
  const scale: PercentScale | undefined =
    unit === "percent" && thresholds.some(bareWholeNumber) ? "whole" : undefined;
  const polarityReading =
    cells.polarity.ok && cells.polarity.value.kind !== "none"
      ? cells.polarity.value.reading
      : undefined;
  const { standing, readings = [] } = standingOf(
    cells,
    [...cells.problems, ...problems],
    wording,
    unit
  );
  const toleranceSets = standardFirst(Object.keys(wording.otherTolerances ?? {}));
  return {
    unit,
    scale,
    toleranceSets,
    wording,
    readings: [...(polarityReading ? [polarityReading] : []), ...readings],
    ...(words ? { words } : {}),
    standing,
  };
}

/** A KPI's polarity, target and tolerance cells, each read on its own: the problems are the polarity's and the target's. */
interface CellsRead {
  polarity: Read<PolarityReading>;
  target: Read<Threshold>;
  /** Standard first, then the other sets as the wording names them. */
  tolerances: Array<{ name: string; read: Read<Threshold> }>;
  /** Left out of the unit and the problems: a stretch changes nothing outside the Blue scheme. */
  stretch?: Read<Threshold>;
  problems: string[];
}

function readCells(wording: DefinitionWording, words: Words | undefined): CellsRead {
  const polarity = readPolarityWording(wording.polarity, words);
  const target = readThreshold(wording.target, wording.formats?.target, words);
  const tolerances = [
    {
      name: standardSet,
      read: withTargetMargin(
        target,
        readThreshold(wording.tolerance, wording.formats?.tolerance, words),
        wording.tolerance
      ),
    },
    ...Object.keys(wording.otherTolerances ?? {}).map((name) => ({
      name,
      read: readThreshold(
        wording.otherTolerances?.[name] ?? null,
        wording.formats?.otherTolerances?.[name],
        words
      ),
    })),
  ];
  const problems = [
    ...(polarity.ok ? [] : [polarity.problem]),
    ...(target.ok ? [] : [`the target: ${target.problem}`]),
  ];
  const stretch =
    wording.stretch === undefined || wording.stretch === null
      ? undefined
      : readThreshold(wording.stretch, wording.formats?.stretch, words);
  return { polarity, target, tolerances, ...(stretch ? { stretch } : {}), problems };
}

/**
 * The unit a KPI is in: the Unit column's, else the one its thresholds are written in, else its measure's
 * ("days to ..."), else a count. A unit word the add-in does not know, or thresholds that disagree with
 * each other or with the Unit column, are problems.
 */
function unitOfThresholds(
  unitCell: CellValue | undefined,
  thresholds: readonly Threshold[],
  measure: string
): { unit: Unit; problems: string[] } {
  const problems: string[] = [];
  const unitWord =
    unitCell === undefined || unitCell === null
      ? ""
      : isExcelError(unitCell)
        ? unitCell.error
        : String(unitCell);
  const explicitUnit = unitWord.trim() === "" ? null : readUnitWord(unitWord);
  if (unitWord.trim() !== "" && explicitUnit === null)
    problems.push(
      `the unit "${unitWord}" is not one the add-in knows (use %, days, rate or count)`
    );
  const writtenUnits = [
    ...new Set(
      thresholds.flatMap((threshold) =>
        "unit" in threshold && threshold.unit ? [threshold.unit] : []
      )
    ),
  ];
  if (writtenUnits.length > 1)
    problems.push(
      `the target and tolerances are written in different units (${writtenUnits.join(" and ")})`
    );
  if (explicitUnit && writtenUnits.length === 1 && writtenUnits[0] !== explicitUnit) {
    problems.push(
      `the thresholds are written in ${writtenUnits[0]} but the unit says ${explicitUnit}`
    );
  }
  return { unit: explicitUnit ?? writtenUnits[0] ?? unitFromMeasure(measure) ?? "count", problems };
}

/** A standing, with how its target and tolerances were read where it is rated. */
type StandingRead = { standing: Standing; readings?: string[] };

/** Where the KPI stands: suspended, Check definition, no target (a context measure), or rated. */
function standingOf(
  cells: CellsRead,
  problems: string[],
  wording: DefinitionWording,
  unit: Unit
): StandingRead {
  const { polarity, target } = cells;
  if (target.ok && target.value.kind === "suspended")
    return { standing: { kind: "suspended", reason: "the target is suspended" } };
  if (problems.length > 0 || !polarity.ok || !target.ok)
    return { standing: { kind: "check", problems } };
  if (polarity.value.kind === "context")
    return { standing: { kind: "no target", reason: polarity.value.reading } };
  const written = target.value.kind === "none" ? target.value.written : undefined;
  const noTarget =
    target.value.kind === "none"
      ? `${noTargetGiven}${written !== undefined && isNoTargetYet(written) ? " yet" : ""}${written ? ` ("${written}")` : ""}`
      : null;
  const directions = directionsOf(polarity.value, target.value, wording.polarity);
  if (directions === null)
    return { standing: { kind: "no target", reason: noTarget ?? "it has no polarity" } };
  if (noTarget) return { standing: { kind: "no target", reason: noTarget } };
  return ratedStanding(directions, target.value, cells.tolerances, unit, cells.stretch);
}

/** Which way is better, as the polarity cell (or, without one, the target's operator) says. */
interface DirectionsRead {
  phrases: Direction[];
  /** The polarity cell's words, said in problems, where they were read as something other than the seeds' plain phrases. */
  polarityWritten?: string;
  /** No polarity was given: the target's operator ("≥ 80%") said which way is better. */
  fromTarget: boolean;
}

/** The directions of a polarity that is not a context measure's; null with no polarity and no operator in the target to lean on. */
function directionsOf(
  polarity: Exclude<PolarityReading, { kind: "context" }>,
  target: Threshold,
  written: CellValue
): DirectionsRead | null {
  if (polarity.kind === "directions") {
    return {
      phrases: polarity.directions,
      polarityWritten: polarity.reading ? String(written).replace(/\s+/g, " ").trim() : undefined,
      fromTarget: false,
    };
  }
  // With no polarity, an operator in the target says which way is better: "≥ 80%", "Fewer than 40".
  const leaning = target.kind === "figure" ? leaningOf(target.comparator) : null;
  return leaning ? { phrases: [leaning], fromTarget: true } : null;
}

/** A rated standing: the polarity resolved against the target, then each tolerance set read around the target. */
function ratedStanding(
  directions: DirectionsRead,
  written: Threshold,
  tolerances: CellsRead["tolerances"],
  unit: Unit,
  stretchRead?: Read<Threshold>
): StandingRead {
  const inUnit = (threshold: Threshold): Threshold => toCoreScale(threshold, unit);
  const resolved = resolvePolarity(directions.phrases, inUnit(written), directions.polarityWritten);
  if (!resolved.ok) return { standing: { kind: "check", problems: [resolved.problem] } };
  const { polarity, target, targetInclusive } = resolved;
  const targetReading = readingOfTarget(inUnit(written), directions.fromTarget, polarity, unit);

  const readTolerances: Record<string, Tolerance> = {};
  for (const { name, read } of tolerances) {
    const label = name === standardSet ? "the tolerance" : `the ${name} tolerance`;
    readTolerances[toleranceSetKey(name)] = read.ok
      ? toleranceFor(polarity, target, inUnit(read.value), label, unit)
      : { kind: "problem", problem: `${label}: ${read.problem}` };
  }
  const stretch =
    stretchRead === undefined
      ? undefined
      : stretchFor(
          polarity,
          target,
          stretchRead.ok ? inUnit(stretchRead.value) : stretchRead,
          unit
        );
  const standardTolerance = readTolerances.standard;
  if (standardTolerance.kind === "problem")
    return { standing: { kind: "check", problems: [standardTolerance.problem] } };
  const readings = [
    ...(targetReading ? [targetReading] : []),
    ...Object.values(readTolerances).flatMap((tolerance) =>
      (tolerance.kind === "figure" || tolerance.kind === "range") && tolerance.reading
        ? [tolerance.reading]
        : []
    ),
  ];
  return {
    standing: {
      kind: "rated",
      polarity,
      target,
      targetInclusive,
      tolerances: readTolerances,
      ...(targetReading ? { targetReading } : {}),
      ...(stretch ? { stretch } : {}),
    },
    readings,
  };
}

/**
 * A stretch target as a figure strictly beyond the target on its better side ("95%", "At least 95%"), or
 * why it cannot be one; undefined where the cell says none ("-", blank).
 */
function stretchFor(
  polarity: Polarity,
  target: number,
  read: Threshold | { ok: false; problem: string },
  unit: Unit
): Stretch | undefined {
  const problem = (words: string): Stretch => ({
    kind: "problem",
    problem: `the stretch target ${words}`,
  });
  if ("ok" in read) return problem(`cannot be read: ${read.problem}`);
  if (read.kind === "none") return undefined;
  if (polarity.kind === "range")
    return problem("is beside a target range, which has no better side to exceed");
  if (read.kind !== "figure")
    return problem(
      "must be a figure beyond the target, such as 95% (a margin goes in KPISettings)"
    );
  if (read.unit !== null && read.unit !== unit)
    return problem(`is in ${read.unit} but the target is in ${unit}`);
  const beyond = polarity.kind === "higher" ? read.value > target : read.value < target;
  if (!beyond)
    return problem(
      `of ${describeFigure(read.value, unit)} is not beyond the target of ${describeFigure(target, unit)}`
    );
  return {
    kind: "figure",
    value: read.value,
    inclusive: read.comparator !== ">" && read.comparator !== "<",
  };
}

/** A target written with its margin ("95% ± 5%") carries the standard tolerance, unless the tolerance column has one too. */
function withTargetMargin(
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

/** The way an operator leans: ≥ and > say bigger is better, ≤ and < smaller. */
function leaningOf(comparator: Comparator | undefined): "higher" | "lower" | null {
  if (comparator === undefined) return null;
  return comparator === ">=" || comparator === ">" ? "higher" : "lower";
}

/** How a target in words, or one whose operator gave the polarity, was read: said in every reason. */
function readingOfTarget(
  target: Threshold,
  polarityFromTarget: boolean,
  polarity: Polarity,
  unit: Unit
): string | undefined {
  if (target.kind !== "figure" || !target.comparator) return undefined;
  const written =
    target.words ?? target.written ?? target.comparator + describeFigure(target.value, unit);
  const strict = target.comparator === ">" || target.comparator === "<";
  const itself = `${describeFigure(target.value, unit)} itself ${strict ? "has not met it" : "meets it"}`;
  if (polarityFromTarget)
    return `no polarity is given, so the target "${written}" says ${directionWords[polarity.kind]}, and ${itself}`;
  return target.words
    ? `the target "${written}" is ${strict ? "strict" : "inclusive"}: ${itself}`
    : undefined;
}

/** Bare numbers in a percent KPI: 0.9 is a fraction, 90 is a whole-number percentage. */
function toCoreScale(threshold: Threshold, unit: Unit): Threshold {
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
function bareWholeNumber(threshold: Threshold): boolean {
  if (!writtenWithoutUnit(threshold)) return false;
  if (threshold.kind === "range")
    return Math.max(Math.abs(threshold.low), Math.abs(threshold.high)) > 1;
  return threshold.kind === "figure" && Math.abs(threshold.value) > 1;
}

type Resolved =
  | { ok: true; polarity: Polarity; target: number; targetInclusive: boolean }
  | { ok: false; problem: string };

/** Where a cell holds two phrases and the target is a single value, the second phrase decides. */
function resolvePolarity(
  phrases: Direction[],
  target: Threshold,
  polarityWritten: string | undefined
): Resolved {
  const saying = polarityWritten ? `the polarity "${polarityWritten}"` : "the polarity";
  if (target.kind === "range") {
    if (!phrases.includes("range"))
      return { ok: false, problem: "a target range needs the polarity In range is better" };
    return {
      ok: true,
      polarity: { kind: "range", low: target.low, high: target.high },
      target: target.low,
      targetInclusive: true,
    };
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
  const comparatorProblem = comparatorAgainst(
    direction,
    target.comparator,
    "the target",
    target.words,
    saying
  );
  if (comparatorProblem) return { ok: false, problem: comparatorProblem };
  return {
    ok: true,
    polarity: { kind: direction },
    target: target.value,
    targetInclusive: target.comparator !== ">" && target.comparator !== "<",
  };
}

function comparatorAgainst(
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

function toleranceFor(
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
  return Object.values(standing.tolerances).flatMap((tolerance) =>
    tolerance.kind === "problem" ? [tolerance.problem] : []
  );
}
