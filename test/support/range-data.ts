/**
 * Reading and writing a range's cells, with Excel's rules: arrays must match the range's
 * dimensions, null leaves a cell alone, merged areas keep their top-left value.
 */
import { type Area, MAX_COLUMNS, columnCount, intersection, rowCount } from "./a1.js";
import {
  type CellValue,
  interpretInput,
  normaliseColour,
  valueTypeOf,
  displayText,
} from "./cell-values.js";
import { HostError, notSimulated } from "./errors.js";
import type { CellChange } from "./events.js";
import {
  type CellState,
  type SheetState,
  GENERAL,
  applyInput,
  cellPosition,
  readCell,
  updateCell,
} from "./workbook-state.js";

export interface RangeTarget {
  sheet: SheetState;
  area: Area;
}

/** Several areas of one sheet: a RangeAreas ("B2:B9, D2:D9"), or a range as one area. */
export interface AreasTarget {
  sheet: SheetState;
  areas: Area[];
}

/** Above this many cells a read fails, as Excel's response size limit would (an approximation). */
const LARGEST_READ = 5_000_000;
/** Above this many cells a formatting write is not simulated (whole columns, whole sheets). */
const LARGEST_FORMAT_WRITE = 1_000_000;

export function cellCount(area: Area): number {
  return rowCount(area) * columnCount(area);
}

export function readMatrix<T>(
  target: RangeTarget,
  read: (cell: CellState | undefined) => T
): T[][] {
  const { sheet, area } = target;
  if (cellCount(area) > LARGEST_READ) throw new HostError("ResponsePayloadSizeLimitExceeded");
  // Walking the sheet's cells once takes about half the time of looking each one up where the sheet holds no
  // more than a few cells for each one read (a block of 5,000 rows of a 10,000-KPI sheet: 33 ms against 74).
  if (sheet.cells.size <= 4 * cellCount(area)) return readMatrixByWalking(target, read);
  const rows: T[][] = [];
  for (let row = area.top; row <= area.bottom; row++) {
    const cells: T[] = [];
    for (let column = area.left; column <= area.right; column++)
      cells.push(read(readCell(sheet, row, column)));
    rows.push(cells);
  }
  return rows;
}

/** readMatrix by one walk over the sheet's cells, each read into its place; what no cell fills reads as empty. */
function readMatrixByWalking<T>(
  { sheet, area }: RangeTarget,
  read: (cell: CellState | undefined) => T
): T[][] {
  const rows = Array.from({ length: rowCount(area) }, () =>
    Array.from({ length: columnCount(area) }, () => read(undefined))
  );
  sheet.cells.forEach((cell, key) => {
    const column = key % MAX_COLUMNS;
    const row = (key - column) / MAX_COLUMNS;
    if (row < area.top || row > area.bottom || column < area.left || column > area.right) return;
    rows[row - area.top][column - area.left] = read(cell);
  });
  return rows;
}

export const cellValue = (cell: CellState | undefined): CellValue => cell?.value ?? "";
export const cellFormula = (cell: CellState | undefined): CellValue =>
  cell?.formula ?? cell?.value ?? "";
export const cellNumberFormat = (cell: CellState | undefined): string =>
  cell?.numberFormat ?? GENERAL;
export const cellText = (cell: CellState | undefined): string =>
  displayText(cellValue(cell), cellNumberFormat(cell));
export const cellValueType = (cell: CellState | undefined): string => valueTypeOf(cellValue(cell));

/**
 * Office.js takes a single value for every cell, or an array with exactly the range's rows and columns.
 * Answers the element for each cell, or fails with InvalidArgument.
 */
export function elementsFor(area: Area, input: unknown): (row: number, column: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const fits =
    input.length === rowCount(area) &&
    input.every((row) => Array.isArray(row) && row.length === columnCount(area));
  if (!fits) {
    throw new HostError("InvalidArgument", {
      message:
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    });
  }
  return (row, column) => (input as unknown[][])[row - area.top]![column - area.left];
}

/** Writes values or formulas as Excel reads them (see interpretInput); checks every element before changing any cell. */
export function writeInputs(target: RangeTarget, input: unknown): CellChange {
  const { sheet, area } = target;
  const elementAt = elementsFor(area, input);
  const readings: { row: number; column: number; reading: ReturnType<typeof interpretInput> }[] =
    [];
  for (let row = area.top; row <= area.bottom; row++) {
    for (let column = area.left; column <= area.right; column++) {
      const reading = interpretInput(
        elementAt(row, column),
        cellNumberFormat(readCell(sheet, row, column))
      );
      if (reading.kind === "invalid") throw new HostError("InvalidArgument");
      readings.push({ row, column, reading });
    }
  }
  const before = cellValue(readCell(sheet, area.top, area.left));
  for (const { row, column, reading } of readings) applyInput(sheet, row, column, reading);
  const single =
    cellCount(area) === 1
      ? { before, after: cellValue(readCell(sheet, area.top, area.left)) }
      : undefined;
  return { sheet, area, changeType: "RangeEdited", single };
}

