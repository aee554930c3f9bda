/**
 * The pane's one conversation with Excel: it asks src/excel to read, apply and remove, and turns the
 * answers into the plain PaneState that the components draw. One Excel.run per analyst action.
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type Dispatch,
  type SetStateAction,
} from "react";
import {
  appraise,
  builtInRegister,
  findTables,
  defaultSettings,
  reportOf,
  resolveToleranceSet,
  colouringSet,
  schemeName,
  sheetColours,
  standardScheme,
  standardSet,
  summarise,
  summariseComparisons,
  toleranceSetsOf,
  unknownWords,
  watchListOf,
  type Appraisal,
  type FoundTables,
  type Register,
  type Scheme,
  type SettingsRead,
  type WatchItem,
  type Words,
} from "../core";
import {
  applyRagFormatting,
  copySheetWithValues,
  readActiveSheet,
  removeRagFormatting,
  selectSheetRow,
} from "../excel/active-sheet";
import { watchCellChanges, watchSheetActivation, type Watch } from "../excel/events";
import { insertExampleTable } from "../excel/example-table";
import { activateSheet, otherSheetsWithKpiTables } from "../excel/other-sheets";
import {
  insertRegisterTable,
  insertSettingsTable,
  insertWordsTable,
} from "../excel/table-insertion";
import {
  currentWorkbookRegister,
  onRegisterChanged,
  type WorkbookRegister,
} from "../excel/workbook-register";
import { checkRequirements, type Capabilities } from "../excel/requirements";
import { explainFailure, explainReadFailure, runExcel } from "../excel/run";
import { checkThisExcel } from "../excel/self-check";
import {
  initialPaneState,
  numbered,
  type PaneActions,
  type PaneMessage,
  type PaneState,
} from "./model";
import { cellFactsOf } from "./kpi-lines";
import {
  appliedMessage,
  exampleMessage,
  registerTableMessage,
  removedMessage,
  sharedCopyMessage,
  unreadableRulesNote,
  settingsTableMessage,
  wordsTableMessage,
} from "./wording";

type SheetView = Pick<
  PaneState,
  | "sheet"
  | "tables"
  | "figures"
  | "headlines"
  | "skipped"
  | "summary"
  | "watchList"
  | "benchmarks"
  | "toleranceSets"
  | "toleranceSet"
  | "scheme"
  | "colouredBy"
>;

/**
 * The sheet's tables appraised under a tolerance set, or under Standard where the sheet has no such set (with
 * the problem to say); an appraisal already made under that set and scheme (Apply's) is taken as it is.
 */
function appraisalOf(
  found: FoundTables,
  toleranceSet: string,
  appraised: Appraisal | undefined,
  scheme: Scheme
): { appraisal: Appraisal; toleranceSets: string[]; toleranceSetProblem?: string } {
  const toleranceSets = toleranceSetsOf([found]);
  const resolved = resolveToleranceSet(
    toleranceSet,
    toleranceSets,
    `on the sheet "${found.sheet}"`
  );
  const chosen = resolved.ok ? resolved.value : standardSet;
  const appraisal =
    appraised?.toleranceSet === chosen &&
    appraised.scheme === scheme &&
    appraised.tables.length === found.tables.length &&
    appraised.tables.every((table, index) => table.table === found.tables[index])
      ? appraised
      : appraise(found, { toleranceSet: chosen, scheme });
  return {
    appraisal,
    toleranceSets,
    ...(resolved.ok
      ? {}
      : { toleranceSetProblem: `${resolved.problem}. Rated with ${standardSet}.` }),
  };
}

/**
 * The pane's view of a sheet's tables under a tolerance set: what every component needs, as plain data.
 * An appraisal of these tables under that set (Apply's) is shown as it is, not rated again. `onSheet` is
 * the formulas of the add-in's rules on the sheet, which say which set coloured it.
 */
export function viewOf(
  found: FoundTables,
  toleranceSet: string,
  onSheet: readonly string[],
  appraised?: Appraisal,
  scheme: Scheme = standardScheme
): SheetView & { toleranceSetProblem?: string } {
  const { appraisal, toleranceSets, toleranceSetProblem } = appraisalOf(
    found,
    toleranceSet,
    appraised,
    scheme
  );
  const report = reportOf(appraisal);
  return {
    ...(toleranceSetProblem === undefined ? {} : { toleranceSetProblem }),
    sheet: found.sheet,
    tables: report.tables,
    ...cellFactsOf(appraisal),
    skipped: found.skipped,
    summary: summarise(report.tables),
    watchList: watchListOf(appraisal),
    benchmarks: summariseComparisons(report.rows),
    toleranceSets,
    toleranceSet: appraisal.toleranceSet,
    scheme: schemeName(scheme),
    colouredBy: sheetColours(found, onSheet, toleranceSets, appraisal),
  };
}

