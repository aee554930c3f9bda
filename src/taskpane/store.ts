/**
 * The pane's one conversation with Excel: it asks src/excel to read, apply and remove, and turns the
 * answers into the plain PaneState that the components draw. One Excel.run per analyst action.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { appraiseTables, builtInRegister, findTables, isRagStatus, resolveToleranceSet, standardSet, summarise, summariseComparisons, toleranceSetsOf, unknownWords, watchListOf, type FoundTables, type Register, type WatchItem, type Words } from "../core";
import { applyRagFormatting, copySheetWithValues, readActiveSheet, removeRagFormatting, selectSheetRow } from "../excel/active-sheet";
import { watchSheetActivation } from "../excel/events";
import { insertRegisterTable, insertWordsTable } from "../excel/table-insertion";
import { currentWorkbookRegister, onRegisterChanged, type WorkbookRegister } from "../excel/workbook-register";
import { checkRequirements, type Capabilities } from "../excel/requirements";
import { unreadableRulesNote } from "./wording";
import { explainFailure, runExcel } from "../excel/run";
import { checkThisExcel } from "../excel/self-check";
import { initialPaneState, type PaneActions, type PaneMessage, type PaneState } from "./model";

type SheetView = Pick<PaneState, "sheet" | "tables" | "skipped" | "summary" | "watchList" | "benchmarks" | "toleranceSets" | "toleranceSet" | "ownRules">;

/** The pane's view of a sheet's tables under a tolerance set: what every component needs, as plain data. */
export function viewOf(found: FoundTables, toleranceSet: string, ownRules: number): SheetView & { toleranceSetProblem?: string } {
  const toleranceSets = toleranceSetsOf([found]);
  const resolved = resolveToleranceSet(toleranceSet, toleranceSets, `on the sheet "${found.sheet}"`);
  const chosen = resolved.ok ? resolved.value : standardSet;
  const appraisal = appraiseTables(found, chosen);
  return {
    ...(resolved.ok ? {} : { toleranceSetProblem: `${resolved.problem}. Rated with ${standardSet}.` }),
    sheet: found.sheet, tables: appraisal.tables, skipped: found.skipped, summary: summarise(appraisal.tables), watchList: watchListOf(appraisal), benchmarks: summariseComparisons(appraisal.tables.flatMap((table) => table.rows)), toleranceSets, toleranceSet: chosen, ownRules };
}

