/**
 * Thirty-second blind judge: two small scorecards pasted from a report or a Word table, with figures and
 * thresholds held as text, threshold headers worded unlike PRODUCT.md's examples, a row the rules cannot
 * decide and columns that look like periods but are not. Every expectation is worked by hand from
 * PRODUCT.md alone.
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  findTables,
  planOf,
  reportOf,
  type CellValue,
  type Grid,
  type Scheme,
} from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, string>;

function statusesOf(planned: PlanWithReport): Map<string, string> {
  const statuses = new Map<string, string>();
  for (const table of planned.tables)
    for (const row of table.rows)
      for (const cell of row.cells) statuses.set(cell.address, cell.status);
  return statuses;
}

function reasonOf(planned: PlanWithReport, address: string): string {
  for (const table of planned.tables)
    for (const row of table.rows)
      for (const cell of row.cells) if (cell.address === address) return cell.reason;
  return "(not in the report)";
}

/** Each expected cell's status in the report, and the painted fills exactly the Red/Amber/Green/Blue ones. */
function checkCard(grid: Grid, planned: PlanWithReport, expected: Expected): void {
  const statuses = statusesOf(planned);
  for (const [address, status] of Object.entries(expected))
    expect(
      { address, status: statuses.get(address), reason: reasonOf(planned, address) },
      address
    ).toMatchObject({ address, status });
  // No other cell (England, RAG, threshold columns) is rated as a period.
  expect([...statuses.keys()].sort()).toEqual(Object.keys(expected).sort());

  const statusOfFill = new Map(planned.rules.map((rule) => [rule.fill, rule.status as string]));
  const painted = paintedCells(grid.values, planned.rules);
  const paintedStatus = new Map(
    [...painted].map(([address, fill]) => [address, statusOfFill.get(fill)])
  );
  const coloured = Object.fromEntries(
    Object.entries(expected).filter(([, status]) =>
      ["Red", "Amber", "Green", "Blue"].includes(status)
    )
  );
  expect(Object.fromEntries(paintedStatus)).toEqual(coloured);
}

// ---------------------------------------------------------------------------------------------------------
// Card 1: an early help and child protection scorecard pasted from a Word table. Figures and thresholds
// are mostly text. "Target 2024/25" and "England 2023/24" look like periods but are a year's target and a
// comparator; "Red threshold" is a tolerance (a band word before "threshold" adds nothing).
// ---------------------------------------------------------------------------------------------------------
const card1Rows: CellValue[][] = [
  [
    "Ref",
    "Measure",
    "Polarity",
    "Target 2024/25",
    "Red threshold",
    "Q1 2024/25",
    "Q2 2024/25",
    "Q3 2024/25",
    "Q4 2024/25",
    "England 2023/24",
  ],
  // Row 2: "Better when higher" pairs a direction with a merit word; ">= 85%" inclusive; Red threshold 75%.
  [
    "EH1",
    "Early help assessments completed within 45 working days",
    "Better when higher",
    ">= 85%",
    "75%",
    "88.0%",
    "84.9%",
    "75%",
    "74.5%",
    0.82,
  ],
  // Row 3: lower is better, "No more than 18%" inclusive, fractions in a % format, tolerance 0.22 as 22%.
  [
    "EH2",
    "Re-referrals to early help within 12 months",
    "Lower % is good",
    "No more than 18%",
    0.22,
    0.18,
    0.215,
    0.22,
    0.231,
    0.2,
  ],
  // Row 4: an arrow under Polarity is a direction; days written in the cells.
  [
    "CP1",
    "Average days from strategy discussion to initial conference",
    "↓",
    "15 days",
    "20 days",
    14,
    "15.5 days",
    "20 days",
    null,
    16,
  ],
  // Row 5: no polarity and "Not set": a context measure; counts with thousands separators.
  [
    "CP2",
    "Children in need at period end",
    null,
    "Not set",
    null,
    "1,234",
    "1,310",
    1298,
    "1,275",
    null,
  ],
  // Row 6: higher is better with the red threshold (95%) above the target (90%): it contradicts itself.
  [
    "CP3",
    "Child protection visits within 10 working days",
    "Good when high",
    "At least 90%",
    "95%",
    0.93,
    0.97,
    0.88,
    null,
    0.9,
  ],
  // Row 7: a suspended target, one figure "n/a".
  [
    "CP4",
    "Initial child protection conferences within 15 working days",
    "Maximise = better",
    "Suspended**",
    "80%",
    "77%",
    "81%",
    "n/a",
    "79%",
    0.78,
  ],
  // Row 8: "L" under Polarity, a strict "< 18" target, text figures with statistics flags.
  ["CP5", "Average caseload per social worker", "L", "< 18", "20", "17.5", 18, "19 p", "21r", 17.8],
];

