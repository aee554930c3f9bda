/** Rating one value against a definition: the core's one answer to "what colour is this figure?". */
import type { CellValue } from "../values/cell";
import { withoutBenchmarkFigures } from "./benchmark-target";
import { bands, inBand, sameToExcel, type Band, type Bands } from "./bands";
import { merit, type Definition, type Polarity } from "../definition/definition";
import { standardScheme, type Scheme } from "./scheme";
import { standardSet } from "../definition/tolerance-set";
import { noDataRating, type Rating } from "../values/status";
import { describeFigure, namesMoney, percentToFraction } from "../definition/units";
import { isPercentFormat, readValue, type FigureRead } from "../definition/written-figures";

/** A value in the core's scale, with what a flag on it means ("provisional"), or why there is no figure to rate. */
export type Figure = { ok: true; value: number; flag?: string } | { ok: false; rating: Rating };

/**
 * Reads a period value in the definition's scale. For percentages: a value written with % or formatted as
 * % is a fraction; otherwise the row's scale decides, and where no row has decided (a lone value in a
 * formula), a number above 1 is read as a whole-number percentage (91 is 91%).
 */
export function figureOf(value: CellValue, definition: Definition, numberFormat?: string): Figure {
  if (typeof value === "number" && Number.isFinite(value) && !isPercentFormat(numberFormat)) {
    // The common case, kept free of allocations: a plain number in a General cell.
    return {
      ok: true,
      value: definition.unit === "percent" ? inDefinitionScale(value, definition) : value,
    };
  }
  const read = readValue(value, numberFormat, definition.words);
  if (read.kind !== "figure") return { ok: false, rating: noDataRating(read.kind, read.reason) };
  // Without thresholds there is nothing to compare, so a unit cannot misfit: the row is No target.
  const misfit = definition.standing.kind === "rated" ? unitMisfit(read, definition, value) : null;
  if (misfit !== null) return { ok: false, rating: noDataRating("unreadable", misfit) };
  const inScale =
    definition.unit !== "percent" || read.percent
      ? read.value
      : inDefinitionScale(read.value, definition);
  return read.flag
    ? { ok: true, value: inScale, flag: read.flag.meaning }
    : { ok: true, value: inScale };
}

/**
 * Why a figure written with its unit cannot be this row's, or null when it fits. The unit is never
 * converted: "22 days" in a percent row, or a rate per 10,000 in a row of rates per 100,000, is for the
 * analyst to put right. A row with no unit of its own (a count) takes days and rates as they are. In a row
 * of money, "5p" could be five pence: only the sheet's key, or a bracketed "[p]", makes it provisional.
 */
function unitMisfit(read: FigureRead, definition: Definition, value: CellValue): string | null {
  if (typeof value !== "string") return null;
  const written = value.trim();
  const rowUnit = definition.unit;
  const misfit = (figureUnit: string, rowsUnit: string): string =>
    `"${written}" is ${figureUnit} but this row's figures are ${rowsUnit}: the add-in does not convert one into the other`;
  // A count is also the unit of a row that names none (no target): a percentage there is read as written.
  if (read.percent && (rowUnit === "days" || rowUnit === "rate"))
    return misfit("a percentage", unitWords(definition));
  if (read.unit === "days" && (rowUnit === "percent" || rowUnit === "rate"))
    return misfit("in days", unitWords(definition));
  if (read.unit === "rate") {
    if (rowUnit === "percent" || rowUnit === "days")
      return misfit(`a rate per ${read.per?.toLocaleString("en-GB")}`, unitWords(definition));
    const rowPer = rateBaseOf(definition);
    if (rowPer !== null && rowPer !== read.per)
      return misfit(
        `per ${read.per?.toLocaleString("en-GB")}`,
        `per ${rowPer.toLocaleString("en-GB")}`
      );
  }
  if (
    read.flag !== undefined &&
    /^p$/i.test(read.flag.written) &&
    !definition.words?.flags?.has("p") &&
    namesMoney(definition.wording.measure)
  )
    return `"${written}" could be pence or a provisional figure: write the amount in pounds, or the flag as [p]`;
  return null;
}

function unitWords(definition: Definition): string {
  if (definition.unit === "percent") return "percentages";
  if (definition.unit === "days") return "in days";
  if (definition.unit === "rate") return "rates";
  return "counts";
}

