/** Turning Excel's custom-function arguments into the core's cells, and problems into Excel's own errors. */
import type { CellValue } from "../core";
import { cellFactsAt, excelIsHere } from "../excel/function-requests";

/** A single cell's value as Excel hands it to a function: blanks arrive as null (or "" from a formula). */
export function cellOf(argument: unknown): CellValue {
  if (argument === undefined || argument === null) return null;
  if (typeof argument === "number" || typeof argument === "string" || typeof argument === "boolean") return argument;
  if (Array.isArray(argument)) return cellOf(argument[0]?.[0]);
  return String(argument);
}

/** A row or column of cells, flattened in reading order (oldest period first). */
export function cellsOf(argument: unknown): CellValue[] {
  if (!Array.isArray(argument)) return [cellOf(argument)];
  return argument.flatMap((row: unknown) => (Array.isArray(row) ? row.map(cellOf) : [cellOf(row)]));
}

/** Excel's #VALUE! with a message, raised only at this edge. Outside Excel (tests) a plain Error carries it. */
export function valueError(message: string): Error {
  if (typeof CustomFunctions !== "undefined" && CustomFunctions.Error) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message) as unknown as Error;
  }
  const error = new Error(message);
  error.name = "#VALUE!";
  return error;
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
 * or without Excel, the values are taken as given.
 */
export async function cellsAsWritten(argument: unknown, address: string | undefined, percent: boolean): Promise<WrittenCells> {
  const cells = cellsOf(argument);
  const worthAsking = cells.some((cell) => cell === 0 || (percent && typeof cell === "number"));
  if (!address || !worthAsking || !excelIsHere()) return { cells };
  const facts = await cellFactsAt(address).catch(() => null);
  if (!facts) return { cells };
  const empty = facts.empty.flat();
  return { cells: cells.map((cell, index) => (cell === 0 && empty[index] ? null : cell)), numberFormats: facts.numberFormats.flat() };
}

/** One cell's value and number format, as `cellsAsWritten` reads them. */
export async function cellAsWritten(argument: unknown, address: string | undefined, percent: boolean): Promise<{ cell: CellValue; numberFormat?: string }> {
  const written = await cellsAsWritten(Array.isArray(argument) ? argument : [[argument]], address, percent);
  return { cell: written.cells[0] ?? null, numberFormat: written.numberFormats?.[0] };
}
