/**
 * Thirty-fourth blind judge: two small scorecards with headline columns (`Latest`, `Year to date`, `Current`)
 * beside their periods, rated under four council schemes. Every expectation was worked by hand from
 * PRODUCT.md alone; the reasoning sits beside each row.
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
} from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = "Green" | "Amber" | "Red" | "No data" | "No target" | "Suspended";
const G = "Green",
  A = "Amber",
  R = "Red",
  ND = "No data",
  NT = "No target",
  SU = "Suspended";
const rag = new Set<string>([G, A, R]);

/** Expected statuses of a row, one per column letter from `first` on. */
function rowOf(row: number, first: string, statuses: Expected[]): Record<string, Expected> {
  const start = first.charCodeAt(0);
  return Object.fromEntries(
    statuses.map((status, i) => [`${String.fromCharCode(start + i)}${row}`, status])
  );
}

function rated(grid: Grid, scheme: Scheme): PlanWithReport {
  if (scheme.kind === "standard") return plannedWithReport(findTables(grid));
  const appraisal = appraise(findTables(grid), { scheme });
  const { tables, scheme: name } = reportOf(appraisal);
  return { ...planOf(appraisal), tables, scheme: name };
}

/** Every period and headline cell has its status; exactly the R/A/G ones are painted, each in its own colour. */
function judge(grid: Grid, result: PlanWithReport, expected: Record<string, Expected>): void {
  const cells = new Map(
    result.tables.flatMap((table) =>
      table.rows.flatMap((row) => row.cells.map((cell) => [cell.address, cell] as const))
    )
  );
  for (const [address, status] of Object.entries(expected)) {
    const cell = cells.get(address);
    expect.soft(cell?.status, `${address}: ${cell?.reason ?? "not rated"}`).toBe(status);
  }
  expect.soft([...cells.keys()].sort(), "rated cells").toEqual(Object.keys(expected).sort());
  const statusOfFill = new Map(result.rules.map((rule) => [rule.fill, rule.status]));
  const painted = Object.fromEntries(
    [...paintedCells(grid.values, result.rules)].map(([address, fill]) => [
      address,
      statusOfFill.get(fill),
    ])
  );
  const shouldPaint = Object.fromEntries(
    Object.entries(expected).filter(([, status]) => rag.has(status))
  );
  expect.soft(painted, "painted cells").toEqual(shouldPaint);
}

// ---------------------------------------------------------------------------------------------
// Card 1: a council's monthly Early Help & Safeguarding card, oldest first, months as Excel dates,
// a year-qualified target, an `Amber trigger` tolerance, `Latest` repeating July's figure (or, where
// July is blank, the last month that has one), `Year to date`, England and the analyst's own RAG.
// ---------------------------------------------------------------------------------------------
const apr24 = 45383,
  may24 = 45413,
  jun24 = 45444,
  jul24 = 45474;
const card1Rows: CellValue[][] = [
  ["Early Help and Safeguarding: monthly scorecard 2024/25"],
  [],
  [
    "Ref",
    "Measure",
    "Polarity",
    "Target 2024/25",
    "Amber trigger",
    apr24,
    may24,
    jun24,
    jul24,
    "Latest",
    "Year to date",
    "England",
    "RAG",
  ],
  [
    "SG01",
    "Re-referrals within 12 months",
    "Aim to keep low",
    0.22,
    0.25,
    0.21,
    0.26,
    0.27,
    0.255,
    0.255,
    0.248,
    0.22,
    "R",
  ],
  [
    "SG02",
    "Children seen within assessment timescale",
    "More is better",
    0.9,
    0.85,
    0.88,
    0.84,
    0.86,
    0.93,
    0.93,
    0.878,
    0.87,
    "G",
  ],
  [
    "SG03",
    "Children subject to a second or subsequent CP plan",
    "Aim to keep low",
    0.18,
    0.23,
    0.17,
    "c",
    0.19,
    0.24,
    0.24,
    0.2,
    0.23,
    "R",
  ],
  [
    "SG04",
    "Average days from referral to assessment completion",
    "Fewer days = better",
    "45 days",
    50,
    47,
    53,
    51,
    null,
    51,
    50,
    48,
    "R",
  ],
  [
    "SG05",
    "Initial child protection conferences within 15 working days",
    "Higher = good",
    "At least 85%",
    0.8,
    0.86,
    0.79,
    0.8,
    "83%p",
    0.83,
    0.82,
    0.78,
    "A",
  ],
  [
    "SG06",
    "Contacts received by the front door",
    "Monitoring only",
    "",
    "",
    1180,
    1243,
    1302,
    1275,
    1275,
    5000,
    null,
    "",
  ],
  [
    "SG07",
    "Children in need visited within 4 weeks",
    "Higher is better",
    "Suspended**",
    "",
    0.7,
    0.72,
    0.69,
    0.74,
    0.74,
    0.71,
    null,
    "",
  ],
];
const card1Formats: Record<number, string> = {
  3: "0.0%",
  4: "0.0%",
  5: "0.0%",
  6: "0",
  7: "0.0%",
  8: "#,##0",
  9: "0%",
};
function card1(targetHeader = "Target 2024/25"): Grid {
  const rows = card1Rows.map((row, r) =>
    r === 2 ? row.map((cell, c) => (c === 3 ? targetHeader : cell)) : row
  );
  return paddedGrid("Safeguarding", rows, (row, column) => {
    if (row === 2 && column >= 5 && column <= 8) return "mmm-yy";
    if (row >= 3 && column >= 3 && column <= 11) {
      if (column === 3 && row !== 6 && row !== 8) return "0%";
      return card1Formats[row] ?? "General";
    }
    return "General";
  });
}

