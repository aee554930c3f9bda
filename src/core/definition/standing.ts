/**
 * Where a KPI stands once its cells are read: suspended, Check definition, no target, or rated with its
 * polarity resolved against the target and each tolerance set read around it.
 */
import type { CellValue } from "../values/cell";
import type { Read } from "../values/status";
import { describeFigure, type Unit } from "./units";
import { directionWords, type Direction, type PolarityReading } from "./polarity";
import { isNoTargetYet, type Comparator, type Threshold } from "./wording";
import { standardSet, toleranceSetKey } from "./tolerance-set";
import {
  noTargetGiven,
  type DefinitionWording,
  type Polarity,
  type Standing,
  type Stretch,
  type Tolerance,
} from "./definition";
import { comparatorAgainst, toCoreScale, toleranceFor } from "./tolerance-reading";

/** A KPI's polarity, target and tolerance cells, each read on its own: the problems are the polarity's and the target's. */
export interface CellsRead {
  polarity: Read<PolarityReading>;
  target: Read<Threshold>;
  /** Standard first, then the other sets as the wording names them. */
  tolerances: Array<{ name: string; read: Read<Threshold> }>;
  /** Left out of the unit and the problems: a stretch changes nothing outside the Blue scheme. */
  stretch?: Read<Threshold>;
  problems: string[];
}

/** A standing, with how its target and tolerances were read where it is rated. */
type StandingRead = { standing: Standing; readings?: string[] };

/** Where the KPI stands: suspended, Check definition, no target (a context measure), or rated. */
export function standingOf(
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
    return { standing: { kind: "no target", reason: polarity.value.reading, context: true } };
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
  // With no polarity, an operator in the target says which way is better: "≥ 80%", "Fewer than 40"; a
  // target range ("10%-20%") says a figure is best within it.
  const leaning =
    target.kind === "figure"
      ? leaningOf(target.comparator)
      : target.kind === "range"
        ? ("range" as const)
        : null;
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
  if (target.kind === "range" && polarityFromTarget)
    return `no polarity is given, so the target range ${describeFigure(target.low, unit)}-${describeFigure(target.high, unit)} says ${directionWords.range}`;
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
