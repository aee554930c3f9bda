/**
 * Thirteenth blind judge: scorecards written as council and trust analysts lay them out, every period cell's
 * status worked out by hand from PRODUCT.md's rules alone (not from the product). The emphasis is the reading
 * grammar: polarity wordings no example lists, thresholds in words, figures written as text, and exact
 * boundaries (including margins whose floating-point value is inexact) under Standard and a council scheme.
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  type CellValue,
  findTables,
  type Grid,
  planOf,
  reportOf,
  settingsTableOfGrid,
  wordsOfGrid,
  workbookSettings,
} from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Code = "B" | "G" | "A" | "R" | "S" | "NT" | "ND" | "CD";
const named: Record<Code, string> = {
  B: "Blue",
  G: "Green",
  A: "Amber",
  R: "Red",
  S: "Suspended",
  NT: "No target",
  ND: "No data",
  CD: "Check definition",
};
const painted = new Set(["Blue", "Green", "Amber", "Red"]);

/** The Excel row (1-based) of each KPI, with the hand-worked status of each period cell, left to right. */
type Expected = Record<number, Code[]>;

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Checks every expected period cell's status in the report, and that the colours Excel would paint are exactly those. */
function judge(
  grid: Grid,
  plan: PlanWithReport,
  periodColumns: number[],
  expected: Expected
): void {
  const reported = new Map<string, { status: string; reason: string }>();
  for (const table of plan.tables)
    for (const row of table.rows)
      for (const cell of row.cells)
        reported.set(cell.address, { status: cell.status, reason: cell.reason });

  const expectedPaint = new Map<string, string>();
  for (const [row, codes] of Object.entries(expected)) {
    codes.forEach((code, i) => {
      const address = `${columnLetter(periodColumns[i])}${row}`;
      const status = named[code];
      const got = reported.get(address);
      expect
        .soft(`${address} ${got?.status ?? "(not reported)"}`, `${address}: ${got?.reason ?? ""}`)
        .toBe(`${address} ${status}`);
      if (painted.has(status)) expectedPaint.set(address, status);
    });
  }

  const fillToStatus = new Map(plan.rules.map((rule) => [rule.fill, rule.status as string]));
  const actualPaint = paintedCells(grid.values, plan.rules);
  for (const [address, status] of expectedPaint)
    expect
      .soft(`${address} painted ${fillToStatus.get(actualPaint.get(address) ?? "") ?? "nothing"}`)
      .toBe(`${address} painted ${status}`);
  for (const [address, fill] of actualPaint)
    if (!expectedPaint.has(address))
      expect
        .soft(
          `${address} painted ${fillToStatus.get(fill)}`,
          "a colour on a cell that should have none"
        )
        .toBe(`${address} painted nothing`);
}

/** A grid whose cells take number formats by row (threshold and period cells) and by header cell. */
function gridOf(
  sheet: string,
  rows: CellValue[][],
  rowFormats: Record<number, string>,
  headerFormats: Record<number, string> = {},
  numericFrom = 0,
  generalColumns: number[] = []
): Grid {
  return paddedGrid(sheet, rows, (r, c) => {
    if (r === 0) return headerFormats[c] ?? "General";
    if (c < numericFrom || generalColumns.includes(c)) return "General";
    return rowFormats[r + 1] ?? "General";
  });
}

/* ------------------------------------------------------------------------------------------------------------
 * Card A: a trust's children's social care scorecard, a row per KPI, with polarity written in 20 ways.
 * A Ref, B Measure, C Polarity, D Target, E Tolerance, F–I quarters, J analyst's RAG, K England.
 * ---------------------------------------------------------------------------------------------------------- */
