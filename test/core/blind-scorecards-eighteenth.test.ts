/**
 * Eighteenth blind judge: units and tolerances. Two row-per-KPI scorecards, every expectation worked by hand
 * from PRODUCT.md alone, checked cell by cell in the report and in the colours Excel would paint.
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  type CellValue,
  findTables,
  type Grid,
  planOf,
  reportOf,
  type Scheme,
  type Status,
  standardSet,
  toleranceSetsOf,
} from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, Status>;

function rated(grid: Grid, toleranceSet: string = standardSet): PlanWithReport {
  return plannedWithReport(findTables(grid), toleranceSet);
}

function ratedUnder(grid: Grid, scheme: Scheme): PlanWithReport {
  const appraisal = appraise(findTables(grid), { scheme });
  const { tables, scheme: name } = reportOf(appraisal);
  return { ...planOf(appraisal), tables, scheme: name };
}

function alternativeSet(grid: Grid, pattern: RegExp): string {
  const sets = toleranceSetsOf([findTables(grid)]);
  const set = sets.find((name) => pattern.test(name));
  expect(set, `tolerance sets read: ${sets.join(", ")}`).toBeDefined();
  return set!;
}

/** Every period cell has the expected status; painted fills equal R/A/G statuses and nothing else is painted. */
function judge(grid: Grid, plan: PlanWithReport, expected: Expected): void {
  const cells = new Map(
    plan.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).map((c) => [c.address, c])
  );
  expect.soft(plan.tables.flatMap((t) => t.problems)).toEqual([]);
  expect.soft([...cells.keys()].sort()).toEqual(Object.keys(expected).sort());
  for (const [address, status] of Object.entries(expected)) {
    const cell = cells.get(address);
    expect
      .soft(`${address} ${cell?.status}`, `${address}: ${cell?.reason}`)
      .toBe(`${address} ${status}`);
  }
  const statusOfFill = new Map(plan.rules.map((rule) => [rule.fill, rule.status]));
  const painted = paintedCells(grid.values, plan.rules);
  const paintedAs = new Map(
    [...painted].map(([address, fill]) => [address, statusOfFill.get(fill)])
  );
  const colours = new Set<Status>(["Green", "Amber", "Red", "Blue"]);
  for (const [address, status] of Object.entries(expected)) {
    const shouldPaint = colours.has(status) ? status : "unpainted";
    expect
      .soft(`${address} painted ${paintedAs.get(address) ?? "unpainted"}`)
      .toBe(`${address} painted ${shouldPaint}`);
  }
  for (const [address, status] of paintedAs)
    if (!(address in expected))
      expect.soft(`${address} painted ${status}`).toBe(`${address} unpainted`);
}

const greenAndRed = { kind: "green and red" } as Scheme;

