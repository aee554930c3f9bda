import type { CellValue } from "./cell";

/**
 * A sheet reduced to plain data: what both the Office.js reader and the ExcelJS reader produce, and all
 * that table detection needs. Rows and columns are 0-based offsets from the grid's top-left cell, which
 * sits at `origin` on the sheet (so a used range starting at B3 has origin { row: 2, column: 1 }).
 */
export interface Grid {
  sheet: string;
  origin: CellPosition;
  values: CellValue[][];
  /** Excel number format codes, same shape as values ("0%", "General", "0.0"). */
  numberFormats: string[][];
  /** Merged areas, in grid offsets. Hidden rows are read like any other: hiding is not deleting. */
  merges: GridArea[];
}

export interface CellPosition {
  row: number;
  column: number;
}

export interface GridArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A", "B", … "Z", "AA": Excel's column letters for a 0-based column index. */
export function columnLetters(column: number): string {
  let letters = "";
  let rest = column + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** 0-based column index for Excel's column letters ("A" is 0). */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** A1-style address of a sheet cell (0-based row and column). */
export function cellAddress(position: CellPosition): string {
  return `${columnLetters(position.column)}${position.row + 1}`;
}

/** Parses "B3" (or "$B$3") into a 0-based sheet position; null when it is not a single-cell address. */
export function parseCellAddress(address: string): CellPosition | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) return null;
  return { row: Number(match[2]) - 1, column: columnIndex(match[1]) };
}

/** The top-left cell of an address as Excel gives it ("Sheet1!B3:K40", "'My sheet'!A1"). */
export function topLeftOf(address: string): CellPosition {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  return parseCellAddress(local.split(":")[0]) ?? { row: 0, column: 0 };
}

/** The sheet area of an address as Excel gives it ("B3:K40", "'My sheet'!A1:C4", "D7"), 0-based. */
export function areaOfAddress(address: string): GridArea {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [first, last = first] = local.split(":");
  const topLeft = topLeftOf(first);
  const bottomRight = topLeftOf(last);
  return {
    top: topLeft.row,
    left: topLeft.column,
    bottom: bottomRight.row,
    right: bottomRight.column,
  };
}

/** Rows longer than this are walked by the cells they hold, not column by column. */
const sparseRowLength = 1024;

/**
 * The columns a long row holds a cell in, in order, or null for a row short enough to walk column by column.
 * A sheet with a figure in column XFD gives rows of 16,384 columns that hold two or three cells: readers
 * leave the rest as holes, and walking those would cost time in proportion to the sheet's width.
 */
export function presentColumns(row: readonly unknown[]): number[] | null {
  if (row.length <= sparseRowLength) return null;
  const columns: number[] = [];
  // for…in visits only the elements an array holds, integer keys in ascending order.
  for (const key in row) {
    const column = Number(key);
    if (Number.isInteger(column) && row[column] !== null && row[column] !== undefined)
      columns.push(column);
  }
  return columns;
}
