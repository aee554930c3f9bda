import { webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { statuses, type PeriodSummary, type Status } from "../../src/core";
import { forgetRegister } from "../../src/excel/workbook-register";
import { App } from "../../src/taskpane/App";
import { Summary } from "../../src/taskpane/components/Summary";
import { loadHostFromXlsx } from "../support";
import { readyState } from "./appendix";
import { openView, renderInFluent, seriousAccessibilityProblems } from "./render";

/** A period's counts: every status none but those given. */
function period(label: string, given: Partial<Record<Status, number>>): PeriodSummary {
  const counts = Object.fromEntries(statuses.map((status) => [status, 0])) as Record<
    Status,
    number
  >;
  return { period: label, counts: { ...counts, ...given } };
}

/** The width of each coloured bar in a period's chart, by its status, as drawn. */
function barWidths(label: string): Record<string, string> {
  const chart = screen.getByRole("img", { name: new RegExp(`^${label}:`) });
  return Object.fromEntries(
    [...chart.children].flatMap((row) => {
      const bar = row.querySelector<HTMLElement>("span > span");
      return bar ? [[row.firstElementChild?.textContent ?? "", bar.style.width]] : [];
    })
  );
}

function renderSummary(busy = false) {
  const state = readyState();
  const onSelectRow = vi.fn();
  const rendered = renderInFluent(
    <Summary
      summary={state.summary}
      watchList={state.watchList}
      busy={busy}
      onSelectRow={onSelectRow}
    />
  );
  return { ...rendered, state, onSelectRow };
}

describe("the summary of statuses by period", () => {
  test("gives each period a chart whose label says the count of each status", () => {
    renderSummary();
    expect(screen.getAllByRole("img").map((chart) => chart.getAttribute("aria-label"))).toEqual([
      "2019/20 Average: 2 Green, 1 Amber, 2 Red, 1 Suspended, 1 Check definition",
      "2020/21 Average: 2 Green, 3 Amber, 0 Red, 1 Suspended, 1 Check definition",
      "2021/22 Qtr1: 1 Green, 2 Amber, 1 Red, 1 Suspended, 1 No data, 1 Check definition",
    ]);
  });

  test("writes the counts beside the bars and names each status, so the chart does not rely on colour", () => {
    renderSummary();
    const latest = screen.getByRole("img", { name: /^2021\/22 Qtr1/ });
    expect(latest.textContent).toBe("Green1Amber2Red1Suspended1No data1Check definition1");
    screen.getByRole("heading", { level: 3, name: "2021/22 Qtr1" });
  });

  test("says there is nothing to summarise on a sheet with no KPI table, and nothing that reads like good news", () => {
    renderInFluent(<Summary summary={[]} watchList={[]} busy={false} onSelectRow={vi.fn()} />);
    screen.getByText("No KPI table on this sheet, so nothing to summarise.");
    expect(screen.queryByText(/No KPI is Red or Amber/)).toBeNull();
  });
});

describe("the summary's charts compared across periods", () => {
  test("draws every period's bars on one scale, so 21 Green is full width and 17 Green is not", () => {
    renderInFluent(
      <Summary
        summary={[period("2022/23 Q1", { Green: 21, Red: 3 }), period("2022/23 Q2", { Green: 17 })]}
        watchList={[]}
        busy={false}
        onSelectRow={vi.fn()}
      />
    );
    expect(barWidths("2022/23 Q1")).toEqual({ Green: "100%", Red: `${(3 / 21) * 100}%` });
    expect(barWidths("2022/23 Q2")).toEqual({ Green: `${(17 / 21) * 100}%` });
  });

  test("draws no chart for a period with no figures yet, and says so in a line", () => {
    renderInFluent(
      <Summary
        summary={[period("2022/23 Q3", { Green: 2 }), period("2022/23 Q4", { "No data": 5 })]}
        watchList={[]}
        busy={false}
        onSelectRow={vi.fn()}
      />
    );
    expect(screen.getAllByRole("img").map((chart) => chart.getAttribute("aria-label"))).toEqual([
      "2022/23 Q3: 2 Green, 0 Amber, 0 Red",
    ]);
    screen.getByText("2022/23 Q4: no figures yet.");
  });
});

describe("the summary of a scorecard read from Excel", () => {
  afterEach(() => forgetRegister());

  test("keeps each quarter's year where the year is written once over its quarters and Excel cannot report merged cells", async () => {
    // The simulated Excel has ExcelApi 1.12: merged areas (1.13) cannot be read, as in Excel 2019.
    const host = await loadHostFromXlsx(
      path.join(__dirname, "..", "..", "examples", "council-scorecard.xlsx")
    );
    const uninstall = host.install();
    try {
      const user = userEvent.setup();
      render(<App theme={webLightTheme} />);
      await screen.findByRole("heading", { name: /^Table / });
      await openView(user, "Summary");
      expect(
        screen.getAllByRole("heading", { level: 3 }).map((heading) => heading.textContent)
      ).toEqual(["2022/23 Q1", "2022/23 Q2", "2022/23 Q3", "2022/23 Q4"]);
      expect(screen.getAllByText(/^2022\/23 Q3 · H6 · /)).not.toEqual([]);
    } finally {
      uninstall();
    }
  });
});

describe("the watch list of Red and Amber KPIs", () => {
  test("lists Red first, each with its status in words, measure, period, address and gap to target", () => {
    const { state } = renderSummary();
    const items = within(screen.getByRole("list")).getAllByRole("button");
    expect(items.map((item) => item.textContent)).toEqual([
      `RedLength of intervention for family support services (days)2021/22 Qtr1 · I7 · ${state.watchList[0].gap}`,
      `AmberAssessments completed within <45 days2021/22 Qtr1 · I3 · ${state.watchList[1].gap}`,
      `AmberCare Leavers with pathway plans which have been reviewed in timescale2021/22 Qtr1 · I4 · ${state.watchList[2].gap}`,
    ]);
    expect(state.watchList[0].gap).toBe("48 days worse than target");
  });

  test("selects the KPI's row in the sheet when its item is clicked", async () => {
    const { user, state, onSelectRow } = renderSummary();
    await user.click(screen.getByRole("button", { name: /Care Leavers with pathway plans/ }));
    expect(onSelectRow).toHaveBeenCalledWith(state.watchList[2]);
  });

  test("selects the KPI's row by keyboard: Tab to the first item and press Enter", async () => {
    const { user, state, onSelectRow } = renderSummary();
    await user.tab();
    expect(document.activeElement?.textContent).toContain(
      "Length of intervention for family support services"
    );
    await user.keyboard("{Enter}");
    expect(onSelectRow).toHaveBeenCalledWith(state.watchList[0]);
  });

  test("tells the analyst what choosing an item does", () => {
    renderSummary();
    const item = within(screen.getByRole("list")).getAllByRole("button")[0];
    expect(document.getElementById(item.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Choose a KPI to select its row in the sheet."
    );
  });

  test("does nothing while the pane is busy", async () => {
    const { user, onSelectRow } = renderSummary(true);
    await user.click(screen.getByRole("button", { name: /Care Leavers with pathway plans/ }));
    expect(onSelectRow).not.toHaveBeenCalled();
  });

  test("has no serious accessibility problems", async () => {
    const { container } = renderSummary();
    expect(await seriousAccessibilityProblems(container)).toEqual([]);
  });
});
