/**
 * The custom functions' own requests to Excel, each in its own Excel.run. In the shared runtime a function
 * may read the workbook (never write to it). Without Excel (tests, a plain browser) `excelIsHere` says so.
 */
import type { RegisterTable } from "../core";
import { watchWorkbook } from "./events";
import { readRegisterTable, recalculateWorkbook } from "./register-table";

export function excelIsHere(): boolean {
  return typeof Excel !== "undefined" && typeof Excel.run === "function";
}

export function fetchRegisterTable(): Promise<RegisterTable | undefined> {
  return Excel.run(readRegisterTable);
}

/** Calls back whenever a table changes or is added, for as long as the runtime lives. */
export function watchTables(onTablesChanged: () => Promise<void>): Promise<void> {
  return Excel.run((context) => watchWorkbook(context, { onSheetActivated: () => undefined, onTablesChanged }));
}

export function recalculate(): Promise<void> {
  return Excel.run(recalculateWorkbook);
}

/**
 * Which cells of a function argument's range are empty. Excel on Windows hands a custom function 0 for an
 * empty cell, where Excel on the web hands null; only the cell itself can tell a blank from a zero.
 */
export async function emptyCellsAt(address: string): Promise<boolean[][]> {
  return Excel.run(async (context) => {
    const bang = address.lastIndexOf("!");
    const sheetName = bang < 0 ? null : address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    const local = bang < 0 ? address : address.slice(bang + 1);
    const worksheets = context.workbook.worksheets;
    const range = (sheetName === null ? worksheets.getActiveWorksheet() : worksheets.getItem(sheetName)).getRange(local);
    range.load("valueTypes");
    await context.sync();
    return range.valueTypes.map((row) => row.map((type) => type === Excel.RangeValueType.empty));
  });
}
