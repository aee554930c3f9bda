/**
 * The statuses that a band of values can carry and that conditional formatting colours. Blue is drawn only
 * under the Blue-for-exceeding scheme.
 */
export const ragStatuses = ["Blue", "Green", "Amber", "Red"] as const;

export type RagStatus = (typeof ragStatuses)[number];

/** Every status in the order the pane, the summary and kpi-rag list them: the RAG ones, then the rest. */
export const statuses = [
  ...ragStatuses,
  "Suspended",
  "No target",
  "No data",
  "Check definition",
] as const;

/** The product's one vocabulary of statuses: formulas, pane, report and CLI all say these words. */
export type Status = (typeof statuses)[number];

/** Whether a status is one the sheet colours (its family is the RAG palette); the others are shown neutral. */
export function isRagStatus(status: Status): status is RagStatus {
  return status === "Green" || status === "Amber" || status === "Red" || status === "Blue";
}

/** A count of zero for every status, to add to. */
export function emptyCounts(): Record<Status, number> {
  return {
    Blue: 0,
    Green: 0,
    Amber: 0,
    Red: 0,
    Suspended: 0,
    "No target": 0,
    "No data": 0,
    "Check definition": 0,
  };
}

/**
 * Why a cell got its status, as data (the words are in `reason`):
 * - `band`: the figure fell in one of the definition's bands;
 * - `benchmark`: the figure was rated against a benchmark the target names;
 * - `definition`: the definition decides whatever the figure (Suspended, No target, Check definition);
 * - `no data`: the cell holds no figure (blank, or a no-data word such as "n/a");
 * - `unreadable`: the cell holds something that is not a figure (stray text, an Excel error, TRUE);
 * - `no benchmark figure`: the benchmark the target names has no figure for this period.
 */
export type RatingKind =
  "band" | "benchmark" | "definition" | "no data" | "unreadable" | "no benchmark figure";

export interface Rating {
  status: Status;
  kind: RatingKind;
  /** One sentence an analyst would accept: "74% is below the tolerance of 75%". */
  reason: string;
  /** For `no data` and `unreadable`: what is in the cell, without the status ("the cell is blank"). */
  problem?: string;
}

/** A cell with no figure to rate: the one place its words are made. */
export function noDataRating(
  kind: "no data" | "unreadable" | "no benchmark figure",
  problem: string
): Rating {
  if (kind === "no data" && problem === blankCell) return blankCellRating;
  return { status: "No data", kind, reason: `No data: ${problem}`, problem };
}

/** Why a blank cell has no figure. */
export const blankCell = "the cell is blank";

/** A blank cell's rating, one object that every blank cell of a sheet shares. */
const blankCellRating: Rating = {
  status: "No data",
  kind: "no data",
  reason: `No data: ${blankCell}`,
  problem: blankCell,
};

/** Whether the rated cell held a figure (whatever status it then got). */
export function isFigureRating(rating: Rating): boolean {
  return rating.kind !== "no data" && rating.kind !== "unreadable";
}

/** A reading that either worked or says, in the analyst's words, why it did not. */
export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };
