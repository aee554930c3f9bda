/**
 * An eleventh blind judge's scorecards: every expected status below was worked out by hand from
 * PRODUCT.md alone (its rules, not the product's code), then checked against the report and against the
 * fills Excel would paint (test/support/rule-engine.ts judges the rules independently of the product).
 *
 * Shapes: two tables side by side (one with a two-row header block), an Actual / Target / Tolerance rows
 * layout, a register-rated card (standard and Covid19 sets), and one council card under Blue for
 * exceeding, Percentage of target and Amber by direction.
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  areaOfAddress,
  buildRegister,
  findTables,
  isRagStatus,
  planOf,
  registerColumns,
  reportOf,
  settingsColumns,
  toleranceSetsOf,
  workbookSettings,
  type CellValue,
  type Grid,
  type Register,
  type Scheme,
  type Status,
} from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, Status>;

/** Expected statuses of one row's period cells, from a first column letter onwards. */
function row(excelRow: number, firstColumn: string, statuses: Status[]): Expected {
  const start = firstColumn.charCodeAt(0) - 65;
  return Object.fromEntries(
    statuses.map((status, i) => [`${String.fromCharCode(65 + start + i)}${excelRow}`, status])
  );
}

/**
 * Every period cell the report lists has the status worked out by hand (and no other cell is listed),
 * and Excel's painted fill of every cell is exactly its Red/Amber/Green/Blue status: nothing else painted.
 */
function checkCard(grid: Grid, plan: PlanWithReport, expected: Expected): void {
  const cells = plan.tables.flatMap((table) => table.rows.flatMap((r) => r.cells));
  const byAddress = new Map(cells.map((cell) => [cell.address, cell]));
  for (const [address, status] of Object.entries(expected)) {
    const cell = byAddress.get(address);
    expect
      .soft(
        cell?.status,
        `${address}: product says ${cell?.status} (${cell?.reason ?? "not rated"})`
      )
      .toBe(status);
  }
  const unexpected = cells
    .filter((cell) => !(cell.address in expected))
    .map((cell) => `${cell.address} ${cell.status}`);
  expect.soft(unexpected, "cells rated that are not period cells").toEqual([]);

  const statusOfFill = new Map(plan.rules.map((rule) => [rule.fill, rule.status]));
  const painted = paintedCells(grid.values, plan.rules);
  for (const [address, status] of Object.entries(expected)) {
    const fill = painted.get(address);
    const paintedAs = fill === undefined ? "unpainted" : statusOfFill.get(fill);
    const want = isRagStatus(status) ? status : "unpainted";
    expect.soft(paintedAs, `${address} painted ${paintedAs}, status ${status}`).toBe(want);
  }
  const strays = [...painted.keys()].filter((address) => !(address in expected));
  expect.soft(strays, "cells painted that are not period cells").toEqual([]);
}

function merge(grid: Grid, ...addresses: string[]): Grid {
  return { ...grid, merges: addresses.map((address) => areaOfAddress(address)) };
}

function underScheme(found: ReturnType<typeof findTables>, scheme: Scheme, register?: Register) {
  const appraisal = appraise(found, { scheme, register });
  return { ...planOf(appraisal), ...reportOf(appraisal) } as PlanWithReport;
}

// ---------------------------------------------------------------------------------------------------
// Card 1: two tables side by side on one sheet, a blank column (I) between them.
//   Left (A4:H10): a row per KPI, one header row, financial years spelt FY20/21.., fractions as %.
//   Right (J3:T11): a two-row header block: `2023/24` merged over Q1..Q4, `Ref`/`Measure`/`Target`/
//   `Tolerance (pp)` merged down both rows, `Polarity` written in the second row only, and a
//   `Comparators (2022/23)` group over England / Stat neighbours. Percentages kept as whole numbers.
// ---------------------------------------------------------------------------------------------------
// prettier-ignore
const sideBySide: CellValue[][] = [
  ["Children's Services Performance Scorecard 2023/24"],
  [],
  [null, null, null, null, null, null, null, null, null,
    "Ref", "Measure", null, "Target", "Tolerance (pp)", "2023/24", null, null, null, "Comparators (2022/23)", null],
  ["Measure", "Polarity", "Target", "Tolerance", "FY20/21", "FY21/22", "FY22/23", "FY23/24", null,
    null, null, "Polarity", null, null, "Q1", "Q2", "Q3", "Q4", "England", "Stat neighbours"],
  ["Re-referrals to children's social care within 12 months", "Less is better", 0.22, 0.25, 0.241, 0.198, 0.262, 0.22, null,
    "CS01", "% referrals with a decision within 1 working day", "H", 95, 3, 96, 93.5, 91.9, 95, 97, 94],
  ["Child protection plans lasting 2 years or more", "Aim to minimise", "No more than 4%", "6%", 0.031, 0.052, "n/a", 0.04, null,
    "CS02", "% repeat child protection plans within 2 years", "L", "≤ 10%", 2, 8, 11, 12.5, 12, 9, 10],
  ["Single assessments within 45 working days", "Better if higher", 0.9, "±5%", 0.873, 0.912, 0.855, 0.854, null,
    "CS03", "% CP visits within timescale", "H", 90, 5, 88, 90, "c", 84.9, 92, 91],
  ["Early help assessments completed", "Increase = good", "TBC", null, 1412, "1,388", null, 1530, null,
    "CS04", "Average days from entering care to adoption", "L", "426 days", null, 398, 430, 426, null, 451, 440],
  ["Social workers with caseloads over 20", "Lower is better", "Suspended**", null, null, 0.09, 0.11, 0.1, null,
    "CS05", "% care leavers aged 19-21 in education, employment or training", "▲", 55, 5, 52, 49, 57, "54p", 56, 53],
  ["Agency social workers", "Lower rate = good", 0.15, 0.18, "16.2%", "14%*", 0.181, 0.18, null,
    "CS06", "% children looked after with 3+ placement moves", "L", 10, 2, 9.8, 10.4, 13, "11 r", 11, 10],
  [null, null, null, null, null, null, null, null, null,
    "CS07", "Children looked after per 10,000", "Monitoring only", null, null, 71, 72, 74, 73, 70, 68],
];

function sideBySideFormat(r: number, c: number): string {
  if (r >= 4 && r <= 9 && c <= 7) {
    if (r === 7) return c >= 4 ? "#,##0" : "General";
    if (c === 2 || c === 3) return "0%";
    if (c >= 4) return "0.0%";
  }
  return "General";
}

