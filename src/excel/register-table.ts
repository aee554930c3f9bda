/**
 * The workbook's KPIRegister table through Office.js: reading it for the register, inserting it from the
 * catalogue (or adding the catalogue's missing rows without touching the analyst's), and watching it.
 */
import { catalogueRows, columnLetters, kpiIdKey, registerColumns, registerSheetName, registerTableName, type RegisterTable } from "../core";
import { toCellValue, toExcelValue } from "./cell-values";
import { AnalystProblem } from "./run";

/** The table's header and body, or undefined when the workbook has none. Two syncs: is it there, then its cells. */
export async function readRegisterTable(context: Excel.RequestContext): Promise<(RegisterTable & { tableId: string }) | undefined> {
  const table = context.workbook.tables.getItemOrNullObject(registerTableName);
  table.load("id");
  await context.sync();
  if (table.isNullObject) return undefined;
  const range = table.getRange();
  range.load(["values", "numberFormat"]);
  await context.sync();
  return { tableId: table.id, values: range.values.map((row) => row.map(toCellValue)), numberFormats: range.numberFormat as string[][] };
}

export interface RegisterInsertion {
  created: boolean;
  added: number;
}

/**
 * Inserts the KPIRegister table on its own sheet, filled from the catalogue; where the table is there
 * already, adds only the catalogue's ids it lacks, below the analyst's rows.
 */
export async function insertRegisterTable(context: Excel.RequestContext): Promise<RegisterInsertion> {
  const existing = context.workbook.tables.getItemOrNullObject(registerTableName);
  await context.sync();
  const rows = catalogueRows();
  if (existing.isNullObject) {
    const sheet = context.workbook.worksheets.getItemOrNullObject(registerSheetName);
    await context.sync();
    const target = sheet.isNullObject ? context.workbook.worksheets.add(registerSheetName) : sheet;
    const address = `A1:${columnLetters(registerColumns.length - 1)}${rows.length + 1}`;
    const range = target.getRange(address);
    range.numberFormat = [registerColumns.map(() => "@"), ...rows.map(() => registerColumns.map(() => "@"))];
    range.values = [[...registerColumns], ...rows.map((row) => row.map(toExcelValue))];
    const table = target.tables.add(`'${registerSheetName}'!${address}`, true);
    table.name = registerTableName;
    await context.sync();
    return { created: true, added: rows.length };
  }
  const header = existing.getHeaderRowRange();
  const body = existing.getDataBodyRange();
  header.load("values");
  body.load("values");
  await context.sync();
  // The analyst may have moved columns: write each catalogue cell under its own header.
  const headings = header.values[0].map((cell) => String(cell).trim().toLowerCase());
  const idColumn = headings.indexOf("id");
  if (idColumn < 0) throw new AnalystProblem(`the ${registerTableName} table has no ID column, so the add-in cannot tell which KPIs it lacks: add the ID header back`);
  const present = new Set(body.values.map((row) => kpiIdKey(String(row[idColumn]))));
  const missing = rows.filter((row) => !present.has(kpiIdKey(String(row[0]))));
  if (missing.length > 0) {
    const ordered = missing.map((row) => headings.map((heading) => {
      const index = registerColumns.findIndex((name) => name.toLowerCase() === heading);
      return index < 0 ? "" : toExcelValue(row[index] ?? null);
    }));
    existing.rows.add(undefined, ordered);
    await context.sync();
  }
  return { created: false, added: missing.length };
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
        }),
      );
    }
  }
  if (recalculated > 0) await context.sync();
  return recalculated;
}
