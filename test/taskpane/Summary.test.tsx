import { screen, within } from "@testing-library/react";
import { describe, expect, test, vi } from "vitest";
import { Summary } from "../../src/taskpane/components/Summary";
import { readyState } from "./appendix";
import { renderInFluent, seriousAccessibilityProblems } from "./render";

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
