/** The formatting controls: Apply, Remove and Read again with what coloured the sheet, and the tolerance set chooser. */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import { standardFirst } from "../../core";
import type { PaneActions, PaneState } from "../model";
import { describeSheetColours } from "../sentences";

const useStyles = makeStyles({
  colours: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  radios: { flexWrap: "wrap" },
  // The label beside the choices, at its own width: the answer starts higher in a short pane.
  chooser: { gridTemplateColumns: "auto 1fr", alignItems: "center" },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
});

/**
 * Apply (the one primary action), Remove and Read again, which wrap in a narrow pane, and what coloured the
 * sheet. Where the sheet is coloured by another set than the one shown, it says so and offers to re-apply.
 */
export function FormattingButtons({
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

export function ToleranceSetChooser(props: {
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
