import { describe, expect, test } from "vitest";
import { screen, within } from "@testing-library/react";
import { ragPalette } from "../../src/core";
import { KpiTables } from "../../src/taskpane/components/KpiTables";
import { readyState } from "./appendix";
import { asStyleColour, renderInFluent, seriousAccessibilityProblems } from "./render";

function rowOf(measure: string): HTMLElement {
  const header = screen.getByRole("rowheader", {
    name: new RegExp(`^${measure.replace(/[()<%]/g, ".")}`),
  });
  return header.closest("tr") as HTMLElement;
}

describe("the KPIs as the add-in read them", () => {
  test("heads Appendix I's table with its address and number of KPIs", () => {
    renderInFluent(<KpiTables tables={readyState().tables} />);
    screen.getByRole("heading", { level: 2, name: "Table A1:I9: 7 KPIs" });
  });

  test("has column headers for the measure as read and one for each period", () => {
    renderInFluent(<KpiTables tables={readyState().tables} />);
    const headers = screen.getAllByRole("columnheader").map((header) => header.textContent);
    expect(headers).toEqual([
      "Measure and definition",
      "2019/20 Average",
      "2020/21 Average",
      "2021/22 Qtr1",
    ]);
  });

  test("shows Assessments completed within <45 days as read (target 90%, tolerance 75%) and Green, Amber, Amber in words", () => {
    renderInFluent(<KpiTables tables={readyState().tables} />);
    const row = rowOf("Assessments completed within <45 days");
    within(row).getByText(/Bigger is better; target 90%; tolerance 75%; Covid19 tolerance 75%/);
    expect(
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent)
    ).toEqual(["Green", "Amber", "Amber"]);
    expect(within(row).getByRole("rowheader").textContent).toContain(
      "Contractual Key Performance Indicators"
    );
  });

  test("says each KPI's direction of travel in words: 91%, 89%, 89% for Bigger is better has declined", () => {
    renderInFluent(<KpiTables tables={readyState().tables} />);
    within(rowOf("Assessments completed within <45 days")).getByText(
      "Direction of travel: Declined across 3 periods"
    );
  });

  test("shows the days measure Red, Amber, Red against a target of 140 days and a tolerance of 180 days", () => {
    renderInFluent(<KpiTables tables={readyState().tables} />);
    const row = rowOf("Length of intervention for family support services");
    within(row).getByText(/Smaller is better; target 140 days; tolerance 180 days/);
    expect(
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent)
    ).toEqual(["Red", "Amber", "Red"]);
    expect(within(row).getByRole("rowheader").textContent).toContain(
      "Strategic Partnership Indicators"
    );
  });

  test("says Suspended in words for a Suspended*** target, and No data for Not Available", () => {
    renderInFluent(<KpiTables tables={readyState().tables} />);
    expect(
      within(rowOf("Case file audits graded good or better")).getAllByText("Suspended")
    ).toHaveLength(3);
    expect(
      within(rowOf("Young offenders aged 10-17 who reoffend"))
        .getAllByRole("cell")
        .map((cell) => cell.textContent)
    ).toEqual(["Green", "Green", "No data"]);
  });

  test("lists the problem of a tolerance on the better side of its target (20 days: smaller is better, 25% and 15%)", () => {
    renderInFluent(<KpiTables tables={readyState().tables} />);
    const row = rowOf("Assessments completed within 20 days");
    const [problem] = readyState().tables[0].rows.find(
      (candidate) => candidate.measure === "Assessments completed within 20 days"
    )!.problems;
    expect(problem).toBeTruthy();
    within(row).getByText(/^Problems?$/);
    expect(within(row).getByRole("listitem").textContent).toContain(problem);
    expect(within(row).getAllByText("Check definition")).toHaveLength(4);
  });

  test("colours Green, Amber and Red badges with the sheet's palette and leaves other statuses uncoloured", () => {
    renderInFluent(<KpiTables tables={readyState().tables} />);
    const row = rowOf("Assessments completed within <45 days");
    const green = within(row).getAllByText("Green")[0];
    expect([green.style.backgroundColor, green.style.color]).toEqual([
      asStyleColour(ragPalette.Green.fill),
      asStyleColour(ragPalette.Green.font),
    ]);
    const amber = within(row).getAllByText("Amber")[0];
    expect([amber.style.backgroundColor, amber.style.color]).toEqual([
      asStyleColour(ragPalette.Amber.fill),
      asStyleColour(ragPalette.Amber.font),
    ]);
    const suspended = within(rowOf("Case file audits graded good or better")).getAllByText(
      "Suspended"
    )[0];
    expect(suspended.getAttribute("style")).toBeNull();
  });

  test("says what it looks for, with a small example, when the sheet has no KPI table", () => {
    renderInFluent(<KpiTables tables={[]} />);
    screen.getByText(
      "KPI RAG looks for a header row with a Measure column, a Polarity and Target column (or a KPI number column), and one column per period such as 2019/20 or Apr-21."
    );
    const example = screen.getByRole("table", { name: "An example KPI table" });
    expect(
      within(example)
        .getAllByRole("columnheader")
        .map((header) => header.textContent)
    ).toEqual(["Measure", "Polarity", "Target", "Tolerance", "2021/22 Qtr1"]);
    expect(
      within(example)
        .getAllByRole("cell")
        .map((cell) => cell.textContent)
    ).toEqual(["Assessments completed within 45 days", "Bigger is better", "90%", "75%", "89%"]);
  });

  test("has no serious accessibility problems, with tables or without", async () => {
    const { container, rerender } = renderInFluent(<KpiTables tables={readyState().tables} />);
    expect(await seriousAccessibilityProblems(container)).toEqual([]);
    rerender(<KpiTables tables={[]} />);
    expect(await seriousAccessibilityProblems(container)).toEqual([]);
  });
});
