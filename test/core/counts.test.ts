/**
 * What a summary counts of a sheet (kpi-rag's lines when no report is asked for) is made without the
 * report's words, yet must say exactly what the report says of each row: its periods' statuses, its
 * problems and its comparisons, on every hand-made council scorecard.
 */
import { describe, expect, it } from "vitest";
import { appraise, countsOf, reportOf, summarise } from "../../src/core";
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
});