export function usePane(): { state: PaneState; actions: PaneActions } {
  const [state, setState] = useState<PaneState>(initialPaneState);
  const register = useRef<Register>(builtInRegister);
  const words = useRef<{ words?: Words; problems: string[] }>({ problems: [] });
  const capabilities = useRef<Capabilities>({ mergedAreas: true, cultureInfo: true, formatById: true });
  const toleranceSet = useRef(standardSet);
  const found = useRef<FoundTables | null>(null);

  const say = useCallback((message: PaneMessage | undefined) => setState((previous) => ({ ...previous, message })), []);
  const busy = useCallback((what: string | undefined) => setState((previous) => ({ ...previous, busy: what })), []);
  const waiting = useCallback(() => busy("Waiting for you to finish editing the cell…"), [busy]);

  const show = useCallback((tables: FoundTables, ownRules: number, message?: PaneMessage) => {
    found.current = tables;
    const { toleranceSetProblem, ...view } = viewOf(tables, toleranceSet.current, ownRules);
    // A sheet without the chosen set resets the choice, so Apply colours what the pane shows.
    toleranceSet.current = view.toleranceSet;
    const reset: PaneMessage | undefined = toleranceSetProblem === undefined ? undefined : { intent: "warning", text: toleranceSetProblem };
    setState((previous) => ({ ...previous, phase: "ready", busy: undefined, ...view, registerProblems: register.current.problems, wordsProblems: words.current.problems, message: message ?? reset ?? previous.message }));
  }, []);

  const reread = useCallback(async () => {
    busy("Reading the sheet…");
    try {
      const reading = await runExcel((context) => readActiveSheet(context, capabilities.current), { onWaiting: waiting });
      const note = unreadableRulesNote(reading.unreadableRules);
      show(findTables(reading.grid, register.current, { words: words.current.words }), reading.ownRules.length, note ? { intent: "warning", text: note } : undefined);
    } catch (error) {
      setState((previous) => ({ ...previous, phase: "ready", busy: undefined, message: { intent: "error", text: explainFailure(error, "The sheet could not be read") } }));
    }
  }, [busy, show, waiting]);

  // The register is the functions' own (src/excel/workbook-register.ts): one read, one watch, one failure policy.
  const take = useCallback((read: WorkbookRegister) => {
    register.current = read.register;
    words.current = read.words;
  }, []);
  const reloadRegister = useCallback(async () => {
    take(await currentWorkbookRegister());
  }, [take]);

  useEffect(() => {
    const check = checkRequirements();
    if (!check.ok) {
      setState((previous) => ({ ...previous, phase: "unsupported", message: { intent: "error", text: check.problem } }));
      return;
    }
    capabilities.current = check.capabilities;
    // Only the register's edits change what the pane shows of another sheet's tables.
    const unsubscribe = onRegisterChanged((changed) => {
      take(changed);
      void reread();
    });
    void (async () => {
      await reloadRegister();
      await runExcel((context) => watchSheetActivation(context, reread), { onWaiting: waiting }).catch(() => undefined);
      await reread();
    })();
    return unsubscribe;
  }, [reloadRegister, reread, say, take, waiting]);

  const act = useCallback(
    async (doing: string, failed: string, action: () => Promise<PaneMessage | void>) => {
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
    [busy, say],
  );

  const actions = useMemo<PaneActions>(
    () => ({
      reread: () => void reread(),
      chooseToleranceSet: (set) => {
        toleranceSet.current = set;
        if (found.current) show(found.current, state.ownRules);
      },
      apply: () =>
        void act("Applying RAG formatting…", "RAG formatting was not applied", async () => {
          const applied = await runExcel((context) => applyRagFormatting(context, register.current, toleranceSet.current, capabilities.current, words.current.words), { onWaiting: waiting });
          const cells = applied.plan.tables.flatMap((table) => table.rows.flatMap((row) => row.cells)).filter((cell) => isRagStatus(cell.status)).length;
          show(applied.found, applied.plan.rules.length);
          const note = unreadableRulesNote(applied.unreadableRules);
          if (applied.plan.rules.length === 0) return { intent: "warning", text: `There was nothing to colour: no KPI row on this sheet has a figure with a target.${note ? ` ${note}` : ""}` };
          return { intent: note ? "warning" : "success", text: `Applied ${applied.plan.rules.length} RAG rules colouring ${cells} cells (tolerance set ${applied.plan.toleranceSet}). Your own formatting is untouched.${note ? ` ${note}` : ""}` };
        }),
      remove: () =>
        void act("Removing RAG formatting…", "RAG formatting was not removed", async () => {
          const { removed, unreadableRules } = await runExcel((context) => removeRagFormatting(context, capabilities.current), { onWaiting: waiting });
          if (found.current) show(found.current, 0);
          const note = unreadableRulesNote(unreadableRules);
          return { intent: note ? "warning" : "success", text: `Removed ${removed} RAG rule${removed === 1 ? "" : "s"}. Your own formatting is untouched.${note ? ` ${note}` : ""}` };
        }),
      selectRow: (item: WatchItem) => void act("Selecting the row…", "The row could not be selected", () => runExcel((context) => selectSheetRow(context, item.sheet, item.row), { onWaiting: waiting })),
      insertRegister: () =>
        void act("Updating the KPI register…", "The KPI register was not changed", async () => {
          // The table's own events read the register again, for the functions and the pane alike.
          const inserted = await runExcel(insertRegisterTable, { onWaiting: waiting });
          return inserted.created
            ? { intent: "success", text: `Inserted the KPIRegister table on the sheet "KPI Register" with ${inserted.added} KPIs from the catalogue. Edit it like any table: your rows win over the catalogue.` }
            : { intent: "success", text: inserted.added === 0 ? "The KPIRegister table already has every KPI of the catalogue." : `Added ${inserted.added} missing KPIs to the KPIRegister table; your rows are untouched.` };
        }),
      insertWords: () =>
        void act("Updating the KPIWords table…", "The KPIWords table was not changed", async () => {
          const inserted = await runExcel(
            async (context) => {
              const { grid } = await readActiveSheet(context, capabilities.current);
              return insertWordsTable(context, unknownWords(grid, findTables(grid, register.current, { words: words.current.words }), words.current.words));
            },
            { onWaiting: waiting },
          );
          // The table's own events read the register and the sheet again, for the functions and the pane alike.
          const listed = inserted.added === 1 ? "1 word of this sheet" : `${inserted.added} words of this sheet`;
          if (inserted.created) return { intent: "success", text: `Inserted the KPIWords table on the sheet "KPI Register" with ${listed} the add-in could not read. Write what each means in its Means column: a polarity such as Bigger is better, No data, or a header such as Target, Tolerance or Not a period.` };
          return { intent: "success", text: inserted.added === 0 ? "The KPIWords table already lists every word of this sheet the add-in could not read." : `Added ${listed} to the KPIWords table; your rows are untouched.` };
        }),
      shareCopy: () =>
        void act("Making a shareable copy…", "The shareable copy was not made", async () => {
          const copy = await runExcel(copySheetWithValues, { onWaiting: waiting });
          return { intent: "success", text: `Made "${copy.sheet}": ${copy.replaced} KPI formula${copy.replaced === 1 ? "" : "s"} replaced with ${copy.replaced === 1 ? "its value" : "their values"}.` };
        }),
      checkThisExcel: () =>
        void (async () => {
          setState((previous) => ({ ...previous, busy: "Checking this Excel…", selfCheck: { running: true } }));
          try {
            const report = await runExcel((context) => checkThisExcel(context), { onWaiting: waiting });
            setState((previous) => ({ ...previous, busy: undefined, selfCheck: { running: false, report: report.text } }));
          } catch (error) {
            setState((previous) => ({ ...previous, busy: undefined, selfCheck: { running: false, report: explainFailure(error, "The check could not run") } }));
          }
        })(),
      dismissMessage: () => say(undefined),
    }),
    [act, reread, say, show, state.ownRules, waiting],
  );

  return { state, actions };
}
