/**
 * Thirty-third blind judge: two small scorecards worked by hand from PRODUCT.md alone.
 *
 * Card 1 ("Safeguarding"): one sheet holding two KPI tables stacked one above the other, each under a
 * section heading, a blank row between, each with its own header row and its own period spellings
 * (months as Excel dates across a financial-year boundary; then "FY 2021-22" years and a "Q1 24/25"
 * quarter). Year-qualified targets ("2023-24 Target", "Target (2024/25)"), a unit-qualified tolerance
 * ("Tolerance (% points)"), an alternative set ("Winter pressures tolerance"), fractions and whole-number
 * percentages, text figures with flags, suppression, a suspended year and a benchmark target.
 *
 * Card 2 ("Leaving Care"): numerator and denominator counts with no polarity or target beside the rates
 * they make, a notes column whose text holds figures, a year-qualified target whose earliest quarter
 * falls in a year with none, rated under the Amber-by-direction council scheme.
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  findTables,
  planOf,
  reportOf,
  standardSet,
  type CellValue,
  type Grid,
  type Scheme,
  type Status,
  type TableReport,
} from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, Status>;

function statusesOf(tables: readonly TableReport[]): Map<string, Status> {
  const byAddress = new Map<string, Status>();
  for (const table of tables)
    for (const row of table.rows)
      for (const cell of row.cells) byAddress.set(cell.address, cell.status);
  return byAddress;
}

function reasonAt(tables: readonly TableReport[], address: string): string {
  for (const table of tables)
    for (const row of table.rows)
      for (const cell of row.cells) if (cell.address === address) return cell.reason;
  return "(no such cell in the report)";
}

/** Every expected period cell has its status; painted cells are exactly the R/A/G/Blue ones, in their colour. */
function checkCard(grid: Grid, rated: PlanWithReport, expected: Expected): void {
  const reported = statusesOf(rated.tables);
  const got: Record<string, string> = {};
  for (const address of Object.keys(expected))
    got[address] = `${reported.get(address) ?? "(not reported)"}`;
  const want: Record<string, string> = { ...expected };
  expect(got).toEqual(want);

  const statusOfFill = new Map(rated.rules.map((rule) => [rule.fill, rule.status]));
  const painted = paintedCells(grid.values, rated.rules);
  const paintedAs: Record<string, string> = {};
  for (const [address, fill] of painted)
    paintedAs[address] = statusOfFill.get(fill) ?? `fill ${fill}`;
  const shouldPaint: Record<string, string> = {};
  for (const [address, status] of Object.entries(expected))
    if (status === "Green" || status === "Amber" || status === "Red" || status === "Blue")
      shouldPaint[address] = status;
  // Nothing else is painted: headings, ids, thresholds, comparators, DoT, notes and count rows stay bare.
  expect(paintedAs).toEqual(shouldPaint);
}

// ---------------------------------------------------------------------------------------------------
// Card 1: two tables stacked on one sheet.
// ---------------------------------------------------------------------------------------------------
const jan24 = 45292; // 1 Jan 2024 as an Excel serial date
const feb24 = 45323;
const mar24 = 45352;
const apr24 = 45383;
const may24 = 45413;

