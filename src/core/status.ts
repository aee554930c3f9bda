/** The product's one vocabulary of statuses: formulas, pane, report and CLI all say these words. */
export type Status = "Green" | "Amber" | "Red" | "Suspended" | "No target" | "No data" | "Check definition";

export const statuses: readonly Status[] = ["Green", "Amber", "Red", "Suspended", "No target", "No data", "Check definition"];

/** The three statuses that a band of values can carry and that conditional formatting colours. */
export type RagStatus = "Green" | "Amber" | "Red";

export interface Rating {
  status: Status;
  /** One sentence an analyst would accept: "74% is below the tolerance of 75%". */
  reason: string;
  /** Set when the value itself could not be read as a figure (text, an Excel error, TRUE). */
  unreadable?: boolean;
}

/** A reading that either worked or says, in the analyst's words, why it did not. */
export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };
