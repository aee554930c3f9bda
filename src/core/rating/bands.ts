/**
 * The intervals of values that get each status. This is the one source of truth that the formulas
 * (through `rate`) and the conditional formatting (through the formatting plan) both use, so a formula
 * and a coloured cell can never disagree.
 */
import type { Band, Bands } from "./band";
import {
  noTargetGiven,
  type Definition,
  type Polarity,
  type Tolerance,
} from "../definition/definition";
import { schemeBands } from "./scheme-bands";
import { benchmarkStanding } from "./benchmark-target";
import { standardScheme, type Scheme } from "./scheme";
import { isStandardSet, standardSet, toleranceSetKey } from "../definition/tolerance-set";
import { describeFigure, type Unit } from "../definition/units";

export type { Band, BandingTolerance, Bands } from "./band";

/**
 * Each definition's bands under one tolerance set and scheme, worked out when first asked and kept as
 * long as the memo's owner: an appraisal makes one, and its ratings, plan and report all read it, since
 * rating a sheet asks for the same bands for every period cell of a row. A definition is read-only all the
 * way down, so its bands cannot go stale while the owner lives.
 */
export class BandsMemo {
  private readonly byDefinition = new Map<Definition, Bands>();

  constructor(
    readonly toleranceSet: string = standardSet,
    readonly scheme: Scheme = standardScheme
  ) {}

  of(definition: Definition): Bands {
    let found = this.byDefinition.get(definition);
    if (!found) {
      found = bands(definition, this.toleranceSet, this.scheme);
      this.byDefinition.set(definition, found);
    }
    return found;
  }
}

/**
 * The bands of a definition under a tolerance set and the workbook's scheme. Value inclusive towards the
 * better side; a target with no tolerance gives two bands; an alternative set that says "-" falls back to
 * the standard tolerance. Every scheme's bands are drawn here, so a formula and a colour cannot disagree.
 * Worked out afresh at each call: what rates many figures keeps them in a `BandsMemo`.
 */
export function bands(
  definition: Definition,
  toleranceSet: string = standardSet,
  scheme: Scheme = standardScheme
): Bands {
  // A target written against a benchmark rates by it whatever the scheme, and reads its own problems.
  const againstBenchmark = benchmarkStanding(definition, toleranceSet);
  if (againstBenchmark !== null) return { kind: "benchmark", standing: againstBenchmark };
  const { standing, unit } = definition;
  switch (standing.kind) {
    case "suspended":
      return {
        kind: "status",
        status: "Suspended",
        reason: `This measure is suspended: ${standing.reason}`,
      };
    case "no target":
      return {
        kind: "status",
        status: "No target",
        // Not "No target" again: what the status leaves unsaid (why, or what would rate it).
        reason:
          standing.reason === noTargetGiven
            ? "Not rated until the row has a target"
            : `Not rated: ${standing.reason}`,
      };
    case "check":
      return {
        kind: "status",
        status: "Check definition",
        reason: capitalise(standing.problems[0] ?? "the definition cannot be read"),
      };
    case "benchmark": // read above
    case "rated":
      break;
  }
  if (standing.kind !== "rated") return checkDefinition;
  const tolerance = toleranceIn(standing.tolerances, toleranceSet);
  if (tolerance.kind === "suspended") {
    return {
      kind: "status",
      status: "Suspended",
      reason: `The ${isStandardSet(toleranceSet) ? "standard" : toleranceSet} tolerance set suspends this measure`,
    };
  }
  if (tolerance.kind === "problem")
    return { kind: "status", status: "Check definition", reason: capitalise(tolerance.problem) };
  // Only the Blue scheme rates by the stretch target, so only there can its cell leave a row unrated.
  if (scheme.kind === "blue for exceeding" && standing.stretch?.kind === "problem")
    return {
      kind: "status",
      status: "Check definition",
      reason: capitalise(standing.stretch.problem),
    };
  const banded =
    scheme.kind === "standard"
      ? bandsOf(standing.polarity, standing.target, standing.targetInclusive, tolerance, unit)
      : schemeBands(scheme, standing, tolerance, unit, bandsOf);
  // Every reason names how a threshold written in words, or a margin, was read.
  const readings = [
    standing.targetReading,
    tolerance.kind === "none" ? undefined : tolerance.reading,
  ].filter((reading): reading is string => reading !== undefined);
  if (readings.length === 0) return { kind: "bands", bands: banded };
  const said = ` (${readings.join("; ")})`;
  return { kind: "bands", bands: banded.map((band) => ({ ...band, words: band.words + said })) };
}

