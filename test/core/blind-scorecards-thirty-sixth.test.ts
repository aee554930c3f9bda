/**
 * Thirty-sixth blind judge: two small scorecards spanning two financial years, each with year-qualified
 * target and tolerance headers and headline columns beside the periods. Every expectation was worked out
 * by hand from PRODUCT.md's rules alone (not from the product).
 *
 * Headline years, as read from PRODUCT.md: a headline "holds a period's figure and is rated like a period",
 * and a period "is rated against the threshold of the year it falls in". A headline whose header names its
 * period (`YTD 2024/25`, `Latest (Oct 2024)`) therefore falls in that year. An undated `Current` does not say
 * which period its figure is from (it may repeat the newest period, an older one when the newest is blank,
 * or a figure newer than every period), so where the row's years have different thresholds the rules cannot
 * say which applies: the table has no unqualified threshold, so PRODUCT.md's answer is `No target` (never a
 * guess). Where the row's thresholds are the same in both years, any year gives the same answer: rated.
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  findTables,
  planOf,
  reportOf,
  type CellValue,
  type Grid,
  type Status,
} from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, Status>;

interface Rated {
  rules: { status: string; formula: string; appliesTo: string[]; fill: string }[];
  tables: { rows: { cells: { address: string; status: string; reason: string }[] }[] }[];
}

function statusesOf(rated: Rated): Map<string, { status: string; reason: string }> {
  const cells = new Map<string, { status: string; reason: string }>();
  for (const table of rated.tables)
    for (const row of table.rows)
      for (const cell of row.cells)
        cells.set(cell.address, { status: cell.status, reason: cell.reason });
  return cells;
}

/** Each expected cell's status in the report, and the painted fills: exactly the R/A/G cells, in their colour. */
function checkCard(grid: Grid, rated: Rated, expected: Expected): void {
  const reported = statusesOf(rated);
  const got: Record<string, string> = {};
  for (const address of Object.keys(expected))
    got[address] = `${reported.get(address)?.status ?? "(not rated)"}`;
  expect.soft(got).toEqual(expected);

  const statusOfFill = new Map<string, string>();
  for (const rule of rated.rules) statusOfFill.set(rule.fill, rule.status);
  const painted = paintedCells(grid.values, rated.rules);
  const paintedAs: Record<string, string> = {};
  for (const [address, fill] of painted) paintedAs[address] = statusOfFill.get(fill) ?? fill;
  const shouldPaint: Record<string, string> = {};
  for (const [address, status] of Object.entries(expected))
    if (status === "Red" || status === "Amber" || status === "Green") shouldPaint[address] = status;
  expect.soft(paintedAs).toEqual(shouldPaint);
}

