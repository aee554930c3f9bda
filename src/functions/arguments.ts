/** Turning Excel's custom-function arguments into the core's cells, and problems into Excel's own errors. */
import type { CellValue } from "../core";
import { emptyCellsAt, excelIsHere } from "../excel/function-requests";

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

/**
 * The cells of an argument as they stand in the sheet. Excel on Windows passes an empty cell as 0, so where
 * a 0 arrives from a cell reference the cell itself is asked whether it is empty: a blank is never a zero.
 */
export async function cellsAsWritten(argument: unknown, address: string | undefined): Promise<CellValue[]> {
  const cells = cellsOf(argument);
  if (!address || !cells.includes(0) || !excelIsHere()) return cells;
  const empty = await emptyCellsAt(address).catch(() => null);
  if (!empty) return cells;
  const flat = empty.flat();
  return cells.map((cell, index) => (cell === 0 && flat[index] ? null : cell));
}

export async function cellAsWritten(argument: unknown, address: string | undefined): Promise<CellValue> {
  return (await cellsAsWritten(Array.isArray(argument) ? argument : [[argument]], address))[0] ?? null;
}