const cardA: CellValue[][] = [
  [
    "Ref",
    "Measure",
    "Polarity",
    "Target",
    "Tolerance",
    "Q1 24/25",
    "Q2 24/25",
    "Q3 24/25",
    "Q4 24/25",
    "RAG",
    "England",
  ],
  [
    "CSC01",
    "Re-referrals within 12 months of a previous referral",
    "Lower % = better",
    0.22,
    0.25,
    0.2,
    0.22,
    0.24,
    0.26,
    "R",
    0.22,
  ],
  [
    "CSC02",
    "Child and family assessments completed within 45 working days",
    "Better if higher",
    0.9,
    0.85,
    0.91,
    0.9,
    0.85,
    0.849,
    "R",
    0.82,
  ],
  [
    "CSC03",
    "Average days from contact to referral decision",
    "Good = low",
    3,
    5,
    2,
    3,
    5,
    6,
    "R",
    null,
  ],
  [
    "CSC04",
    "Strategy discussions held within 1 working day",
    "↑ good",
    0.95,
    0.9,
    0.96,
    0.89,
    0.9,
    null,
    "A",
    null,
  ],
  [
    "CSC05",
    "Child protection plans starting for a second or subsequent time",
    "Aim: minimise",
    0.18,
    0.2,
    0.17,
    0.19,
    0.21,
    0.2,
    "A",
    0.24,
  ],
  [
    "CSC06",
    "Initial child protection conferences within 15 working days",
    "Up is good",
    0.85,
    0.8,
    0.95,
    0.81,
    0.79,
    0.85,
    "G",
    0.78,
  ],
  [
    "CSC07",
    "Looked after children with 3 or more placements in the year",
    "The lower, the better",
    0.1,
    0.12,
    0.09,
    0.1,
    0.11,
    0.13,
    "R",
    0.1,
  ],
  [
    "CSC08",
    "Care leavers aged 19-21 in education, employment or training",
    "Best when high",
    0.6,
    0.55,
    0.62,
    0.58,
    0.5,
    0.6,
    "G",
    0.56,
  ],
  [
    "CSC09",
    "Agency social workers (% of FTE)",
    "Reducing = good",
    0.15,
    0.2,
    0.14,
    0.15,
    0.19,
    0.25,
    "R",
    0.18,
  ],
  [
    "CSC10",
    "Average caseload per social worker",
    "Stay close to target",
    "15-18",
    "13-20",
    16,
    18,
    19.5,
    21,
    "R",
    null,
  ],
  [
    "CSC11",
    "Children in need visited within timescale",
    "▲",
    0.9,
    0.8,
    0.92,
    0.85,
    0.75,
    null,
    "R",
    null,
  ],
  [
    "CSC12",
    "Return home interviews offered after a missing episode",
    "More = good",
    0.8,
    0.7,
    0.8,
    0.7,
    0.69,
    0.95,
    "G",
    null,
  ],
  ["CSC13", "Family Hub contacts", "Good if stable", 1200, 1000, 1300, 1100, 900, null, "", null],
  [
    "CSC14",
    "Occupancy of in-house children's homes",
    "Lower is not better",
    0.85,
    0.9,
    0.8,
    0.88,
    0.95,
    0.7,
    "",
    null,
  ],
  [
    "CSC15",
    "Adoption orders granted",
    "Higher is better / Lower is better",
    50,
    40,
    55,
    45,
    35,
    60,
    "",
    null,
  ],
  [
    "CSC16",
    "Supervision sessions held on time",
    "HIB",
    0.7,
    0.65,
    0.72,
    0.66,
    0.6,
    0.65,
    "A",
    null,
  ],
  [
    "CSC17",
    "Contacts progressing to a referral",
    "For information only",
    null,
    null,
    0.22,
    0.25,
    null,
    0.3,
    "",
    0.38,
  ],
  [
    "CSC18",
    "Children waiting over 12 weeks for a first CAMHS appointment",
    "Decrease",
    40,
    50,
    38,
    40,
    50,
    51,
    "R",
    null,
  ],
  [
    "CSC19",
    "Case file audits rated good or better",
    "Higher is better",
    0.8,
    0.85,
    0.9,
    0.82,
    0.7,
    0.81,
    "",
    null,
  ],
  [
    "CSC20",
    "Children looked after (rate per 10,000)",
    "Good = ↓",
    70,
    75,
    68,
    70,
    74.9,
    75.1,
    "A",
    71,
  ],
  [
    "CSC21",
    "Visits to children in care within 6 weeks",
    "Higher is better",
    "85% ±5%",
    null,
    0.85,
    0.8075,
    0.8,
    0.9,
    "A",
    null,
  ],
  [
    "CSC22",
    "Children placed for adoption within 12 months of decision",
    "Higher is better",
    0.8,
    "±10%",
    0.8,
    0.72,
    0.7199,
    0.75,
    "R",
    null,
  ],
  [
    "CSC23",
    "Contacts that become a referral (conversion rate)",
    "In range is better",
    "between 25% and 35%",
    "+/- 5pp",
    0.25,
    0.35,
    0.4,
    0.19,
    "",
    0.38,
  ],
  [
    "CSC24",
    "Children subject to a child protection plan (rate per 10,000)",
    "Higher is better / Lower is better",
    40,
    50,
    38,
    45,
    55,
    null,
    "",
    42,
  ],
];
const formatsA: Record<number, string> = {
  2: "0%",
  3: "0.0%",
  4: "0",
  5: "0%",
  6: "0%",
  7: "0%",
  8: "0%",
  9: "0%",
  10: "0%",
  11: "0.0",
  12: "0%",
  13: "0%",
  14: "General",
  15: "0%",
  16: "0",
  17: "0%",
  18: "0.0%",
  19: "0",
  20: "0%",
  21: "0.0",
  22: "0.00%",
  23: "0.00%",
  24: "0%",
  25: "0",
};
const periodsA = [5, 6, 7, 8];
const expectedA: Expected = {
  // Lower + "=" + "better": lower is better; 22% equal to the target is Green (inclusive towards better); 25% = tolerance Amber.
  2: ["G", "G", "A", "R"],
  // Merit word before the direction ("Better if higher"); 85% equal to the tolerance is Amber, 84.9% Red.
  3: ["G", "G", "A", "R"],
  // "Good = low": lower is better, days kept as plain numbers.
  4: ["G", "G", "A", "R"],
  // An arrow with a merit word under the Polarity heading: higher is better; the blank Q4 is No data, never a zero.
  5: ["G", "R", "A", "ND"],
  // "Aim" + "minimise": lower is better; 20% equal to the tolerance is Amber.
  6: ["G", "A", "R", "A"],
  // "Up is good": higher is better.
  7: ["G", "A", "R", "G"],
  // "The lower, the better" (punctuation between): lower is better.
  8: ["G", "G", "A", "R"],
  // "Best when high": a form of the merit word after its direction: higher is better.
  9: ["G", "A", "R", "G"],
  // "Reducing = good": a form of "reduce" with "=": lower is better.
  10: ["G", "G", "A", "R"],
  // "Stay close to target" with a target range 15-18 and a wider tolerance range 13-20: in range is better.
  11: ["G", "G", "A", "R"],
  // A lone ▲ under the Polarity heading is a direction: higher is better; blank is No data.
  12: ["G", "A", "R", "ND"],
  // "More = good": higher is better; 80% equals the target, 70% equals the tolerance.
  13: ["G", "A", "R", "G"],
  // "Good if stable" names no direction and no range: unknown, never a guess -> Check definition; blank No data.
  14: ["CD", "CD", "CD", "ND"],
  // "Lower is not better" must not be read as lower is better. Whether unread or read as higher is better, the
  // thresholds (tolerance 90% above a target of 85%) then contradict it: Check definition either way.
  15: ["CD", "CD", "CD", "CD"],
  // Two opposite directions in one cell contradict each other. Even if the second phrase decided (lower), the
  // tolerance 40 below the target 50 is on the better side: Check definition either way.
  16: ["CD", "CD", "CD", "CD"],
  // "HIB" is a code the product was not taught here (no KPIWords): no direction word -> Check definition.
  17: ["CD", "CD", "CD", "CD"],
  // "For information only" is a context measure: No target; blank Q3 is No data.
  18: ["NT", "NT", "ND", "NT"],
  // A bare direction ("Decrease") under the Polarity heading, like L or ↓: lower is better. 40 = target Green, 50 = tolerance Amber.
  19: ["G", "G", "A", "R"],
  // Higher is better with a tolerance (85%) above the target (80%): the definition contradicts itself.
  20: ["CD", "CD", "CD", "CD"],
  // "Good = ↓": lower is better; rates per 10,000 as plain numbers; 75 = tolerance Amber, 75.1 Red.
  21: ["G", "G", "A", "R"],
  // Target with its tolerance in one cell, the contract's own "95% ± 5%" spelling: 5% of 85% on the worse side,
  // amber floor 80.75% exactly; 80.75% is Amber (inclusive), 80% Red.
  22: ["G", "A", "R", "G"],
  // ±10% relative margin: floor 80% × 0.9 = 72% exactly (0.8*0.9 is 0.7200000000000001 in floating point:
  // 72% must still be Amber); 71.99% Red; 75% Amber.
  23: ["G", "A", "R", "A"],
  // A target range written in words ("between 25% and 35%") under an explicit In range polarity, with an absolute
  // margin of 5 points: amber 20%–40%. 25% and 35% (ends, inclusive) Green, 40% Amber, 19% Red.
  24: ["G", "G", "A", "R"],
  // The same two opposite directions, now with thresholds that fit "lower". First worked as Check definition (two
  // opposite directions contradict each other); corrected on re-reading: the contract says without qualification
  // that where a cell holds two phrases and the target is a single value, the second phrase decides -> lower is
  // better: 38 Green, 45 Amber, 55 Red, blank No data.
  25: ["G", "A", "R", "ND"],
};

