/**
 * Reading the sheet's own words: polarity phrases, thresholds and period values, exactly as analysts
 * write them in appendix tables. Each reader says what it could not read instead of guessing.
 */
import { describeError, isExcelError, looksLikeExcelError, type CellValue } from "./cell";
import type { Read } from "./status";
import { percentToFraction, type Unit } from "./units";

/** One polarity phrase: which way is better. */
export type Direction = "higher" | "lower" | "range";

const polarityPhrases: ReadonlyArray<{ words: string; direction: Direction }> = [
  { words: "bigger is better", direction: "higher" },
  { words: "higher is better", direction: "higher" },
  { words: "outstanding is better", direction: "higher" },
  { words: "smaller is better", direction: "lower" },
  { words: "lower is better", direction: "lower" },
  { words: "in range is better", direction: "range" },
];

export const polarityWordsHelp = "Bigger is better, Smaller is better, Outstanding is better or In range is better";

/**
 * The phrases of a polarity cell, in the order written. Blank gives an empty list (a context measure);
 * a cell with anything that is not a known phrase is a problem, never a guess.
 */
export function readPolarity(cell: CellValue): Read<Direction[]> {
  if (cell === null || cell === "") return { ok: true, value: [] };
  if (typeof cell !== "string") return { ok: false, problem: `the polarity ${shown(cell)} is not wording the add-in knows (use ${polarityWordsHelp})` };
  let rest = cell.toLowerCase().replace(/\s+/g, " ").trim();
  const found: Direction[] = [];
  while (rest.length > 0) {
    const phrase = polarityPhrases.find((candidate) => rest.startsWith(candidate.words));
    if (!phrase) return { ok: false, problem: `the polarity "${cell.trim()}" is not wording the add-in knows (use ${polarityWordsHelp})` };
    found.push(phrase.direction);
    rest = rest.slice(phrase.words.length).replace(/^[\s,;/&]+|^and\s+/, "").trim();
  }
  return { ok: true, value: found };
}

/** A target or tolerance as written in its cell. Figures are in the core's scale: percentages as fractions. */
export type Threshold =
  | { kind: "none" } // blank, or "-": no threshold (for an alternative tolerance set, the standard one applies)
  | { kind: "suspended" } // "Suspended***", "Suspend"
  | { kind: "figure"; value: number; unit: Unit | null; comparator?: Comparator; bare?: boolean }
  | { kind: "range"; low: number; high: number; unit: Unit | null }
  | { kind: "margin"; value: number; unit: Unit | null }; // "±5%" around a target range

export type Comparator = ">=" | "<=" | ">" | "<";

