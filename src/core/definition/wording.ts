/**
 * Reading the sheet's own words for thresholds and period values, exactly as analysts write them in
 * appendix tables and scorecards: `90%`, `Less than 22%`, `At least 80%`, `±5%`, `TBC`, `c`. Each reader
 * says what it could not read instead of guessing. Polarity cells are read in `polarity.ts`.
 */
import { describeError, isExcelError, looksLikeExcelError, type CellValue } from "../values/cell";
import { blankCell, type Read } from "../values/status";
import { percentToFraction, type Unit } from "./units";
import { flagMeaning, flagPattern } from "./figure-flags";
import { taughtSource, taughtWord, type Words } from "./words";

/** A target or tolerance as written in its cell. Figures are in the core's scale: percentages as fractions. */
export type Threshold =
  | { kind: "none"; written?: string } // blank, "-", or a word such as "TBC" (written): no threshold
  | { kind: "suspended" } // "Suspended***", "Suspend"
  | {
      kind: "figure";
      value: number;
      unit: Unit | null;
      comparator?: Comparator;
      bare?: boolean;
      words?: string;
      written?: string;
      margin?: Margin;
    } // words: "Less than 22%", when written in words; written: "≥ 80%"
  | { kind: "range"; low: number; high: number; unit: Unit | null; margin?: Margin } // margin: "95% ± 5%", a target written with its tolerance
  | Margin;

/**
 * A margin around the target: `±5%`, `5% tolerance` and `within 5% of target` are relative (5% of the
 * target's value); `±5pp`, `5 points`, `±5 days` and a bare `±5` are absolute, in the measure's own unit.
 */
export type Margin = {
  kind: "margin";
  value: number;
  unit: Unit | null;
  relative: boolean;
  points?: boolean;
  written: string;
};

export type Comparator = ">=" | "<=" | ">" | "<";

