/**
 * A row's periods in time, not in column order: a dashboard that puts the newest quarter first is read
 * newest first for its latest figure, its direction of travel and, under Amber by direction, the period
 * before each; a row of months beside quarters compares each with the one before it of its own kind.
 */
import { describe, expect, it } from "vitest";
import { appraise, findTables, newestFirst, reportOf, type CellValue } from "../../src/core";
import { latestFigure } from "../../src/core/appraisal/summary";
import { paddedGrid } from "../support/padded-grid";

// Lower is better, target 20%, tolerance 25%: 27% in Q1 2023/24 improving to 19% in Q4, newest first.
const header: CellValue[] = [
  "Measure",
  "Polarity",
  "Target",
  "Tolerance",
  "Q4 2023/24",
  "Q3 2023/24",
  "Q2 2023/24",
  "Q1 2023/24",
  "England",
];
const grid = paddedGrid(
  "Dashboard",
  [
    header,
    ["Re-referrals within 12 months", "Lower is better", 0.2, 0.25, 0.19, 0.26, 0.24, 0.27, 0.22],
  ],
  () => "0%"
);

describe("periods newest first", () => {
  it("puts the places of Q4, Q3, Q2 and Q1 in time order, newest first, whatever the columns", () => {
    expect(
      newestFirst([{ period: "Q2 2023/24" }, { period: "Q4 2023/24" }, { period: "Q1 2023/24" }])
    ).toEqual([1, 0, 2]);
    // Labels that name no time keep the columns' order, the last first.
    expect(newestFirst([{ period: "Q1" }, { period: "Q2" }])).toEqual([1, 0]);
  });

  it("reads the newest figure (Q4, 19%), an improving trend, and compares Q4 with England", () => {
    const appraisal = appraise(findTables(grid));
    const [row] = appraisal.rows;
    expect(row.kpi.cells[latestFigure(row)].period).toBe("Q4 2023/24");
    const [report] = reportOf(appraisal).rows;
    expect(report.directionOfTravel).toMatch(/^Improved/);
    expect(report.comparisons[0]).toMatchObject({ period: "Q4 2023/24", verdict: "Better" });
  });

  it("under Amber by direction compares Q3 (26%) with Q2 (24%), not with Q4: Red", () => {
    const appraisal = appraise(findTables(grid), { scheme: { kind: "amber by direction" } });
    const [report] = reportOf(appraisal).rows;
    const q3 = report.cells.find((cell) => cell.period === "Q3 2023/24")!;
    expect(q3.status).toBe("Red");
    expect(q3.reason).toContain("Q2 2023/24");
  });
});
