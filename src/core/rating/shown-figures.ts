/**
 * Figures as the sheet shows them: the decimals a number format shows, rounding as Excel does, and a
 * figure or a difference in the row's unit.
 */
import { rememberedByText } from "../values/text-memo";
import type { CellValue } from "../values/cell";
import type { Definition } from "../definition/definition";
import { fractionToPercent, type Unit } from "../definition/units";
import { isPercentFormat, readValue, writtenNumber } from "../definition/written-figures";

/** A figure in the core's scale with the decimals the sheet shows for it, in that scale (26.2% shown is 3). */
export interface ShownFigure {
  value: number;
  decimals: number;
}
/** Decimals shown for a cell, counted in the core's scale (26.2% shown is 0.262: three decimals). */
export function coreDecimals(
  value: CellValue,
  numberFormat: string | undefined,
  definition: Pick<Definition, "unit" | "scale" | "words">
): number {
  const read = readValue(value, numberFormat, definition.words);
  if (read.kind !== "figure") return 0;
  // Text shows the decimals of its number, whatever unit or flag follows ("85.3% p" shows one).
  const writtenAsPercent = typeof value === "string" && read.percent;
  const shown =
    typeof value === "string"
      ? decimalsOfText(writtenNumber(value))
      : shownDecimals(typeof value === "number" ? value : read.value, numberFormat);
  if (definition.unit !== "percent") return shown;
  const inPoints =
    writtenAsPercent ||
    isPercentFormat(numberFormat) ||
    definition.scale === "whole" ||
    (definition.scale === undefined && Math.abs(read.value) > 1);
  // A fraction under General hides its trailing zeros: 0.1 is read as 10%, never as "to the nearest 10 points".
  return inPoints ? shown + 2 : Math.max(shown, 2);
}

/**
 * How many decimals Excel shows for a number under a number format: those the format asks for ("0.0%"
 * shows one, "0" none, "0.0#" one or two), and under General the number's own, to ten significant digits.
 */
export function shownDecimals(value: number, numberFormat = "General"): number {
  const shown = formatDecimals(numberFormat);
  const own = (): number => decimalsOfText(String(Number(Math.abs(value).toPrecision(10))));
  if (shown === "own") return own();
  if (shown.placeholders === 0) return 0;
  const scaled = shown.percent
    ? decimalsOfText(String(Number((Math.abs(value) * 100).toPrecision(10))))
    : own();
  return Math.max(shown.zeros, Math.min(shown.placeholders, scaled));
}

/** What a number format says about decimals: the number's own (General, no digits, scientific), or its placeholders. */
type FormatDecimals = "own" | { placeholders: number; zeros: number; percent: boolean };