const safeguardingRows: CellValue[][] = [
  ["Early Help and Front Door"],
  [
    "Ref",
    "Indicator",
    "Polarity",
    "2023-24 Target",
    "Target (2024/25)",
    "Tolerance (% points)",
    "Winter pressures tolerance",
    jan24,
    feb24,
    mar24,
    apr24,
    may24,
    "Comments",
  ],
  [
    "EH-01",
    "% of Early Help assessments completed within 45 days",
    "Higher = good",
    0.8,
    0.85,
    5,
    "-",
    0.812,
    0.776,
    0.74,
    0.84,
    0.86,
    "April target rises to 85% (2 new workers)",
  ],
  [
    "EH-02",
    "Re-referrals to Early Help within 12 months",
    "Aim to minimise",
    0.15,
    0.12,
    3,
    "20%",
    0.15,
    0.172,
    0.19,
    0.13,
    "c",
    "May suppressed: fewer than 5 families",
  ],
  [
    "EH-03",
    "Contacts progressing to referral",
    "Higher is better",
    "Not set",
    "Not set",
    null,
    null,
    0.21,
    0.23,
    "N/A",
    0.22,
    0.24,
    null,
  ],
  [
    "EH-04",
    "% of Early Help plans reviewed within 3 months",
    "↑",
    0.9,
    null,
    4,
    "-",
    0.91,
    0.865,
    0.85,
    0.88,
    null,
    "2024/25 target awaiting board sign-off",
  ],
  [
    "EH-05",
    "Early Help cases closed with outcomes achieved",
    "Bigger is better",
    "Suspended**",
    0.7,
    5,
    "-",
    0.62,
    0.6,
    null,
    0.66,
    0.71,
    "** new outcomes framework from April",
  ],
  [
    "EH-06",
    "Referrals with a decision within 1 working day",
    "More is better",
    0.95,
    0.95,
    5,
    "Suspend",
    "93.5%",
    0.96,
    "89.9%*",
    0.95,
    "Data to be supplied",
    "* system outage 4-8 March",
  ],
  [],
  ["Children in Care and Care Leavers"],
  [
    "No.",
    "Measure",
    "Polarity",
    "Target",
    "Amber threshold",
    "FY 2021-22",
    "FY 2022-23",
    "FY 2023-24",
    "Q1 24/25",
    "England",
    "DoT",
    "Commentary",
  ],
  [
    1,
    "Children in care with 3 or more placement moves in the year (%)",
    "L",
    "10%",
    "12%",
    11,
    9,
    13,
    10,
    10,
    "↑",
    "13 of 100 children moved 3+ times in 2023-24",
  ],
  [
    2,
    "Average days between entering care and moving in with an adoptive family",
    "Down is good",
    "426 days",
    "480 days",
    455,
    "398 days",
    512,
    "-",
    486,
    "↓",
    "Two sibling groups of 3 placed late",
  ],
  [
    3,
    "Care leavers aged 19-21 in suitable accommodation (%)",
    "Increase is good",
    "Above England",
    null,
    90,
    88,
    86,
    "91p",
    88,
    "↑",
    "Q1 provisional",
  ],
  [
    4,
    "Children in care with an up-to-date health assessment (%)",
    "H",
    "90%",
    "85%",
    92,
    87,
    84,
    "c",
    89,
    "↓",
    null,
  ],
  [
    5,
    "Average caseload per children in care social worker",
    "In range is better",
    "15 to 18",
    "±10%",
    17,
    19.5,
    20,
    13,
    null,
    "↓",
    "Q1 low: 6 newly qualified workers on 13",
  ],
  [
    6,
    "Care leavers aged 19-21 in education, employment or training (%)",
    "Aim high",
    "At least 60%",
    "55%",
    58,
    61,
    60,
    "N/A",
    55,
    "↔",
    null,
  ],
];

function safeguardingFormat(row: number, column: number): string {
  if (row === 1 && column >= 7 && column <= 11) return "mmm-yy";
  if (row >= 2 && row <= 7) {
    if (column >= 7 && column <= 11) return "0.0%";
    if (column === 3 || column === 4) return "0%";
  }
  return "General";
}

const safeguardingGrid = paddedGrid("Safeguarding", safeguardingRows, safeguardingFormat);

