/**
 * Units of a measure. Percentages are held as fractions (90% is 0.9) throughout the core; `scale` says how
 * a sheet keeps them, so thresholds and values are always compared in one scale.
 */
export type Unit = "percent" | "days" | "rate" | "count";

/** How a row keeps its percentages: as fractions formatted as % (0.9), or as whole numbers (90). */
export type PercentScale = "fraction" | "whole";

export const units: readonly Unit[] = ["percent", "days", "rate", "count"];

/** Divides by 100 through the decimal text, so "91" becomes exactly the double written 0.91. */
export function percentToFraction(points: number): number {
  // A whole number over 100 is already the nearest double to the decimal answer; only decimals need the text.
  if (Number.isSafeInteger(points)) return points / 100;
  const text = String(points);
  return text.includes("e") ? points / 100 : Number(`${text}e-2`);
}

/** Multiplies by 100 through the decimal text, so 0.91 becomes exactly 91. */
export function fractionToPercent(fraction: number): number {
  const text = String(fraction);
  return text.includes("e") ? fraction * 100 : Number(`${text}e2`);
}

/** A figure as an analyst writes it: "74%", "140 days", "212", "173.75". */
export function describeFigure(value: number, unit: Unit): string {
  switch (unit) {
    case "percent":
      return `${tidy(value * 100)}%`;
    case "days":
      return `${tidy(value)} days`;
    case "rate":
    case "count":
      return tidy(value);
  }
}

/** Rounds away binary noise (0.91 * 100 is 91.00000000000001) to nine decimals; this is called for every rating. */
export function tidy(value: number): string {
  return Math.abs(value) < 1e6 ? String(Math.round(value * 1e9) / 1e9) : String(value);
}

// A measure's unit words, made once: a pattern written inside a function is a new RegExp object each time
// it runs, and this is asked of every row (on the bench's varied sheet of 10,000 rows, 1.6 MB a find).
const percentMeasure = /^\s*%|^\s*(?:percentage|proportion) of\b/i;
const namesAUnit = /day|per|rate/i;
const daysMeasure = /\(days\)|\bin days\b|\bdays\b.*\baverage\b|\baverage time in days\b/i;
const rateMeasure = /per\s*[\d,]+|\brate of\b/i;

/** The unit a measure's own words imply, when its target does not say (no % sign, no "days"). */
export function unitFromMeasure(measure: string): Unit | null {
  // Read for every row, so the words are matched as written (case-insensitive), not lower-cased first.
  if (percentMeasure.test(measure)) return "percent";
  if (!namesAUnit.test(measure)) return null;
  if (daysMeasure.test(measure)) return "days";
  if (rateMeasure.test(measure) && !measure.includes("%")) return "rate";
  return null;
}

/** Reads a unit name as the register writes it ("%", "Percent", "days", "per 100,000", "count"). */
export function readUnitWord(word: string): Unit | null {
  const text = word.trim().toLowerCase();
  if (text === "") return null;
  if (text === "%" || text.startsWith("percent")) return "percent";
  if (text.startsWith("day")) return "days";
  if (text.startsWith("rate") || text.startsWith("per ")) return "rate";
  if (text.startsWith("count") || text.startsWith("number")) return "count";
  return null;
}

/** Whether a measure's words say it is money ("Cost per placement (£)", "Spend in pence"): "5p" may be pence there. */
export function namesMoney(measure: string | undefined): boolean {
  return measure !== undefined && /£|\bpence\b|\bcosts?\b|\bspend\b|\bbudget\b/i.test(measure);
}
