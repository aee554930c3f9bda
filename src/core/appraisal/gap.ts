/**
 * The gap to target, positive when better than target: one definition of "gap" for KPI.GAP and the pane's
 * watch list (watch-list.ts) alike.
 */
import type { CellValue } from "../values/cell";
import { merit, whyUnrated, type Definition } from "../definition/definition";
import { figureOf } from "../rating/rate";
import type { Read } from "../values/status";

/** How far a value is from the target, in the core's scale (0.02 is 2 points of %); positive is better. */
export function gapToTarget(
  value: CellValue,
  definition: Definition,
  numberFormat?: string
): Read<number> {
  const { standing } = definition;
  if (standing.kind !== "rated") return { ok: false, problem: whyUnrated(standing) };
  const figure = figureOf(value, definition, numberFormat);
  if (!figure.ok) return { ok: false, problem: figure.rating.reason };
  const { polarity } = standing;
  // In a range, the target is the range itself: the gap is how far outside it the figure is.
  return {
    ok: true,
    value:
      polarity.kind === "range"
        ? merit(figure.value, polarity)
        : merit(figure.value, polarity) - merit(standing.target, polarity),
  };
}