/* ------------------------------------------------------------------------------------------------------------
 * Card B: an early help and SEND dashboard with no polarity column: thresholds in words and figures as text.
 * A Measure, B Target, C Tolerance, D–G months written as text, H Data source.
 * ---------------------------------------------------------------------------------------------------------- */
const cardB: CellValue[][] = [
  ["Measure", "Target", "Tolerance", "Apr 24", "May 24", "Jun 24", "Jul 24", "Data source"],
  [
    "EHC plans issued within 20 weeks (excluding exceptions)",
    "At least 60%",
    "55%",
    0.6,
    "58%",
    0.55,
    0.549,
    "SEN2",
  ],
  [
    "Early help assessments closed with outcomes met",
    "80% or more",
    "75%",
    0.81,
    0.8,
    0.76,
    0.74,
    "EHM",
  ],
  [
    "Average days to complete an early help assessment",
    "Fewer than 30 days",
    "35 days",
    "28 days",
    "30 days",
    35,
    36,
    "EHM",
  ],
  [
    "Early help cases stepped up to social care",
    "between 10% and 20%",
    "within 3 points of target",
    0.1,
    0.2,
    0.23,
    0.06,
    "EHM",
  ],
  [
    "Children registered at a Family Hub (under 5s)",
    "No less than 2,500",
    "2,250",
    "2,600",
    2500,
    "2,250",
    2249,
    "Capita",
  ],
  ["Suspensions per 100 pupils (primary)", "Below 1.5", "2", 1.4, 1.5, 2, 2.01, "DfE"],
  ["Permanent exclusions", "No more than 5", "8", 5, "6p", "8 r", 9, "DfE"],
  ["Children missing education", "Maximum 40", "+/- 10%", 40, 44, 44.1, "c", "CME log"],
  [
    "16-17 year olds NEET or not known",
    "Less than 5%",
    "6%",
    "4.9%",
    "5%",
    "6.0%",
    "6.1%*",
    "NCCIS",
  ],
  [
    "Take-up of funded places for 2-year-olds",
    "75% minimum",
    "70%",
    0.76,
    0.75,
    0.7,
    "x",
    "Capita",
  ],
  [
    "Average wait for a speech and language assessment",
    "≤ 12 weeks",
    "16 weeks",
    "11 weeks",
    12,
    16,
    "17 weeks",
    "Health",
  ],
  [
    "New birth visits within 14 days",
    "≥90%",
    "85%",
    "92.0%",
    "N/A",
    "Data to be supplied",
    "awaiting data from health",
    "Health",
  ],
  ["Two-year health reviews completed", "At least 90%", "95%", 0.92, 0.96, 0.8, null, "Health"],
  ["Family Hub group places filled", "Around 50%", "45%", 0.55, 0.47, null, 0.5, "Hub"],
  ["Parent satisfaction with Family Hub services", "TBC", null, 0.8, 0.9, "-", 0.85, "Survey"],
  [
    "Reducing parental conflict programme completions",
    "Baseline year",
    null,
    45,
    60,
    52,
    null,
    "Programme",
  ],
  [
    "Contacts with a decision within 24 hours",
    "More than 95%",
    "92%",
    0.96,
    0.95,
    0.93,
    0.9,
    "LCS",
  ],
  [
    "Electively home educated children with a visit in 12 months",
    "At least 75%",
    "5 percentage points",
    0.75,
    0.7,
    0.6999,
    "..",
    "EHE log",
  ],
  ["SEND tribunal appeals upheld", "Fewer than 10", "12", 9, "10", "1,2", "twelve", "SENDIST"],
  ["Early help cases open longer than 12 months", "Under 20", "25", 19, 20, 25, 26, "EHM"],
  [
    "Average days from request to EHC needs assessment decision",
    "No more than 10 days",
    "+/- 2 days",
    "10 days",
    12,
    "12.5 days",
    "9",
    "SEN2",
  ],
];
const formatsB: Record<number, string> = {
  2: "0%",
  3: "0%",
  4: "0",
  5: "0%",
  6: "#,##0",
  7: "0.00",
  8: "0",
  9: "0",
  10: "0.0%",
  11: "0%",
  12: "0",
  13: "0.0%",
  14: "0%",
  15: "0%",
  16: "0%",
  17: "0",
  18: "0%",
  19: "0.00%",
  20: "0",
  21: "0",
  22: "0.0",
};
const periodsB = [3, 4, 5, 6];
const expectedB: Expected = {
  // "At least" is inclusive and says higher is better: 60% Green, 58% (text) Amber, 55% = tolerance Amber, 54.9% Red.
  2: ["G", "A", "A", "R"],
  // The operator after the figure ("80% or more"): inclusive, higher is better.
  3: ["G", "G", "A", "R"],
  // "Fewer than 30 days" is strict and says lower is better: "30 days" has not met it -> Amber; 35 = tolerance Amber.
  4: ["G", "A", "A", "R"],
  // A range in words is in range is better; "within 3 points" is an absolute margin: amber 7%–23%. 23% Amber
  // (the boundary, inclusive), 6% Red.
  5: ["G", "G", "A", "R"],
  // "No less than" inclusive, higher; thousands separators in text figures.
  6: ["G", "G", "A", "R"],
  // "Below 1.5" strict, lower is better: 1.5 itself is Amber; 2 = tolerance Amber.
  7: ["G", "A", "A", "R"],
  // "No more than" inclusive, lower; "6p" provisional and "8 r" revised are figures 6 and 8.
  8: ["G", "A", "A", "R"],
  // "Maximum 40" inclusive lower; "+/- 10%" is 10% of 40 on the worse side: ceiling 44; "c" is suppressed -> No data.
  9: ["G", "A", "R", "ND"],
  // "Less than 5%" strict lower: "5%" itself Amber; "6.0%" = tolerance Amber; "6.1%*" (see note) Red.
  10: ["G", "A", "A", "R"],
  // Operator after the figure ("75% minimum"): inclusive higher; "x" is a suppression symbol -> No data.
  11: ["G", "G", "A", "ND"],
  // The judge expected G, G, A, R: "≤ 12 weeks" inclusive lower, weeks read as a unit after the number.
  // Left as the product reads it: PRODUCT.md's units are percent, days, rates and counts, and weeks are
  // none of them, so the target cannot be read (Check definition) and "11 weeks" is no figure (No data),
  // rather than a unit the add-in does not know being taken on trust. Said in the closing note.
  12: ["ND", "CD", "CD", "ND"],
  // "≥90%": "92.0%" Green; N/A, "Data to be supplied" and a text that is no figure are all No data.
  13: ["G", "ND", "ND", "ND"],
  // "At least 90%" (higher is better) with a tolerance of 95% on the better side: contradicts itself.
  14: ["CD", "CD", "CD", "ND"],
  // "Around 50%" has no operator and there is no polarity column: no direction can be read -> Check definition.
  15: ["CD", "CD", "ND", "CD"],
  // "TBC" target means no target; "-" is No data.
  16: ["NT", "NT", "ND", "NT"],
  // "Baseline year": no target yet.
  17: ["NT", "NT", "NT", "ND"],
  // "More than 95%" is the strict mirror of "Less than": 95% itself Amber; 92% = tolerance Amber.
  18: ["G", "A", "A", "R"],
  // "5 percentage points" is absolute: floor 70%; 70% Amber, 69.99% Red; ".." is not available -> No data.
  19: ["G", "A", "R", "ND"],
  // "Fewer than 10" strict lower: "10" (text) Amber; "1,2" is not a figure in a sheet with "," as thousands
  // separator (it cannot be 12 nor 1.2 without a guess) -> No data; "twelve" is text, no figure -> No data.
  20: ["G", "A", "ND", "ND"],
  // "Under 20", like "Below", is strict and says lower is better: 20 itself Amber; 25 = tolerance Amber.
  21: ["G", "A", "A", "R"],
  // "No more than 10 days" inclusive lower; "+/- 2 days" is an absolute margin in the target's unit: ceiling 12 days.
  22: ["G", "A", "R", "G"],
};

