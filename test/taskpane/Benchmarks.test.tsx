/**
 * Benchmarks in the pane: one line in words per benchmark under each KPI, with a glyph beside the words
 * (never colour alone); in the summary, how the KPIs stand against each benchmark, the exceptions, and a
 * watch list that narrows to the Red KPIs worse than one benchmark.
 */
import { screen, within } from "@testing-library/react";
import { describe, expect, test, vi } from "vitest";
import { findTables, summarise, summariseComparisons } from "../../src/core";
import { watchList } from "../../src/core/appraisal/watch-list";
import { KpiTables } from "../../src/taskpane/components/KpiTables";
import { Summary } from "../../src/taskpane/components/Summary";
import { latestBenchmarks, wholeNumbers } from "../core/benchmark-scorecards";
import {
  openEveryLine,
  reasonOf,
  renderInFluent,
  seriousAccessibilityProblems,
  withoutReason,
} from "./render";
import { plannedWithReport } from "../support/planned-with-report";

const found = findTables(wholeNumbers);
const plan = plannedWithReport(found);

function renderSummary() {
  const onSelectRow = vi.fn();
  const items = watchList(found);
  const rendered = renderInFluent(
    <Summary
      summary={summarise(plan.tables)}
      watchList={items}
      benchmarks={summariseComparisons(plan.tables.flatMap((table) => table.rows))}
      busy={false}
      onSelectRow={onSelectRow}
    />
  );
  return { ...rendered, items, onSelectRow };
}

describe("each KPI's comparisons", () => {
  test("says each comparison in words, with its glyph hidden from screen readers", async () => {
    const { user } = renderInFluent(<KpiTables tables={plan.tables} />);
    await openEveryLine(user);
    const lists = screen.getAllByRole("list", { name: "Against benchmarks" });
    expect(lists.map((list) => within(list).getAllByRole("listitem").map(withoutReason))).toEqual([
      [
        "▼Worse than England 2021/22: 12% against 10%",
        "▲Better than Statistical neighbours: 9% against 11%",
        '–Region: no data to compare ("x": the figure is not available)',
      ],
      [
        "=Same as England 2021/22: 55% against 55.4%",
        "▼Worse than Statistical neighbours: 53% against 54.2%",
        "=Same as Region: 53% against 53%",
      ],
      [
        "▼Worse than England 2021/22: 486 days against 448 days",
        "▼Worse than Statistical neighbours: 495 days against 430 days",
        "–Region: no data to compare (the cell is blank)",
      ],
      [
        "–England 2021/22: 321.5 against 334.3, no polarity to say which is better",
        "–Statistical neighbours: 330.1 against 318.2, no polarity to say which is better",
        "–Region: 330.1 against 340, no polarity to say which is better",
      ],
    ]);
    // One hidden glyph a line: the first KPI's three lines above begin with them.
    expect(
      [...lists[0].querySelectorAll("[aria-hidden]")].map((glyph) => glyph.textContent)
    ).toEqual(["▼", "▲", "–"]);
  });

  test("shows a rank column's text under the comparisons: SN rank: 3rd of 11", async () => {
    const { user } = renderInFluent(
      <KpiTables tables={plannedWithReport(findTables(latestBenchmarks)).tables} />
    );
    await openEveryLine(user);
    const [first] = screen.getAllByRole("list", { name: "Against benchmarks" });
    expect(within(first).getAllByRole("listitem").map(withoutReason)).toEqual([
      "▲Better than England 2021/22: 58% against 55%",
      "▲Better than Statistical neighbours 2021/22: 58% against 52%",
      expect.stringMatching(/^–North East 2021\/22: no data to compare/),
      "SN rank: 3rd of 11",
    ]);
  });

  test("shows the whole sentence with the difference under the comparison, not only on hover", async () => {
    const { user } = renderInFluent(<KpiTables tables={plan.tables} />);
    await openEveryLine(user);
    const [first] = within(
      screen.getAllByRole("list", { name: "Against benchmarks" })[0]
    ).getAllByRole("listitem");
    expect(reasonOf(first)).toBe("12% is worse than England 2021/22 (10%) by 2 points");
    expect(first.getAttribute("title")).toBeNull();
  });

  test("has no serious accessibility problems", async () => {
    const { container, user } = renderInFluent(<KpiTables tables={plan.tables} />);
    await openEveryLine(user);
    expect(await seriousAccessibilityProblems(container)).toEqual([]);
  });
});

describe("the summary's benchmark lines, exceptions and filtered watch list", () => {
  test("says how many KPIs are better than each benchmark", () => {
    renderSummary();
    screen.getByRole("heading", { name: "Against benchmarks" });
    screen.getByText(
      "Better than England 2021/22: 0 of 3 KPIs (2 worse, 1 the same; 1 not compared)"
    );
    screen.getByText(
      "Better than Statistical neighbours: 1 of 3 KPIs (2 worse, 0 the same; 1 not compared)"
    );
  });

  test("lists as exceptions the Red or Amber KPIs worse than a benchmark, saying which", () => {
    renderSummary();
    const heading = screen.getByRole("heading", {
      name: "Exceptions: Red or Amber and worse than a benchmark",
    });
    const list = heading.nextElementSibling?.nextElementSibling as HTMLElement;
    expect(
      within(list)
        .getAllByRole("button")
        .map((button) => button.textContent)
    ).toEqual([
      expect.stringMatching(
        /^RedAverage time in days.*Worse than England 2021\/22, Statistical neighbours$/
      ),
      expect.stringMatching(/^Amber% of care leavers.*Worse than Statistical neighbours$/),
    ]);
  });

  test("narrows the watch list to the Red KPIs worse than statistical neighbours, and back", async () => {
    const { user } = renderSummary();
    const show = screen.getByRole("combobox", { name: "Show" });
    const watchHeading = screen.getByRole("heading", { name: "Watch list: Red and Amber KPIs" });
    const watchItems = (): string[] => {
      const lists = screen
        .getAllByRole("list")
        .filter(
          (list) => watchHeading.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING
        );
      return within(lists[0])
        .getAllByRole("button")
        .map((button) => within(button).getByText(/^(Red|Amber)$/).textContent ?? "");
    };
    expect(watchItems()).toEqual(["Red", "Amber"]);
    await user.selectOptions(show, "Red and worse than Statistical neighbours");
    expect(watchItems()).toEqual(["Red"]);
    await user.selectOptions(show, "Red and worse than Region");
    screen.getByText("No KPI is Red and worse than Region.");
    await user.selectOptions(show, "All Red and Amber KPIs");
    expect(watchItems()).toEqual(["Red", "Amber"]);
  });

  test("has no serious accessibility problems", async () => {
    const { container } = renderSummary();
    expect(await seriousAccessibilityProblems(container)).toEqual([]);
  });
});
