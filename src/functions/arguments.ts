/** Turning Excel's custom-function arguments into the core's cells, and problems into Excel's own errors. */
import type { CellValue } from "../core";

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
