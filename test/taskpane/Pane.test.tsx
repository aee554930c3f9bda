import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { ragPalette } from "../../src/core";
import { Pane } from "../../src/taskpane/components/Pane";
import { initialPaneState } from "../../src/taskpane/model";
import { readyState, recordingActions } from "./appendix";
import {
  asStyleColour,
  openView,
  renderInFluent,
  seriousAccessibilityProblems,
  spoken,
} from "./render";

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
          message: { id: 1, intent: "success", text: "Coloured 21 cells of 7 KPIs." },
        })}
        actions={actions}
      />
    );
    expect(
      within(screen.getByRole("group", { name: "Coloured 21 cells of 7 KPIs." })).getByText(
        "Coloured 21 cells of 7 KPIs."
      )
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Dismiss message" }));
    expect(actions.dismissMessage).toHaveBeenCalledTimes(1);
  });

  test("announces what it is busy with in a polite live region", () => {
    renderInFluent(
      <Pane state={readyState({ busy: "Applying RAG formatting…" })} actions={recordingActions()} />
    );
    const status = screen
      .getAllByRole("status")
      .find((region) => region.textContent === "Applying RAG formatting…");
    expect(status?.getAttribute("aria-live")).toBe("polite");
  });

  test.each([
    ["success", "Coloured 21 cells of 7 KPIs by tolerance set Standard.", "message"],
    ["info", "There were no KPI RAG colours on this sheet to remove.", "message"],
    ["warning", "2 rows could not be read.", "message"],
    [
      "error",
      "RAG formatting was not applied: the sheet is protected or locked. Unprotect it (Review > Unprotect Sheet) and try again.",
      "alert",
    ],
  ] as const)("puts a %s message in its live region: %s", (intent, text, region) => {
    renderInFluent(
      <Pane state={readyState({ message: { id: 1, intent, text } })} actions={recordingActions()} />
    );
    const live = document.querySelector(`[data-live="${region}"]`);
    expect(live?.getAttribute("role")).toBe(region === "alert" ? "alert" : "status");
    expect(spoken(region)).toBe(text);
    expect(spoken(region === "alert" ? "message" : "alert")).toBe("");
  });

  test("says the same words again as a new message, so a screen reader hears them twice", () => {
    const text = "Removed KPI RAG's colours from this sheet.";
    const { rerender } = renderInFluent(
      <Pane
        state={readyState({ message: { id: 1, intent: "success", text } })}
        actions={recordingActions()}
      />
    );
    const first = document.querySelector('[data-live="message"] > span');
    rerender(
      <FluentProvider theme={webLightTheme}>
        <Pane
          state={readyState({ message: { id: 2, intent: "success", text } })}
          actions={recordingActions()}
        />
      </FluentProvider>
    );
    const second = document.querySelector('[data-live="message"] > span');
    expect(second?.textContent).toBe(text);
    expect(second).not.toBe(first);
  });

  test("says Starting… while Office loads, with nothing to press", () => {
    renderInFluent(<Pane state={initialPaneState} actions={recordingActions()} />);
    expect(spoken("busy")).toBe("Starting…");
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.queryByRole("tablist")).toBeNull();
  });

  test("shows only the message when this Excel is too old", () => {
    const text =
      "This version of Excel is too old for KPI RAG: it needs ExcelApi 1.6 (Excel 2016 or later, or Excel on the web).";
    renderInFluent(
      <Pane
        state={{
          ...initialPaneState,
          phase: "unsupported",
          message: { id: 1, intent: "error", text },
        }}
        actions={recordingActions()}
      />
    );
    expect(spoken("alert")).toBe(text);
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.queryByRole("tablist")).toBeNull();
  });
});

