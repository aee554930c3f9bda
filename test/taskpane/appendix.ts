/**
 * Pane fixtures made the way the store makes them: Appendix I rows (seed 000, wording as published) on a
 * plain grid, read by the core's findTables and appraisal, summarised and watch-listed.
 */
import { vi } from "vitest";
import { findTables, summarise, type CellValue, type Grid } from "../../src/core";
import { appraiseTables } from "../../src/core/appraisal/appraisal";
import { watchList } from "../../src/core/appraisal/watch-list";
import { cellFactsOf } from "../../src/taskpane/kpi-lines";
import { initialPaneState, type PaneActions, type PaneState } from "../../src/taskpane/model";
import { plannedWithReport } from "../support/planned-with-report";

const percent = "0%";

/** Appendix I's two header rows, Target and Tolerance under a merged "Target Range". */
const header: CellValue[][] = [
  [
    "TYPE",
    "Measure",
    "Polarity",
    "Target Range",
    null,
    "Covid19 Tolerance",
    "2019/20",
    "2020/21",
    "2021/22",
  ],
  [null, null, null, "Target", "Tolerance", null, "Average", "Average", "Qtr1"],
];

const rows: CellValue[][] = [
  [
    "Contractual Key Performance Indicators",
    "Assessments completed within <45 days",
    "Bigger is better",
    0.9,
    0.75,
    ">=75%",
    0.91,
    0.89,
    0.89,
  ],
  [
    null,
    "Care Leavers with pathway plans which have been reviewed in timescale",
    "Bigger is better",
    0.95,
    0.8,
    ">=80%",
    0.77,
    0.91,
    0.82,
  ],
  [
    null,
    "Short term stability of placements of children in care: % of children experiencing 3 or more placements in the year",
    "Smaller is better",
    0.09,
    0.15,
    "<=15%",
    0.1,
    0.08,
    0.07,
  ],
  [
    null,
    "Case file audits graded good or better",
    "Bigger is better",
    "Suspended***",
    null,
    "Suspend",
    0.8,
    0.62,
    0.56,
  ],
  [
    "Strategic Partnership Indicators",
    "Length of intervention for family support services (days)",
    "Smaller is better",
    "140 days",
    "180 days",
    "-",
    193,
    173.75,
    188,
  ],
  [
    null,
    "Assessments completed within 20 days",
    "Smaller is better",
    0.25,
    0.15,
    "-",
    0.15,
    0.24,
    0.3,
  ],
  [
    null,
    "Young offenders aged 10-17 who reoffend",
    "Smaller is better",
    0.37,
    0.5,
    "-",
    0.34,
    0.26,
    "Not Available",
  ],
];

export function appendixGrid(): Grid {
  const values = [...header, ...rows];
  return {
    sheet: "Appendix I",
    origin: { row: 0, column: 0 },
    values,
    numberFormats: values.map((row) =>
      row.map((cell) => (typeof cell === "number" && cell < 1 ? percent : "General"))
    ),
    merges: [{ top: 0, left: 3, bottom: 0, right: 4 }],
  };
}

/** The pane as the store leaves it after reading Appendix I with the given tolerance set. */
export function readyState(
  overrides: Partial<PaneState> = {},
  toleranceSet = "Standard"
): PaneState {
  const found = findTables(appendixGrid());
  const { tables } = plannedWithReport(found, toleranceSet);
  return {
    ...initialPaneState,
    phase: "ready",
    sheet: found.sheet,
    tables,
    ...cellFactsOf(appraiseTables(found, toleranceSet)),
    summary: summarise(tables),
    watchList: watchList(found, toleranceSet),
    toleranceSets: tables[0].toleranceSets,
    toleranceSet,
    colouredBy: { kind: "as shown", toleranceSet },
    ...overrides,
  };
}

export function recordingActions(): {
  [Name in keyof PaneActions]: ReturnType<typeof vi.fn<PaneActions[Name]>>;
} {
  return {
    reread: vi.fn(),
    chooseToleranceSet: vi.fn(),
    showSymbols: vi.fn(),
    apply: vi.fn(),
    remove: vi.fn(),
    selectRow: vi.fn(),
    insertRegister: vi.fn(),
    insertWords: vi.fn(),
    chooseScheme: vi.fn(),
    shareCopy: vi.fn(),
    insertExample: vi.fn(),
    goToSheet: vi.fn(),
    stopWaiting: vi.fn(),
    checkThisExcel: vi.fn(),
    dismissMessage: vi.fn(),
  };
}
