/**
 * Targets written against a benchmark: `Above Stat Neighbour Average`, `In line with England`, `At or
 * below regional`. Each period's figure is rated against that benchmark's figure on the same row (the
 * benchmark of the same year where the sheet has one). The formatting plan gets plain Excel conditions
 * on the benchmark's cell, so the colour follows when the analyst updates the benchmark.
 */
import type { CellValue } from "../values/cell";
import type { BenchmarkKind } from "./benchmark-names";
import type { Definition, DefinitionWording } from "../definition/definition";
import { readDefinition } from "../definition/read-definition";
import { isStandardSet, standardSet, toleranceSetKey } from "../definition/tolerance-set";
import type { Read } from "../values/status";
import { percentToFraction, type Unit } from "../definition/units";
import { readPolarity, type Direction } from "../definition/polarity";
import { isPercentFormat } from "../definition/wording";
import type { Words } from "../definition/words";

/** How the figure must stand against the benchmark. `no worse than` is `At or better than`. */
export type BenchmarkRelation =
  | "above"
  | "at or above"
  | "below"
  | "at or below"
  | "in line with"
  | "better than"
  | "no worse than";

export interface BenchmarkTarget {
  relation: BenchmarkRelation;
  kind: BenchmarkKind;
  /** The target as written: "Above Stat Neighbour Average". */
  wording: string;
}

/** The margin of the Amber band beside a benchmark target, in the core's scale, or a share of the benchmark. */
export type BenchmarkTolerance =
  | { kind: "none" }
  | { kind: "margin"; value: number }
  | { kind: "share"; share: number }
  | { kind: "suspended" };

/** How a figure passes: strictly or inclusively on a side, or the same at the precision shown. */
export type BenchmarkTest = "higher" | "at or higher" | "lower" | "at or lower" | "same";

/** A row whose target is written against a benchmark, read once. */
export type BenchmarkStanding =
  | { kind: "rated"; target: BenchmarkTarget; test: BenchmarkTest; tolerance: BenchmarkTolerance }
  | { kind: "suspended"; reason: string }
  | { kind: "check"; problem: string };

const relationPattern =
  /^(at or above|at or below|above|below|in line with|better than|no worse than|not worse than|worse than|higher than|lower than)\s+(?:the\s+)?/i;
const kindPattern =
  /^(england|national|statistical neighbours?|stat\.?\s*neighbours?|sn|region(?:al)?)(?:\s+(?:average|mean|avg\.?|figure|rate))?\.?$/i;

/** Whether a target cell is written against a benchmark; null when it is not such wording at all. */
export function readBenchmarkTarget(cell: CellValue): Read<BenchmarkTarget> | null {
  if (typeof cell !== "string") return null;
  const text = cell.replace(/\s+/g, " ").trim();
  const relation = relationPattern.exec(text);
  if (!relation) return null;
  const kindMatch = kindPattern.exec(text.slice(relation[0].length));
  if (!kindMatch) return null;
  const word = kindMatch[1].toLowerCase();
  const kind: BenchmarkKind =
    word === "england" || word === "national"
      ? "England"
      : word.startsWith("region")
        ? "Region"
        : "Statistical neighbours";
  const said = relation[1].toLowerCase();
  if (said === "worse than")
    return {
      ok: false,
      problem: `the target "${text}" aims to be worse than the benchmark: write No worse than or Better than`,
    };
  const relations: Record<string, BenchmarkRelation> = {
    "higher than": "above",
    "lower than": "below",
    "not worse than": "no worse than",
  };
  return {
    ok: true,
    value: { relation: relations[said] ?? (said as BenchmarkRelation), kind, wording: text },
  };
}

/** The benchmark in the words of a sentence: "the statistical-neighbour average". */
export function benchmarkWords(kind: BenchmarkKind): string {
  return benchmarkPhrases[kind];
}

const benchmarkPhrases: Readonly<Record<BenchmarkKind, string>> = {
  England: "the England figure",
  Region: "the regional figure",
  "Statistical neighbours": "the statistical-neighbour average",
};

const marginPattern =
  /^(within\s+|±\s*|\+\/-\s*|\+-\s*)?(\d+(?:\.\d+)?|\.\d+)\s*(%|pp|ppts?|points?|percentage points?|days?)?(?:\s+(?:of|either side of)\s+.*)?$/i;

