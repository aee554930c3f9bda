import { webDarkTheme } from "@fluentui/react-components";
import { screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { ragPalette } from "../../src/core";
import { Pane } from "../../src/taskpane/components/Pane";
import { initialPaneState } from "../../src/taskpane/model";
import { readyState, recordingActions } from "./appendix";
import { asStyleColour, renderInFluent, seriousAccessibilityProblems } from "./render";

const isDisabled = (element: HTMLElement): boolean =>
  element.getAttribute("aria-disabled") === "true" || (element as HTMLButtonElement).disabled;

describe("the pane's header, message and busy indicator", () => {
  test("names the product and the sheet it read", () => {
    renderInFluent(<Pane state={readyState()} actions={recordingActions()} />);
    screen.getByRole("heading", { level: 1, name: "KPI RAG" });
    screen.getByText("Sheet: Appendix I");
  });

  test("shows a message and dismisses it with the Dismiss button", async () => {
    const actions = recordingActions();
    const { user } = renderInFluent(
      <Pane
        state={readyState({
          message: { intent: "success", text: "Applied RAG formatting to 21 cells." },
        })}
        actions={actions}
      />
    );
    screen.getByText("Applied RAG formatting to 21 cells.");
    await user.click(screen.getByRole("button", { name: "Dismiss message" }));
    expect(actions.dismissMessage).toHaveBeenCalledTimes(1);
  });

  test("announces what it is busy with in a polite live region", () => {
    renderInFluent(
      <Pane state={readyState({ busy: "Applying RAG formatting…" })} actions={recordingActions()} />
    );
    const status = screen.getByRole("status");
    expect(status.getAttribute("aria-live")).toBe("polite");
    expect(status.textContent).toBe("Applying RAG formatting…");
  });

  test("says Starting… while Office loads, with nothing to press", () => {
    renderInFluent(<Pane state={initialPaneState} actions={recordingActions()} />);
    expect(screen.getByRole("status").textContent).toBe("Starting…");
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.queryByRole("tablist")).toBeNull();
  });

  test("shows only the message when this Excel is too old", () => {
    const text =
      "This version of Excel is too old for KPI RAG: it needs ExcelApi 1.6 (Excel 2016 or later, or Excel on the web).";
    renderInFluent(
      <Pane
        state={{ ...initialPaneState, phase: "unsupported", message: { intent: "error", text } }}
        actions={recordingActions()}
      />
    );
    screen.getByText(text);
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.queryByRole("tablist")).toBeNull();
  });
});