/* ------------------------------------------------------------------------------------------------------------
 * Card C: a council's corporate parenting card with months as Excel dates, a target per financial year, a
 * tolerance in percentage points, an alternative Recovery tolerance set and a target against a benchmark.
 * A No., B Indicator, C Polarity, D Target 2024/25, E Target (FY25/26), F Tolerance (pp), G Recovery tolerance,
 * H–L months as dates (Jan-25 … May-25), M Statistical neighbours, N Commentary.
 * ---------------------------------------------------------------------------------------------------------- */
const jan25 = 45658;
const feb25 = 45689;
const mar25 = 45717;
const apr25 = 45748;
const may25 = 45778;
const cardC: CellValue[][] = [
  [
    "No.",
    "Indicator",
    "Polarity",
    "Target 2024/25",
    "Target (FY25/26)",
    "Tolerance (pp)",
    "Recovery tolerance",
    jan25,
    feb25,
    mar25,
    apr25,
    may25,
    "Statistical neighbours",
    "Commentary",
  ],
  [
    1,
    "Children looked after with an up-to-date health assessment",
    "Higher is better",
    0.9,
    0.92,
    3,
    0.85,
    0.9,
    0.87,
    0.869,
    0.91,
    0.92,
    0.88,
    "Improving",
  ],
  [
    2,
    "Care leavers aged 19-21 in suitable accommodation",
    "Aim: higher",
    0.88,
    0.9,
    2,
    "-",
    0.9,
    0.86,
    0.85,
    0.95,
    null,
    0.89,
    "",
  ],
  [
    3,
    "Children looked after placed more than 20 miles from home",
    "L",
    0.15,
    0.14,
    2,
    "-",
    0.17,
    0.15,
    0.171,
    0.15,
    0.16,
    0.16,
    "Sufficiency",
  ],
  [
    4,
    "Children looked after 2.5 years or more, in the same placement for 2 years",
    "H",
    0.7,
    null,
    null,
    null,
    0.72,
    0.7,
    0.69,
    0.75,
    0.6,
    0.68,
    "No 25/26 target yet",
  ],
  [
    5,
    "Annual dental checks",
    "Higher is better",
    "Suspended**",
    "Suspended**",
    null,
    null,
    0.6,
    null,
    0.65,
    0.7,
    0.71,
    0.7,
    "Suspended by board",
  ],
  [
    6,
    "Initial health assessments within 20 working days",
    "Higher is better",
    "Above Stat Neighbour Average",
    "Above Stat Neighbour Average",
    null,
    null,
    0.6,
    0.55,
    0.5,
    0.56,
    null,
    0.55,
    "",
  ],
  [
    7,
    "Review health assessments on time",
    "Higher is better",
    0.95,
    0.95,
    2.5,
    0.9,
    0.925,
    0.95,
    0.924,
    0.9,
    0.91,
    0.9,
    "",
  ],
];
const formatsC: Record<number, string> = {
  2: "0.0%",
  3: "0%",
  4: "0.0%",
  5: "0%",
  6: "0%",
  7: "0%",
  8: "0.0%",
};
const periodsC = [7, 8, 9, 10, 11];
const expectedC: Expected = {
  // Jan–Mar 2025 fall in FY 2024/25 (target 90%, floor 90 - 3pp = 87%); Apr–May 2025 in FY 2025/26 (92%, floor 89%).
  2: ["G", "A", "R", "A", "G"],
  // "Aim: higher"; FY24/25 floor 86%, FY25/26 target 90%; blank May No data.
  3: ["G", "A", "R", "G", "ND"],
  // "L" lower is better. FY24/25: 15% target, ceiling 15 + 2pp = 17% exactly (0.15+0.02 is 0.16999999999999998 in
  // floating point: 17% must still be Amber); 17.1% Red. FY25/26: 14%, ceiling 16%: 15% and 16% Amber.
  4: ["A", "G", "R", "A", "A"],
  // "H" higher, no tolerance: two bands in FY24/25 (70% Green, 69% Red); FY25/26 has no target of its own and there
  // is no unqualified one: No target.
  5: ["G", "G", "R", "NT", "NT"],
  // Suspended** target: every figure Suspended; blank No data.
  6: ["S", "ND", "S", "S", "S"],
  // "Above Stat Neighbour Average" against the row's Statistical neighbours figure 55%: strict, no tolerance.
  7: ["G", "R", "R", "G", "ND"],
  // 95% target, 2.5pp: floor 92.5% exactly (0.95-0.025 is 0.9249999999999999: must not matter); 92.4% Red.
  8: ["A", "G", "R", "R", "R"],
};
// Under the Recovery tolerance set: row 2 floor 85% absolute; "-" means none, so the standard one applies (rows 3,
// 4); rows with no Recovery tolerance also keep the standard one (7 uses 90%).
const expectedCRecovery: Expected = {
  2: ["G", "A", "A", "A", "G"],
  3: ["G", "A", "R", "G", "ND"],
  4: ["A", "G", "R", "A", "A"],
  5: ["G", "G", "R", "NT", "NT"],
  6: ["S", "ND", "S", "S", "S"],
  7: ["G", "R", "R", "G", "ND"],
  // Recovery floor 90%: 92.5% and 92.4% Amber; 90% Amber (inclusive); 91% Amber.
  8: ["A", "G", "A", "A", "A"],
};