const sideBySideExpected: Expected = {
  // Less is better (direction "less" + merit "better"), 22% target, 25% tolerance: Green <= 22%,
  // Amber <= 25%, else Red. 22.0% sits on the target: inclusive towards the better side, Green.
  ...row(5, "E", ["Amber", "Green", "Red", "Green"]),
  // "Aim to minimise" = lower; "No more than 4%" is inclusive; tolerance 6%. 4.0% Green, 5.2% Amber; n/a No data.
  ...row(6, "E", ["Green", "Amber", "No data", "Green"]),
  // "Better if higher" = higher; ±5% is relative: 90% - 4.5% gives an amber floor of 85.5%.
  // 85.5% is on the floor (Amber, inclusive); 85.4% below it is Red.
  ...row(7, "E", ["Amber", "Green", "Amber", "Red"]),
  // Target TBC = no target: every figure (the text "1,388" too) is No target; the blank is No data.
  ...row(8, "E", ["No target", "No target", "No data", "No target"]),
  // Suspended** target: Suspended; a blank cell is No data whatever the row's definition.
  ...row(9, "E", ["No data", "Suspended", "Suspended", "Suspended"]),
  // "Lower rate = good" = lower; 15%/18%. "16.2%" text Amber; "14%*" (see note) Green; 18.1% Red; 18% Amber.
  ...row(10, "E", ["Amber", "Green", "Red", "Amber"]),
  // Right table: H = higher; 95 with 3pp (a margin) gives 92. 93.5 Amber, 91.9 Red, 95 Green.
  ...row(5, "O", ["Green", "Amber", "Red", "Green"]),
  // L = lower; "≤ 10%" among whole numbers: 10 is 10%; 2pp gives 12. 12.5 Red, 12 Amber (inclusive).
  ...row(6, "O", ["Green", "Amber", "Red", "Amber"]),
  // 90 with 5pp: floor 85. "c" is a suppression symbol (confidential): No data. 84.9 Red.
  ...row(7, "O", ["Amber", "Green", "No data", "Red"]),
  // Lower, 426 days and no tolerance: two bands. 430 Red, 426 Green (inclusive), blank No data.
  ...row(8, "O", ["Green", "Red", "Green", "No data"]),
  // ▲ under Polarity = higher; 55 with 5pp: floor 50. 49 Red; "54p" provisional 54: Amber.
  ...row(9, "O", ["Amber", "Red", "Green", "Amber"]),
  // L; 10 with 2pp: Amber to 12. 10.4 Amber, 13 Red, "11 r" revised 11: Amber.
  ...row(10, "O", ["Green", "Amber", "Red", "Amber"]),
  // Monitoring only = context measure: No target. England / Stat neighbours (S, T) are never rated.
  ...row(11, "O", ["No target", "No target", "No target", "No target"]),
};

// ---------------------------------------------------------------------------------------------------
// Card 2: Actual / Target / Tolerance rows, months as Excel dates (Apr-24 .. Sep-24).
// ---------------------------------------------------------------------------------------------------
const apr24 = 45383; // 1 April 2024
const months = [apr24, apr24 + 30, apr24 + 61, apr24 + 91, apr24 + 122, apr24 + 153];
// prettier-ignore
const actualRows: CellValue[][] = [
  ["Measure", "Polarity", ...months],
  ["Initial health assessments within 20 working days", "Higher figure = good"],
  ["Actual", null, 0.62, 0.71, null, 0.8, 0.72, 0.69],
  ["Target", null, 0.7, 0.7, 0.7, 0.75, null, 0.75],
  ["Tolerance", null, 0.65, 0.65, 0.65, 0.7, 0.7, 0.7],
  ["Average caseload per social worker", "Lower caseload is better"],
  ["Actual", null, 17.2, 18.1, 19.4, 20.3, 16.9, 18],
  ["Target", null, 18, 18, 18, 18, 18, 18],
  ["Tolerance", null, 20, 20, 20, 20, 20, 20],
  ["Care leavers in suitable accommodation", "↑"],
  ["Actual", null, "88%", 0.91, "x", 0.93, 0.865, 0.9],
  ["Target", null, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9],
  ["Floor", null, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85],
];
function actualRowsFormat(r: number, c: number): string {
  if (r === 0 && c >= 2) return "mmm-yy";
  if (c < 2) return "General";
  if (r >= 5 && r <= 8) return r === 6 ? "0.0" : "0";
  return "0%";
}
const actualRowsExpected: Expected = {
  // Higher: Apr 62% < 65% Red; May 71% >= 70% Green; Jun blank No data; Jul 80% vs 75% Green;
  // Aug: this period's Target is blank, so the figure has no target: No target (not a colour);
  // Sep 69% against 75%/70% of its own period: Red.
  ...row(3, "C", ["Red", "Green", "No data", "Green", "No target", "Red"]),
  // Lower: <= 18 Green, <= 20 Amber. 18.1 Amber, 20.3 Red, 18 Green (inclusive).
  ...row(7, "C", ["Green", "Amber", "Amber", "Red", "Green", "Green"]),
  // ↑ under Polarity = higher; Floor is a tolerance word. "88%" text Amber; "x" (not available) No data;
  // 86.5% Amber; 90% Green.
  ...row(11, "C", ["Amber", "Green", "No data", "Green", "Amber", "Green"]),
};

