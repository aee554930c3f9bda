/**
 * Benchmark sheets made from the bundled Appendix I example: its first header block, then its KPI rows
 * repeated, so timings are taken on real wording, formats and layout at a larger size.
 */
import ExcelJS from "exceljs";
import path from "node:path";
import { findTables, type CellValue, type Grid } from "../src/core";
import { gridOf, readWorkbookFile } from "../test/support/xlsx-grid";

export const exampleWorkbook = path.join(__dirname, "..", "examples", "appendix-i.xlsx");

/** The example's first table: its header rows and its KPI rows (values and number formats). */
export async function appendixRows(): Promise<{ header: Grid; rows: Array<{ values: CellValue[]; formats: string[] }> }> {
  const workbook = await readWorkbookFile(exampleWorkbook);
  const grid = gridOf(workbook.worksheets[0]);
  const tables = findTables(grid).tables;
  const firstHeader = tables[0].headerRows;
  const header: Grid = {
    ...grid,
    values: firstHeader.map((row) => grid.values[row]),
    numberFormats: firstHeader.map((row) => grid.numberFormats[row]),
    merges: [],
  };
  const rows = tables.flatMap((table) => table.rows.map((row) => ({ values: grid.values[row.row], formats: grid.numberFormats[row.row] })));
  return { header, rows };
}

/** A grid of one header block over `count` KPI rows (Appendix I's rows over and over). */
export function repeatedGrid(header: Grid, rows: Array<{ values: CellValue[]; formats: string[] }>, count: number): Grid {
  const values = [...header.values];
  const numberFormats = [...header.numberFormats];
  for (let index = 0; index < count; index++) {
    const row = rows[index % rows.length];
    values.push(row.values);
    numberFormats.push(row.formats);
  }
  return { sheet: "Appendix I", origin: { row: 0, column: 0 }, values, numberFormats, merges: [] };
}

/** The same, written as an .xlsx workbook. */
export async function writeRepeatedWorkbook(file: string, count: number): Promise<void> {
  const { header, rows } = await appendixRows();
  const grid = repeatedGrid(header, rows, count);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Appendix I");
  grid.values.forEach((rowValues, row) => {
    rowValues.forEach((value, column) => {
      if (value === null) return;
      const cell = sheet.getCell(row + 1, column + 1);
      cell.value = typeof value === "object" ? ({ error: value.error } as ExcelJS.CellErrorValue) : value;
      const format = grid.numberFormats[row]?.[column];
      if (format && format !== "General") cell.numFmt = format;
    });
  });
  await workbook.xlsx.writeFile(file);
}