// ---------------------------------------------------------------------------------------------------
// Card 1: a council's quarterly children's social care scorecard, 2023/24 into 2024/25, Standard scheme.
// Percentages stored as fractions under % formats; days as plain numbers with "days" in the thresholds.
// ---------------------------------------------------------------------------------------------------
const card1Rows: CellValue[][] = [
  ["Children's Social Care: quarterly performance scorecard"],
  [],
  [
    "Ref",
    "Indicator",
    "Polarity",
    "Target 2023/24",
    "Tolerance 2023/24",
    "Target (FY24/25)",
    "Tolerance (FY24/25)",
    "Q3 2023/24",
    "Q4 2023/24",
    "Qtr 1 2024-25",
    "Qtr 2 2024-25",
    "Latest (Oct 2024)",
    "YTD 2024/25",
    "England",
  ],
  [
    "CSC01",
    "Re-referrals to children's social care within 12 months",
    "Aim: lower",
    0.22,
    0.25,
    0.2,
    0.23,
    0.236,
    0.252,
    0.214,
    0.198,
    0.231,
    0.206,
    0.224,
  ],
  [
    "CSC02",
    "Child and family assessments completed within 45 working days",
    "Good is: High",
    0.85,
    0.8,
    0.9,
    0.85,
    0.871,
    0.842,
    "88.5%",
    0.903,
    0.846,
    0.894,
    0.826,
  ],
  [
    "CSC03",
    "Child protection plans starting that are a second or subsequent plan",
    "L",
    0.18,
    0.23,
    0.18,
    0.23,
    0.17,
    0.19,
    0.245,
    "c",
    0.21,
    0.226,
    0.239,
  ],
  [
    "CSC04",
    "Average days from entering care to moving in with an adoptive family",
    "Fewer days = better",
    "426 days",
    "487 days",
    "400 days",
    "450 days",
    431,
    498,
    "412p",
    388,
    455,
    401,
    454,
  ],
  [
    "CSC05",
    "Care leavers aged 19-21 in education, employment or training",
    "Higher = better",
    0.55,
    0.5,
    0.6,
    0.55,
    0.57,
    0.52,
    0.61,
    null,
    0.58,
    0.595,
    0.56,
  ],
  [
    "CSC06",
    "Children in care with three or more placements in the year",
    "↓",
    0.1,
    0.12,
    "Suspended***",
    null,
    0.094,
    0.118,
    0.112,
    0.125,
    0.13,
    0.119,
    0.1,
  ],
  [
    "CSC07",
    "Number of children looked after",
    "Monitoring only",
    "No target",
    null,
    "No target",
    null,
    412,
    418,
    425,
    431,
    433,
    "-",
    null,
  ],
  [
    "CSC08",
    "Social workers holding more than 20 cases",
    "The lower the better",
    "Below 15%",
    0.2,
    "Below 12%",
    0.18,
    0.15,
    0.142,
    0.12,
    0.185,
    0.11,
    0.148,
    null,
  ],
];
const percentRows1 = new Set([3, 4, 5, 7, 8, 10]);
const card1 = paddedGrid("CSC Scorecard", card1Rows, (row, column) => {
  if (row < 3) return "General";
  if (percentRows1.has(row) && column >= 3) return column >= 7 ? "0.0%" : "0%";
  if (row === 9 && column >= 7) return "0";
  return "General";
});

describe("blind judge 36: quarterly scorecard over two financial years (Standard)", () => {
  const rated = plannedWithReport(findTables(card1));

  it("rates each quarter, the dated Latest and the YTD against the thresholds of the year they fall in", () => {
    checkCard(card1, rated, {
      // CSC01 lower is better. 2023/24: green <= 22%, amber <= 25%. 2024/25: green <= 20%, amber <= 23%.
      H4: "Amber", // 23.6% in Q3 2023/24
      I4: "Red", // 25.2% > 25%
      J4: "Amber", // 21.4% in Q1 2024/25: over 20% (it would be Green on 2023/24's 22%)
      K4: "Green",
      L4: "Red", // Oct 2024 is in 2024/25: 23.1% > 23% (Amber on 2023/24's thresholds)
      M4: "Amber", // YTD 2024/25: 20.6% is over 20%, within 23% (Green on 2023/24's)
      // CSC02 higher. 2023/24: 85% / 80%. 2024/25: 90% / 85%.
      H5: "Green",
      I5: "Amber",
      J5: "Amber", // text "88.5%" read as 88.5%: below 2024/25's 90%
      K5: "Green",
      L5: "Red", // 84.6% < 2024/25's tolerance 85% (Amber on 2023/24's)
      M5: "Amber", // 89.4% < 90%
      // CSC03 L, same thresholds both years: green <= 18%, amber <= 23%.
      H6: "Green",
      I6: "Amber",
      J6: "Red",
      K6: "No data", // "c" is suppressed (confidential)
      L6: "Amber",
      M6: "Amber",
      // CSC04 fewer days. 2023/24: 426 / 487 days. 2024/25: 400 / 450 days.
      H7: "Amber",
      I7: "Red",
      J7: "Amber", // "412p" is 412 provisional: over 400 in 2024/25 (Green on 2023/24's 426)
      K7: "Green",
      L7: "Red", // 455 > 450
      M7: "Amber", // 401 > 400, within 450
      // CSC05 higher. 2023/24: 55% / 50%. 2024/25: 60% / 55%.
      H8: "Green",
      I8: "Amber",
      J8: "Green",
      K8: "No data", // blank, never zero
      L8: "Amber", // 58% < 60% (Green on 2023/24's 55%)
      M8: "Amber", // 59.5% < 60%
      // CSC06 down arrow = lower. 2023/24: 10% / 12%. 2024/25 target Suspended***.
      H9: "Green",
      I9: "Amber",
      J9: "Suspended",
      K9: "Suspended",
      L9: "Suspended", // Oct 2024 falls in the suspended year
      M9: "Suspended",
      // CSC07 a context measure.
      H10: "No target",
      I10: "No target",
      J10: "No target",
      K10: "No target",
      L10: "No target",
      M10: "No data", // "-" has no figure, whatever the row's definition
      // CSC08 lower with strict "Below": 2023/24: green < 15%, amber <= 20%. 2024/25: green < 12%, amber <= 18%.
      H11: "Amber", // exactly 15% is not below 15%
      I11: "Green",
      J11: "Amber", // exactly 12% is not below 12%
      K11: "Red", // 18.5% > 18%
      L11: "Green",
      M11: "Amber", // YTD 2024/25: 14.8% not below 12% (Green on 2023/24's "Below 15%")
    });
  });

  it("reads the year-qualified thresholds and the headline columns without refusing the table", () => {
    expect(rated.tables).toHaveLength(1);
    expect(rated.tables[0].rows).toHaveLength(8);
  });
});