// ---------------------------------------------------------------------------------------------------
// Card 3: rows carrying only a KPI number, rated from the workbook's KPIRegister table.
// ---------------------------------------------------------------------------------------------------
// prettier-ignore
const registerRows: CellValue[][] = [
  [...registerColumns],
  ["KPI-18", "Children looked after with 3+ placements in the year", "Looked After Children", "Smaller is better", "%", 0.09, 0.11, "<=13%", ""],
  ["KPI-21", "Looked after children with an up-to-date health assessment", "Looked After Children", "Higher is better", "%", "95%", "90%", "Suspend", ""],
  ["KPI-24", "Average days from placement order to match", "Looked After Children", "Smaller is better", "days", "121 days", "140 days", "-", ""],
  ["KPI-30", "Care leavers the council is in touch with", "Care Leavers", "Outstanding is better", "%", 0.9, 0.85, ">=80%", ""],
  ["KPI-5a", "Re-referrals within 12 months", "Safeguarding and Children in Need", "Smaller is better", "%", "Suspended***", "", "-", ""],
  ["KPI-27", "Children with a disability receiving short breaks", "LDD and SEN", "Higher is better", "%", "9%", "7%", "-", ""],
];
const registerFormats = registerRows.map((r, i) =>
  r.map((cell, c) => (i > 0 && typeof cell === "number" && (c === 5 || c === 6) ? "0%" : "General"))
);
// prettier-ignore
const numbered: CellValue[][] = [
  ["KPI", "Measure", "Q1 24/25", "Q2 24/25", "Q3 24/25", "Q4 24/25", "RAG", "Commentary"],
  [18, "3+ placement moves", 0.085, 0.1, 0.115, "9.0%", "Green", "Back within target"],
  ["KPI 21", "Health assessments up to date", 0.96, 0.93, 0.89, null, "Red", "Q4 due in May"],
  ["KPI-24", "Days from placement order to match", 118, 135, 152, "140 days", "Amber", ""],
  [30, "Care leavers in touch", 0.92, 0.85, 0.849, "N/A", "Red", ""],
  ["5a", "Re-referrals", 0.2, 0.19, 0.21, 0.22, "", "Target suspended"],
  [27, "Short breaks (children)", 612, 598, 605, 590, "", ""],
];
function numberedFormat(r: number, c: number): string {
  if (r === 0 || c < 2 || c > 5) return "General";
  if (r === 3 || r === 6) return "0";
  return r === 1 ? "0.0%" : "0%";
}
const numberedStandard: Expected = {
  // 18 names KPI-18: smaller, 9% / 11%. 8.5% Green, 10% Amber, 11.5% Red, "9.0%" Green (inclusive).
  ...row(2, "C", ["Green", "Amber", "Red", "Green"]),
  // KPI 21: higher, 95% / 90%. 96 G, 93 A, 89 R; blank No data.
  ...row(3, "C", ["Green", "Amber", "Red", "No data"]),
  // KPI-24: smaller, 121 days / 140 days. 135 Amber, 152 Red, "140 days" Amber (inclusive).
  ...row(4, "C", ["Green", "Amber", "Red", "Amber"]),
  // 30: Outstanding is better = higher, 90% / 85%. 85% Amber (inclusive), 84.9% Red, N/A No data.
  ...row(5, "C", ["Green", "Amber", "Red", "No data"]),
  // 5a names KPI-5a, whose target is Suspended***.
  ...row(6, "C", ["Suspended", "Suspended", "Suspended", "Suspended"]),
  // 27: the entry is a percentage (9%) but the figures are 612, 598..: the unit cannot fit, Check definition.
  ...row(7, "C", ["Check definition", "Check definition", "Check definition", "Check definition"]),
};
const numberedCovid: Expected = {
  ...numberedStandard,
  // Covid19 set: KPI-18 tolerance <=13%: 11.5% is now Amber.
  ...row(2, "C", ["Green", "Amber", "Amber", "Green"]),
  // KPI-21 Suspend: Suspended, the blank still No data.
  ...row(3, "C", ["Suspended", "Suspended", "Suspended", "No data"]),
  // KPI-24 "-": none, so the standard tolerance applies (unchanged).
  // KPI-30 >=80%: 84.9% is now Amber.
  ...row(5, "C", ["Green", "Amber", "Amber", "No data"]),
};

