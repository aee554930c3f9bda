/**
 * Reads a workbook state from an .xlsx file and writes one back, with ExcelJS: cell values
 * (formulas with their cached results, errors, dates as serial numbers, rich text as plain text),
 * number formats, solid fills and font colours, merged areas, hidden rows and columns,
 * conditional formats and tables.
 *
 * Kept apart from the simulated host; the grid reading it shares with the tests is in xlsx-grid.ts.
 * ExcelJS neither reads nor writes a rule's stopIfTrue, so xlsx-stop-if-true.ts does that on the file.
 */
import { readFile, writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { cellValueOf, readWorkbookFile } from "./xlsx-grid.js";
import { type Area, formatArea, parseAddress } from "./a1.js";
import { type CellValue, argbFromColour, colourFromArgb, isErrorValue } from "./cell-values.js";
import {
  type CellState,
  type ConditionalFormatKind,
  type ConditionalFormatState,
  type SheetState,
  type SheetVisibility,
  type TableState,
  type WorkbookState,
  GENERAL,
  cellKey,
  cellPosition,
  createSheet,
  nextId,
  readCell,
} from "./workbook-state.js";
import { bodyArea, headerNames } from "./table-data.js";
import { markStopIfTrue, readStopIfTrue } from "./xlsx-stop-if-true.js";

export type XlsxSource = string | Buffer | ArrayBuffer | Uint8Array;

export async function readWorkbookState(source: XlsxSource): Promise<WorkbookState> {
  const bytes =
    typeof source === "string" ? await readFile(source) : Buffer.from(source as Uint8Array);
  // The judge's own ExcelJS reading (xlsx-grid.ts), not kpi-rag's, so the host never shares the code it judges.
  const workbook = await readWorkbookFile(bytes);
  const state = workbookStateFromExcelJs(workbook);
  const stopping = await readStopIfTrue(bytes);
  for (const sheet of state.sheets) {
    const priorities = stopping.get(sheet.name);
    sheet.conditionalFormats.forEach((format, index) => {
      format.stopIfTrue = priorities?.has(originalPriorities.get(format) ?? index + 1) ?? false;
    });
  }
  return state;
}

export async function writeWorkbookState(state: WorkbookState): Promise<Buffer> {
  const written = await excelJsFromWorkbookState(state).xlsx.writeBuffer();
  const stopping = new Map(
    state.sheets.map((sheet) => [
      sheet.name,
      new Set(
        sheet.conditionalFormats.flatMap((format, index) => (format.stopIfTrue ? [index + 1] : []))
      ),
    ])
  );
  return markStopIfTrue(Buffer.from(written as ArrayBuffer), stopping);
}

export async function saveWorkbookState(state: WorkbookState, path: string): Promise<void> {
  await writeFile(path, await writeWorkbookState(state));
}

// ---------------------------------------------------------------------------------------------
// ExcelJS workbook -> state

/** The rule priorities as the file had them, to match stopIfTrue flags read from the file. */
const originalPriorities = new WeakMap<ConditionalFormatState, number>();

/** What ExcelJS has but does not declare in its typings. */
interface ExcelJsSheetExtras {
  conditionalFormattings?: {
    ref: string;
    rules: (ExcelJS.ConditionalFormattingRule & { stopIfTrue?: boolean })[];
  }[];
  getTables(): { table?: ExcelJsTableModel; model?: ExcelJsTableModel }[];
}

interface ExcelJsTableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
}

export function workbookStateFromExcelJs(workbook: ExcelJS.Workbook): WorkbookState {
  const state: WorkbookState = {
    sheets: [],
    activeSheetId: "",
    selection: { sheetId: "", area: { top: 0, left: 0, bottom: 0, right: 0 } },
    nextId: 1,
    date1904: workbook.properties?.date1904 === true,
  };
  for (const worksheet of workbook.worksheets)
    state.sheets.push(sheetFromExcelJs(state, worksheet));
  if (state.sheets.length === 0) state.sheets.push(createSheet(state, "Sheet1"));
  const activeTab = workbook.views?.[0]?.activeTab ?? 0;
  const active =
    state.sheets[activeTab]?.visibility === "Visible"
      ? state.sheets[activeTab]!
      : (state.sheets.find((sheet) => sheet.visibility === "Visible") ?? state.sheets[0]!);
  state.activeSheetId = active.id;
  state.selection = { sheetId: active.id, area: { top: 0, left: 0, bottom: 0, right: 0 } };
  return state;
}

