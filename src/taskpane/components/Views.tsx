/** The pane's views: four tabs that fit 320 pixels, with Share and Help inside More, and the chosen view's panel. */
import { Button, makeStyles } from "@fluentui/react-components";
import { useId, useState, type ReactNode } from "react";
import { ViewTabs } from "./ViewTabs";

export type View = "kpis" | "summary" | "register" | "share" | "help";

const useStyles = makeStyles({
  tabs: { display: "flex", flexWrap: "wrap", alignItems: "center" },
  panel: { outlineOffset: "2px" },
});

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

/** Four tabs, and the panel of the chosen view; More holds Share and Help, chosen by two buttons. */
export function Views({ children }: { children: (view: View) => ReactNode }) {
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
