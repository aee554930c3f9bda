/**
 * Reading the sheet's own words for thresholds, exactly as analysts write them in appendix tables and
 * scorecards: `90%`, `Less than 22%`, `At least 80%`, `10%-20%`, `95% ± 5%`, `TBC`, `Suspended`. Each reader
 * says what it could not read instead of guessing. Margins are read in `margins.ts`, period values and
 * written figures in `written-figures.ts`, polarity cells in `polarity.ts`.
 */
import { isExcelError, looksLikeExcelError, type CellValue } from "../values/cell";
import { dashes } from "../values/dashes";
import type { Read } from "../values/status";
import { percentToFraction, type Unit } from "./units";
import { attachedMargin, readMargin, type Margin } from "./margins";
import {
  isPercentFormat,
  numberPattern,
  readWrittenFigure,
  unitOfSuffix,
  unitPattern,
} from "./written-figures";
import { taughtWord, type Words } from "./words";

// A threshold may be a margin around the target, read in margins.ts.
export type { Margin } from "./margins";

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

export type Comparator = ">=" | "<=" | ">" | "<";

const comparatorPattern = /^(>=|<=|=>|=<|≥|≤|>|<)\s*(.*)$/;
const rangePattern = new RegExp(
  String.raw`^(${numberPattern})\s*(${unitPattern})?\s*(?:[${dashes}]|to)\s*(${numberPattern})\s*(${unitPattern})?$`,
  "i"
);

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

/** A range said in words: "between 10% and 20%", "from 10 to 20 days". */
const rangeInWords = /^(?:between\s+(.+?)\s+and|from\s+(.+?)\s+to)\s+(?=\S)/i;

/** "10%-20%", "10 to 20 days", "0.1-0.2", "between 10% and 20%", "from 10 to 20 days". */
function rangeThreshold(text: string): Read<Threshold> | null {
  const range = rangePattern.exec(
    text.replace(rangeInWords, (_, between?: string, from?: string) => `${between ?? from} to `)
  );
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
  const compared = comparisonInWords(text);
  return compared && figureCompared(text, compared.rest, compared.comparator);
}

/**
 * The comparison a threshold says in words, before what it compares with ("At least", "No more than",
 * "Below") or after it ("or more", "maximum"), and that rest of the text: a figure, or a benchmark's name.
 */
export function comparisonInWords(text: string): { comparator: Comparator; rest: string } | null {
  for (const { pattern, comparator } of comparatorWords) {
    const match = pattern.exec(text);
    if (match) return { comparator, rest: text.slice(match[0].length) };
  }
  for (const { pattern, comparator } of comparatorSuffixes) {
    const match = pattern.exec(text);
    if (match && match.index > 0) return { comparator, rest: text.slice(0, match.index) };
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
  if (!base.ok || !margin?.ok) return unreadableThreshold(text);
  if (
    base.value.kind === "range" ||
    (base.value.kind === "figure" && base.value.comparator === undefined)
  )
    return { ok: true, value: { ...base.value, margin: margin.value } };
  return unreadableThreshold(text);
}

// Polarity cells were read here once; their readers now live in polarity.ts, and are still found here.
export { readPolarity, polarityWordsHelp, type Direction } from "./polarity";