// Columns F Apr, G May, H Jun, I Jul, J Latest, K Year to date.
// The target is `Target 2024/25` and every month shown (Apr–Jul 2024) falls in 2024/25. A headline column
// "holds a period's figure and is rated like a period": Latest holds July's figure (June's on SG04, where
// July is blank), and the Year to date is 2024/25's, so both take the 2024/25 target, as their months do.
const card1Expected: Record<string, Record<string, Expected>> = {
  standard: {
    // SG01 lower, green ≤22%, amber ≤25%: 21 G, 26 R, 27 R, 25.5 R, Latest 25.5 R, YTD 24.8 A.
    ...rowOf(4, "F", [G, R, R, R, R, A]),
    // SG02 higher, green ≥90%, amber ≥85%: 88 A, 84 R, 86 A, 93 G, 93 G, 87.8 A.
    ...rowOf(5, "F", [A, R, A, G, G, A]),
    // SG03 lower 18/23: 17 G, `c` suppressed → No data, 19 A, 24 R, 24 R, 20 A.
    ...rowOf(6, "F", [G, ND, A, R, R, A]),
    // SG04 lower, "45 days"/50: 47 A, 53 R, 51 R, blank Jul → No data (never a zero), Latest 51 R, YTD 50 A (inclusive).
    ...rowOf(7, "F", [A, R, R, ND, R, A]),
    // SG05 "At least 85%" inclusive, amber ≥80%: 86 G, 79 R, 80 A (inclusive), "83%p" (provisional) A, 83 A, 82 A.
    ...rowOf(8, "F", [G, R, A, A, A, A]),
    // SG06 "Monitoring only": a context measure → No target everywhere.
    ...rowOf(9, "F", [NT, NT, NT, NT, NT, NT]),
    // SG07 target "Suspended**" → Suspended everywhere.
    ...rowOf(10, "F", [SU, SU, SU, SU, SU, SU]),
  },
  "amber by direction": {
    // Red-band cells become Amber only when better than the period before. Latest repeats July, so it is
    // July's figure and is compared with June (as July is). YTD cells here all sit in the Amber band anyway.
    // SG01: May 26 vs Apr 21 worse R; Jun 27 vs 26 worse R; Jul 25.5 vs 27 better A; Latest = Jul's 25.5 vs Jun 27 → A.
    ...rowOf(4, "F", [G, R, R, A, A, A]),
    // SG02: May 84 vs Apr 88 worse → R; others in their bands.
    ...rowOf(5, "F", [A, R, A, G, G, A]),
    // SG03: Jul 24 vs Jun 19 worse → R; Latest = Jul's 24 vs Jun 19 → R.
    ...rowOf(6, "F", [G, ND, A, R, R, A]),
    // SG04: May 53 vs Apr 47 worse R; Jun 51 vs May 53 better A; Jul blank No data; Latest holds 51, the
    // last month with a figure (June), so it is rated as June is: vs May's 53 → A.
    ...rowOf(7, "F", [A, R, A, ND, A, A]),
    // SG05: May 79 vs Apr 86 worse → R.
    ...rowOf(8, "F", [G, R, A, A, A, A]),
    ...rowOf(9, "F", [NT, NT, NT, NT, NT, NT]),
    ...rowOf(10, "F", [SU, SU, SU, SU, SU, SU]),
  },
  "green and red": {
    // Tolerance ignored: Green at/beyond target, otherwise Red.
    ...rowOf(4, "F", [G, R, R, R, R, R]),
    ...rowOf(5, "F", [R, R, R, G, G, R]),
    ...rowOf(6, "F", [G, ND, R, R, R, R]),
    ...rowOf(7, "F", [R, R, R, ND, R, R]),
    ...rowOf(8, "F", [G, R, R, R, R, R]),
    ...rowOf(9, "F", [NT, NT, NT, NT, NT, NT]),
    ...rowOf(10, "F", [SU, SU, SU, SU, SU, SU]),
  },
  "percentage of target": {
    // Green within 5%, Amber within 10% of the target's value, on its worse side.
    // SG01 lower 22%: green ≤23.1%, amber ≤24.2%: 21 G, 26 R, 27 R, 25.5 R, 25.5 R, 24.8 R.
    ...rowOf(4, "F", [G, R, R, R, R, R]),
    // SG02 higher 90%: green ≥85.5%, amber ≥81%: 88 G, 84 A, 86 G, 93 G, 93 G, 87.8 G.
    ...rowOf(5, "F", [G, A, G, G, G, G]),
    // SG03 lower 18%: green ≤18.9%, amber ≤19.8%: 17 G, c ND, 19 A, 24 R, 24 R, 20 R.
    ...rowOf(6, "F", [G, ND, A, R, R, R]),
    // SG04 lower 45 days: green ≤47.25, amber ≤49.5: 47 G, 53 R, 51 R, ND, 51 R, 50 R.
    ...rowOf(7, "F", [G, R, R, ND, R, R]),
    // SG05 higher 85%: green ≥80.75%, amber ≥76.5%: 86 G, 79 A, 80 A, 83 G, 83 G, 82 G.
    ...rowOf(8, "F", [G, A, A, G, G, G]),
    ...rowOf(9, "F", [NT, NT, NT, NT, NT, NT]),
    ...rowOf(10, "F", [SU, SU, SU, SU, SU, SU]),
  },
};

