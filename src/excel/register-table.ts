/**
 * The workbook's KPIRegister table through Office.js: reading it for the register, inserting it from the
 * catalogue (or adding the catalogue's missing rows without touching the analyst's), and watching it.
 */
import { catalogueRows, columnLetters, kpiIdKey, registerColumns, registerSheetName, registerTableName, wordKey, wordsColumns, wordsTableName, type CellValue, type RegisterTable, type UnknownWord } from "../core";
import { toCellValue, toExcelValue } from "./cell-values";
import { AnalystProblem } from "./run";

/** The workbook's KPIRegister and KPIWords tables, each undefined where the workbook has none. */
export interface WorkbookTables {
  register?: RegisterTable & { tableId: string };
  /** The KPIWords table's header and rows. */
  words?: CellValue[][];
}

/** Both tables in one request: two syncs, is each there, then their cells. */
export async function readWorkbookTables(context: Excel.RequestContext): Promise<WorkbookTables> {
  const table = context.workbook.tables.getItemOrNullObject(registerTableName);
  table.load("id");
  const wordsTable = context.workbook.tables.getItemOrNullObject(wordsTableName);
  wordsTable.load("id");
  await context.sync();
  const range = table.isNullObject ? null : table.getRange();
  range?.load(["values", "numberFormat"]);
  const wordsRange = wordsTable.isNullObject ? null : wordsTable.getRange();
  wordsRange?.load("values");
  if (!range && !wordsRange) return {};
  await context.sync();
  return {
    register: range ? { tableId: table.id, values: range.values.map((row) => row.map(toCellValue)), numberFormats: range.numberFormat as string[][] } : undefined,
    words: wordsRange ? wordsRange.values.map((row) => row.map(toCellValue)) : undefined,
  };
}

/** The KPIRegister table's header and body, or undefined when the workbook has none. */
export async function readRegisterTable(context: Excel.RequestContext): Promise<(RegisterTable & { tableId: string }) | undefined> {
  return (await readWorkbookTables(context)).register;
}

export const wordsTableColumns = [...wordsColumns, "Seen"] as const;

/**
 * Inserts the KPIWords table on the KPI Register sheet, to the right of what is there, listing the sheet's
 * unknown words with their Means left blank for the analyst; where the table is there already, adds only
 * the words it lacks, below the analyst's rows.
 */
export async function insertWordsTable(context: Excel.RequestContext, unknown: readonly UnknownWord[]): Promise<RegisterInsertion> {
  const existing = context.workbook.tables.getItemOrNullObject(wordsTableName);
  const sheet = context.workbook.worksheets.getItemOrNullObject(registerSheetName);
  await context.sync();
  const rows = unknown.map((word) => [word.word, "", word.seen]);
  if (existing.isNullObject) {
    let column = 0;
    if (!sheet.isNullObject) {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(["columnIndex", "columnCount"]);
      await context.sync();
      if (!used.isNullObject) column = used.columnIndex + used.columnCount + 1;
    }
    const target = sheet.isNullObject ? context.workbook.worksheets.add(registerSheetName) : sheet;
    const body = rows.length > 0 ? rows : [["", "", ""]];
    const address = `${columnLetters(column)}1:${columnLetters(column + wordsTableColumns.length - 1)}${body.length + 1}`;
    const range = target.getRange(address);
    range.numberFormat = [wordsTableColumns.map(() => "@"), ...body.map(() => wordsTableColumns.map(() => "@"))];
    range.values = [[...wordsTableColumns], ...body];
    const table = target.tables.add(`'${registerSheetName}'!${address}`, true);
    table.name = wordsTableName;
    await context.sync();
    return { created: true, added: rows.length };
  }
  const header = existing.getHeaderRowRange();
  const bodyRange = existing.getDataBodyRange();
  header.load("values");
  bodyRange.load("values");
  await context.sync();
  const headings = header.values[0].map((cell) => wordKey(String(cell)));
  const wordColumn = headings.indexOf("word");
  if (wordColumn < 0) throw new AnalystProblem(`the ${wordsTableName} table has no Word column, so the add-in cannot tell which words it lacks: add the Word header back`);
  const present = new Set(bodyRange.values.map((row) => wordKey(String(row[wordColumn]))));
  const missing = rows.filter((row) => !present.has(wordKey(row[0])));
  if (missing.length > 0) {
    existing.rows.add(
      undefined,
      missing.map((row) => headings.map((heading) => row[wordsTableColumns.findIndex((name) => wordKey(name) === heading)] ?? "")),
    );
    await context.sync();
  }
  return { created: false, added: missing.length };
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

/** Recalculates every formula in the workbook, so KPI formulas follow an edited register. */
export async function recalculateWorkbook(context: Excel.RequestContext): Promise<void> {
  context.workbook.application.calculate(Excel.CalculationType.full);
  await context.sync();
}
