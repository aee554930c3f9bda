import { describe, expect, test, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import { findTables, ragPalette } from "../../src/core";
import { appraiseTables } from "../../src/core/appraisal/appraisal";
import { cellFactsOf } from "../../src/taskpane/kpi-lines";
import { plannedWithReport } from "../support/planned-with-report";
import { KpiTables } from "../../src/taskpane/components/KpiTables";
import { readyState } from "./appendix";
import { asStyleColour, renderInFluent, seriousAccessibilityProblems } from "./render";

function drawn(state = readyState()) {
  return renderInFluent(
    <KpiTables tables={state.tables} figures={state.figures} headlines={state.headlines} />
  );
}

/** A KPI's compact line: the button that opens its details. */
function lineOf(measure: string): HTMLElement {
  return screen.getByRole("button", {
    name: new RegExp(`^${measure.replace(/[()<%*]/g, ".")}`),
  });
}

/** Opens a KPI's line and returns its details. */
async function opened(user: ReturnType<typeof drawn>["user"], measure: string) {
  const line = lineOf(measure);
  await user.click(line);
  expect(line.getAttribute("aria-expanded")).toBe("true");
  return document.getElementById(line.getAttribute("aria-controls")!)!;
}

describe("the KPIs, answer first", () => {
  test("heads Appendix I's table with its address and number of KPIs", () => {
    drawn();
    screen.getByRole("heading", { level: 2, name: "Table A1:I9: 7 KPIs" });
  });

  test("says the answer on its top line: the latest figures' statuses counted, and the problem counted as a warning", () => {
    drawn();
    screen.getByText("7 KPIs: 1 Red · 2 Amber · 1 needs checking");
    screen.getByText(/1 problem: see the lines marked Problem/);
  });

  test("gives each KPI one line with its latest figure and status in words: 89% Amber for the 45-day assessments", () => {
    drawn();
    expect(lineOf("Assessments completed within <45 days").textContent).toMatch(
      /Assessments completed within <45 days89%Amber$/
    );
    expect(lineOf("Length of intervention for family support services").textContent).toMatch(
      /Red$/
    );
  });

  test("keeps a KPI's details closed until its line is opened, by click or by keyboard", async () => {
    const { user } = drawn();
    const line = lineOf("Assessments completed within <45 days");
    expect(line.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByText(/Direction of travel/)).toBeNull();
    line.focus();
    await user.keyboard("{Enter}");
    expect(line.getAttribute("aria-expanded")).toBe("true");
    screen.getByText("Direction of travel: Declined across 3 periods");
    await user.keyboard(" ");
    expect(line.getAttribute("aria-expanded")).toBe("false");
  });

  test("shows the definition and every period latest first, each with its figure, status and reason", async () => {
    const { user } = drawn();
    const details = await opened(user, "Assessments completed within <45 days");
    within(details).getByText(/Bigger is better; target 90%; tolerance 75%; Covid19 tolerance 75%/);
    const periods = within(within(details).getByRole("list", { name: "Periods, latest first" }))
      .getAllByRole("listitem")
      .map((item) => item.textContent ?? "");
    expect(periods.map((text) => text.split(":")[0])).toEqual([
      "2021/22 Qtr1",
      "2020/21 Average",
      "2019/20 Average",
    ]);
    expect(periods[0]).toMatch(/^2021\/22 Qtr1: 89% Amber./);
    expect(periods[2]).toMatch(/^2019\/20 Average: 91% Green./);
  });

  test("shows the days measure in days: 190 days Red against a target of 140 days and a tolerance of 180 days", async () => {
    const { user } = drawn();
    const details = await opened(user, "Length of intervention for family support services");
    within(details).getByText(/Smaller is better; target 140 days; tolerance 180 days/);
    expect(lineOf("Length of intervention for family support services").textContent).toMatch(
      /\d+ daysRed$/
    );
  });

  test("says Suspended in words for a Suspended*** target, and No data for Not Available", async () => {
    const { user } = drawn();
    expect(lineOf("Case file audits graded good or better").textContent).toMatch(/Suspended$/);
    const details = await opened(user, "Young offenders aged 10-17 who reoffend");
    within(details).getByText(/^2021\/22 Qtr1:/);
    expect(within(details).getAllByText("No data")).toHaveLength(1);
  });

  test("marks a line with a problem, and its details list the problem and Check definition styled as a warning", async () => {
    const { user } = drawn();
    const [problem] = readyState().tables[0].rows.find(
      (candidate) => candidate.measure === "Assessments completed within 20 days"
    )!.problems;
    expect(lineOf("Assessments completed within 20 days").textContent).toContain("· Problem");
    const details = await opened(user, "Assessments completed within 20 days");
    within(details).getByText(problem);
    const badges = within(details).getAllByText("Check definition", { selector: "span" });
    expect(badges).toHaveLength(3);
    expect(badges.every((badge) => badge.dataset.warning === "true")).toBe(true);
    const noData = screen.queryAllByText("Suspended")[0];
    expect(noData?.dataset.warning).toBeUndefined();
  });

  test("colours Green, Amber and Red badges with the sheet's palette and leaves other statuses uncoloured", () => {
    drawn();
    const amber = within(lineOf("Assessments completed within <45 days")).getByText("Amber");
    expect([amber.style.backgroundColor, amber.style.color]).toEqual([
      asStyleColour(ragPalette.Amber.fill),
      asStyleColour(ragPalette.Amber.font),
    ]);
    const suspended = within(lineOf("Case file audits graded good or better")).getByText(
      "Suspended"
    );
    expect(suspended.getAttribute("style")).toBeNull();
  });

  test("says what it looks for, with a small example that reflows, when the sheet has no KPI table", () => {
    renderInFluent(<KpiTables tables={[]} />);
    screen.getByText(
      "KPI RAG looks for a header row with a Measure column, a Polarity and Target column (or a KPI number column), and one column per period such as 2019/20 or Apr-21."
    );
    expect(document.querySelector("dl")?.getAttribute("aria-labelledby")).toBeTruthy();
    expect([...document.querySelectorAll("dt")].map((term) => term.textContent)).toEqual([
      "Measure",
      "Polarity",
      "Target",
      "Tolerance",
      "2021/22 Qtr1",
    ]);
    expect([...document.querySelectorAll("dd")].map((value) => value.textContent)).toEqual([
      "Assessments completed within 45 days",
      "Bigger is better",
      "90%",
      "75%",
      "89%",
    ]);
  });

  test("says No target once for a KPI with no target, its reason saying what would rate it rather than No target again", async () => {
    const { tables } = plannedWithReport(
      findTables({
        sheet: "KPIs",
        origin: { row: 0, column: 0 },
        values: [
          ["Measure", "Polarity", "Target", "2022/23 Q1"],
          ["Children in care per 10,000", "Smaller is better", null, 71],
          ["Referrals in the year", "Monitoring only", null, 1204],
        ],
        numberFormats: [[], [], []],
        merges: [],
      })
    );
    const { user } = renderInFluent(<KpiTables tables={tables} />);
    const noTarget = await opened(user, "Children in care per 10,000");
    within(noTarget).getByText("No target", { selector: "p" });
    expect(within(noTarget).getByRole("listitem").textContent).toBe(
      "2022/23 Q1: No targetNot rated until the row has a target"
    );
    const information = await opened(user, "Referrals in the year");
    within(information).getByText('No target (the polarity says "Monitoring only")');
    expect(within(information).getByRole("listitem").textContent).toBe(
      '2022/23 Q1: No targetNot rated: the polarity says "Monitoring only"'
    );
    expect(document.body.textContent).not.toMatch(/context measure|it has no target/i);
  });

  test("shows a figure in a % cell as the sheet shows it, 45% and not 0.45, on a row whose target is suspended", () => {
    const found = findTables({
      sheet: "KPIs",
      origin: { row: 0, column: 0 },
      values: [
        ["Measure", "Polarity", "Target", "2022/23 Q1"],
        ["Children who wait less than 14 months", "Bigger is better", "Suspended***", 0.45],
      ],
      numberFormats: [
        ["General", "General", "General", "General"],
        ["General", "General", "General", "0%"],
      ],
      merges: [],
    });
    const { tables } = plannedWithReport(found);
    renderInFluent(<KpiTables tables={tables} {...cellFactsOf(appraiseTables(found))} />);
    expect(lineOf("Children who wait less than 14 months").textContent).toMatch(/45%Suspended$/);
  });

  test("on a sheet with no KPI table, names the workbook's sheets that have one and goes to the one chosen", async () => {
    const onGoToSheet = vi.fn();
    const { user } = renderInFluent(
      <KpiTables tables={[]} kpiSheets={["Scorecard", "Monthly"]} onGoToSheet={onGoToSheet} />
    );
    const pointer = screen.getByRole("group", {
      name: 'These sheets of this workbook have KPI tables: "Scorecard", "Monthly".',
    });
    await user.click(within(pointer).getByRole("button", { name: "Go to Monthly" }));
    expect(onGoToSheet).toHaveBeenCalledWith("Monthly");
  });

  test("has no serious accessibility problems, with tables, with a line open, or without tables", async () => {
    const { container, rerender, user } = drawn();
    expect(await seriousAccessibilityProblems(container)).toEqual([]);
    await opened(user, "Assessments completed within 20 days");
    expect(await seriousAccessibilityProblems(container)).toEqual([]);
    rerender(<KpiTables tables={[]} />);
    expect(await seriousAccessibilityProblems(container)).toEqual([]);
  });
});