describe("the formatting buttons", () => {
  test.each([
    ["Apply RAG formatting", "apply"],
    ["Remove RAG formatting", "remove"],
    ["Read sheet again", "reread"],
  ] as const)("%s calls %s when clicked", async (label, action) => {
    const actions = recordingActions();
    const { user } = renderInFluent(<Pane state={readyState()} actions={actions} />);
    await user.click(screen.getByRole("button", { name: label }));
    expect(actions[action]).toHaveBeenCalledTimes(1);
  });

  test("Apply RAG formatting is the first thing Tab reaches, and Enter applies", async () => {
    const actions = recordingActions();
    const { user } = renderInFluent(<Pane state={readyState()} actions={actions} />);
    await user.tab();
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: "Apply RAG formatting" })
    );
    await user.keyboard("{Enter}");
    expect(actions.apply).toHaveBeenCalledTimes(1);
  });

  test("Tab then Tab reaches Remove RAG formatting, and Space removes", async () => {
    const actions = recordingActions();
    const { user } = renderInFluent(<Pane state={readyState()} actions={actions} />);
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: "Remove RAG formatting" })
    );
    await user.keyboard(" ");
    expect(actions.remove).toHaveBeenCalledTimes(1);
  });

  test("Remove RAG formatting is disabled but focusable when the sheet has none of the add-in's rules, and says why", async () => {
    const actions = recordingActions();
    const { user } = renderInFluent(<Pane state={readyState({ ownRules: 0 })} actions={actions} />);
    const remove = screen.getByRole("button", { name: "Remove RAG formatting" });
    expect(isDisabled(remove)).toBe(true);
    expect(remove.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(remove.getAttribute("aria-describedby")!)?.textContent).toBe(
      "There are no KPI RAG rules on this sheet to remove."
    );
    await user.click(remove);
    remove.focus();
    await user.keyboard("{Enter}");
    expect(document.activeElement).toBe(remove);
    expect(actions.remove).not.toHaveBeenCalled();
  });

  test("says how many of its own rules are on the sheet when there are some", () => {
    renderInFluent(<Pane state={readyState({ ownRules: 6 })} actions={recordingActions()} />);
    screen.getByText(
      "6 KPI RAG rules are on this sheet. Removing them leaves your own rules alone."
    );
  });

  test("disables every button and the tolerance set chooser while busy, and nothing is called", async () => {
    const actions = recordingActions();
    const { user } = renderInFluent(
      <Pane state={readyState({ busy: "Reading the sheet…" })} actions={actions} />
    );
    for (const label of ["Apply RAG formatting", "Remove RAG formatting", "Read sheet again"]) {
      const button = screen.getByRole("button", { name: label });
      expect(isDisabled(button)).toBe(true);
      await user.click(button);
    }
    await user.click(screen.getByRole("radio", { name: "Covid19" }));
    expect(
      screen.getAllByRole("radio").every((radio) => (radio as HTMLInputElement).disabled)
    ).toBe(true);
    await user.click(screen.getByRole("tab", { name: "Summary" }));
    const watchItems = within(screen.getByRole("list")).getAllByRole("button");
    expect(watchItems.every(isDisabled)).toBe(true);
    await user.click(watchItems[0]);
    for (const action of Object.values(actions)) expect(action).not.toHaveBeenCalled();
  });
});

describe("the tolerance set chooser", () => {
  test("offers Standard first, then Covid19, with the chosen set checked", () => {
    renderInFluent(<Pane state={readyState()} actions={recordingActions()} />);
    const group = screen.getByRole("radiogroup", { name: "Tolerance set" });
    const radios = within(group).getAllByRole("radio") as HTMLInputElement[];
    expect(radios.map((radio) => radio.value)).toEqual(["Standard", "Covid19"]);
    expect(radios.map((radio) => radio.checked)).toEqual([true, false]);
  });

  test("puts Standard first even when the sheet lists it last", () => {
    renderInFluent(
      <Pane
        state={readyState({ toleranceSets: ["Covid19", "Standard"] })}
        actions={recordingActions()}
      />
    );
    expect(
      (screen.getAllByRole("radio") as HTMLInputElement[]).map((radio) => radio.value)
    ).toEqual(["Standard", "Covid19"]);
  });

  test("choosing Covid19 calls chooseToleranceSet with Covid19", async () => {
    const actions = recordingActions();
    const { user } = renderInFluent(<Pane state={readyState()} actions={actions} />);
    await user.click(screen.getByRole("radio", { name: "Covid19" }));
    expect(actions.chooseToleranceSet).toHaveBeenCalledWith("Covid19");
  });

  test("choosing Covid19 by keyboard: focus the group and press the down arrow", async () => {
    const actions = recordingActions();
    const { user } = renderInFluent(<Pane state={readyState()} actions={actions} />);
    screen.getByRole("radio", { name: "Standard" }).focus();
    await user.keyboard("{ArrowDown}");
    expect(actions.chooseToleranceSet).toHaveBeenCalledWith("Covid19");
  });

  test("is not shown when the sheet has only the standard tolerance", () => {
    renderInFluent(
      <Pane state={readyState({ toleranceSets: ["Standard"] })} actions={recordingActions()} />
    );
    expect(screen.queryByRole("radiogroup")).toBeNull();
  });
});

