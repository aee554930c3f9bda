/**
 * Thirty-fifth blind judge: two small scorecards as a performance system and a SharePoint list export them
 * (owner, frequency, data source and last-updated columns; the analyst's own RAG after each period's figure;
 * period headers written as `Apr 24` and `2024-25 Q1`; threshold headers with units and years). Every
 * expectation was worked by hand from PRODUCT.md alone.
 */
import { describe, expect, it } from "vitest";
import { type CellValue, findTables, type Grid } from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, string>;

const G = "Green";
const A = "Amber";
const R = "Red";
const S = "Suspended";
const NT = "No target";
const ND = "No data";
const CD = "Check definition";
const rag = new Set([G, A, R]);

/** The A1 address of a zero-based row and column ("J2" for row 1, column 9). */
function a1(row: number, column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** A grid whose cells take `formats[row][column]`, "General" where none is given. */
function gridOf(sheet: string, rows: CellValue[][], formats: string[][]): Grid {
  return paddedGrid(sheet, rows, (row, column) => formats[row]?.[column] || "General");
}

function statusesOf(plan: PlanWithReport): Map<string, { status: string; reason: string }> {
  const cells = new Map<string, { status: string; reason: string }>();
  for (const table of plan.tables)
    for (const row of table.rows)
      for (const cell of row.cells)
        cells.set(cell.address, { status: cell.status, reason: cell.reason });
  return cells;
}

/** Each expected status in the report, each R/A/G cell painted its own colour, and nothing else painted. */
function judge(grid: Grid, plan: PlanWithReport, expected: Expected): void {
  const report = statusesOf(plan);
  for (const [address, status] of Object.entries(expected))
    expect(
      `${address} ${report.get(address)?.status}`,
      `${address}: ${report.get(address)?.reason}`
    ).toBe(`${address} ${status}`);
  // Only the period cells are rated: the analyst's RAG columns, dates, owners are not periods.
  expect([...report.keys()].sort()).toEqual(Object.keys(expected).sort());

  const statusOfFill = new Map(plan.rules.map((rule) => [rule.fill, rule.status as string]));
  const painted = paintedCells(grid.values, plan.rules);
  const paintedStatus = new Map(
    [...painted].map(([address, fill]) => [address, statusOfFill.get(fill) ?? fill])
  );
  const shouldPaint = new Map(Object.entries(expected).filter(([, status]) => rag.has(status)));
  // Every painted address is a cell of the grid (the loop below then sees every painted cell).
  expect([...painted.keys()].every((address) => /^[A-Q][1-9]$/.test(address))).toBe(true);
  expect(painted.size).toBe(shouldPaint.size);
  for (let row = 0; row < grid.values.length; row++)
    for (let column = 0; column < grid.values[row].length; column++) {
      const address = a1(row, column);
      expect(`${address} ${paintedStatus.get(address) ?? "unpainted"}`).toBe(
        `${address} ${shouldPaint.get(address) ?? "unpainted"}`
      );
    }
}

describe("thirty-fifth blind judge: scorecards exported from a performance system and a SharePoint list", () => {
  it("rates a monthly performance-system export with owner, frequency, source and last-updated columns, and the analyst's RAG after each month", () => {
    const header = [
      "Ref",
      "Measure",
      "Lead officer",
      "Frequency",
      "Data source",
      "Last updated",
      "Polarity",
      "Target (%)",
      "Tolerance (pp)",
      "Apr 24",
      "RAG",
      "May 24",
      "RAG",
      "Jun 24",
      "RAG",
      "Jul 24",
      "RAG",
    ];
    const fixed = (ref: string, measure: string, officer: string, polarity: string) => [
      ref,
      measure,
      officer,
      "Monthly",
      "Mosaic",
      45505, // 1 Aug 2024, a date: not a period
      polarity,
    ];
    const rows: CellValue[][] = [
      header,
      // Target (%) makes 95 mean 95%; Tolerance (pp) makes 3 a margin of 3 points: amber floor 92%.
      // 0.96 G; 0.93 >= 0.92 A; 0.91 < 0.92 R; 0.95 is exactly the target, inclusive: G.
      [
        ...fixed(
          "CS01",
          "Referrals with a decision within one working day",
          "J. Patel",
          "High = good"
        ),
        95,
        3,
        0.96,
        "G",
        0.93,
        "A",
        0.91,
        "R",
        0.95,
        "G",
      ],
      // "Lower = better"; whole numbers on a "0" format beside a (%) target of 22: the row keeps percentages
      // as whole numbers. Amber ceiling 22 + 2 = 24 (inclusive): 21 G, 23 A, 24 A, 25 R.
      [
        ...fixed("CS02", "Re-referrals within 12 months", "M. Okafor", "Lower = better"),
        22,
        2,
        21,
        "G",
        23,
        "A",
        24,
        "A",
        25,
        "R",
      ],
      // An up arrow under the Polarity heading is higher-is-better. Floor 98 - 2 = 96%.
      // blank: No data; "N/A": No data; 95.5% < 96%: R.
      [
        ...fixed("CS03", "Child protection plans reviewed in timescale", "A. Byrne", "↑"),
        98,
        2,
        0.985,
        "G",
        null,
        "",
        "N/A",
        "",
        0.955,
        "R",
      ],
      // "Low is good" pairs a direction with "is good". Ceiling 15 + 5 = 20%: 14 G, 18 A, 19 A, 20.5 R.
      [
        ...fixed("CS04", "Agency social workers (share of posts)", "S. Hughes", "Low is good"),
        15,
        5,
        0.14,
        "G",
        0.18,
        "A",
        0.19,
        "A",
        0.205,
        "R",
      ],
      // Suspended** target: every figure Suspended; the blank month is No data whatever the definition.
      [
        ...fixed(
          "CS05",
          "Return home interviews offered within 72 hours",
          "L. Grant",
          "High is good"
        ),
        "Suspended**",
        null,
        0.5,
        "",
        0.52,
        "",
        null,
        "",
        0.55,
        "",
      ],
      // Monitoring only: a context measure, No target.
      [
        ...fixed(
          "CS06",
          "Contacts from police (share of all contacts)",
          "J. Patel",
          "Monitoring only"
        ),
        null,
        null,
        31,
        "",
        28,
        "",
        30,
        "",
        33,
        "",
      ],
      // "See service plan" names no direction and no range: unknown, never a guess. Figures are
      // Check definition; the blank July is No data.
      [
        ...fixed("CS07", "Children with an up-to-date plan", "A. Byrne", "See service plan"),
        60,
        5,
        0.58,
        "A",
        0.61,
        "G",
        0.6,
        "G",
        null,
        "",
      ],
    ];
    const periodFormat = ["0%", "0", "0.0%", "0%", "0%", "0", "0%"];
    const formats = rows.map((row, r) =>
      row.map((_, c) => {
        if (r === 0) return "General";
        if (c === 5) return "dd/mm/yyyy";
        if ([9, 11, 13, 15].includes(c)) return r === 4 && c === 15 ? "0.0%" : periodFormat[r - 1];
        return "General";
      })
    );
    const grid = gridOf("Performance export", rows, formats);
    const plan = plannedWithReport(findTables(grid));
    judge(grid, plan, {
      J2: G,
      L2: A,
      N2: R,
      P2: G,
      J3: G,
      L3: A,
      N3: A,
      P3: R,
      J4: G,
      L4: ND,
      N4: ND,
      P4: R,
      J5: G,
      L5: A,
      N5: A,
      P5: R,
      J6: S,
      L6: S,
      N6: ND,
      P6: S,
      J7: NT,
      L7: NT,
      N7: NT,
      P7: NT,
      J8: CD,
      L8: CD,
      N8: CD,
      P8: ND,
    });
  });

  it("rates a quarterly SharePoint list export with year-qualified targets, text figures in days and a RAG column after each quarter", () => {
    const header = [
      "ID",
      "Performance indicator",
      "Owner",
      "Data source",
      "Modified",
      "Polarity",
      "Target 2023-24",
      "Target 2024-25",
      "Tolerance",
      "2023-24 Q3",
      "Q3 RAG",
      "2023-24 Q4",
      "Q4 RAG",
      "2024-25 Q1",
      "Q1 RAG",
      "2024-25 Q2",
      "Q2 RAG",
    ];
    const fixed = (id: number, indicator: string, owner: string, polarity: string) => [
      id,
      indicator,
      owner,
      "Liquidlogic",
      45580.4375, // 15 Oct 2024 10:30, a date-time: not a period
      polarity,
    ];
    const rows: CellValue[][] = [
      header,
      // "Up is good". 2023-24 quarters against 85%, 2024-25 against 88%; tolerance 80%.
      // 86 >= 85 G; 79 < 80 R; 87 < 88 but >= 80 A; "90%p" is 90% provisional >= 88 G.
      [
        ...fixed(
          41,
          "Single assessments completed within 45 working days",
          "R. Shah",
          "Up is good"
        ),
        0.85,
        0.88,
        0.8,
        0.86,
        "Green",
        0.79,
        "Red",
        0.87,
        "Amber",
        "90%p",
        "Green",
      ],
      // "Less is better"; figures written as text in days. Green <= 15, Amber <= 18 (inclusive).
      // 13 G; 18 days is the tolerance itself, A; 15 days is the target itself, G; 19 R.
      [
        ...fixed(
          42,
          "Days from strategy discussion to initial conference",
          "K. Doyle",
          "Less is better"
        ),
        15,
        15,
        18,
        "13 days",
        "Green",
        "18 days",
        "Amber",
        "15 days",
        "Green",
        "19 days",
        "Red",
      ],
      // "H"; only 2023-24 has a target and the table has no unqualified target column, so the
      // 2024-25 quarters are No target (that year has none), the tolerance alone rates nothing.
      [
        ...fixed(43, "Care leavers in suitable accommodation", "R. Shah", "H"),
        0.9,
        null,
        0.85,
        0.92,
        "Green",
        0.86,
        "Amber",
        0.95,
        "",
        0.8,
        "",
      ],
      // "L" with "Less than" targets: strict, the figure equal to it has not met it. Tolerance 25%.
      // 20% is not < 20%: A; 19% < 20% G; 18% is not < 18%: A; 26% > 25% R.
      [
        ...fixed(44, "Repeat child protection plans within two years", "K. Doyle", "L"),
        "Less than 20%",
        "Less than 18%",
        0.25,
        0.2,
        "Amber",
        0.19,
        "Green",
        0.18,
        "Amber",
        0.26,
        "Red",
      ],
      // "Aim: maximise". 2023-24's target Suspended*: its quarter with a figure is Suspended, its
      // "Not Available" quarter No data. 2024-25 target 70%, tolerance 60%: 65 A, 72 G.
      [
        ...fixed(
          45,
          "Initial health assessments within 20 working days",
          "M. Evans",
          "Aim: maximise"
        ),
        "Suspended*",
        0.7,
        0.6,
        0.55,
        "",
        "Not Available",
        "",
        0.65,
        "Amber",
        0.72,
        "Green",
      ],
      // Context: No target for every figure ("1,234" as text is a figure); the blank is No data.
      [
        ...fixed(46, "Contacts received", "M. Evans", "Context"),
        null,
        null,
        null,
        "1,234",
        "",
        1180,
        "",
        1302,
        "",
        null,
        "",
      ],
      // "Good is: High" with a tolerance of 85% above the target of 80%: the definition contradicts
      // itself, Check definition for each figure; the blank quarter is No data.
      [
        ...fixed(47, "Pathway plans up to date", "L. Grant", "Good is: High"),
        0.8,
        0.8,
        0.85,
        0.82,
        "Green",
        0.79,
        "Amber",
        null,
        "",
        0.83,
        "Green",
      ],
    ];
    const formats = rows.map((row, r) =>
      row.map((_, c) => {
        if (r === 0) return "General";
        if (c === 4) return "dd/mm/yyyy hh:mm";
        if (r === 2 || r === 6) return "General"; // the days row and the count row
        if ([6, 7, 8, 9, 11, 13, 15].includes(c)) return "0%";
        return "General";
      })
    );
    const grid = gridOf("SharePoint export", rows, formats);
    const plan = plannedWithReport(findTables(grid));
    judge(grid, plan, {
      J2: G,
      L2: R,
      N2: A,
      P2: G,
      J3: G,
      L3: A,
      N3: G,
      P3: R,
      J4: G,
      L4: A,
      N4: NT,
      P4: NT,
      J5: A,
      L5: G,
      N5: A,
      P5: R,
      J6: S,
      L6: ND,
      N6: A,
      P6: G,
      J7: NT,
      L7: NT,
      N7: NT,
      P7: ND,
      J8: CD,
      L8: CD,
      N8: ND,
      P8: CD,
    });
  });
});
