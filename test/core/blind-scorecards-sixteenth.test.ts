/**
 * Sixteenth blind judge: two small scorecards laid out as a council analyst would, each status worked out by
 * hand from PRODUCT.md alone, then checked against the report and against the colours Excel would paint.
 */
import { describe, expect, it } from "vitest";
import { type CellValue, findTables, type Grid } from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, string>;

function rated(grid: Grid) {
  const plan = plannedWithReport(findTables(grid));
  const statuses: Record<string, string> = {};
  for (const table of plan.tables)
    for (const row of table.rows)
      for (const cell of row.cells) statuses[cell.address] = cell.status;
  const fillToStatus = new Map(plan.rules.map((rule) => [rule.fill, rule.status]));
  const painted: Record<string, string> = {};
  for (const [address, fill] of paintedCells(grid.values, plan.rules))
    painted[address] = fillToStatus.get(fill) ?? `unknown fill ${fill}`;
  return { plan, statuses, painted };
}

/** Only the cells I expect a status for: a missing one shows as undefined (a refusal). */
function statusesOf(
  actual: Record<string, string>,
  expected: Expected
): Record<string, string | undefined> {
  return Object.fromEntries(Object.keys(expected).map((address) => [address, actual[address]]));
}

function ragOnly(expected: Expected): Expected {
  return Object.fromEntries(
    Object.entries(expected).filter(([, status]) => ["Red", "Amber", "Green"].includes(status))
  );
}

// ---------------------------------------------------------------------------------------------------------
// Card 1: title row, source note, a left table with a Notes column, a blank column, and a right table whose
// header row sits one row below the left one's (on the left table's first KPI row).
// ---------------------------------------------------------------------------------------------------------
const earlyHelpRows: CellValue[][] = [
  ["Early Help and Family Support – quarterly scorecard 2024/25"],
  ["Source: EHM case system extract, refreshed 5 May 2025; Q4 figures are provisional"],
  [],
  [
    "Ref",
    "Indicator",
    "Polarity",
    "Target 2024/25",
    "Tolerance",
    "Q1 24/25",
    "Q2 24/25",
    "Q3 24/25",
    "Q4 24/25",
    "Notes",
  ],
  [
    "EH01",
    "Early Help assessments completed within 45 days",
    "Good is: High",
    0.85,
    0.75,
    0.88,
    0.85,
    0.79,
    0.74,
    "Q4 provisional",
    null,
    "Measure",
    "Polarity",
    "Target (%)",
    "Amber threshold",
    45658,
    45689,
    45717,
    45748,
  ],
  [
    "EH02",
    "Re-referrals to Early Help within 12 months",
    "Aim: lower",
    0.12,
    0.15,
    0.1,
    0.12,
    0.15,
    0.151,
    null,
    null,
    "Contacts decided within 1 working day",
    "Higher = better",
    90,
    85,
    92,
    90,
    86.5,
    84,
  ],
  [
    "EH03",
    "Average days from request for support to allocation",
    "Lower figure is better",
    "20 days",
    "25 days",
    18,
    "22.5 days",
    null,
    26,
    "Q3 not extracted (system migration)",
    null,
    "Repeat contacts within 12 months",
    "L",
    20,
    23,
    19,
    20,
    23,
    23.4,
  ],
  [
    "EH04",
    "Cases stepped down from children's social care",
    "Measure for information",
    "No target",
    null,
    41,
    38,
    45,
    50,
    null,
    null,
    "Strategy discussions held within 1 working day",
    "Aim to increase",
    95,
    "5 points",
    96,
    93,
    "91%*",
    89,
  ],
  [
    "EH05",
    "Family hubs: new families registered",
    "↑",
    150,
    null,
    150,
    148,
    "160p",
    "Not Available",
    null,
    null,
    "Re-referrals to children's social care",
    "Smaller is better",
    "Less than 22%",
    25,
    21.9,
    22,
    25,
    26,
  ],
  [
    "EH06",
    "Children seen within 10 working days of allocation",
    "Higher is better",
    "Suspended***",
    null,
    0.9,
    0.8,
    0.7,
    0.6,
    "Suspended while case system changes",
    null,
    "Assessments completed within 45 days",
    "Good performance: higher",
    90,
    80,
    "c",
    "-",
    88,
    91,
  ],
  [
    "EH07",
    "Family plans closed with needs met",
    "Good is: High",
    0.7,
    0.75,
    0.72,
    0.68,
    null,
    0.71,
    null,
    null,
    "Assessments authorised by team manager",
    "Monitoring only",
    null,
    null,
    70,
    72,
    75,
    78,
  ],
];

