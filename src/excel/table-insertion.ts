/**
 * Inserting the add-in's tables on the KPI Register sheet: the KPIRegister table from the catalogue (or the
 * catalogue's missing rows, without touching the analyst's), the KPIWords table of a sheet's unknown words,
 * and the KPISettings table of the scheme the analyst chose (its Scheme row changed where it is there).
 * Only the pane does this, so it stays out of the functions' script.
 */
import {
  catalogueRows,
  columnLetters,
  kpiIdKey,
  registerColumns,
  registerSheetName,
  registerTableName,
  settingsColumns,
  settingsRowsOf,
  settingsTableName,
  wordKey,
  wordsColumns,
  wordsTableName,
  type CellValue,
  type SchemeChoice,
  type UnknownWord,
} from "../core";
import { toExcelValue } from "./cell-values";
import { AnalystProblem } from "./run";

export const wordsTableColumns = [...wordsColumns, "Seen"] as const;

export interface RegisterInsertion {
  created: boolean;
  added: number;
}

/** One of the add-in's tables on the KPI Register sheet, and the rows it offers to write into it. */
interface TableToWrite {
  name: string;
  columns: readonly string[];
  rows: CellValue[][];
  /** The column whose cells say which rows the table has already, and how they are compared. */
  key: { column: string; of: (text: string) => string; lacks: string };
  /** The key of the one row written over where the table has it already (Scheme); every other row there is left as it is. */
  overwrite?: string;
}

/**
 * Inserts the table on the KPI Register sheet (adding the sheet where it is missing), or, where the table is
 * there already, adds only the rows whose key it lacks, below the analyst's rows and under the analyst's
 * column order. Three syncs at most, none in a loop.
 */
async function insertOrTopUp(
  context: Excel.RequestContext,
  spec: TableToWrite
): Promise<RegisterInsertion> {
  const existing = context.workbook.tables.getItemOrNullObject(spec.name);
  const sheet = context.workbook.worksheets.getItemOrNullObject(registerSheetName);
  await context.sync();
  return existing.isNullObject
    ? insertTable(context, spec, sheet)
    : topUpTable(context, spec, existing);
}

/** A new table starts at A1 of an empty sheet, or to the right of what the sheet holds already. */
async function insertTable(
  context: Excel.RequestContext,
  spec: TableToWrite,
  sheet: Excel.Worksheet
): Promise<RegisterInsertion> {
  let column = 0;
  if (!sheet.isNullObject) {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(["columnIndex", "columnCount"]);
    await context.sync();
    if (!used.isNullObject) column = used.columnIndex + used.columnCount + 1;
  }
  const target = sheet.isNullObject ? context.workbook.worksheets.add(registerSheetName) : sheet;
  // A table needs a row under its header: an empty one where there is nothing to list.
  const body = spec.rows.length > 0 ? spec.rows : [spec.columns.map((): CellValue => null)];
  const address = `${columnLetters(column)}1:${columnLetters(column + spec.columns.length - 1)}${body.length + 1}`;
  const range = target.getRange(address);
  range.numberFormat = [
    spec.columns.map(() => "@"),
    ...body.map(() => spec.columns.map(() => "@")),
  ];
  range.values = [[...spec.columns], ...body.map((row) => row.map(toExcelValue))];
  const table = target.tables.add(`'${registerSheetName}'!${address}`, true);
  table.name = spec.name;
  await context.sync();
  return { created: true, added: spec.rows.length };
}

