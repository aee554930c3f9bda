/** The rating core: pure TypeScript shared by the custom functions, the task pane and the kpi-rag command. */
export { emptyCounts, isRagStatus, type Status, statuses } from "./values/status";
export { type CellValue, notCalculated } from "./values/cell";
export { describeFigure } from "./definition/units";
export { isPercentFormat } from "./definition/written-figures";
export { wordKey, type Words, wordsColumns, wordsTableName } from "./definition/words";
export { resolveToleranceSet, standardFirst, standardSet } from "./definition/tolerance-set";
export {
  defaultSettings,
  type Scheme,
  schemeName,
  type Settings,
  settingsTableName,
  standardScheme,
} from "./rating/scheme";
export { figureOf } from "./rating/rate";
export { kpiIdKey } from "./register/kpi-id";
export {
  areaOfAddress,
  cellAddress,
  columnIndex,
  columnLetters,
  type Grid,
  type GridArea,
  parseCellAddress,
  topLeftOf,
} from "./values/grid";
export { ragPalette } from "./plan/palette";
export {
  type Register,
  registerColumns,
  registerSheetName,
  type RegisterTable,
  registerTableName,
} from "./register/register";
export { buildRegister, builtInRegister, catalogueRows } from "./register/register-reading";
export { findTables, type FoundTables, lookingFor, toleranceSetsOf } from "./sheet/tables";
export { skippedSheetLine } from "./sheet/skipped";
export { type UnknownWord, unknownWords, wordsOfGrid } from "./sheet/words-table";
export { type Appraisal, appraise, type AppraisedRow } from "./appraisal/appraisal";
export {
  type CellReport,
  tellingCountsOf,
  reportOf,
  type RowCounts,
  type RowReport,
  type SheetReport,
  tableReportOf,
  type TableReport,
} from "./appraisal/report";
export { type PeriodSummary, PeriodTally, summarise } from "./appraisal/summary";
export { newestFirst } from "./sheet/time-order";
export { isOwnRule } from "./plan/own-rule";
export { type FormattingPlan, type PlannedRule } from "./plan/plan";
export { colouringSet, sheetColours, type SheetColours } from "./plan/coloured-by";
export { type WatchItem, watchListOf } from "./appraisal/watch-list";
export { callsOwnFunction, moveFormula } from "./plan/formula";
export {
  type BenchmarkSummary,
  describeBenchmarkSummary,
  describeComparison,
  summariseComparisons,
  verdictGlyph,
} from "./appraisal/benchmark-summary";
export {
  type SchemeChoice,
  schemeNames,
  settingsColumns,
  type SettingsRead,
  settingsRowsOf,
  settingsTableOfGrid,
  workbookSettings,
} from "./register/settings";
export { planOf, statusSymbols } from "./plan/symbols";
