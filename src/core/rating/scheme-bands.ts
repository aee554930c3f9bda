/**
 * How each council scheme draws a rated definition's bands from the standard ones. Called only by `bands`,
 * which passes in its standard drawing (so the two modules do not import each other).
 */
import type { BandingTolerance, Band } from "./band";
import type { Polarity, Standing } from "../definition/definition";
import { marginWords, type Scheme, type SchemeMargin } from "./scheme";
import { describeFigure, percentToFraction, type Unit } from "../definition/units";

type RatedStanding = Extract<Standing, { kind: "rated" }>;

/** The standard drawing of bands, as `bands` does it. */
export type DrawBands = (
  polarity: Polarity,
  target: number,
  targetInclusive: boolean,
  tolerance: BandingTolerance,
  unit: Unit
) => Band[];

/** The bands of a rated definition under a scheme other than Standard. */
export function schemeBands(
  scheme: Exclude<Scheme, { kind: "standard" }>,
  standing: RatedStanding,
  tolerance: BandingTolerance,
  unit: Unit,
  draw: DrawBands
): Band[] {
  const { polarity, target, targetInclusive } = standing;
  switch (scheme.kind) {
    case "green and red":
      // The tolerance is ignored: Green at or beyond the target, Red short of it.
      return draw(polarity, target, targetInclusive, { kind: "none" }, unit);
    case "amber by direction":
      // Beyond the tolerance, the period before decides between Amber and Red (see `rate` and the plan).
      return draw(polarity, target, targetInclusive, tolerance, unit).map((band) =>
        band.status === "Red" ? { ...band, byDirection: true } : band
      );
    case "blue for exceeding":
      return withBlue(
        draw(polarity, target, targetInclusive, tolerance, unit),
        standing,
        scheme.stretch,
        unit
      );
    case "percentage of target":
      return percentageBands(standing, scheme.green, scheme.amber, unit, draw);
  }
}

/**
 * Blue for exceeding: the Green band split at the stretch: the row's own stretch target (a Stretch column)
 * where it has one, else the scheme's margin beyond the target on its better side, else no Blue. A target
 * range has no better side to exceed, so it keeps its three bands. (A stretch that cannot be read never
 * gets here: `bands` makes it Check definition.)
 */
function withBlue(
  drawn: Band[],
  standing: RatedStanding,
  margin: SchemeMargin | undefined,
  unit: Unit
): Band[] {
  const { polarity, target } = standing;
  if (polarity.kind === "range") return drawn;
  const higher = polarity.kind === "higher";
  const atOrBeyond = higher ? "at or above" : "at or below";
  let edge: number;
  let inclusive = true;
  let words: string;
  if (standing.stretch?.kind === "figure") {
    edge = standing.stretch.value;
    inclusive = standing.stretch.inclusive;
    words = `is ${inclusive ? atOrBeyond : higher ? "above" : "below"} the stretch target of ${describeFigure(edge, unit)}`;
  } else {
    if (margin === undefined) return drawn;
    const distance = margin.relative
      ? Math.abs(target) * margin.value
      : unit === "percent"
        ? percentToFraction(margin.value)
        : margin.value;
    if (!(distance > 0)) return drawn;
    edge = higher ? target + distance : target - distance;
    words = `is ${atOrBeyond} the stretch of ${describeFigure(edge, unit)} (${marginWords(margin)} better than the target of ${describeFigure(target, unit)})`;
  }
  const blue: Band = higher
    ? {
        status: "Blue",
        low: edge,
        lowInclusive: inclusive,
        high: Infinity,
        highInclusive: false,
        words,
      }
    : {
        status: "Blue",
        low: -Infinity,
        lowInclusive: false,
        high: edge,
        highInclusive: inclusive,
        words,
      };
  const split = drawn.map((band) =>
    band.status !== "Green"
      ? band
      : higher
        ? { ...band, high: edge, highInclusive: !inclusive }
        : { ...band, low: edge, lowInclusive: !inclusive }
  );
  return higher ? [...split, blue] : [blue, ...split];
}

/**
 * Percentage of target: Green within one share of the target's value, Amber within another, each on the
 * target's worse side (around a target range, beyond each end); the row's own tolerance is not used.
 */
function percentageBands(
  standing: RatedStanding,
  green: number,
  amber: number,
  unit: Unit,
  draw: DrawBands
): Band[] {
  const { polarity, target, targetInclusive } = standing;
  const share = (value: number, part: number): number => Math.abs(value) * part;
  const targetWords =
    polarity.kind === "range"
      ? `the target range ${describeFigure(polarity.low, unit)}-${describeFigure(polarity.high, unit)}`
      : `the target of ${describeFigure(target, unit)}`;
  const words: Record<Band["status"], string> = {
    Blue: "",
    Green: `is within ${percent(green)} of ${targetWords}`,
    Amber: `is more than ${percent(green)} but within ${percent(amber)} off ${targetWords}`,
    Red: `is more than ${percent(amber)} off ${targetWords}`,
  };
  let drawn: Band[];
  if (polarity.kind === "range") {
    drawn = draw(
      {
        kind: "range",
        low: polarity.low - share(polarity.low, green),
        high: polarity.high + share(polarity.high, green),
      },
      target,
      true,
      {
        kind: "range",
        low: polarity.low - share(polarity.low, amber),
        high: polarity.high + share(polarity.high, amber),
      },
      unit
    );
  } else {
    const worse = polarity.kind === "higher" ? -1 : 1;
    drawn = draw(
      polarity,
      target + worse * share(target, green),
      green === 0 ? targetInclusive : true,
      { kind: "figure", value: target + worse * share(target, amber), inclusive: true },
      unit
    );
  }
  return drawn.map((band) => ({ ...band, words: words[band.status] }));
}

function percent(share: number): string {
  return `${Number((share * 100).toPrecision(12))}%`;
}