const numberPattern = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`;
const unitPattern = String.raw`%|\s*days?|\s*per\s+[\d,]+(?:\s+\w+)*`;
const figurePattern = new RegExp(String.raw`^(${numberPattern})\s*(${unitPattern})?$`, "i");
const comparatorPattern = /^(>=|<=|=>|=<|≥|≤|>|<)\s*(.*)$/;
const rangePattern = new RegExp(
  String.raw`^(${numberPattern})\s*(%|\s*days?)?\s*(?:-|–|—|to)\s*(${numberPattern})\s*(%|\s*days?)?$`,
  "i"
);
const plusMinus = String.raw`(?:±|\+\s*\/\s*-|\+\s*\/\s*−|\+-)`;
const marginUnit = String.raw`%|pp|percentage points?|% points?|points?|pts?|days?`;
const marginPatterns: readonly RegExp[] = [
  new RegExp(
    String.raw`^${plusMinus}\s*(${numberPattern})\s*(${marginUnit})?(?:\s+(?:of|around)\s+(?:the\s+)?target)?$`,
    "i"
  ),
  new RegExp(
    String.raw`^(${numberPattern})\s*(${marginUnit})\s+(?:tolerance|either side(?:\s+of\s+(?:the\s+)?target)?)$`,
    "i"
  ),
  new RegExp(
    String.raw`^within\s+${plusMinus}?\s*(${numberPattern})\s*(${marginUnit})?\s+of\s+(?:the\s+)?target$`,
    "i"
  ),
  // Points are always a distance from the target ("5 points"); a bare figure or "5 days" is a threshold itself.
  new RegExp(
    String.raw`^(${numberPattern})\s*(pp|percentage points?|% points?|points?|pts?)$`,
    "i"
  ),
];
/** A target written with its margin: "95% ± 5%", "95% (±5pp)", "10%-20% +/- 10%". */
const attachedMargin = new RegExp(String.raw`^(.*?\d\s*%?)\s*\(?\s*(${plusMinus}.*?)\s*\)?$`, "i");
/** Text that starts like a margin, so a margin the add-in cannot read says so as a margin. */
const marginStart = new RegExp(String.raw`^${plusMinus}|^within\b`, "i");

/** Thresholds in words: strict words say the figure itself has not met it; inclusive ones that it has. */
const comparatorWords: ReadonlyArray<{ pattern: RegExp; comparator: Comparator }> = [
  {
    pattern:
      /^(?:no|not)\s+(?:less|fewer|lower)\s+than\b|^(?:more|greater|higher)\s+than\s+or\s+equal\s+to\b|^at\s+or\s+above\b|^at\s+least\b|^minimum(?:\s+of)?\b|^min\b\.?/i,
    comparator: ">=",
  },
  {
    pattern:
      /^(?:no|not)\s+(?:more|greater|higher)\s+than\b|^(?:less|fewer|lower)\s+than\s+or\s+equal\s+to\b|^at\s+or\s+below\b|^at\s+most\b|^maximum(?:\s+of)?\b|^max\b\.?|^up\s+to\b/i,
    comparator: "<=",
  },
  { pattern: /^(?:less|fewer|lower)\s+than\b|^below\b|^under\b/i, comparator: "<" },
  { pattern: /^(?:more|greater|higher)\s+than\b|^above\b|^over\b/i, comparator: ">" },
];
const comparatorSuffixes: ReadonlyArray<{ pattern: RegExp; comparator: Comparator }> = [
  // Not "min" or "max" after a figure: "30 min" is as likely minutes as a minimum.
  { pattern: /\s*(?:\bor\s+(?:more|above|higher|over|greater)|\bminimum|\+)$/i, comparator: ">=" },
  { pattern: /\s*(?:\bor\s+(?:less|fewer|below|lower|under)|\bmaximum)$/i, comparator: "<=" },
];

/** Words that say a target is yet to come, the measure being in its baseline year: `Baseline`, `In measurement`, a lone `M`. */
const noTargetYetWords = /^(?:baseline(?: year)?|in measurement|m)$/i;

/** Whether a target cell says its target is yet to come (a baseline year, in measurement). */
export function isNoTargetYet(text: string): boolean {
  return noTargetYetWords.test(text.trim());
}

/** Words that mean no target (yet): a context measure until one is set, not a contradiction. */
/** No target, or none yet: a baseline year, a measure still in measurement, or a lone "M" for it. */
const noTargetWords =
  /^(?:no target(?: set)?|none|not set|not yet set|tbc|tbd|tba|to be confirmed|to be agreed|n\/a|not applicable|baseline(?: year)?|in measurement|m)$/i;

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
 * a bare number keeps no unit, and the definition decides its scale from the rest of the row. A word the
 * workbook teaches to mean No target reads as no threshold.
 */
export function readThreshold(
  cell: CellValue,
  numberFormat = "General",
  words?: Words
): Read<Threshold> {
  if (cell === null) return { ok: true, value: { kind: "none" } };
  if (typeof cell === "number") return numberThreshold(cell, numberFormat);
  if (typeof cell === "boolean")
    return { ok: false, problem: `${cell ? "TRUE" : "FALSE"} is not a threshold` };
  if (isExcelError(cell))
    return { ok: false, problem: `${cell.error} is an Excel error, not a threshold` };
  const text = cell.replace(/\s+/g, " ").trim();
  // Each reader answers only for text written its way; the first that answers reads the cell.
  return (
    noThreshold(text, words) ??
    comparedBySign(text) ??
    comparedInWords(text) ??
    readMargin(text) ??
    withAttachedMargin(text) ??
    rangeThreshold(text) ??
    figureThreshold(text) ??
    unreadableThreshold(text)
  );
}

/** A threshold cell written in no way the add-in reads: one sentence for every reader that gives up. */
function unreadableThreshold(text: string): { ok: false; problem: string } {
  return { ok: false, problem: `"${text}" is not a threshold the add-in can read` };
}

function numberThreshold(cell: number, numberFormat: string): Read<Threshold> {
  if (!Number.isFinite(cell)) return { ok: false, problem: `${cell} is not a figure` };
  return isPercentFormat(numberFormat)
    ? { ok: true, value: { kind: "figure", value: cell, unit: "percent" } }
    : { ok: true, value: { kind: "figure", value: cell, unit: null, bare: true } };
}

/** Text that is no threshold to rate by: blank, a dash, a No target word (built in or taught), Suspended, or an Excel error typed in. */
function noThreshold(text: string, words: Words | undefined): Read<Threshold> | null {
  if (text === "" || /^[-–—]$/.test(text)) return { ok: true, value: { kind: "none" } };
  const taught = taughtWord(words, text);
  if (taught?.meaning.kind === "polarity" && taught.meaning.polarity === "context")
    return { ok: true, value: { kind: "none", written: text } };
  if (noTargetWords.test(text) || noTargetYetWords.test(text))
    return { ok: true, value: { kind: "none", written: text } };
  if (/^suspend(ed)?\**$/i.test(text)) return { ok: true, value: { kind: "suspended" } };
  if (looksLikeExcelError(text))
    return { ok: false, problem: `${text} is an Excel error, not a threshold` };
  return null;
}

/** ">= 80%", "≤ 15%", "< 22%". */
function comparedBySign(text: string): Read<Threshold> | null {
  const compared = comparatorPattern.exec(text);
  if (!compared) return null;
  const figure = readWrittenFigure(compared[2]);
  if (!figure) return unreadableThreshold(text);
  const comparator =
    ({ "≥": ">=", "≤": "<=", "=>": ">=", "=<": "<=" } as Record<string, Comparator>)[compared[1]] ??
    (compared[1] as Comparator);
  return {
    ok: true,
    value: {
      kind: "figure",
      value: inScale(figure.value, figure.unit),
      unit: figure.unit,
      comparator,
      written: text,
      ...(figure.unit === null ? { bare: true } : {}),
    },
  };
}

/** "10%-20%", "10 to 20 days", "0.1-0.2". */
function rangeThreshold(text: string): Read<Threshold> | null {
  const range = rangePattern.exec(text);
  if (!range) return null;
  const unit = unitOfSuffix(range[2]) ?? unitOfSuffix(range[4]);
  const low = inScale(Number(range[1].replace(/,/g, "")), unit);
  const high = inScale(Number(range[3].replace(/,/g, "")), unit);
  if (low > high) return { ok: false, problem: `the range "${text}" runs from high to low` };
  return { ok: true, value: { kind: "range", low, high, unit } };
}

/** "90%", "140 days", "212": a bare figure keeps no unit. */
function figureThreshold(text: string): Read<Threshold> | null {
  const figure = readWrittenFigure(text);
  if (!figure) return null;
  return figure.unit === null
    ? { ok: true, value: { kind: "figure", value: figure.value, unit: null, bare: true } }
    : {
        ok: true,
        value: { kind: "figure", value: inScale(figure.value, figure.unit), unit: figure.unit },
      };
}

/** "Less than 22%", "At least 80%", "Minimum: 80%", "80% or more", "85 maximum". */
function comparedInWords(text: string): Read<Threshold> | null {
  for (const { pattern, comparator } of comparatorWords) {
    const match = pattern.exec(text);
    if (match) return figureCompared(text, text.slice(match[0].length), comparator);
  }
  for (const { pattern, comparator } of comparatorSuffixes) {
    const match = pattern.exec(text);
    if (match && match.index > 0)
      return figureCompared(text, text.slice(0, match.index), comparator);
  }
  return null;
}

function figureCompared(text: string, rest: string, comparator: Comparator): Read<Threshold> {
  const figure = readWrittenFigure(
    rest.replace(/^\s*[:\-–]?\s*/, "").replace(/^(?:of|is)\s+/i, "")
  );
  if (!figure) return unreadableThreshold(text);
  const written = { comparator, words: text };
  return figure.unit === null
    ? {
        ok: true,
        value: { kind: "figure", value: figure.value, unit: null, bare: true, ...written },
      }
    : {
        ok: true,
        value: {
          kind: "figure",
          value: inScale(figure.value, figure.unit),
          unit: figure.unit,
          ...written,
        },
      };
}

/** A figure or range followed by its margin: the target and its tolerance in one cell. */
function withAttachedMargin(text: string): Read<Threshold> | null {
  const match = attachedMargin.exec(text);
  if (!match) return null;
  const base = readThreshold(match[1]);
  const margin = readMargin(match[2]);
  if (!base.ok || !margin?.ok || margin.value.kind !== "margin") return unreadableThreshold(text);
  if (
    base.value.kind === "range" ||
    (base.value.kind === "figure" && base.value.comparator === undefined)
  )
    return { ok: true, value: { ...base.value, margin: margin.value } };
  return unreadableThreshold(text);
}

/** "±5%", "+/- 5%", "5% tolerance", "within 5% of target" (relative); "±5pp", "5 points", "±3 days" (absolute). */
function readMargin(text: string): Read<Threshold> | null {
  for (const pattern of marginPatterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    const value = Number(match[1].replace(/,/g, ""));
    const unit = (match[2] ?? "").toLowerCase().replace(/\s+/g, " ");
    if (unit === "%")
      return {
        ok: true,
        value: {
          kind: "margin",
          value: percentToFraction(value),
          unit: null,
          relative: true,
          written: text,
        },
      };
    if (unit === "pp" || unit.startsWith("percentage point") || unit.startsWith("% point")) {
      return {
        ok: true,
        value: {
          kind: "margin",
          value: percentToFraction(value),
          unit: "percent",
          relative: false,
          written: text,
        },
      };
    }
    if (unit.startsWith("point") || unit.startsWith("pt"))
      return {
        ok: true,
        value: { kind: "margin", value, unit: null, relative: false, points: true, written: text },
      };
    return {
      ok: true,
      value: {
        kind: "margin",
        value,
        unit: unit.startsWith("day") ? "days" : null,
        relative: false,
        written: text,
      },
    };
  }
  return marginStart.test(text)
    ? { ok: false, problem: `"${text}" is not a margin the add-in can read` }
    : null;
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

// Polarity cells were read here once; their readers now live in polarity.ts, and are still found here.
export { readPolarity, polarityWordsHelp, type Direction } from "./polarity";
