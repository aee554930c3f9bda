/**
 * A KPI's id as the register keys it, and the id an Appendix A number names. Apart from the catalogue, so
 * the custom functions can name a KPI without loading the catalogue's tables.
 */
import type { CellValue } from "../values/cell";

/** KPI ids are case- and space-insensitive: "kpi-18", "KPI 18" and "KPI18" are one id. */
export function kpiIdKey(id: string): string {
  return id.toUpperCase().replace(/[\s_-]+/g, "");
}

/** Appendix A's KPI column holds "18" or "5a": the register id is "KPI-18". */
export function kpiIdOfNumber(cell: CellValue): string | null {
  const text =
    typeof cell === "number" ? String(cell) : typeof cell === "string" ? cell.trim() : "";
  if (/^kpi[\s_-]*\d+[a-z]?$/i.test(text))
    return `KPI-${text.replace(/^kpi[\s_-]*/i, "").toLowerCase()}`;
  return /^\d+[a-z]?$/i.test(text) ? `KPI-${text.toLowerCase()}` : null;
}
