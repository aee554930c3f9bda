import { describe, expect, it } from "vitest";
import { findTables, type CellValue, type Grid } from "../../src/core";
import { appraiseTables } from "../../src/core/appraisal/appraisal";
import { formattingPlan } from "../../src/core/plan/plan";
import { summarisedPlan, summaryLines } from "../../src/cli/summary";
import { plannedWithReport } from "../support/planned-with-report";

function grid(sheet: string, values: CellValue[][]): Grid {
  return {
    sheet,
    origin: { row: 0, column: 0 },
    values,
    numberFormats: values.map((row) => row.map(() => "General")),
    merges: [],
  };
}

describe("what kpi-rag prints about the columns it read and the sheets it skipped", () => {
  it("prints each table's column map and each skipped sheet with why", () => {
    const scorecard = findTables(
      grid("Scorecard", [
        ["No.", "Indicator", "Good is", "Target", "Floor", "Q1", "Q2", "RAG", "England"],
        [
          1,
          "Care leavers in suitable accommodation",
          "Bigger is better",
          "90%",
          "80%",
          "92%",
          "85%",
          "Green",
          "88%",
        ],
      ])
    );
    const dashboard = findTables(
      grid("Dashboard", [
        ["Measure", "2021/22", "2022/23"],
        ["Children in care", 598, 612],
      ])
    );
    const lines = summaryLines(
      [plannedWithReport(scorecard)],
      [],
      [{ sheet: "Dashboard", reason: dashboard.skipped ?? "" }]
    );
    expect(lines).toContain(
      "  Columns of A1:G2: A row reference (No.), B measure (Indicator), C polarity (Good is), D target, E tolerance (Floor), F–G periods; H RAG, I England left alone"
    );
    expect(lines).toContain(
      "Sheet \"Dashboard\" was skipped: row 1 has a measure column ('Measure') and periods but no polarity, target or KPI number column, so there is nothing to rate its measures against."
    );
  });
});

describe("what kpi-rag prints about a table it cannot rate as a whole", () => {
  it("prints the table's problem when it cannot tell which tolerance column is the standard one", () => {
    const found = findTables(
      grid("Scorecard", [
        ["Measure", "Polarity", "Target", "Tolerance (amber)", "Tolerance (pp)", "2023/24"],
        ["Care leavers in suitable accommodation", "Bigger is better", "90%", "85%", 3, "88%"],
      ])
    );
    const lines = summaryLines([{ ...plannedWithReport(found) }], []);
    expect(lines).toContain(
      "  Table A1:F2: the add-in cannot tell which of D 'Tolerance (amber)' and E 'Tolerance (pp)' is the standard tolerance, so the table is left uncoloured (teach it in KPIWords: the word, and Means Tolerance or <set> Tolerance)"
    );
    expect(lines[0]).toContain("0 cells coloured");
  });
});

describe("kpi-rag's summary when no report is asked for", () => {
  /** Two tables of 1,200 rows each, so their rows are summarised in parts, with problems and England figures. */
  function longScorecard(): Grid {
    const values: CellValue[][] = [];
    for (const table of [0, 1]) {
      values.push(["Measure", "Polarity", "Target", "Tolerance", "Q1", "Q2", "England"]);
      for (let index = 0; index < 1200; index++)
        values.push([
          `Measure ${table}-${index}`,
          index % 3 === 0 ? "Smaller is better" : "Bigger is better",
          "90%",
          index % 11 === 0 ? "95%" : "80%",
          `${70 + (index % 30)}%`,
          index % 7 === 0 ? "about half" : `${75 + (index % 25)}%`,
          `${80 + (index % 15)}%`,
        ]);
      values.push([]);
    }
    return grid("Scorecard", values);
  }

  it("prints the same lines as from the whole report, and keeps no report", () => {
    const appraisal = appraiseTables(findTables(longScorecard()));
    const plan = formattingPlan(appraisal);
    const whole = summarisedPlan(plan, appraisal, true);
    const inParts = summarisedPlan(plan, appraisal, false);
    expect(whole.reported.tables).toHaveLength(2);
    expect(whole.lines[0]).toContain("2 KPI tables");
    expect(whole.lines[0]).toContain("2400 KPIs");
    expect(whole.lines).toContainEqual(expect.stringMatching(/^ {2}Better than England: /));
    expect(whole.lines).toContainEqual(expect.stringMatching(/^ {2}Problems \(\d+\):$/));
    expect(inParts.lines).toEqual(whole.lines);
    expect(inParts.reported.tables).toEqual([]);
    expect(inParts.reported.scheme).toBe(whole.reported.scheme);
  });
});
