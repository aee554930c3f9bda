/**
 * The whole task pane, drawn from plain data: a header, a message, what the pane is busy with, the
 * formatting buttons, the tolerance set chooser, and four tabs (KPIs, Summary, Register, Share). It knows
 * nothing of Excel: the store fills in `state` and carries out `actions`.
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
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useState, type ReactNode } from "react";
import { standardFirst } from "../../core";
import type { PaneActions, PaneMessage, PaneState } from "../model";
import { Help } from "./Help";
import { KpiTables } from "./KpiTables";
import { Register } from "./Register";
import { SchemeAndSymbols } from "./SchemeAndSymbols";
import { Share } from "./Share";
import { Summary } from "./Summary";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
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
  busy: { minHeight: tokens.lineHeightBase300 },
  spinner: { justifyContent: "flex-start" },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: {
    display: "block",
    marginBlockStart: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  panel: { outlineOffset: "2px" },
});

type View = "kpis" | "summary" | "register" | "share" | "help";

const views: ReadonlyArray<{ view: View; label: string }> = [
  { view: "kpis", label: "KPIs" },
  { view: "summary", label: "Summary" },
  { view: "register", label: "Register" },
  { view: "share", label: "Share" },
  { view: "help", label: "Help" },
];

export function Pane({ state, actions }: { state: PaneState; actions: PaneActions }) {
  const styles = useStyles();
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
              intent: "error",
              text: "This version of Excel is too old for KPI RAG.",
            }
          }
        />
      </main>
    );
  }
  const busy = state.busy !== undefined;
  return (
    <main className={styles.pane}>
      <Header sheet={state.sheet} />
      {state.message && <Message message={state.message} onDismiss={actions.dismissMessage} />}
      <BusyIndicator busy={state.busy} />
      <FormattingButtons ownRules={state.ownRules} busy={busy} actions={actions} />
      <ToleranceSetChooser
        sets={state.toleranceSets}
        chosen={state.toleranceSet}
        busy={busy}
        onChoose={actions.chooseToleranceSet}
      />
      <SchemeAndSymbols
        scheme={state.scheme}
        symbols={state.symbols}
        busy={busy}
        onSymbols={actions.showSymbols}
      />
      <Views>{(view) => <ChosenView view={view} state={state} actions={actions} />}</Views>
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
      return <KpiTables tables={state.tables} skipped={state.skipped} />;
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

function Message({ message, onDismiss }: { message: PaneMessage; onDismiss?: () => void }) {
  return (
    <MessageBar intent={message.intent} layout="multiline">
      <MessageBarBody>{message.text}</MessageBarBody>
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

/** A polite live region that is always there, so screen readers announce each new busy text. */
function BusyIndicator({ busy }: { busy?: string }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" className={styles.busy}>
      {busy !== undefined && (
        <Spinner className={styles.spinner} size="tiny" labelPosition="after" label={busy} />
      )}
    </div>
  );
}

function FormattingButtons({
  ownRules,
  busy,
  actions,
}: {
  ownRules: number;
  busy: boolean;
  actions: PaneActions;
}) {
  const styles = useStyles();
  const rulesId = useId();
  const rules =
    ownRules === 0
      ? "There are no KPI RAG rules on this sheet to remove."
      : `${ownRules} KPI RAG ${ownRules === 1 ? "rule is" : "rules are"} on this sheet. Removing them leaves your own rules alone.`;
  return (
    <div>
      <div role="group" aria-label="RAG formatting" className={styles.toolbar}>
        <Button appearance="primary" disabledFocusable={busy} onClick={actions.apply}>
          Apply RAG formatting
        </Button>
        <Button
          disabledFocusable={busy || ownRules === 0}
          aria-describedby={rulesId}
          onClick={actions.remove}
        >
          Remove RAG formatting
        </Button>
        <Button disabledFocusable={busy} onClick={actions.reread}>
          Read sheet again
        </Button>
      </div>
      <span id={rulesId} className={styles.hint}>
        {rules}
      </span>
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
  if (sets.length <= 1) return null;
  return (
    <Field label="Tolerance set">
      <RadioGroup
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

/** The four tabs and the panel of the chosen one. */
function Views({ children }: { children: (view: View) => ReactNode }) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<View>("kpis");
  const idPrefix = useId();
  const tabId = (view: View): string => `${idPrefix}-tab-${view}`;
  const panelId = (view: View): string => `${idPrefix}-panel-${view}`;
  return (
    <>
      <TabList
        size="small"
        selectedValue={chosen}
        onTabSelect={(_, data) => setChosen(data.value as View)}
        aria-label="Views"
      >
        {views.map(({ view, label }) => (
          <Tab
            key={view}
            id={tabId(view)}
            value={view}
            aria-controls={view === chosen ? panelId(view) : undefined}
          >
            {label}
          </Tab>
        ))}
      </TabList>
      <div
        role="tabpanel"
        id={panelId(chosen)}
        aria-labelledby={tabId(chosen)}
        tabIndex={0}
        className={styles.panel}
      >
        {children(chosen)}
      </div>
    </>
  );
}