/** Adds the rows whose key the table lacks, each cell under its own header: the analyst may have moved columns. */
async function topUpTable(
  context: Excel.RequestContext,
  spec: TableToWrite,
  existing: Excel.Table
): Promise<RegisterInsertion> {
  const header = existing.getHeaderRowRange();
  const body = existing.getDataBodyRange();
  header.load("values");
  body.load("values");
  await context.sync();
  const headings = header.values[0].map((cell) => loose(String(cell)));
  const keyColumn = headings.indexOf(loose(spec.key.column));
  if (keyColumn < 0)
    throw new AnalystProblem(
      `the ${spec.name} table has no ${spec.key.column} column, so the add-in cannot tell which ${spec.key.lacks} it lacks: add the ${spec.key.column} header back`
    );
  const keyAt = spec.columns.findIndex((name) => loose(name) === loose(spec.key.column));
  const present = new Set(body.values.map((row) => spec.key.of(String(row[keyColumn]))));
  const missing = spec.rows.filter((row) => !present.has(spec.key.of(String(row[keyAt]))));
  const written =
    spec.overwrite === undefined
      ? 0
      : overwrite({ ...spec, overwrite: spec.overwrite }, body, keyColumn, headings);
  if (missing.length > 0)
    existing.rows.add(
      undefined,
      missing.map((row) => underHeadings(row, spec.columns, headings))
    );
  if (missing.length > 0 || written > 0) await context.sync();
  return { created: false, added: missing.length };
}

/**
 * Queues the cells of the row the spec writes over (the first the table has with its key) under the spec's
 * headings, as text so a word stays as written. Returns how many cells it queued.
 */
function overwrite(
  spec: TableToWrite & { overwrite: string },
  body: Excel.Range,
  keyColumn: number,
  headings: readonly string[]
): number {
  const keyAt = spec.columns.findIndex((name) => loose(name) === loose(spec.key.column));
  const key = spec.key.of(spec.overwrite);
  const row = spec.rows.find((candidate) => spec.key.of(String(candidate[keyAt])) === key);
  const at = body.values.findIndex((cells) => spec.key.of(String(cells[keyColumn])) === key);
  if (row === undefined || at < 0) return 0;
  let queued = 0;
  spec.columns.forEach((name, index) => {
    const column = headings.indexOf(loose(name));
    if (index === keyAt || column < 0) return;
    const cell = body.getCell(at, column);
    cell.numberFormat = [["@"]];
    cell.values = [[toExcelValue(row[index] ?? null)]];
    queued += 1;
  });
  return queued;
}

/** A row in the table's own column order: each cell under its heading, blank under a heading the row lacks. */
function underHeadings(
  row: readonly CellValue[],
  columns: readonly string[],
  headings: readonly string[]
): Array<string | number | boolean> {
  return headings.map((heading) => {
    const index = columns.findIndex((name) => loose(name) === heading);
    return index < 0 ? "" : toExcelValue(row[index] ?? null);
  });
}

function loose(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * Inserts the KPIWords table on the KPI Register sheet, to the right of what is there, listing the sheet's
 * unknown words with their Means left blank for the analyst; where the table is there already, adds only
 * the words it lacks, below the analyst's rows.
 */
export function insertWordsTable(
  context: Excel.RequestContext,
  unknown: readonly UnknownWord[]
): Promise<RegisterInsertion> {
  return insertOrTopUp(context, {
    name: wordsTableName,
    columns: wordsTableColumns,
    rows: unknown.map((word) => [word.word, null, word.seen]),
    key: { column: "Word", of: wordKey, lacks: "words" },
  });
}

/**
 * Inserts the KPIRegister table on its own sheet, filled from the catalogue; where the table is there
 * already, adds only the catalogue's ids it lacks, below the analyst's rows.
 */
export function insertRegisterTable(context: Excel.RequestContext): Promise<RegisterInsertion> {
  return insertOrTopUp(context, {
    name: registerTableName,
    columns: registerColumns,
    rows: catalogueRows(),
    key: { column: "ID", of: kpiIdKey, lacks: "KPIs" },
  });
}

/**
 * Chooses a scheme for the workbook: inserts the KPISettings table on the KPI Register sheet with its rows,
 * or, where the table is there already, writes the scheme into its Scheme row and adds the rows it lacks,
 * leaving the analyst's other rows (their own Green within figures) as they are. One Excel.run, three syncs at most.
 */
export function insertSettingsTable(
  context: Excel.RequestContext,
  scheme: SchemeChoice
): Promise<RegisterInsertion> {
  return insertOrTopUp(context, {
    name: settingsTableName,
    columns: settingsColumns,
    rows: settingsRowsOf(scheme),
    key: { column: "Setting", of: loose, lacks: "settings" },
    overwrite: "Scheme",
  });
}
