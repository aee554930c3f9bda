import { describe, expect, it } from "vitest";
import {
  areaOfAddress,
  findTables,
  type CellValue,
  type Grid,
  type GridArea,
} from "../../src/core";
import { plannedWithReport } from "../support/planned-with-report";

function grid(values: CellValue[][], merges: GridArea[] = []): Grid {
  return {
    sheet: "KPIs",
    origin: { row: 0, column: 0 },
    values,
    numberFormats: values.map((row) => row.map(() => "General")),
    merges,
  };
}

const statuses = (found: ReturnType<typeof findTables>) =>
  plannedWithReport(found).tables.map((table) =>
    table.rows.map((row) => [
      row.measure,
      ...row.cells.map((cell) => `${cell.period}: ${cell.status}`),
    ])
  );

describe("header layouts analysts use", () => {
  it("reads a two-row header whose Measure and Polarity cells are merged down over both rows", () => {
    const found = findTables(
      grid(
        [
          ["Measure", "Polarity", "Target Range", null, "2020/21", "2021/22"],
          [null, null, "Target", "Tolerance", "Average", "Qtr1"],
          ["Assessments completed within <45 days", "Bigger is better", "90%", "75%", "91%", "89%"],
        ],
        [
          { top: 0, left: 0, bottom: 1, right: 0 },
          { top: 0, left: 1, bottom: 1, right: 1 },
          { top: 0, left: 2, bottom: 0, right: 3 },
        ]
      )
    );
    expect(statuses(found)).toEqual([
      [["Assessments completed within <45 days", "2020/21 Average: Green", "2021/22 Qtr1: Amber"]],
    ]);
  });

  it("reads a year written once over the first of its quarters, with no merge, as the year of each quarter up to the next year", () => {
    const found = findTables(
      grid([
        [null, null, null, null, "2022/23", null, "2023/24", null, null],
        [
          "Measure",
          "Polarity",
          "Target 2022/23",
          "Target 2023/24",
          "Q3",
          "Q4",
          "Q1",
          "Q2",
          "England",
        ],
        ["Assessments", "Bigger is better", "80%", "90%", "85%", "85%", "85%", "85%", "84%"],
      ])
    );
    expect(statuses(found)).toEqual([
      [
        [
          "Assessments",
          "2022/23 Q3: Green",
          "2022/23 Q4: Green",
          "2023/24 Q1: Red",
          "2023/24 Q2: Red",
        ],
      ],
    ]);
  });

  it("reads a year written once in the header row over the first of the quarters in the row below as the year of each of them", () => {
    const found = findTables(
      grid([
        [
          "Measure",
          "Polarity",
          "Target 2022/23",
          "Target 2023/24",
          "2022/23",
          null,
          "2023/24",
          null,
          "England",
        ],
        [null, null, null, null, "Q3", "Q4", "Q1", "Q2", null],
        ["Assessments", "Bigger is better", "80%", "90%", "85%", "85%", "85%", "85%", "84%"],
      ])
    );
    expect(statuses(found)).toEqual([
      [
        [
          "Assessments",
          "2022/23 Q3: Green",
          "2022/23 Q4: Green",
          "2023/24 Q1: Red",
          "2023/24 Q2: Red",
        ],
      ],
    ]);
  });

  it("reads quarters spelt as runs of months (Apr-Jun 24, Jan-Mar 25) as periods of the financial year they fall in", () => {
    const found = findTables(
      grid([
        [
          "Measure",
          "Polarity",
          "Target 2024/25",
          "Target 2025/26",
          "Oct-Dec 24",
          "Jan-Mar 25",
          "Apr-Jun 25",
        ],
        ["Assessments", "Bigger is better", "80%", "90%", "85%", "85%", "85%"],
      ])
    );
    expect(statuses(found)).toEqual([
      [["Assessments", "Oct-Dec 24: Green", "Jan-Mar 25: Green", "Apr-Jun 25: Red"]],
    ]);
  });

  it("says it cannot tell the year of a run of months that crosses the end of a financial year", () => {
    const found = findTables(
      grid([
        ["Measure", "Polarity", "Target 2024/25", "Target 2025/26", "Feb-Apr 25"],
        ["Assessments", "Bigger is better", "80%", "90%", "85%"],
      ])
    );
    const [cell] = plannedWithReport(found).tables[0].rows[0].cells;
    expect(cell.status).toBe("No target");
    expect(cell.reason).toMatch(/cannot tell which year "Feb-Apr 25" falls in/);
  });

  it("reads Higher and Lower under a Good performance heading as each row's polarity", () => {
    const found = findTables(
      grid([
        ["Measure", "Good performance", "Target", "Q1"],
        ["Assessments", "Higher", "80%", "85%"],
        ["Re-referrals", "Lower", "20%", "25%"],
      ])
    );
    expect(statuses(found)).toEqual([
      [
        ["Assessments", "Q1: Green"],
        ["Re-referrals", "Q1: Red"],
      ],
    ]);
  });

  // Two small tables for placing side by side, past a blank column: each row's figures Green then Red.
  const leftHeader: CellValue[] = ["Measure", "Polarity", "Target", "2022/23", "2023/24"];
  const leftRows: CellValue[][] = [
    ["left1", "Bigger is better", "90%", "95%", "80%"],
    ["left2", "Smaller is better", "20%", "10%", "30%"],
  ];
  const rightRows: CellValue[][] = [
    ["right1", "Smaller is better", "10%", "5%", "30%"],
    ["right2", "Bigger is better", "50%", "60%", "40%"],
  ];
  const none: CellValue[] = [null, null, null, null, null];
  /** Left and right side by side, row by row, a blank column between. */
  const beside = (left: CellValue[][], right: CellValue[][]): CellValue[][] =>
    left.map((row, index) => [...row, null, ...right[index]]);
  const readBoth = (found: ReturnType<typeof findTables>, rightPeriods: [string, string]) => {
    const read = statuses(found);
    expect(read).toContainEqual([
      ["left1", "2022/23: Green", "2023/24: Red"],
      ["left2", "2022/23: Green", "2023/24: Red"],
    ]);
    expect(read).toContainEqual(
      ["right1", "right2"].map((measure) => [
        measure,
        `${rightPeriods[0]}: Green`,
        `${rightPeriods[1]}: Red`,
      ])
    );
  };

  // A table with one header row beside a two-row block on its right, whose lower row is that header row: the
  // block's quarters and its Polarity (written in the lower row, or merged down both) are never the left
  // table's, whose rows would rate them by their own thresholds.
  for (const polarityMerged of [false, true])
    it(`reads a one-row table left of a two-row block sharing its header row as two tables${polarityMerged ? ", the block's Polarity merged down" : ""}`, () => {
      const block: CellValue[][] = [
        ["Measure", polarityMerged ? "Polarity" : null, "Target", "2024/25", null],
        [null, polarityMerged ? null : "Polarity", null, "Q1", "Q2"],
        ...rightRows,
      ];
      const merges = ["G1:G2", "I1:I2", "J1:K1", ...(polarityMerged ? ["H1:H2"] : [])];
      const found = findTables(
        grid(
          beside([none, leftHeader, ...leftRows], block),
          merges.flatMap((address) => areaOfAddress(address) ?? [])
        )
      );
      expect(found.tables.map((table) => table.address).sort()).toEqual(["A2:E4", "G1:K4"]);
      readBoth(found, ["2024/25 Q1", "2024/25 Q2"]);
    });

  // Tables side by side whose header rows are on different rows: each header row holds the other table's
  // figures, which no header row holds, so each side past the blank column is read on its own.
  const rightHeader: CellValue[] = ["Measure", "Polarity", "Target", "Q1", "Q2"];
  for (const [name, rows] of Object.entries({
    "lower on the right": beside(
      [leftHeader, ...leftRows, none],
      [none, rightHeader, ...rightRows]
    ),
    "higher on the right": beside(
      [none, leftHeader, ...leftRows],
      [rightHeader, ...rightRows, none]
    ),
  }))
    it(`reads two tables side by side whose header rows differ, the one ${name}`, () => {
      const found = findTables(grid(rows));
      expect(found.tables).toHaveLength(2);
      readBoth(found, ["Q1", "Q2"]);
    });

  it("keeps periods beyond a blank spacer column as the table's own", () => {
    const found = findTables(
      grid([
        ["Measure", "Polarity", "Target", null, "2022/23", "2023/24"],
        ["Visits", "Bigger is better", "90%", null, "95%", "80%"],
      ])
    );
    expect(statuses(found)).toEqual([[["Visits", "2022/23: Green", "2023/24: Red"]]]);
  });

  it("reads two tables side by side as two tables, each with its own thresholds", () => {
    const found = findTables(
      grid([
        [
          "Measure",
          "Polarity",
          "Target",
          "Tolerance",
          "2020/21",
          "2021/22",
          null,
          "Measure",
          "Polarity",
          "Target",
          "Tolerance",
          "2020/21",
          "2021/22",
        ],
        [
          "left1",
          "Bigger is better",
          "90%",
          "75%",
          "95%",
          "80%",
          null,
          "right1",
          "Smaller is better",
          "10%",
          "20%",
          "5%",
          "30%",
        ],
        [
          "left2",
          "Bigger is better",
          "90%",
          "75%",
          "70%",
          "91%",
          null,
          "right2",
          "Smaller is better",
          "10%",
          "20%",
          "15%",
          "8%",
        ],
      ])
    );
    expect(found.tables.map((table) => table.address)).toEqual(["A1:F3", "H1:M3"]);
    expect(statuses(found)).toEqual([
      [
        ["left1", "2020/21: Green", "2021/22: Amber"],
        ["left2", "2020/21: Red", "2021/22: Green"],
      ],
      [
        ["right1", "2020/21: Green", "2021/22: Red"],
        ["right2", "2020/21: Amber", "2021/22: Green"],
      ],
    ]);
  });

  it("opens a table at a header that calls the measure Indicator or KPI Description", () => {
    const found = findTables(
      grid([
        ["Indicator", "Polarity", "Target", "Tolerance", "Apr-21"],
        ["Re-referrals", "Smaller is better", "22%", "28%", "24%"],
        [null],
        ["KPI Description", "Polarity", "Target", "Tolerance", "Apr-21"],
        ["Agency staff", "Smaller is better", "8%", "12%", "6%"],
      ])
    );
    expect(statuses(found)).toEqual([
      [["Re-referrals", "Apr-21: Amber"]],
      [["Agency staff", "Apr-21: Green"]],
    ]);
  });
});

describe("rows under a table that are not KPIs", () => {
  it("passes over footnotes, even one with a figure beside it", () => {
    const found = findTables(
      grid([
        ["Measure", "Polarity", "Target", "Tolerance", "Q1", "Q2"],
        ["Re-referrals", "Smaller is better", "22%", "28%", "24%", "21%"],
        ["*Figures for Q2 are provisional", null, null, null, null, 0.5],
        ["Note: all data from the case management system", null, null, null, "x", null],
        ["Source: LCS", null, null, null, null, null],
      ])
    );
    expect(found.tables[0].rows.map((row) => row.measure)).toEqual(["Re-referrals"]);
  });
});