// ---------------------------------------------------------------------------------------------------------
// Card A: a council's quarterly scorecard, mixed units, tolerances written in the cells, a Recovery set.
// Row 1 is a title, row 3 the header; G–I are the periods, J England is a comparator (never coloured).
// ---------------------------------------------------------------------------------------------------------
const cardARows: CellValue[][] = [
  ["Children's Social Care Quarterly Scorecard 2024/25"],
  [],
  [
    "Ref",
    "Measure",
    "Polarity",
    "Target",
    "Tolerance",
    "Recovery tolerance",
    "Qtr 1 2024-25",
    "Qtr 2 2024-25",
    "Qtr 3 2024-25",
    "England",
  ],
  // 4: relative margin "±5%" of 90% → amber floor 85.5% (PRODUCT's own 95%±5% arithmetic); 85.5% exactly is Amber.
  [
    "CSC01",
    "Single assessments completed within 45 working days",
    "Higher is better",
    0.9,
    "±5%",
    ">=80%",
    0.9,
    0.855,
    0.854,
    0.88,
  ],
  // 5: days; "Aim: fewer days" pairs "fewer" with "aim" → lower is better (PRODUCT.md: a direction paired with
  //    an aim word in any order, other words allowed); tolerance 30 days absolute. The product refuses it
  //    (Check definition, "the words 'days' around its direction are not read"): held as a refusal.
  [
    "CSC02",
    "Average days from referral to assessment",
    "Aim: fewer days",
    "25 days",
    "30 days",
    "-",
    30,
    24.5,
    "30.5 days",
    27,
  ],
  // 6: rate per 10,000, a target range with a relative margin on each end: 40–50 ±10% → 36–55. A range
  //    (`10% to 20%`) with a unit after its figures (`35 per 10,000`) is read by the rules; the product
  //    refuses the target "40 to 50 per 10,000" (Check definition): held as a refusal.
  [
    "CSC03",
    "Children subject to a child protection plan per 10,000 children",
    "In range is better",
    "40 to 50 per 10,000",
    "±10%",
    "Suspend",
    36,
    "55.1 per 10,000",
    50,
    41.6,
  ],
  // 7: H/L letter; "2pp" is an absolute margin (like "5 points") → amber ceiling 24%.
  ["CSC04", "Re-referrals within 12 months", "L", 0.22, "2pp", "<=25%", 0.24, 0.2, 0.241, 0.21],
  // 8: a 100% target with an absolute floor of 95%; "94.9%*" is a figure with a see-note flag.
  ["CSC05", "Care leavers in suitable accommodation", "↑", 1, 0.95, "-", 1, 0.95, "94.9%*"],
  // 9: a count with a zero target; tolerance 5 is the amber ceiling.
  ["CSC06", "Children missing education (count)", "Smaller is better", 0, 5, "-", 6, 0, 5],
  // 10: a change that can go negative; zero target, amber ceiling +2%.
  [
    "CSC07",
    "Change in children looked after on previous year",
    "Down is good",
    0,
    0.02,
    "-",
    -0.031,
    0.02,
    0.025,
  ],
  // 11: money (£000s); text figure with a thousands separator.
  [
    "CSC08",
    "Spend on agency social workers (£000s)",
    "Smaller is better",
    1200,
    1320,
    "-",
    1320,
    "1,321",
    1200,
  ],
  // 12: "within 10% of target" of 15% → amber ceiling 16.5% (relative); 16.5% exactly is Amber.
  [
    "CSC09",
    "Social worker turnover (rolling 12 months)",
    "Aim to minimise",
    "15%",
    "within 10% of target",
    "<=20%",
    0.149,
    0.165,
    0.17,
  ],
  // 13: a context measure; "c" is a suppression symbol.
  ["CSC10", "Contacts received", "Context", "", "", "", 1210, 1342, "c"],
  // 14: suspended target; the blank is No data whatever the row.
  [
    "CSC11",
    "Initial health assessments within 20 working days",
    "Higher is better",
    "Suspended**",
    "",
    "",
    0.6,
    0.7,
    null,
  ],
  // 15: tolerance 65% above the 60% target of a higher-is-better row: on the better side → Check definition.
  [
    "CSC12",
    "EHC plans issued within 20 weeks",
    "Bigger is better",
    0.6,
    0.65,
    "-",
    0.58,
    0.62,
    0.66,
    0.5,
  ],
];

function cardAFormat(row: number, column: number): string {
  const excelRow = row + 1;
  if (excelRow < 4 || column < 3) return "General";
  const percentRows = [4, 7, 8, 10, 12, 14, 15];
  if (percentRows.includes(excelRow)) return excelRow === 8 || excelRow === 10 ? "0.0%" : "0%";
  if (excelRow === 5 || excelRow === 6) return "0.0";
  if (excelRow === 11) return "£#,##0";
  return "0";
}

const cardA = () => paddedGrid("Quarterly scorecard", cardARows, cardAFormat);

