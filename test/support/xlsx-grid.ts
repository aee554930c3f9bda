/**
 * The test judge's own reading of an .xlsx file, with ExcelJS: a worksheet as the core's grid, cell values as
 * the core reads them, and the KPIRegister table. It shares no code with kpi-rag's streaming reader in
 * src/cli, so a test that compares the two, or rates a file through this one, judges the command honestly.
 */
import ExcelJS from "exceljs";
// From the core only the shapes the grid must have and the names it gives: what a formula without a result
// reads as, and the register table's name. Addresses are read with the host's own a1.ts.
import {
  notCalculated,
  registerTableName,
  type CellValue,
  type Grid,
  type GridArea,
  type RegisterTable,
} from "../../src/core";
import { parseAddress, type Area } from "./a1.js";

const excelEpoch = Date.UTC(1899, 11, 30);
const excel1904Epoch = Date.UTC(1904, 0, 1);

/** Reads an .xlsx workbook (a file or its bytes) with ExcelJS; it throws on anything ExcelJS cannot read. */
export async function readWorkbookFile(source: string | Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (typeof source === "string") await workbook.xlsx.readFile(source);
  else await workbook.xlsx.load(source as unknown as ExcelJS.Buffer);
  return workbook;
}

/** An ExcelJS cell's value as the core reads cells (dates as Excel serial numbers, formulas as their results). */
export function cellValueOf(value: ExcelJS.CellValue, date1904 = false): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date)
    return (value.getTime() - (date1904 ? excel1904Epoch : excelEpoch)) / 86_400_000;
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    return "result" in value && value.result !== undefined
      ? cellValueOf(value.result as ExcelJS.CellValue, date1904)
      : { ...notCalculated };
  }
  if ("text" in value)
    return typeof value.text === "string"
      ? value.text
      : cellValueOf(value.text as ExcelJS.CellValue, date1904);
  return null;
}

/** A worksheet as a plain grid, from A1 to its last used cell. */
export function gridOf(worksheet: ExcelJS.Worksheet): Grid {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const rowValues: CellValue[] = [];
    const rowFormats: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      rowValues[columnNumber - 1] =
        cell.isMerged && cell.master !== cell ? null : cellValueOf(cell.value);
      rowFormats[columnNumber - 1] = cell.numFmt || "General";
    });
    for (let column = 0; column < rowValues.length; column++) {
      if (rowValues[column] === undefined) rowValues[column] = null;
      if (rowFormats[column] === undefined) rowFormats[column] = "General";
    }
    values[rowNumber - 1] = rowValues;
    numberFormats[rowNumber - 1] = rowFormats;
  });
  for (let row = 0; row < values.length; row++) {
    values[row] ??= [];
    numberFormats[row] ??= [];
  }
  const merges: GridArea[] = ((worksheet.model as { merges?: string[] }).merges ?? []).map(areaOf);
  return { sheet: worksheet.name, origin: { row: 0, column: 0 }, values, numberFormats, merges };
}

/** The workbook's KPIRegister table, header row first, when it has one. */
export function registerTableOf(workbook: ExcelJS.Workbook): RegisterTable | undefined {
  for (const worksheet of workbook.worksheets) {
    for (const table of worksheet.getTables() as unknown as Array<
      { table?: { name?: string; tableRef?: string; ref?: string } } & {
        name?: string;
        tableRef?: string;
      }
    >) {
      const model = table.table ?? table;
      if (model.name?.toLowerCase() !== registerTableName.toLowerCase()) continue;
      const reference = model.tableRef ?? (table.table?.ref as string | undefined);
      if (!reference) continue;
      const { top, left, bottom, right } = areaOf(reference);
      const values: CellValue[][] = [];
      const numberFormats: string[][] = [];
      for (let row = top; row <= bottom; row++) {
        const rowValues: CellValue[] = [];
        const rowFormats: string[] = [];
        for (let column = left; column <= right; column++) {
          const cell = worksheet.getCell(row + 1, column + 1);
          rowValues.push(cellValueOf(cell.value));
          rowFormats.push(cell.numFmt || "General");
        }
        values.push(rowValues);
        numberFormats.push(rowFormats);
      }
      return { values, numberFormats };
    }
  }
  return undefined;
}

function areaOf(address: string): Area {
  const parsed = parseAddress(address);
  if (!parsed) throw new Error(`ExcelJS gave an address the judge cannot read: ${address}`);
  return parsed.area;
}