// ---------------------------------------------------------------------------------------------------
// Card 4: a council card with a Stretch column, months spelt in full, a DoT column, under three schemes.
// ---------------------------------------------------------------------------------------------------
// prettier-ignore
const council: CellValue[][] = [
  ["Ref", "Measure", "Polarity", "Target", "Stretch", "Tolerance", "April 2024", "May 2024", "June 2024", "July 2024", "August 2024", "DoT"],
  ["C1", "Social care assessments completed in 45 days", "Higher is better", 0.85, 0.92, 0.8, 0.93, 0.86, 0.81, 0.79, 0.92, "↑"],
  ["C2", "Re-referrals within 12 months", "Smaller is better", 0.2, 0.16, 0.23, 0.15, 0.19, 0.22, 0.24, 0.21, "↑"],
  ["C3", "EHC plans issued within 20 weeks", "Aim high", 0.6, null, 0.5, 0.45, 0.48, 0.55, 0.7, null, "↑"],
  ["C4", "Children missing education", "Fewer = better", 40, 30, 45, 28, 47, 46, 44, 30, "↑"],
  ["C5", "Adoptions from care", "Context", null, null, null, 12, 9, 14, 11, 10, "↓"],
  ["C6", "Agency social workers", "Lower is better", "Suspended", null, null, 0.31, 0.29, 0.3, 0.28, 0.27, "↑"],
];
function councilFormat(r: number, c: number): string {
  if (r === 0 || c < 3 || c > 10) return "General";
  return r === 4 || r === 5 ? "0" : "0%";
}
const councilContext: Expected = {
  ...row(6, "G", ["No target", "No target", "No target", "No target", "No target"]),
  ...row(7, "G", ["Suspended", "Suspended", "Suspended", "Suspended", "Suspended"]),
};
const councilBlue: Expected = {
  // Higher, stretch 92%: 93% and 92% (at the stretch, inclusive) Blue; 86% Green; 81% Amber; 79% Red.
  ...row(2, "G", ["Blue", "Green", "Amber", "Red", "Blue"]),
  // Smaller, stretch 16%: 15% Blue; 19% Green; 22% Amber; 24% Red; 21% Amber.
  ...row(3, "G", ["Blue", "Green", "Amber", "Red", "Amber"]),
  // No stretch of its own and no margin in the scheme: no Blue, the standard bands.
  ...row(4, "G", ["Red", "Red", "Amber", "Green", "No data"]),
  // Fewer, stretch 30: 28 and 30 Blue; 47 and 46 Red (> 45); 44 Amber.
  ...row(5, "G", ["Blue", "Red", "Red", "Amber", "Blue"]),
  ...councilContext,
};
const councilPercentage: Expected = {
  // Green within 5% of 85% (from 80.75%), Amber within 10% (from 76.5%); tolerance and stretch unused.
  ...row(2, "G", ["Green", "Green", "Green", "Amber", "Green"]),
  // Smaller, 20%: Green to 21%, Amber to 22% (both inclusive), Red beyond.
  ...row(3, "G", ["Green", "Green", "Amber", "Red", "Green"]),
  // 60%: Green from 57%, Amber from 54%. 45% and 48% Red, 55% Amber.
  ...row(4, "G", ["Red", "Red", "Amber", "Green", "No data"]),
  // Fewer, 40: Green to 42, Amber to 44. 47 and 46 Red, 44 Amber.
  ...row(5, "G", ["Green", "Red", "Red", "Amber", "Green"]),
  ...councilContext,
};
const councilDirection: Expected = {
  // 79% is beyond the 80% tolerance and worse than June's 81%: Red. 81% within tolerance: Amber.
  ...row(2, "G", ["Green", "Green", "Amber", "Red", "Green"]),
  // 24% beyond 23% and worse than 22%: Red. 21% within tolerance: Amber.
  ...row(3, "G", ["Green", "Green", "Amber", "Red", "Amber"]),
  // April 45% beyond 50% with no period before: Red. May 48% beyond 50% but better than April's 45%: Amber.
  ...row(4, "G", ["Red", "Amber", "Amber", "Green", "No data"]),
  // May 47 beyond 45 and worse than 28: Red. June 46 beyond 45 but better (fewer) than May's 47: Amber.
  ...row(5, "G", ["Green", "Red", "Amber", "Amber", "Green"]),
  ...councilContext,
};

