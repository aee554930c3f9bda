/**
 * A seventh blind judge's two scorecards, worked out by hand from PRODUCT.md alone: a council workbook that
 * teaches its own words (KPIWords) and chooses Blue for exceeding (KPISettings) on its KPI Register sheet,
 * and a trust's monthly pack in Actual / Target / Tolerance rows with a long ("tidy") table under it.
 */
import { describe, expect, it } from "vitest";

import {
  appraise,
  builtInRegister,
  findTables,
  type CellValue,
  type Grid,
  planOf,
  ragPalette,
  reportOf,
  settingsTableOfGrid,
  type Status,
  type TableReport,
  toleranceSetsOf,
  wordsOfGrid,
  workbookSettings,
} from "../../src/core";
import { plannedWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Status | readonly Status[];

function gridOf(sheet: string, values: CellValue[][], formats: Record<string, string> = {}): Grid {
  const width = Math.max(...values.map((row) => row.length));
  const padded = values.map((row) => [...row, ...Array<CellValue>(width - row.length).fill(null)]);
  const numberFormats = padded.map((row, r) =>
    row.map((_, c) => formats[`${String.fromCharCode(65 + c)}${r + 1}`] ?? "General")
  );
  return { sheet, origin: { row: 0, column: 0 }, values: padded, numberFormats, merges: [] };
}

/** Formats for a run of cells on one row: `percentRow("F", "H", 4)` gives F4:H4 "0.0%". */
function formatsOf(
  format: string,
  columns: string,
  rows: readonly number[]
): Record<string, string> {
  const formats: Record<string, string> = {};
  for (const row of rows) for (const column of columns) formats[`${column}${row}`] = format;
  return formats;
}

interface Rated {
  statuses: Map<string, Status>;
  reasons: Map<string, string>;
  painted: Map<string, string>;
  problems: string[];
  scheme: string;
  /** Each sheet row's comparisons, as "England: Worse (26.0%)". */
  comparisons: Map<number, string[]>;
}

function ratedFrom(
  grid: Grid,
  plan: { rules: { formula: string; appliesTo: string[]; fill: string }[] },
  tables: readonly TableReport[],
  scheme: string
): Rated {
  const statuses = new Map<string, Status>();
  const reasons = new Map<string, string>();
  const problems: string[] = [];
  const comparisons = new Map<number, string[]>();
  for (const table of tables) {
    problems.push(...table.problems);
    for (const row of table.rows) {
      problems.push(...row.problems);
      comparisons.set(
        row.row,
        row.comparisons.map(
          (comparison) => `${comparison.benchmark}: ${comparison.verdict} (${comparison.figure})`
        )
      );
      for (const cell of row.cells) {
        statuses.set(cell.address.replace(/^.*!/, "").replace(/\$/g, ""), cell.status);
        reasons.set(cell.address.replace(/^.*!/, "").replace(/\$/g, ""), cell.reason);
      }
    }
  }
  return {
    statuses,
    reasons,
    painted: paintedCells(grid.values, plan.rules),
    problems,
    scheme,
    comparisons,
  };
}

/** Rates a sheet as the workbook says: its KPI Register sheet's words and scheme. */
function ratedUnderRegister(sheet: Grid, registerSheet: Grid): Rated {
  const { words } = wordsOfGrid(registerSheet);
  const { settings } = workbookSettings(settingsTableOfGrid(registerSheet), words);
  const found = findTables(sheet, builtInRegister, { words });
  const appraisal = appraise(found, { words, scheme: settings.scheme });
  const { tables, scheme } = reportOf(appraisal);
  return ratedFrom(sheet, planOf(appraisal), tables, scheme);
}

function ratedPlain(sheet: Grid, toleranceSet?: string): Rated {
  const planned = plannedWithReport(findTables(sheet), toleranceSet);
  return ratedFrom(sheet, planned, planned.tables, planned.scheme);
}

const colours: ReadonlySet<Status> = new Set<Status>(["Green", "Amber", "Red", "Blue"]);

function allowed(expected: Expected): readonly Status[] {
  return typeof expected === "string" ? [expected] : expected;
}

/**
 * The fills my expectations paint: a cell expected in a colour, and only those. Where PRODUCT.md allows
 * either of two statuses, the cell must be painted as the status the report gives, if that is one of them.
 */
function expectedPaint(expected: Record<string, Expected>, rated: Rated): Map<string, string> {
  const paint = new Map<string, string>();
  for (const [address, status] of Object.entries(expected)) {
    const given = rated.statuses.get(address);
    const painted =
      typeof status === "string"
        ? status
        : given !== undefined && status.includes(given)
          ? given
          : status[0];
    if (colours.has(painted)) {
      paint.set(address, ragPalette[painted as "Green" | "Amber" | "Red" | "Blue"].fill);
    }
  }
  return paint;
}

function normalisedFill(fill: string): string {
  return `#${fill
    .replace(/^#/, "")
    .replace(/^FF(?=[0-9A-F]{6}$)/i, "")
    .toUpperCase()}`;
}

/** Every painted cell's fill, written as the palette writes it. */
function paintedFills(rated: Rated): Map<string, string> {
  return new Map([...rated.painted].map(([address, fill]) => [address, normalisedFill(fill)]));
}

function expectRow(rated: Rated, row: Record<string, Expected>): void {
  const got: Record<string, Status | undefined> = {};
  const want: Record<string, Status | undefined> = {};
  for (const [address, expected] of Object.entries(row)) {
    const status = rated.statuses.get(address);
    got[address] = status;
    want[address] =
      status !== undefined && allowed(expected).includes(status) ? status : allowed(expected)[0];
  }
  expect(got).toEqual(want);
}

function expectPaintOfRow(rated: Rated, row: Record<string, Expected>): void {
  const painted: Record<string, string | undefined> = {};
  const wanted: Record<string, string | undefined> = {};
  const paint = expectedPaint(row, rated);
  for (const address of Object.keys(row)) {
    const fill = rated.painted.get(address);
    painted[address] = fill === undefined ? undefined : normalisedFill(fill);
    wanted[address] = paint.get(address);
  }
  expect(painted).toEqual(wanted);
}

// ---------------------------------------------------------------------------------------------------------
// Card 1: Northmoor Borough Council, a quarterly scorecard rated under its KPI Register sheet.
// KPIWords teaches Pos / Neg (polarity), "Intervention level" (the tolerance header) and "Forecast 24/25"
// (not a period); KPISettings chooses Blue for exceeding, Blue at 10% better than target.
// ---------------------------------------------------------------------------------------------------------

const northmoorRegister = gridOf("KPI Register", [
  ["Word", "Means", null, "Setting", "Value"],
  ["Pos", "Bigger is better", null, "Scheme", "Blue for exceeding"],
  ["Neg", "Smaller is better", null, "Blue at", "10% better than target"],
  ["Intervention level", "Tolerance"],
  ["Forecast 24/25", "Not a period"],
]);

const northmoorScorecard = gridOf(
  "Scorecard",
  [
    ["Northmoor Borough Council: Children's Services Scorecard, Quarter 3 2024/25"],
    [],
    [
      "Ref",
      "Indicator",
      "Polarity",
      "Target (24/25)",
      "Intervention level",
      "Q1 (Apr-Jun) 24/25",
      "Q2 (Jul-Sep) 24/25",
      "Q3 (Oct-Dec) 24/25",
      "Forecast 24/25",
      "England",
      "Comments",
    ],
    // Row 4
    [
      "CS01",
      "Re-referrals within 12 months of a previous referral",
      "Neg",
      0.22,
      0.25,
      0.19,
      0.235,
      0.26,
      0.23,
      0.224,
      "Audit of repeat referrals under way",
    ],
    // Row 5
    [
      "CS02",
      "Single assessments completed within 45 working days",
      "Pos",
      0.85,
      0.75,
      0.95,
      0.86,
      0.8,
      0.88,
      0.83,
      null,
    ],
    // Row 6
    [
      "CS03",
      "Child protection plans lasting 2 years or more",
      "Neg",
      0.02,
      0.04,
      0.015,
      0.02,
      0.045,
      0.03,
      0.036,
      null,
    ],
    // Row 7
    [
      "CS04",
      "Care leavers aged 19-21 in suitable accommodation",
      "Pos",
      0.9,
      null,
      "91.5%*",
      "c",
      0.88,
      0.9,
      0.88,
      "Q2 suppressed: small numbers",
    ],
    // Row 8
    [
      "CS05",
      "Children looked after (number)",
      "For information only",
      null,
      null,
      412,
      420,
      431,
      440,
      null,
      null,
    ],
    // Row 9
    [
      "CS06",
      "Average days between entering care and moving in with adoptive family",
      "Neg",
      "426 days",
      "480 days",
      "401 days",
      "455 days",
      null,
      "440 days",
      367,
      null,
    ],
    // Row 10
    [
      "CS07",
      "Children in need visited within 20 working days",
      "Pos",
      "Suspended**",
      null,
      0.7,
      0.72,
      "Data to be supplied",
      null,
      null,
      "Case system migration",
    ],
    // Row 11
    [
      "CS08",
      "Children subject to a CP plan for a second or subsequent time",
      "Neg",
      "Below England average",
      null,
      0.25,
      0.24,
      0.23,
      0.24,
      0.23,
      null,
    ],
    [],
    ["* Provisional figure, subject to validation. ** Suspended during the case system migration."],
    [
      "Key: Blue = beyond stretch (10% better than target); Green = on target; Amber = within intervention level; Red = beyond it.",
    ],
  ],
  {
    ...formatsOf("0.0%", "DEFGHIJ", [4, 5, 6, 7, 10, 11]),
  }
);

/** Expected statuses, worked by hand. Blue at 10% better than target: 0.22 → 0.198; 0.85 → 0.935; 0.02 → 0.018; 0.9 → 0.99; 426 → 383.4. */
const northmoorRows: Record<string, Record<string, Expected>> = {
  "CS01 Neg, target 22%, intervention level 25%: 19% beyond the 19.8% stretch is Blue, 23.5% Amber, 26% Red":
    {
      F4: "Blue",
      G4: "Amber",
      H4: "Red",
    },
  "CS02 Pos, target 85%, intervention level 75%: 95% beyond the 93.5% stretch is Blue, 86% Green, 80% Amber":
    {
      F5: "Blue",
      G5: "Green",
      H5: "Amber",
    },
  "CS03 Neg, target 2%, intervention level 4%: 1.5% is Blue, 2% on target Green, 4.5% Red": {
    F6: "Blue",
    G6: "Green",
    H6: "Red",
  },
  "CS04 Pos, target 90% and no tolerance: 91.5%* is Green (provisional), c is No data, 88% Red (two bands)":
    {
      F7: "Green",
      G7: "No data",
      H7: "Red",
    },
  "CS05 For information only with no target is never coloured (a context measure, or a wording to check)":
    {
      F8: ["No target", "Check definition"],
      G8: ["No target", "Check definition"],
      H8: ["No target", "Check definition"],
    },
  "CS06 Neg, target 426 days, intervention level 480 days: 401 days Green, 455 days Amber, a blank No data":
    {
      F9: "Green",
      G9: "Amber",
      H9: "No data",
    },
  "CS07 Suspended** rates its figures Suspended, and Data to be supplied is No data": {
    F10: "Suspended",
    G10: "Suspended",
    H10: "No data",
  },
  "CS08 Neg, Below England average (23%, strict) and no tolerance: 25% Red, 24% Red, 23% equal to England Red":
    {
      F11: "Red",
      G11: "Red",
      H11: "Red",
    },
};

const northmoorExpected: Record<string, Expected> = Object.assign(
  {},
  ...Object.values(northmoorRows)
);

describe("Northmoor's scorecard rated under its KPI Register sheet's words and Blue for exceeding", () => {
  const rated = ratedUnderRegister(northmoorScorecard, northmoorRegister);

  it("says the sheet is rated under Blue for exceeding", () => {
    expect(rated.scheme).toMatch(/blue/i);
  });

  for (const [name, row] of Object.entries(northmoorRows)) {
    it(`rates ${name}`, () => expectRow(rated, row));
    it(`paints exactly the coloured cells of ${name.slice(0, 4)}`, () =>
      expectPaintOfRow(rated, row));
  }

  it("rates only the three quarter columns: not Forecast 24/25, England, Comments or the notes", () => {
    expect([...rated.statuses.keys()].sort()).toEqual(Object.keys(northmoorExpected).sort());
  });

  it("paints no cell beyond the ones expected in a colour", () => {
    const painted = paintedFills(rated);
    expect(painted).toEqual(expectedPaint(northmoorExpected, rated));
  });

  it("compares each row's latest quarter, not its forecast, with England, polarity-aware", () => {
    const verdicts = (row: number): string[] => rated.comparisons.get(row) ?? [];
    expect(verdicts(4)).toEqual(["England: Worse (26.0%)"]);
    expect(verdicts(5)).toEqual(["England: Worse (80.0%)"]);
    expect(verdicts(6)).toEqual(["England: Worse (4.5%)"]);
    expect(verdicts(7)).toEqual(["England: Same (88.0%)"]);
    expect(verdicts(9).map((line) => line.replace(/ \(.*\)$/, ""))).toEqual(["England: Worse"]);
    expect(verdicts(11)).toEqual(["England: Same (23.0%)"]);
  });

  it("gives the meaning of the * flag in the reason of 91.5%*", () => {
    expect(rated.reasons.get("F7") ?? "").toMatch(/provisional|note/i);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Card 2: Westbury Children's Trust, a monthly pack in Actual / Target / Tolerance rows (months as Excel
// dates, a Latest headline column), with a long table of quarterly and annual measures under it.
// ---------------------------------------------------------------------------------------------------------

const months = [45383, 45413, 45444, 45474, 45505, 45536]; // 1 Apr 2024 … 1 Sep 2024

const westburyPack = gridOf(
  "Monthly pack",
  [
    ["Westbury Children's Trust: Monthly Performance Pack, April to September 2024"],
    [],
    ["Measure", "Good performance", ...months, "Latest"],
    // Rows 4-7
    ["Re-referrals within 12 months", "Lower % = better"],
    ["Actual", null, 0.21, 0.235, 0.27, null, "n/a", 0.2, 0.2],
    ["Target", null, 0.22, 0.22, 0.22, 0.2, 0.2, 0.2, 0.2],
    ["Tolerance", null, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25],
    // Rows 8-11
    ["Initial child protection conferences within 15 working days", "Higher % is good"],
    ["Actual", null, 0.9, 0.78, 0.84, 0.86, "88%p", "Data not yet available", "88%p"],
    ["Target", null, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85],
    ["Floor", null, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8],
    // Rows 12-13
    ["Children missing education (open cases)", "For context"],
    ["Actual", null, 31, 28, 35, 40, 37, 33, 33],
    // Rows 14-17
    ["Average caseload per social worker", "↓"],
    ["Actual", null, 17.5, 18.4, 21, 19.9, "18.0 r", 17.9, 17.9],
    ["Target", null, 18, 18, 18, 18, 18, 18, 18],
    ["Tolerance", null, 20, 20, 20, 20, 20, 20, 20],
    [],
    // Row 19: the long table's title, row 20 its header
    ["Quarterly and annual measures"],
    [
      "KPI",
      "Period",
      "Actual",
      "Target",
      "Tolerance (amber)",
      "Recovery tolerance",
      "Polarity",
      "RAG",
    ],
    [
      "Care leavers in education, employment or training",
      "Q1 (Apr-Jun) 24/25",
      0.48,
      0.55,
      0.5,
      0.45,
      "Higher is good",
      "R",
    ],
    [
      "Care leavers in education, employment or training",
      "Q2 (Jul-Sep) 24/25",
      0.57,
      0.55,
      0.5,
      0.45,
      "Higher is good",
      "G",
    ],
    ["Agency social workers", "2023-2024", 0.17, 0.15, "+/- 3pp", "-", "Aim: minimise", "A"],
    ["Agency social workers", "2022-2023", 0.2, 0.15, "+/- 3pp", "+/- 6pp", "Aim: minimise", "R"],
    [
      "Children seen within 10 working days",
      "Q2 (Jul-Sep) 24/25",
      0.8,
      "Suspended*",
      null,
      "Suspend",
      "Aim to increase",
      null,
    ],
    ["Average caseload per social worker", "Apr 24", "17.5", "≤ 18", 20, 23, "Fewer is good", "G"],
    ["Average caseload per social worker", "May 24", 22, "≤ 18", 20, 23, "Fewer is good", "R"],
    [],
    ["p = provisional; r = revised. * Suspended while the visiting standard is reviewed."],
  ],
  {
    ...formatsOf("mmm-yy", "CDEFGH", [3]),
    ...formatsOf("0.0%", "CDEFGHI", [5, 6, 7, 9, 10, 11]),
    ...formatsOf("0.0", "CDEFGHI", [15]),
    ...formatsOf("0.0%", "CD", [21, 22, 23, 24, 25]),
    ...formatsOf("0.0%", "EF", [21, 22]),
  }
);

const westburyRows: Record<string, Record<string, Expected>> = {
  "re-referrals, Lower % = better, target 22% then 20% from July, tolerance 25%: Green, Amber, Red, two No data, Green on target, Latest Green":
    { C5: "Green", D5: "Amber", E5: "Red", F5: "No data", G5: "No data", H5: "Green", I5: "Green" },
  "ICPCs, Higher % is good, target 85%, Floor 80%: Green, Red, Amber, Green, 88%p Green, Data not yet available No data, Latest Green":
    { C9: "Green", D9: "Red", E9: "Amber", F9: "Green", G9: "Green", H9: "No data", I9: "Green" },
  "children missing education, For context with no Target row: never coloured": {
    C13: ["No target", "Check definition"],
    D13: ["No target", "Check definition"],
    E13: ["No target", "Check definition"],
    F13: ["No target", "Check definition"],
    G13: ["No target", "Check definition"],
    H13: ["No target", "Check definition"],
    I13: ["No target", "Check definition"],
  },
  "caseload, ↓ under the polarity heading, target 18, tolerance 20: Green, Amber, Red, Amber, 18.0 r Green, Green, Latest Green":
    {
      C15: "Green",
      D15: "Amber",
      E15: "Red",
      F15: "Amber",
      G15: "Green",
      H15: "Green",
      I15: "Green",
    },
  "the long table's Actual column against Tolerance (amber), the standard set: Red, Green, Amber (±3pp), Red, Suspended, Green, Red":
    {
      C21: "Red",
      C22: "Green",
      C23: "Amber",
      C24: "Red",
      C25: "Suspended",
      C26: "Green",
      C27: "Red",
    },
};

const westburyExpected: Record<string, Expected> = Object.assign(
  {},
  ...Object.values(westburyRows)
);

describe("Westbury's monthly pack in Actual / Target rows with a long table under it", () => {
  const rated = ratedPlain(westburyPack);

  for (const [name, row] of Object.entries(westburyRows)) {
    it(`rates ${name}`, () => expectRow(rated, row));
    it(`paints exactly the coloured cells of ${name.split(",")[0]}`, () =>
      expectPaintOfRow(rated, row));
  }

  it("rates only the Actual cells and the long table's Actual column: not labels, Target, Tolerance, RAG or notes", () => {
    expect([...rated.statuses.keys()].sort()).toEqual(Object.keys(westburyExpected).sort());
  });

  it("paints no cell beyond the ones expected in a colour", () => {
    const painted = paintedFills(rated);
    expect(painted).toEqual(expectedPaint(westburyExpected, rated));
  });

  it("gives the meaning of the p and r flags in the reasons", () => {
    expect(rated.reasons.get("G9") ?? "").toMatch(/provisional/i);
    expect(rated.reasons.get("G15") ?? "").toMatch(/revised/i);
  });
});

describe("Westbury's long table under its Recovery tolerance, the alternative set beside Tolerance (amber)", () => {
  const found = findTables(westburyPack);
  const recovery = toleranceSetsOf([found]).find((set) => /recovery/i.test(set));

  it("offers Recovery tolerance as a set beside the standard one", () => {
    expect(recovery).toBeDefined();
  });

  const expected: Record<string, Expected> = {
    C21: "Amber", // 48% is below the 55% target, at or above the 45% recovery tolerance
    C22: "Green",
    C23: "Amber", // "-": no recovery tolerance, so the standard ±3pp applies
    C24: "Amber", // ±6pp gives 21%; 20% is within it
    C25: "Suspended",
    C26: "Green",
    C27: "Amber", // 22 is within the recovery tolerance of 23
  };

  it("rates the long table's Actual column against the recovery tolerances: Amber, Green, Amber, Amber, Suspended, Green, Amber", () => {
    const rated = ratedPlain(westburyPack, recovery);
    expectRow(rated, expected);
    expectPaintOfRow(rated, expected);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Card 1 again, the same scorecard under a register choosing Amber by direction (Havering-style): off target
// but better than the period before is Amber, otherwise Red. A figure between the target and the tolerance is
// left to either reading ("off target (beyond the tolerance)" does not settle it), so both are allowed there.
// ---------------------------------------------------------------------------------------------------------

const northmoorDirectionRegister = gridOf("KPI Register", [
  ["Word", "Means", null, "Setting", "Value"],
  ["Pos", "Bigger is better", null, "Scheme", "Amber by direction"],
  ["Neg", "Smaller is better"],
  ["Intervention level", "Tolerance"],
  ["Forecast 24/25", "Not a period"],
]);

const byDirection: Record<string, Expected> = {
  F4: "Green",
  G4: ["Amber", "Red"], // 23.5%: within the intervention level, worse than Q1
  H4: "Red", // 26%: beyond 25% and worse than Q2's 23.5%
  F5: "Green",
  G5: "Green",
  H5: ["Amber", "Red"], // 80%: within the intervention level, worse than Q2
  F6: "Green",
  G6: "Green",
  H6: "Red", // 4.5%: beyond 4% and worse than Q2's 2%
  F7: "Green",
  G7: "No data",
  H7: "Red", // 88% misses 90% (no tolerance) and is worse than Q1's 91.5%
  F8: ["No target", "Check definition"],
  G8: ["No target", "Check definition"],
  H8: ["No target", "Check definition"],
  F9: "Green",
  G9: ["Amber", "Red"], // 455 days: within 480, worse than Q1's 401
  H9: "No data",
  F10: "Suspended",
  G10: "Suspended",
  H10: "No data",
  F11: "Red", // 25% misses Below 23% with no period before it
};

/** The benchmark-target row's misses, each compared with the quarter before. */
const byDirectionAgainstEngland: Record<string, Expected> = {
  G11: "Amber", // 24% misses it but is better than Q1's 25%
  H11: "Amber", // 23% misses the strict Below 23% but is better than Q2's 24%
};

describe("Northmoor's scorecard under a register choosing Amber by direction", () => {
  const rated = ratedUnderRegister(northmoorScorecard, northmoorDirectionRegister);

  it("says the sheet is rated under Amber by direction", () => {
    expect(rated.scheme).toMatch(/amber by direction/i);
  });

  it("rates a miss better than the quarter before Amber and any other miss Red, on target Green", () => {
    expectRow(rated, byDirection);
  });

  it("paints exactly the cells rated in a colour, and only in the three quarter columns", () => {
    const painted = paintedFills(rated);
    expect(painted).toEqual(expectedPaint({ ...byDirection, ...byDirectionAgainstEngland }, rated));
    expect([...rated.statuses.keys()].sort()).toEqual(
      Object.keys({ ...byDirection, ...byDirectionAgainstEngland }).sort()
    );
  });

  it("says which quarter a figure was compared with: 26% in Q3 against Q2's 23.5%", () => {
    expect(rated.reasons.get("H4") ?? "").toMatch(/Q2/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The same two cards in other spellings a person reads at once: the rating must not change.
// ---------------------------------------------------------------------------------------------------------

/** A copy of a grid with some cells rewritten, by A1 address. */
function rewritten(grid: Grid, cells: Record<string, CellValue>): Grid {
  const values = grid.values.map((row) => [...row]);
  for (const [address, value] of Object.entries(cells)) {
    const column = address.charCodeAt(0) - 65;
    values[Number(address.slice(1)) - 1][column] = value;
  }
  return { ...grid, values };
}

function statusesOf(rated: Rated): Record<string, Status> {
  return Object.fromEntries([...rated.statuses].sort(([a], [b]) => a.localeCompare(b)));
}

const blueStatuses = statusesOf(ratedUnderRegister(northmoorScorecard, northmoorRegister));

const targetYearSpellings = [
  "Target 2024-25",
  "Target (FY24/25)",
  "2024/25 Target",
  "Target 2024/2025",
];
const quarterSpellings: ReadonlyArray<readonly [string, string, string]> = [
  ["Q1 2024/25", "Q2 2024/25", "Q3 2024/25"],
  ["Qtr 1 24/25", "Qtr 2 24/25", "Qtr 3 24/25"],
  ["Apr-Jun 2024", "Jul-Sep 2024", "Oct-Dec 2024"],
];

describe("Northmoor's scorecard with its target year and quarters written other ways", () => {
  for (const header of targetYearSpellings) {
    it(`rates every quarter as before under ${header}`, () => {
      const sheet = rewritten(northmoorScorecard, { D3: header });
      expect(statusesOf(ratedUnderRegister(sheet, northmoorRegister))).toEqual(blueStatuses);
    });
  }
  for (const [q1, q2, q3] of quarterSpellings) {
    it(`rates every quarter as before with quarters headed ${q1}, ${q2}, ${q3}`, () => {
      const sheet = rewritten(northmoorScorecard, { F3: q1, G3: q2, H3: q3 });
      expect(statusesOf(ratedUnderRegister(sheet, northmoorRegister))).toEqual(blueStatuses);
    });
  }

  it("colours nothing when the only target column is for 2023/24 and every quarter falls in 2024/25", () => {
    const sheet = rewritten(northmoorScorecard, { D3: "Target 2023/24" });
    const rated = ratedUnderRegister(sheet, northmoorRegister);
    expect(rated.painted.size).toBe(0);
    const expected: Record<string, Expected> = {};
    for (const [address, status] of Object.entries(blueStatuses)) {
      expected[address] =
        status === "No data"
          ? "No data"
          : address.endsWith("8")
            ? ["No target", "Check definition"]
            : address.endsWith("10")
              ? ["No target", "Suspended"]
              : "No target";
    }
    expectRow(rated, expected);
    expect(rated.reasons.get("F4") ?? "").toMatch(/2024\/25|24\/25/);
  });
});

describe("Westbury's pack with its ICPC Target row labelled Target (%) in whole numbers", () => {
  it("reads 85 under Target (%) as 85% and rates the Actual row as before", () => {
    const sheet = rewritten(westburyPack, {
      A10: "Target (%)",
      C10: 85,
      D10: 85,
      E10: 85,
      F10: 85,
      G10: 85,
      H10: 85,
      I10: 85,
    });
    // Whole numbers as the analyst types them in a General cell: 85, not 8500.0% in a % cell.
    const general = {
      ...sheet,
      numberFormats: sheet.numberFormats.map((row, r) =>
        r === 9 ? row.map(() => "General") : row
      ),
    };
    const plain = statusesOf(ratedPlain(westburyPack));
    const rated = statusesOf(ratedPlain(general));
    expect(rated).toEqual(plain);
  });
});

const packStatuses = statusesOf(ratedPlain(westburyPack));

/** The statuses of one pack row's cells (C to I), by address. */
function rowStatuses(statuses: Record<string, Status>, row: number): Record<string, Status> {
  return Object.fromEntries(
    Object.entries(statuses).filter(([address]) => address.slice(1) === String(row))
  );
}

describe("Westbury's pack with its labels, months, headline and polarity written other ways", () => {
  const monthTexts: ReadonlyArray<readonly string[]> = [
    ["Apr 24", "May 24", "Jun 24", "Jul 24", "Aug 24", "Sep 24"],
    ["April 2024", "May 2024", "June 2024", "July 2024", "August 2024", "September 2024"],
    ["Apr-24", "May-24", "Jun-24", "Jul-24", "Aug-24", "Sep-24"],
  ];
  for (const texts of monthTexts) {
    it(`rates every month as before with months headed ${texts[0]} … ${texts[5]} as text`, () => {
      const cells: Record<string, CellValue> = {};
      texts.forEach((text, i) => (cells[`${String.fromCharCode(67 + i)}3`] = text));
      expect(statusesOf(ratedPlain(rewritten(westburyPack, cells)))).toEqual(packStatuses);
    });
  }

  for (const headline of ["Year to date", "Current", "Latest period"]) {
    it(`rates the headline column headed ${headline} as before`, () => {
      expect(statusesOf(ratedPlain(rewritten(westburyPack, { I3: headline })))).toEqual(
        packStatuses
      );
    });
  }

  for (const labels of [
    { A6: "Target (green)", A7: "Amber threshold" },
    { A6: "Annual target", A7: "Amber tolerance" },
  ]) {
    it(`rates re-referrals as before with its rows labelled ${labels.A6} and ${labels.A7}`, () => {
      expect(statusesOf(ratedPlain(rewritten(westburyPack, labels)))).toEqual(packStatuses);
    });
  }

  for (const higher of [
    "More is better",
    "Higher percentage = good",
    "Aim: maximise",
    "Increase is good",
    "▲",
    "Up is good",
  ]) {
    it(`rates the ICPC row as before under the polarity ${higher}`, () => {
      const statuses = statusesOf(ratedPlain(rewritten(westburyPack, { B8: higher })));
      expect(rowStatuses(statuses, 9)).toEqual(rowStatuses(packStatuses, 9));
    });
  }

  for (const lower of [
    "Aim to minimise",
    "Less is better",
    "Lower rate = good",
    "▼",
    "Down is good",
    "Reduce (target)",
  ]) {
    it(`rates the re-referrals row as before under the polarity ${lower}`, () => {
      const statuses = statusesOf(ratedPlain(rewritten(westburyPack, { B4: lower })));
      expect(rowStatuses(statuses, 5)).toEqual(rowStatuses(packStatuses, 5));
    });
  }

  for (const unknown of ["Steady good", "See note 3", "Good"]) {
    it(`colours none of the ICPC row's figures under the polarity ${unknown}, and says why`, () => {
      const rated = ratedPlain(rewritten(westburyPack, { B8: unknown }));
      const statuses = rowStatuses(statusesOf(rated), 9);
      expect(Object.values(statuses).filter((status) => colours.has(status))).toEqual([]);
      expect(rated.problems.join(" ")).toContain(unknown);
    });
  }
});

describe("Northmoor's scorecard with its taught words written other ways and a winter tolerance beside them", () => {
  it("reads the taught polarity words whatever their case: POS and neg", () => {
    const sheet = rewritten(northmoorScorecard, { C4: "neg", C5: "POS", C6: "NEG", C7: "pos" });
    expect(statusesOf(ratedUnderRegister(sheet, northmoorRegister))).toEqual(blueStatuses);
  });

  const winter = rewritten(northmoorScorecard, {
    K3: "Winter pressures tolerance",
    K4: 0.27,
    K7: null,
    K10: null,
  });

  it("rates as before under the standard set when a Winter pressures tolerance stands beside the taught Intervention level", () => {
    expect(statusesOf(ratedUnderRegister(winter, northmoorRegister))).toEqual(blueStatuses);
  });

  it("rates CS01's 26% Amber under the Winter pressures set (within 27%), and every other row as before", () => {
    const { words } = wordsOfGrid(northmoorRegister);
    const { settings } = workbookSettings(settingsTableOfGrid(northmoorRegister), words);
    const found = findTables(winter, builtInRegister, { words });
    const set = toleranceSetsOf([found]).find((name) => /winter/i.test(name));
    expect(set).toBeDefined();
    const appraisal = appraise(found, { words, scheme: settings.scheme, toleranceSet: set });
    const rated = ratedFrom(winter, planOf(appraisal), reportOf(appraisal).tables, "");
    expect(statusesOf(rated)).toEqual({ ...blueStatuses, H4: "Amber" });
    const painted = paintedFills(rated);
    expect(painted.get("H4")).toBe(ragPalette.Amber.fill);
    expect(painted.has("K4")).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Card 2 under Amber by direction (a KPISettings table on its own KPI Register sheet), with caseload's July
// at 20.5 (a miss better than June's 21) and the long table's agency rows at 20% for 2023-2024 and 25% for
// 2022-2023, written newest first: the period before is the earlier year, not the row above.
// ---------------------------------------------------------------------------------------------------------

const westburyDirectionRegister = gridOf("KPI Register", [
  ["Setting", "Value"],
  ["Scheme", "Amber by direction"],
]);

const westburyByDirection = rewritten(westburyPack, { F15: 20.5, C23: 0.2, C24: 0.25 });

const packByDirection: Record<string, Expected> = {
  C5: "Green",
  D5: ["Amber", "Red"], // 23.5%: within the tolerance, worse than April
  E5: "Red", // 27%: beyond 25% and worse than May
  F5: "No data",
  G5: "No data",
  H5: "Green",
  I5: "Green",
  C9: "Green",
  D9: "Red", // 78%: below the 80% floor and worse than April's 90%
  E9: "Amber", // 84%: within the floor, and better than May's 78%
  F9: "Green",
  G9: "Green",
  H9: "No data",
  I9: "Green",
  C13: ["No target", "Check definition"],
  D13: ["No target", "Check definition"],
  E13: ["No target", "Check definition"],
  F13: ["No target", "Check definition"],
  G13: ["No target", "Check definition"],
  H13: ["No target", "Check definition"],
  I13: ["No target", "Check definition"],
  C15: "Green",
  D15: ["Amber", "Red"], // 18.4: within the tolerance, worse than April
  E15: "Red", // 21: beyond 20 and worse than May's 18.4
  F15: "Amber", // 20.5: beyond 20 but better than June's 21
  G15: "Green",
  H15: "Green",
  I15: "Green",
  C21: "Red", // 48%: below the 50% tolerance, no quarter before it
  C22: "Green",
  C24: "Red", // 25% in 2022-2023: beyond 18%, no year before it
  C25: "Suspended",
  C26: "Green",
  C27: "Red", // 22 in May 24: beyond 20 and worse than Apr 24's 17.5
};

/** The long table's improving miss: compared with the same KPI's row for the year before, not the row above. */
const tidyByDirection: Record<string, Expected> = {
  C23: "Amber", // 20% in 2023-2024: beyond 18% but better than 2022-2023's 25%
};

describe("Westbury's pack and long table under Amber by direction", () => {
  const rated = ratedUnderRegister(westburyByDirection, westburyDirectionRegister);

  it("says the sheet is rated under Amber by direction", () => {
    expect(rated.scheme).toMatch(/amber by direction/i);
  });

  it("rates a miss better than the period before Amber and any other miss Red, month by month and row by row", () => {
    expectRow(rated, packByDirection);
  });

  it("paints exactly the cells rated in a colour", () => {
    const painted = paintedFills(rated);
    expect(painted).toEqual(expectedPaint({ ...packByDirection, ...tidyByDirection }, rated));
    expect([...rated.statuses.keys()].sort()).toEqual(
      Object.keys({ ...packByDirection, ...tidyByDirection }).sort()
    );
  });

  it("says which month a miss was compared with: July's 20.5 against June's 21", () => {
    expect(rated.reasons.get("F15") ?? "").toMatch(/Jun/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Card 2 under the other schemes: Blue for exceeding with a Stretch row in place of ICPC's Floor row, and
// Percentage of target (Green within 5%, Amber within 10%, each a share of the target on its worse side).
// ---------------------------------------------------------------------------------------------------------

describe("Westbury's pack under Blue for exceeding, with a Stretch row of 87% for ICPCs", () => {
  const register = gridOf("KPI Register", [
    ["Setting", "Value"],
    ["Scheme", "Blue for exceeding"],
  ]);
  const sheet = rewritten(westburyPack, {
    A11: "Stretch",
    C11: 0.87,
    D11: 0.87,
    E11: 0.87,
    F11: 0.87,
    G11: 0.87,
    H11: 0.87,
    I11: 0.87,
  });
  const rated = ratedUnderRegister(sheet, register);
  const icpc: Record<string, Expected> = {
    C9: "Blue", // 90% beyond the 87% stretch
    D9: "Red", // 78%: no tolerance now, so two bands below the stretch
    E9: "Red",
    F9: "Green", // 86%: on the 85% target, short of the stretch
    G9: "Blue", // 88%p
    H9: "No data",
    I9: "Blue",
  };

  it("rates ICPCs Blue at or beyond the Stretch row, Green on target, Red below it", () => {
    expectRow(rated, icpc);
    expectPaintOfRow(rated, icpc);
  });

  it("rates every other row as under the standard scheme, with no Blue where a row has no stretch", () => {
    const others = Object.fromEntries(
      Object.entries(statusesOf(rated)).filter(([address]) => !(address in icpc))
    );
    const standard = Object.fromEntries(
      Object.entries(packStatuses).filter(([address]) => !(address in icpc))
    );
    expect(others).toEqual(standard);
  });
});

describe("Westbury's pack under Percentage of target: Green within 5%, Amber within 10%", () => {
  const register = gridOf("KPI Register", [
    ["Setting", "Value"],
    ["Scheme", "Percentage of target"],
    ["Green within", "5%"],
    ["Amber within", "10%"],
  ]);
  const rated = ratedUnderRegister(westburyPack, register);
  const expected: Record<string, Expected> = {
    ...Object.fromEntries(
      Object.entries(packStatuses).filter(([, status]) => !colours.has(status))
    ),
    C5: "Green",
    D5: "Amber", // 23.5%: Green to 23.1%, Amber to 24.2% of a 22% target
    E5: "Red",
    H5: "Green",
    I5: "Green",
    C9: "Green",
    D9: "Amber", // 78%: Green from 80.75%, Amber from 76.5% of an 85% target
    E9: "Green", // 84%: within 5% of 85%
    F9: "Green",
    G9: "Green",
    I9: "Green",
    C15: "Green",
    D15: "Green", // 18.4: within 5% of 18 (18.9)
    E15: "Red",
    F15: "Red", // 19.9: beyond 10% of 18 (19.8)
    G15: "Green",
    H15: "Green",
    I15: "Green",
    C21: "Red", // 48%: Amber from 49.5% of a 55% target
    C22: "Green",
    C23: "Red", // 17%: Amber to 16.5% of a 15% target
    C24: "Red",
    C26: "Green",
    C27: "Red",
  };

  it("says the sheet is rated under Percentage of target", () => {
    expect(rated.scheme).toMatch(/percentage of target/i);
  });

  it("rates each figure by its distance from its own target, ignoring the tolerances", () => {
    expectRow(rated, expected);
  });

  it("paints exactly the cells rated in a colour", () => {
    const painted = paintedFills(rated);
    expect(painted).toEqual(expectedPaint(expected, rated));
  });
});

describe("Northmoor's KPI Register sheet with a word it cannot read, and without its Not a period word", () => {
  it("reports a KPIWords row whose Means it cannot read, and still rates with the rest", () => {
    const register = gridOf("KPI Register", [
      ["Word", "Means", null, "Setting", "Value"],
      ["Pos", "Bigger is better", null, "Scheme", "Blue for exceeding"],
      ["Neg", "Smaller is better", null, "Blue at", "10% better than target"],
      ["Intervention level", "Tolerance"],
      ["Forecast 24/25", "Not a period"],
      ["Steady", "Good when steady"],
    ]);
    expect(wordsOfGrid(register).problems.join(" ")).toMatch(/Row 6 of KPIWords.*Good when steady/);
    expect(statusesOf(ratedUnderRegister(northmoorScorecard, register))).toEqual(blueStatuses);
  });

  it("never colours Forecast 24/25 as a quarter without saying so when it is not taught as Not a period", () => {
    const register = gridOf("KPI Register", [
      ["Word", "Means", null, "Setting", "Value"],
      ["Pos", "Bigger is better", null, "Scheme", "Blue for exceeding"],
      ["Neg", "Smaller is better", null, "Blue at", "10% better than target"],
      ["Intervention level", "Tolerance"],
    ]);
    const { words } = wordsOfGrid(register);
    const found = findTables(northmoorScorecard, builtInRegister, { words });
    const report = reportOf(appraise(found, { words }));
    const forecastPainted = [
      ...ratedUnderRegister(northmoorScorecard, register).painted.keys(),
    ].filter((address) => address.startsWith("I"));
    const told = report.tables.some(
      (table) => /forecast/i.test(table.columnMap) && !/I\b[^,;]*period/i.test(table.columnMap)
    );
    expect(forecastPainted.length === 0 || told).toBe(true);
  });
});

describe("Northmoor's scorecard with Q4 (Jan-Mar) 23/24 first and a Target 2023/24 column for CS01 only", () => {
  const sheet = rewritten(northmoorScorecard, {
    F3: "Q4 (Jan-Mar) 23/24",
    K3: "Target 2023/24",
    K4: 0.2,
    K7: null,
    K10: null,
  });
  const rated = ratedUnderRegister(sheet, northmoorRegister);
  const q4: Record<string, Expected> = {
    F4: "Green", // 19% against 2023/24's 20% (Blue only at 18%), intervention level 25% for every year
    F5: "No target", // no 2023/24 target and no unqualified one
    F6: "No target",
    F7: "No target",
    F8: ["No target", "Check definition"],
    F9: "No target",
    F10: ["No target", "Suspended"],
    F11: "No target",
  };

  it("rates the 2023/24 quarter against the 2023/24 target and is otherwise No target, saying that year has none", () => {
    expectRow(rated, q4);
    expect(rated.reasons.get("F5") ?? "").toMatch(/2023\/24|23\/24/);
  });

  it("rates the 2024/25 quarters as before and colours only F4 in the 2023/24 quarter", () => {
    const later = Object.fromEntries(
      Object.entries(blueStatuses).filter(([address]) => !address.startsWith("F"))
    );
    expect(
      Object.fromEntries(
        Object.entries(statusesOf(rated)).filter(([address]) => !address.startsWith("F"))
      )
    ).toEqual(later);
    expect([...rated.painted.keys()].filter((address) => address.startsWith("F"))).toEqual(["F4"]);
    expect([...rated.painted.keys()].some((address) => address.startsWith("K"))).toBe(false);
  });
});

describe("Amber by direction in a long table and against a benchmark, a key of * and ** notes, a taught header with a year", () => {
  it("compares a long table's row with the same KPI's earlier period under Amber by direction: 20% in 2023-2024 after 25% in 2022-2023 is Amber", () => {
    const rated = ratedUnderRegister(westburyByDirection, westburyDirectionRegister);
    expectRow(rated, tidyByDirection);
    expectPaintOfRow(rated, tidyByDirection);
    expect(rated.reasons.get("C23") ?? "").toMatch(/2022/);
  });

  it("says a long table's May 24 caseload of 22 was compared with Apr 24's 17.5, not that it has no period before it", () => {
    const rated = ratedUnderRegister(westburyByDirection, westburyDirectionRegister);
    expect(rated.reasons.get("C27") ?? "").toMatch(/Apr/);
  });

  it("rates CS08's misses of Below England average by direction too: 24% after 25% Amber, 23% after 24% Amber", () => {
    const rated = ratedUnderRegister(northmoorScorecard, northmoorDirectionRegister);
    expectRow(rated, byDirectionAgainstEngland);
    expectPaintOfRow(rated, byDirectionAgainstEngland);
    expect(rated.reasons.get("G11") ?? "").toMatch(/Q1/);
  });

  it("gives the * flag of 91.5%* the key's meaning for * alone, not the ** note written after it on the same line", () => {
    const rated = ratedUnderRegister(northmoorScorecard, northmoorRegister);
    const reason = rated.reasons.get("F7") ?? "";
    expect(reason).toMatch(/provisional/i);
    expect(reason).not.toMatch(/migration/i);
  });

  it("gives the r flag of 18.0 r the key's meaning (revised) alone, not the * note written after it on the same line", () => {
    const reason = ratedPlain(westburyPack).reasons.get("G15") ?? "";
    expect(reason).toMatch(/revised/i);
    expect(reason).not.toMatch(/visiting standard/i);
  });

  it("reads the taught tolerance header with a year after it, Intervention level 24/25, as before", () => {
    const sheet = rewritten(northmoorScorecard, { E3: "Intervention level 24/25" });
    expect(statusesOf(ratedUnderRegister(sheet, northmoorRegister))).toEqual(blueStatuses);
  });
});