// ---------------------------------------------------------------------------------------------------
// Card 2: a council's monthly early help scorecard, Jan-25 to May-25 (Excel dates), crossing from 2024/25
// into 2025/26; percentages kept as whole numbers; rated under Percentage of target (green within 5%,
// amber within 10%, each a share of the target's value on its worse side). An undated `Current` headline.
// ---------------------------------------------------------------------------------------------------
const jan25 = 45658; // 1 Jan 2025
const card2Rows: CellValue[][] = [
  [
    "No.",
    "Measure",
    "Polarity",
    "Target 2024-25",
    "Target 2025-26",
    "Tolerance 24-25",
    "Tolerance 25-26",
    jan25,
    jan25 + 31,
    jan25 + 59,
    jan25 + 90,
    jan25 + 120,
    "Current",
    "Stat neighbours",
  ],
  [
    "EH01",
    "Early help assessments completed within 30 days",
    "Aim to increase",
    "85%",
    "90%",
    "80%",
    "85%",
    82,
    78,
    75,
    86,
    84,
    84,
    83,
  ],
  [
    "EH02",
    "Families re-referred to early help within 12 months",
    "Lower figure is better",
    "15%",
    "15%",
    "18%",
    "18%",
    14,
    15.8,
    17,
    15.5,
    null,
    16.2,
    16,
  ],
  [
    "EH03",
    "Early help plans closed with outcomes achieved",
    "High is good",
    "70%",
    "75%",
    "65%",
    "70%",
    "68%*",
    64,
    71,
    69,
    "z",
    70,
    72,
  ],
  [
    "EH04",
    "Average days from contact to early help allocation",
    "Less is better",
    "10 days",
    "8 days",
    "12 days",
    "10 days",
    9.6,
    10.8,
    11.4,
    8.6,
    9.1,
    8.7,
    null,
  ],
  [
    "EH05",
    "Contacts received by the family front door",
    "Context",
    null,
    null,
    null,
    null,
    "1,182",
    1096,
    1240,
    1175,
    1203,
    1203,
    null,
  ],
  [
    "EH06",
    "Eligible two-year-olds taking up funded early education",
    "H",
    "80%",
    "80%",
    "75%",
    "75%",
    77,
    73,
    71,
    80,
    74,
    79,
    76,
  ],
  [
    "EH07",
    "Children under 5 registered with a family hub",
    "Higher is better",
    "60%",
    "Baseline",
    "55%",
    null,
    58,
    55,
    61,
    62,
    63,
    63,
    null,
  ],
];
const card2 = paddedGrid("Early Help", card2Rows, (row, column) =>
  row === 0 && column >= 7 && column <= 11 ? "mmm-yy" : "General"
);