function earlyHelpFormat(r: number, c: number): string {
  if (c >= 11) {
    if (r === 4 && c >= 15) return "mmm-yy"; // the right table's months are Excel dates (1st of each month)
    if ([5, 6, 8].includes(r) && c >= 13) return "0.0";
    return "General";
  }
  if (c >= 3 && c <= 8) {
    if ([4, 9, 10].includes(r)) return "0%";
    if (r === 5) return "0.0%";
    if (r === 6) return "0";
  }
  return "General";
}

const earlyHelpExpected: Expected = {
  // EH01 "Good is: High", 85% / 75% under "Target 2024/25" (a year qualifier; every Q.. 24/25 falls in it).
  F5: "Green",
  G5: "Green", // 85% is at target: inclusive towards the better side
  H5: "Amber",
  I5: "Red", // 79% >= 75% tolerance; 74% below it
  // EH02 "Aim: lower" 12% / 15%.
  F6: "Green",
  G6: "Green",
  H6: "Amber", // 15% exactly at the tolerance is still Amber (inclusive)
  I6: "Red", // 15.1% beyond the tolerance
  // EH03 "Lower figure is better", "20 days" / "25 days".
  F7: "Green",
  G7: "Amber", // text "22.5 days" is the figure 22.5: between 20 and 25
  H7: "No data", // blank is never a zero
  I7: "Red",
  // EH04 "Measure for information", "No target": a context measure.
  F8: "No target",
  G8: "No target",
  H8: "No target",
  I8: "No target",
  // EH05 arrow ↑ under the Polarity heading = higher is better; target 150, no tolerance: two bands.
  F9: "Green", // 150 at target
  G9: "Red", // 148 below target, no tolerance so no Amber
  H9: "Green", // "160p" provisional 160
  I9: "No data", // "Not Available"
  // EH06 "Suspended***".
  F10: "Suspended",
  G10: "Suspended",
  H10: "Suspended",
  I10: "Suspended",
  // EH07 higher is better but tolerance 75% above target 70%: the definition contradicts itself.
  F11: "Check definition",
  G11: "Check definition",
  H11: "No data", // a cell with no figure is No data whatever its row's definition
  I11: "Check definition",
  // Right table (header on row 5, months as Excel dates Jan–Apr 2025; percentages as whole numbers, "Target (%)").
  // "Higher = better" 90 / 85.
  P6: "Green",
  Q6: "Green",
  R6: "Amber",
  S6: "Red",
  // "L" under Polarity = lower is better; 20 / 23.
  P7: "Green",
  Q7: "Green",
  R7: "Amber", // 23 at the amber boundary, inclusive
  S7: "Red",
  // "Aim to increase" 95, "5 points" = absolute margin: Amber from 90.
  P8: "Green",
  Q8: "Amber", // 93
  R8: "Amber", // "91%*" = 91 with the see-note flag
  S8: "Red", // 89
  // "Smaller is better", "Less than 22%" is strict, tolerance 25.
  P9: "Green", // 21.9 < 22
  Q9: "Amber", // 22 has not met "less than 22"; within 25
  R9: "Amber",
  S9: "Red",
  // "Good performance: higher" 90 / 80.
  P10: "No data", // "c" confidential (suppressed)
  Q10: "No data", // "-"
  R10: "Amber",
  S10: "Green",
  // "Monitoring only", no target.
  P11: "No target",
  Q11: "No target",
  R11: "No target",
  S11: "No target",
};