describe("card A: mixed units with tolerances written as figures, margins and points", () => {
  it("rates every period under the Standard tolerance", () => {
    const grid = cardA();
    judge(grid, rated(grid), {
      G4: "Green", // 90% at target
      H4: "Amber", // 85.5% = 90% − 5% of 90%: on the amber floor, inclusive
      I4: "Red", // 85.4% below 85.5%
      G5: "Amber", // 30 days = tolerance 30 days, inclusive
      H5: "Green", // 24.5 ≤ 25
      I5: "Red", // "30.5 days" read as 30.5 > 30
      G6: "Amber", // 36 = 40 − 10% of 40, lower amber end inclusive
      H6: "Red", // 55.1 beyond 55 = 50 + 10% of 50
      I6: "Green", // 50 upper end of the range, inclusive
      G7: "Amber", // 24% = 22% + 2pp
      H7: "Green",
      I7: "Red", // 24.1% > 24%
      G8: "Green", // 100% meets a 100% target
      H8: "Amber", // 95% on the floor
      I8: "Red", // "94.9%*" is 94.9% (see note) < 95%
      G9: "Red", // 6 > 5
      H9: "Green", // 0 meets a zero target
      I9: "Amber", // 5 on the amber ceiling
      G10: "Green", // −3.1% better than a 0% target for a lower-is-better change
      H10: "Amber", // +2.0% on the ceiling
      I10: "Red",
      G11: "Amber", // 1320 on the ceiling
      H11: "Red", // "1,321" is 1321
      I11: "Green", // 1200 at target
      G12: "Green", // 14.9% ≤ 15%
      H12: "Amber", // 16.5% = 15% + 10% of 15%, inclusive
      I12: "Red",
      G13: "No target",
      H13: "No target",
      I13: "No data", // "c" confidential: a cell with no figure is No data whatever the row
      G14: "Suspended",
      H14: "Suspended",
      I14: "No data", // blank: no figure, whatever the row
      G15: "Check definition", // tolerance on the better side of the target
      H15: "Check definition",
      I15: "Check definition",
    });
  });

  it("rates the Recovery tolerance set, where '-' falls back to the standard tolerance and Suspend suspends", () => {
    const grid = cardA();
    judge(grid, rated(grid, alternativeSet(grid, /recovery/i)), {
      G4: "Green",
      H4: "Amber", // ≥ 80%
      I4: "Amber", // 85.4% ≥ 80%
      G5: "Amber", // "-": the standard 30 days applies
      H5: "Green",
      I5: "Red",
      G6: "Suspended", // Recovery says Suspend
      H6: "Suspended",
      I6: "Suspended",
      G7: "Amber", // 24% ≤ 25%
      H7: "Green",
      I7: "Amber", // 24.1% ≤ 25%
      G8: "Green",
      H8: "Amber",
      I8: "Red",
      G9: "Red",
      H9: "Green",
      I9: "Amber",
      G10: "Green",
      H10: "Amber",
      I10: "Red",
      G11: "Amber",
      H11: "Red",
      I11: "Green",
      G12: "Green",
      H12: "Amber", // 16.5% ≤ 20%
      I12: "Amber", // 17% ≤ 20%
      G13: "No target",
      H13: "No target",
      I13: "No data",
      G14: "Suspended",
      H14: "Suspended",
      I14: "No data",
      G15: "Check definition", // "-" → the standard tolerance, which still contradicts the polarity
      H15: "Check definition",
      I15: "Check definition",
    });
  });

  it("rates Green and Red only, ignoring the tolerance", () => {
    const grid = cardA();
    const plan = ratedUnder(grid, greenAndRed);
    expect(plan.scheme).toBe("Green and Red only");
    judge(grid, plan, {
      G4: "Green",
      H4: "Red",
      I4: "Red",
      G5: "Red",
      H5: "Green",
      I5: "Red",
      G6: "Red", // 36 outside 40–50
      H6: "Red",
      I6: "Green", // 50 inside 40–50
      G7: "Red",
      H7: "Green",
      I7: "Red",
      G8: "Green",
      H8: "Red",
      I8: "Red",
      G9: "Red",
      H9: "Green",
      I9: "Red",
      G10: "Green",
      H10: "Red",
      I10: "Red",
      G11: "Red",
      H11: "Red",
      I11: "Green",
      G12: "Green",
      H12: "Red",
      I12: "Red",
      G13: "No target",
      H13: "No target",
      I13: "No data",
      G14: "Suspended",
      H14: "Suspended",
      I14: "No data",
      // The definition still contradicts itself; PRODUCT.md does not say that ignoring the tolerance
      // repairs it, so the reading is undecided → Check definition, never a colour.
      G15: "Check definition",
      H15: "Check definition",
      I15: "Check definition",
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Card B: an annual return keeping percentages as whole numbers, unit qualifiers in the headers:
// Target (%), Tolerance (pp) (a margin in points), Recovery tolerance (pp) (an alternative set, also pp).
// ---------------------------------------------------------------------------------------------------------
const cardBRows: CellValue[][] = [
  [
    "Ref",
    "Indicator",
    "Polarity",
    "Target (%)",
    "Tolerance (pp)",
    "Recovery tolerance (pp)",
    "2022-23",
    "2023-24",
    "2024-25",
    "England 2023-24",
  ],
  // 2: 85% − 3pp → floor 82%; Recovery 5pp → floor 80%.
  [
    "AR1",
    "Assessments completed within 45 working days",
    "Higher is better",
    85,
    3,
    5,
    85,
    82,
    81.9,
    82.1,
  ],
  // 3: lower is better, 20% + 2pp → ceiling 22%.
  [
    "AR2",
    "Child protection plans starting for a second or subsequent time",
    "Lower is better",
    20,
    2,
    "-",
    22,
    19,
    22.5,
    23.8,
  ],
  // 4: 60% − 5pp → 55%; "58%" text is 58% (not 0.58 against 60); "56p" is 56, provisional.
  [
    "AR3",
    "Care leavers aged 19-21 in education, employment or training",
    "Higher is better",
    60,
    5,
    "Suspend",
    "58%",
    "56p",
    54,
    56,
  ],
  // 5: a 100% target, floor 95%.
  [
    "AR4",
    "Children adopted within 12 months of the placement order",
    "Higher is better",
    100,
    5,
    "-",
    100,
    95,
    94,
  ],
  // 6: a zero target, ceiling 2%.
  ["AR5", "Unallocated cases", "Lower is better", 0, 2, "-", 3, 0, 2],
  // 7: a change that can be negative; zero target, ceiling 1.5 points.
  [
    "AR6",
    "Change in the rate of children looked after on the previous year",
    "Lower is better",
    0,
    1.5,
    "-",
    -2.5,
    1.5,
    1.6,
  ],
  // 8: no standard tolerance → Green and Red; Recovery 2pp gives an amber ceiling of 12%.
  [
    "AR7",
    "Children looked after with 3 or more placement moves in the year",
    "L",
    10,
    null,
    2,
    10,
    10.1,
    null,
    10,
  ],
  // 9: a target range 10–14% with a 2pp margin on each end → 8–16%.
  [
    "AR8",
    "Children looked after in residential placements",
    "In range is better",
    "10-14",
    2,
    "-",
    12,
    8,
    16.5,
    11,
  ],
  // 10: monitoring only.
  [
    "AR9",
    "Referrals from the police",
    "Monitoring only",
    null,
    null,
    null,
    31,
    29,
    "Data not yet available",
    30,
  ],
];

function cardBFormat(row: number, column: number): string {
  if (row === 0 || column < 3) return "General";
  const value = cardBRows[row][column];
  return typeof value === "number" && !Number.isInteger(value) ? "0.0" : "0";
}

const cardB = () => paddedGrid("Annual return", cardBRows, cardBFormat);

describe("card B: whole-number percentages with Target (%) and Tolerance (pp) headers", () => {
  it("rates every period under the Standard tolerance", () => {
    const grid = cardB();
    judge(grid, rated(grid), {
      G2: "Green",
      H2: "Amber", // 82 = 85 − 3pp, inclusive
      I2: "Red",
      G3: "Amber", // 22 = 20 + 2pp, inclusive
      H3: "Green",
      I3: "Red",
      G4: "Amber", // "58%" is 58% on a whole-number row: between 55 and 60
      H4: "Amber", // "56p" is 56 (provisional)
      I4: "Red",
      G5: "Green", // 100 meets 100%
      H5: "Amber", // 95 on the floor
      I5: "Red",
      G6: "Red", // 3 > 2
      H6: "Green", // 0 meets 0
      I6: "Amber", // 2 on the ceiling
      G7: "Green", // −2.5 better than 0
      H7: "Amber", // 1.5 on the ceiling
      I7: "Red",
      G8: "Green", // 10 at target, no tolerance: two bands
      H8: "Red", // 10.1 > 10, no amber band
      I8: "No data", // blank
      G9: "Green", // inside 10–14
      H9: "Amber", // 8 = 10 − 2pp, lower amber end inclusive
      I9: "Red", // 16.5 beyond 16
      G10: "No target",
      H10: "No target",
      I10: "No data", // "Data not yet available"
    });
  });

  it("rates the Recovery (pp) set, a set named with a unit qualifier", () => {
    const grid = cardB();
    judge(grid, rated(grid, alternativeSet(grid, /recovery/i)), {
      G2: "Green",
      H2: "Amber",
      I2: "Amber", // 81.9 ≥ 80
      G3: "Amber", // "-" → standard 2pp
      H3: "Green",
      I3: "Red",
      G4: "Suspended",
      H4: "Suspended",
      I4: "Suspended",
      G5: "Green",
      H5: "Amber",
      I5: "Red",
      G6: "Red",
      H6: "Green",
      I6: "Amber",
      G7: "Green",
      H7: "Amber",
      I7: "Red",
      G8: "Green",
      H8: "Amber", // 10.1 ≤ 12 under Recovery's 2pp
      I8: "No data",
      G9: "Green",
      H9: "Amber",
      I9: "Red",
      G10: "No target",
      H10: "No target",
      I10: "No data",
    });
  });

  it("rates Green and Red only, ignoring the tolerance", () => {
    const grid = cardB();
    judge(grid, ratedUnder(grid, greenAndRed), {
      G2: "Green",
      H2: "Red",
      I2: "Red",
      G3: "Red",
      H3: "Green",
      I3: "Red",
      G4: "Red", // 58 < 60
      H4: "Red",
      I4: "Red",
      G5: "Green",
      H5: "Red",
      I5: "Red",
      G6: "Red",
      H6: "Green",
      I6: "Red",
      G7: "Green",
      H7: "Red",
      I7: "Red",
      G8: "Green",
      H8: "Red",
      I8: "No data",
      G9: "Green",
      H9: "Red",
      I9: "Red",
      G10: "No target",
      H10: "No target",
      I10: "No data",
    });
  });
});
