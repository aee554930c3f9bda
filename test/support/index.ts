/**
 * The simulated Excel host: run the add-in's Office.js code against an in-memory workbook that
 * fails where Excel fails, then look at what it did.
 *
 *   const host = createExcelHost({ "KPI Data": [["Measure", "Target"], ["Repeat referrals", "22%"]] });
 *   const grid = await host.run((context) => readActiveSheet(context));
 *   expect(host.syncCount).toBe(1);
 */
export {
  createExcelHost,
  loadHostFromXlsx,
  ExcelHost,
  type ExcelHostOptions,
} from "./excel-host.js";
export type {
  CellSnapshot,
  ConditionalFormatSnapshot,
  SheetInspector,
  SheetSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
} from "./inspection.js";
export type {
  FormulaEvaluator,
  FormulaLocation,
  HostBehaviour,
  RequirementSets,
} from "./simulated-excel.js";
export { DEFAULT_BEHAVIOUR, WEB_PAYLOAD_LIMIT, getRangesSeparator } from "./simulated-excel.js";
export { HostError } from "./errors.js";
export type { CellValue } from "./cell-values.js";
export {
  createWorkbookState,
  type CellState,
  type ConditionalFormatState,
  type SheetState,
  type TableState,
  type WorkbookRows,
  type WorkbookState,
} from "./workbook-state.js";
export { readWorkbookState, writeWorkbookState, saveWorkbookState } from "./xlsx-state.js";
export {
  hyperFormulaEvaluator,
  type CustomFunction,
  type HyperFormulaEvaluatorOptions,
} from "./hyperformula-evaluator.js";
export {
  workbookStateFromJson,
  workbookStateFromText,
  workbookStateToJson,
  type SheetJson,
  type WorkbookJson,
} from "./workbook-json.js";
export {
  callAsExcel,
  customFunctionEvaluator,
  excelCalls,
  fromCells,
  CellError,
  type ExcelCall,
  type FunctionMetadata,
  type FunctionsMetadata,
} from "./custom-functions.js";
export { asExcelCalls, metadataFrom } from "./functions-metadata.js";