// ---------------------------------------------------------------------------------------------
// Card 2: a quarterly corporate-parenting card, newest first, percentages kept as whole numbers
// (`Target (%)`, `Tolerance (pp)` = an absolute margin), `Current` at the left holding a figure newer
// than every quarter shown (it never equals Q4), statistical neighbours and commentary.
// ---------------------------------------------------------------------------------------------
const card2Rows: CellValue[][] = [
  ["Corporate parenting: quarterly scorecard (newest first)"],
  [
    "Measure",
    "Polarity",
    "Target (%)",
    "Tolerance (pp)",
    "Current",
    "Q4 24/25",
    "Q3 24/25",
    "Q2 24/25",
    "Q1 24/25",
    "Statistical neighbours",
    "Commentary",
  ],
  [
    "Care leavers in suitable accommodation",
    "↑",
    70,
    5,
    60,
    57,
    64,
    60,
    58,
    66,
    "Recovering after Q4",
  ],
  ["Initial health assessments within 20 working days", "H", 80, 5, 77, 74, 66, 71, 82, 78, ""],
  ["Re-referrals of looked after children", "L", 20, 3, 24, 26, 22, 19, 23, 21, ""],
  [
    "Care leavers aged 19-21 in education, employment or training",
    "Higher is better",
    55,
    5,
    56,
    48,
    52,
    "c",
    47,
    54,
    "Q2 suppressed (small numbers)",
  ],
  [
    "Children looked after with 3 or more placements in the year",
    "Less is better",
    10,
    2,
    11,
    9,
    10,
    13,
    12,
    11,
    "",
  ],
  ["Number of children looked after", "Context", "", "", 318, 312, 305, 298, 301, 290, ""],
];
function card2(): Grid {
  return paddedGrid("Corporate parenting", card2Rows, () => "General");
}

