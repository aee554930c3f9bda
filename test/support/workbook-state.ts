/**
 * The workbook as the simulated Excel holds it: plain data that the Office.js proxies act on at
 * sync, that tests inspect, and that xlsx-state.ts reads from and writes to a file.
 * Rows and columns are zero-based here, as in Office.js's rowIndex/columnIndex.
 */
import { type Area, MAX_COLUMNS, areaOf, intersection } from "./a1.js";
import { type CellInput, type CellValue, interpretInput } from "./cell-values.js";

export interface CellState {
  value: CellValue;
  /** The formula as Excel shows it, with its "=": "=KPI.RATE(H12,\"KPI-18\")". */
  formula?: string;
  /** Absent means "General". */
  numberFormat?: string;
  /** Solid fill as "#RRGGBB"; absent means no fill. */
  fill?: string;
  /** Font colour as "#RRGGBB"; absent means automatic (black). */
  fontColor?: string;
}

export type ConditionalFormatKind =
  | "Custom"
  | "CellValue"
  | "ColorScale"
  | "DataBar"
  | "IconSet"
  | "TopBottom"
  | "PresetCriteria"
  | "ContainsText";

export interface ConditionalFormatState {
  id: string;
  type: ConditionalFormatKind;
  /** The cells it applies to; more than one area for "B2:B9 D2:D9". */
  areas: Area[];
  stopIfTrue: boolean;
  /** For type Custom: the rule's formula with its "=", relative to the first area's top-left cell. */
  formula?: string;
  fill?: string;
  fontColor?: string;
  /** The number format the rule applies (status symbols); undefined when it sets none. */
  numberFormat?: string;
  /** A rule read from a file that the host does not model (colour scales...), kept to write back. */
  original?: unknown;
  deleted?: boolean;
  /**
   * A rule Excel cannot describe to an add-in: one the analyst duplicated in Manage Rules (office-js #6835),
   * or one brought back by Ctrl+Z after an add-in deleted it (office-js #6396). See HostBehaviour.
   */
  unreadable?: "duplicated" | "undone";
}

export interface TableState {
  id: string;
  name: string;
  /** The whole table, header row included. */
  area: Area;
  showHeaders: boolean;
  deleted?: boolean;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetState {
  id: string;
  name: string;
  visibility: SheetVisibility;
  /** Only cells that hold something; keyed by cellKey(row, column). */
  cells: Map<number, CellState>;
  merges: Area[];
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  /** In priority order: index 0 is priority 0, applied first. */
  conditionalFormats: ConditionalFormatState[];
  tables: TableState[];
  deleted?: boolean;
}

export interface WorkbookState {
  sheets: SheetState[];
  activeSheetId: string;
  selection: { sheetId: string; area: Area };
  nextId: number;
  /** True when dates in the file count from 1904 (old Mac workbooks). */
  date1904?: boolean;
}

export const GENERAL = "General";

/** One number per cell (row-major), a fast Map key even for a sheet of 100,000 rows. */
export function cellKey(row: number, column: number): number {
  return row * MAX_COLUMNS + column;
}

export function cellPosition(key: number): { row: number; column: number } {
  return { row: Math.floor(key / MAX_COLUMNS), column: key % MAX_COLUMNS };
}

export function readCell(sheet: SheetState, row: number, column: number): CellState | undefined {
  return sheet.cells.get(cellKey(row, column));
}

export function valueAt(sheet: SheetState, row: number, column: number): CellValue {
  return readCell(sheet, row, column)?.value ?? "";
}

/** Changes a cell, dropping it from the map when it ends up holding nothing. */
export function updateCell(
  sheet: SheetState,
  row: number,
  column: number,
  change: Partial<CellState>
): void {
  const key = cellKey(row, column);
  const cell: CellState = sheet.cells.get(key) ?? { value: "" };
  Object.assign(cell, change);
  for (const name of ["formula", "numberFormat", "fill", "fontColor"] as const) {
    if (cell[name] === undefined) delete cell[name];
  }
  if (cell.numberFormat === GENERAL) delete cell.numberFormat;
  if (isEmptyCell(cell)) sheet.cells.delete(key);
  else sheet.cells.set(key, cell);
}

export function isEmptyCell(cell: CellState): boolean {
  return (
    cell.value === "" &&
    cell.formula === undefined &&
    cell.numberFormat === undefined &&
    cell.fill === undefined &&
    cell.fontColor === undefined
  );
}

export function hasContent(cell: CellState): boolean {
  return cell.value !== "" || cell.formula !== undefined;
}

/** Enters text, a number or a formula into a cell the way typing it would. */
export function enterInput(sheet: SheetState, row: number, column: number, input: unknown): void {
  applyInput(
    sheet,
    row,
    column,
    interpretInput(input, readCell(sheet, row, column)?.numberFormat ?? GENERAL)
  );
}

/** Puts what Excel read from an input into a cell; a formula keeps its value until recalculated. */
export function applyInput(
  sheet: SheetState,
  row: number,
  column: number,
  reading: CellInput
): void {
  if (reading.kind === "formula") {
    const current = readCell(sheet, row, column);
    updateCell(sheet, row, column, {
      formula: reading.formula,
      value: current?.formula === reading.formula ? current.value : "",
    });
  } else if (reading.kind === "value") {
    updateCell(sheet, row, column, {
      value: reading.value,
      formula: undefined,
      ...(reading.numberFormat ? { numberFormat: reading.numberFormat } : {}),
    });
  }
}

/**
 * The smallest area holding every cell with a value (valuesOnly) or with anything at all. One pass over
 * the cells with no object made per cell: a 10,000-KPI sheet holds some 200,000 cells, and every
 * getUsedRange asks again.
 */
export function usedArea(sheet: SheetState, valuesOnly: boolean): Area | null {
  let first = Infinity;
  let last = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  // forEach rather than for...of: a page runs this loop once, cold, where V8 makes for...of's entries slowly.
  sheet.cells.forEach((cell, key) => {
    if (valuesOnly && !hasContent(cell)) return;
    const column = key % MAX_COLUMNS;
    // Keys run row by row, so the first and last rows are those of the smallest and largest keys.
    if (key < first) first = key;
    if (key > last) last = key;
    if (column < left) left = column;
    if (column > right) right = column;
  });
  if (first === Infinity) return null;
  return {
    top: cellPosition(first).row,
    left,
    bottom: cellPosition(last).row,
    right,
  };
}

export function findSheet(workbook: WorkbookState, nameOrId: string): SheetState | undefined {
  const wanted = nameOrId.toLowerCase();
  return workbook.sheets.find(
    (sheet) => sheet.id === nameOrId || sheet.name.toLowerCase() === wanted
  );
}

export function activeSheet(workbook: WorkbookState): SheetState {
  const sheet =
    workbook.sheets.find((candidate) => candidate.id === workbook.activeSheetId) ??
    workbook.sheets[0];
  if (!sheet) throw new Error("The workbook has no worksheets.");
  return sheet;
}

export function allTables(workbook: WorkbookState): { sheet: SheetState; table: TableState }[] {
  return workbook.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
}

export function findTable(
  workbook: WorkbookState,
  nameOrId: string
): { sheet: SheetState; table: TableState } | undefined {
  const wanted = nameOrId.toLowerCase();
  return allTables(workbook).find(
    ({ table }) => table.id === nameOrId || table.name.toLowerCase() === wanted
  );
}

export function tablesTouching(sheet: SheetState, area: Area): TableState[] {
  return sheet.tables.filter((table) => intersection(table.area, area));
}

export function nextId(workbook: WorkbookState): number {
  return workbook.nextId++;
}

export function newSheetId(workbook: WorkbookState): string {
  return `{00000000-0001-0000-${String(nextId(workbook)).padStart(4, "0")}-000000000000}`;
}

export function createSheet(workbook: WorkbookState, name: string): SheetState {
  return {
    id: newSheetId(workbook),
    name,
    visibility: "Visible",
    cells: new Map(),
    merges: [],
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    conditionalFormats: [],
    tables: [],
  };
}

/** Rows of input per sheet, entered as an analyst would type them: `{ Data: [["KPI", "Target"], [18, "9%"]] }`. */
export type WorkbookRows = Record<string, unknown[][]>;

/** A workbook with the given sheets (the first one active), or one empty "Sheet1". */
export function createWorkbookState(sheets: WorkbookRows = { Sheet1: [] }): WorkbookState {
  const workbook: WorkbookState = {
    sheets: [],
    activeSheetId: "",
    selection: { sheetId: "", area: areaOf(0, 0) },
    nextId: 1,
  };
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = createSheet(workbook, name);
    rows.forEach((row, rowIndex) =>
      row.forEach((input, columnIndex) => enterInput(sheet, rowIndex, columnIndex, input))
    );
    workbook.sheets.push(sheet);
  }
  const first = workbook.sheets[0];
  if (!first) throw new Error("A workbook needs at least one worksheet.");
  workbook.activeSheetId = first.id;
  workbook.selection = { sheetId: first.id, area: areaOf(0, 0) };
  return workbook;
}

