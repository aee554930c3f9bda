/**
 * How one table's rows are read: the grid, the table's columns and the register and words they are read
 * with, what reading carries from one row to the next, and a row's cells as values, formats and text.
 */
import { isExcelError, type CellValue } from "../values/cell";
import type { Grid } from "../values/grid";
import type { Register } from "../register/register";
import type { TaughtHeaders } from "./headers";
import type { Layout } from "./layout";
import type { Merges } from "./merges";
import type { TableColumns } from "./table-columns";
import type { DefinitionMemo } from "./definition-memo";

/** What reading a table's rows carries from one row to the next. */
export interface RowsRead {
  section: string;
  /** The measure of the row that opened "(a)", "(b)" sub-rows, or "". */
  subRowParent: string;
  lastRow: number;
  /** Short polarity cells seen ("H", "L"), for the column map. */
  polarityCodes: Set<string>;
  /** Whether the rows were read as Actual / Target / Tolerance groups under each KPI's name. */
  rowGroups?: true;
}

/** How one table's rows are read: the grid, its columns, and the register and words they are read with. */
export interface TableReading {
  grid: Grid;
  merges: Merges;
  layout: Layout;
  columns: TableColumns;
  register: Register;
  /** The sheet's definitions, shared by its tables. */
  definitions: DefinitionMemo;
  /** The header words the workbook teaches. */
  taught: TaughtHeaders | undefined;
}

/** A cell of a row, a blank or white space read as null. */
export function cellAt(rowValues: readonly CellValue[], column: number | undefined): CellValue {
  if (column === undefined) return null;
  const cell = rowValues[column] ?? null;
  return typeof cell === "string" && isBlankText(cell) ? null : cell;
}

/**
 * The speed structure of reading text cells: whether a text starts and ends with a printable character
 * other than a space (33 to 126), so trimming it would change nothing. Most cells do, and every text cell
 * a row reads was trimmed to see whether it was blank: 4% of a find and plan on the bench's varied sheet.
 */
function printableAtBothEnds(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}

/** Whether a text is blank: empty or white space only, as `text.trim() === ""` says. */
function isBlankText(text: string): boolean {
  const first = text.charCodeAt(0);
  return !(first > 32 && first < 127) && text.trim() === "";
}

export function formatAt(
  rowFormats: readonly string[] | undefined,
  column: number | undefined
): string {
  return column === undefined ? "General" : (rowFormats?.[column] ?? "General");
}

// Patterns asked of every row or cell, made once: a pattern written inside a function is a new RegExp
// object each time it runs (on the bench's varied sheet of 10,000 rows, textOf alone made 1.3 MB a find).
const unfoldedSpace = /\s\s|[\t\n\r]/;
const whiteSpace = /\s+/g;

/** A cell as text with its white space folded; "" for a blank or an error. */
export function textOf(cell: CellValue): string {
  if (cell === null || isExcelError(cell)) return "";
  const written = String(cell);
  if (unfoldedSpace.test(written)) return written.replace(whiteSpace, " ").trim();
  return printableAtBothEnds(written) ? written : written.trim();
}