/** The base of a row's rates as its measure, unit or target names it ("per 100,000"), or null when none does. */
function rateBaseOf(definition: Definition): number | null {
  const { measure, unit, target } = definition.wording;
  for (const text of [measure, unit, target]) {
    if (typeof text !== "string") continue;
    const base = /\bper\s*(\d{1,3}(?:,\d{3})+|\d+)/i.exec(text);
    if (base) return Number(base[1].replace(/,/g, ""));
  }
  return null;
}

/** A bare number of a percent KPI: a whole-number percentage when the row keeps them so (or, undecided, above 1). */
function inDefinitionScale(value: number, definition: Definition): number {
  const whole =
    definition.scale === "whole" || (definition.scale === undefined && Math.abs(value) > 1);
  return whole ? percentToFraction(value) : value;
}

/** The period before the one rated, on the same row: what Amber by direction compares with. */
export interface PreviousPeriod {
  /** Its label, for the reason: "2022/23". */
  period: string;
  value: CellValue;
  numberFormat?: string;
}

/**
 * The status of a value for a KPI under a tolerance set and the workbook's scheme, with the reason in
 * words. Under Amber by direction, `previous` is the period before on the row (undefined for the first).
 * `known` is the definition's bands under that set and scheme where the caller keeps them (a `BandsMemo`);
 * they are worked out here when not given. Never throws.
 */
export function rate(
  value: CellValue,
  definition: Definition,
  toleranceSet: string = standardSet,
  numberFormat?: string,
  scheme: Scheme = standardScheme,
  previous?: PreviousPeriod,
  known?: Bands
): Rating {
  let figure: number;
  let flag: string | undefined;
  if (typeof value === "number" && Number.isFinite(value)) {
    // The common case, without the intermediate objects of figureOf: a sheet rates thousands of these.
    figure =
      definition.unit === "percent" && !isPercentFormat(numberFormat)
        ? inDefinitionScale(value, definition)
        : value;
  } else {
    const read = figureOf(value, definition, numberFormat);
    if (!read.ok) return read.rating;
    figure = read.value;
    flag = read.flag;
  }
  const banding = known ?? bands(definition, toleranceSet, scheme);
  if (banding.kind === "status")
    return { status: banding.status, kind: "definition", reason: banding.reason };
  // One figure alone has no row of benchmarks to be rated against (rateInRow rates it with them).
  if (banding.kind === "benchmark") return withoutBenchmarkFigures(banding.standing);
  for (const band of banding.bands) {
    if (inBand(figure, band)) {
      const reason = `${describeFigure(figure, definition.unit)}${flag === undefined ? "" : ` (${flag})`} ${band.words}`;
      return band.byDirection
        ? byDirection(figure, band, reason, definition, previous)
        : { status: band.status, kind: "band", reason };
    }
  }
  // Unreachable for finite figures: the bands cover every number (a property test holds this).
  return {
    status: "Check definition",
    kind: "definition",
    reason: "The thresholds leave a gap around this figure",
  };
}

/**
 * Amber by direction: a figure beyond the tolerance is Amber where it is better than the period before
 * on its row (polarity-aware, strictly), otherwise Red; the reason names the period it was compared with.
 */
export function byDirection(
  figure: number,
  band: Pick<Band, "status">,
  reason: string,
  definition: Definition,
  previous: PreviousPeriod | undefined,
  polarity: Polarity | undefined = definition.standing.kind === "rated"
    ? definition.standing.polarity
    : undefined
): Rating {
  const { unit } = definition;
  if (previous === undefined)
    return {
      status: band.status,
      kind: "band",
      reason: `${reason}, with no period before it to compare with`,
    };
  const before = figureOf(previous.value, definition, previous.numberFormat);
  if (!before.ok)
    return {
      status: band.status,
      kind: "band",
      reason: `${reason}, and ${previous.period} has no figure to compare with`,
    };
  const was = `${previous.period}'s ${describeFigure(before.value, unit)}`;
  // As the rule's formula compares them: a hair's breadth (to Excel's 15 digits) is no change.
  const now = polarity === undefined ? 0 : merit(figure, polarity);
  const then = polarity === undefined ? 0 : merit(before.value, polarity);
  const improved = now > then && !sameToExcel(now, then);
  return improved
    ? { status: "Amber", kind: "band", reason: `${reason}, but is better than ${was}` }
    : { status: band.status, kind: "band", reason: `${reason}, and is no better than ${was}` };
}