// Columns E Current, F Q4, G Q3, H Q2, I Q1 (the period before a quarter is the column to its right).
const card2Expected: Record<string, Record<string, Expected>> = {
  standard: {
    // Row 3 higher, green ≥70, amber ≥65 (5pp absolute): 60 57 64 60 58 all R.
    ...rowOf(3, "E", [R, R, R, R, R]),
    // Row 4 higher 80/75: 77 A, 74 R, 66 R, 71 R, 82 G.
    ...rowOf(4, "E", [A, R, R, R, G]),
    // Row 5 lower 20/23: 24 R, 26 R, 22 A, 19 G, 23 A (inclusive).
    ...rowOf(5, "E", [R, R, A, G, A]),
    // Row 6 higher 55/50: 56 G, 48 R, 52 A, c → No data, 47 R.
    ...rowOf(6, "E", [G, R, A, ND, R]),
    // Row 7 lower 10/12: 11 A, 9 G, 10 G, 13 R, 12 A.
    ...rowOf(7, "E", [A, G, G, R, A]),
    ...rowOf(8, "E", [NT, NT, NT, NT, NT]),
  },
  "amber by direction": {
    // Row 3: Q1 58 has no period before → not better → R; Q2 60 vs 58 better A; Q3 64 vs 60 better A;
    // Q4 57 vs 64 worse R; Current 60 is newer than Q4, so compared with Q4's 57 → better → A
    // (compared with Q3's 64 it would be R).
    ...rowOf(3, "E", [A, R, A, A, R]),
    // Row 4: Q2 71 vs Q1 82 worse R; Q3 66 vs 71 worse R; Q4 74 vs 66 better A; Current 77 Amber band.
    ...rowOf(4, "E", [A, A, R, R, G]),
    // Row 5: Q4 26 vs Q3 22 worse R; Current 24 vs Q4 26 better → A.
    ...rowOf(5, "E", [A, R, A, G, A]),
    // Row 6: Q1 47 first period → R; Q4 48 vs Q3 52 worse → R.
    ...rowOf(6, "E", [G, R, A, ND, R]),
    // Row 7: Q2 13 vs Q1 12 worse → R.
    ...rowOf(7, "E", [A, G, G, R, A]),
    ...rowOf(8, "E", [NT, NT, NT, NT, NT]),
  },
  "green and red": {
    ...rowOf(3, "E", [R, R, R, R, R]),
    ...rowOf(4, "E", [R, R, R, R, G]),
    ...rowOf(5, "E", [R, R, R, G, R]),
    ...rowOf(6, "E", [G, R, R, ND, R]),
    ...rowOf(7, "E", [R, G, G, R, R]),
    ...rowOf(8, "E", [NT, NT, NT, NT, NT]),
  },
  "percentage of target": {
    // Row 3 higher 70: green ≥66.5, amber ≥63: 60 R, 57 R, 64 A, 60 R, 58 R.
    ...rowOf(3, "E", [R, R, A, R, R]),
    // Row 4 higher 80: green ≥76, amber ≥72: 77 G, 74 A, 66 R, 71 R, 82 G.
    ...rowOf(4, "E", [G, A, R, R, G]),
    // Row 5 lower 20: green ≤21, amber ≤22: 24 R, 26 R, 22 A, 19 G, 23 R.
    ...rowOf(5, "E", [R, R, A, G, R]),
    // Row 6 higher 55: green ≥52.25, amber ≥49.5: 56 G, 48 R, 52 A, ND, 47 R.
    ...rowOf(6, "E", [G, R, A, ND, R]),
    // Row 7 lower 10: green ≤10.5, amber ≤11: 11 A, 9 G, 10 G, 13 R, 12 R.
    ...rowOf(7, "E", [A, G, G, R, R]),
    ...rowOf(8, "E", [NT, NT, NT, NT, NT]),
  },
};

const schemes: Scheme[] = [
  { kind: "standard" },
  { kind: "amber by direction" },
  { kind: "green and red" },
  { kind: "percentage of target", green: 0.05, amber: 0.1 },
];

describe("thirty-fourth blind judge: headline columns under council schemes", () => {
  for (const scheme of schemes) {
    it(`rates the monthly safeguarding card's months, Latest and Year to date under ${scheme.kind}`, () => {
      const grid = card1();
      judge(grid, rated(grid, scheme), card1Expected[scheme.kind]);
    });
    it(`rates the same card with an unqualified Target header under ${scheme.kind}`, () => {
      // Without a year on the target nothing depends on which year Latest or Year to date falls in.
      const grid = card1("Target");
      judge(grid, rated(grid, scheme), card1Expected[scheme.kind]);
    });
    it(`rates the newest-first corporate parenting card's quarters and Current under ${scheme.kind}`, () => {
      const grid = card2();
      judge(grid, rated(grid, scheme), card2Expected[scheme.kind]);
    });
  }
});