describe("the formatting buttons", () => {
  test.each([
    ["Apply again", "apply"],
    ["Remove", "remove"],
    ["Read again", "reread"],
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
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Apply again" }));
    await user.keyboard("{Enter}");
    expect(actions.apply).toHaveBeenCalledTimes(1);
  });

  test("Tab then Tab reaches Remove, and Space removes", async () => {
    const actions = recordingActions();
    const { user } = renderInFluent(<Pane state={readyState()} actions={actions} />);
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Remove" }));
    await user.keyboard(" ");
    expect(actions.remove).toHaveBeenCalledTimes(1);
  });

  test("Remove is disabled but focusable when the sheet has none of the add-in's rules, and says why", async () => {
    const actions = recordingActions();
    const { user } = renderInFluent(
      <Pane state={readyState({ colouredBy: { kind: "uncoloured" } })} actions={actions} />
    );
    const remove = screen.getByRole("button", { name: "Remove" });
    expect(isDisabled(remove)).toBe(true);
    expect(remove.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(remove.getAttribute("aria-describedby")!)?.textContent).toBe(
      "No KPI RAG colours on this sheet yet."
    );
    screen.getByRole("button", { name: "Apply RAG formatting" });
    await user.click(remove);
    remove.focus();
    await user.keyboard("{Enter}");
    expect(document.activeElement).toBe(remove);
    expect(actions.remove).not.toHaveBeenCalled();
  });

  test("says which tolerance set coloured the sheet, and Apply becomes Apply again", () => {
    renderInFluent(<Pane state={readyState()} actions={recordingActions()} />);
    screen.getByText("The sheet is coloured by tolerance set Standard.");
    screen.getByRole("button", { name: "Apply again" });
  });

  test("warns when the sheet is coloured by another set than the one shown", () => {
    renderInFluent(
      <Pane
        state={readyState(
          { colouredBy: { kind: "by another set", toleranceSet: "Standard" } },
          "Covid19"
        )}
        actions={recordingActions()}
      />
    );
    screen.getByRole("group", {
      name: "The sheet is coloured by tolerance set Standard; the pane shows Covid19. Apply again to colour the sheet by Covid19.",
    });
  });

  test("says the sheet's colours are out of date when its rules match no set as the sheet reads now", () => {
    renderInFluent(
      <Pane state={readyState({ colouredBy: { kind: "outdated" } })} actions={recordingActions()} />
    );
    screen.getByText(/apply again to colour them as they are now/);
  });

  test("disables every button and the tolerance set chooser while busy, and nothing is called", async () => {
    const actions = recordingActions();
    const { user } = renderInFluent(
      <Pane state={readyState({ busy: "Reading the sheet…" })} actions={actions} />
    );
    for (const label of ["Apply again", "Remove", "Read again"]) {
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
  test("are four, with Share and Help inside More, so they fit a 320-pixel pane", () => {
    renderInFluent(<Pane state={readyState()} actions={recordingActions()} />);
    expect(screen.getAllByRole("tab")).toHaveLength(4);
    for (const name of ["KPIs", "Summary", "Register", "More"]) screen.getByRole("tab", { name });
  });

  test("open on the KPIs and switch to Summary, Register, Share and Help when chosen", async () => {
    const { user } = renderInFluent(<Pane state={readyState()} actions={recordingActions()} />);
    expect(screen.getByRole("tabpanel", { name: "KPIs" }).textContent).toContain(
      "Table A1:I9: 7 KPIs"
    );
    await user.click(screen.getByRole("tab", { name: "Summary" }));
    screen.getByRole("heading", { name: "Statuses by period" });
    await user.click(screen.getByRole("tab", { name: "Register" }));
    screen.getByRole("button", { name: "Insert or top up the KPI register table" });
    await openView(user, "Share");
    screen.getByRole("button", { name: "Make a shareable copy of this sheet" });
    screen.getByRole("tabpanel", { name: "More" });
    expect(screen.getByRole("button", { name: "Share", pressed: true })).toBeTruthy();
    await openView(user, "Help");
    screen.getByRole("button", { name: "Check this Excel" });
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

  test("keep only the chosen tab in the Tab order; End and Home reach the last and first tabs", async () => {
    const { user } = renderInFluent(<Pane state={readyState()} actions={recordingActions()} />);
    const tabIndexes = screen.getAllByRole("tab").map((tab) => tab.getAttribute("tabindex"));
    expect(tabIndexes).toEqual(["0", "-1", "-1", "-1"]);
    screen.getByRole("tab", { name: "KPIs" }).focus();
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "More" }));
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "KPIs" }));
    await user.keyboard("{End}{Home}");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "KPIs" }));
    expect(screen.getByRole("tab", { name: "KPIs" }).getAttribute("aria-selected")).toBe("true");
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
      message: { id: 1, intent: "warning", text: "2 rows could not be read." },
      busy: "Applying RAG formatting…",
    });
    for (const theme of [webLightTheme, webDarkTheme]) {
      const { user, container, unmount } = renderInFluent(
        <Pane state={state} actions={recordingActions()} />,
        theme
      );
      for (const view of ["KPIs", "Summary", "Register", "Share", "Help"]) {
        await openView(user, view);
        expect(await seriousAccessibilityProblems(container), view).toEqual([]);
      }
      await openView(user, "KPIs");
      await user.click(screen.getAllByRole("button", { expanded: false })[0]);
      expect(await seriousAccessibilityProblems(container), "a KPI opened").toEqual([]);
      unmount();
    }
  });

  test("has no serious accessibility problems while starting, when unsupported, or when nothing is found", async () => {
    const states = [
      initialPaneState,
      {
        ...initialPaneState,
        phase: "unsupported" as const,
        message: {
          id: 1,
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