/** A sheet has a handful of formats and every figure asks about one: each is read once. */
const formatDecimals = rememberedByText((numberFormat): FormatDecimals => {
  const section = firstSection(numberFormat).replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "");
  let read: FormatDecimals;
  if (/general/i.test(section) || !/[0#?]/.test(section) || /e[+-]/i.test(section)) read = "own";
  else {
    const point = /[0#?]\.([0#?]*)/.exec(section) ?? /^\.([0#?]+)/.exec(section);
    read = point
      ? {
          placeholders: point[1].length,
          zeros: (/^0*/.exec(point[1]) ?? [""])[0].length,
          percent: /%/.test(section),
        }
      : { placeholders: 0, zeros: 0, percent: false };
  }
  return read;
});

function firstSection(numberFormat: string): string {
  let quoted = false;
  for (let index = 0; index < numberFormat.length; index++) {
    const character = numberFormat[index];
    if (character === '"') quoted = !quoted;
    else if (character === "\\") index++;
    else if (character === ";" && !quoted) return numberFormat.slice(0, index);
  }
  return numberFormat;
}

function decimalsOfText(text: string): number {
  if (/e/i.test(text)) return 15;
  const point = text.indexOf(".");
  return point < 0 ? 0 : text.length - point - 1;
}

/**
 * Rounds half away from zero through the decimal text, as Excel shows a figure: 0.2615 at three decimals
 * is 0.262, which arithmetic on the binary double would make 0.261.
 */
export function roundTo(value: number, decimals: number): number {
  const magnitude = Math.abs(value);
  if (!Number.isFinite(magnitude) || magnitude >= 1e21) return value;
  const digits = roundedDigits(magnitude, decimals);
  // A whole number over an exact power of ten is the double nearest the decimal answer, as parsing it would be.
  const result =
    digits !== null ? digits / powersOfTen[decimals] : roundThroughText(magnitude, decimals);
  return value < 0 ? -result : result;
}

/**
 * A magnitude times 10^decimals, rounded half away from zero as its decimal text would be: 0.2615 at three
 * decimals is 262. Null when that is not a safe whole number or the decimals are past 15.
 */
function roundedDigits(magnitude: number, decimals: number): number | null {
  const power = powersOfTen[decimals];
  if (power === undefined) return null;
  const scaled = magnitude * power;
  if (!(scaled < 1e15)) return null;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  // The product is within a few units in the last place of the decimal text times 10^decimals: away from a
  // half-way case by more than that, it rounds as the text does; near one, the text decides.
  if (Math.abs(fraction - 0.5) > Math.max(scaled, 1) * 1e-15)
    return fraction > 0.5 ? whole + 1 : whole;
  const text = String(magnitude);
  return text.includes("e") ? null : Math.round(Number(`${text}e${decimals}`));
}

function roundThroughText(magnitude: number, decimals: number): number {
  const text = String(magnitude);
  // Below 1e-6 the text is in e-notation; no half-way case is near enough to matter there.
  return text.includes("e")
    ? Number(magnitude.toFixed(Math.min(decimals, 100)))
    : Number(`${Math.round(Number(`${text}e${decimals}`))}e-${decimals}`);
}

/** 10^0 to 10^15, each exact as a double. */
const powersOfTen: readonly number[] = Array.from({ length: 16 }, (_, exponent) => 10 ** exponent);

/** A figure as the sheet shows it: "26.2%", "26.0%", "140 days", "12.4". */
export function showFigure(figure: ShownFigure, unit: Unit): string {
  if (unit === "percent") return `${percentText(figure)}%`;
  const text = fixed(roundTo(figure.value, figure.decimals), figure.decimals);
  return unit === "days" ? `${text} ${text === "1" ? "day" : "days"}` : text;
}

/** A fraction's percentage to the decimals shown, from its rounded digits: 0.262 at three decimals is "26.2". */
function percentText(figure: ShownFigure): string {
  const places = Math.max(0, figure.decimals - 2);
  const digits = roundedDigits(Math.abs(figure.value), figure.decimals);
  if (digits === null)
    return fixed(fractionToPercent(roundTo(figure.value, figure.decimals)), places);
  const sign = figure.value < 0 && digits > 0 ? "-" : "";
  return (
    sign +
    (figure.decimals >= 2
      ? (digits / powersOfTen[places]).toFixed(places)
      : String(digits * powersOfTen[2 - figure.decimals]))
  );
}

function fixed(value: number, places: number): string {
  return places <= 20 ? roundTo(value, places).toFixed(places) : String(value);
}

/** A difference in the row's unit: "4.6 points", "1 point", "38 days", "12.4 per 10,000". */
export function describeDifference(difference: number, unit: Unit, base?: string): string {
  const size = Math.abs(difference);
  switch (unit) {
    case "percent": {
      const points = String(roundTo(fractionToPercent(size), 9));
      return `${points} ${points === "1" ? "point" : "points"}`;
    }
    case "days":
      return `${size} ${size === 1 ? "day" : "days"}`;
    case "rate":
      return base ? `${size} ${base}` : String(size);
    case "count":
      return String(size);
  }
}
