/** A definition in the analyst's words, as the pane and the report show "how the add-in read this row". */
import { bands, type Band } from "./bands";
import {
  noTargetGiven,
  polarityWords,
  type Definition,
  type Tolerance,
} from "../definition/definition";
import { schemeName, standardScheme, type Scheme } from "./scheme";
import { isStandardSet, standardSet, toleranceSetKey } from "../definition/tolerance-set";
import { describeFigure, type Unit } from "../definition/units";

/**
 * A definition in words; under a scheme other than Standard, followed by how the scheme drew its bands
 * ("under Blue for exceeding (…): Green 90% to below 94.5%; Blue at or above 94.5%; …").
 */
export function describeDefinition(
  definition: Definition,
  scheme: Scheme = standardScheme,
  toleranceSet: string = standardSet
): string {
  const words = describeStanding(definition);
  if (scheme.kind === "standard" || definition.standing.kind !== "rated") return words;
  const banding = bands(definition, toleranceSet, scheme);
  if (banding.kind !== "bands") return words;
  return `${words}; under ${schemeName(scheme)}: ${banding.bands.map((band) => bandWords(band, definition.unit)).join(", ")}`;
}

/** A band's status and interval: "Amber 75% to below 90%", "Red below 75%, or Amber where better than the period before". */
function bandWords(band: Band, unit: Unit): string {
  const figure = (value: number): string => describeFigure(value, unit);
  const low = `${band.lowInclusive ? "" : "above "}${figure(band.low)}`;
  const high = `${band.highInclusive ? "" : "below "}${figure(band.high)}`;
  const interval =
    band.low === -Infinity
      ? band.highInclusive
        ? `at or below ${figure(band.high)}`
        : `below ${figure(band.high)}`
      : band.high === Infinity
        ? band.lowInclusive
          ? `at or above ${figure(band.low)}`
          : `above ${figure(band.low)}`
        : `${low} to ${high}`;
  return `${band.status} ${interval}${band.byDirection ? " (Amber where better than the period before)" : ""}`;
}

function describeStanding(definition: Definition): string {
  const { standing, unit } = definition;
  const figure = (value: number): string => describeFigure(value, unit);
  const scale =
    unit === "percent"
      ? definition.scale === "whole"
        ? ", kept as whole numbers (90 means 90%)"
        : ", kept as fractions (0.9 means 90%)"
      : "";
  const unitWords = `unit ${unit === "percent" ? "%" : unit}${scale}`;
  switch (standing.kind) {
    case "suspended":
      return `Suspended (${standing.reason})`;
    case "no target":
      return standing.reason === noTargetGiven ? "No target" : `No target (${standing.reason})`;
    case "benchmark":
      // The report says such a target in full (describeBenchmarkTarget), with its margin.
      return standing.rule.ok ? `Target ${standing.rule.value.target.wording}` : "Check definition";
    case "check":
      // The problems themselves are listed beside the definition; saying them twice helps nobody.
      return "Check definition";
    case "rated": {
      const { polarity } = standing;
      const target =
        polarity.kind === "range"
          ? `target range ${figure(polarity.low)}-${figure(polarity.high)}`
          : `target ${figure(standing.target)}`;
      const tolerances = definition.toleranceSets.map((set) => {
        const tolerance = standing.tolerances[toleranceSetKey(set)];
        return `${isStandardSet(set) ? "tolerance" : `${set} tolerance`} ${describeTolerance(tolerance, figure, !isStandardSet(set))}`;
      });
      // Wordings other than the seed's plain ones say how they were read: "\"H\" read as Bigger is better".
      return [
        polarityWords(polarity),
        target,
        ...tolerances,
        unitWords,
        ...definition.readings,
      ].join("; ");
    }
  }
}

function describeTolerance(
  tolerance: Tolerance | undefined,
  figure: (value: number) => string,
  alternative: boolean
): string {
  if (!tolerance) return alternative ? "as standard" : "none";
  switch (tolerance.kind) {
    case "none":
      return alternative ? "as standard" : "none (Green or Red only)";
    case "figure":
      return figure(tolerance.value);
    case "range":
      return `${figure(tolerance.low)}-${figure(tolerance.high)}`;
    case "suspended":
      return "suspended";
    case "problem":
      return `unreadable (${tolerance.problem})`;
  }
}