/** Unreachable: a benchmark standing is read before the switch. */
const checkDefinition: Bands = {
  kind: "status",
  status: "Check definition",
  reason: "The definition cannot be read",
};

/** The tolerance a set gives; a set that has none ("-", blank, or not in the sheet) falls back to the standard one. */
export function toleranceIn(
  tolerances: Readonly<Record<string, Tolerance>>,
  toleranceSet: string
): Tolerance {
  const key = toleranceSetKey(toleranceSet);
  const chosen = Object.hasOwn(tolerances, key) ? tolerances[key] : undefined;
  return chosen === undefined || (chosen.kind === "none" && key !== toleranceSetKey(standardSet))
    ? tolerances.standard
    : chosen;
}

/** The words of a direction: how a figure stands to a threshold when bigger, or smaller, is better. */
interface DirectionWords {
  atOrBetter: string;
  better: string;
  worse: string;
  notBetter: string;
}

const higherWords: DirectionWords = {
  atOrBetter: "at or above",
  better: "above",
  worse: "below",
  notBetter: "not above",
};
const lowerWords: DirectionWords = {
  atOrBetter: "at or below",
  better: "below",
  worse: "above",
  notBetter: "not below",
};

/**
 * The bands when bigger is better, worded for a direction: Red, Amber, Green from low to high. The lower
 * bands are these with figures negated (see `bandsOf`), so the two can never drift apart.
 */
function directedBands(
  words: DirectionWords,
  target: number,
  targetInclusive: boolean,
  tolerance: Exclude<Tolerance, { kind: "suspended" | "problem" }>,
  figure: (value: number) => string
): Band[] {
  const green: Band = {
    status: "Green",
    low: target,
    lowInclusive: targetInclusive,
    high: Infinity,
    highInclusive: false,
    words: `is ${targetInclusive ? words.atOrBetter : words.better} the target of ${figure(target)}`,
  };
  const missed = `is ${targetInclusive ? words.worse : words.notBetter} the target of ${figure(target)}`;
  if (
    tolerance.kind !== "figure" ||
    (tolerance.value === target && !(tolerance.inclusive && !targetInclusive))
  ) {
    return [
      {
        status: "Red",
        low: -Infinity,
        lowInclusive: false,
        high: target,
        highInclusive: !targetInclusive,
        words: missed,
      },
      green,
    ];
  }
  // A strict target (>90%) over an inclusive tolerance at the same figure (>=90%) leaves 90% itself Amber.
  const banded: Band[] = [
    {
      status: "Red",
      low: -Infinity,
      lowInclusive: false,
      high: tolerance.value,
      highInclusive: !tolerance.inclusive,
      words: `is ${words.worse} the tolerance of ${figure(tolerance.value)}`,
    },
    {
      status: "Amber",
      low: tolerance.value,
      lowInclusive: tolerance.inclusive,
      high: target,
      highInclusive: !targetInclusive,
      words: `${missed} but within the tolerance of ${figure(tolerance.value)}`,
    },
    green,
  ];
  return banded.filter((band) => !isEmpty(band));
}

/** The standard bands of a polarity, target and tolerance; a scheme draws its own from these. */
export function bandsOf(
  polarity: Polarity,
  target: number,
  targetInclusive: boolean,
  tolerance: Exclude<Tolerance, { kind: "suspended" | "problem" }>,
  unit: Unit
): Band[] {
  const figure = (value: number): string => describeFigure(value, unit);
  switch (polarity.kind) {
    case "higher":
      return directedBands(higherWords, target, targetInclusive, tolerance, figure);
    case "lower":
      return mirroredBands(target, targetInclusive, tolerance, figure);
    case "range":
      return rangeBands(polarity, tolerance, figure);
  }
}