// ---------------------------------------------------------------------------------------------------------
// Card 2: a table with a target and no tolerance column, numerator / denominator columns and comparators,
// then two blank rows and a second table with periods first and target, tolerance (pp), polarity after.
// ---------------------------------------------------------------------------------------------------------
const childrenInCareRows: CellValue[][] = [
  ["Children in care and care leavers – annual indicators"],
  [],
  [
    "No.",
    "Measure",
    "Polarity",
    "Numerator",
    "Denominator",
    "2021/22",
    "2022-23",
    "FY23/24",
    "2024-25",
    "Target",
    "England 2023/24",
    "Stat neighbours 2023/24",
  ],
  [
    1,
    "Children in care with three or more placements in the year",
    "Smaller is better",
    38,
    412,
    0.102,
    0.095,
    0.089,
    0.092,
    0.09,
    0.1,
    0.09,
  ],
  [
    2,
    "Care leavers aged 19-21 in suitable accommodation",
    "Bigger is better",
    180,
    205,
    0.86,
    0.88,
    0.87,
    0.878,
    0.88,
    0.88,
    0.89,
  ],
  [
    3,
    "Children in care with an up-to-date health assessment",
    "High is good",
    371,
    402,
    0.91,
    0.93,
    0.95,
    0.923,
    "At least 92%",
    0.89,
    0.9,
  ],
  [
    4,
    "Average days between entering care and moving in with adoptive family",
    "Lower is better",
    null,
    null,
    402,
    385,
    "367 r",
    null,
    "426 days",
    367,
    390,
  ],
  [
    5,
    "Care leavers in education, employment or training (19-21)",
    "Higher is better",
    118,
    205,
    0.52,
    0.55,
    0.575,
    0.576,
    "TBC",
    0.56,
    0.55,
  ],
  [
    6,
    "Children in care placed more than 20 miles from home",
    "Aim: reduce",
    61,
    412,
    0.16,
    0.15,
    0.14,
    0.148,
    "< 15%",
    0.17,
    0.16,
  ],
  [],
  [],
  [
    "Code",
    "Indicator",
    "Qtr 1",
    "Qtr 2",
    "Qtr 3",
    "Qtr 4",
    "Target",
    "Tolerance (pp)",
    "Polarity",
    "Commentary",
  ],
  [
    "CIC-01",
    "Reviews held within timescale",
    96,
    94,
    89.5,
    98,
    "95%",
    5,
    "Good is: High",
    "Q3 dip: two IROs on leave",
  ],
  [
    "CIC-02",
    "Initial health assessments within 20 working days",
    62,
    71,
    55,
    80,
    "75%",
    10,
    "H",
    null,
  ],
  [
    "CIC-03",
    "Children in care missing from placement in the quarter",
    7.5,
    9,
    10,
    10.5,
    "8%",
    2,
    "L",
    null,
  ],
  [
    "CIC-04",
    "Pathway plans up to date",
    91,
    "88.0%",
    "n/a",
    86,
    "90%",
    3,
    "Outstanding is better",
    "Q3 audit not returned",
  ],
  [
    "CIC-05",
    "Care leavers the council is in touch with",
    90,
    92,
    93,
    94,
    "Not set",
    null,
    "Higher is better",
    null,
  ],
  [
    "CIC-06",
    "Placement stability: in the same placement 2+ years",
    68,
    70,
    71,
    69,
    "70%",
    5,
    "Steady good",
    null,
  ],
];

function childrenInCareFormat(r: number, c: number): string {
  if (r >= 3 && r <= 8) {
    if (c === 3 || c === 4) return "0";
    if (c >= 5 && c <= 11) return r === 6 ? "0" : "0.0%";
  }
  if (r >= 12) {
    if (c >= 2 && c <= 5) return "0.0";
    if (c === 7) return "0";
  }
  return "General";
}