/** Moves whole cells (value, formula and formats) in columns left..right down by `count` rows from `fromRow`. */
export function shiftCellsDown(
  sheet: SheetState,
  fromRow: number,
  left: number,
  right: number,
  count: number
): void {
  moveCells(sheet, (row, column) => row >= fromRow && column >= left && column <= right, count);
}

/** Moves cells in columns left..right below `fromRow` up by `count` rows, dropping rows fromRow..fromRow+count-1. */
export function shiftCellsUp(
  sheet: SheetState,
  fromRow: number,
  left: number,
  right: number,
  count: number
): void {
  for (const key of [...sheet.cells.keys()]) {
    const { row, column } = cellPosition(key);
    if (row >= fromRow && row < fromRow + count && column >= left && column <= right)
      sheet.cells.delete(key);
  }
  moveCells(
    sheet,
    (row, column) => row >= fromRow + count && column >= left && column <= right,
    -count
  );
}

function moveCells(
  sheet: SheetState,
  moves: (row: number, column: number) => boolean,
  rows: number
): void {
  const moving = [...sheet.cells].filter(([key]) => {
    const { row, column } = cellPosition(key);
    return moves(row, column);
  });
  for (const [key] of moving) sheet.cells.delete(key);
  for (const [key, cell] of moving) {
    const { row, column } = cellPosition(key);
    sheet.cells.set(cellKey(row + rows, column), cell);
  }
}

/** A deep copy of a sheet's contents and formats under a new id and name (tables are copied by the caller). */
export function copySheetContents(
  workbook: WorkbookState,
  source: SheetState,
  name: string
): SheetState {
  const copy = createSheet(workbook, name);
  for (const [key, cell] of source.cells) copy.cells.set(key, { ...cell });
  copy.merges = source.merges.map((area) => ({ ...area }));
  copy.hiddenRows = new Set(source.hiddenRows);
  copy.hiddenColumns = new Set(source.hiddenColumns);
  copy.conditionalFormats = source.conditionalFormats.map((format) => ({
    ...format,
    id: String(nextId(workbook)),
    areas: format.areas.map((area) => ({ ...area })),
  }));
  return copy;
}
