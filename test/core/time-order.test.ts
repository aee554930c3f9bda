/**
 * A row's periods in time, not in column order: a dashboard that puts the newest quarter first is read
 * newest first for its latest figure, its direction of travel and, under Amber by direction, the period
 * before each; a row of months beside quarters compares each with the one before it of its own kind.
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  findTables,
  newestFirst,
  planOf,
  reportOf,
  type CellValue,
} from "../../src/core";
import { latestFigure } from "../../src/core/appraisal/summary";
import { paddedGrid } from "../support/padded-grid";
import { paintedCells } from "../support/rule-engine";

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

describe("a Latest column under Amber by direction", () => {
  // Bigger is better, target 90%, tolerance 80%: every figure is off target, so only direction decides.
  const latestGrid = paddedGrid(
    "Dashboard",
    [
      [
        "Measure",
        "Polarity",
        "Target",
        "Tolerance",
        "Q1 2024/25",
        "Q2 2024/25",
        "Q3 2024/25",
        "Q4 2024/25",
        "Latest",
      ],
      ["Visits on time", "Bigger is better", 0.9, 0.8, 0.7, 0.72, 0.74, 0.76, 0.76],
      ["Plans reviewed on time", "Bigger is better", 0.9, 0.8, 0.7, 0.72, 0.74, 0.76, 0.78],
      ["Assessments in 45 days", "Bigger is better", 0.9, 0.8, 0.7, 0.72, 0.74, 0.76, 0.7],
      ["Care leavers in touch", "Bigger is better", 0.9, 0.8, 0.7, 0.72, 0.74, null, 0.74],
    ],
    () => "0%"
  );
  const latest = () => {
    const report = reportOf(
      appraise(findTables(latestGrid), { scheme: { kind: "amber by direction" } })
    );
    return report.rows.map((row) => row.cells.find((cell) => cell.period === "Latest")!);
  };

  it("rates a Latest that repeats Q4's 76% as Q4 is rated: Amber, better than Q3's 74%", () => {
    expect(latest()[0]).toMatchObject({ status: "Amber" });
    expect(latest()[0].reason).toContain("Q3 2024/25");
  });

  it("compares a Latest figure newer than the quarters (78%) with Q4's 76%: Amber", () => {
    expect(latest()[1]).toMatchObject({ status: "Amber" });
    expect(latest()[1].reason).toContain("Q4 2024/25");
  });

  it("rates a Latest of 70%, worse than Q4's 76%, Red", () => {
    expect(latest()[2]).toMatchObject({ status: "Red" });
  });

  it("takes a Latest that repeats Q3's 74%, Q4 being blank, as Q3: Amber, better than Q2's 72%", () => {
    expect(latest()[3]).toMatchObject({ status: "Amber" });
    expect(latest()[3].reason).toContain("Q2 2024/25");
  });

  it("paints each Latest cell the colour its status names, as the rules compare it in the sheet", () => {
    const appraisal = appraise(findTables(latestGrid), { scheme: { kind: "amber by direction" } });
    const { rules } = planOf(appraisal);
    const painted = paintedCells(latestGrid.values, rules);
    const statusOfFill = new Map(rules.map((rule) => [rule.fill, rule.status]));
    expect(
      ["I2", "I3", "I4", "I5"].map((address) => statusOfFill.get(painted.get(address)!))
    ).toEqual(["Amber", "Amber", "Red", "Amber"]);
  });
});
