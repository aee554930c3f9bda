/**
 * Twenty-sixth blind judge: two small row-per-KPI scorecards, every expectation worked by hand from
 * PRODUCT.md alone. Emphasis: direction of travel (the trend of a whole row, polarity-aware) and the
 * Amber by direction council scheme (which period a cell is compared with, blanks included), with a
 * `Latest` headline column beside the periods.
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  type CellValue,
  findTables,
  type Grid,
  planOf,
  reportOf,
  type Status,
  type TableReport,
} from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, Status | readonly Status[]>;
type CellOfReport = TableReport["rows"][number]["cells"][number];

const ragStatuses: readonly string[] = ["Green", "Amber", "Red"];

function reportCells(tables: readonly TableReport[]): Map<string, CellOfReport> {
  return new Map(
    tables.flatMap((table) =>
      table.rows.flatMap((row) => row.cells.map((cell) => [cell.address, cell]))
    )
  );
}

function rowReport(tables: readonly TableReport[], row: number) {
  return tables.flatMap((table) => table.rows).find((candidate) => candidate.row === row);
}

/** The status each cell would be painted, read back from the rules' fills (a fill names its status). */
function paintedStatuses(
  grid: Grid,
  rules: readonly { status: string; formula: string; appliesTo: string[]; fill: string }[]
): Map<string, string> {
  const statusOfFill = new Map(rules.map((rule) => [rule.fill, rule.status]));
  const painted = paintedCells(grid.values, rules);
  return new Map([...painted].map(([address, fill]) => [address, statusOfFill.get(fill) ?? fill]));
}

/** Every expected cell has its status (or one of the accepted ones); colours match statuses; nothing else is painted. */
function checkCard(
  grid: Grid,
  tables: readonly TableReport[],
  rules: readonly { status: string; formula: string; appliesTo: string[]; fill: string }[],
  expected: Expected
): Map<string, CellOfReport> {
  const cells = reportCells(tables);
  for (const [address, want] of Object.entries(expected)) {
    const accepted: readonly Status[] = typeof want === "string" ? [want] : want;
    const got = cells.get(address);
    expect
      .soft(got?.status, `${address}: ${got ? got.reason : "not rated as a period cell"}`)
      .toBeOneOf([...accepted]);
  }
  // The product rates no period cell this card does not expect (a column taken as a period wrongly).
  expect.soft([...cells.keys()].sort()).toEqual(Object.keys(expected).sort());

  const painted = paintedStatuses(grid, rules);
  for (const [address, cell] of cells) {
    if (ragStatuses.includes(cell.status))
      expect
        .soft(painted.get(address), `${address} painted as its status ${cell.status}`)
        .toBe(cell.status);
    else
      expect
        .soft(painted.get(address), `${address} (${cell.status}) is not painted`)
        .toBeUndefined();
  }
  for (const [address, status] of painted) {
    const cell = cells.get(address);
    expect
      .soft(
        cell && ragStatuses.includes(cell.status),
        `${address} painted ${status} but is not a rated R/A/G cell`
      )
      .toBe(true);
  }
  return cells;
}

function formatsByRow(
  rowFormats: readonly string[],
  numberFrom: number,
  dateRow = -1,
  dateFrom = 0,
  dateTo = 0
) {
  return (row: number, column: number): string => {
    if (row === dateRow && column >= dateFrom && column <= dateTo) return "mmm-yy";
    if (column < numberFrom) return "General";
    return rowFormats[row] ?? "General";
  };
}

