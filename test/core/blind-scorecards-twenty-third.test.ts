/**
 * Blind judge 23: two small scorecards worked out by hand from PRODUCT.md alone, with the emphasis on the
 * KPI register and on "a formula and a coloured cell can never disagree". Every period cell is checked three
 * ways against the hand-worked status: the report, the fill the conditional formatting paints, and the
 * custom function (KPI.RATE for an id the built-in catalogue rates; KPI.RAG with the row's own wording where
 * the row or the workbook's KPIRegister table gives the thresholds, as the plain functions outside Excel
 * cannot see the workbook's table or its KPISettings).
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  buildRegister,
  type CellValue,
  findTables,
  type Grid,
  planOf,
  registerColumns,
  reportOf,
  type Status,
} from "../../src/core";
import { rag, rate } from "../../src/functions/functions";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

const ragStatuses: readonly Status[] = ["Blue", "Green", "Amber", "Red"];

/** Every report cell by address. */
function reportCells(plan: PlanWithReport): Map<string, { status: Status; reason: string }> {
  const cells = new Map<string, { status: Status; reason: string }>();
  for (const table of plan.tables)
    for (const row of table.rows)
      for (const cell of row.cells)
        cells.set(cell.address, { status: cell.status, reason: cell.reason });
  return cells;
}

/** Checks the report and the painted fills against the hand-worked statuses, cell by cell: every mismatch listed. */
function checkSheet(
  grid: Grid,
  plan: PlanWithReport,
  expected: Record<string, Status | readonly Status[]>
): void {
  const report = reportCells(plan);
  const fillStatus = new Map<string, Status>(plan.rules.map((rule) => [rule.fill, rule.status]));
  const painted = paintedCells(grid.values, plan.rules);
  const mismatches: string[] = [];
  for (const [address, allowed] of Object.entries(expected)) {
    const cell = report.get(address);
    const choices: readonly Status[] = typeof allowed === "string" ? [allowed] : allowed;
    if (!cell || !choices.includes(cell.status))
      mismatches.push(
        `${address}: report ${cell?.status} (${cell?.reason}), hand-worked ${choices.join(" or ")}`
      );
    const fill = painted.get(address);
    const paintedAs = fill === undefined ? undefined : fillStatus.get(fill);
    const shouldPaint =
      choices.length === 1 && ragStatuses.includes(choices[0]) ? choices[0] : undefined;
    if (paintedAs !== shouldPaint)
      mismatches.push(
        `${address}: painted ${paintedAs ?? "nothing"}, hand-worked ${choices.join(" or ")}`
      );
  }
  // A colour anywhere else (KPI column, comparators, the analyst's RAG, commentary) is a wrong colour.
  for (const address of painted.keys())
    if (!(address in expected)) mismatches.push(`${address}: painted but not a period cell`);
  expect(mismatches).toEqual([]);
}

