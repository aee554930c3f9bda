/** Reads a KPI's wording into its definition: each cell on its own, then the unit, the scale and the standing. */
import { isExcelError, type CellValue } from "../values/cell";
import type { PercentScale, Unit } from "./units";
import { readUnitWord, unitFromMeasure } from "./units";
import { readPolarityWording } from "./polarity";
import { readThreshold, type Threshold } from "./wording";
import { standardFirst, standardSet } from "./tolerance-set";
import type { Words } from "./words";
import type { Definition, DefinitionWording } from "./definition";
import { standingOf, type CellsRead } from "./standing";
import { benchmarkRuleOf, readBenchmarkTarget } from "./benchmark-target";
import { bareWholeNumber, withTargetMargin } from "./tolerance-reading";

/**
 * Reads a KPI's wording into a definition, with the words the workbook teaches. A target written against
 * a benchmark ("Better than England") gives the definition of the rest of the wording (unit, polarity,
 * how percentages are kept) with that target's standing. Never throws.
 */
export function readDefinition(wording: DefinitionWording, words?: Words): Definition {
  const benchmarkTarget = readBenchmarkTarget(wording.target);
  if (benchmarkTarget === null) return readOwnThresholds(wording, words);
  const others = Object.fromEntries(
    Object.keys(wording.otherTolerances ?? {}).map((name) => [name, null])
  );
  const rest = readOwnThresholds(
    { ...wording, target: null, tolerance: null, otherTolerances: others, formats: undefined },
    words
  );
  return { ...rest, wording, standing: benchmarkRuleOf(rest, benchmarkTarget, wording) };
}

/** A definition whose target and tolerances are figures, ranges or words (not a benchmark). */
function readOwnThresholds(wording: DefinitionWording, words: Words | undefined): Definition {
  const cells = readCells(wording, words);
  const thresholds = [cells.target, ...cells.tolerances.map((tolerance) => tolerance.read)].flatMap(
    (read) => (read.ok ? [read.value] : [])
  );
  const measure = typeof wording.measure === "string" ? wording.measure.trim() : "";
  const { unit, problems } = unitOfThresholds(
    wording.unit,
    thresholds,
    measure,
    wording.figuresUnit
  );
  // Thresholds written as bare whole numbers (90) say the sheet keeps whole-number percentages. Written
  // as "90%" they say nothing about the figures: the row's values decide, or, for a lone value, its size.
  const scale: PercentScale | undefined =
    unit === "percent" && thresholds.some(bareWholeNumber) ? "whole" : undefined;
  const polarityReading =
    cells.polarity.ok && cells.polarity.value.kind !== "none"
      ? cells.polarity.value.reading
      : undefined;
  const { standing, readings = [] } = standingOf(
    cells,
    [...cells.problems, ...problems],
    wording,
    unit
  );
  const toleranceSets = standardFirst(Object.keys(wording.otherTolerances ?? {}));
  return {
    unit,
    scale,
    toleranceSets,
    wording,
    readings: [...(polarityReading ? [polarityReading] : []), ...readings],
    ...(words ? { words } : {}),
    standing,
  };
}

function readCells(wording: DefinitionWording, words: Words | undefined): CellsRead {
  const polarity = readPolarityWording(wording.polarity, words);
  const target = readThreshold(wording.target, wording.formats?.target, words);
  const tolerances = [
    {
      name: standardSet,
      read: withTargetMargin(
        target,
        readThreshold(wording.tolerance, wording.formats?.tolerance, words),
        wording.tolerance
      ),
    },
    ...Object.keys(wording.otherTolerances ?? {}).map((name) => ({
      name,
      read: readThreshold(
        wording.otherTolerances?.[name] ?? null,
        wording.formats?.otherTolerances?.[name],
        words
      ),
    })),
  ];
  const problems = [
    ...(polarity.ok ? [] : [polarity.problem]),
    ...(target.ok ? [] : [`the target: ${target.problem}`]),
  ];
  const stretch =
    wording.stretch === undefined || wording.stretch === null
      ? undefined
      : readThreshold(wording.stretch, wording.formats?.stretch, words);
  return { polarity, target, tolerances, ...(stretch ? { stretch } : {}), problems };
}

/**
 * The unit a KPI is in: the Unit column's, else the one its thresholds are written in, else its measure's
 * ("days to ..."), else a count. A unit word the add-in does not know, or thresholds that disagree with
 * each other, with the Unit column or with the measure's own unit, are problems.
 */
function unitOfThresholds(
  unitCell: CellValue | undefined,
  thresholds: readonly Threshold[],
  measure: string,
  figuresUnit: Unit | undefined
): { unit: Unit; problems: string[] } {
  const problems: string[] = [];
  const unitWord =
    unitCell === undefined || unitCell === null
      ? ""
      : isExcelError(unitCell)
        ? unitCell.error
        : String(unitCell);
  const explicitUnit = unitWord.trim() === "" ? null : readUnitWord(unitWord);
  if (unitWord.trim() !== "" && explicitUnit === null)
    problems.push(
      `the unit "${unitWord}" is not one the add-in knows (use %, days, rate or count)`
    );
  const writtenUnits = [
    ...new Set(
      thresholds.flatMap((threshold) =>
        "unit" in threshold && threshold.unit ? [threshold.unit] : []
      )
    ),
  ];
  if (writtenUnits.length > 1)
    problems.push(
      `the target and tolerances are written in different units (${writtenUnits.join(" and ")})`
    );
  if (explicitUnit && writtenUnits.length === 1 && writtenUnits[0] !== explicitUnit) {
    problems.push(
      `the thresholds are written in ${writtenUnits[0]} but the unit says ${explicitUnit}`
    );
  }
  const measureUnit = unitFromMeasure(measure);
  // "Timeliness (days)" under "Tolerance (pp)": which one the figures are in cannot be told. ("Rate of
  // children adopted" under a 19% target is no conflict: a rate in words is often a percentage.)
  const daysAndPercent = [writtenUnits[0], measureUnit].sort().join(" ") === "days percent";
  if (!explicitUnit && writtenUnits.length === 1 && daysAndPercent)
    problems.push(
      `the thresholds are written in ${writtenUnits[0]} but the measure says ${measureUnit}`
    );
  const unit = explicitUnit ?? writtenUnits[0] ?? measureUnit ?? figuresUnit ?? "count";
  return { unit, problems };
}
/** A definition that cannot be rated for a reason found outside its own words (an unknown KPI id, mixed scales). */
export function unreadableDefinition(wording: DefinitionWording, problem: string): Definition {
  return { ...readDefinition(wording), standing: { kind: "check", problems: [problem] } };
}