describe("blind judge 26: direction of travel and Amber by direction", () => {
  // Card A: an annual children's services scorecard, financial years in several spellings, a Latest column.
  // A Ref | B Measure | C Polarity | D Annual target | E Amber trigger | F–J years | K Latest
  const cardA: CellValue[][] = [
    [
      "Ref",
      "Measure",
      "Polarity",
      "Annual target",
      "Amber trigger",
      "2020/21",
      "2021-22",
      "FY22/23",
      "2023/24",
      "2024-25",
      "Latest",
    ],
    [
      "EH1",
      "Early help assessments completed within 45 working days",
      "Higher = better",
      0.85,
      0.75,
      0.7,
      0.74,
      0.79,
      0.83,
      0.88,
      0.88,
    ],
    [
      "CIN2",
      "Re-referrals within 12 months of a previous referral",
      "Lower % = better",
      0.2,
      0.25,
      0.281,
      0.254,
      0.231,
      0.204,
      0.187,
      0.187,
    ],
    [
      "CP3",
      "Child protection plans starting for a second or subsequent time (%)",
      "Good is: Low",
      18,
      23,
      15,
      17,
      19,
      22,
      26,
      26,
    ],
    [
      "LAC4",
      "Children in care with 3 or more placements in the year",
      "L",
      0.1,
      0.12,
      0.11,
      0.11,
      0.11,
      0.11,
      0.11,
      0.11,
    ],
    [
      "LAC5",
      "Children in care with an up-to-date health assessment",
      "High is good",
      0.9,
      0.85,
      0.912,
      0.908,
      0.911,
      0.909,
      0.914,
      0.914,
    ],
    [
      "CL6",
      "Care leavers aged 19-21 in education, employment or training",
      "Aim to increase",
      0.6,
      0.55,
      0.48,
      0.53,
      0.57,
      0.63,
      0.61,
      0.61,
    ],
    [
      "SA7",
      "Single assessments authorised within 45 working days",
      "↑",
      0.9,
      0.8,
      0.94,
      0.88,
      0.81,
      0.74,
      0.77,
      0.77,
    ],
    [
      "AD8",
      "Average days from entering care to moving in with an adoptive family",
      "Fewer days = better",
      426,
      480,
      455,
      430,
      390,
      "430 days",
      455,
      455,
    ],
    [
      "SEN9",
      "EHC plans issued within 20 weeks",
      "Bigger is better",
      0.6,
      0.5,
      0.42,
      "Not Available",
      null,
      0.55,
      0.64,
      0.64,
    ],
    [
      "CR10",
      "Contacts converted to referrals",
      "In range is better",
      "20%-30%",
      "15%-35%",
      0.41,
      0.38,
      0.34,
      0.31,
      0.27,
      0.27,
    ],
    [
      "CX11",
      "Contacts received",
      "Monitoring only",
      null,
      null,
      3120,
      3344,
      2980,
      "3,410",
      3288,
      3288,
    ],
  ];
  const cardAFormats = [
    "General",
    "0%",
    "0.0%",
    "General",
    "0%",
    "0%",
    "0%",
    "0%",
    "0",
    "0%",
    "0%",
    "#,##0",
  ];

  const expectedA: Expected = {
    // EH1, higher better, Green >= 85%, Amber >= 75%: 70 and 74 below the trigger; 79, 83 between; 88 at target.
    F2: "Red",
    G2: "Red",
    H2: "Amber",
    I2: "Amber",
    J2: "Green",
    K2: "Green",
    // CIN2, lower better, Green <= 20%, Amber <= 25%: 28.1 and 25.4 (> 25) Red; 23.1 and 20.4 Amber; 18.7 Green.
    F3: "Red",
    G3: "Red",
    H3: "Amber",
    I3: "Amber",
    J3: "Green",
    K3: "Green",
    // CP3, "Good is: Low", 18 / 23 (whole numbers): 15, 17 Green; 19, 22 Amber; 26 Red.
    F4: "Green",
    G4: "Green",
    H4: "Amber",
    I4: "Amber",
    J4: "Red",
    K4: "Red",
    // LAC4, "L" under Polarity = lower better, 10% / 12%: 11% every year is Amber.
    F5: "Amber",
    G5: "Amber",
    H5: "Amber",
    I5: "Amber",
    J5: "Amber",
    K5: "Amber",
    // LAC5, "High is good", 90% / 85%: every figure about 91% is Green.
    F6: "Green",
    G6: "Green",
    H6: "Green",
    I6: "Green",
    J6: "Green",
    K6: "Green",
    // CL6, "Aim to increase", 60% / 55%: 48, 53 Red; 57 Amber; 63, 61 Green.
    F7: "Red",
    G7: "Red",
    H7: "Amber",
    I7: "Green",
    J7: "Green",
    K7: "Green",
    // SA7, "↑" under a Polarity heading = higher better, 90% / 80%: 94 Green; 88, 81 Amber; 74, 77 Red.
    F8: "Green",
    G8: "Amber",
    H8: "Amber",
    I8: "Red",
    J8: "Red",
    K8: "Red",
    // AD8, "Fewer days = better", 426 / 480: 455, 430 and "430 days" (text read as 430) Amber; 390 Green.
    F9: "Amber",
    G9: "Amber",
    H9: "Green",
    I9: "Amber",
    J9: "Amber",
    K9: "Amber",
    // SEN9, 60% / 50%: 42 Red; "Not Available" and a blank are No data (a blank is never a zero); 55 Amber; 64 Green.
    F10: "Red",
    G10: "No data",
    H10: "No data",
    I10: "Amber",
    J10: "Green",
    K10: "Green",
    // CR10, in range 20%-30%, tolerance range 15%-35%: 41, 38 Red; 34, 31 Amber; 27 Green.
    F11: "Red",
    G11: "Red",
    H11: "Amber",
    I11: "Amber",
    J11: "Green",
    K11: "Green",
    // CX11, "Monitoring only" is a context measure: No target, never coloured (text "3,410" is still a figure).
    F12: "No target",
    G12: "No target",
    H12: "No target",
    I12: "No target",
    J12: "No target",
    K12: "No target",
  };

  it("rates an annual scorecard with a Latest column, colours only period cells, and gives each row's trend", () => {
    const grid = paddedGrid("Annual scorecard", cardA, formatsByRow(cardAFormats, 3));
    const plan = plannedWithReport(findTables(grid));
    checkCard(grid, plan.tables, plan.rules, expectedA);

    const direction = (row: number) => rowReport(plan.tables, row)?.directionOfTravel ?? "(none)";
    // Rising, higher better: 70 → 88.
    expect.soft(direction(2), "EH1 rising, higher better").toMatch(/^Improved/);
    // Falling, lower better: 28.1% → 18.7%.
    expect.soft(direction(3), "CIN2 falling, lower better").toMatch(/^Improved/);
    // Rising, lower better: 15 → 26.
    expect.soft(direction(4), "CP3 rising, lower better").toMatch(/^Declined/);
    // Flat: 11% in every year.
    expect.soft(direction(5), "LAC4 flat").toMatch(/^No change/);
    // LAC5 (91.2, 90.8, 91.1, 90.9, 91.4: all 91% as shown): PRODUCT.md names a precision rule only for
    // benchmarks, so the trend of invisible differences is not decided; any verdict is accepted.
    expect
      .soft(direction(6), "LAC5 equal at shown precision")
      .toMatch(/^(Improved|Declined|No change)|\(none\)/);
    // Noisy rise whose last step falls (48, 53, 57, 63, 61): the trend of the series, not the last step.
    expect.soft(direction(7), "CL6 rising with a last dip").toMatch(/^Improved/);
    // A fall with a late tick up (94, 88, 81, 74, 77), higher better: the series declined.
    expect.soft(direction(8), "SA7 falling with a last tick up").toMatch(/^Declined/);
    // AD8 is a symmetric V (455, 430, 390, 430, 455): start equals end, no trend; PRODUCT.md does not say
    // how a V reads, so any verdict is accepted.
    expect.soft(direction(9), "AD8 symmetric V").toMatch(/^(Improved|Declined|No change)|\(none\)/);
    // Blanks and "Not Available" in the middle are skipped, not zeros: 42 → 55 → 64 is a rise.
    expect.soft(direction(10), "SEN9 rising around gaps").toMatch(/^Improved/);
    // In range 20–30%: 41 → 27 comes nearer the range and into it.
    expect.soft(direction(11), "CR10 approaching its range").toMatch(/^Improved/);
    // CX11 is a context measure with no polarity: "polarity-aware" cannot call it better or worse; not decided.
  });

  // Card B: a monthly scorecard (months as Excel dates) under a title, rated under Amber by direction.
  // A Ref | B Indicator | C Polarity | D Target | E Tolerance | F–K Apr-24..Sep-24 (date serials) | L Latest
  const months = [45383, 45413, 45444, 45474, 45505, 45536]; // 1 Apr 2024 … 1 Sep 2024
  const cardB: CellValue[][] = [
    ["Children's social care: monthly performance scorecard 2024/25"],
    [],
    ["Ref", "Indicator", "Polarity", "Target", "Tolerance", ...months, "Latest"],
    [
      "M1",
      "Visits to children in care within timescale",
      "Good is: High",
      0.95,
      0.9,
      0.86,
      0.84,
      0.87,
      0.87,
      0.92,
      0.96,
      0.96,
    ],
    [
      "M2",
      "Average caseload per social worker",
      "Lower is better",
      18,
      20,
      23.4,
      22.1,
      22.6,
      21,
      21,
      19.5,
      19.5,
    ],
    [
      "M3",
      "Single assessments completed within 45 working days",
      "Higher is better",
      0.85,
      0.8,
      0.72,
      null,
      0.76,
      "Data to be supplied",
      0.74,
      0.81,
      0.81,
    ],
    [
      "M4",
      "Children in care with a PEP reviewed this term",
      "Aim: higher",
      0.9,
      0.85,
      0.93,
      0.89,
      0.86,
      0.83,
      0.8,
      0.78,
      0.78,
    ],
    [
      "M5",
      "Re-referrals within 12 months",
      "Smaller is better",
      0.22,
      0.25,
      0.27,
      0.29,
      0.31,
      0.28,
      0.26,
      0.24,
      0.24,
    ],
    [
      "M6",
      "Contacts converted to referrals",
      "In range is better",
      "25% to 35%",
      "±10%",
      0.44,
      0.41,
      0.43,
      0.4,
      0.37,
      0.33,
      0.33,
    ],
    [
      "M7",
      "Initial child protection conferences within 15 working days",
      "Bigger is better",
      "Suspended**",
      0.8,
      0.77,
      0.81,
      0.79,
      0.83,
      0.85,
      0.84,
      0.84,
    ],
    [
      "M8",
      "Care leavers in suitable accommodation",
      "Higher = better",
      0.88,
      "5 percentage points",
      "81.0%",
      "84.5%",
      "82%",
      "80.5% r",
      "82.5%",
      "89% p",
      0.89,
    ],
    [
      "M9",
      "Strategy discussions held within 1 working day",
      "Up is good",
      0.75,
      0.7,
      0.652,
      0.648,
      0.651,
      0.657,
      0.649,
      0.646,
      0.646,
    ],
    [
      "M10",
      "Children in care (number)",
      "Context",
      "No target",
      null,
      312,
      318,
      325,
      321,
      330,
      334,
      334,
    ],
  ];
  const cardBFormats = [
    "General",
    "General",
    "General",
    "0%",
    "0.0",
    "0%",
    "0%",
    "0.0%",
    "0%",
    "0%",
    "0.0%",
    "0%",
    "0",
  ];

  // Under Amber by direction: Green on target; Amber within the tolerance; beyond the tolerance Amber only
  // when better than the period before, otherwise Red (so a first period beyond the tolerance is Red, and an
  // equal figure is Red).
  const expectedB: Expected = {
    // M1, 95% / 90%: 86 first → Red; 84 worse → Red; 87 better than 84 → Amber; 87 equal → Red;
    // 92 within tolerance → Amber; 96 Green; Latest 96 Green.
    F4: "Red",
    G4: "Red",
    H4: "Amber",
    I4: "Red",
    J4: "Amber",
    K4: "Green",
    L4: "Green",
    // M2, lower better 18 / 20: 23.4 first → Red; 22.1 better → Amber; 22.6 worse → Red; 21.0 better → Amber;
    // 21.0 equal → Red; 19.5 within tolerance → Amber; Latest 19.5 Amber.
    F5: "Red",
    G5: "Amber",
    H5: "Red",
    I5: "Amber",
    J5: "Red",
    K5: "Amber",
    L5: "Amber",
    // M3, 85% / 80%: 72 first → Red; blank → No data; 76 after a blank: better than May's blank cannot be
    // said, better than April's 72 can; PRODUCT.md does not say which, so Amber or Red (the reason must name
    // the period used). "Data to be supplied" → No data. 74: worse than 76, and Jul has no figure → Red
    // either way. 81 within tolerance → Amber; Latest 81 Amber.
    F6: "Red",
    G6: "No data",
    H6: ["Amber", "Red"],
    I6: "No data",
    J6: "Red",
    K6: "Amber",
    L6: "Amber",
    // M4, 90% / 85%: 93 Green; 89, 86 within tolerance Amber; 83, 80, 78 each worse → Red; Latest 78 is
    // equal to Sep (and worse than Aug) → Red whichever it is compared with.
    F7: "Green",
    G7: "Amber",
    H7: "Amber",
    I7: "Red",
    J7: "Red",
    K7: "Red",
    L7: "Red",
    // M5, lower better 22% / 25%: 27 first → Red; 29, 31 worse → Red; 28, 26 better → Amber; 24 within
    // tolerance → Amber; Latest 24 Amber.
    F8: "Red",
    G8: "Red",
    H8: "Red",
    I8: "Amber",
    J8: "Amber",
    K8: "Amber",
    L8: "Amber",
    // M6, in range 25%–35%, ±10% relative on each end → 22.5%–38.5%: 44 first → Red; 41 nearer → Amber;
    // 43 farther → Red; 40 nearer → Amber; 37 within tolerance → Amber; 33 Green; Latest Green.
    F9: "Red",
    G9: "Amber",
    H9: "Red",
    I9: "Amber",
    J9: "Amber",
    K9: "Green",
    L9: "Green",
    // M7, target "Suspended**" → Suspended in every period, never coloured.
    F10: "Suspended",
    G10: "Suspended",
    H10: "Suspended",
    I10: "Suspended",
    J10: "Suspended",
    K10: "Suspended",
    L10: "Suspended",
    // M8, 88%, tolerance "5 percentage points" (absolute) → 83%; text figures with r / p flags:
    // 81 first → Red; 84.5 within → Amber; 82 worse than 84.5 → Red; 80.5r worse → Red; 82.5 better than
    // 80.5 → Amber; 89p Green; Latest 89% Green.
    F11: "Red",
    G11: "Amber",
    H11: "Red",
    I11: "Red",
    J11: "Amber",
    K11: "Green",
    L11: "Green",
    // M9, 75% / 70%, "0%" shows every figure as 65% or 66%: 65.2 first → Red; 64.8 worse → Red;
    // 65.1 beats 64.8 but both show 65%: PRODUCT.md does not say at which precision "better" is judged →
    // Amber or Red; 65.7 (66%) beats 65.1 either way → Amber; 64.9 worse → Red; 64.6 worse → Red;
    // Latest 64.6 equal to Sep, worse than Aug → Red.
    F12: "Red",
    G12: "Red",
    H12: ["Amber", "Red"],
    I12: "Amber",
    J12: "Red",
    K12: "Red",
    L12: "Red",
    // M10, "Context" → No target (a context measure), never coloured.
    F13: "No target",
    G13: "No target",
    H13: "No target",
    I13: "No target",
    J13: "No target",
    K13: "No target",
    L13: "No target",
  };

  it("under Amber by direction, rates each month against the month before and paints exactly that", () => {
    const grid = paddedGrid("Monthly", cardB, formatsByRow(cardBFormats, 3, 2, 5, 10));
    const appraisal = appraise(findTables(grid), { scheme: { kind: "amber by direction" } });
    const plan = { ...planOf(appraisal), ...reportOf(appraisal) };
    expect(plan.scheme).toBe("Amber by direction");
    const cells = checkCard(grid, plan.tables, plan.rules, expectedB);

    // The reason of a figure beyond its tolerance says which period it was compared with.
    const namesPeriod = (address: string, ...compared: string[]) => {
      const reason = cells.get(address)?.reason ?? "";
      const labels = compared.map((other) => cells.get(other)?.period ?? other);
      expect
        .soft(
          labels.some((label) => reason.includes(label)),
          `${address} reason names ${labels.join(" or ")}: ${reason}`
        )
        .toBe(true);
    };
    namesPeriod("G4", "F4");
    namesPeriod("H4", "G4");
    namesPeriod("I4", "H4");
    namesPeriod("G5", "F5");
    namesPeriod("J5", "I5");
    namesPeriod("H6", "G6", "F6"); // after a blank: either the blank month or the last month with a figure
    namesPeriod("J6", "I6", "H6");
    namesPeriod("I7", "H7");
    namesPeriod("I8", "H8");
    namesPeriod("G9", "F9");
    namesPeriod("H9", "G9");
    namesPeriod("H11", "G11");
    namesPeriod("J11", "I11");
    namesPeriod("H12", "G12");

    // Direction of travel is still reported, polarity-aware, under this scheme.
    const direction = (row: number) => rowReport(plan.tables, row)?.directionOfTravel ?? "(none)";
    expect.soft(direction(4), "M1 86 → 96, higher better").toMatch(/^Improved/);
    expect.soft(direction(5), "M2 23.4 → 19.5, lower better").toMatch(/^Improved/);
    expect.soft(direction(6), "M3 72, 76, 74, 81 around gaps").toMatch(/^Improved/);
    expect.soft(direction(7), "M4 93 → 78, higher better").toMatch(/^Declined/);
    // M5 rises then falls below its start (27, 29, 31, 28, 26, 24), lower better: slope and ends both fall.
    expect.soft(direction(8), "M5 V-shaped, lower better, ends better").toMatch(/^Improved/);
    expect.soft(direction(9), "M6 44 → 33 into its range").toMatch(/^Improved/);
    // M8 noisy (81, 84.5, 82, 80.5, 82.5, 89): slope and ends both up.
    expect.soft(direction(11), "M8 noisy rise").toMatch(/^Improved/);
    // M7 (suspended), M9 (all about 65%) and M10 (context) are not decided by PRODUCT.md: not checked.
  });
});