/* ------------------------------------------------------------------------------------------------------------
 * Card D: a council that rates by "Percentage of target" (Green within 5%, Amber within 10% of the target's
 * value on its worse side), chosen in its KPISettings table. Financial years in three spellings.
 * ---------------------------------------------------------------------------------------------------------- */
const cardD: CellValue[][] = [
  ["Measure", "Polarity", "Target", "2022/23", "2023-24", "FY24/25"],
  [
    "Children's social care assessments authorised in 45 days",
    "Higher = better",
    0.8,
    0.76,
    0.7599,
    0.72,
  ],
  ["Average days from referral to allocation", "Lower figure is better", 20, 21, 22, 22.01],
  ["Looked after children reviews on time", "Bigger is better", 0.8, 0.7199, "95%*", 0.8],
  ["Foster carer households approved", "Aim to increase", 40, "38", "36 e", "35.9"],
  ["Care leavers in touch with the council", "Monitoring only", 0.9, 0.5, 0.95, null],
  ["Missing children's episodes (count)", "Good is: Low", 300, 315, "330", "331"],
];
const formatsD: Record<number, string> = {
  2: "0.00%",
  3: "0.00",
  4: "0.00%",
  5: "0",
  6: "0%",
  7: "0",
};
const periodsD = [3, 4, 5];
const expectedD: Expected = {
  // Target 80%: green floor 80% × 0.95 = 76% (Green, inclusive); amber floor 80% × 0.9 = 72% exactly, although
  // 0.8*0.9 is 0.7200000000000001 in floating point: 72% is Amber.
  2: ["G", "A", "A"],
  // Lower: green ceiling 20 × 1.05 = 21 (Green), amber ceiling 22 (Amber), 22.01 Red.
  3: ["G", "A", "R"],
  // 71.99% below the amber floor 72%: Red; "95%*" (see note) Green; 80% Green.
  4: ["R", "G", "G"],
  // Higher, 40: green floor 38, amber floor 36; "36 e" (estimated) Amber; "35.9" Red.
  5: ["G", "A", "R"],
  // "Monitoring only": context measure, No target; blank No data.
  6: ["NT", "NT", "ND"],
  // "Good is: Low": ceiling 315 Green, 330 Amber, 331 Red.
  7: ["G", "A", "R"],
};