function sheetFromExcelJs(state: WorkbookState, worksheet: ExcelJS.Worksheet): SheetState {
  const sheet = createSheet(state, worksheet.name);
  sheet.visibility = visibilityFromExcelJs(worksheet.state);
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) sheet.hiddenRows.add(rowNumber - 1);
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      const state = cellFromExcelJs(cell, workbookIs1904(worksheet));
      if (state) sheet.cells.set(cellKey(rowNumber - 1, columnNumber - 1), state);
    });
  });
  for (let column = 1; column <= worksheet.columnCount; column++) {
    if (worksheet.getColumn(column).hidden) sheet.hiddenColumns.add(column - 1);
  }
  sheet.merges = (worksheet.model.merges ?? []).flatMap((address) => areasOf(address));
  const extras = worksheet as unknown as ExcelJsSheetExtras;
  sheet.conditionalFormats = conditionalFormatsFromExcelJs(
    state,
    extras.conditionalFormattings ?? []
  );
  sheet.tables = extras.getTables().flatMap((entry) => {
    const model = entry.table ?? entry.model;
    return model ? [tableFromExcelJs(state, model)] : [];
  });
  return sheet;
}

function workbookIs1904(worksheet: ExcelJS.Worksheet): boolean {
  return worksheet.workbook?.properties?.date1904 === true;
}

function visibilityFromExcelJs(state: string | undefined): SheetVisibility {
  return state === "hidden" ? "Hidden" : state === "veryHidden" ? "VeryHidden" : "Visible";
}

export function cellFromExcelJs(cell: ExcelJS.Cell, date1904 = false): CellState | undefined {
  const state: CellState = { value: "" };
  const content = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Merge:
    case ExcelJS.ValueType.Null:
      break;
    case ExcelJS.ValueType.Formula: {
      state.formula = `=${cell.formula}`;
      state.value = plainValue((content as ExcelJS.CellFormulaValue).result, date1904);
      break;
    }
    default:
      state.value = plainValue(content, date1904);
  }
  if (cell.numFmt && cell.numFmt !== GENERAL) state.numberFormat = cell.numFmt;
  const fill = cell.fill;
  if (fill?.type === "pattern" && fill.pattern === "solid") {
    const colour = colourFromArgb(fill.fgColor?.argb);
    if (colour) state.fill = colour;
  }
  const fontColour = colourFromArgb(cell.font?.color?.argb);
  if (fontColour) state.fontColor = fontColour;
  const empty =
    state.value === "" && !state.formula && !state.numberFormat && !state.fill && !state.fontColor;
  return empty ? undefined : state;
}

/** A cell's content as Office.js would give it in `values`: kpi-rag's reading, with "" for a blank and errors as text. */
function plainValue(content: unknown, date1904: boolean): CellValue {
  const value = cellValueOf(content as ExcelJS.CellValue, date1904);
  if (value === null) return "";
  return typeof value === "object" ? value.error : value;
}

const KIND_OF_RULE: Record<string, ConditionalFormatKind> = {
  expression: "Custom",
  cellIs: "CellValue",
  colorScale: "ColorScale",
  dataBar: "DataBar",
  iconSet: "IconSet",
  top10: "TopBottom",
  aboveAverage: "PresetCriteria",
  timePeriod: "PresetCriteria",
  containsText: "ContainsText",
  notContainsText: "ContainsText",
  beginsWith: "ContainsText",
  endsWith: "ContainsText",
};

function conditionalFormatsFromExcelJs(
  state: WorkbookState,
  blocks: NonNullable<ExcelJsSheetExtras["conditionalFormattings"]>
): ConditionalFormatState[] {
  const formats: { priority: number; format: ConditionalFormatState }[] = [];
  for (const block of blocks) {
    const areas = areasOf(block.ref);
    for (const rule of block.rules) {
      const format: ConditionalFormatState = {
        id: String(nextId(state)),
        type: KIND_OF_RULE[rule.type] ?? "PresetCriteria",
        areas: areas.map((area) => ({ ...area })),
        stopIfTrue: rule.stopIfTrue === true,
      };
      if (rule.type === "expression") {
        const formula = (rule.formulae ?? [])[0];
        if (formula !== undefined) format.formula = `=${String(formula)}`;
        const style = rule.style ?? {};
        const fill =
          style.fill?.type === "pattern"
            ? colourFromArgb(style.fill.bgColor?.argb ?? style.fill.fgColor?.argb)
            : undefined;
        const font = colourFromArgb(style.font?.color?.argb);
        if (fill) format.fill = fill;
        if (font) format.fontColor = font;
      } else {
        format.original = structuredClone(rule);
      }
      originalPriorities.set(format, rule.priority);
      formats.push({ priority: rule.priority ?? Number.MAX_SAFE_INTEGER, format });
    }
  }
  return formats.sort((a, b) => a.priority - b.priority).map(({ format }) => format);
}

