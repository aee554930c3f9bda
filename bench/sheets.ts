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
export async function appendixRows(): Promise<{
  header: Grid;
  rows: Array<{ values: CellValue[]; formats: string[] }>;
}> {
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
  const rows = tables.flatMap((table) =>
    table.rows.map((row) => ({
      values: grid.values[row.row],
      formats: grid.numberFormats[row.row],
    }))
  );
  return { header, rows };
}

/** A grid of one header block over `count` KPI rows (Appendix I's rows over and over). */
export function repeatedGrid(
  header: Grid,
  rows: Array<{ values: CellValue[]; formats: string[] }>,
  count: number
): Grid {
  const values = [...header.values];
  const numberFormats = [...header.numberFormats];
  for (let index = 0; index < count; index++) {
    const row = rows[index % rows.length];
    values.push(row.values);
    numberFormats.push(row.formats);
  }
  return { sheet: "Appendix I", origin: { row: 0, column: 0 }, values, numberFormats, merges: [] };
}

/** A grid's values and number formats into a worksheet from A1. */
function writeGrid(sheet: ExcelJS.Worksheet, grid: Grid): void {
  grid.values.forEach((rowValues, row) => {
    rowValues.forEach((value, column) => {
      if (value !== null)
        writeCell(sheet.getCell(row + 1, column + 1), value, grid.numberFormats[row]?.[column]);
    });
  });
}

/**
 * The same written row by row through ExcelJS's streaming writer, which holds no sheet in memory: how a sheet at
 * Excel's maximum (1,048,576 rows) is made in a couple of minutes.
 */
export async function writeRepeatedWorkbookStreamed(file: string, count: number): Promise<void> {
  const { header, rows } = await appendixRows();
  const grid = repeatedGrid(header, rows, count);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet("Appendix I");
  grid.values.forEach((rowValues, row) => {
    const sheetRow = sheet.getRow(row + 1);
    rowValues.forEach((value, column) => {
      if (value !== null)
        writeCell(sheetRow.getCell(column + 1), value, grid.numberFormats[row]?.[column]);
    });
    sheetRow.commit();
  });
  await workbook.commit();
}

/** One value and its number format into a cell. */
function writeCell(cell: ExcelJS.Cell, value: Exclude<CellValue, null>, format?: string): void {
  cell.value =
    typeof value === "object" ? ({ error: value.error } as ExcelJS.CellErrorValue) : value;
  if (format && format !== "General") cell.numFmt = format;
}

/** The same, written as an .xlsx workbook. */
export async function writeRepeatedWorkbook(file: string, count: number): Promise<void> {
  const { header, rows } = await appendixRows();
  const grid = repeatedGrid(header, rows, count);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Appendix I");
  writeGrid(sheet, grid);
  await workbook.xlsx.writeFile(file);
}

/** Appendix I's table with `count` rows under it, each holding one figure in column XFD, the sheet's last. */
export async function writeFiguresAtXfdWorkbook(file: string, count: number): Promise<void> {
  const { header, rows } = await appendixRows();
  const grid = repeatedGrid(header, rows, rows.length);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Appendix I");
  writeGrid(sheet, grid);
  const first = grid.values.length + 2;
  for (let index = 0; index < count; index++) sheet.getCell(first + index, 16_384).value = index;
  await workbook.xlsx.writeFile(file);
}

/**
 * A council scorecard of `count` KPI rows in mixed wordings: blocks of 500 rows, each under a two-row
 * header in its own words (a year merged over its quarters, "Latest benchmarks (2021/22)" over England
 * and SN), with a row reference, RAG, DoT and commentary columns beside the periods, section and
 * footnote rows.
 */
export function variedGrid(count: number): Grid {
  const headerWords = [
    ["Ref", "Indicator Description", "Good is", "Annual target", "Floor"],
    ["No.", "Performance indicator", "Polarity", "Target 2022/23", "Amber threshold"],
    ["Code", "Key performance indicator", "Aim", "Goal", "Tolerance"],
    ["ID", "Measure", "Better if", "Target", "Minimum standard"],
  ];
  const polarities = [
    "Bigger is better",
    "Smaller is better",
    "Higher is better",
    "Lower is better",
  ];
  const measures = [
    "Re-referrals within 12 months",
    "Assessments completed within 45 days",
    "Children in care with 3 or more placements",
    "Care leavers in education, employment or training",
    "Initial child protection conferences within 15 working days",
  ];
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const merges: Grid["merges"] = [];
  const push = (row: CellValue[], formats: string[] = row.map(() => "General")): void => {
    values.push(row);
    numberFormats.push(formats);
  };
  push(["Children's Services Scorecard, Quarter 2 2022/23"]);
  for (let written = 0, block = 0; written < count; block++) {
    const words = headerWords[block % headerWords.length];
    const top = values.length;
    push([
      null,
      null,
      null,
      null,
      null,
      "2022/23",
      null,
      null,
      null,
      null,
      null,
      "Latest benchmarks (2021/22)",
      null,
      null,
    ]);
    merges.push({ top, left: 5, bottom: top, right: 8 }, { top, left: 11, bottom: top, right: 12 });
    push([...words, "Q1", "Q2", "Q3", "Q4", "DoT", "RAG", "England", "SN", "Commentary"]);
    push(["Section " + (block + 1)]);
    for (let index = 0; index < 500 && written < count; index++, written++) {
      const lower = index % 2 === 1;
      const polarity = polarities[index % polarities.length];
      const smaller = polarity.startsWith("Smaller") || polarity.startsWith("Lower");
      const figures = [0.71, 0.84, 0.9, 0.95].map(
        (figure) => (smaller ? 1 - figure : figure) + (index % 7) / 100
      );
      push(
        [
          `R-${written + 1}`,
          `${measures[index % measures.length]} (${written + 1})`,
          polarity,
          smaller ? "10%" : "90%",
          smaller ? "15%" : "80%",
          ...figures,
          lower ? "↓" : "↑",
          "Amber",
          0.88,
          0.86,
          index % 10 === 0 ? "Provisional" : null,
        ],
        [
          "General",
          "General",
          "General",
          "General",
          "General",
          "0%",
          "0%",
          "0%",
          "0%",
          "General",
          "General",
          "0%",
          "0%",
          "General",
        ]
      );
    }
    push(["* Q4 figures are provisional"]);
    push([]);
  }
  return { sheet: "Scorecard", origin: { row: 0, column: 0 }, values, numberFormats, merges };
}
