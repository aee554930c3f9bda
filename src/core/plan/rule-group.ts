/** A rule the plan is gathering: its status, its formula once its anchor cell is known, and its cells. */
import type { RagStatus } from "../values/status";
import type { Runs } from "./rule-areas";

export interface Group {
  status: RagStatus;
  formulaFor: (anchor: string) => string;
  /** The cells it colours as runs along their rows: row, first column, last column, then the next run. */
  runs: Runs;
}
