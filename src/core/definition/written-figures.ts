/**
 * Figures as analysts write them: a period cell read as a figure, an honest "no data" (a blank, a word
 * or a statistics symbol such as `c`), or why it is not a figure; a written figure with its unit ("90%",
 * "140 days"); and whether a number format shows percentages.
 */
import { rememberedByText } from "../values/text-memo";
import { describeError, isExcelError, looksLikeExcelError, type CellValue } from "../values/cell";
import { blankCell } from "../values/status";
import { percentToFraction, type Unit } from "./units";
import { flagMeaning } from "./figure-flags";
import { flagPattern } from "./flag-symbols";
import { taughtSource, taughtWord, type Words } from "./words";

/** A number as written: "1,250", "173.75", ".5". */
export const numberPattern = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`;
/** A figure's unit as written after it: "%", "days", "per 10,000 children". */
export const unitPattern = String.raw`%|\s*days?|\s*per\s+[\d,]+(?:\s+\w+)*`;
const figurePattern = new RegExp(String.raw`^(${numberPattern})\s*(${unitPattern})?$`, "i");

/** A written figure: "90%", "140 days", "212", "1,250", "173.75". Null when the text is not one. */
export function readWrittenFigure(text: string): { value: number; unit: Unit | null } | null {
  const match = figurePattern.exec(text.trim());
  if (!match) return null;
  const number = Number(match[1].replace(/,/g, ""));
  return { value: number, unit: unitOfSuffix(match[2]) };
}

/** The unit a figure's suffix names: "%", "days", "per 10,000". */
export function unitOfSuffix(suffix: string | undefined): Unit | null {
  if (!suffix) return null;
  const text = suffix.trim().toLowerCase();
  if (text === "%") return "percent";
  if (text.startsWith("day")) return "days";
  if (text.startsWith("per")) return "rate";
  return null;
}

/** Whether a number format shows percentages: a % that is not inside quotes or after a backslash. */
export function isPercentFormat(numberFormat: string | undefined): boolean {
  if (numberFormat === undefined || numberFormat === "General") return false;
  return showsPercent(numberFormat);
}

/** A % inside quotes or after a backslash is a literal character, not percent scaling. */
const showsPercent = rememberedByText((numberFormat) =>
  /%/.test(numberFormat.replace(/"[^"]*"|\\./g, ""))
);

/** A blank cell as read, one object for every blank cell. */
const blankRead: ValueRead = { kind: "no data", reason: blankCell };

// Patterns `readValue` asks of every text cell, made once: one written inside the function is a new
// RegExp object each time it runs.
const otherSpace = /[^\S ]|\s\s/;
const anySpace = /\s+/g;
const anyDigit = /\d/;

/** A period value as read: a figure, an honest "no data", or something that is not a figure. */
export type ValueRead =
  FigureRead | { kind: "no data"; reason: string } | { kind: "unreadable"; reason: string };

/**
 * A figure, in the core's scale. percent: written with % or formatted as %, so a fraction. A figure written
 * as text may say more: its unit (`22.5 days`, `35 per 10,000`, whose base is `per`) and a flag of published
 * statistics (`56p`), with what the flag means. Each is there only when written.
 */
export interface FigureRead {
  kind: "figure";
  value: number;
  percent: boolean;
  unit?: "days" | "rate";
  per?: number;
  flag?: { written: string; meaning: string };
}

const noFigureWords: ReadonlySet<string> = new Set([
  "not available",
  "n/a",
  "na",
  "n.a.",
  "-",
  "–",
  "—",
  "no data",
  "not applicable",
  "nyd",
]);

/** Words that say why a period has no figure yet, with what each means. */
const noDataMeanings: ReadonlyMap<string, string> = new Map([
  ["data to be supplied", "the figure is still to be supplied"],
  ["to be supplied", "the figure is still to be supplied"],
  ["data not yet available", "the figure is not available yet"],
  ["not yet available", "the figure is not available yet"],
  ["awaiting data", "the figure is awaited"],
  ["awaited", "the figure is awaited"],
  ["pending", "the figure is awaited"],
  ["to follow", "the figure is to follow"],
  ["data to follow", "the figure is to follow"],
  ["tbc", "the figure is to be confirmed"],
  ["to be confirmed", "the figure is to be confirmed"],
  ["not due", "the figure is not due yet"],
  ["not yet due", "the figure is not due yet"],
  ["not due yet", "the figure is not due yet"],
]);

/** The symbols published statistics put in place of a figure (GSS and DfE conventions), with their meaning. */
const suppressionSymbols: ReadonlyMap<string, string> = new Map([
  ["c", "the figure is suppressed to protect confidentiality"],
  ["z", "no figure applies (not applicable)"],
  ["k", "the figure is too small to show: it rounds to zero"],
  ["x", "the figure is not available"],
  ["u", "the figure is withheld as of low reliability"],
  ["..", "the figure is not available for this period"],
]);

/**
 * A figure written as text, as Excel's NUMBERVALUE reads it once the rule formula has taken out the units and
 * flags of `formulaStrippedWords` (and all from "per" on): a number with or without thousands separators,
 * then a unit (%, days, per 10,000 and the words after it), then a flag (56p, 48 r, 72%*, 12 [e]).
 */
const textFigurePattern = new RegExp(
  String.raw`^([-+]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+))\s*` +
    String.raw`(%|days(?=$|[\s[*†]|[pre]$)|per\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s+[a-z]+)*?)?` +
    String.raw`\s*(\[(?:${flagPattern})\]|${flagPattern})?$`,
  "i"
);
/** A figure in the plain forms Excel itself reads from text: "91%", "173.75", "-2". */
const plainFigurePattern = /^([-+]?(?:\d+(?:\.\d+)?|\.\d+))\s*(%)?$/;
/** A flag with no figure: "e", "[p]", "*". */
const flagAlone = new RegExp(String.raw`^\[?(?:${flagPattern})\]?$`, "i");

/**
 * Reads a period cell. A blank is "no data", never zero; so are the words and symbols that say why a
 * period has no figure, each with its meaning in the reason. A word the workbook teaches to mean No data
 * wins over the built-in reading. Text figures keep their separators, unit and flag ("1,234 days", "56p");
 * whether the unit fits the row is for the rating to say. A figure with a non-breaking space ("1 234"
 * pasted from the web) is refused, to be retyped: a space between digits may as well join two figures.
 */
export function readValue(cell: CellValue, numberFormat = "General", words?: Words): ValueRead {
  if (cell === null) return blankRead;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { kind: "unreadable", reason: `${cell} is not a figure` };
    return { kind: "figure", value: cell, percent: isPercentFormat(numberFormat) };
  }
  if (typeof cell === "boolean")
    return { kind: "unreadable", reason: `${cell ? "TRUE" : "FALSE"} is not a figure` };
  if (isExcelError(cell))
    return { kind: "unreadable", reason: `${describeError(cell.error)}, not a figure` };
  // Most text is "91%" or a word with single spaces: only other white space needs the folding.
  const text = (otherSpace.test(cell) ? cell.replace(anySpace, " ") : cell).trim();
  if (text === "") return blankRead;
  // Pasted web or PDF figures carry non-breaking spaces, which Excel's own reading of text refuses.
  if (cell.includes("\u00a0") && anyDigit.test(cell))
    return {
      kind: "unreadable",
      reason: `"${text}" has a non-breaking space in it: retype it as a number so Excel can read it`,
    };
  const taught = taughtWord(words, text);
  if (taught?.meaning.kind === "no data") return { kind: "no data", reason: taughtSource(taught) };
  // Only text that the rule formula turns into the same number, so a conditional format and the report
  // always agree about a cell. No built-in no-data word looks like one.
  // The plain forms ("91%", "173.75") first, by a pattern of their own: most text figures are these.
  const plain = plainFigurePattern.exec(text);
  if (plain) {
    const number = Number(plain[1]);
    return plain[2]
      ? { kind: "figure", value: percentToFraction(number), percent: true }
      : { kind: "figure", value: number, percent: false };
  }
  const figure = textFigurePattern.exec(text);
  if (figure) return textFigure(figure, words);
  const noData = builtInNoData(text);
  if (noData) return { kind: "no data", reason: noData };
  if (flagAlone.test(text))
    return {
      kind: "unreadable",
      reason: `"${text}" is not a figure: a flag (${flagMeaning(text, words)}) needs a figure before it`,
    };
  if (looksLikeExcelError(text))
    return { kind: "unreadable", reason: `${text.toUpperCase()} is an Excel error, not a figure` };
  return {
    kind: "unreadable",
    reason: `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is not a figure`,
  };
}

/** The number of a figure written as text, as written ("85.3" of "85.3% p", "1,234" of "1,234 days"). */
export function writtenNumber(text: string): string {
  const trimmed = text.replace(/\s+/g, " ").trim();
  return textFigurePattern.exec(trimmed)?.[1] ?? trimmed;
}

/** A figure written as text: its number, unit and flag as `textFigurePattern` found them. */
function textFigure(match: RegExpExecArray, words: Words | undefined): FigureRead {
  const number = Number(match[1].replace(/,/g, ""));
  const unit = (match[2] ?? "").toLowerCase();
  const flag = match[3];
  const read: FigureRead =
    unit === "%"
      ? { kind: "figure", value: percentToFraction(number), percent: true }
      : { kind: "figure", value: number, percent: false };
  if (unit.startsWith("day")) read.unit = "days";
  else if (unit.startsWith("per")) {
    read.unit = "rate";
    read.per = Number(/[\d,]+/.exec(unit)![0].replace(/,/g, ""));
  }
  if (flag !== undefined) read.flag = { written: flag, meaning: flagMeaning(flag, words) };
  return read;
}

/** Why a built-in word or symbol in a period cell means no figure, or null when it is not one. */
function builtInNoData(text: string): string | null {
  const lower = text.toLowerCase();
  if (noFigureWords.has(lower)) return `"${text}" means no figure for this period`;
  // Figures ("91%") are most of what comes here: look words up as written, and trim "[c]" or "Not due." only when so written.
  const meaning =
    noDataMeanings.get(lower) ??
    suppressionSymbols.get(lower) ??
    (lower.endsWith(".") || lower.endsWith("!")
      ? noDataMeanings.get(lower.slice(0, -1))
      : undefined) ??
    (lower.startsWith("[") && lower.endsWith("]")
      ? suppressionSymbols.get(lower.slice(1, -1))
      : undefined);
  return meaning ? `"${text}": ${meaning}` : null;
}
