/**
 * The workbook's KPIRegister, KPIWords and KPISettings tables through Office.js, as the shared register reads them: their
 * cells, and the KPI formulas to recalculate when they change. Inserting them is table-insertion.ts, the pane's.
 */
import type { CellValue } from "../core/values/cell";
import { registerTableName, type RegisterTable } from "../core/register/register";
import { settingsTableName } from "../core/rating/scheme";
import { wordsTableName } from "../core/definition/words";
import { toCellValue } from "./cell-values";

/** The workbook's KPIRegister and KPIWords tables, each undefined where the workbook has none. */
export interface WorkbookTables {
  register?: RegisterTable & { tableId: string };
  /** The KPIWords table's header and rows. */
  words?: CellValue[][];
  wordsTableId?: string;
  /** The KPISettings table's header and rows: the workbook's scheme and status symbols. */
  settings?: CellValue[][];
  settingsTableId?: string;
}

/** The tables in one request: two syncs, is each there, then their cells. */
export async function readWorkbookTables(context: Excel.RequestContext): Promise<WorkbookTables> {
  const table = context.workbook.tables.getItemOrNullObject(registerTableName);
  table.load("id");
  const wordsTable = context.workbook.tables.getItemOrNullObject(wordsTableName);
  wordsTable.load("id");
  const settingsTable = context.workbook.tables.getItemOrNullObject(settingsTableName);
  settingsTable.load("id");
  await context.sync();
  const range = table.isNullObject ? null : table.getRange();
  range?.load(["values", "numberFormat"]);
  const wordsRange = wordsTable.isNullObject ? null : wordsTable.getRange();
  wordsRange?.load("values");
  const settingsRange = settingsTable.isNullObject ? null : settingsTable.getRange();
  settingsRange?.load("values");
  if (!range && !wordsRange && !settingsRange) return {};
  await context.sync();
  return {
    register: range
      ? {
          tableId: table.id,
          values: range.values.map((row) => row.map(toCellValue)),
          numberFormats: range.numberFormat as string[][],
        }
      : undefined,
    words: wordsRange ? wordsRange.values.map((row) => row.map(toCellValue)) : undefined,
    wordsTableId: wordsRange ? wordsTable.id : undefined,
    settings: settingsRange ? settingsRange.values.map((row) => row.map(toCellValue)) : undefined,
    settingsTableId: settingsRange ? settingsTable.id : undefined,
  };
}

/** The KPIRegister table's header and body, or undefined when the workbook has none. */
export async function readRegisterTable(
  context: Excel.RequestContext
): Promise<(RegisterTable & { tableId: string }) | undefined> {
  return (await readWorkbookTables(context)).register;
}

/**
 * Recalculates the workbook's KPI. formulas, so they follow an edited (or deleted) register: Excel then
 * recalculates what depends on them. Not application.calculate(full), which recalculates every open
 * workbook, even in manual mode. Three syncs: the sheets, their formula cells, the recalculation.
 */
export async function recalculateKpiFormulas(context: Excel.RequestContext): Promise<number> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const formulaCells = sheets.items.map((sheet) => {
    const cells = sheet.getRange().getSpecialCellsOrNullObject(Excel.SpecialCellType.formulas);
    cells.load("areas/items/formulas,areas/items/rowIndex,areas/items/columnIndex");
    return { sheet, cells };
  });
  await context.sync();
  let recalculated = 0;
  for (const { sheet, cells } of formulaCells) {
    if (cells.isNullObject) continue;
    for (const area of cells.areas.items) {
      area.formulas.forEach((row, rowOffset) =>
        row.forEach((formula, columnOffset) => {
          if (typeof formula !== "string" || !/\bKPI\./i.test(formula)) return;
          sheet.getCell(area.rowIndex + rowOffset, area.columnIndex + columnOffset).calculate();
          recalculated += 1;
        })
      );
    }
  }
  if (recalculated > 0) await context.sync();
  return recalculated;
}