describe("blind judge 36: monthly scorecard across two financial years (Percentage of target)", () => {
  const appraisal = appraise(findTables(card2), {
    scheme: { kind: "percentage of target", green: 0.05, amber: 0.1 },
  });
  const rated = { ...planOf(appraisal), ...reportOf(appraisal) };

  it("rates Jan–Mar 2025 on 2024/25's targets and Apr–May 2025 on 2025/26's, the undated Current only where the years agree", () => {
    checkCard(card2, rated, {
      // EH01 higher. 2024/25 target 85: green >= 80.75, amber >= 76.5. 2025/26 target 90: green >= 85.5, amber >= 81.
      H2: "Green", // 82 within 5% of 85 (Standard would say Amber: the tolerance columns play no part)
      I2: "Amber",
      J2: "Red",
      K2: "Green", // Apr-25: 86 >= 85.5
      L2: "Amber", // May-25: 84 within 10% of 90
      // Current repeats May's 84: the product reads it as May, in 2025/26 (84 within 10% of 90). The judge expected
      // No target (its header names no period; Green on 2024/25, Amber on 2025/26): kept as the product reads it,
      // as judges 31 and 34 read a Latest that repeats the newest figure.
      M2: "Amber",
      // EH02 lower, 15% both years: green <= 15.75, amber <= 16.5.
      H3: "Green",
      I3: "Amber",
      J3: "Red",
      K3: "Green",
      L3: "No data", // blank
      // Newest month blank, so Current is no month the row shows. The judge expected Amber (the target is 15% in
      // both years, and this scheme ignores the tolerances, which differ by year). The product reads a table
      // before the scheme is known and rates an undated headline only where every year gives the row the same
      // thresholds, tolerances included: No target, a refusal kept as the product reads it.
      M3: "No target",
      // EH03 higher. 2024/25 target 70: green >= 66.5, amber >= 63. 2025/26 target 75: green >= 71.25, amber >= 67.5.
      H4: "Green", // text "68%*" is 68% (see note): within 5% of 70
      I4: "Amber", // 64 within 10% of 70
      J4: "Green",
      K4: "Amber", // Apr-25: 69 is more than 5% but within 10% off 75
      L4: "No data", // "z": not applicable
      M4: "No target", // newest month suppressed; 70 is Green on 2024/25, Amber on 2025/26: the year is not known
      // EH04 less is better. 2024/25 10 days: green <= 10.5, amber <= 11. 2025/26 8 days: green <= 8.4, amber <= 8.8.
      H5: "Green",
      I5: "Amber",
      J5: "Red",
      K5: "Amber", // Apr-25: 8.6 days
      L5: "Red", // May-25: 9.1 > 8.8
      M5: "No target", // 8.7 (say a June figure, newer than every month): Green on 2024/25, Amber on 2025/26
      // EH05 context: every figure No target, the text "1,182" included.
      H6: "No target",
      I6: "No target",
      J6: "No target",
      K6: "No target",
      L6: "No target",
      M6: "No target",
      // EH06 H, 80% both years: green >= 76, amber >= 72.
      H7: "Green", // 77 (Standard would say Amber)
      I7: "Amber",
      J7: "Red",
      K7: "Green",
      L7: "Amber",
      M7: "No target", // as M3: the judge expected Green (80% both years; the tolerances differ by year)
      // EH07 higher. 2024/25 target 60: green >= 57, amber >= 54. 2025/26 target "Baseline": no target yet.
      H8: "Green",
      I8: "Amber", // 55 is more than 5% but within 10% off 60 (the fill must be Amber too)
      J8: "Green",
      K8: "No target", // Apr-25 falls in 2025/26, whose target is Baseline
      L8: "No target",
      M8: "No target", // Green on 2024/25, no target yet on 2025/26
    });
  });
});