/** A tolerance beside a benchmark target: `within 2 points`, `±2pp`, `5 days`, `within 5%` (of the benchmark's value). */
export function readBenchmarkTolerance(
  cell: CellValue,
  unit: Unit,
  numberFormat?: string
): Read<BenchmarkTolerance> {
  if (cell === null) return { ok: true, value: { kind: "none" } };
  if (typeof cell === "number") {
    if (!Number.isFinite(cell) || cell < 0)
      return { ok: false, problem: `${cell} is not a margin` };
    const inCore =
      unit === "percent" && !isPercentFormat(numberFormat) && cell > 1
        ? percentToFraction(cell)
        : cell;
    return { ok: true, value: { kind: "margin", value: inCore } };
  }
  if (typeof cell !== "string")
    return {
      ok: false,
      problem: "the tolerance beside a benchmark target must be a margin such as within 2 points",
    };
  const text = cell.replace(/\s+/g, " ").trim();
  if (text === "" || /^[-–—]$/.test(text) || /^(?:none|n\/a)$/i.test(text))
    return { ok: true, value: { kind: "none" } };
  if (/^suspend(ed)?\**$/i.test(text)) return { ok: true, value: { kind: "suspended" } };
  const margin = marginPattern.exec(text);
  if (!margin)
    return {
      ok: false,
      problem: `the tolerance "${text}" beside a benchmark target is not a margin such as within 2 points`,
    };
  const number = Number(margin[2]);
  const suffix = (margin[3] ?? "").toLowerCase();
  if (suffix === "%") {
    // "within 5%" is a share of the benchmark's value, as "within 5% of target" is of a target's; a bare
    // "19%" could be a floor or a share, and the add-in does not guess which.
    if (!margin[1])
      return {
        ok: false,
        problem: `the tolerance "${text}" beside a benchmark target could be a floor or a margin: write within ${number}% (of the benchmark) or ${number} points`,
      };
    return { ok: true, value: { kind: "share", share: percentToFraction(number) } };
  }
  if (suffix.startsWith("day") && unit !== "days")
    return { ok: false, problem: `the tolerance "${text}" is in days but the measure is not` };
  const points = suffix !== "" && !suffix.startsWith("day");
  if (points && unit !== "percent")
    return {
      ok: false,
      problem: `the tolerance "${text}" is in percentage points but the measure is not a percentage`,
    };
  const value = unit === "percent" && (points || number > 1) ? percentToFraction(number) : number;
  return { ok: true, value: { kind: "margin", value } };
}

/**
 * Reads a KPI's wording into a definition, whatever its target: one written against a benchmark gives
 * the definition of the rest of the wording (unit, polarity, how percentages are kept), with the whole
 * wording kept for `benchmarkStanding` to read the target and tolerance from.
 */
export function readKpiDefinition(wording: DefinitionWording, words?: Words): Definition {
  if (readBenchmarkTarget(wording.target) === null) return readDefinition(wording, words);
  const others = Object.fromEntries(
    Object.keys(wording.otherTolerances ?? {}).map((name) => [name, null])
  );
  const rest = readDefinition(
    { ...wording, target: null, tolerance: null, otherTolerances: others, formats: undefined },
    words
  );
  return { ...rest, wording };
}

/** Whether a definition's target is written against a benchmark. */
export function hasBenchmarkTarget(definition: Definition): boolean {
  return readBenchmarkTarget(definition.wording.target) !== null;
}

/**
 * Reads a row's benchmark target with its polarity and tolerance. Null when the target is not written
 * against a benchmark (the row is rated as any other).
 */
export function benchmarkStanding(
  definition: Definition,
  toleranceSet: string = standardSet
): BenchmarkStanding | null {
  const { wording } = definition;
  const target = readBenchmarkTarget(wording.target);
  if (target === null) return null;
  if (!target.ok) return { kind: "check", problem: target.problem };
  // The rest of the wording may not read (an unknown unit, figures in mixed scales): that stands first.
  if (
    definition.standing.kind === "check" &&
    !definition.standing.problems.some((problem) => problem.startsWith("the target"))
  ) {
    return {
      kind: "check",
      problem: definition.standing.problems[0] ?? "the definition cannot be read",
    };
  }
  const phrases = readPolarity(wording.polarity, definition.words);
  if (!phrases.ok) return { kind: "check", problem: phrases.problem };
  const test = benchmarkTest(target.value, phrases.value[phrases.value.length - 1]);
  if (!test.ok) return { kind: "check", problem: test.problem };
  const { chosen, tolerance } = benchmarkToleranceOf(definition, toleranceSet);
  if (!tolerance.ok) return { kind: "check", problem: tolerance.problem };
  if (tolerance.value.kind === "suspended")
    return { kind: "suspended", reason: `the ${chosen ?? "standard"} tolerance says Suspend` };
  return { kind: "rated", target: target.value, test: test.value, tolerance: tolerance.value };
}

