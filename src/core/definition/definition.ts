/**
 * A KPI's definition: its wording as written in the sheet or register, and the form `bands` and `rate`
 * use once it is read (read-definition.ts reads it). Whatever cannot be read, or contradicts itself,
 * becomes a problem ("Check definition"), never a guess.
 */
import type { CellValue } from "../values/cell";
import type { Read } from "../values/status";
import type { PercentScale, Unit } from "./units";
import type { Words } from "./words";

/** The sheet's words for one KPI: the cells of its row (or register entry). */
/** The units a row's figures alone can say: "23%" or a % format, and "13 days". */
export type FiguresUnit = "percent" | "days";

export interface DefinitionWording {
  readonly measure?: string;
  readonly polarity: CellValue;
  readonly target: CellValue;
  /** The standard tolerance. */
  readonly tolerance: CellValue;
  /** Alternative tolerance sets by name, e.g. { "Covid19": ">=75%" }. */
  readonly otherTolerances?: Readonly<Record<string, CellValue>>;
  /** The register's Unit column, when there is one. */
  readonly unit?: CellValue;
  /**
   * The unit the row's own figures are written in, where that is all that says it: figures formatted as %
   * (or written "23%") make a row percentages, and figures written "13 days" make it days, when neither a
   * unit, its thresholds nor its measure say more.
   */
  readonly figuresUnit?: FiguresUnit;
  /** The stretch target (a `Stretch` column), which only the Blue for exceeding scheme rates by. */
  readonly stretch?: CellValue;
  /** Number formats of the threshold cells, so 0.9 formatted as % reads as 90%. */
  readonly formats?: {
    readonly target?: string;
    readonly tolerance?: string;
    readonly otherTolerances?: Readonly<Record<string, string>>;
    readonly stretch?: string;
  };
}

export type Polarity =
  | { readonly kind: "higher" }
  | { readonly kind: "lower" }
  | { readonly kind: "range"; readonly low: number; readonly high: number };

/** One tolerance set's threshold for a rated KPI. `reading` says how words or a margin were read, for reasons. */
export type Tolerance =
  | { readonly kind: "none" } // two bands, Green and Red (for an alternative set: the standard tolerance applies)
  | {
      readonly kind: "figure";
      readonly value: number;
      readonly inclusive: boolean;
      readonly reading?: string;
    }
  | {
      readonly kind: "range";
      readonly low: number;
      readonly high: number;
      readonly reading?: string;
    }
  | { readonly kind: "suspended" }
  | { readonly kind: "problem"; readonly problem: string };

/**
 * A stretch target beyond the target, or why the row's stretch cell cannot be one. It is read whatever the
 * scheme, but only Blue for exceeding rates by it, so a problem here is Check definition under that scheme only.
 */
export type Stretch =
  | { readonly kind: "figure"; readonly value: number; readonly inclusive: boolean }
  | { readonly kind: "problem"; readonly problem: string };

/** Where a KPI stands before any value is looked at. */
export type Standing =
  | {
      readonly kind: "rated";
      readonly polarity: Polarity;
      readonly target: number;
      readonly targetInclusive: boolean;
      readonly tolerances: Readonly<Record<string, Tolerance>>;
      readonly targetReading?: string;
      /** The stretch target, where the wording has one. */
      readonly stretch?: Stretch;
    }
  | {
      readonly kind: "benchmark";
      /** The target, its test and each set's tolerance; a problem where the target's words cannot be one. */
      readonly rule: Readonly<Read<BenchmarkRule>>;
    }
  | { readonly kind: "suspended"; readonly reason: string }
  | {
      readonly kind: "no target";
      readonly reason: string;
      /** A context measure (`Monitoring only`): no target in any year, whatever a year's columns hold. */
      readonly context?: true;
    }
  | { readonly kind: "check"; readonly problems: readonly string[] };

/** The benchmarks a target can be written against; a named region ("North East") is a Region. */
export type BenchmarkKind = "England" | "Region" | "Statistical neighbours";

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
  readonly relation: BenchmarkRelation;
  readonly kind: BenchmarkKind;
  /** The target as written: "Above Stat Neighbour Average". */
  readonly wording: string;
  /** The year of the benchmark's figure where the target names one ("Better than England 2023/24"). */
  readonly year?: string;
}

/** The margin of the Amber band beside a benchmark target, in the core's scale, or a share of the benchmark. */
export type BenchmarkTolerance =
  | { readonly kind: "none" }
  | { readonly kind: "margin"; readonly value: number }
  | { readonly kind: "share"; readonly share: number }
  | { readonly kind: "suspended" };

/** How a figure passes: strictly or inclusively on a side, or the same at the precision shown. */
export type BenchmarkTest = "higher" | "at or higher" | "lower" | "at or lower" | "same";

/** A target written against a benchmark, read once: what every tolerance set rates by. */
export interface BenchmarkRule {
  readonly target: BenchmarkTarget;
  readonly test: BenchmarkTest;
  readonly standard: Readonly<Read<BenchmarkTolerance>>;
  /** The other sets' tolerances by `toleranceSetKey`, each with the set's name as the wording writes it. */
  readonly others: Readonly<
    Record<
      string,
      { readonly name: string; readonly tolerance: Readonly<Read<BenchmarkTolerance>> }
    >
  >;
}

export interface Definition {
  readonly unit: Unit;
  /** How the sheet keeps this KPI's percentages; undefined means decide from each value. */
  readonly scale?: PercentScale;
  readonly standing: Standing;
  /** The tolerance sets named in the wording, "Standard" first, as the sheet names them. */
  readonly toleranceSets: readonly string[];
  readonly wording: DefinitionWording;
  /** How wordings other than the seed's plain ones were read ("\"H\" read as Bigger is better"), for the pane and the report. */
  readonly readings: readonly string[];
  /** The words the workbook teaches, so its period values are read with them too. */
  readonly words?: Words;
}

/** The reason of a KPI that simply has no target: said as the status alone, since saying it twice tells nothing. */
export const noTargetGiven = "it has no target";

/** The standing of a KPI with no target to rate against. */
export type UnratedStanding = Exclude<Standing, { kind: "rated" }>;

/** Why a KPI has no target or tolerance to give, said after its id: "KPI-7: its target is suspended". */
export function whyUnrated(standing: UnratedStanding): string {
  if (standing.kind === "suspended") return "its target is suspended";
  if (standing.kind === "no target") return "it is a context measure with no target";
  if (standing.kind === "benchmark") return "its target is written against a benchmark";
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

/** Fixes how a definition's percentages are kept, once the row's values have said so. */
export function withScale(definition: Definition, scale: PercentScale | undefined): Definition {
  return definition.unit === "percent" ? { ...definition, scale } : definition;
}

/** The problems of a definition, for every tolerance set: what the pane and the report list. */
export function definitionProblems(definition: Definition): readonly string[] {
  const { standing } = definition;
  if (standing.kind === "check") return standing.problems;
  if (standing.kind !== "rated") return [];
  return Object.values(standing.tolerances).flatMap((tolerance) =>
    tolerance.kind === "problem" ? [tolerance.problem] : []
  );
}
