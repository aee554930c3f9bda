/** Rating one value against a definition: the core's one answer to "what colour is this figure?". */
import type { CellValue } from "./cell";
import { bands, inBand } from "./bands";
import type { Definition } from "./definition";
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

/** The status of a value for a KPI under a tolerance set, with the reason in words. Never throws. */
export function rate(
  value: CellValue,
  definition: Definition,
  toleranceSet: string = standardSet,
  numberFormat?: string
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
  const banding = bands(definition, toleranceSet);
  if (banding.kind === "status")
    return { status: banding.status, kind: "definition", reason: banding.reason };
  for (const band of banding.bands) {
    if (inBand(figure, band))
      return {
        status: band.status,
        kind: "band",
        reason: `${describeFigure(figure, definition.unit)} ${band.words}`,
      };
  }
  // Unreachable for finite figures: the bands cover every number (a property test holds this).
  return {
    status: "Check definition",
    kind: "definition",
    reason: "The thresholds leave a gap around this figure",
  };
}