export function writeNumberFormats(target: RangeTarget, input: unknown): void {
  const { sheet, area } = target;
  const elementAt = elementsFor(area, input);
  checkFormatWriteSize(area);
  forEachCell(area, (row, column) => {
    const format = elementAt(row, column);
    if (format !== null && format !== undefined && typeof format !== "string")
      throw new HostError("InvalidArgument");
  });
  forEachCell(area, (row, column) => {
    const format = elementAt(row, column);
    if (typeof format === "string")
      updateCell(sheet, row, column, { numberFormat: format === "" ? GENERAL : format });
  });
}

/** One colour for the whole range, or null when its cells differ (as Excel answers). */
export function uniformColour(
  target: RangeTarget,
  read: (cell: CellState | undefined) => string
): string | null {
  const colours = new Set(readMatrix(target, read).flat());
  return colours.size === 1 ? [...colours][0]! : null;
}

export function writeColour(
  target: RangeTarget,
  property: "fill" | "fontColor",
  input: unknown
): void {
  const colour = normaliseColour(input);
  if (colour === null) throw new HostError("InvalidArgument");
  setOnEveryCell(target, { [property]: colour });
}

export function setOnEveryCell(target: RangeTarget, change: Partial<CellState>): void {
  checkFormatWriteSize(target.area);
  forEachCell(target.area, (row, column) => updateCell(target.sheet, row, column, change));
}

/** Range.clear(applyTo): "Contents" empties values and formulas, "Formats" drops formats, "All" both. */
export function clearArea(target: RangeTarget, applyTo: string): CellChange | undefined {
  const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
  const formats = applyTo === "All" || applyTo === "Formats";
  if (!contents && !formats) throw notSimulated(`Range.clear("${applyTo}")`);
  const change: Partial<CellState> = {
    ...(contents ? { value: "", formula: undefined } : {}),
    ...(formats ? { numberFormat: undefined, fill: undefined, fontColor: undefined } : {}),
  };
  for (const key of [...target.sheet.cells.keys()]) {
    const { row, column } = cellPosition(key);
    if (
      row >= target.area.top &&
      row <= target.area.bottom &&
      column >= target.area.left &&
      column <= target.area.right
    ) {
      updateCell(target.sheet, row, column, change);
    }
  }
  return contents
    ? { sheet: target.sheet, area: target.area, changeType: "RangeEdited" }
    : undefined;
}

/** true when every row (or column) is hidden, false when none is, null when some are. */
export function hiddenState(first: number, last: number, hidden: Set<number>): boolean | null {
  let count = 0;
  for (const index of hidden) if (index >= first && index <= last) count++;
  if (count === 0) return false;
  return count === last - first + 1 ? true : null;
}

export function setHidden(first: number, last: number, hidden: Set<number>, value: unknown): void {
  if (typeof value !== "boolean") throw new HostError("InvalidArgument");
  if (last - first >= LARGEST_FORMAT_WRITE)
    throw notSimulated("hiding a million rows or columns at once");
  for (let index = first; index <= last; index++) {
    if (value) hidden.add(index);
    else hidden.delete(index);
  }
}

/** Range.merge(across): the top-left value stays, the other cells of each merged area are emptied. */
export function mergeArea(target: RangeTarget, across: boolean): void {
  const { sheet, area } = target;
  const areas = across
    ? Array.from({ length: rowCount(area) }, (_, index) => ({
        ...area,
        top: area.top + index,
        bottom: area.top + index,
      }))
    : [area];
  sheet.merges = sheet.merges.filter((merged) => !intersection(merged, area));
  for (const merged of areas) {
    if (cellCount(merged) === 1) continue;
    sheet.merges.push(merged);
    forEachCell(merged, (row, column) => {
      if (row !== merged.top || column !== merged.left)
        updateCell(sheet, row, column, { value: "", formula: undefined });
    });
  }
}

export function unmergeArea(target: RangeTarget): void {
  target.sheet.merges = target.sheet.merges.filter((merged) => !intersection(merged, target.area));
}

function forEachCell(area: Area, visit: (row: number, column: number) => void): void {
  for (let row = area.top; row <= area.bottom; row++) {
    for (let column = area.left; column <= area.right; column++) visit(row, column);
  }
}

function checkFormatWriteSize(area: Area): void {
  if (cellCount(area) > LARGEST_FORMAT_WRITE)
    throw notSimulated("formatting more than a million cells at once");
}
