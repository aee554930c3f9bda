/** Rating one value against a definition: the core's one answer to "what colour is this figure?". */
import type { CellValue } from "./cell";
import { bands, inBand, sameToExcel, type Band } from "./bands";
import { merit, type Definition } from "./definition";
import { standardScheme, type Scheme } from "./scheme";
import { standardSet } from "./tolerance-set";
import { noDataRating, type Rating } from "./status";
import { describeFigure, percentToFraction } from "./units";
import { isPercentFormat, readValue } from "./wording";

/** A value in the core's scale, or why there is no figure to rate. */
export type Figure = { ok: true; value: number } | { ok: false; rating: Rating };

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
  if (definition.unit !== "percent" || read.percent) return { ok: true, value: read.value };
  return { ok: true, value: inDefinitionScale(read.value, definition) };
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
 * Never throws.
 */
export function rate(
  value: CellValue,
  definition: Definition,
  toleranceSet: string = standardSet,
  numberFormat?: string,
  scheme: Scheme = standardScheme,
  previous?: PreviousPeriod
): Rating {
  let figure: number;
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
  }
  const banding = bands(definition, toleranceSet, scheme);
  if (banding.kind === "status")
    return { status: banding.status, kind: "definition", reason: banding.reason };
  for (const band of banding.bands) {
    if (inBand(figure, band)) {
      const reason = `${describeFigure(figure, definition.unit)} ${band.words}`;
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
function byDirection(
  figure: number,
  band: Band,
  reason: string,
  definition: Definition,
  previous: PreviousPeriod | undefined
): Rating {
  const { standing, unit } = definition;
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
  const now = standing.kind === "rated" ? merit(figure, standing.polarity) : 0;
  const then = standing.kind === "rated" ? merit(before.value, standing.polarity) : 0;
  const improved = now > then && !sameToExcel(now, then);
  return improved
    ? { status: "Amber", kind: "band", reason: `${reason}, but is better than ${was}` }
    : { status: band.status, kind: "band", reason: `${reason}, and is no better than ${was}` };
}
