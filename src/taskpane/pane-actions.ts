/**
 * What the pane's actions share, and the actions that change the workbook: Apply and Remove, the register's
 * tables, the self-check. Each is one Excel.run, and says what it is doing, then what came of it.
 */
import type { Dispatch, SetStateAction } from "react";
import {
  findTables,
  unknownWords,
  type Appraisal,
  type FoundTables,
  type Register,
  type SettingsRead,
  type Words,
} from "../core";
import { readActiveSheet } from "../excel/sheet-reading";
import type { Capabilities } from "../excel/requirements";
import { explainFailure, runExcel } from "../excel/run";
import type { PaneActions, PaneMessage, PaneState } from "./model";
import {
  appliedMessage,
  registerTableMessage,
  removedMessage,
  settingsTableMessage,
  wordsTableMessage,
} from "./sentences";

/** Inserting the workbook's tables, wanted only from the Register view: loaded with it, not with the pane. */
const tableInsertion = () => import(/* webpackChunkName: "register" */ "../excel/table-insertion");
/** Writing and removing rules, selecting a row, copying the sheet: loaded at the first, as the pane shows a sheet without them. */
export const sheetActions = () =>
  import(/* webpackChunkName: "formatting" */ "../excel/active-sheet");

/** What the pane keeps between renders without drawing it. */
export interface PaneSession {
  register: Register;
  words: { words?: Words; problems: string[] };
  capabilities: Capabilities;
  /** The tolerance set the pane shows, and so the one Apply colours by. */
  toleranceSet: string;
  /** The workbook's scheme and symbols (its KPISettings table), with the rows it could not read. */
  settings: SettingsRead;
  /** Whether Apply shows status symbols: the pane's switch, which starts as the workbook chooses. */
  symbols: boolean;
  /** The tables last found on the sheet, to show again under another tolerance set or after Remove. */
  found: FoundTables | null;
  /** Where that sheet has no KPI table: the other sheets that have one. */
  kpiSheets: string[];
  /** The formulas of the add-in's rules on that sheet when it was read or written. */
  onSheet: string[];
  /** The id of the sheet read last, whose cell edits read it again. */
  sheetId?: string;
  /** Actions under way: a change to the sheet is read once they are done, as they read it themselves. */
  acting: number;
  /** The analyst asked to stop waiting for a cell edit: the waiting action ends at its next try. */
  stopRequested: boolean;
}

export type SetPaneState = Dispatch<SetStateAction<PaneState>>;

/** How the pane tells the analyst what it is doing and what came of it. */
export interface Feedback {
  say(message: PaneMessage | undefined): void;
  busy(what: string | undefined): void;
  /** Excel is waiting for the analyst to finish editing a cell. */
  waiting(): void;
}

/** Shows a sheet's tables, with the formulas of the add-in's rules on it and, where given, a message; with their appraisal where one was made. */
export type Show = (
  tables: FoundTables,
  onSheet: readonly string[],
  message?: PaneMessage,
  appraisal?: Appraisal
) => void;

/** An action that says what it is doing, then what it did (or why it failed), in words. */
export type Act = (
  doing: string,
  failed: string,
  action: () => Promise<PaneMessage | void>
) => Promise<void>;

/** One Excel.run for an analyst's action, waiting (and saying so) while a cell is being edited, until stopped. */
export type InExcel = <T>(action: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export function inExcelFor(session: PaneSession, waiting: () => void): InExcel {
  return (action) => runExcel(action, { onWaiting: waiting, stopped: () => session.stopRequested });
}

/** What the pane's actions work with: its session, how an action reports, how the sheet is shown, and Excel. */
interface ActionKit {
  session: PaneSession;
  act: Act;
  show: Show;
  inExcel: InExcel;
}

/** Apply and Remove: each reads the sheet afresh in Excel, then the pane shows the tables with the rules now there. */
export function formattingActions(kit: ActionKit): Pick<PaneActions, "apply" | "remove"> {
  const { session, act, show, inExcel } = kit;
  return {
    apply: () =>
      void act("Applying RAG formatting…", "RAG formatting was not applied", async () => {
        const { applyRagFormatting } = await sheetActions();
        const applied = await inExcel((context) =>
          applyRagFormatting(
            context,
            session.register,
            session.toleranceSet,
            session.capabilities,
            session.words.words,
            { scheme: session.settings.settings.scheme, symbols: session.symbols }
          )
        );
        show(
          applied.found,
          applied.plan.rules.map((rule) => rule.formula),
          undefined,
          applied.appraisal
        );
        return appliedMessage(applied);
      }),
    remove: () =>
      void act("Removing RAG formatting…", "RAG formatting was not removed", async () => {
        const { removeRagFormatting } = await sheetActions();
        const { removed, unreadableRules } = await inExcel((context) =>
          removeRagFormatting(context, session.capabilities)
        );
        if (session.found) show(session.found, []);
        return removedMessage(removed, unreadableRules);
      }),
  };
}

/** The KPIRegister, KPIWords and KPISettings tables: the tables' own events read the register (and the sheet) again, for the functions and the pane alike. */
export function tableActions(
  kit: ActionKit
): Pick<PaneActions, "insertRegister" | "insertWords" | "chooseScheme"> {
  const { session, act, inExcel } = kit;
  return {
    insertRegister: () =>
      void act("Updating the KPI register…", "The KPI register was not changed", async () => {
        const { insertRegisterTable } = await tableInsertion();
        return registerTableMessage(await inExcel(insertRegisterTable));
      }),
    insertWords: () =>
      void act("Updating the KPIWords table…", "The KPIWords table was not changed", async () => {
        const { insertWordsTable } = await tableInsertion();
        const inserted = await inExcel(async (context) => {
          const { grid } = await readActiveSheet(context, session.capabilities);
          const { words } = session.words;
          return insertWordsTable(
            context,
            unknownWords(grid, findTables(grid, session.register, { words }), words)
          );
        });
        return wordsTableMessage(inserted);
      }),
    chooseScheme: (scheme) =>
      void act("Choosing the scheme…", "The scheme was not changed", async () => {
        const { insertSettingsTable } = await tableInsertion();
        return settingsTableMessage(
          await inExcel((context) => insertSettingsTable(context, scheme)),
          scheme
        );
      }),
  };
}

/** "Check this Excel": its report, or why it could not run, in the Help section. */
export async function runSelfCheck(setState: SetPaneState, waiting: () => void): Promise<void> {
  setState((previous) => ({
    ...previous,
    busy: "Checking this Excel…",
    selfCheck: { running: true },
  }));
  try {
    // The check is Help's alone: its code comes with Help's chunk, not with the pane.
    const { checkThisExcel } = await import(/* webpackChunkName: "more" */ "../excel/self-check");
    const report = await runExcel((context) => checkThisExcel(context), { onWaiting: waiting });
    setState((previous) => ({
      ...previous,
      busy: undefined,
      selfCheck: { running: false, report: report.text },
    }));
  } catch (error) {
    setState((previous) => ({
      ...previous,
      busy: undefined,
      selfCheck: { running: false, report: explainFailure(error, "The check could not run") },
    }));
  }
}
