/**
 * Reading a KPI table's header row(s): which column is the measure, the polarity, the target, each
 * tolerance set, the KPI number, and which are periods. Labels may span two rows ("2019/20" over
 * "Average") or sit in merged cells ("Target Range" over Target and Tolerance).
 */
import type { CellValue } from "./cell";

export type ColumnRole =
  | { kind: "measure" }
  | { kind: "section" }
  | { kind: "polarity" }
  | { kind: "target" }
  | { kind: "tolerance"; set: string }
  | { kind: "kpi" }
  | { kind: "unit" }
  | { kind: "period"; label: string }
  | { kind: "other" };

const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const monthPattern = new RegExp(String.raw`^(${months.join("|")})[a-z]*\.?[\s\-/']*(\d{2}|\d{4})$`, "i");
const yearPattern = /\b(?:19|20)\d{2}\s*[/-]\s*\d{2,4}\b|\b(?:fy|financial year)\s*\d{2}/i;
const quarterPattern = /^(?:q|qtr|quarter)\s*[1-4]$|^(?:average|avg|ytd|year to date|outturn|actual)$/i;
/** A quarter of a short-written year: "Q1 21/22", "Qtr 2 21-22", "Q3 FY21/22". */
const shortYearQuarterPattern = /^(?:q|qtr|quarter)\s*[1-4]\s+(?:fy\s*)?\d{2}\s*[/-]\s*\d{2}$/i;
/** Columns beside the periods that are not periods, whatever year or quarter their label names. */
const notPeriodPattern = /\b(?:comment|commentary|comments|notes?|rag|direction|dot|trend|target|tolerance|change|variance|narrative)\b/i;
const periodWordsOnly = /^(?:q[1-4]|qtr\s*[1-4]|quarter\s*[1-4]|average|avg|ytd|year to date|outturn|actual|(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?)(?:\s+.*)?$/i;

/** The text of a header cell, with a date (a month header stored as an Excel date) written "Apr-21". */
export function headerText(cell: CellValue, numberFormat = "General"): string {
  if (typeof cell === "number" && isDateFormat(numberFormat)) return monthLabel(cell);
  if (cell === null || typeof cell === "object") return "";
  return String(cell).replace(/\s+/g, " ").trim();
}

export function isDateFormat(numberFormat: string): boolean {
  const plain = numberFormat.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "").toLowerCase();
  return /[dy]/.test(plain) || /mmm/.test(plain);
}

/** An Excel date serial as "Apr-21", the way analysts label monthly periods. */
export function monthLabel(serial: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
  const month = months[date.getUTCMonth()];
  return `${month.charAt(0).toUpperCase()}${month.slice(1)}-${String(date.getUTCFullYear() % 100).padStart(2, "0")}`;
}

/** The role a column plays, from its header label (both header rows joined). */
export function roleOfLabel(label: string): ColumnRole {
  const text = label.toLowerCase().replace(/\s+/g, " ").trim();
  if (text === "") return { kind: "other" };
  if (/\btolerance\b/.test(text)) {
    const set = label.replace(/target range/i, "").replace(/tolerance/i, "").replace(/\s+/g, " ").trim();
    return { kind: "tolerance", set: set === "" || /^(standard|target)$/i.test(set) ? "Standard" : set };
  }
  if (/\bpolarity\b|^direction of improvement$|^good is$|^better is$/.test(text)) return { kind: "polarity" };
  if (/\btarget\b/.test(text)) return { kind: "target" };
  if (/\bmeasures?\b|^indicator$|^kpi (?:name|description)$|^description$/.test(text)) return { kind: "measure" };
  if (/^(?:kpi|kpi ?(?:no\.?|number|ref|id)|id|ref|ref no\.?|no\.?)$/.test(text)) return { kind: "kpi" };
  if (/^(?:type|section|category|area|theme)$/.test(text)) return { kind: "section" };
  if (/^units?$/.test(text)) return { kind: "unit" };
  if (notPeriodPattern.test(text)) return { kind: "other" };
  if (monthPattern.test(text) || yearPattern.test(text) || quarterPattern.test(text) || shortYearQuarterPattern.test(text)) return { kind: "period", label: label.replace(/\s+/g, " ").trim() };
  return { kind: "other" };
}

/** Whether a cell's text could be the lower half of a two-row header ("Target", "Average", "Qtr1"). */
export function isHeaderContinuation(text: string): boolean {
  const lower = text.toLowerCase();
  return lower === "" || /^(?:target|tolerance|range)$/.test(lower) || periodWordsOnly.test(lower) || monthPattern.test(lower);
}
