/**
 * The pane's one conversation with Excel: it asks src/excel to read, apply and remove, and turns the
 * answers into the plain PaneState that the components draw. One Excel.run per analyst action.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  builtInRegister,
  defaultSettings,
  colouringSet,
  standardSet,
  type Appraisal,
  type WatchItem,
} from "../core";
import { watchCellChanges, watchSheetActivation, type Watch } from "../excel/events";
import { insertExampleTable } from "../excel/example-table";
import { activateSheet } from "../excel/other-sheets";
import {
  currentWorkbookRegister,
  onRegisterChanged,
  type WorkbookRegister,
} from "../excel/workbook-register";
import { checkRequirements } from "../excel/requirements";
import { explainFailure, explainReadFailure } from "../excel/run";
import {
  initialPaneState,
  numbered,
  type PaneActions,
  type PaneMessage,
  type PaneState,
} from "./model";
import {
  formattingActions,
  inExcelFor,
  runSelfCheck,
  sheetActions,
  tableActions,
  type Feedback,
  type InExcel,
  type PaneSession,
  type SetPaneState,
  type Show,
  type Act,
} from "./pane-actions";
import { takeOpening, type WorkbookListener } from "./opening";
import { readSheetTables, type SheetTables } from "./sheet-tables";
import { afterPaint, appraisalOf, coloursOfSheet, linesOf, noOverview } from "./sheet-view";
import { exampleMessage, sharedCopyMessage, unreadableRulesNote } from "./sentences";

/** The pane's state and what the analyst can ask of it: reading, formatting, the register's tables, the self-check. */
export function usePane(): { state: PaneState; actions: PaneActions } {
  const [state, setStateNow] = useState<PaneState>(initialPaneState);
  // Work that ends after the pane has closed (a read, the Summary's counts after a paint) has nowhere to
  // show: its update is dropped rather than handed to a React root that is gone.
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);
  const setState = useCallback<SetPaneState>((update) => {
    if (open.current) setStateNow(update);
  }, []);
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
  const { waiting } = feedback;
  const inExcel = useMemo(() => inExcelFor(session, waiting), [session, waiting]);
  const show = useSheetView(session, setState);
  const reread = useSheetReading(session, setState, feedback, show, inExcel);
  useStartUp(session, setState, reread, inExcel);
  const act = useAct(feedback, session);
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
      ...formattingActions({ session, act, show, inExcel }),
      ...tableActions({ session, act, show, inExcel }),
      selectRow: (item: WatchItem) =>
        void act("Selecting the row…", "The row could not be selected", async () => {
          const { selectSheetRow } = await sheetActions();
          return inExcel((context) => selectSheetRow(context, item.sheet, item.row));
        }),
      shareCopy: () =>
        void act("Making a shareable copy…", "The shareable copy was not made", async () => {
          const { copySheetWithValues } = await sheetActions();
          return sharedCopyMessage(await inExcel(copySheetWithValues));
        }),
      goToSheet: (sheet) =>
        void act(`Going to the sheet "${sheet}"…`, `The sheet "${sheet}" could not be opened`, () =>
          inExcel((context) => activateSheet(context, sheet))
        ),
      insertExample: () =>
        void act("Inserting an example table…", "The example table was not inserted", async () => {
          await inExcel(insertExampleTable);
          await reread(true);
          return exampleMessage;
        }),
      checkThisExcel: () => void runSelfCheck(setState, waiting),
      stopWaiting: () => {
        session.stopRequested = true;
      },
      dismissMessage: () => feedback.say(undefined),
    }),
    [act, feedback, inExcel, reread, session, show, waiting]
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
      const { view: lines, overview } = linesOf(
        tables,
        session.toleranceSet,
        onSheet,
        appraisal,
        session.settings.settings.scheme
      );
      const { toleranceSetProblem, ...view } = lines;
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
        ...noOverview,
        kpiSheets: session.kpiSheets,
        readFailed: false,
        registerProblems: [...session.register.problems, ...session.settings.problems],
        wordsProblems: session.words.problems,
        symbols: session.symbols,
        message: said ? numbered(said) : previous.message,
      }));
      // The Summary's counts wait for the lines to be on screen; a newer reading's view is left alone.
      afterPaint(() =>
        setState((previous) =>
          previous.tables === view.tables ? { ...previous, ...overview() } : previous
        )
      );
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
  show: Show,
  inExcel: InExcel
): (quiet?: boolean, first?: Promise<SheetTables>) => Promise<void> {
  return useCallback(
    async (quiet = false, first?: Promise<SheetTables>) => {
      if (!quiet) {
        session.stopRequested = false;
        feedback.busy("Reading the sheet…");
      }
      try {
        const read = () =>
          inExcel((context) =>
            readSheetTables(context, session.capabilities, {
              register: session.register,
              words: session.words,
            })
          );
        // The opening's reading, begun before the pane was built; asked again (waiting out a cell edit) if it failed.
        const { reading, found, kpiSheets } = await (first ? first.catch(read) : read());
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
            coloursOfSheet(found, onSheet, shown.toleranceSets, appraisal)
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
    [feedback, inExcel, session, setState, show]
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
  reread: (quiet?: boolean, first?: Promise<SheetTables>) => Promise<void>,
  inExcel: InExcel
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
    const listener: WorkbookListener = {
      activated: () => reread(),
      changed: (sheetId) => {
        if (sheetId === session.sheetId) readAfterPause();
      },
    };
    void (async () => {
      // What the pane's opening asked of Excel while the pane was being built (opening.ts), or asked now.
      const opening = takeOpening();
      takeRegister(session, await (opening?.register ?? currentWorkbookRegister()));
      const watched = (await opening?.watches) ?? [];
      if (watched.length > 0) watched.forEach(keep);
      else
        await inExcel(async (context) => {
          keep(await watchSheetActivation(context, listener.activated));
          keep(await watchCellChanges(context, listener.changed));
        }).catch(() => undefined);
      if (!closed) await reread(false, opening?.sheet);
      // Only now, with the sheet's id known: an edit made while the pane was built is judged against it.
      if (watched.length > 0) opening?.listen(listener);
    })();
    return () => {
      closed = true;
      clearTimeout(pause);
      unsubscribe();
      for (const watch of watches.splice(0)) void watch.stop().catch(() => undefined);
    };
  }, [inExcel, reread, session, setState]);
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
