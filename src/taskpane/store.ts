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
  appraiseTables,
  builtInRegister,
  findTables,
  defaultSettings,
  reportOf,
  resolveToleranceSet,
  schemeName,
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
import { watchSheetActivation } from "../excel/events";
import { insertRegisterTable, insertWordsTable } from "../excel/table-insertion";
import {
  currentWorkbookRegister,
  onRegisterChanged,
  type WorkbookRegister,
} from "../excel/workbook-register";
import { checkRequirements, type Capabilities } from "../excel/requirements";
import { explainFailure, runExcel } from "../excel/run";
import { checkThisExcel } from "../excel/self-check";
import { initialPaneState, type PaneActions, type PaneMessage, type PaneState } from "./model";
import {
  appliedMessage,
  registerTableMessage,
  removedMessage,
  sharedCopyMessage,
  unreadableRulesNote,
  wordsTableMessage,
} from "./wording";

type SheetView = Pick<
  PaneState,
  | "sheet"
  | "tables"
  | "skipped"
  | "summary"
  | "watchList"
  | "benchmarks"
  | "toleranceSets"
  | "toleranceSet"
  | "scheme"
  | "ownRules"
>;

/**
 * The pane's view of a sheet's tables under a tolerance set: what every component needs, as plain data.
 * An appraisal of these tables under that set (Apply's) is shown as it is, not rated again.
 */
export function viewOf(
  found: FoundTables,
  toleranceSet: string,
  ownRules: number,
  appraised?: Appraisal,
  scheme: Scheme = standardScheme
): SheetView & { toleranceSetProblem?: string } {
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
      : appraiseTables(found, chosen, scheme);
  const report = reportOf(appraisal);
  return {
    ...(resolved.ok
      ? {}
      : { toleranceSetProblem: `${resolved.problem}. Rated with ${standardSet}.` }),
    sheet: found.sheet,
    tables: report.tables,
    skipped: found.skipped,
    summary: summarise(report.tables),
    watchList: watchListOf(appraisal),
    benchmarks: summariseComparisons(report.rows),
    toleranceSets,
    toleranceSet: chosen,
    scheme: schemeName(scheme),
    ownRules,
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
}

type SetPaneState = Dispatch<SetStateAction<PaneState>>;

/** How the pane tells the analyst what it is doing and what came of it. */
interface Feedback {
  say(message: PaneMessage | undefined): void;
  busy(what: string | undefined): void;
  /** Excel is waiting for the analyst to finish editing a cell. */
  waiting(): void;
}

/** Shows a sheet's tables, with how many of the add-in's rules are on it and, where given, a message; with their appraisal where one was made. */
type Show = (
  tables: FoundTables,
  ownRules: number,
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
  }).current;
  const feedback = useFeedback(setState);
  const show = useSheetView(session, setState);
  const reread = useSheetReading(session, setState, feedback, show);
  useStartUp(session, setState, reread, feedback.waiting);
  const act = useAct(feedback);
  const { waiting } = feedback;
  const actions = useMemo<PaneActions>(
    () => ({
      reread: () => void reread(),
      chooseToleranceSet: (set) => {
        session.toleranceSet = set;
        if (session.found) show(session.found, state.ownRules);
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
          })
        ),
      shareCopy: () =>
        void act("Making a shareable copy…", "The shareable copy was not made", async () =>
          sharedCopyMessage(await runExcel(copySheetWithValues, { onWaiting: waiting }))
        ),
      checkThisExcel: () => void runSelfCheck(setState, waiting),
      dismissMessage: () => feedback.say(undefined),
    }),
    [act, feedback, reread, session, show, state.ownRules, waiting]
  );
  return { state, actions };
}

function useFeedback(setState: SetPaneState): Feedback {
  return useMemo(() => {
    const busy = (what: string | undefined): void =>
      setState((previous) => ({ ...previous, busy: what }));
    return {
      say: (message) => setState((previous) => ({ ...previous, message })),
      busy,
      waiting: () => busy("Waiting for you to finish editing the cell…"),
    };
  }, [setState]);
}

/**
 * Shows a sheet's tables under the chosen tolerance set. A sheet without the chosen set resets the choice,
 * saying so, so that Apply colours what the pane shows.
 */
