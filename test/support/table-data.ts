/**
 * Excel tables in the workbook state: creating one with Excel's rules (valid unique name,
 * unique text headers, no overlap), its header and body areas, and inserting or deleting rows.
 */
import { type Area, columnCount, intersection, rowCount } from "./a1.js";
import { displayText } from "./cell-values.js";
import { HostError } from "./errors.js";
import { elementsFor, writeInputs } from "./range-data.js";
import type { CellChange } from "./events.js";
import {
  type SheetState,
  type TableState,
  type WorkbookState,
  allTables,
  nextId,
  readCell,
  valueAt,
  shiftCellsDown,
  shiftCellsUp,
  updateCell,
} from "./workbook-state.js";

export function headerArea(table: TableState): Area | null {
  return table.showHeaders ? { ...table.area, bottom: table.area.top } : null;
}

export function bodyArea(table: TableState): Area {
  return table.showHeaders ? { ...table.area, top: table.area.top + 1 } : table.area;
}

export function bodyRowCount(table: TableState): number {
  return rowCount(bodyArea(table));
}

export function headerNames(sheet: SheetState, table: TableState): string[] {
  const names: string[] = [];
  for (let column = table.area.left; column <= table.area.right; column++) {
    names.push(
      table.showHeaders
        ? String(valueAt(sheet, table.area.top, column))
        : `Column${column - table.area.left + 1}`
    );
  }
  return names;
}

/** Excel's rule for table names: a letter, underscore or backslash first; no spaces; not a cell reference. */
export function checkTableName(
  workbook: WorkbookState,
  name: unknown,
  except?: TableState
): string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 255 ||
    !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) ||
    /^[A-Za-z]{1,3}[0-9]+$/.test(name) ||
    /^[RrCc]$/.test(name)
  ) {
    throw new HostError("InvalidArgument");
  }
  const taken = allTables(workbook).some(
    ({ table }) => table !== except && table.name.toLowerCase() === name.toLowerCase()
  );
  if (taken) throw new HostError("ItemAlreadyExists");
  return name;
}

function unusedTableName(workbook: WorkbookState, base: string): string {
  const taken = new Set(allTables(workbook).map(({ table }) => table.name.toLowerCase()));
  for (let number = 1; ; number++) {
    const name = base === "Table" || number > 1 ? `${base}${number}` : base;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * tables.add(address, hasHeaders). With headers, the first row becomes unique text headers
 * ("Column3" for a blank, "Target2" for a repeat). Without, Excel inserts a header row above the
 * data, moving the cells below down. A header row alone gets one empty data row.
 */
export function createTable(
  workbook: WorkbookState,
  sheet: SheetState,
  area: Area,
  hasHeaders: boolean
): TableState {
  if (
    sheet.tables.some((table) => intersection(table.area, area)) ||
    sheet.merges.some((merge) => intersection(merge, area))
  ) {
    throw new HostError("InvalidArgument", {
      message: "A table can't overlap another table or merged cells.",
    });
  }
  let tableArea = area;
  if (!hasHeaders) {
    shiftCellsDown(sheet, area.top, area.left, area.right, 1);
    tableArea = { ...area, bottom: area.bottom + 1 };
  } else if (rowCount(area) === 1) {
    tableArea = { ...area, bottom: area.bottom + 1 };
  }
  const table: TableState = {
    id: String(nextId(workbook)),
    name: unusedTableName(workbook, "Table"),
    area: tableArea,
    showHeaders: true,
  };
  writeUniqueHeaders(sheet, table, hasHeaders);
  sheet.tables.push(table);
  return table;
}

function writeUniqueHeaders(sheet: SheetState, table: TableState, fromCells: boolean): void {
  const seen = new Set<string>();
  for (let column = table.area.left; column <= table.area.right; column++) {
    const cell = readCell(sheet, table.area.top, column);
    const written =
      fromCells && cell ? displayText(cell.value, cell.numberFormat ?? "General") : "";
    let name = written.trim() === "" ? `Column${column - table.area.left + 1}` : written;
    for (let number = 2; seen.has(name.toLowerCase()); number++)
      name = `${written || "Column"}${number}`;
    seen.add(name.toLowerCase());
    updateCell(sheet, table.area.top, column, { value: name, formula: undefined });
  }
}

/**
 * rows.add(index, values): inserts rows into the body at `index` (at the end when absent),
 * moving the cells below the table's columns down, and writes the values.
 */
export function addTableRows(
  sheet: SheetState,
  table: TableState,
  index: number | null | undefined,
  values: unknown
): CellChange {
  const body = bodyArea(table);
  const rows = Array.isArray(values) ? values.length : 1;
  const count = bodyRowCount(table);
  const at = index === null || index === undefined ? count : index;
  if (!Number.isInteger(at) || at < 0 || at > count || rows < 1)
    throw new HostError("InvalidArgument");
  const firstRow = body.top + at;
  const inserted: Area = {
    top: firstRow,
    bottom: firstRow + rows - 1,
    left: table.area.left,
    right: table.area.right,
  };
  if (values !== undefined && values !== null) elementsFor(inserted, values); // fails before anything moves
  shiftCellsDown(sheet, firstRow, table.area.left, table.area.right, rows);
  moveTablesBelow(sheet, table, firstRow, rows);
  table.area = { ...table.area, bottom: table.area.bottom + rows };
  if (values !== undefined && values !== null) writeInputs({ sheet, area: inserted }, values);
  return { sheet, area: inserted, changeType: "RowInserted" };
}

export function deleteTableRow(sheet: SheetState, table: TableState, index: number): CellChange {
  const body = bodyArea(table);
  const row = body.top + index;
  if (index < 0 || row > body.bottom) throw new HostError("InvalidArgument");
  const deleted: Area = { top: row, bottom: row, left: table.area.left, right: table.area.right };
  shiftCellsUp(sheet, row, table.area.left, table.area.right, 1);
  moveTablesBelow(sheet, table, row + 1, -1);
  table.area = { ...table.area, bottom: table.area.bottom - 1 };
  if (bodyRowCount(table) === 0) table.area = { ...table.area, bottom: table.area.bottom + 1 }; // a table keeps one body row
  return { sheet, area: deleted, changeType: "RowDeleted" };
}

function moveTablesBelow(
  sheet: SheetState,
  moved: TableState,
  fromRow: number,
  rows: number
): void {
  for (const table of sheet.tables) {
    if (table === moved || table.area.top < fromRow) continue;
    if (table.area.left >= moved.area.left && table.area.right <= moved.area.right) {
      table.area = { ...table.area, top: table.area.top + rows, bottom: table.area.bottom + rows };
    }
  }
}

/** Copies of a sheet's tables for Worksheet.copy, under new unique names. */
export function copyTables(workbook: WorkbookState, source: SheetState): TableState[] {
  const copies: TableState[] = [];
  for (const table of source.tables) {
    const copy = { ...table, id: String(nextId(workbook)), area: { ...table.area }, name: "" };
    const taken = new Set([
      ...allTables(workbook).map(({ table: other }) => other.name.toLowerCase()),
      ...copies.map((other) => other.name.toLowerCase()),
    ]);
    for (let number = 2; ; number++) {
      if (!taken.has(`${table.name}${number}`.toLowerCase())) {
        copy.name = `${table.name}${number}`;
        break;
      }
    }
    copies.push(copy);
  }
  return copies;
}

export function columnArea(table: TableState, index: number): Area {
  if (index < 0 || index >= columnCount(table.area)) throw new HostError("InvalidArgument");
  const column = table.area.left + index;
  return { ...table.area, left: column, right: column };
}