describe("an eleventh blind judge's scorecards", () => {
  it("rates two tables side by side, one with a two-row header block, each by its own header", () => {
    const grid = merge(
      paddedGrid("Scorecard", sideBySide, sideBySideFormat),
      "J3:J4",
      "K3:K4",
      "M3:M4",
      "N3:N4",
      "O3:R3",
      "S3:T3"
    );
    checkCard(grid, plannedWithReport(findTables(grid)), sideBySideExpected);
  });

  it("rates each Actual against its own period's Target and Tolerance rows, colouring only Actuals", () => {
    const grid = paddedGrid("Monthly returns", actualRows, actualRowsFormat);
    checkCard(grid, plannedWithReport(findTables(grid)), actualRowsExpected);
  });

  describe("a card of KPI numbers rated from the workbook's KPIRegister", () => {
    const register = buildRegister({ values: registerRows, numberFormats: registerFormats });
    const grid = paddedGrid("Corporate parenting", numbered, numberedFormat);

    it("rates by the register's standard tolerance", () => {
      expect(register.problems).toEqual([]);
      const found = findTables(grid, register);
      const appraisal = appraise(found, { register });
      checkCard(
        grid,
        { ...planOf(appraisal), ...reportOf(appraisal) } as PlanWithReport,
        numberedStandard
      );
    });

    it("rates by the register's Covid19 tolerance set", () => {
      const found = findTables(grid, register);
      const covid = toleranceSetsOf([found]).find((set) => /covid/i.test(set));
      expect(covid).toBeDefined();
      const appraisal = appraise(found, { register, toleranceSet: covid });
      checkCard(
        grid,
        { ...planOf(appraisal), ...reportOf(appraisal) } as PlanWithReport,
        numberedCovid
      );
    });
  });

  describe("a council card under the council schemes", () => {
    const grid = paddedGrid("Council KPIs", council, councilFormat);

    it("Blue for exceeding: Blue at or beyond each row's Stretch, with Blue's own fill", () => {
      const plan = underScheme(findTables(grid), { kind: "blue for exceeding" });
      expect(plan.rules.some((rule) => rule.status === "Blue")).toBe(true);
      checkCard(grid, plan, councilBlue);
    });

    it("Percentage of target: Green within 5%, Amber within 10% of the target, read from KPISettings", () => {
      const read = workbookSettings(
        [
          [...settingsColumns],
          ["Scheme", "Percentage of target"],
          ["Green within", "5%"],
          ["Amber within", "10%"],
        ],
        undefined
      );
      expect(read.problems).toEqual([]);
      checkCard(grid, underScheme(findTables(grid), read.settings.scheme), councilPercentage);
    });

    it("Amber by direction: beyond the tolerance but better than the period before is Amber", () => {
      checkCard(
        grid,
        underScheme(findTables(grid), { kind: "amber by direction" }),
        councilDirection
      );
    });
  });
});
