/** A definition in the analyst's words, as the pane and the report show "how the add-in read this row". */
import { polarityWords, type Definition, type Tolerance } from "./definition";
import { isStandardSet, toleranceSetKey } from "./tolerance-set";
import { describeFigure } from "./units";

export function describeDefinition(definition: Definition): string {
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
      return `No target (${standing.reason})`;
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
