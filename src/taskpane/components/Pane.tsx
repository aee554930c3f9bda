/**
 * The whole task pane, drawn from plain data: a header, a message, what the pane is busy with, the
 * formatting buttons with what coloured the sheet, the tolerance set chooser, and three tabs (KPIs, Summary,
 * Register) with Share and Help in a "More" menu, so the tabs fit Office's 320-pixel pane. Every message is
 * also put in a live region, so a screen reader says it. It knows nothing of Excel: the store fills in
 * `state` and carries out `actions`.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useState, type ReactNode } from "react";
import { standardFirst } from "../../core";
import type { PaneActions, PaneState, ShownMessage } from "../model";
import { describeSheetColours } from "../wording";
import { KpiTables } from "./KpiTables";
import { Help, loadSummaryView, Register, Share, Summary } from "./later-views";
import { SchemeAndSymbols } from "./SchemeAndSymbols";
import { ViewTabs } from "./ViewTabs";

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
  busy: { ":empty": { display: "none" } },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  colours: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  radios: { flexWrap: "wrap" },
  // The label beside the choices, at its own width: the answer starts higher in a short pane.
  chooser: { gridTemplateColumns: "auto 1fr", alignItems: "center" },
  tabs: { display: "flex", flexWrap: "wrap", alignItems: "center" },
  spinner: { justifyContent: "flex-start" },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  hint: {
    display: "block",
    marginBlockStart: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  panel: { outlineOffset: "2px" },
});

type View = "kpis" | "summary" | "register" | "share" | "help";

/**
 * The four tabs (four fit 320 pixels, as Microsoft's guidance asks); Share and Help are chosen inside
 * More, with plain buttons: a menu's popover would double the pane's script for two choices.
 */
const tabs: ReadonlyArray<{ view: View | "more"; label: string }> = [
  { view: "kpis", label: "KPIs" },
  { view: "summary", label: "Summary" },
  { view: "register", label: "Register" },
  { view: "more", label: "More" },
];
const moreViews: ReadonlyArray<{ view: View; label: string }> = [
  { view: "share", label: "Share" },
  { view: "help", label: "Help" },
];

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
          tables={state.tables}
          skipped={state.skipped}
          busy={busy}
          onInsertExample={actions.insertExample}
          kpiSheets={state.kpiSheets}
          onGoToSheet={actions.goToSheet}
          figures={state.figures}
          headlines={state.headlines}
        />
      );
    case "summary":
      return (
        <Summary
          summary={state.summary}
          watchList={state.watchList}
          benchmarks={state.benchmarks}
          busy={busy}
          onSelectRow={actions.selectRow}
        />
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

/**
 * Every message in a live region of its own kind, always there so that a change is heard: errors in an
 * alert, the rest in a polite status. Each message is a new node (keyed by its number), so the same words
 * said twice are announced twice.
 */
function LiveMessage({ message }: { message?: ShownMessage }) {
  const styles = useStyles();
  const urgent = message?.intent === "error";
  return (
    <>
      <div role="alert" className={styles.visuallyHidden} data-live="alert">
        {message && urgent && <span key={message.id}>{message.text}</span>}
      </div>
      <div role="status" aria-live="polite" className={styles.visuallyHidden} data-live="message">
        {message && !urgent && <span key={message.id}>{message.text}</span>}
      </div>
    </>
  );
}

/** The message on screen; the live regions above say it, so the bar itself is not one (no double reading). */
function Message({ message, onDismiss }: { message: ShownMessage; onDismiss?: () => void }) {
  const bodyId = useId();
  return (
    <MessageBar intent={message.intent} layout="multiline" role="group" aria-labelledby={bodyId}>
      <MessageBarBody id={bodyId}>{message.text}</MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              size="small"
              aria-label="Dismiss message"
              onClick={onDismiss}
            >
              Dismiss
            </Button>
          }
        />
      )}
    </MessageBar>
  );
}