/** What a figure must be against the benchmark to be Green: the target's relation, with the polarity where it says "better than". */
function benchmarkTest(
  target: BenchmarkTarget,
  direction: Direction | undefined
): Read<BenchmarkTest> {
  const { relation } = target;
  const said =
    relation === "above" || relation === "at or above"
      ? "higher"
      : relation === "below" || relation === "at or below"
        ? "lower"
        : null;
  if (said && direction && direction !== said) {
    return {
      ok: false,
      problem: `the target says ${target.wording} but the polarity says ${direction === "higher" ? "bigger" : direction === "lower" ? "smaller" : "in range"} is better`,
    };
  }
  if (relation === "in line with") return { ok: true, value: "same" };
  if (relation === "above") return { ok: true, value: "higher" };
  if (relation === "at or above") return { ok: true, value: "at or higher" };
  if (relation === "below") return { ok: true, value: "lower" };
  if (relation === "at or below") return { ok: true, value: "at or lower" };
  if (direction === "higher" || direction === "lower") {
    const orEqual = direction === "higher" ? "at or higher" : "at or lower";
    return { ok: true, value: relation === "better than" ? direction : orEqual };
  }
  return {
    ok: false,
    problem: `the target ${target.wording} needs a polarity (Bigger is better or Smaller is better) to say which side is better`,
  };
}

/** The tolerance of the chosen set around a benchmark, or the standard one where that set says none. */
function benchmarkToleranceOf(
  definition: Definition,
  toleranceSet: string
): { chosen: string | null | undefined; tolerance: Read<BenchmarkTolerance> } {
  const { wording } = definition;
  const chosen = isStandardSet(toleranceSet)
    ? null
    : Object.keys(wording.otherTolerances ?? {}).find(
        (name) => toleranceSetKey(name) === toleranceSetKey(toleranceSet)
      );
  const read = (cell: CellValue, format?: string): Read<BenchmarkTolerance> =>
    readBenchmarkTolerance(cell, definition.unit, format);
  const standard = read(wording.tolerance, wording.formats?.tolerance);
  const other = chosen
    ? read(wording.otherTolerances?.[chosen] ?? null, wording.formats?.otherTolerances?.[chosen])
    : null;
  return {
    chosen,
    tolerance: other && !(other.ok && other.value.kind === "none") ? other : standard,
  };
}

const standings = new WeakMap<Definition, Map<string, BenchmarkStanding | null>>();
/** The answer asked for last, written over when another is asked for: a row whose definition differs from the row before's makes no object. */
const lastAsked: {
  definition: Definition | undefined;
  toleranceSet: string;
  standing: BenchmarkStanding | null;
} = { definition: undefined, toleranceSet: "", standing: null };

/**
 * `benchmarkStanding`, worked out once per definition and tolerance set (rows share definitions). A sheet
 * asks for every period cell, mostly of the row asked about last, so that answer is kept at hand.
 */
export function benchmarkStandingOf(
  definition: Definition,
  toleranceSet: string = standardSet
): BenchmarkStanding | null {
  if (lastAsked.definition === definition && lastAsked.toleranceSet === toleranceSet)
    return lastAsked.standing;
  let bySet = standings.get(definition);
  if (!bySet) {
    bySet = new Map();
    standings.set(definition, bySet);
  }
  let standing = bySet.get(toleranceSet);
  if (standing === undefined) {
    standing = hasBenchmarkTarget(definition) ? benchmarkStanding(definition, toleranceSet) : null;
    bySet.set(toleranceSet, standing);
  }
  lastAsked.definition = definition;
  lastAsked.toleranceSet = toleranceSet;
  lastAsked.standing = standing;
  return standing;
}
