/**
 * The views the pane does not show at open (Summary, Register, Share and Help), each in a script chunk of its
 * own, so the script the pane opens with holds only what draws the KPIs. The pane loads the Summary once it
 * has shown the sheet (loadSummaryView); Register, Share and Help load when first chosen, saying so, since
 * most sessions never open them. Once loaded, a view is drawn at once like any other.
 */
import { Button, Spinner } from "@fluentui/react-components";
import { useEffect, useState, type ComponentType } from "react";
import type { HelpProps } from "./Help";
import type { RegisterProps } from "./Register";
import type { ShareProps } from "./Share";
import type { SummaryProps } from "./Summary";

/** A view from a chunk: drawn when loaded, "Loading…" until then, and a way to try again if loading failed. */
export function later<Props extends object>(
  load: () => Promise<ComponentType<Props>>
): { View: ComponentType<Props>; load(): Promise<void> } {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<void> | undefined;
  const start = (): Promise<void> =>
    (loading ??= load().then(
      (view) => {
        loaded = view;
      },
      (error: unknown) => {
        // Forgotten, so the next attempt asks the server again.
        loading = undefined;
        throw error;
      }
    ));
  function View(props: Props) {
    const [attempt, setAttempt] = useState(0);
    const [failed, setFailed] = useState(false);
    const [, setReady] = useState(loaded !== undefined);
    useEffect(() => {
      if (loaded) return;
      let current = true;
      start().then(
        () => current && setReady(true),
        () => current && setFailed(true)
      );
      return () => {
        current = false;
      };
    }, [attempt]);
    if (loaded) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    if (failed)
      return (
        <p role="alert">
          This view could not be loaded.{" "}
          <Button
            size="small"
            onClick={() => {
              setFailed(false);
              setAttempt(attempt + 1);
            }}
          >
            Try again
          </Button>
        </p>
      );
    return <Spinner size="tiny" labelPosition="after" label="Loading…" />;
  }
  return { View, load: start };
}

const summary = later<SummaryProps>(() =>
  import(/* webpackChunkName: "summary" */ "./Summary").then((module) => module.Summary)
);
const register = later<RegisterProps>(() =>
  import(/* webpackChunkName: "register" */ "./Register").then((module) => module.Register)
);
const share = later<ShareProps>(() =>
  import(/* webpackChunkName: "more" */ "./Share").then((module) => module.Share)
);
const help = later<HelpProps>(() =>
  import(/* webpackChunkName: "more" */ "./Help").then((module) => module.Help)
);

export const Summary = summary.View;
export const Register = register.View;
export const Share = share.View;
export const Help = help.View;

/** Loads the Summary, the view most often opened next, once the pane has shown the sheet. */
export function loadSummaryView(): Promise<void> {
  return summary.load();
}

/** Loads every view not shown at open: before a test draws them. */
export async function loadLaterViews(): Promise<void> {
  await Promise.all([summary, register, share, help].map((view) => view.load()));
}