function card1Format(row: number, column: number): string {
  if (row === 2 && column >= 5 && column <= 8) return "0.0%";
  if (row === 2 && (column === 4 || column === 9)) return "0%";
  if ((row === 1 || row === 5 || row === 6) && column === 9) return "0%";
  if (row === 5 && column >= 5 && column <= 8) return "0%";
  if (row === 3 && column === 5) return "0";
  if (row === 4 && column === 7) return "#,##0";
  if (row === 7 && column === 9) return "0.0";
  return "General";
}

const card1Expected: Expected = {
  // EH1: Green at or above 85%, Amber at or above 75%, else Red.
  F2: "Green", // 88.0% >= 85%
  G2: "Amber", // 84.9% below 85% but >= 75%
  H2: "Amber", // 75% exactly on the red threshold: inclusive towards the better side
  I2: "Red", // 74.5% below 75%
  // EH2: lower is better; Green <= 18%, Amber <= 22%.
  F3: "Green", // 18.0% = target, "No more than" is inclusive
  G3: "Amber", // 21.5%
  H3: "Amber", // 22.0% = red threshold, inclusive
  I3: "Red", // 23.1%
  // CP1: lower is better in days; Green <= 15, Amber <= 20.
  F4: "Green", // 14
  G4: "Amber", // "15.5 days"
  H4: "Amber", // "20 days" on the threshold
  I4: "No data", // blank is never a zero
  // CP2: no polarity, no target: a context measure.
  F5: "No target",
  G5: "No target",
  H5: "No target",
  I5: "No target",
  // CP3: tolerance on the better side of the target for its polarity: Check definition; the blank is No data.
  F6: "Check definition",
  G6: "Check definition",
  H6: "Check definition",
  I6: "No data",
  // CP4: Suspended target; "n/a" has no figure so No data whatever the definition.
  F7: "Suspended",
  G7: "Suspended",
  H7: "No data",
  I7: "Suspended",
  // CP5: lower is better, "< 18" strict; Red threshold 20 inclusive.
  F8: "Green", // "17.5" < 18
  G8: "Amber", // 18 has not met "< 18", but <= 20
  H8: "Amber", // "19 p" provisional 19
  I8: "Red", // "21r" revised 21 > 20
};

// ---------------------------------------------------------------------------------------------------------
// Card 2: a looked-after children monthly card, months as Excel dates (Apr-24 to Sep-24). "Target (%)" makes
// plain numbers percentages; "Tolerance (pp)" makes plain numbers percentage-point margins and is the
// standard tolerance; "Recovery tolerance" is an alternative set; "RAG" is the analyst's own column.
// ---------------------------------------------------------------------------------------------------------
const months = [45383, 45413, 45444, 45474, 45505, 45536]; // 1 Apr 2024 .. 1 Sep 2024

const card2Rows: CellValue[][] = [
  [
    "No.",
    "Indicator",
    "Polarity",
    "Target (%)",
    "Tolerance (pp)",
    ...months,
    "RAG",
    "Recovery tolerance",
  ],
  // Row 2: whole-number percentages; 90 (%) with a 5pp margin: amber floor 85.
  [
    "LAC1",
    "Looked after children with an up-to-date health assessment",
    "Higher % is good",
    90,
    5,
    91,
    90,
    87,
    85,
    84.9,
    "c",
    "A",
    "80%",
  ],
  // Row 3: "Less is better", "≤ 10" under Target (%) is 10%, 2pp: amber up to 12%; fractions in a % format.
  [
    "LAC2",
    "Children with three or more placement moves in the year",
    "Less is better",
    "≤ 10",
    2,
    0.095,
    0.1,
    0.118,
    0.12,
    0.121,
    null,
    "R",
    "-",
  ],
  // Row 4: in range 15%-20%, 3pp absolute margin each side: amber 12%-23%.
  [
    "LAC3",
    "Referrals that are re-referrals within 12 months",
    "In range is better",
    "15%-20%",
    3,
    17,
    20,
    22,
    23.5,
    11,
    12,
    "A",
    "-",
  ],
  // Row 5: "Stable is good" names no direction and no range: unknown, never a guess.
  [
    "LAC4",
    "Care leavers in suitable accommodation",
    "Stable is good",
    90,
    5,
    88,
    90,
    null,
    91,
    89,
    90,
    "G",
    "-",
  ],
  // Row 6: a context measure; "x" is a suppression symbol.
  [
    "LAC5",
    "Children looked after at month end",
    "Context",
    null,
    null,
    412,
    418,
    "x",
    425,
    "1,031",
    428,
    null,
    "-",
  ],
  // Row 7: "Up is good", "At least 95" (%), no tolerance: two bands. Recovery set suspends it.
  [
    "LAC6",
    "Looked after children with a PEP reviewed this term",
    "Up is good",
    "At least 95",
    null,
    "96%",
    "95%",
    "94.9%",
    "97%*",
    "88%",
    "Data to be supplied",
    "G",
    "Suspend",
  ],
];

