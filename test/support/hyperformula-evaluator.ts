/**
 * A formula evaluator for the simulated host built on HyperFormula, with the add-in's custom
 * functions plugged in as plain functions:
 *
 *   host.setFormulaEvaluator(hyperFormulaEvaluator({ functions: { "KPI.RATE": (value, kpi) => rate(value, kpi) } }));
 *
 * Each recalculation rebuilds a HyperFormula workbook from the host's cells.
 */
import {
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type RawCellContent,
} from "hyperformula";
import "./numbervalue.js";
import "./excel-round.js";
import { type CellValue, isErrorValue } from "./cell-values.js";
import type { FormulaEvaluator } from "./simulated-excel.js";
import { type SheetState, cellPosition, readCell } from "./workbook-state.js";

export type CustomFunction = (...args: CellValue[]) => CellValue;

export interface HyperFormulaEvaluatorOptions {
  /** Custom functions by their name in formulas ("KPI.RATE"); arguments arrive as Office.js values. */
  functions?: Record<string, CustomFunction>;
}

const EXCEL_ERRORS: Record<string, ErrorType> = {
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NAME?": ErrorType.NAME,
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#REF!": ErrorType.REF,
  "#SPILL!": ErrorType.SPILL,
};

const ERROR_TEXT = Object.fromEntries(
  Object.entries(EXCEL_ERRORS).map(([text, type]) => [type, text])
) as Record<string, string>;

export function hyperFormulaEvaluator(
  options: HyperFormulaEvaluatorOptions = {}
): FormulaEvaluator {
  const functions = options.functions ?? {};
  registerCustomFunctions(functions);
  let engine: HyperFormula | undefined;
  return (workbook) => {
    engine?.destroy();
    const sheets = Object.fromEntries(
      workbook.sheets.map((sheet) => [sheet.name, rawContent(sheet)])
    );
    const current = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
    engine = current;
    return (formula, at) => {
      const sheetId = current.getSheetId(at.sheet);
      if (sheetId === undefined) return "#REF!";
      const sheet = workbook.sheets.find((candidate) => candidate.name === at.sheet);
      const stored = sheet && readCell(sheet, at.row, at.column)?.formula === formula;
      const value = stored
        ? current.getCellValue({ sheet: sheetId, row: at.row, col: at.column })
        : current.calculateFormula(formula, sheetId);
      return fromHyperFormula(Array.isArray(value) ? value[0]?.[0] : value);
    };
  };
}

/** A sheet's cells as HyperFormula takes them: formulas as text, text forced to stay text. */
function rawContent(sheet: SheetState): RawCellContent[][] {
  const rows: RawCellContent[][] = [];
  for (const [key, cell] of sheet.cells) {
    const { row, column } = cellPosition(key);
    const content: RawCellContent =
      cell.formula ??
      (typeof cell.value === "string" && cell.value !== "" && !isErrorValue(cell.value)
        ? `'${cell.value}`
        : cell.value === ""
          ? null
          : cell.value);
    (rows[row] ??= [])[column] = content;
  }
  return Array.from(rows, (row) => Array.from(row ?? [], (content) => content ?? null));
}

function fromHyperFormula(value: unknown): CellValue {
  if (value === null || value === undefined) return "";
  if (value instanceof DetailedCellError) return value.value;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  return String(value);
}

/** HyperFormula's own plugin interface, wrapped so a custom function is a plain function of Office.js values. */
function registerCustomFunctions(functions: Record<string, CustomFunction>): void {
  for (const [name, implementation] of Object.entries(functions)) {
    const id = name.toUpperCase();
    class CustomFunctionPlugin extends FunctionPlugin {
      static override implementedFunctions = {
        [id]: {
          method: "evaluate",
          parameters: [{ argumentType: FunctionArgumentType.SCALAR, optionalArg: true }],
          repeatLastArgs: 1,
        },
      };

      /** HyperFormula's types for these two parameters are internal to it. */
      evaluate(ast: { args: unknown }, state: unknown) {
        return this.runFunction(
          ast.args as never,
          state as never,
          this.metadata(id),
          (...args: unknown[]) => toHyperFormula(implementation(...args.map(toCellValue)))
        );
      }
    }
    if (HyperFormula.getRegisteredFunctionNames("enGB").includes(id))
      HyperFormula.unregisterFunction(id);
    HyperFormula.registerFunction(id, CustomFunctionPlugin, { enGB: { [id]: id } });
  }
}

function toCellValue(argument: unknown): CellValue {
  if (argument === EmptyValue || argument === undefined || argument === null) return "";
  if (argument instanceof CellError) return ERROR_TEXT[argument.type] ?? "#VALUE!";
  if (typeof argument === "number" || typeof argument === "string" || typeof argument === "boolean")
    return argument;
  if (typeof argument === "object" && "val" in argument)
    return Number((argument as { val: unknown }).val);
  return String(argument);
}

function toHyperFormula(value: CellValue): number | string | boolean | CellError {
  if (typeof value === "string" && isErrorValue(value))
    return new CellError(EXCEL_ERRORS[value] ?? ErrorType.VALUE);
  return value;
}
