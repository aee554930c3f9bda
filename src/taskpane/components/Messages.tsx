/**
 * What the pane says: the message on screen, the live regions a screen reader hears it from, and what the
 * pane is busy with.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  makeStyles,
} from "@fluentui/react-components";
import { useId } from "react";
import type { ShownMessage } from "../model";

const useStyles = makeStyles({
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
  spinner: { justifyContent: "flex-start" },
});

/**
 * Every message in a live region of its own kind, always there so that a change is heard: errors in an
 * alert, the rest in a polite status. Each message is a new node (keyed by its number), so the same words
 * said twice are announced twice.
 */
export function LiveMessage({ message }: { message?: ShownMessage }) {
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
export function Message({ message, onDismiss }: { message: ShownMessage; onDismiss?: () => void }) {
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
export function BusyIndicator({ busy }: { busy?: string }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" className={styles.busy} data-live="busy">
      {busy !== undefined && (
        <Spinner className={styles.spinner} size="tiny" labelPosition="after" label={busy} />
      )}
    </div>
  );
}
