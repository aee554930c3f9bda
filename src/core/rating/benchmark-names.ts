/** The benchmarks a target or a comparison names, and the years they are for, as one key each. */
import { dashes } from "../values/dashes";
import { rememberedByText } from "../values/text-memo";
import type { CellValue } from "../values/cell";
import type { BenchmarkKind } from "../definition/definition";

/** A benchmark's figure on a KPI's row (or in its register entry). */
export interface BenchmarkCell {
  /** As the sheet names it: "England", "Statistical neighbours", "North East". */
  benchmark: string;
  /** Which benchmark it is, where the sheet's header says (similar authorities and family groups have none). */
  kind?: BenchmarkKind;
  /** "2021/22" from the header or a merged parent above it; "latest" when neither names a year. */
  year: string;
  value: CellValue;
  numberFormat?: string;
  /** Its sheet row and column, 0-based, when it is a cell of the sheet (not a register entry's figure). */
  row?: number;
  column?: number;
}

/** One period's figure of the KPI being compared. */
export interface FigureCell {
  period: string;
  value: CellValue;
  numberFormat?: string;
}

/**
 * A year as one key however it is written: "2021/22", "2021-22", "2021/2022", "FY21/22" and "21/22" are
 * all "2021/22"; a calendar year stays itself. Null for a label that is not a year (a quarter, a month).
 */
export const yearKey: (label: string) => string | null = rememberedByText(readYearKey);

const yearSpan = new RegExp(String.raw`^((?:19|20)?\d{2})\s*[/${dashes}]\s*(\d{2}|\d{4})$`);

function readYearKey(label: string): string | null {
  const text = label.trim().replace(/^(?:fy|financial year)\s*/i, "");
  const span = yearSpan.exec(text);
  if (span) {
    const start = span[1].length === 2 ? 2000 + Number(span[1]) : Number(span[1]);
    const end = Number(span[2]) % 100;
    return (start + 1) % 100 === end ? `${start}/${String(end).padStart(2, "0")}` : null;
  }
  return /^(?:19|20)\d{2}$/.test(text) ? text : null;
}

/** The benchmark of a comparison as one name: "England", "England 2021/22". */
export function benchmarkName(comparison: { benchmark: string; year: string }): string {
  return comparison.year === "latest"
    ? comparison.benchmark
    : `${comparison.benchmark} ${comparison.year}`;
}
