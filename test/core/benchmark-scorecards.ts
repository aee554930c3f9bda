/**
 * Example scorecards with benchmark columns, as other councils keep them (measures and figures invented):
 * England, SN and a named region under a merged "Latest benchmarks (2021/22)"; a year in a header
 * ("England 2021/22"); a rank column; whole-number percentages; suppressed figures; targets written against a benchmark,
 * with and without that benchmark on the sheet. The pane, browser and command tests use them too.
 */
import type { CellValue, Grid, GridArea } from "../../src/core";

function grid(
  sheet: string,
  values: CellValue[][],
  merges: GridArea[] = [],
  numberFormat: (value: CellValue) => string = () => "General"
): Grid {
  return {
    sheet,
    origin: { row: 0, column: 0 },
    values,
    numberFormats: values.map((row) => row.map(numberFormat)),
    merges,
  };
}

/** Figures written as text with %, benchmarks under a merged parent naming their year. */
export const latestBenchmarks = grid(
  "Children in care",
  [
    [
      "Ref",
      "Indicator Description",
      "Polarity",
      "Target",
      "Floor",
      "2021/22",
      "2022/23",
      "DoT",
      "Latest benchmarks (2021/22)",
      null,
      null,
      "SN rank",
    ],
    [null, null, null, null, null, null, null, null, "England", "SN", "North East", null],
    [
      "CIC-1",
      "Care leavers in education, employment or training",
      "Bigger is better",
      "60%",
      "50%",
      "58%",
      "49%",
      "↓",
      "55%",
      "52%",
      "c",
      "3rd of 11",
    ],
    [
      "CIC-2",
      "Children in care with an up-to-date health assessment",
      "Bigger is better",
      "90%",
      "80%",
      "86%",
      "93%",
      "↑",
      "89%",
      "88%",
      "90%",
      null,
    ],
    [
      "CIC-3",
      "Re-referrals within 12 months",
      "Smaller is better",
      "22%",
      "25%",
      "21.6%",
      "24.1%",
      "↓",
      "21.6%",
      "23.0%",
      "22%",
      "5th of 11",
    ],
  ],
  [{ top: 0, left: 8, bottom: 0, right: 10 }]
);

/** Whole-number percentages, a year in the England header, benchmark targets, suppressed and blank benchmarks. */
export const wholeNumbers = grid("Scorecard", [
  [
    "Measure",
    "Polarity",
    "Target",
    "Tolerance",
    "2020/21",
    "2021/22",
    "2022/23",
    "England 2021/22",
    "Stat. neighbours",
    "Region",
  ],
  [
    "% of children in care with 3 or more placements in the year",
    "Smaller is better",
    10,
    13,
    11,
    12,
    9,
    10,
    11,
    "x",
  ],
  [
    "% of care leavers in education, employment or training",
    "Bigger is better",
    "Above Stat Neighbour Average",
    "within 2 points",
    52,
    55,
    53,
    55.4,
    54.2,
    53,
  ],
  [
    "Average time in days between entering care and moving in with an adoptive family",
    "Smaller is better",
    426,
    480,
    501,
    486,
    495,
    448,
    430,
    null,
  ],
  [
    "Children in need per 10,000 children",
    null,
    null,
    null,
    310.2,
    321.5,
    330.1,
    334.3,
    318.2,
    340,
  ],
]);

/** A target written against England on a sheet with no England column. */
export const noEnglandColumn = grid(
  "Early help",
  [
    ["Measure", "Polarity", "Target", "Tolerance", "Q1", "Q2"],
    [
      "% of early help assessments completed within 45 days",
      "Bigger is better",
      "Above national average",
      "within 3 points",
      0.81,
      0.84,
    ],
  ],
  [],
  (value) => (typeof value === "number" && value < 1 ? "0%" : "General")
);