const childrenInCareExpected: Expected = {
  // 1: "Smaller is better", target 9%, no tolerance column: Green at or below 9%, else Red.
  F4: "Red",
  G4: "Red",
  H4: "Green",
  I4: "Red",
  // 2: "Bigger is better", target 88%: 87.8% misses it, no Amber band.
  F5: "Red",
  G5: "Green",
  H5: "Red",
  I5: "Red",
  // 3: "High is good", "At least 92%" (inclusive).
  F6: "Red",
  G6: "Green",
  H6: "Green",
  I6: "Green", // 92.3%
  // 4: days, "Lower is better", "426 days"; "367 r" is revised 367; blank is No data.
  F7: "Green",
  G7: "Green",
  H7: "Green",
  I7: "No data",
  // 5: target "TBC" = no target.
  F8: "No target",
  G8: "No target",
  H8: "No target",
  I8: "No target",
  // 6: "Aim: reduce", "< 15%" strict: 15% itself has not met it.
  F9: "Red",
  G9: "Red",
  H9: "Green",
  I9: "Green",
  // Lower table: percentages as whole numbers, target "95%", "Tolerance (pp)" = absolute margin on the worse side.
  // CIC-01 higher, 95 ± 5pp: Amber from 90.
  C13: "Green",
  D13: "Amber",
  E13: "Red",
  F13: "Green",
  // CIC-02 "H", 75 ± 10pp: Amber from 65.
  C14: "Red",
  D14: "Amber",
  E14: "Red",
  F14: "Green",
  // CIC-03 "L", 8 + 2pp: Amber up to 10 inclusive.
  C15: "Green",
  D15: "Amber",
  E15: "Amber",
  F15: "Red",
  // CIC-04 "Outstanding is better", 90 - 3pp = 87.
  C16: "Green",
  D16: "Amber", // text "88.0%" = 88
  E16: "No data", // "n/a"
  F16: "Red", // 86
  // CIC-05 "Not set" = no target.
  C17: "No target",
  D17: "No target",
  E17: "No target",
  F17: "No target",
  // CIC-06 "Steady good" names no direction and no range: unknown, never a guess.
  C18: "Check definition",
  D18: "Check definition",
  E18: "Check definition",
  F18: "Check definition",
};

describe("sixteenth blind scorecards", () => {
  const earlyHelp = paddedGrid("Early Help", earlyHelpRows, earlyHelpFormat);
  const childrenInCare = paddedGrid("Children in Care", childrenInCareRows, childrenInCareFormat);

  it("rates both side-by-side Early Help tables, header rows a row apart, past the title, note and Notes column", () => {
    const { statuses } = rated(earlyHelp);
    expect(statusesOf(statuses, earlyHelpExpected)).toEqual(earlyHelpExpected);
  });

  it("paints exactly the Red, Amber and Green period cells of the Early Help card, and nothing else", () => {
    const { painted } = rated(earlyHelp);
    expect(painted).toEqual(ragOnly(earlyHelpExpected));
  });

  it("rates a target-only table beside counts and comparators, and the differently laid-out table stacked below", () => {
    const { statuses } = rated(childrenInCare);
    expect(statusesOf(statuses, childrenInCareExpected)).toEqual(childrenInCareExpected);
  });

  it("paints exactly the Red, Amber and Green period cells of the children-in-care card, and nothing else", () => {
    const { painted } = rated(childrenInCare);
    expect(painted).toEqual(ragOnly(childrenInCareExpected));
  });

  it("rates no cell beyond the period cells worked out by hand", () => {
    for (const [grid, expected] of [
      [earlyHelp, earlyHelpExpected],
      [childrenInCare, childrenInCareExpected],
    ] as const) {
      const { statuses } = rated(grid);
      expect(Object.keys(statuses).filter((address) => !(address in expected))).toEqual([]);
    }
  });
});