function useSheetView(session: PaneSession, setState: SetPaneState): Show {
  return useCallback(
    (tables, ownRules, message, appraisal) => {
      session.found = tables;
      const { toleranceSetProblem, ...view } = viewOf(
        tables,
        session.toleranceSet,
        ownRules,
        appraisal,
        session.settings.settings.scheme
      );
      session.toleranceSet = view.toleranceSet;
      const reset: PaneMessage | undefined =
        toleranceSetProblem === undefined
          ? undefined
          : { intent: "warning", text: toleranceSetProblem };
      setState((previous) => ({
        ...previous,
        phase: "ready",
        busy: undefined,
        ...view,
        registerProblems: [...session.register.problems, ...session.settings.problems],
        wordsProblems: session.words.problems,
        symbols: session.symbols,
        message: message ?? reset ?? previous.message,
      }));
    },
    [session, setState]
  );
}

/** Reads the active sheet and shows what was found there, or why it could not be read. */
function useSheetReading(
  session: PaneSession,
  setState: SetPaneState,
  feedback: Feedback,
  show: Show
): () => Promise<void> {
  return useCallback(async () => {
    feedback.busy("Reading the sheet…");
    try {
      const reading = await runExcel((context) => readActiveSheet(context, session.capabilities), {
        onWaiting: feedback.waiting,
      });
      const note = unreadableRulesNote(reading.unreadableRules);
      show(
        findTables(reading.grid, session.register, { words: session.words.words }),
        reading.ownRules.length,
        note ? { intent: "warning", text: note } : undefined
      );
    } catch (error) {
      setState((previous) => ({
        ...previous,
        phase: "ready",
        busy: undefined,
        message: { intent: "error", text: explainFailure(error, "The sheet could not be read") },
      }));
    }
  }, [feedback, session, setState, show]);
}

/** The register is the functions' own (src/excel/workbook-register.ts): one read, one watch, one failure policy. */
function takeRegister(session: PaneSession, read: WorkbookRegister): void {
  session.register = read.register;
  session.words = read.words;
  session.settings = read.settings;
  session.symbols = read.settings.settings.symbols;
}

/**
 * On opening: checks this Excel can run the pane, reads the register, watches for another sheet being
 * activated and reads the active one. Only the register's edits change what the pane shows of another
 * sheet's tables, so they read the sheet again too.
 */
function useStartUp(
  session: PaneSession,
  setState: SetPaneState,
  reread: () => Promise<void>,
  waiting: () => void
): void {
  useEffect(() => {
    const check = checkRequirements();
    if (!check.ok) {
      setState((previous) => ({
        ...previous,
        phase: "unsupported",
        message: { intent: "error", text: check.problem },
      }));
      return;
    }
    session.capabilities = check.capabilities;
    const unsubscribe = onRegisterChanged((changed) => {
      takeRegister(session, changed);
      void reread();
    });
    void (async () => {
      takeRegister(session, await currentWorkbookRegister());
      await runExcel((context) => watchSheetActivation(context, reread), {
        onWaiting: waiting,
      }).catch(() => undefined);
      await reread();
    })();
    return unsubscribe;
  }, [reread, session, setState, waiting]);
}

function useAct({ busy, say }: Feedback): Act {
  return useCallback(
    async (doing, failed, action) => {
      busy(doing);
      try {
        const message = await action();
        if (message) say(message);
      } catch (error) {
        say({ intent: "error", text: explainFailure(error, failed) });
      } finally {
        busy(undefined);
      }
    },
    [busy, say]
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
          { onWaiting: waiting }
        );
        show(applied.found, applied.plan.rules.length, undefined, applied.appraisal);
        return appliedMessage(applied);
      }),
    remove: () =>
      void act("Removing RAG formatting…", "RAG formatting was not removed", async () => {
        const { removed, unreadableRules } = await runExcel(
          (context) => removeRagFormatting(context, session.capabilities),
          { onWaiting: waiting }
        );
        if (session.found) show(session.found, 0);
        return removedMessage(removed, unreadableRules);
      }),
  };
}

/** The KPIRegister and KPIWords tables: the tables' own events read the register (and the sheet) again, for the functions and the pane alike. */
function tableActions(kit: ActionKit): Pick<PaneActions, "insertRegister" | "insertWords"> {
  const { session, act, waiting } = kit;
  return {
    insertRegister: () =>
      void act("Updating the KPI register…", "The KPI register was not changed", async () =>
        registerTableMessage(await runExcel(insertRegisterTable, { onWaiting: waiting }))
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
          { onWaiting: waiting }
        );
        return wordsTableMessage(inserted);
      }),
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
