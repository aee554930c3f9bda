/**
 * What a band is: an interval of figures with its status and the words that explain it. Its own module so
 * the standard drawing (bands.ts) and the council schemes' drawing (scheme-bands.ts) share it without
 * importing each other.
 */
import type { Tolerance } from "../definition/definition";
import type { RagStatus, Status } from "../values/status";
import type { BenchmarkStanding } from "./benchmark-target";

/** A tolerance that draws bands (not suspended, no problem). */
export type BandingTolerance = Exclude<Tolerance, { kind: "suspended" | "problem" }>;

/** A bound of an interval; an open end is ±Infinity. Values are in the core's scale (fractions for %). */
export interface Band {
  readonly status: RagStatus;
  readonly low: number;
  readonly lowInclusive: boolean;
  readonly high: number;
  readonly highInclusive: boolean;
  /** The rest of a sentence after the figure: "is below the tolerance of 75%". */
  readonly words: string;
  /** Under Amber by direction: a figure here is Amber where it is better than the period before, else Red. */
  readonly byDirection?: true;
}

/**
 * What rates a definition's figures under a tolerance set and scheme: its bands, a status whatever the
 * figure, or a target written against a benchmark, which rates each figure against the benchmark's.
 */
export type Bands =
  | { readonly kind: "bands"; readonly bands: readonly Band[] }
  | { readonly kind: "benchmark"; readonly standing: BenchmarkStanding }
  | {
      readonly kind: "status";
      readonly status: Exclude<Status, RagStatus | "No data">;
      readonly reason: string;
    };