describe("the tabs", () => {
  test("open on the KPIs and switch to Summary, Register and Share when clicked", async () => {
    const { user } = renderInFluent(<Pane state={readyState()} actions={recordingActions()} />);
    expect(screen.getByRole("tabpanel", { name: "KPIs" }).textContent).toContain(
      "Table A1:I9: 7 KPIs"
    );
    await user.click(screen.getByRole("tab", { name: "Summary" }));
    screen.getByRole("heading", { name: "Statuses by period" });
    await user.click(screen.getByRole("tab", { name: "Register" }));
    screen.getByRole("button", { name: "Insert or top up the KPI register table" });
    await user.click(screen.getByRole("tab", { name: "Share" }));
    screen.getByRole("button", { name: "Make a shareable copy of this sheet" });
  });

  test("work by keyboard: arrow to Summary and press Enter", async () => {
    const { user } = renderInFluent(<Pane state={readyState()} actions={recordingActions()} />);
    screen.getByRole("tab", { name: "KPIs" }).focus();
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Summary" }));
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tab", { name: "Summary" }).getAttribute("aria-selected")).toBe("true");
    screen.getByRole("tabpanel", { name: "Summary" });
  });

  test("the KPIs tab says what the add-in looks for when the sheet has no KPI table", () => {
    renderInFluent(
      <Pane
        state={readyState({ tables: [], summary: [], watchList: [], toleranceSets: ["Standard"] })}
        actions={recordingActions()}
      />
    );
    expect(screen.getByRole("tabpanel", { name: "KPIs" }).textContent).toContain(
      "KPI RAG looks for a header row with a Measure column"
    );
  });
});

describe("themes and accessibility", () => {
  test("the accessibility check does find problems: an unlabelled button in a Fluent provider", async () => {
    const { container } = renderInFluent(<button type="button" />);
    expect(await seriousAccessibilityProblems(container)).toEqual([
      expect.stringMatching(/^button-name:/),
    ]);
  });

  test("has no serious accessibility problems on any tab, with a message and while busy", async () => {
    const state = readyState({
      message: { intent: "warning", text: "2 rows could not be read." },
      busy: "Applying RAG formatting…",
    });
    const { user, container } = renderInFluent(<Pane state={state} actions={recordingActions()} />);
    for (const tab of ["KPIs", "Summary", "Register", "Share"]) {
      await user.click(screen.getByRole("tab", { name: tab }));
      expect(await seriousAccessibilityProblems(container), tab).toEqual([]);
    }
  });

  test("has no serious accessibility problems while starting, when unsupported, or when nothing is found", async () => {
    const states = [
      initialPaneState,
      {
        ...initialPaneState,
        phase: "unsupported" as const,
        message: {
          intent: "error" as const,
          text: "This version of Excel is too old for KPI RAG.",
        },
      },
      readyState({ tables: [], summary: [], watchList: [] }),
    ];
    for (const state of states) {
      const { container, unmount } = renderInFluent(
        <Pane state={state} actions={recordingActions()} />
      );
      expect(await seriousAccessibilityProblems(container), state.phase).toEqual([]);
      unmount();
    }
  });

  test("in the dark theme, the only colours it sets itself are the RAG colours from the palette", async () => {
    const { user, container } = renderInFluent(
      <Pane state={readyState()} actions={recordingActions()} />,
      webDarkTheme
    );
    const rag = Object.values(ragPalette).flatMap(({ fill, font }) => [
      asStyleColour(fill),
      asStyleColour(font),
    ]);
    for (const tab of ["KPIs", "Summary"]) {
      await user.click(screen.getByRole("tab", { name: tab }));
      const coloured = [...container.querySelectorAll<HTMLElement>("[style]")].filter(
        (element) => element.style.color || element.style.backgroundColor
      );
      expect(coloured.length).toBeGreaterThan(0);
      for (const element of coloured) {
        for (const colour of [
          element.style.color,
          element.style.backgroundColor,
          element.style.borderColor,
        ].filter(Boolean))
          expect(rag).toContain(colour);
      }
    }
  });
});
