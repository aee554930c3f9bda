/**
 * Blind judge 19: two hand-typed, pasted-together row-per-KPI scorecards full of the dirt real workbooks carry
 * (line breaks, doubled and non-breaking spaces, en and em dashes, `=>`, `85 %`, years as numbers, Excel
 * errors in figures and thresholds, numbers stored as text, suppression symbols, capitalised polarities).
 * Every expectation was worked out by hand from PRODUCT.md alone.
 */
import { describe, expect, it } from "vitest";
import { type CellValue, findTables, type Grid } from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { type PlanWithReport, plannedWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, string>;
const err = (error: string): CellValue => ({ error });
const nbsp = "\u00a0";

/** Every period cell's status in the report, and the painted fill of exactly the Red/Amber/Green ones. */
function judge(grid: Grid, expected: Expected): { plan: PlanWithReport; got: Expected } {
  const plan = plannedWithReport(findTables(grid));
  const cells = plan.tables.flatMap((t) => t.rows.flatMap((r) => r.cells));
  const got: Expected = {};
  for (const address of Object.keys(expected)) {
    const cell = cells.find((c) => c.address === address);
    got[address] = cell ? `${cell.status} | ${cell.reason}` : "(not rated)";
  }
  return { plan, got };
}

function statusesOf(got: Expected): Expected {
  return Object.fromEntries(Object.entries(got).map(([a, s]) => [a, s.split(" | ")[0]]));
}

function paintOf(grid: Grid, plan: PlanWithReport): Expected {
  const statusOfFill = new Map(plan.rules.map((r) => [r.fill, r.status as string]));
  const painted = paintedCells(grid.values, plan.rules);
  return Object.fromEntries(
    [...painted.entries()].map(([a, fill]) => [a, statusOfFill.get(fill) ?? fill])
  );
}

function ragOnly(expected: Expected): Expected {
  return Object.fromEntries(
    Object.entries(expected).filter(([, s]) => s === "Red" || s === "Amber" || s === "Green")
  );
}

// ---------------------------------------------------------------- Card 1: a trust's quarterly safeguarding card
// A title, a blank row, a header row typed by hand (line break, trailing space, NBSP, en dash), ten KPIs.
const card1Rows: CellValue[][] = [
  ["Early Help and Safeguarding \u2014 quarterly scorecard"],
  [],
  [
    "Ref",
    `Measure${nbsp}`,
    "Polarity ",
    "Target\n2024/25",
    `Tolerance${nbsp} 2024\u201325`,
    "Q1 2024/25",
    "Q2 2024\u201425",
    "Q3  2024/25",
    "Q4 2024\u201325",
    "England\n2023/24",
  ],
  [
    "EH01",
    "Early help assessments completed within 45 days",
    "HIGHER IS BETTER.",
    0.85,
    0.8,
    0.86,
    0.85,
    0.8,
    0.79,
    0.82,
  ],
  [
    "EH02",
    "Re-referrals to children's social care within 12 months",
    "lower=better",
    "22 %",
    "25 %",
    0.21,
    0.22,
    0.235,
    0.26,
    0.22,
  ],
  [
    "EH03",
    "Child protection plans reviewed in timescale",
    "higher=better",
    "0.95",
    0.9,
    0.97,
    err("#DIV/0!"),
    0.93,
    0.89,
    0.91,
  ],
  [
    "EH04",
    "Average days from strategy discussion to ICPC",
    "Smaller  is  better",
    "15 days",
    "18 days",
    14.5,
    "16.0",
    err("#N/A"),
    19,
    15.2,
  ],
  [
    "EH05",
    "Children seen within 5 working days of CP plan start",
    "Bigger is better",
    err("#REF!"),
    0.9,
    0.92,
    0.95,
    "n/a",
    null,
    0.9,
  ],
  ["EH06", "Contacts received", "Monitoring only", null, null, "1,234", 1180, "*", 1302, null],
  [
    "EH07",
    "Section 47 enquiries leading to an ICPC",
    "HIGH IS GOOD",
    0.4,
    err("#N/A"),
    0.42,
    0.38,
    "..",
    0.45,
    0.39,
  ],
  [
    "EH08",
    "Social work staff turnover",
    "Aim: lower",
    "Suspended**",
    0.15,
    0.14,
    0.18,
    "x",
    0.12,
    0.16,
  ],
  [
    "EH09",
    "Care leavers aged 19-21 in education, employment or training",
    "higher is better",
    0.6,
    0.65,
    0.58,
    "-",
    0.61,
    0.66,
    0.55,
  ],
  [
    "EH10",
    "Children on a second or subsequent CP plan",
    "In range is better",
    "18%\u201323%",
    "\u00b12pp",
    0.2,
    0.245,
    0.15,
    0.18,
    0.23,
  ],
  [
    "EH11",
    "Single assessments authorised within 45 working days",
    `${nbsp}Higher${nbsp} is better `,
    "85 %",
    "0.8",
    "86 %",
    "84.0%",
    0.79,
    err("#VALUE!"),
    0.83,
  ],
];
const card1Formats: Record<number, string> = {
  3: "0%",
  4: "0.0%",
  5: "0%",
  6: "0.0",
  7: "0%",
  8: "#,##0",
  9: "0%",
  10: "0%",
  11: "0%",
  12: "0.0%",
  13: "0%",
};
const card1 = paddedGrid("Safeguarding Q", card1Rows, (r, c) =>
  c >= 3 && card1Formats[r] !== undefined ? card1Formats[r] : "General"
);

// Column G's header "Q2 2024—25" is typed with an em dash: a dash between years like "2019-20", so Q2 of 2024/25,
// rated against "Target\n2024/25" and "Tolerance 2024–25" like F, H and I (and in any case a quarter falls in its
// financial year, April to March, so no reading of it lands outside 2024/25).
const card1Expected: Expected = {
  // EH01 "HIGHER IS BETTER." capitals and a full stop: higher. 85% target, 80% tolerance, both inclusive.
  F4: "Green",
  G4: "Green",
  H4: "Amber",
  I4: "Red",
  // EH02 "lower=better" (direction + "="): lower. "22 %" / "25 %" with a space are 22% / 25%; fractions in 0.0%.
  F5: "Green",
  G5: "Green",
  H5: "Amber",
  I5: "Red",
  // EH03 target "0.95" is a formula's text result: the figure 0.95, i.e. 95% beside 0% fractions. #DIV/0! has no figure.
  F6: "Green",
  G6: "No data",
  H6: "Amber",
  I6: "Red",
  // EH04 days, lower: 14.5 <= 15 Green; "16.0" (number stored as text) <= 18 Amber; #N/A no figure; 19 > 18 Red.
  F7: "Green",
  G7: "Amber",
  H7: "No data",
  I7: "Red",
  // EH05 target #REF! cannot be read: Check definition for figures; "n/a" and a blank are No data whatever the row.
  F8: "Check definition",
  G8: "Check definition",
  H8: "No data",
  I8: "No data",
  // EH06 "Monitoring only": context measure, No target; "1,234" is a figure (thousands separator); "*" is no figure.
  F9: "No target",
  G9: "No target",
  H9: "No data",
  I9: "No target",
  // EH07 tolerance #N/A: the definition cannot be read (not silently two bands); ".." is a suppression symbol.
  F10: "Check definition",
  G10: "Check definition",
  H10: "No data",
  I10: "Check definition",
  // EH08 target "Suspended**": Suspended; "x" suppressed is No data.
  F11: "Suspended",
  G11: "Suspended",
  H11: "No data",
  I11: "Suspended",
  // EH09 higher is better with a tolerance (65%) above the target (60%): contradicts itself.
  F12: "Check definition",
  G12: "No data",
  H12: "Check definition",
  I12: "Check definition",
  // EH10 in range 18%–23% (en dash), ±2pp absolute: amber 16%–25%. 20% G, 24.5% A, 15% R, 18% G (inclusive).
  F13: "Green",
  G13: "Amber",
  H13: "Red",
  I13: "Green",
  // EH11 NBSP-padded polarity; tolerance "0.8" is a text result in a row kept as fractions (0.79 in 0%): 80%.
  // "86 %" and "84.0%" are figures written as text; #VALUE! has no figure.
  F14: "Green",
  G14: "Amber",
  H14: "Red",
  I14: "No data",
};

// ---------------------------------------------------------------- Card 2: a council's annual education card
// No polarity column (the target's operator decides), years as plain numbers, percentages as whole numbers.
const card2Rows: CellValue[][] = [
  ["Education and Inclusion \u2013 annual indicators 2021\u20142024"],
  [
    "Indicator",
    "Target ",
    "Amber  threshold",
    2021,
    2022,
    2023,
    2024,
    `Statistical${nbsp}neighbours`,
    "RAG",
    "Commentary",
  ],
  [
    "EHC plans issued within 20 weeks (%)",
    "\u2265 60%",
    "50%",
    62,
    60,
    55,
    48,
    51,
    "R",
    "Capacity in EP service",
  ],
  ["Persistent absence, children in care (%)", "< 15%", "<= 18%", 14, 15, 18, 19, 17, "R", ""],
  [
    "Initial health assessments within 20 working days (%)",
    "=>90%",
    "80 %",
    91,
    "90",
    err("#DIV/0!"),
    79,
    85,
    "R",
    "2023 return failed",
  ],
  ["Care leavers in suitable accommodation (%)", ">=85 %", null, 88, 84, "n/a", 85, 88, "G", null],
  [
    "Average caseload per social worker",
    "No more than 18",
    "20",
    17,
    19,
    21,
    "-",
    16,
    "",
    "2024 not yet due",
  ],
  ["Agency social workers (%)", "<=15%", "20%", 12, 16, "x", 21, 14, "R", null],
  [
    "Contacts to the front door",
    "Not set",
    null,
    "2,345",
    "2,410",
    "..",
    2511,
    null,
    null,
    "Context",
  ],
  [
    "EHCP annual reviews completed in time (%)",
    "At least 75%",
    "\u00b15pp",
    75,
    70,
    69,
    "*",
    72,
    "",
    "* data quality issue",
  ],
  [
    "First-time entrants to youth justice per 100,000",
    "Below 200",
    "220",
    180,
    200,
    220,
    221,
    190,
    "R",
    null,
  ],
  [
    "Children in care with an up-to-date PEP (%)",
    "Minimum 80%",
    "75%",
    "81%",
    79.5,
    75,
    err("#N/A"),
    78,
    "A",
    null,
  ],
  [
    "Missing episodes with a return interview offered (%)",
    "> 95%",
    "90%",
    96,
    95,
    90,
    89.5,
    93,
    "R",
    null,
  ],
];
const card2 = paddedGrid("Education annual", card2Rows, (r, c) =>
  r === 1 && c >= 3 && c <= 6
    ? "0"
    : r >= 2 && c >= 3 && c <= 7
      ? r === 11 || r === 12
        ? "0.0"
        : r === 8
          ? "#,##0"
          : "0"
      : "General"
);

const card2Expected: Expected = {
  // "≥ 60%": higher, inclusive; whole-number percents (62 beside 60%); amber at 50%.
  D3: "Green",
  E3: "Green",
  F3: "Amber",
  G3: "Red",
  // "< 15%" strict lower: 15 has not met it -> Amber (<= 18% inclusive); 18 Amber; 19 Red.
  D4: "Green",
  E4: "Amber",
  F4: "Amber",
  G4: "Red",
  // "=>90%" is >= : higher, inclusive; "90" stored as text is 90 -> Green; "80 %" with a space; #DIV/0! no figure.
  D5: "Green",
  E5: "Green",
  F5: "No data",
  G5: "Red",
  // ">=85 %" and no tolerance: two bands, Green and Red. 84 Red, 85 Green.
  D6: "Green",
  E6: "Red",
  F6: "No data",
  G6: "Green",
  // "No more than 18": lower, inclusive; amber boundary 20. 17 G, 19 A, 21 R, "-" No data.
  D7: "Green",
  E7: "Amber",
  F7: "Red",
  G7: "No data",
  // "<=15%": lower, inclusive; amber to 20%. "x" suppressed.
  D8: "Green",
  E8: "Amber",
  F8: "No data",
  G8: "Red",
  // "Not set": no target; text counts with thousands separators are still figures -> No target; ".." No data.
  D9: "No target",
  E9: "No target",
  F9: "No data",
  G9: "No target",
  // "At least 75%": higher inclusive; ±5pp absolute -> amber floor 70. "*" is not a figure.
  D10: "Green",
  E10: "Amber",
  F10: "Red",
  G10: "No data",
  // "Below 200": lower, strict; 200 has not met it -> Amber (<= 220 inclusive); 221 Red.
  D11: "Green",
  E11: "Amber",
  F11: "Amber",
  G11: "Red",
  // "Minimum 80%": higher, inclusive; "81%" as text beside whole numbers is 81%; 79.5 Amber; 75 Amber (inclusive).
  D12: "Green",
  E12: "Amber",
  F12: "Amber",
  G12: "No data",
  // "> 95%": higher, strict; 95 Amber; 90 Amber (inclusive tolerance); 89.5 Red.
  D13: "Green",
  E13: "Amber",
  F13: "Amber",
  G13: "Red",
};

describe("blind judge 19: dirty, hand-typed row-per-KPI scorecards", () => {
  it("rates a quarterly safeguarding card through line breaks, NBSPs, en dashes, capitals and Excel errors", () => {
    const { got } = judge(card1, card1Expected);
    expect(statusesOf(got), JSON.stringify(got, null, 1)).toEqual(card1Expected);
  });

  it("paints exactly the quarterly card's Red, Amber and Green period cells, and nothing else", () => {
    const { plan } = judge(card1, card1Expected);
    expect(paintOf(card1, plan)).toEqual(ragOnly(card1Expected));
  });

  it("rates an annual council card with numeric year headers, operators as polarity and whole-number percents", () => {
    const { got } = judge(card2, card2Expected);
    expect(statusesOf(got), JSON.stringify(got, null, 1)).toEqual(card2Expected);
  });

  it("paints exactly the annual card's Red, Amber and Green period cells, and nothing else", () => {
    const { plan } = judge(card2, card2Expected);
    expect(paintOf(card2, plan)).toEqual(ragOnly(card2Expected));
  });
});
