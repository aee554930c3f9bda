/** Office.js cell values and the core's: Office.js gives a blank as "" and an error as its text ("#N/A"). */
import type { CellValue } from "../core/values/cell";

export function toCellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  return typeof value === "number" || typeof value === "boolean" || typeof value === "string"
    ? value
    : String(value);
}

export function toExcelValue(cell: CellValue): string | number | boolean {
  if (cell === null) return "";
  return typeof cell === "object" ? cell.error : cell;
}
