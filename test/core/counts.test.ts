/**
 * What a summary counts of a sheet (kpi-rag's lines when no report is asked for) is made without the
 * report's words, yet must say exactly what the report says of each row: its periods' statuses, its
 * problems and its comparisons, on every hand-made council scorecard.
 */
import { describe, expect, it } from "vitest";
import { appraise, PeriodTally, reportOf, summarise, tellingCountsOf } from "../../src/core";
import { countsOf } from "../../src/core/appraisal/report";
import { ratedScorecards } from "./council-layouts";

describe("a summary's counts of a sheet", () => {
  for (const scorecard of ratedScorecards)
    it(`count as its report says, for ${scorecard.title}`, () => {
      const appraisal = appraise(scorecard.grid);
      const report = reportOf(appraisal);
      const counted = countsOf(appraisal.rows, appraisal);
      expect(counted).toEqual(
        report.rows.map((row) => ({
          row: row.row,
          id: row.id,
          measure: row.measure,
          problems: row.problems,
          cells: row.cells.map(({ period, status }) => ({ period, status })),
          comparisons: row.comparisons,
        }))
      );
      expect(summarise([{ rows: counted }])).toEqual(summarise(report.tables));
      expect(counted.some((row) => row.cells.length > 0)).toBe(true);
    });

  for (const scorecard of ratedScorecards)
    it(`tallies its statuses, problems and comparisons with no report made, for ${scorecard.title}`, () => {
      const appraisal = appraise(scorecard.grid);
      const report = reportOf(appraisal);
      const tally = new PeriodTally();
      tally.addRows(appraisal.rows);
      expect(tally.summaries()).toEqual(summarise(report.tables));
      const telling = report.rows.filter(
        (row) => row.problems.length > 0 || row.comparisons.length > 0
      );
      expect(
        tellingCountsOf(appraisal.rows, appraisal).map((row) => [
          row.row,
          row.problems,
          row.comparisons,
        ])
      ).toEqual(telling.map((row) => [row.row, row.problems, row.comparisons]));
    });

  it("keeps periods in the order first met when rows name them in other places", () => {
    const tally = new PeriodTally();
    tally.add(0, "Q1", "Red");
    tally.add(1, "Q2", "Green");
    tally.add(0, "Q2", "Amber");
    tally.add(1, "Q3", "Red");
    tally.add(0, "Q1", "Red");
    expect(
      tally
        .summaries()
        .map(({ period, counts }) => [period, counts.Red, counts.Amber, counts.Green])
    ).toEqual([
      ["Q1", 2, 0, 0],
      ["Q2", 0, 1, 1],
      ["Q3", 1, 0, 0],
    ]);
  });
});