function tableFromExcelJs(state: WorkbookState, model: ExcelJsTableModel): TableState {
  const address = model.tableRef ?? model.ref ?? "";
  const [area] = areasOf(address);
  if (!area)
    throw new Error(`The table ${model.name} has an address ExcelJS could not give: "${address}".`);
  const withoutTotals = model.totalsRow ? { ...area, bottom: area.bottom - 1 } : area;
  return {
    id: String(nextId(state)),
    name: model.name,
    area: withoutTotals,
    showHeaders: model.headerRow !== false,
  };
}

/** "B2:B9 D2:D9" (a file's sqref) or "B2:B9" into areas. */
function areasOf(reference: string): Area[] {
  return reference
    .split(/[\s,]+/)
    .filter(Boolean)
    .flatMap((part) => {
      const parsed = parseAddress(part);
      return parsed ? [parsed.area] : [];
    });
}

// ---------------------------------------------------------------------------------------------
// state -> ExcelJS workbook

export function excelJsFromWorkbookState(state: WorkbookState): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  if (state.date1904) workbook.properties.date1904 = true;
  state.sheets.forEach((sheet) => writeSheet(workbook, sheet));
  const activeTab = Math.max(
    0,
    state.sheets.findIndex((sheet) => sheet.id === state.activeSheetId)
  );
  workbook.views = [
    { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab, visibility: "visible" },
  ];
  return workbook;
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetState): void {
  const worksheet = workbook.addWorksheet(sheet.name, {
    state:
      sheet.visibility === "Hidden"
        ? "hidden"
        : sheet.visibility === "VeryHidden"
          ? "veryHidden"
          : "visible",
  });
  for (const [key, cell] of sheet.cells) {
    const { row, column } = cellPosition(key);
    writeCell(worksheet.getCell(row + 1, column + 1), cell);
  }
  for (const area of sheet.merges) worksheet.mergeCells(formatArea(area));
  for (const row of sheet.hiddenRows) worksheet.getRow(row + 1).hidden = true;
  for (const column of sheet.hiddenColumns) worksheet.getColumn(column + 1).hidden = true;
  sheet.conditionalFormats.forEach((format, index) => {
    const rule = ruleForExcelJs(format, index + 1);
    if (rule)
      worksheet.addConditionalFormatting({
        ref: format.areas.map(formatArea).join(" "),
        rules: [rule],
      });
  });
  for (const table of sheet.tables) writeTable(worksheet, sheet, table);
}

function writeCell(cell: ExcelJS.Cell, state: CellState): void {
  cell.value = excelJsValue(state);
  if (state.numberFormat) cell.numFmt = state.numberFormat;
  if (state.fill)
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: argbFromColour(state.fill) },
    };
  if (state.fontColor) cell.font = { color: { argb: argbFromColour(state.fontColor) } };
}

function excelJsValue(state: CellState): ExcelJS.CellValue {
  if (state.formula) {
    const result =
      state.value === ""
        ? undefined
        : isErrorValue(state.value)
          ? { error: state.value }
          : state.value;
    return { formula: state.formula.slice(1), result } as ExcelJS.CellFormulaValue;
  }
  if (state.value === "") return null;
  if (isErrorValue(state.value)) return { error: state.value } as ExcelJS.CellErrorValue;
  return state.value;
}

function ruleForExcelJs(
  format: ConditionalFormatState,
  priority: number
): ExcelJS.ConditionalFormattingRule | undefined {
  if (format.type !== "Custom") {
    return format.original
      ? { ...(format.original as ExcelJS.ConditionalFormattingRule), priority }
      : undefined;
  }
  if (!format.formula) return undefined;
  const style: Partial<ExcelJS.Style> = {};
  if (format.fill)
    style.fill = {
      type: "pattern",
      pattern: "solid",
      bgColor: { argb: argbFromColour(format.fill) },
    };
  if (format.fontColor) style.font = { color: { argb: argbFromColour(format.fontColor) } };
  return { type: "expression", formulae: [format.formula.slice(1)], style, priority };
}

function writeTable(worksheet: ExcelJS.Worksheet, sheet: SheetState, table: TableState): void {
  const body = bodyArea(table);
  const rows: ExcelJS.CellValue[][] = [];
  for (let row = body.top; row <= body.bottom; row++) {
    const values: ExcelJS.CellValue[] = [];
    for (let column = body.left; column <= body.right; column++) {
      const cell = readCell(sheet, row, column);
      values.push(cell ? excelJsValue(cell) : null);
    }
    rows.push(values);
  }
  worksheet.addTable({
    name: table.name,
    ref: formatArea({ ...table.area, bottom: table.area.top, right: table.area.left }),
    headerRow: table.showHeaders,
    totalsRow: false,
    columns: headerNames(sheet, table).map((name) => ({ name, filterButton: true })),
    rows,
  });
}
