/**
 * Direction of travel, polarity-aware: whether a KPI got better or worse across its periods. Two figures
 * compare the last step; more give the trend of the whole series (the sign of its least-squares slope),
 * so one odd period does not flip the answer. Blanks are skipped, never read as zero.
 */
import type { CellValue } from "../values/cell";
import { merit, type Definition } from "../definition/definition";
import { figureOf } from "./rate";
import { readPolarity } from "../definition/polarity";

export type DirectionOfTravel = "Improved" | "Declined" | "No change";

export type Trend =
  | { ok: true; direction: DirectionOfTravel; reason: string }
  | { ok: false; status: "No data" | "No target" | "Check definition"; reason: string };

/** Differences smaller than this share of the figures' size are "No change": floating-point noise, not travel. */
const noise = 1e-9;

export function trend(
  periods: readonly CellValue[],
  definition: Definition,
  numberFormats?: readonly string[]
): Trend {
  const { standing } = definition;
  if (standing.kind === "check")
    return {
      ok: false,
      status: "Check definition",
      reason: standing.problems[0] ?? "the definition cannot be read",
    };
  const polarity = standing.kind === "rated" ? standing.polarity : polarityOfWording(definition);
  if (!polarity)
    return {
      ok: false,
      status: "No target",
      reason: "Without a polarity there is no better or worse",
    };

  const points: Array<{ position: number; figure: number }> = [];
  periods.forEach((value, position) => {
    const figure = figureOf(value, definition, numberFormats?.[position]);
    if (figure.ok) points.push({ position, figure: figure.value });
  });
  if (points.length < 2)
    return {
      ok: false,
      status: "No data",
      reason: "A direction of travel needs figures for at least two periods",
    };

  // How good each figure is: higher is better after this, whatever the polarity.
  const goodness = (figure: number): number => merit(figure, polarity);
  const slope =
    points.length === 2
      ? goodness(points[1].figure) - goodness(points[0].figure)
      : slopeOf(points.map((point) => ({ x: point.position, y: goodness(point.figure) })));
  let scale = 1;
  for (const point of points) if (Math.abs(point.figure) > scale) scale = Math.abs(point.figure);
  const across =
    points.length === 2 ? "since the previous period" : `across ${points.length} periods`;
  if (Math.abs(slope) <= noise * scale)
    return { ok: true, direction: "No change", reason: `No change ${across}` };
  return slope > 0
    ? { ok: true, direction: "Improved", reason: `Improved ${across}` }
    : { ok: true, direction: "Declined", reason: `Declined ${across}` };
}

function slopeOf(points: Array<{ x: number; y: number }>): number {
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const point of points) {
    covariance += (point.x - meanX) * (point.y - meanY);
    variance += (point.x - meanX) ** 2;
  }
  return covariance / variance;
}

/** A suspended KPI or one with no target still has a polarity: travel can be told without a target. */
function polarityOfWording(definition: Definition): { kind: "higher" } | { kind: "lower" } | null {
  const phrases = readPolarity(definition.wording.polarity, definition.words);
  const decisive = phrases.ok ? phrases.value[phrases.value.length - 1] : undefined;
  return decisive === "higher" || decisive === "lower" ? { kind: decisive } : null;
}