/** A polite live region that is always there, so screen readers announce each new busy text; it takes no room when idle. */
function BusyIndicator({ busy }: { busy?: string }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" className={styles.busy} data-live="busy">
      {busy !== undefined && (
        <Spinner className={styles.spinner} size="tiny" labelPosition="after" label={busy} />
      )}
    </div>
  );
}

/**
 * Apply (the one primary action), Remove and Read again, which wrap in a narrow pane, and what coloured the
 * sheet. Where the sheet is coloured by another set than the one shown, it says so and offers to re-apply.
 */
function FormattingButtons({
  state,
  busy,
  actions,
}: {
  state: PaneState;
  busy: boolean;
  actions: PaneActions;
}) {
  const styles = useStyles();
  const coloursId = useId();
  const { colouredBy, toleranceSet, readFailed } = state;
  const uncoloured = colouredBy.kind === "uncoloured";
  return (
    <div>
      <div role="group" aria-label="RAG formatting" className={styles.toolbar}>
        <Button
          appearance="primary"
          disabledFocusable={busy || readFailed}
          aria-describedby={coloursId}
          onClick={actions.apply}
        >
          {uncoloured ? "Apply RAG formatting" : "Apply again"}
        </Button>
        <Button
          size="small"
          disabledFocusable={busy || uncoloured}
          aria-describedby={coloursId}
          onClick={actions.remove}
        >
          Remove
        </Button>
        <Button
          size="small"
          appearance={readFailed ? "primary" : "secondary"}
          disabledFocusable={busy}
          onClick={actions.reread}
        >
          {readFailed ? "Try reading again" : "Read again"}
        </Button>
      </div>
      {colouredBy.kind === "by another set" ? (
        <MessageBar intent="warning" layout="multiline" role="group" aria-labelledby={coloursId}>
          <MessageBarBody id={coloursId}>
            {describeSheetColours(colouredBy, toleranceSet)}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <p id={coloursId} className={styles.colours}>
          {describeSheetColours(colouredBy, toleranceSet)}
        </p>
      )}
    </div>
  );
}

function ToleranceSetChooser(props: {
  sets: string[];
  chosen: string;
  busy: boolean;
  onChoose(set: string): void;
}) {
  const { sets, chosen, busy, onChoose } = props;
  const styles = useStyles();
  if (sets.length <= 1) return null;
  return (
    <Field label="Tolerance set" orientation="horizontal" className={styles.chooser}>
      <RadioGroup
        className={styles.radios}
        layout="horizontal"
        value={chosen}
        disabled={busy}
        onChange={(_, data) => onChoose(data.value)}
      >
        {standardFirst(sets).map((set) => (
          <Radio key={set} value={set} label={set} />
        ))}
      </RadioGroup>
    </Field>
  );
}

/** Four tabs, and the panel of the chosen view; More holds Share and Help, chosen by two buttons. */
function Views({ children }: { children: (view: View) => ReactNode }) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<View>("kpis");
  const idPrefix = useId();
  const inMore = moreViews.some((item) => item.view === chosen);
  const tab = inMore ? "more" : chosen;
  const tabId = (view: string): string => `${idPrefix}-tab-${view}`;
  const panelId = (view: string): string => `${idPrefix}-panel-${view}`;
  return (
    <>
      <div className={styles.tabs}>
        <ViewTabs
          label="Views"
          chosen={tab}
          tabs={tabs.map(({ view, label }) => ({
            value: view,
            label,
            id: tabId(view),
            controls: panelId(view),
          }))}
          onChoose={(value) =>
            setChosen(value === "more" ? (inMore ? chosen : "share") : (value as View))
          }
        />
      </div>
      <div
        role="tabpanel"
        id={panelId(tab)}
        aria-labelledby={tabId(tab)}
        tabIndex={0}
        className={styles.panel}
      >
        {inMore && (
          <div role="group" aria-label="More">
            {moreViews.map(({ view, label }) => (
              <Button
                key={view}
                size="small"
                appearance={view === chosen ? "outline" : "transparent"}
                aria-pressed={view === chosen}
                onClick={() => setChosen(view)}
              >
                {label}
              </Button>
            ))}
          </div>
        )}
        {children(chosen)}
      </div>
    </>
  );
}