describe("thirteenth blind judge: scorecards read by the rules' grammar", () => {
  it("reads polarity wordings no example lists, and refuses the ones that name no single direction (Standard)", () => {
    const grid = gridOf("CSC Scorecard", cardA, formatsA, {}, 3, [9]);
    const plan = plannedWithReport(findTables(grid));
    judge(grid, plan, periodsA, expectedA);
  });

  it("reads a polarity code the workbook teaches in its KPIWords table", () => {
    const grid = gridOf("CSC Scorecard", cardA, formatsA, {}, 3, [9]);
    const register = paddedGrid(
      "KPI Register",
      [
        ["Word", "Means"],
        ["HIB", "Higher is better"],
      ],
      () => "General"
    );
    const { words } = wordsOfGrid(register);
    const found = findTables(grid, undefined, { words });
    const appraisal = appraise(found, { words });
    const plan: PlanWithReport = { ...planOf(appraisal), ...reportOf(appraisal) };
    // Taught, "HIB" is higher is better: 70% target Green, 66% Amber, 60% Red, 65% = tolerance Amber.
    judge(grid, plan, periodsA, { ...expectedA, 17: ["G", "A", "R", "A"] });
  });

  it("reads thresholds written in words and figures written as text, with no polarity column", () => {
    const grid = gridOf("Early Help and SEND", cardB, formatsB, {}, 1, [7]);
    const plan = plannedWithReport(findTables(grid));
    judge(grid, plan, periodsB, expectedB);
  });

  it("says a flag's or a suppression symbol's meaning in the reason of the cell that carries it", () => {
    const grid = gridOf("Early Help and SEND", cardB, formatsB, {}, 1, [7]);
    const plan = plannedWithReport(findTables(grid));
    const reasons = new Map(
      plan.tables.flatMap((t) =>
        t.rows.flatMap((r) => r.cells.map((c) => [c.address, c.reason] as const))
      )
    );
    expect.soft(reasons.get("E8")).toMatch(/provisional/i); // "6p"
    expect.soft(reasons.get("F8")).toMatch(/revised/i); // "8 r"
    expect.soft(reasons.get("G9")).toMatch(/confidential|suppress/i); // "c"
    expect.soft(reasons.get("G10")).toMatch(/note/i); // "6.1%*"
    expect.soft(reasons.get("G11")).toMatch(/not available|not applicable/i); // "x"
    expect.soft(reasons.get("G19")).toMatch(/not available/i); // ".."
    expect.soft(reasons.get("G13")).toMatch(/awaiting data from health/); // a text that is no figure says what it says
  });

  it("rates months given as dates against their financial year's target, with a tolerance in points", () => {
    const headerFormats = { 7: "mmm-yy", 8: "mmm-yy", 9: "mmm-yy", 10: "mmm-yy", 11: "mmm-yy" };
    const grid = gridOf("Corporate Parenting", cardC, formatsC, headerFormats, 3, [5, 13]);
    const plan = plannedWithReport(findTables(grid));
    judge(grid, plan, periodsC, expectedC);
  });

  it("rates the same card under its Recovery tolerance set", () => {
    const headerFormats = { 7: "mmm-yy", 8: "mmm-yy", 9: "mmm-yy", 10: "mmm-yy", 11: "mmm-yy" };
    const grid = gridOf("Corporate Parenting", cardC, formatsC, headerFormats, 3, [5, 13]);
    const plan = plannedWithReport(findTables(grid), "Recovery");
    judge(grid, plan, periodsC, expectedCRecovery);
  });

  it("rates by percentage of target at its exact boundaries when the council chooses that scheme", () => {
    const grid = gridOf("Team KPIs", cardD, formatsD, {}, 2);
    const settingsGrid = paddedGrid(
      "KPI Register",
      [
        ["Setting", "Value"],
        ["Scheme", "Percentage of target"],
        ["Green within", "5%"],
        ["Amber within", "10%"],
      ],
      () => "General"
    );
    const { settings } = workbookSettings(settingsTableOfGrid(settingsGrid), undefined);
    expect(settings.scheme.kind).toBe("percentage of target");
    const appraisal = appraise(findTables(grid), { scheme: settings.scheme });
    const plan: PlanWithReport = { ...planOf(appraisal), ...reportOf(appraisal) };
    expect(plan.scheme).toMatch(/^Percentage of target/);
    judge(grid, plan, periodsD, expectedD);
  });
});
