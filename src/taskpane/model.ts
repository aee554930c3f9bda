/**
 * What the pane shows and what it can ask for: plain data and callbacks, so every component renders in a
 * test without Office. The store (store.ts) owns the conversation with src/excel and fills these in.
 */
import {
  standardSet,
  type BenchmarkSummary,
  type PeriodSummary,
  type SchemeChoice,
  type SheetColours,
  type TableReport,
  type WatchItem,
} from "../core";
import type { TopLine } from "./kpi-lines";

export type Intent = "info" | "success" | "warning" | "error";

export interface PaneMessage {
  intent: Intent;
  text: string;
}

/** A message as the pane shows it: numbered, so the same words said twice are announced twice. */
export interface ShownMessage extends PaneMessage {
  id: number;
}

let messagesSaid = 0;

export function numbered(message: PaneMessage): ShownMessage {
  messagesSaid += 1;
  return { ...message, id: messagesSaid };
}

export interface PaneState {
  /** starting: Office is loading; unsupported: this Excel is too old (see `message`); ready: the sheet is read. */
  phase: "starting" | "unsupported" | "ready";
  /** What the pane is doing now, in words ("Applying RAG formatting…"); undefined when idle. */
  busy?: string;
  /** Excel is waiting for the analyst's cell edit: the pane offers to stop waiting. */
  waitingForEdit?: boolean;
  sheet: string;
  tables: TableReport[];
  /**
   * The top line: the latest statuses counted from the appraisal when the lines are first drawn, then with
   * the problems once the reports are made (see sheet-view.ts); counted from `tables` when not given.
   */
  topLine?: TopLine;
  /** Figures in the analyst's words by cell address, and headline cells: see kpi-lines.ts. */
  figures: Record<string, string>;
  headlines: string[];
  /** Why the sheet has no KPI table, naming the nearest miss; undefined when it has one. */
  skipped?: string;
  /** Where the sheet has no KPI table: the workbook's other sheets that have one, to go to. */
  kpiSheets: string[];
  summary: PeriodSummary[];
  watchList: WatchItem[];
  /** How the sheet's KPIs stand against each benchmark beside them. */
  benchmarks: BenchmarkSummary[];
  toleranceSets: string[];
  toleranceSet: string;
  /** The scheme that rated the sheet, as its KPISettings table chooses: "Standard", "Amber by direction". */
  scheme: string;
  /** Whether Apply shows a status symbol beside each figure (the pane's switch). */
  symbols: boolean;
  /** What the sheet's own rules show, against the set shown now (see src/core/plan/coloured-by.ts). */
  colouredBy: SheetColours;
  /** The last read of the sheet failed: nothing shown may be trusted, and Apply waits for a read. */
  readFailed?: boolean;
  registerProblems: string[];
  /** Rows of the KPIWords table that were left out, and words waiting for a meaning. */
  wordsProblems: string[];
  message?: ShownMessage;
  /** "Check this Excel": idle, running, or done with its report as text. */
  selfCheck: { running: boolean; report?: string };
}

export interface PaneActions {
  reread(): void;
  chooseToleranceSet(set: string): void;
  /** Turns status symbols on or off for the next Apply. */
  showSymbols(on: boolean): void;
  apply(): void;
  remove(): void;
  selectRow(item: WatchItem): void;
  insertRegister(): void;
  /** Inserts or tops up the KPIWords table with the words of this sheet the add-in could not read. */
  insertWords(): void;
  /** Chooses the workbook's scheme: inserts the KPISettings table, or changes its Scheme row. */
  chooseScheme(scheme: SchemeChoice): void;
  shareCopy(): void;
  /** Writes the example KPI table on the active sheet, which is empty. */
  insertExample(): void;
  /** Makes another sheet of the workbook (one with a KPI table) the active one. */
  goToSheet(sheet: string): void;
  checkThisExcel(): void;
  dismissMessage(): void;
  /** Stops waiting for a cell edit: the action waiting ends with nothing done. */
  stopWaiting(): void;
}

export const initialPaneState: PaneState = {
  phase: "starting",
  sheet: "",
  tables: [],
  figures: {},
  headlines: [],
  kpiSheets: [],
  summary: [],
  watchList: [],
  benchmarks: [],
  toleranceSets: [standardSet],
  toleranceSet: standardSet,
  scheme: "Standard",
  symbols: false,
  colouredBy: { kind: "uncoloured" },
  registerProblems: [],
  wordsProblems: [],
  selfCheck: { running: false },
};
