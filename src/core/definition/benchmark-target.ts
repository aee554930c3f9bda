/**
 * Reading a target written against a benchmark: `Above Stat Neighbour Average`, `In line with England`,
 * `At or below regional`, with the tolerance beside it (`within 2 points`) in each set.
 */
import { dashes } from "../values/dashes";
import type { CellValue } from "../values/cell";
import type { Read } from "../values/status";
import { percentToFraction, type Unit } from "./units";
import { readPolarity, type Direction } from "./polarity";
import { isPercentFormat } from "./written-figures";
import { toleranceSetKey } from "./tolerance-set";
import { comparisonInWords, type Comparator } from "./wording";
import type {
  BenchmarkKind,
  BenchmarkRelation,
  BenchmarkTarget,
  BenchmarkTest,
  BenchmarkTolerance,
  Definition,
  DefinitionWording,
  Standing,
} from "./definition";

// The relations only a benchmark has; the rest are a threshold's comparisons in words (`comparisonInWords`):
// "No less than statistical neighbours" is "At or above" them, as "No less than 85%" is at least 85%.
const relationPattern =
  /^(at or above|at or below|in line with|better than|no worse than|not worse than|worse than)\s+/i;
const kindPattern = new RegExp(
  String.raw`^(?:the\s+|our\s+)?(england|national|statistical neighbours?|stat\.?\s*neighbours?|sn|region(?:al)?)(?:\s+(?:average|mean|avg\.?|figure|rate))?(?:\s*\(?\s*((?:fy\s*)?(?:19|20)\d{2}\s*[/${dashes}]\s*\d{2,4}|(?:19|20)\d{2})\s*\)?)?\.?$`,
  "i"
);
const relationOfComparator: Record<Comparator, BenchmarkRelation> = {
  ">": "above",
  ">=": "at or above",
  "<": "below",
  "<=": "at or below",
};

/** The relation a target says and the benchmark it names after (or before) it, or null when it says none. */
function relationIn(text: string): { said: string; rest: string } | null {
  const relation = relationPattern.exec(text);
  if (relation) return { said: relation[1].toLowerCase(), rest: text.slice(relation[0].length) };
  const compared = comparisonInWords(text);
  return (
    compared && { said: relationOfComparator[compared.comparator], rest: compared.rest.trim() }
  );
}

/** Whether a target cell is written against a benchmark; null when it is not such wording at all. */
export function readBenchmarkTarget(cell: CellValue): Read<BenchmarkTarget> | null {
  if (typeof cell !== "string") return null;
  const text = cell.replace(/\s+/g, " ").trim();
  const relation = relationIn(text);
  if (!relation) return null;
  const kindMatch = kindPattern.exec(relation.rest);
  if (!kindMatch) return null;
  const word = kindMatch[1].toLowerCase();
  const kind: BenchmarkKind =
    word === "england" || word === "national"
      ? "England"
      : word.startsWith("region")
        ? "Region"
        : "Statistical neighbours";
  const { said } = relation;
  if (said === "worse than")
    return {
      ok: false,
      problem: `the target "${text}" aims to be worse than the benchmark: write No worse than or Better than`,
    };
  return {
    ok: true,
    value: {
      relation: said === "not worse than" ? "no worse than" : (said as BenchmarkRelation),
      kind,
      wording: text,
      ...(kindMatch[2] === undefined ? {} : { year: kindMatch[2].replace(/\s+/g, "") }),
    },
  };
}

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
 * The standing of a row whose target is written against a benchmark, from the definition of the rest of
 * its wording (unit, polarity, how percentages are kept): Check definition where that does not read.
 */
export function benchmarkRuleOf(
  rest: Definition,
  target: Read<BenchmarkTarget>,
  wording: DefinitionWording
): Standing {
  if (rest.standing.kind === "check") return rest.standing;
  const problem = (said: string): Standing => ({
    kind: "benchmark",
    rule: { ok: false, problem: said },
  });
  if (!target.ok) return problem(target.problem);
  const phrases = readPolarity(wording.polarity, rest.words);
  if (!phrases.ok) return problem(phrases.problem);
  const test = benchmarkTest(target.value, phrases.value[phrases.value.length - 1]);
  if (!test.ok) return problem(test.problem);
  const others: Record<string, { name: string; tolerance: Read<BenchmarkTolerance> }> = {};
  for (const name of Object.keys(wording.otherTolerances ?? {})) {
    const key = toleranceSetKey(name);
    // Two columns naming one set: the first, as the wording lists them, is the set's.
    if (Object.hasOwn(others, key)) continue;
    others[key] = {
      name,
      tolerance: readBenchmarkTolerance(
        wording.otherTolerances?.[name] ?? null,
        rest.unit,
        wording.formats?.otherTolerances?.[name]
      ),
    };
  }
  const standard = readBenchmarkTolerance(wording.tolerance, rest.unit, wording.formats?.tolerance);
  return {
    kind: "benchmark",
    rule: { ok: true, value: { target: target.value, test: test.value, standard, others } },
  };
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
  // "In line with" is met from the better side too where the polarity names one: a figure better than
  // England's is no miss. Without a polarity it means the same figure, at the precision shown.
  if (relation === "in line with")
    return {
      ok: true,
      value:
        direction === "higher" ? "at or higher" : direction === "lower" ? "at or lower" : "same",
    };
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
