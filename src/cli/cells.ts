/**
 * The cells of a worksheet's <sheetData> into the core's grid: rows, cells and their values as Excel
 * shows them (shared strings, inline strings without phonetic guides, booleans, errors, dates as serial
 * numbers, formulas as their cached results), each with its number format. Fed by either reader of the
 * sheet's XML (sheet-data.ts's scanner, or saxes), through the same calls.
 */
import { columnLetters, notCalculated, type CellValue } from "../core";
import { unescapeExcelText } from "./xml";

export interface CellContext {
  sharedStrings: readonly string[];
  numberFormats: readonly string[];
  date1904: boolean;
}

/** Excel's last row and column (1,048,576 and XFD), 0-based: a reference past them is no cell of a sheet. */
export const lastRow = 1_048_575;
export const lastColumn = 16_383;

/**
 * Runs of empty cells within a row are filled with nulls, as the core reads rows, up to a sheet's budget;
 * past it a run wider than `widestFilledGap` is left as a hole, so 30,000 rows each holding one figure in
 * column XFD take the memory of their cells, not of 16,384 columns each. A hole reads as nothing, as a
 * cell past the row's end does. Every sheet a council writes stays within the budget, read as before.
 */
const widestFilledGap = 64;
const filledGapBudget = 1_000_000;
/**
 * Narrow runs are filled too, up to a budget of their own: a row with a cell every 64 columns out to XFD
 * would otherwise be filled to 16,384 columns (24,000 such rows, a 1 MB file, took the command past 2 GB).
 * A council's sheet fills a few narrow runs a row, far below it even at Excel's last row.
 */
const narrowGapBudget = 8_000_000;

/**
 * A figure that is no small integer takes 16 bytes of its own in a row; a sheet repeats its figures (targets,
 * tolerances, percentages to two places), so each row holds the number first read with the same value,
 * up to this many different ones.
 */
const sharedNumbers = 65_536;

/** Every empty row of a grid: one array, never written to (a merged area clears only cells a row holds). */
const emptyRow: never[] = [];

/**
 * How many distinct rows of number formats are remembered for sharing: a table's rows repeat a few
 * patterns of formats, so a row whose formats equal a recent row's takes that row's array, never written to.
 */
const sharedFormatRows = 16;

const excelDays = 2_958_466; // 31 December 9999 is Excel's last date, serial 2,958,465
const days1904 = 1462;