async function statusOf(answer: Promise<string[][]>): Promise<string> {
  try {
    return (await answer)[0][0];
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

/** How the custom function rates a row's figures: by a register id, or by thresholds written in the formula. */
type Formula =
  | { kind: "rate"; id: string; toleranceSet?: string }
  | { kind: "rag"; target: CellValue; tolerance: CellValue; polarity: CellValue };

async function formulaStatus(value: CellValue, formula: Formula): Promise<string> {
  return formula.kind === "rate"
    ? statusOf(rate(value, formula.id, formula.toleranceSet))
    : statusOf(rag(value, formula.target, formula.tolerance, formula.polarity));
}

// Excel serials of the first of each month, shown as mmm-yy: Apr-24 … Aug-24.
const apr24 = 45383;
const may24 = 45413;
const jun24 = 45444;
const jul24 = 45474;
const aug24 = 45505;

describe("blind judge 23: a looked-after children card rated from the KPI register", () => {
  // The workbook's own KPIRegister table: overrides KPI-22 and KPI-30, adds CSC-07.
  const registerTable = {
    values: [
      [...registerColumns],
      [
        "KPI-22",
        "% of LAC who participated in their LAC review",
        "Looked After Children",
        "Bigger is better",
        "%",
        0.9,
        0.8,
        "-",
        "Local target set by the corporate parenting board",
      ],
      [
        "CSC-07",
        "Average caseload per social worker",
        "Workforce",
        "Smaller is better",
        "Count",
        18,
        22,
        "-",
        "",
      ],
      [
        "KPI-30",
        "% of permanent fieldwork staff",
        "Workforce",
        "Bigger is better",
        "%",
        "Suspended***",
        null,
        "Suspend",
        "Suspended during the service restructure",
      ],
    ] as CellValue[][],
    numberFormats: [
      registerColumns.map(() => "General"),
      ["General", "General", "General", "General", "General", "0%", "0%", "General", "General"],
      registerColumns.map(() => "General"),
      [
        "General",
        "General",
        "General",
        "General",
        "General",
        "General",
        "0%",
        "General",
        "General",
      ],
    ],
  };
  const register = buildRegister(registerTable);

  const header: CellValue[] = [
    "KPI",
    "Measure",
    "Polarity",
    "Target",
    "Tolerance",
    apr24,
    may24,
    jun24,
    jul24,
    aug24,
    "YTD",
    "England",
    "RAG",
  ];
  const rows: CellValue[][] = [
    ["Looked after children: monthly scorecard 2024/25"],
    [],
    header,
    // Row 4: built-in KPI-18 (Appendix I's short-term stability, joined to Appendix A's 18): smaller is
    // better, target 9%, tolerance 15%.
    [
      "KPI-18",
      "% of LAC with 3 or more placements in the last year",
      null,
      null,
      null,
      0.082,
      0.09,
      0.097,
      0.15,
      0.151,
      0.104,
      0.1,
      "Amber",
    ],
    // Row 5: the same id spelled "KPI 18": one register entry however spaced.
    [
      "KPI 18",
      "% of LAC under 16 with 3 or more placements",
      null,
      null,
      null,
      0.061,
      null,
      "c",
      "8.8%",
      0.16,
      0.09,
      0.1,
      "Green",
    ],
    // Row 6: Appendix A's bare number 18 means KPI-18.
    [
      18,
      "% of LAC with 3+ placements (Appendix A numbering)",
      null,
      null,
      null,
      0.12,
      0.091,
      0.089,
      0.149,
      null,
      0.11,
      0.1,
      "Amber",
    ],
    // Row 7: "KPI 18" but with its own thresholds: rated by them, not by the register.
    [
      "KPI 18",
      "% of LAC with 3+ placements (local stretch)",
      "Lower is better",
      0.1,
      0.12,
      0.095,
      0.1,
      0.11,
      0.121,
      0.13,
      0.105,
      0.1,
      "Red",
    ],
    // Row 8: KPI-22 as the workbook's table overrides it: bigger is better, 90%, 80%.
    [
      "KPI-22",
      "% of LAC who participated in their review",
      null,
      null,
      null,
      0.93,
      0.9,
      0.85,
      0.8,
      0.79,
      0.86,
      null,
      "Amber",
    ],
    // Row 9: CSC-07, an id only the workbook's table has: smaller is better, 18, 22 (a count).
    [
      "CSC-07",
      "Average caseload per social worker",
      null,
      null,
      null,
      17.5,
      18,
      19.2,
      22,
      22.4,
      "19.8",
      16.3,
      "Amber",
    ],
    // Row 10: KPI-13, an Appendix A number with no target in the catalogue: a context measure.
    [
      "KPI-13",
      "Number of full time Looked After Children at month end",
      null,
      null,
      null,
      412,
      418,
      421,
      425,
      430,
      null,
      null,
      null,
    ],
    // Row 11: an id the register does not know, with no thresholds of its own.
    [
      "KPI-99",
      "% of LAC with an up-to-date health passport",
      null,
      null,
      null,
      0.5,
      0.55,
      null,
      0.61,
      0.6,
      0.57,
      null,
      null,
    ],
    // Row 12: KPI-30 suspended by the workbook's table.
    [
      "KPI-30",
      "% of permanent fieldwork staff",
      null,
      null,
      null,
      0.81,
      0.84,
      0.83,
      null,
      0.86,
      0.84,
      0.85,
      null,
    ],
  ];
  const countRows = new Set([8, 9]); // 0-based rows of CSC-07 and KPI-13
  const grid = paddedGrid("LAC monthly", rows, (row, column) => {
    if (row === 2 && column >= 5 && column <= 9) return "mmm-yy";
    if (row < 3 || column < 3 || column === 12) return "General";
    if (countRows.has(row)) return "0.0";
    return "0.0%";
  });

  // Hand-worked, row by row (F–J months, K YTD; L England, M the analyst's RAG are never coloured).
  const expected: Record<string, Status> = {
    // KPI-18 smaller: Green ≤ 9%, Amber ≤ 15%, else Red (value inclusive towards the better side).
    F4: "Green", // 8.2%
    G4: "Green", // 9.0% equals the target: Green
    H4: "Amber", // 9.7%
    I4: "Amber", // 15.0% equals the tolerance: Amber
    J4: "Red", // 15.1%
    K4: "Amber", // YTD 10.4% is a headline period
    F5: "Green", // 6.1%
    G5: "No data", // blank is never a zero
    H5: "No data", // c: suppressed (confidential)
    I5: "Green", // text "8.8%" is the figure 8.8%
    J5: "Red", // 16%
    K5: "Green", // 9% = target
    F6: "Amber", // 12%
    G6: "Amber", // 9.1% just worse than 9%
    H6: "Green", // 8.9%
    I6: "Amber", // 14.9%
    J6: "No data",
    K6: "Amber", // 11%
    // Own thresholds: lower is better, Green ≤ 10%, Amber ≤ 12% (the register's 9%/15% would differ at F, G, I).
    F7: "Green", // 9.5%
    G7: "Green", // 10%
    H7: "Amber", // 11%
    I7: "Red", // 12.1% (the register would say Amber)
    J7: "Red", // 13%
    K7: "Amber", // 10.5%
    // KPI-22 (workbook): bigger, Green ≥ 90%, Amber ≥ 80%.
    F8: "Green",
    G8: "Green", // 90% = target
    H8: "Amber",
    I8: "Amber", // 80% = tolerance
    J8: "Red", // 79%
    K8: "Amber",
    // CSC-07 (workbook): smaller, Green ≤ 18, Amber ≤ 22.
    F9: "Green",
    G9: "Green", // 18 = target
    H9: "Amber",
    I9: "Amber", // 22 = tolerance
    J9: "Red", // 22.4
    K9: "Amber", // text "19.8" is the figure 19.8
    // KPI-13: the register has no target for it: No target; a blank is No data whatever the definition.
    F10: "No target",
    G10: "No target",
    H10: "No target",
    I10: "No target",
    J10: "No target",
    K10: "No data",
    // KPI-99: no thresholds of its own and the register has no such id: the definition cannot be read
    // (Check definition); never a colour. The blank is still No data.
    F11: "Check definition",
    G11: "Check definition",
    H11: "No data",
    I11: "Check definition",
    J11: "Check definition",
    K11: "Check definition",
    // KPI-30 (workbook): target Suspended***; the blank is No data.
    F12: "Suspended",
    G12: "Suspended",
    H12: "Suspended",
    I12: "No data",
    J12: "Suspended",
    K12: "Suspended",
  };

  // The formula beside each row: KPI.RATE by the id as the sheet writes it where the built-in catalogue
  // rates it; KPI.RAG with the thresholds that rate the row where they come from the row or the workbook.
  const formulas: Record<number, Formula> = {
    4: { kind: "rate", id: "KPI-18" },
    5: { kind: "rate", id: "KPI 18" },
    6: { kind: "rate", id: "18" },
    7: { kind: "rag", target: "10%", tolerance: "12%", polarity: "Lower is better" },
    8: { kind: "rag", target: "90%", tolerance: "80%", polarity: "Bigger is better" },
    9: { kind: "rag", target: 18, tolerance: 22, polarity: "Smaller is better" },
    10: { kind: "rate", id: "KPI-13" },
    12: { kind: "rag", target: "Suspended***", tolerance: null, polarity: "Bigger is better" },
  };

  it("rates every period cell by the register (built-in, overridden, added), by a row's own thresholds, and never colours an unknown id", () => {
    const found = findTables(grid, register);
    expect(found.skipped).toBeUndefined();
    const plan = plannedWithReport(found);
    checkSheet(grid, plan, expected);
  });

  it("KPI.RATE and KPI.RAG give each figure the status the sheet gives it", async () => {
    const disagreements: string[] = [];
    for (const [address, status] of Object.entries(expected)) {
      const row = Number(address.slice(1));
      const formula = formulas[row];
      if (!formula) continue;
      const column = address.charCodeAt(0) - 65;
      const value = rows[row - 1][column] ?? null;
      // Where the sheet cell is blank the function gets an empty argument, as Excel passes it.
      const got = await formulaStatus(value, formula);
      if (got !== status)
        disagreements.push(`${address} (${String(value)}): ${got}, sheet ${status}`);
    }
    expect(disagreements).toEqual([]);
  });

  it("KPI.RATE knows KPI-99 is not in the register and refuses to colour it", async () => {
    const got = await formulaStatus(0.5, { kind: "rate", id: "KPI-99" });
    expect(ragStatuses).not.toContain(got);
  });
});

describe("blind judge 23: a quarterly board card with whole-number percentages, a year-qualified target and a Covid set", () => {
  const rows: CellValue[][] = [
    [
      "Ref",
      "Indicator",
      "Polarity",
      "Target 2024/25 (%)",
      "Floor",
      "Covid19 Tolerance",
      "2023/24",
      "Q1 2024/25",
      "Q2 2024-25",
      "Qtr 3 FY24/25",
      "Q4 24/25",
      "SN average",
      "Commentary",
    ],
    [
      "R01",
      "Re-referrals within 12 months",
      "L",
      20,
      25,
      "<=28",
      23,
      19,
      20,
      24.6,
      25.1,
      21,
      "Rising in Q4",
    ],
    [
      "R02",
      "Single assessments within 45 working days",
      "Good is: High",
      90,
      80,
      ">=75",
      86,
      91,
      "88 p",
      79,
      null,
      84,
      "Q2 provisional",
    ],
    [
      "R03",
      "CP children seen within timescale",
      "↑",
      95,
      "±5%",
      "-",
      94,
      95,
      90.3,
      90.25,
      90.2,
      92,
      null,
    ],
    [
      "R04",
      "Care leavers in EET (19-21)",
      "Aim: higher",
      "At least 55",
      50,
      "Suspend",
      52,
      55,
      49.9,
      50,
      61,
      53,
      null,
    ],
    [
      "R05",
      "Agency social workers (% of FTE)",
      "Aim to reduce",
      "Less than 15",
      18,
      "-",
      16,
      14.9,
      15,
      18,
      18.5,
      17,
      null,
    ],
    [
      "R06",
      "Children's homes rated good or outstanding",
      "Monitoring only",
      null,
      null,
      null,
      80,
      83,
      83,
      "x",
      86,
      81,
      "Ofsted",
    ],
    ["R07", "Repeat CP plans", "T", "15 to 20", "±2pp", "-", 21, 15, 12.9, 22, 22.1, 19, null],
    [
      "R08",
      "Return interviews offered",
      "Steady good",
      90,
      85,
      "-",
      88,
      90,
      null,
      91,
      92,
      87,
      "Wording under review",
    ],
  ];
  const grid = paddedGrid("Board Q", rows, () => "General");

  // Periods G (2023/24) and H–K (Q1–Q4 of 2024/25). The target is 2024/25's (year and unit qualifiers):
  // 2023/24 has no target of its own and there is no unqualified one, so a figure there is No target.
  const standard: Record<string, Status | readonly Status[]> = {
    // R01 L: Green ≤ 20, Amber ≤ 25.
    G2: "No target",
    H2: "Green",
    I2: "Green", // 20 = target
    J2: "Amber",
    K2: "Red", // 25.1
    // R02 High: Green ≥ 90, Amber ≥ 80.
    G3: "No target",
    H3: "Green",
    I3: "Amber", // "88 p" is 88, provisional
    J3: "Red", // 79
    K3: "No data",
    // R03 ↑: 95 with ±5% of the target's value: amber floor 90.25.
    G4: "No target",
    H4: "Green", // 95 = target
    I4: "Amber",
    J4: "Amber", // 90.25 is the floor itself
    K4: "Red", // 90.2
    // R04 higher, "At least 55" inclusive, floor 50.
    G5: "No target",
    H5: "Green", // 55
    I5: "Red", // 49.9
    J5: "Amber", // 50
    K5: "Green",
    // R05 reduce, "Less than 15" strict, floor 18.
    G6: "No target",
    H6: "Green", // 14.9
    I6: "Amber", // 15 has not met "less than 15"
    J6: "Amber", // 18 = floor
    K6: "Red",
    // R06 Monitoring only: No target; "x" (not applicable) is No data.
    G7: "No target",
    H7: "No target",
    I7: "No target",
    J7: "No data",
    K7: "No target",
    // R07 T in range 15–20 (%), ±2pp absolute: amber 13–22.
    G8: "No target",
    H8: "Green", // 15, the lower end
    I8: "Red", // 12.9 below 13
    J8: "Amber", // 22, the amber edge
    K8: "Red", // 22.1
    // R08 "Steady good" names no direction: Check definition, never a guess; blank still No data.
    // In 2023/24 two rules meet: the year has no target (No target) and the polarity cannot be read
    // (Check definition). PRODUCT.md does not rank them; both keep the cell uncoloured.
    G9: ["Check definition", "No target"],
    H9: "Check definition",
    I9: "No data",
    J9: "Check definition",
    K9: "Check definition",
  };

  it("rates quarters against the 2024/25 target, with the Floor as the tolerance, under the Standard set", () => {
    const plan = plannedWithReport(findTables(grid));
    checkSheet(grid, plan, standard);
  });

  it("KPI.RAG with each row's wording agrees with the sheet for every 2024/25 quarter", async () => {
    const disagreements: string[] = [];
    for (const [address, status] of Object.entries(standard)) {
      if (address.startsWith("G")) continue; // the formula knows no year: 2023/24 is the sheet's business
      const row = Number(address.slice(1));
      const line = rows[row - 1];
      // Whole-number percentages: the thresholds are passed in the figures' own scale, as plain numbers.
      const got = await formulaStatus(line[address.charCodeAt(0) - 65] ?? null, {
        kind: "rag",
        target: line[3],
        tolerance: line[4],
        polarity: line[2],
      });
      if (got !== status) disagreements.push(`${address}: ${got}, sheet ${status}`);
    }
    expect(disagreements).toEqual([]);
  });

  it("rates under the Covid19 set: its own tolerance where it has one, the Floor where it says -, Suspended where it says Suspend", () => {
    const plan = plannedWithReport(findTables(grid), "Covid19");
    checkSheet(grid, plan, {
      ...standard,
      K2: "Amber", // 25.1 within <=28
      J3: "Amber", // 79 within >=75
      H5: "Suspended",
      I5: "Suspended",
      J5: "Suspended",
      K5: "Suspended",
      // 2023/24 has no target, and the Covid set suspends the row: the rules do not say which status wins;
      // either way it is never coloured.
      G5: ["No target", "Suspended"],
    });
  });

  it("under Green and Red only the tolerance is ignored", () => {
    const a = appraise(findTables(grid), { scheme: { kind: "green and red" } });
    const plan: PlanWithReport = { ...planOf(a), ...reportOf(a) };
    expect(plan.scheme).toMatch(/green and red/i);
    checkSheet(grid, plan, {
      ...standard,
      J2: "Red",
      I3: "Red",
      I4: "Red",
      J4: "Red",
      J5: "Red",
      I6: "Red", // 15 is not less than 15
      J6: "Red",
      J8: "Red", // outside 15–20
    });
  });
});