/** What the pane keeps between renders without drawing it. */
interface PaneSession {
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

type SetPaneState = Dispatch<SetStateAction<PaneState>>;

/** How the pane tells the analyst what it is doing and what came of it. */
interface Feedback {
  say(message: PaneMessage | undefined): void;
  busy(what: string | undefined): void;
  /** Excel is waiting for the analyst to finish editing a cell. */
  waiting(): void;
}

/** Shows a sheet's tables, with the formulas of the add-in's rules on it and, where given, a message; with their appraisal where one was made. */
type Show = (
  tables: FoundTables,
  onSheet: readonly string[],
  message?: PaneMessage,
  appraisal?: Appraisal
) => void;

/** An action that says what it is doing, then what it did (or why it failed), in words. */
type Act = (
  doing: string,
  failed: string,
  action: () => Promise<PaneMessage | void>
) => Promise<void>;

/** The pane's state and what the analyst can ask of it: reading, formatting, the register's tables, the self-check. */
export function usePane(): { state: PaneState; actions: PaneActions } {
  const [state, setState] = useState<PaneState>(initialPaneState);
  const session = useRef<PaneSession>({
    register: builtInRegister,
    words: { problems: [] },
    capabilities: { mergedAreas: true, cultureInfo: true, formatById: true },
    toleranceSet: standardSet,
    settings: { settings: defaultSettings, problems: [], schemeNamed: false },
    symbols: false,
    found: null,
    kpiSheets: [],
    onSheet: [],
    acting: 0,
    stopRequested: false,
  }).current;
  const feedback = useFeedback(setState);
  const show = useSheetView(session, setState);
  const reread = useSheetReading(session, setState, feedback, show);
  useStartUp(session, setState, reread, feedback.waiting);
  const act = useAct(feedback, session);
  const { waiting } = feedback;
  const actions = useMemo<PaneActions>(
    () => ({
      reread: () => void reread(),
      chooseToleranceSet: (set) => {
        session.toleranceSet = set;
        if (session.found) show(session.found, session.onSheet);
      },
      showSymbols: (on) => {
        session.symbols = on;
        setState((previous) => ({ ...previous, symbols: on }));
      },
      ...formattingActions({ session, act, show, waiting }),
      ...tableActions({ session, act, show, waiting }),
      selectRow: (item: WatchItem) =>
        void act("Selecting the row…", "The row could not be selected", () =>
          runExcel((context) => selectSheetRow(context, item.sheet, item.row), {
            onWaiting: waiting,
            stopped: () => session.stopRequested,
          })
        ),
      shareCopy: () =>
        void act("Making a shareable copy…", "The shareable copy was not made", async () =>
          sharedCopyMessage(
            await runExcel(copySheetWithValues, {
              onWaiting: waiting,
              stopped: () => session.stopRequested,
            })
          )
        ),
      goToSheet: (sheet) =>
        void act(`Going to the sheet "${sheet}"…`, `The sheet "${sheet}" could not be opened`, () =>
          runExcel((context) => activateSheet(context, sheet), {
            onWaiting: waiting,
            stopped: () => session.stopRequested,
          })
        ),
      insertExample: () =>
        void act("Inserting an example table…", "The example table was not inserted", async () => {
          await runExcel(insertExampleTable, {
            onWaiting: waiting,
            stopped: () => session.stopRequested,
          });
          await reread(true);
          return exampleMessage;
        }),
      checkThisExcel: () => void runSelfCheck(setState, waiting),
      stopWaiting: () => {
        session.stopRequested = true;
      },
      dismissMessage: () => feedback.say(undefined),
    }),
    [act, feedback, reread, session, show, waiting]
  );
  return { state, actions };
}

function useFeedback(setState: SetPaneState): Feedback {
  return useMemo(() => {
    const busy = (what: string | undefined): void =>
      setState((previous) => ({ ...previous, busy: what, waitingForEdit: false }));
    return {
      say: (message) =>
        setState((previous) => ({ ...previous, message: message && numbered(message) })),
      busy,
      waiting: () =>
        setState((previous) => ({
          ...previous,
          busy: "Waiting for you to finish editing the cell…",
          waitingForEdit: true,
        })),
    };
  }, [setState]);
}

/**
 * Shows a sheet's tables under the chosen tolerance set. A sheet without the chosen set resets the choice,
 * saying so, so that Apply colours what the pane shows.
 */
function useSheetView(session: PaneSession, setState: SetPaneState): Show {
  return useCallback(
    (tables, onSheet, message, appraisal) => {
      session.found = tables;
      session.onSheet = [...onSheet];
      const { toleranceSetProblem, ...view } = viewOf(
        tables,
        session.toleranceSet,
        onSheet,
        appraisal,
        session.settings.settings.scheme
      );
      session.toleranceSet = view.toleranceSet;
      const said: PaneMessage | undefined =
        message ??
        (toleranceSetProblem === undefined
          ? undefined
          : { intent: "warning", text: toleranceSetProblem });
      setState((previous) => ({
        ...previous,
        phase: "ready",
        busy: undefined,
        waitingForEdit: false,
        ...view,
        kpiSheets: session.kpiSheets,
        readFailed: false,
        registerProblems: [...session.register.problems, ...session.settings.problems],
        wordsProblems: session.words.problems,
        symbols: session.symbols,
        message: said ? numbered(said) : previous.message,
      }));
    },
    [session, setState]
  );
}

/**
 * Reads the active sheet and shows what was found there, or why it could not be read. A sheet read for the
 * first time is shown under the tolerance set that coloured it, so the pane says what the sheet shows. A
 * quiet read (after an edit) shows no busy text, so a screen reader is not told of each keystroke's read.
 */
function useSheetReading(
  session: PaneSession,
  setState: SetPaneState,
  feedback: Feedback,
  show: Show
): (quiet?: boolean) => Promise<void> {
  return useCallback(
    async (quiet = false) => {
      if (!quiet) {
        session.stopRequested = false;
        feedback.busy("Reading the sheet…");
      }
      try {
        const { words } = session.words;
        const { reading, found, kpiSheets } = await runExcel(
          async (context) => {
            const reading = await readActiveSheet(context, session.capabilities);
            const found = findTables(reading.grid, session.register, { words });
            const kpiSheets =
              found.tables.length > 0
                ? []
                : await otherSheetsWithKpiTables(
                    context,
                    (grid) => findTables(grid, session.register, { words }).tables.length > 0
                  ).catch(() => []); // Only a pointer: where Excel cannot give the other sheets, none is named.
            return { reading, found, kpiSheets };
          },
          { onWaiting: feedback.waiting, stopped: () => session.stopRequested }
        );
        session.kpiSheets = kpiSheets;
        const onSheet = reading.ownRules.map((rule) => rule.formula);
        // A sheet read for the first time is shown under the set that coloured it; the appraisal made to
        // find that set is the one shown when it is the same set, so a large sheet is rated once.
        let appraisal: Appraisal | undefined;
        if (reading.sheetId !== session.sheetId) {
          session.sheetId = reading.sheetId;
          const shown = appraisalOf(
            found,
            session.toleranceSet,
            undefined,
            session.settings.settings.scheme
          );
          appraisal = shown.appraisal;
          const coloured = colouringSet(
            sheetColours(found, onSheet, shown.toleranceSets, appraisal)
          );
          if (coloured !== undefined) session.toleranceSet = coloured;
        }
        const note = unreadableRulesNote(reading.unreadableRules);
        show(found, onSheet, note ? { intent: "warning", text: note } : undefined, appraisal);
      } catch (error) {
        setState((previous) => ({
          ...previous,
          phase: "ready",
          busy: undefined,
          waitingForEdit: false,
          readFailed: true,
          message: numbered({
            intent: "error",
            text: explainReadFailure(error),
          }),
        }));
      }
    },
    [feedback, session, setState, show]
  );
}

/** The register is the functions' own (src/excel/workbook-register.ts): one read, one watch, one failure policy. */
function takeRegister(session: PaneSession, read: WorkbookRegister): void {
  session.register = read.register;
  session.words = read.words;
  session.settings = read.settings;
  session.symbols = read.settings.settings.symbols;
}

/** How long the pane waits after the last change to the sheet before reading it again. */
export const changePause = 400;

/**
 * On opening: checks this Excel can run the pane, reads the register, watches for another sheet being
 * activated and for cells of the shown sheet changing, and reads the active one. Only the register's edits
 * change what the pane shows of another sheet's tables, so they read the sheet again too. Closing the pane
 * takes every handler off again.
 */
function useStartUp(
  session: PaneSession,
  setState: SetPaneState,
  reread: (quiet?: boolean) => Promise<void>,
  waiting: () => void
): void {
  useEffect(() => {
    const check = checkRequirements();
    if (!check.ok) {
      setState((previous) => ({
        ...previous,
        phase: "unsupported",
        message: numbered({ intent: "error", text: check.problem }),
      }));
      return;
    }
    session.capabilities = check.capabilities;
    let closed = false;
    const watches: Watch[] = [];
    const keep = (watch: Watch): void => {
      if (closed) void watch.stop().catch(() => undefined);
      else watches.push(watch);
    };
    let pause: ReturnType<typeof setTimeout> | undefined;
    const readAfterPause = (): void => {
      clearTimeout(pause);
      pause = setTimeout(() => {
        if (closed) return;
        if (session.acting > 0) readAfterPause();
        else void reread(true);
      }, changePause);
    };
    const unsubscribe = onRegisterChanged((changed) => {
      takeRegister(session, changed);
      void reread();
    });
    void (async () => {
      takeRegister(session, await currentWorkbookRegister());
      await runExcel(
        async (context) => {
          keep(await watchSheetActivation(context, () => reread()));
          keep(
            await watchCellChanges(context, (sheetId) => {
              if (sheetId === session.sheetId) readAfterPause();
            })
          );
        },
        { onWaiting: waiting, stopped: () => session.stopRequested }
      ).catch(() => undefined);
      if (!closed) await reread();
    })();
    return () => {
      closed = true;
      clearTimeout(pause);
      unsubscribe();
      for (const watch of watches.splice(0)) void watch.stop().catch(() => undefined);
    };
  }, [reread, session, setState, waiting]);
}

function useAct({ busy, say }: Feedback, session: PaneSession): Act {
  return useCallback(
    async (doing, failed, action) => {
      busy(doing);
      session.stopRequested = false;
      session.acting += 1;
      try {
        const message = await action();
        if (message) say(message);
      } catch (error) {
        say({ intent: "error", text: explainFailure(error, failed) });
      } finally {
        session.acting -= 1;
        busy(undefined);
      }
    },
    [busy, say, session]
  );
}

/** What the pane's actions work with: its session, how an action reports, how the sheet is shown, and Excel's wait. */
interface ActionKit {
  session: PaneSession;
  act: Act;
  show: Show;
  waiting: () => void;
}

/** Apply and Remove: each reads the sheet afresh in Excel, then the pane shows the tables with the rules now there. */
function formattingActions(kit: ActionKit): Pick<PaneActions, "apply" | "remove"> {
  const { session, act, show, waiting } = kit;
  return {
    apply: () =>
      void act("Applying RAG formatting…", "RAG formatting was not applied", async () => {
        const applied = await runExcel(
          (context) =>
            applyRagFormatting(
              context,
              session.register,
              session.toleranceSet,
              session.capabilities,
              session.words.words,
              { scheme: session.settings.settings.scheme, symbols: session.symbols }
            ),
          { onWaiting: waiting, stopped: () => session.stopRequested }
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
        const { removed, unreadableRules } = await runExcel(
          (context) => removeRagFormatting(context, session.capabilities),
          { onWaiting: waiting, stopped: () => session.stopRequested }
        );
        if (session.found) show(session.found, []);
        return removedMessage(removed, unreadableRules);
      }),
  };
}

/** The KPIRegister, KPIWords and KPISettings tables: the tables' own events read the register (and the sheet) again, for the functions and the pane alike. */
function tableActions(
  kit: ActionKit
): Pick<PaneActions, "insertRegister" | "insertWords" | "chooseScheme"> {
  const { session, act, waiting } = kit;
  return {
    insertRegister: () =>
      void act("Updating the KPI register…", "The KPI register was not changed", async () =>
        registerTableMessage(
          await runExcel(insertRegisterTable, {
            onWaiting: waiting,
            stopped: () => session.stopRequested,
          })
        )
      ),
    insertWords: () =>
      void act("Updating the KPIWords table…", "The KPIWords table was not changed", async () => {
        const inserted = await runExcel(
          async (context) => {
            const { grid } = await readActiveSheet(context, session.capabilities);
            const { words } = session.words;
            return insertWordsTable(
              context,
              unknownWords(grid, findTables(grid, session.register, { words }), words)
            );
          },
          { onWaiting: waiting, stopped: () => session.stopRequested }
        );
        return wordsTableMessage(inserted);
      }),
    chooseScheme: (scheme) =>
      void act("Choosing the scheme…", "The scheme was not changed", async () =>
        settingsTableMessage(
          await runExcel((context) => insertSettingsTable(context, scheme), {
            onWaiting: waiting,
            stopped: () => session.stopRequested,
          }),
          scheme
        )
      ),
  };
}

/** "Check this Excel": its report, or why it could not run, in the Help section. */
async function runSelfCheck(setState: SetPaneState, waiting: () => void): Promise<void> {
  setState((previous) => ({
    ...previous,
    busy: "Checking this Excel…",
    selfCheck: { running: true },
  }));
  try {
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