const numberPattern = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`;
const unitPattern = String.raw`%|\s*days?|\s*per\s+[\d,]+(?:\s+\w+)*`;
const figurePattern = new RegExp(String.raw`^(${numberPattern})\s*(${unitPattern})?$`, "i");
const comparatorPattern = /^(>=|<=|≥|≤|>|<)\s*(.*)$/;
const rangePattern = new RegExp(String.raw`^(${numberPattern})\s*(%|\s*days?)?\s*(?:-|–|—|to)\s*(${numberPattern})\s*(%|\s*days?)?$`, "i");
const marginPattern = /^(?:±|\+\/-|\+-|\+\/−)\s*(.*)$/;

/** A written figure: "90%", "140 days", "212", "1,250", "173.75". Null when the text is not one. */
export function readWrittenFigure(text: string): { value: number; unit: Unit | null } | null {
  const match = figurePattern.exec(text.trim());
  if (!match) return null;
  const number = Number(match[1].replace(/,/g, ""));
  return { value: number, unit: unitOfSuffix(match[2]) };
}

function unitOfSuffix(suffix: string | undefined): Unit | null {
  if (!suffix) return null;
  const text = suffix.trim().toLowerCase();
  if (text === "%") return "percent";
  if (text.startsWith("day")) return "days";
  if (text.startsWith("per")) return "rate";
  return null;
}

function inScale(value: number, unit: Unit | null): number {
  return unit === "percent" ? percentToFraction(value) : value;
}

/**
 * Reads a target or tolerance cell. A number in a cell formatted as % is a fraction already (0.9 is 90%);
 * a bare number keeps no unit, and the definition decides its scale from the rest of the row.
 */
export function readThreshold(cell: CellValue, numberFormat = "General"): Read<Threshold> {
  if (cell === null) return { ok: true, value: { kind: "none" } };
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { ok: false, problem: `${cell} is not a figure` };
    return isPercentFormat(numberFormat)
      ? { ok: true, value: { kind: "figure", value: cell, unit: "percent" } }
      : { ok: true, value: { kind: "figure", value: cell, unit: null, bare: true } };
  }
  if (typeof cell === "boolean") return { ok: false, problem: `${cell ? "TRUE" : "FALSE"} is not a threshold` };
  if (isExcelError(cell)) return { ok: false, problem: `${cell.error} is an Excel error, not a threshold` };
  const text = cell.replace(/\s+/g, " ").trim();
  // "Not set" and "TBC" are a target not yet set: a context measure until it is, not a contradiction.
  if (text === "" || /^[-–—]$/.test(text) || /^(?:none|not set|tbc|tbd|to be confirmed|n\/a)$/i.test(text)) return { ok: true, value: { kind: "none" } };
  if (/^suspend(ed)?\**$/i.test(text)) return { ok: true, value: { kind: "suspended" } };
  if (looksLikeExcelError(text)) return { ok: false, problem: `${text} is an Excel error, not a threshold` };

  const compared = comparatorPattern.exec(text);
  if (compared) {
    const figure = readWrittenFigure(compared[2]);
    if (!figure) return { ok: false, problem: `"${text}" is not a threshold the add-in can read` };
    const comparator = ({ "≥": ">=", "≤": "<=" } as Record<string, Comparator>)[compared[1]] ?? (compared[1] as Comparator);
    return { ok: true, value: { kind: "figure", value: inScale(figure.value, figure.unit), unit: figure.unit, comparator } };
  }
  const margin = marginPattern.exec(text);
  if (margin) {
    const figure = readWrittenFigure(margin[1]);
    if (!figure) return { ok: false, problem: `"${text}" is not a margin the add-in can read` };
    return { ok: true, value: { kind: "margin", value: inScale(figure.value, figure.unit), unit: figure.unit } };
  }
  const range = rangePattern.exec(text);
  if (range) {
    const unit = unitOfSuffix(range[2]) ?? unitOfSuffix(range[4]);
    const low = inScale(Number(range[1].replace(/,/g, "")), unit);
    const high = inScale(Number(range[3].replace(/,/g, "")), unit);
    if (low > high) return { ok: false, problem: `the range "${text}" runs from high to low` };
    return { ok: true, value: { kind: "range", low, high, unit } };
  }
  const figure = readWrittenFigure(text);
  if (figure) {
    return figure.unit === null
      ? { ok: true, value: { kind: "figure", value: figure.value, unit: null, bare: true } }
      : { ok: true, value: { kind: "figure", value: inScale(figure.value, figure.unit), unit: figure.unit } };
  }
  return { ok: false, problem: `"${text}" is not a threshold the add-in can read` };
}

export function isPercentFormat(numberFormat: string | undefined): boolean {
  if (numberFormat === undefined || numberFormat === "General") return false;
  // A sheet has a handful of formats and asks about them for every cell: remember the answers.
  let percent = percentFormats.get(numberFormat);
  if (percent === undefined) {
    // A % inside quotes or after a backslash is a literal character, not percent scaling.
    percent = /%/.test(numberFormat.replace(/"[^"]*"|\\./g, ""));
    if (percentFormats.size < 1000) percentFormats.set(numberFormat, percent);
  }
  return percent;
}

const percentFormats = new Map<string, boolean>();

/** A period value as read: a figure, an honest "no data", or something that is not a figure. */
export type ValueRead =
  | { kind: "figure"; value: number; percent: boolean } // percent: written with % or formatted as %, so a fraction
  | { kind: "no data"; reason: string }
  | { kind: "unreadable"; reason: string };

const noDataWords = ["not available", "n/a", "na", "n.a.", "-", "–", "—", "not yet due", "not due", "no data", "not applicable", "nyd"];

const plainFigurePattern = /^([-+]?(?:\d+(?:\.\d+)?|\.\d+))\s*(%)?$/;

/** Reads a period cell. A blank is "no data", never zero. */
export function readValue(cell: CellValue, numberFormat = "General"): ValueRead {
  if (cell === null) return { kind: "no data", reason: "the cell is blank" };
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { kind: "unreadable", reason: `${cell} is not a figure` };
    return { kind: "figure", value: cell, percent: isPercentFormat(numberFormat) };
  }
  if (typeof cell === "boolean") return { kind: "unreadable", reason: `${cell ? "TRUE" : "FALSE"} is not a figure` };
  if (isExcelError(cell)) return { kind: "unreadable", reason: `${describeError(cell.error)}, not a figure` };
  const text = cell.replace(/\s+/g, " ").trim();
  if (text === "") return { kind: "no data", reason: "the cell is blank" };
  // Pasted web or PDF figures carry non-breaking spaces, which Excel's own reading of text refuses.
  if (cell.includes("\u00a0") && /\d/.test(cell)) return { kind: "unreadable", reason: `"${text}" has a non-breaking space in it: retype it as a number so Excel can read it` };
  if (noDataWords.includes(text.toLowerCase())) return { kind: "no data", reason: `"${text}" means no figure for this period` };
  if (looksLikeExcelError(text)) return { kind: "unreadable", reason: `${text.toUpperCase()} is an Excel error, not a figure` };
  // Only text that Excel itself turns into the same number ("91%", "173.75"), so a formula, a conditional
  // format and the report always agree about a cell.
  const figure = plainFigurePattern.exec(text);
  if (figure) {
    const number = Number(figure[1]);
    return figure[2] ? { kind: "figure", value: percentToFraction(number), percent: true } : { kind: "figure", value: number, percent: false };
  }
  return { kind: "unreadable", reason: `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is not a figure` };
}

function shown(cell: CellValue): string {
  if (cell === null) return "(blank)";
  if (isExcelError(cell)) return cell.error;
  return typeof cell === "string" ? `"${cell}"` : String(cell);
}
