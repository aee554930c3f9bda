/**
 * A1 addresses: parsing "Sheet1!B2:C9", "'KPI Register'!A:A", "3:3" into zero-based areas,
 * and writing them back the way Excel writes them.
 */

// The host spells columns with its own code, not the core's: an add-in that got the letters wrong would
// then disagree with the host instead of agreeing with itself.

/** "A" for column 0, "Z" for 25, "AA" for 26, "XFD" for 16,383: bijective base 26. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column + 1; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** The 0-based column of letters such as "AA" (26), in either case. */
export function columnIndexOf(letters: string): number {
  return (
    [...letters.toUpperCase()].reduce(
      (number, letter) => number * 26 + letter.charCodeAt(0) - 64,
      0
    ) - 1
  );
}

/** A rectangle of cells, zero-based and inclusive at both ends. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export function areaOf(top: number, left: number, rows = 1, columns = 1): Area {
  return { top, left, bottom: top + rows - 1, right: left + columns - 1 };
}

export function rowCount(area: Area): number {
  return area.bottom - area.top + 1;
}

export function columnCount(area: Area): number {
  return area.right - area.left + 1;
}

export function isInsideSheet(area: Area): boolean {
  return (
    area.top >= 0 &&
    area.left >= 0 &&
    area.top <= area.bottom &&
    area.left <= area.right &&
    area.bottom < MAX_ROWS &&
    area.right < MAX_COLUMNS
  );
}

export function isEntireRows(area: Area): boolean {
  return area.left === 0 && area.right === MAX_COLUMNS - 1;
}

export function isEntireColumns(area: Area): boolean {
  return area.top === 0 && area.bottom === MAX_ROWS - 1;
}

export function intersection(a: Area, b: Area): Area | null {
  const area = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return area.top <= area.bottom && area.left <= area.right ? area : null;
}

export function boundingArea(a: Area, b: Area): Area {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

export function containsCell(area: Area, row: number, column: number): boolean {
  return row >= area.top && row <= area.bottom && column >= area.left && column <= area.right;
}

/** What is left of `area` once `cut` is taken out, as up to four rectangles. */
export function subtractArea(area: Area, cut: Area): Area[] {
  const overlap = intersection(area, cut);
  if (!overlap) return [area];
  const pieces: Area[] = [];
  if (area.top < overlap.top) pieces.push({ ...area, bottom: overlap.top - 1 });
  if (overlap.bottom < area.bottom) pieces.push({ ...area, top: overlap.bottom + 1 });
  if (area.left < overlap.left)
    pieces.push({
      top: overlap.top,
      bottom: overlap.bottom,
      left: area.left,
      right: overlap.left - 1,
    });
  if (overlap.right < area.right)
    pieces.push({
      top: overlap.top,
      bottom: overlap.bottom,
      left: overlap.right + 1,
      right: area.right,
    });
  return pieces;
}

/** "B2:C9", "B2", "A:C" for whole columns, "3:5" for whole rows. */
export function formatArea(area: Area): string {
  if (isEntireRows(area)) return `${area.top + 1}:${area.bottom + 1}`;
  if (isEntireColumns(area)) return `${columnLetters(area.left)}:${columnLetters(area.right)}`;
  const start = cellAddress(area.top, area.left);
  return area.top === area.bottom && area.left === area.right
    ? start
    : `${start}:${cellAddress(area.bottom, area.right)}`;
}

/** A sheet name as Excel writes it in an address: quoted when it is not a plain word. */
export function quoteSheetName(name: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^[Rr][0-9]*[Cc][0-9]*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatAddress(sheetName: string, area: Area): string {
  return `${quoteSheetName(sheetName)}!${formatArea(area)}`;
}

export interface ParsedAddress {
  sheetName?: string;
  area: Area;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

/** Parses one rectangular address; answers null for anything Excel would not accept as one. */
export function parseAddress(address: string): ParsedAddress | null {
  let text = address.trim();
  let sheetName: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    sheetName = unquoteSheetName(text.slice(0, bang));
    text = text.slice(bang + 1);
  }
  const [first, second, ...rest] = text.split(":");
  if (first === undefined || rest.length > 0) return null;
  const area = second === undefined ? parseCell(first) : parsePair(first, second);
  return area && isInsideSheet(area) ? { sheetName, area } : null;
}

function unquoteSheetName(text: string): string {
  return text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1).replace(/''/g, "'") : text;
}

function parseCell(text: string): Area | null {
  const match = CELL.exec(text);
  if (!match) return null;
  const row = Number(match[2]) - 1;
  const column = columnIndexOf(match[1]!);
  return { top: row, left: column, bottom: row, right: column };
}

function parsePair(first: string, second: string): Area | null {
  const start = parseCell(first);
  const end = parseCell(second);
  if (start && end) return normalise(start.top, start.left, end.top, end.left);
  const firstColumn = COLUMN.exec(first);
  const secondColumn = COLUMN.exec(second);
  if (firstColumn && secondColumn) {
    return normalise(
      0,
      columnIndexOf(firstColumn[1]!),
      MAX_ROWS - 1,
      columnIndexOf(secondColumn[1]!)
    );
  }
  const firstRow = ROW.exec(first);
  const secondRow = ROW.exec(second);
  if (firstRow && secondRow)
    return normalise(Number(firstRow[1]) - 1, 0, Number(secondRow[1]) - 1, MAX_COLUMNS - 1);
  return null;
}

function normalise(row1: number, column1: number, row2: number, column2: number): Area {
  return {
    top: Math.min(row1, row2),
    left: Math.min(column1, column2),
    bottom: Math.max(row1, row2),
    right: Math.max(column1, column2),
  };
}