/** Table 1 under the standard set. */
const earlyHelpStandard: Expected = {
  // EH-01 Higher = good; Jan-Mar 24 fall in 2023/24 (target 80%), Apr-May in 2024/25 (85%);
  // "Tolerance (% points)" 5 is a 5pp margin: floors 75% and 80%.
  H3: "Green", // 81.2% >= 80%
  I3: "Amber", // 77.6% in [75%, 80%)
  J3: "Red", // 74% < 75%
  K3: "Amber", // 84% vs 2024/25 target 85%, floor 80%
  L3: "Green", // 86% >= 85%
  // EH-02 "Aim to minimise" (minimise + aim): lower is better; 15% / 12%, 3pp: ceilings 18% / 15%.
  H4: "Green", // 15% at target, inclusive towards better
  I4: "Amber", // 17.2% <= 18%
  J4: "Red", // 19% > 18%
  K4: "Amber", // 13% vs 12% target, <= 15%
  L4: "No data", // "c" suppression symbol
  // EH-03 targets "Not set" in both years: no target.
  H5: "No target",
  I5: "No target",
  J5: "No data", // N/A
  K5: "No target",
  L5: "No target",
  // EH-04 "↑" under Polarity: higher. 2023/24 target 90%, 4pp floor 86%; 2024/25 has no target and the
  // table has no unqualified target, so Apr/May are No target (that year has none).
  H6: "Green", // 91%
  I6: "Amber", // 86.5% >= 86%
  J6: "Red", // 85% < 86%
  K6: "No target", // Apr-24 is in 2024/25, which has no target
  L6: "No data", // blank is never a zero
  // EH-05 2023/24 target "Suspended**"; 2024/25 target 70%, 5pp floor 65%.
  H7: "Suspended",
  I7: "Suspended",
  J7: "No data", // blank: no figure is No data whatever the definition
  K7: "Amber", // 66% in [65%, 70%)
  L7: "Green", // 71%
  // EH-06 "More is better" 95% both years, 5pp floor 90%; text figures read as the figures they are.
  H8: "Amber", // "93.5%" text
  I8: "Green", // 96%
  J8: "Red", // "89.9%*" (flag: see note) < 90%
  K8: "Green", // 95% exactly at target
  L8: "No data", // "Data to be supplied"
};

/** Table 2 (no alternative tolerance column: whatever set is chosen, its one tolerance is the standard). */
const childrenInCare: Expected = {
  // 1: L, "10%" target, "12%" amber threshold, whole-number percentages (11 is 11%).
  F12: "Amber", // 11 in (10, 12]
  G12: "Green", // 9
  H12: "Red", // 13 > 12
  I12: "Green", // 10 at target
  // 2: "Down is good": lower; 426 days target, 480 days amber.
  F13: "Amber", // 455
  G13: "Green", // "398 days" text
  H13: "Red", // 512 > 480
  I13: "No data", // "-"
  // 3: "Above England" is strict, against the England figure on the row (88); no tolerance: two bands.
  F14: "Green", // 90 > 88
  G14: "Red", // 88 is not above 88
  H14: "Red", // 86
  I14: "Green", // "91p" provisional, 91 > 88
  // 4: H, 90% target, 85% amber, whole numbers.
  F15: "Green", // 92
  G15: "Amber", // 87
  H15: "Red", // 84
  I15: "No data", // "c"
  // 5: in range 15 to 18, relative ±10% applied to each end: amber 13.5 to 19.8.
  F16: "Green", // 17
  G16: "Amber", // 19.5 <= 19.8
  H16: "Red", // 20 > 19.8
  I16: "Red", // 13 < 13.5
  // 6: "Aim high" (high + aim): higher; "At least 60%" inclusive, 55% amber.
  F17: "Amber", // 58
  G17: "Green", // 61
  H17: "Green", // 60 exactly: "At least" is inclusive
  I17: "No data", // N/A
};