function card2Format(row: number, column: number): string {
  if (row === 0 && column >= 5 && column <= 10) return "mmm-yy";
  if (row === 2 && column >= 5 && column <= 10) return "0.0%";
  if ((row === 1 || row === 3) && column >= 5 && column <= 10) return "0.0";
  if ((row === 4 || row === 5) && column >= 5 && column <= 10) return "0";
  return "General";
}

const card2Standard: Expected = {
  // LAC1: Green >= 90, Amber >= 85 (90 - 5pp).
  F2: "Green", // 91
  G2: "Green", // 90 on target
  H2: "Amber", // 87
  I2: "Amber", // 85 on the amber floor, inclusive
  J2: "Red", // 84.9
  K2: "No data", // "c": confidential / suppressed
  // LAC2: lower is better; Green <= 10%, Amber <= 12%.
  F3: "Green", // 9.5%
  G3: "Green", // 10.0%, "≤" inclusive
  H3: "Amber", // 11.8%
  I3: "Amber", // 12.0% on the margin
  J3: "Red", // 12.1%
  K3: "No data", // blank
  // LAC3: Green in [15, 20], Amber in [12, 23], else Red.
  F4: "Green", // 17
  G4: "Green", // 20 on the upper end
  H4: "Amber", // 22
  I4: "Red", // 23.5 beyond 23
  J4: "Red", // 11 below 12
  K4: "Amber", // 12 on the lower amber end
  // LAC4: polarity cannot be read: Check definition, the blank is No data.
  F5: "Check definition",
  G5: "Check definition",
  H5: "No data",
  I5: "Check definition",
  J5: "Check definition",
  K5: "Check definition",
  // LAC5: context.
  F6: "No target",
  G6: "No target",
  H6: "No data", // "x": not available
  I6: "No target",
  J6: "No target",
  K6: "No target",
  // LAC6: Green >= 95%, else Red (no tolerance).
  F7: "Green", // "96%"
  G7: "Green", // "95%" at least 95
  H7: "Red", // "94.9%"
  I7: "Green", // "97%*": 97 with a see-note flag
  J7: "Red", // "88%"
  K7: "No data", // "Data to be supplied"
};

function card2Grid(): Grid {
  return paddedGrid("LAC monthly", card2Rows, card2Format);
}

function schemePlanned(grid: Grid, scheme: Scheme): PlanWithReport {
  const appraisal = appraise(findTables(grid), { scheme });
  const { tables, scheme: name } = reportOf(appraisal);
  return { ...planOf(appraisal), tables, scheme: name };
}

describe("thirty-second blind judge: text figures and thresholds, unfamiliar headers", () => {
  it("rates the early help card's text figures and thresholds, and colours only the rated periods", () => {
    const grid = paddedGrid("Early help", card1Rows, card1Format);
    const planned = plannedWithReport(findTables(grid));
    expect(planned.tables).toHaveLength(1);
    expect(planned.tables[0].periods).toHaveLength(4);
    checkCard(grid, planned, card1Expected);
  });

  it("rates the monthly looked-after card under the standard tolerance in pp", () => {
    const grid = card2Grid();
    const planned = plannedWithReport(findTables(grid));
    expect(planned.tables).toHaveLength(1);
    expect(planned.tables[0].periods).toHaveLength(6);
    checkCard(grid, planned, card2Standard);
  });

  it("rates the monthly card under the Recovery tolerance set", () => {
    const grid = card2Grid();
    const standard = plannedWithReport(findTables(grid));
    const recovery = standard.tables[0].toleranceSets.find((set) => /recovery/i.test(set));
    expect(recovery).toBeDefined();
    const planned = plannedWithReport(findTables(grid), recovery);
    checkCard(grid, planned, {
      ...card2Standard,
      J2: "Amber", // 84.9 against the recovery amber floor 80% (Green still at 90)
      // LAC2, LAC3: "-" means no recovery tolerance, so the standard one applies (unchanged).
      // LAC6: "Suspend" in the chosen set: Suspended, except the cell with no figure.
      F7: "Suspended",
      G7: "Suspended",
      H7: "Suspended",
      I7: "Suspended",
      J7: "Suspended",
      K7: "No data",
    });
  });

  it("rates the monthly card Green and Red only, ignoring the tolerance", () => {
    const grid = card2Grid();
    const planned = schemePlanned(grid, { kind: "green and red" });
    checkCard(grid, planned, {
      ...card2Standard,
      H2: "Red", // 87 below 90
      I2: "Red",
      H3: "Red", // 11.8% above 10%
      I3: "Red",
      H4: "Red", // 22 outside 15-20
      K4: "Red", // 12 outside 15-20
    });
  });
});
