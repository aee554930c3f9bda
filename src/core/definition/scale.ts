/** A row's percent scale, decided once for the pane, kpi-rag and the functions (kept apart from table detection, so the functions' script need not carry it). */
import type { CellValue } from "../values/cell";
import type { Definition } from "./definition";
import { tidy, type PercentScale } from "./units";
import { isPercentFormat, readValue } from "./written-figures";

/**
 * How a row keeps its percentages, from its values and formats: % formats or % text mean fractions;
 * otherwise whole numbers where the target is written whole or any value is above 1. A row that mixes
 * both cannot be rated without guessing.
 */
export function decideScale(
  definition: Definition,
  cells: ReadonlyArray<{ value: CellValue; numberFormat: string }>
): { ok: true; value: PercentScale | undefined } | { ok: false; problem: string } {
  if (definition.unit !== "percent") return noScale;
  let percentCue = false;
  // A % format on a number is the sheet keeping fractions; "91%" typed as text says only its own figure.
  let percentFormat = false;
  let wholeNumber = false;
  let fraction = false;
  // The first of each kind, to quote in a problem: the row's own figures, not an example's.
  let aWhole = 0;
  let aFraction = 0;
  let aPercent = 0;
  // By index: asked for every row, where a for…of makes an iterator until V8 compiles it.
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    let figure: number;
    let percent: boolean;
    if (typeof cell.value === "number" && Number.isFinite(cell.value)) {
      // The common case, without readValue's object: a number, its format saying whether it is a percentage.
      figure = cell.value;
      percent = isPercentFormat(cell.numberFormat);
      if (percent && !percentFormat) {
        percentFormat = true;
        aPercent = figure;
      }
    } else {
      const read = readValue(cell.value, cell.numberFormat);
      // A figure written in days or as a rate is no percentage of either kind: rating says it misfits.
      if (read.kind !== "figure" || read.unit !== undefined) continue;
      figure = read.value;
      percent = read.percent;
    }
    if (percent) percentCue = true;
    else if (Math.abs(figure) > 1) {
      if (!wholeNumber) aWhole = figure;
      wholeNumber = true;
    } else if (!Number.isInteger(figure)) {
      if (!fraction) aFraction = figure;
      fraction = true;
    }
  }
  // "91%" typed as text says its own figure and nothing of how the row keeps the rest: beside 89 it is no
  // mix (the rules read its figure without its %, see band-conditions.ts). A number formatted as % is the
  // sheet keeping fractions, and beside 89 the two kinds cannot be told apart.
  if (percentFormat && wholeNumber)
    return {
      ok: false,
      problem: `the period figures mix percentages (${tidy(aPercent * 100)}%) with whole numbers (${tidy(aWhole)}): make them one kind`,
    };
  if (wholeNumber && fraction) {
    return {
      ok: false,
      problem: `the period figures mix fractions (${tidy(aFraction)}) with figures above 1 (${tidy(aWhole)}): format them as % so the add-in need not guess which is which`,
    };
  }
  // A target written whole (90) over figures that are all fractions (0.92): 92% or 0.92% cannot be told.
  if (fraction && !wholeNumber && !percentCue && definition.scale === "whole")
    return {
      ok: false,
      problem: `the target is written as a whole-number percentage${targetShown(definition)} but every period figure as a fraction (${tidy(aFraction)}): format the figures as % or write them as whole numbers`,
    };
  if (percentCue && !wholeNumber) return fractionScale;
  if (wholeNumber || definition.scale === "whole") return wholeScale;
  return fractionScale;
}

/**
 * The scale a period's own definition (its year's, its column's Target) is read in: the row's, except where
 * the row's definition is no percentage (its latest period has no target) and this one is: it decides from
 * the row's figures, so its rules and its report read 55 alike.
 */
export function periodScale(
  row: { definition: Definition; scale: ReturnType<typeof decideScale> },
  own: Definition,
  cells: ReadonlyArray<{ value: CellValue; numberFormat: string }>
): ReturnType<typeof decideScale> {
  return row.definition.unit === "percent" || own.unit !== "percent"
    ? row.scale
    : decideScale(own, cells);
}

// The answers every row gets, one object each: decided for every row of a sheet.
const noScale = { ok: true, value: undefined } as const;
const fractionScale = { ok: true, value: "fraction" } as const;
const wholeScale = { ok: true, value: "whole" } as const;

/** The target as its cell writes it, in brackets, where it is a figure. */
function targetShown(definition: Definition): string {
  const target = definition.wording.target;
  return typeof target === "number" ? ` (${tidy(target)})` : "";
}