describe("thirty-third blind judge: two stacked tables on one sheet", () => {
  it("rates every month of the early help table against its own financial year's target and nothing else is painted", () => {
    const found = findTables(safeguardingGrid);
    expect(found.tables).toHaveLength(2);
    const rated = plannedWithReport(found);
    checkCard(safeguardingGrid, rated, { ...earlyHelpStandard, ...childrenInCare });
    // April falls in 2024/25, for which EH-04 has no target: the reason says so, naming the year.
    expect(reasonAt(rated.tables, "K6")).toMatch(/2024|24\/25|24-25/);
  });

  it("reads each stacked table's own periods and leaves the headings, comparators, DoT and commentary alone", () => {
    const found = findTables(safeguardingGrid);
    const rated = plannedWithReport(found);
    const periods = rated.tables.map((table) => table.periods.length);
    expect(periods).toEqual([5, 4]);
    const reported = statusesOf(rated.tables);
    // No report cell for headings, thresholds, comparators, DoT or commentary.
    for (const address of ["A1", "A10", "D3", "F3", "G4", "M3", "J12", "K12", "L12", "L16", "M8"])
      expect(reported.has(address), address).toBe(false);
  });

  it("under the winter pressures set, '-' keeps the standard tolerance, 20% widens EH-02 and Suspend suspends EH-06", () => {
    const found = findTables(safeguardingGrid);
    const winter = found.tables[0]?.toleranceSets.find((set) => /winter/i.test(set));
    expect(winter).toBeDefined();
    const rated = plannedWithReport(found, winter ?? standardSet);
    checkCard(safeguardingGrid, rated, {
      ...earlyHelpStandard,
      J4: "Amber", // 19% <= 20% (winter amber threshold replaces the 3pp margin)
      K4: "Amber", // 13% vs 12%, <= 20%
      H8: "Suspended",
      I8: "Suspended",
      J8: "Suspended",
      K8: "Suspended",
      L8: "No data", // "Data to be supplied": no figure, whatever the set says
      ...childrenInCare,
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// Card 2: counts, numerators and denominators beside rates; notes with figures; Amber by direction.
// ---------------------------------------------------------------------------------------------------
const leavingCareRows: CellValue[][] = [
  [
    "Ref",
    "Indicator",
    "Polarity",
    "Target (FY 2024-25)",
    "Tolerance (% pts)",
    "Qtr 4 2023/24",
    "Qtr 1 2024/25",
    "Qtr 2 2024/25",
    "Qtr 3 2024/25",
    "Qtr 4 2024/25",
    "Notes",
  ],
  [
    "CL1a",
    "Care leavers aged 17-21 in touch: number",
    null,
    null,
    null,
    174,
    181,
    181,
    199,
    190,
    "Numerator for CL1",
  ],
  [
    "CL1b",
    "Care leavers aged 17-21: cohort",
    null,
    null,
    null,
    205,
    208,
    211,
    214,
    216,
    "Denominator for CL1; 216 at 31 Mar 2025",
  ],
  [
    "CL1",
    "% of care leavers aged 17-21 in touch",
    "Up is better",
    0.92,
    3,
    0.849,
    0.87,
    0.858,
    0.93,
    0.88,
    "Qtr 2: 181 of 211 (85.8%)",
  ],
  [
    "CL2a",
    "Care leavers aged 19-21 in education, employment or training: number",
    null,
    null,
    null,
    96,
    101,
    "104",
    99,
    null,
    "Qtr 4 return due 30 April",
  ],
  [
    "CL2",
    "% of care leavers aged 19-21 in education, employment or training",
    "Aim: maximise",
    0.6,
    5,
    0.52,
    0.54,
    0.57,
    0.53,
    null,
    "Qtr 3 dip: 12 young parents not in EET",
  ],
  [
    "CL3",
    "% of care leavers in unsuitable accommodation",
    "Fewer is better",
    0.08,
    2,
    0.11,
    0.12,
    0.105,
    "9.0%",
    0.075,
    "12% in Qtr 1 includes 4 in custody",
  ],
  [
    "CL4",
    "Pathway plans reviewed within timescale",
    "Higher is better",
    "Suspended***",
    null,
    0.71,
    0.74,
    null,
    0.8,
    0.78,
    "*** new recording form from 1 Apr 2024",
  ],
  [
    "CL5",
    "Care leavers with an allocated personal adviser",
    "High is good",
    "TBC",
    null,
    0.96,
    0.97,
    0.97,
    0.98,
    0.99,
    null,
  ],
];

function leavingCareFormat(row: number, column: number): string {
  // Grid rows are 0-based: CL1a 1, CL1b 2, CL1 3, CL2a 4, CL2 5, CL3 6, CL4 7, CL5 8.
  const rateRow = [3, 5, 6, 7, 8].includes(row);
  if (column >= 5 && column <= 9) return rateRow ? "0.0%" : row >= 1 ? "0" : "General";
  if (column === 3 && rateRow) return "0%";
  return "General";
}

const leavingCareGrid = paddedGrid("Leaving Care", leavingCareRows, leavingCareFormat);

/** Cells the scheme cannot change: no target, no data, suspended, Green. */
const leavingCareFixed: Expected = {
  // CL1a / CL1b / CL2a: counts with no polarity and no target: context, No target; a blank is No data.
  F2: "No target",
  G2: "No target",
  H2: "No target",
  I2: "No target",
  J2: "No target",
  F3: "No target",
  G3: "No target",
  H3: "No target",
  I3: "No target",
  J3: "No target",
  F5: "No target",
  G5: "No target",
  H5: "No target", // "104" text is still a figure, still no target
  I5: "No target",
  J5: "No data",
  // Qtr 4 2023/24 falls in 2023/24; the only target is FY 2024-25 and there is no unqualified one.
  F4: "No target",
  F6: "No target",
  F7: "No target",
  F8: "No target", // the Suspended*** target is 2024/25's; 2023/24 has none
  I4: "Green", // 93% >= 92%
  H6: "Amber", // 57% within 5pp of 60%: the ordinary amber band
  J6: "No data",
  I7: "Amber", // "9.0%" within 8% + 2pp
  J7: "Green", // 7.5% <= 8%
  G8: "Suspended",
  H8: "No data",
  I8: "Suspended",
  J8: "Suspended",
  // CL5 target "TBC": no target.
  F9: "No target",
  G9: "No target",
  H9: "No target",
  I9: "No target",
  J9: "No target",
};

describe("thirty-third blind judge: counts beside rates, notes with figures, Amber by direction", () => {
  it("under Amber by direction, a figure beyond tolerance is Amber only when better than the quarter before", () => {
    const found = findTables(leavingCareGrid);
    const scheme: Scheme = { kind: "amber by direction" };
    const appraisal = appraise(found, { scheme });
    const report = reportOf(appraisal);
    const rated: PlanWithReport = { ...planOf(appraisal), ...report };
    expect(report.scheme).toMatch(/direction/i);
    checkCard(leavingCareGrid, rated, {
      ...leavingCareFixed,
      // CL1 "Up is better", 92%, 3pp floor 89%.
      G4: "Amber", // 87.0% beyond floor, better than Qtr 4 2023/24's 84.9%
      H4: "Red", // 85.8% beyond floor, worse than 87.0%
      J4: "Red", // 88.0% beyond floor, worse than 93.0%
      // CL2 "Aim: maximise", 60%, 5pp floor 55%.
      G6: "Amber", // 54% beyond floor, better than 52%
      I6: "Red", // 53% beyond floor, worse than 57%
      // CL3 "Fewer is better", 8%, 2pp ceiling 10%.
      G7: "Red", // 12% beyond ceiling, worse than 11%
      H7: "Amber", // 10.5% beyond ceiling, better than 12%
    });
    // The reason of a direction-decided cell says which period it was compared with.
    expect(reasonAt(report.tables, "G4")).toMatch(/Qtr 4 2023\/24|Q4|2023\/24/i);
  });

  it("under the standard scheme the same off-target quarters are Red", () => {
    const found = findTables(leavingCareGrid);
    const rated = plannedWithReport(found);
    checkCard(leavingCareGrid, rated, {
      ...leavingCareFixed,
      G4: "Red",
      H4: "Red",
      J4: "Red",
      G6: "Red",
      I6: "Red",
      G7: "Red",
      H7: "Red",
    });
  });

  it("reports rows with no target as context measures, and never rates or paints the notes", () => {
    const found = findTables(leavingCareGrid);
    const rated = plannedWithReport(found);
    const table = rated.tables[0];
    expect(rated.tables).toHaveLength(1);
    expect(table?.periods).toHaveLength(5);
    const byMeasure = (part: string) => table?.rows.find((row) => row.measure.includes(part));
    for (const part of [
      "in touch: number",
      "17-21: cohort",
      "training: number",
      "personal adviser",
    ]) {
      const row = byMeasure(part);
      expect(row, part).toBeDefined();
      // No polarity or target: a context measure, not a problem, and no colour.
      expect(row?.problems, part).toEqual([]);
      for (const cell of row?.cells ?? [])
        if (cell.value !== null) {
          expect(cell.status, `${part} ${cell.address}`).toBe("No target");
          expect(cell.reason, `${part} ${cell.address}`).toMatch(/target|context/i);
        }
    }
    const reported = statusesOf(rated.tables);
    for (const address of ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8", "A4", "D4", "E4"])
      expect(reported.has(address), address).toBe(false);
  });
});