/** Smaller is better: the bigger-is-better bands seen in a mirror, figures negated, then turned back. */
function mirroredBands(
  target: number,
  targetInclusive: boolean,
  tolerance: Exclude<Tolerance, { kind: "suspended" | "problem" }>,
  figure: (value: number) => string
): Band[] {
  return directedBands(
    lowerWords,
    -target,
    targetInclusive,
    tolerance.kind === "figure" ? { ...tolerance, value: -tolerance.value } : tolerance,
    (value) => figure(-value)
  )
    .map((band) => ({
      ...band,
      low: -band.high,
      lowInclusive: band.highInclusive,
      high: -band.low,
      highInclusive: band.lowInclusive,
    }))
    .reverse();
}

/** In range is better: Green inside the target range, Amber inside the tolerance range around it, Red beyond. */
function rangeBands(
  polarity: Extract<Polarity, { kind: "range" }>,
  tolerance: Exclude<Tolerance, { kind: "suspended" | "problem" }>,
  figure: (value: number) => string
): Band[] {
  const range = `${figure(polarity.low)}-${figure(polarity.high)}`;
  const green: Band = {
    status: "Green",
    low: polarity.low,
    lowInclusive: true,
    high: polarity.high,
    highInclusive: true,
    words: `is inside the target range ${range}`,
  };
  const outer = tolerance.kind === "range" ? tolerance : { low: polarity.low, high: polarity.high };
  const allowed = `${figure(outer.low)}-${figure(outer.high)}`;
  const bandsInOrder: Band[] = [
    {
      status: "Red",
      low: -Infinity,
      lowInclusive: false,
      high: outer.low,
      highInclusive: false,
      words:
        tolerance.kind === "range"
          ? `is below the tolerance range ${allowed}`
          : `is below the target range ${range}`,
    },
    {
      status: "Amber",
      low: outer.low,
      lowInclusive: true,
      high: polarity.low,
      highInclusive: false,
      words: `is outside the target range ${range} but inside the tolerance range ${allowed}`,
    },
    green,
    {
      status: "Amber",
      low: polarity.high,
      lowInclusive: false,
      high: outer.high,
      highInclusive: true,
      words: `is outside the target range ${range} but inside the tolerance range ${allowed}`,
    },
    {
      status: "Red",
      low: outer.high,
      lowInclusive: false,
      high: Infinity,
      highInclusive: false,
      words:
        tolerance.kind === "range"
          ? `is above the tolerance range ${allowed}`
          : `is above the target range ${range}`,
    },
  ];
  return bandsInOrder.filter((band) => !isEmpty(band));
}

function isEmpty(band: Band): boolean {
  return (
    band.low > band.high || (band.low === band.high && !(band.lowInclusive && band.highInclusive))
  );
}

/**
 * Whether a value (in the core's scale) falls inside a band. Like Excel, which compares to 15 significant
 * digits, a value a hair's breadth from an edge (0.1+0.2 against 0.3) counts as on it, so the rating and the
 * conditional format's colour agree.
 */
export function inBand(value: number, band: Band): boolean {
  // Excel's equality (15 significant digits) is asked only at an edge's side where it can change the answer.
  const aboveLow = band.lowInclusive
    ? value >= band.low || sameToExcel(value, band.low)
    : value > band.low && !sameToExcel(value, band.low);
  if (!aboveLow) return false;
  return band.highInclusive
    ? value <= band.high || sameToExcel(value, band.high)
    : value < band.high && !sameToExcel(value, band.high);
}

/** Whether two figures are equal as Excel compares them (15 significant digits), though not identical. */
export function sameToExcel(value: number, edge: number): boolean {
  return (
    value !== edge &&
    Number.isFinite(edge) &&
    Math.abs(value - edge) <= 1e-15 * Math.max(Math.abs(value), Math.abs(edge))
  );
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