/** ExcelJS's test for a date format, so dates read as the same serial numbers they always did. */
function isDateFormat(format: string): boolean {
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

export class CellReader {
  readonly values: CellValue[][] = [];
  readonly numberFormats: string[][] = [];
  private readonly dateFormats = new Map<string, boolean>();
  private rowIndex = -1;
  /**
   * The row being read, in arrays reused from row to row (never shortened, so never grown again: their first
   * `rowLength` entries are the row's); each row is kept as copies of its exact length.
   */
  private rowValues: CellValue[] = [];
  private rowFormats: string[] = [];
  private rowLength = 0;
  /** Whether the row being read has a hole (a run of empty cells left unfilled): it is kept as it is. */
  private holey = false;
  private readonly recentFormats: string[][] = [];
  private readonly numbers = new Map<number, number>();
  private column = -1;
  private cellType = "n";
  private cellStyle = 0;
  private hasFormula = false;
  private valueText: string | undefined;
  /** The value's figure where the scanner read it from the bytes (valueText is then ""); NaN otherwise. */
  private valueFigure = NaN;
  private inlineText: string | undefined;
  private capture: "value" | "inline" | undefined;
  private phonetic = 0;
  private gapsLeft = filledGapBudget;
  private narrowGapsLeft = narrowGapBudget;

  constructor(private readonly context: CellContext) {}

  openRow(reference: string | undefined): void {
    const row = reference !== undefined ? Number(reference) - 1 : this.rowIndex + 1;
    if (!Number.isInteger(row) || row < 0 || row > lastRow)
      throw new SheetBoundsProblem(
        reference !== undefined && !/^\s*\d+\s*$/.test(reference)
          ? `a row is numbered "${reference}", which is no row number`
          : `a row is numbered ${reference ?? row + 1}, past Excel's last row, 1,048,576`
      );
    this.openRowAt(row);
  }

  /** A row whose 0-based index is already read and within Excel's rows. */
  openRowAt(row: number): void {
    this.rowIndex = row;
    this.column = -1;
  }

  openCell(
    reference: string | undefined,
    type: string | undefined,
    style: string | undefined
  ): void {
    const column = reference !== undefined ? columnOf(reference) : this.column + 1;
    if (column > lastColumn || column < 0)
      throw new SheetBoundsProblem(
        column < 0
          ? `a cell is named "${reference}", which is no cell reference`
          : `the cell ${reference ?? `number ${column + 1} of row ${this.rowIndex + 1}`} lies past column XFD, Excel's last`
      );
    this.openCellAt(column, type, style);
  }

  /** A cell whose 0-based column is already read and within Excel's columns. */
  openCellAt(column: number, type: string | undefined, style: string | undefined): void {
    this.column = column;
    this.cellType = type ?? "n";
    this.cellStyle = style !== undefined ? Number(style) : 0;
    this.hasFormula = false;
    this.valueText = undefined;
    this.valueFigure = NaN;
    this.inlineText = undefined;
    this.phonetic = 0;
  }

  /** An element inside a cell: v, f, is, t, r or rPh, by local name, at its depth below the cell (1 for v). */
  openInCell(name: string, depth: number): void {
    if (depth === 1) {
      if (name === "v") {
        this.capture = "value";
        this.valueText = "";
        this.valueFigure = NaN;
      } else if (name === "f") this.hasFormula = true;
    } else if (name === "t" && this.phonetic === 0) {
      this.capture = "inline";
      this.inlineText ??= "";
    } else if (name === "rPh") this.phonetic += 1;
  }

  closeInCell(name: string): void {
    this.capture = undefined;
    if (name === "rPh") this.phonetic -= 1;
  }

  text(text: string): void {
    if (this.capture === "value") this.valueText += text;
    else if (this.capture === "inline") this.inlineText += text;
  }

  get capturing(): boolean {
    return this.capture !== undefined;
  }

  /** Whether a figure can stand for the text being read: the whole text of a number's or a shared string's value. */
  get takesFigure(): boolean {
    return (
      this.capture === "value" &&
      this.valueText === "" &&
      (this.cellType === "n" || this.cellType === "s")
    );
  }

  /** The value's whole text, as the number it writes (asked for only where takesFigure). */
  figure(figure: number): void {
    this.valueFigure = figure;
  }

  closeCell(): void {
    const value = this.cellValue();
    if (value === null) return;
    const format = this.context.numberFormats[this.cellStyle] || "General";
    let figure = value;
    if (typeof value === "number" && format !== "General") {
      let dated = this.dateFormats.get(format);
      if (dated === undefined) this.dateFormats.set(format, (dated = isDateFormat(format)));
      if (dated) figure = this.asDate(value);
    }
    const { column, rowValues, rowFormats } = this;
    const gap = column - this.rowLength;
    if (gap <= 0 || (gap <= widestFilledGap ? gap <= this.narrowGapsLeft : gap <= this.gapsLeft)) {
      if (gap > widestFilledGap) this.gapsLeft -= gap;
      else if (gap > 0) this.narrowGapsLeft -= gap;
      for (let empty = this.rowLength; empty < column; empty++) {
        rowValues[empty] = null;
        rowFormats[empty] = "General";
      }
    } else this.leaveHole();
    this.rowValues[column] = typeof figure === "number" ? this.sharedNumber(figure) : figure;
    this.rowFormats[column] = format;
    if (column >= this.rowLength) this.rowLength = column + 1;
  }

  /** The row's arrays become its own, holding only its cells so far, so cells can stand apart in them. */
  private leaveHole(): void {
    if (this.holey) return;
    this.rowValues = this.rowValues.slice(0, this.rowLength);
    this.rowFormats = this.rowFormats.slice(0, this.rowLength);
    this.holey = true;
  }

  closeRow(): void {
    if (this.holey) {
      // A row with a hole is a few cells over a wide span: its own arrays are kept, and new ones started.
      this.values[this.rowIndex] = this.rowValues;
      this.numberFormats[this.rowIndex] = this.rowFormats;
      this.rowValues = [];
      this.rowFormats = [];
      this.holey = false;
    } else if (this.rowLength > 0) {
      this.values[this.rowIndex] = this.rowValues.slice(0, this.rowLength);
      this.numberFormats[this.rowIndex] = this.sharedFormats();
    }
    this.rowLength = 0;
  }

  /** The figure as the number first read with its value, while few enough are remembered. */
  private sharedNumber(figure: number): number {
    // A whole number in 32 bits is held in its slot, and -0 must stay -0 (a Map takes it for 0).
    if ((figure | 0) === figure) return figure;
    const known = this.numbers.get(figure);
    if (known !== undefined) return known;
    if (this.numbers.size < sharedNumbers) this.numbers.set(figure, figure);
    return figure;
  }

  /** The row's number formats as an array of a recent row with the same formats, or a copy of its own. */
  private sharedFormats(): string[] {
    const formats = this.rowFormats;
    const length = this.rowLength;
    const recent = this.recentFormats;
    for (let index = recent.length - 1; index >= 0; index--) {
      const candidate = recent[index];
      if (candidate.length !== length) continue;
      let same = true;
      for (let column = 0; column < length && same; column++)
        same = candidate[column] === formats[column];
      if (same) return candidate;
    }
    const own = formats.slice(0, length);
    if (recent.length === sharedFormatRows) recent.shift();
    recent.push(own);
    return own;
  }

  /** The grid's rows, every one of them there, empty where the sheet has none. */
  finish(): void {
    for (let row = 0; row < this.values.length; row++) {
      this.values[row] ??= emptyRow;
      this.numberFormats[row] ??= emptyRow;
    }
  }

  private asDate(serial: number): number {
    const shifted = this.context.date1904 ? serial + days1904 : serial;
    if (!(shifted >= 0 && shifted < excelDays)) return serial; // no date Excel can show: the figure as it is
    return Math.round(shifted * 86_400_000) / 86_400_000;
  }

  /** The shared text a cell names by its index: one the workbook does not hold is damage, never a blank. */
  private sharedString(index: number): CellValue {
    const { sharedStrings } = this.context;
    if (Number.isInteger(index) && index >= 0 && index < sharedStrings.length)
      return sharedStrings[index];
    throw new SheetBoundsProblem(
      `the cell ${columnLetters(this.column)}${this.rowIndex + 1} names shared text number ${index}, but the workbook holds ${sharedStrings.length === 1 ? "1 shared text" : `${sharedStrings.length} shared texts`}`
    );
  }

  /** A value missing: a formula's is not calculated, any other cell's is nothing. */
  private uncalculated(): CellValue {
    return this.hasFormula ? { ...notCalculated } : null;
  }

  private cellValue(): CellValue {
    const text = this.valueText;
    const figure = this.valueFigure;
    if (figure === figure) return this.cellType === "s" ? this.sharedString(figure) : figure;
    switch (this.cellType) {
      case "s":
        return text === undefined ? null : this.sharedString(Number(text));
      case "inlineStr":
        return this.inlineText !== undefined
          ? unescapeExcelText(this.inlineText)
          : text === undefined
            ? this.uncalculated()
            : text;
      case "b":
        return text === undefined
          ? this.uncalculated()
          : text.trim() === "1" || text.trim().toLowerCase() === "true";
      case "e":
        return text === undefined ? this.uncalculated() : { error: text.trim() };
      case "str":
        return text === undefined ? this.uncalculated() : unescapeExcelText(text);
      case "d": {
        if (text === undefined) return this.uncalculated();
        const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
        return Number.isNaN(time) ? text : (time - Date.UTC(1899, 11, 30)) / 86_400_000;
      }
      default: {
        if (text === undefined) return this.uncalculated();
        if (text.trim() === "") return this.hasFormula ? "" : null;
        const number = Number(text);
        return Number.isFinite(number) ? number : text;
      }
    }
  }
}

/** The column of a cell reference such as "AB12", without building strings; past XFD once it has four letters. */
function columnOf(reference: string): number {
  let index = 0;
  for (let at = 0; at < reference.length && at < 4; at++) {
    const code = reference.charCodeAt(at) & ~0x20;
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

/**
 * The columns from `left` to `right` a grid row holds a cell in, in order: a row with holes (one figure in
 * column XFD) is walked by the cells it holds, not by its width.
 */
export function* presentColumns(
  cells: readonly unknown[],
  left: number,
  right: number
): Generator<number> {
  const last = Math.min(right, cells.length - 1);
  if (last - left <= widestFilledGap) {
    for (let column = left; column <= last; column++) if (column in cells) yield column;
    return;
  }
  for (const key in cells) {
    const column = Number(key);
    if (column > last) return;
    if (column >= left) yield column;
  }
}

/** A row or cell reference no sheet of Excel's can hold. */
export class SheetBoundsProblem extends Error {}
