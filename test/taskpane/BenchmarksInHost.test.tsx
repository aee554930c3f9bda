/**
 * The whole pane on the simulated Excel holding a scorecard with benchmark columns: it reads them, shows
 * each KPI's comparisons, sums them up on the Summary tab, and its rules never touch a benchmark column.
 */
import { webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test } from "vitest";
import { forgetRegister } from "../../src/excel/workbook-register";
import { App } from "../../src/taskpane/App";
import { createExcelHost } from "../support";
import { withoutReason } from "./render";
import { wholeNumbers } from "../core/benchmark-scorecards";
import { fillJsdomGaps } from "./jsdom-gaps";

fillJsdomGaps();
let uninstall: (() => void) | undefined;
afterEach(() => {
  // The register lives in the shared runtime, not in the pane: each test starts on its own workbook.
  forgetRegister();
  uninstall?.();
  uninstall = undefined;
});

describe("benchmarks in the pane on the simulated Excel", () => {
  test("shows the comparisons, the summary's benchmark lines, and applies rules to the periods only", async () => {
    const host = createExcelHost({ [wholeNumbers.sheet]: wholeNumbers.values });
    uninstall = host.install();
    const user = userEvent.setup();
    render(<App theme={webLightTheme} />);
    const adoption = await screen.findByRole("button", {
      name: /Average time in days between entering care/,
    });
    await user.click(adoption);
    const details = document.getElementById(adoption.getAttribute("aria-controls")!)!;
    expect(
      within(within(details).getByRole("list", { name: "Against benchmarks" }))
        .getAllByRole("listitem")
        .map(withoutReason)
    ).toEqual([
      "▼Worse than England 2021/22: 486 days against 448 days",
      "▼Worse than Statistical neighbours: 495 days against 430 days",
      "–Region: no data to compare (the cell is blank)",
    ]);

    await user.click(screen.getByRole("button", { name: /^Apply RAG formatting/ }));
    await waitFor(() =>
      expect(host.sheet(wholeNumbers.sheet).conditionalFormats().length).toBeGreaterThan(0)
    );
    const areas = host
      .sheet(wholeNumbers.sheet)
      .conditionalFormats()
      .flatMap((format) => format.appliesTo.split(/,\s*/));
    expect(
      areas.every((area) => /^\$?[E-G]\$?\d+(:\$?[E-G]\$?\d+)?$/.test(area)),
      areas.join(" ")
    ).toBe(true);

    await user.click(screen.getByRole("tab", { name: "Summary" }));
    await screen.findByText(
      "Better than Statistical neighbours: 1 of 3 KPIs (2 worse, 0 the same; 1 not compared)"
    );
  });
});
