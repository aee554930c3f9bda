/** Turning Excel's custom-function arguments into the core's cells, and problems into Excel's own errors. */
import type { CellValue } from "../core/values/cell";
import { cellFactsAt, excelIsHere } from "../excel/function-requests";

/**
 * An entity or a formatted number (functions.json allows custom data types for `any` arguments): Excel hands
 * an object whose `basicValue` is what the cell holds (0.1 for 10% formatted as a percentage).
 */
interface RichValue {
  type?: string;
  basicValue?: unknown;
  numberFormat?: string;
}

function isRichValue(argument: unknown): argument is RichValue {
  return (
    typeof argument === "object" &&
    argument !== null &&
    !Array.isArray(argument) &&
    "basicValue" in argument
  );
}

/** A single cell's value as Excel hands it to a function: blanks arrive as null (or "" from a formula). */
export function cellOf(argument: unknown): CellValue {
  if (argument === undefined || argument === null) return null;
  if (typeof argument === "number" || typeof argument === "string" || typeof argument === "boolean")
    return argument;
  if (Array.isArray(argument)) return cellOf(argument[0]?.[0]);
  if (isRichValue(argument)) return cellOf(argument.basicValue);
  return String(argument);
}

function formatOf(argument: unknown): string | undefined {
  return isRichValue(argument) && typeof argument.numberFormat === "string"
    ? argument.numberFormat
    : undefined;
}

function flat(argument: unknown): unknown[] {
  if (!Array.isArray(argument)) return [argument];
  return argument.flatMap((row: unknown) => (Array.isArray(row) ? row : [row]));
}

/** A row or column of cells, flattened in reading order (oldest period first). */
export function cellsOf(argument: unknown): CellValue[] {
  return flat(argument).map(cellOf);
}

function customError(
  code: "invalidValue" | "notAvailable",
  fallbackName: string,
  message: string
): Error {
  if (typeof CustomFunctions !== "undefined" && CustomFunctions.Error) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode[code], message) as unknown as Error;
  }
  const error = new Error(message);
  error.name = fallbackName;
  return error;
}

/** Excel's #VALUE! with a message, raised only at this edge. Outside Excel (tests) a plain Error carries it. */
export function valueError(message: string): Error {
  return customError("invalidValue", "#VALUE!", message);
}

/** What a function answers when Excel could not say what its argument's cell holds: never a guess. */
export const unreadCellMessage = "could not read the cell's format; try again";

/** Excel's #N/A with a message: the figure's cell could not be read. */
export function notAvailableError(message: string): Error {
  return customError("notAvailable", "#N/A", message);
}

/** An argument's cells as they stand in the sheet, with their number formats where Excel was asked. */
export interface WrittenCells {
  cells: CellValue[];
  numberFormats?: string[];
}

/**
 * The cells of an argument as they stand in the sheet. Excel on Windows passes an empty cell as 0, and no
 * function sees a cell's number format: where either matters (a 0, or a figure of a percentage KPI, which
 * may be formatted as %), the cells themselves are asked. Without an address (a value typed in the formula)
 * or without Excel, the values are taken as given; a formatted number brings its own format. When Excel
 * cannot answer, the function answers #N/A rather than rate a blank as 0.
 */
export async function cellsAsWritten(
  argument: unknown,
  address: string | undefined,
  percent: boolean
): Promise<WrittenCells> {
  const given = flat(argument);
  const cells = given.map(cellOf);
  const ownFormats = given.map(formatOf);
  const formatsGiven = ownFormats.some((format) => format !== undefined)
    ? ownFormats.map((format) => format ?? "General")
    : undefined;
  const worthAsking = cells.some(
    (cell, index) =>
      cell === 0 || (percent && typeof cell === "number" && ownFormats[index] === undefined)
  );
  if (!address || !worthAsking || !excelIsHere()) return { cells, numberFormats: formatsGiven };
  const facts = await cellFactsAt(address).catch(() => null);
  if (!facts) throw notAvailableError(`${address}: ${unreadCellMessage}`);
  const empty = facts.empty.flat();
  const formats = facts.numberFormats.flat();
  return {
    cells: cells.map((cell, index) => (cell === 0 && empty[index] ? null : cell)),
    numberFormats: formats.map((format, index) => ownFormats[index] ?? format),
  };
}

/** How many cells an argument holds, counted from its shape without walking it (a range is rectangular). */
function cellCount(argument: unknown): number {
  if (!Array.isArray(argument)) return 1;
  const first: unknown = argument[0];
  return argument.length * (Array.isArray(first) ? first.length : 1);
}

/** The most period figures KPI.TREND reads: far more than any KPI's periods, far fewer than a whole column. */
export const mostPeriods = 1_000;

/**
 * Refuses, before a cell of it is read, a range larger than a function reads: a whole column passed by
 * mistake would otherwise hold up every function in the workbook while its million cells are read.
 */
export function refuseLargeRange(argument: unknown, most: number): void {
  const count = cellCount(argument);
  if (count <= most) return;
  throw valueError(
    most === 1
      ? `Give one cell for the figure, such as H12, not a range of ${withCommas(count)} cells`
      : `Give the KPI's period figures, such as G5:I5: at most ${withCommas(most)} cells, not ${withCommas(count)}`
  );
}

/** 1048576 as 1,048,576. */
function withCommas(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ",");
}

/** One cell's value and number format, as `cellsAsWritten` reads them; a range of more than one cell is refused. */
export async function cellAsWritten(
  argument: unknown,
  address: string | undefined,
  percent: boolean
): Promise<{ cell: CellValue; numberFormat?: string }> {
  refuseLargeRange(argument, 1);
  const written = await cellsAsWritten(
    Array.isArray(argument) ? argument : [[argument]],
    address,
    percent
  );
  return { cell: written.cells[0] ?? null, numberFormat: written.numberFormats?.[0] };
}
