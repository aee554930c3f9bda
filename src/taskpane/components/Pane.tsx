/**
 * The whole task pane, drawn from plain data: a header, a message, what the pane is busy with, the
 * formatting buttons with what coloured the sheet, the tolerance set chooser, and three tabs (KPIs, Summary,
 * Register) with Share and Help in a "More" menu, so the tabs fit Office's 320-pixel pane. Every message is
 * also put in a live region, so a screen reader says it. It knows nothing of Excel: the store fills in
 * `state` and carries out `actions`.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect } from "react";
import type { PaneActions, PaneState } from "../model";
import { FormattingButtons, ToleranceSetChooser } from "./FormattingControls";
import { KpiTables } from "./KpiTables";
import { Help, loadSummaryView, Register, Share, Summary } from "./later-views";
import { BusyIndicator, LiveMessage, Message } from "./Messages";
import { SchemeAndSymbols } from "./SchemeAndSymbols";
import { Views, type View } from "./Views";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "100vh",
    boxSizing: "border-box",
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalM,
  },
  productName: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  sheet: { color: tokens.colorNeutralForeground3 },
});

export function Pane({ state, actions }: { state: PaneState; actions: PaneActions }) {
  const styles = useStyles();
  const ready = state.phase === "ready";
  // The Summary's script once the sheet is shown: the KPIs come first; the other views load when chosen.
  useEffect(() => {
    if (ready) loadSummaryView().catch(() => undefined);
  }, [ready]);
  if (state.phase === "starting") {
    return (
      <main className={styles.pane}>
        <Header sheet="" />
        <BusyIndicator busy={state.busy ?? "Starting…"} />
      </main>
    );
  }
  if (state.phase === "unsupported") {
    return (
      <main className={styles.pane}>
        <Header sheet="" />
        <Message
          message={
            state.message ?? {
              id: 0,
              intent: "error",
              text: "This version of Excel is too old for KPI RAG.",
            }
          }
        />
        <LiveMessage message={state.message} />
      </main>
    );
  }
  const busy = state.busy !== undefined;
  return (
    <main className={styles.pane}>
      <Header sheet={state.sheet} />
      <LiveMessage message={state.message} />
      {state.message && <Message message={state.message} onDismiss={actions.dismissMessage} />}
      <BusyIndicator busy={state.busy} />
      {state.waitingForEdit && (
        <Button size="small" onClick={actions.stopWaiting}>
          Stop waiting
        </Button>
      )}
      <FormattingButtons state={state} busy={busy} actions={actions} />
      <ToleranceSetChooser
        sets={state.toleranceSets}
        chosen={state.toleranceSet}
        busy={busy}
        onChoose={actions.chooseToleranceSet}
      />
      <Views>{(view) => <ChosenView view={view} state={state} actions={actions} />}</Views>
      {/* Below the views, so the answer comes first in a 600-pixel pane. */}
      <SchemeAndSymbols
        scheme={state.scheme}
        symbols={state.symbols}
        busy={busy}
        onSymbols={actions.showSymbols}
      />
    </main>
  );
}

/** The members of the pane's state the KPIs view draws, and the Summary's, under the same names. */
const kpiViewState = ["tables", "topLine", "skipped", "kpiSheets", "figures", "headlines"] as const;
const summaryViewState = ["summary", "watchList", "benchmarks"] as const;

function pick<K extends keyof PaneState>(state: PaneState, keys: readonly K[]): Pick<PaneState, K> {
  return Object.fromEntries(keys.map((key) => [key, state[key]])) as Pick<PaneState, K>;
}

/** What the chosen view draws of the pane's state, with the actions it offers. */
function ChosenView({
  view,
  state,
  actions,
}: {
  view: View;
  state: PaneState;
  actions: PaneActions;
}) {
  const busy = state.busy !== undefined;
  switch (view) {
    case "kpis":
      return (
        <KpiTables
          {...pick(state, kpiViewState)}
          busy={busy}
          onInsertExample={actions.insertExample}
          onGoToSheet={actions.goToSheet}
        />
      );
    case "summary":
      return (
        <Summary {...pick(state, summaryViewState)} busy={busy} onSelectRow={actions.selectRow} />
      );
    case "register":
      return (
        <Register
          problems={state.registerProblems}
          wordsProblems={state.wordsProblems}
          busy={busy}
          onInsertRegister={actions.insertRegister}
          onInsertWords={actions.insertWords}
          onChooseScheme={actions.chooseScheme}
        />
      );
    case "share":
      return <Share busy={busy} onShareCopy={actions.shareCopy} />;
    case "help":
      return (
        <Help busy={busy} selfCheck={state.selfCheck} onCheckThisExcel={actions.checkThisExcel} />
      );
  }
}

function Header({ sheet }: { sheet: string }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <h1 className={styles.productName}>KPI RAG</h1>
      {sheet !== "" && <span className={styles.sheet}>Sheet: {sheet}</span>}
    </header>
  );
}
