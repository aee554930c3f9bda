/** A row's percent scale, decided once for the pane, kpi-rag and the functions (kept apart from table detection, so the functions' script need not carry it). */
import type { CellValue } from "../values/cell";
import type { Definition } from "./definition";
import type { PercentScale } from "./units";
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
  // By index: asked for every row, where a for…of makes an iterator until V8 compiles it.
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    let figure: number;
    let percent: boolean;
    if (typeof cell.value === "number" && Number.isFinite(cell.value)) {
      // The common case, without readValue's object: a number, its format saying whether it is a percentage.
      figure = cell.value;
      percent = isPercentFormat(cell.numberFormat);
      if (percent) percentFormat = true;
    } else {
      const read = readValue(cell.value, cell.numberFormat);
      // A figure written in days or as a rate is no percentage of either kind: rating says it misfits.
      if (read.kind !== "figure" || read.unit !== undefined) continue;
      figure = read.value;
      percent = read.percent;
    }
    if (percent) percentCue = true;
    else if (Math.abs(figure) > 1) wholeNumber = true;
    else if (!Number.isInteger(figure)) fraction = true;
  }
  // "91%" typed as text says its own figure and nothing of how the row keeps the rest: beside 89 it is no
  // mix (the rules read its figure without its %, see band-conditions.ts). A number formatted as % is the
  // sheet keeping fractions, and beside 89 the two kinds cannot be told apart.
  if (percentFormat && wholeNumber)
    return {
      ok: false,
      problem:
        "the period figures mix percentages (91%) with whole numbers (91): make them one kind",
    };
  if (wholeNumber && fraction) {
    return {
      ok: false,
      problem:
        "the period figures mix fractions (0.82) with figures above 1 (1.05 or 91): format them as % so the add-in need not guess which is which",
    };
  }
  if (percentCue && !wholeNumber) return fractionScale;
  if (wholeNumber || definition.scale === "whole") return wholeScale;
  return fractionScale;
}

// The answers every row gets, one object each: decided for every row of a sheet.
const noScale = { ok: true, value: undefined } as const;
const fractionScale = { ok: true, value: "fraction" } as const;
const wholeScale = { ok: true, value: "whole" } as const;
