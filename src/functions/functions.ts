/**
 * The KPI custom functions: thin wrappers over the rating core. Each converts Excel's arguments, asks the
 * core, and turns a problem into Excel's own error only here, at the edge. Their JSDoc is the help Excel
 * shows in the formula bar, and custom-functions-metadata-plugin builds functions.json from it.
 *
 * The functions that ask for their arguments' addresses (`@requiresParameterAddresses`) return a 1×1 matrix:
 * Excel passes the addresses only to a function whose result has matrix dimensionality (custom functions
 * metadata reference, `requiresParameterAddresses`), and shows a 1×1 result as a single value.
 */
// From the core's own modules, not its index: this script holds only what the functions use (the pane's chunk has the rest).
import { bands, toleranceIn } from "../core/rating/bands";
import { kpiIdOfNumber } from "../core/register/kpi-id";
import {
  polarityWords,
  whyUnrated,
  withScale,
  type Definition,
} from "../core/definition/definition";
import { readDefinition } from "../core/definition/read-definition";
import { gapToTarget } from "../core/appraisal/gap";
import { readPolarity } from "../core/definition/polarity";
import { rate as rateValue } from "../core/rating/rate";
import { lookUp, type RegisterEntry } from "../core/register/register";
import { decideScale } from "../core/definition/scale";
import { resolveToleranceSet, standardSet } from "../core/definition/tolerance-set";
import { readValue } from "../core/definition/written-figures";
import {
  cellAsWritten,
  cellOf,
  cellsAsWritten,
  mostPeriods,
  refuseLargeRange,
  valueError,
} from "./arguments";
import { currentRegister, currentWorkbookChoices } from "../excel/workbook-register";
import type { Scheme } from "../core/rating/scheme";
import type { PreviousPeriod } from "../core/rating/rate";

/**
 * Argument `index` as its cell holds it, with its number format where Excel gives the address; a bare
 * number is read as a percentage where the KPI's figures are percentages, or where no KPI says.
 */
function writtenFor(
  definition: Definition | null,
  argument: unknown,
  invocation: CustomFunctions.Invocation | undefined,
  index: number
): ReturnType<typeof cellAsWritten> {
  const percent = definition === null || definition.unit === "percent";
  return cellAsWritten(argument, invocation?.parameterAddresses?.[index], percent);
}

async function entryFor(kpi: unknown): Promise<RegisterEntry> {
  const written = cellOf(kpi);
  // Appendix A's KPI column holds 18 for KPI-18: a number names the same KPI as its id.
  const id = kpiIdOfNumber(written) ?? String(written ?? "").trim();
  if (id === "") throw valueError('Name a KPI, for example "KPI-18"');
  const register = await currentRegister();
  const entry = lookUp(register, id);
  if (!entry)
    throw valueError(
      `${id} is in neither the workbook's KPIRegister table nor the built-in catalogue`
    );
  return entry;
}

/** The workbook's scheme (its KPISettings table, or a KPIWords word): the same read as the pane's. */
async function currentScheme(): Promise<Scheme> {
  return (await currentWorkbookChoices()).settings.settings.scheme;
}

/**
 * The period before, for Amber by direction: the cell as written, or undefined where none is given (the
 * figure is then compared with nothing, and a figure beyond the tolerance is Red).
 */
async function previousFor(
  definition: Definition,
  argument: unknown,
  invocation: CustomFunctions.Invocation | undefined,
  index: number
): Promise<PreviousPeriod | undefined> {
  if (argument === undefined || argument === null) return undefined;
  const { cell, numberFormat } = await writtenFor(definition, argument, invocation, index);
  return { period: "the period before", value: cell, numberFormat };
}

function setName(toleranceSet: unknown, entry: RegisterEntry): string {
  const chosen = resolveToleranceSet(
    String(cellOf(toleranceSet) ?? ""),
    entry.definition.toleranceSets,
    `for ${entry.id}`
  );
  if (!chosen.ok) throw valueError(chosen.problem);
  return chosen.value;
}

/**
 * Rates a figure against a KPI's target and tolerance from the register, under the workbook's scheme (its KPISettings table); under Blue for exceeding, the register's Stretch column says where Blue starts.
 * @customfunction RATE
 * @helpurl https://localhost:3000/support.html#kpi-rate
 * @requiresParameterAddresses
 * @param value The figure to rate, as it stands in the sheet (a cell such as H12).
 * @param kpi The KPI's id, for example "KPI-18".
 * @param [toleranceSet] The tolerance set: "Standard" (the default) or "Covid19".
 * @param [previous] The period before on the row (a cell such as G12), for the Amber by direction scheme: beyond the tolerance, a figure better than it is Amber.
 * @returns Blue (Blue for exceeding scheme only), Green, Amber, Red, Suspended, No target, No data or Check definition.
 */
export async function rate(
  value: any,
  kpi: any,
  toleranceSet?: any,
  previous?: any,
  invocation?: CustomFunctions.Invocation
): Promise<string[][]> {
  const entry = await entryFor(kpi);
  const set = setName(toleranceSet, entry);
  const { cell, numberFormat } = await writtenFor(entry.definition, value, invocation, 0);
  const scheme = await currentScheme();
  const banding = bands(entry.definition, set, scheme);
  if (banding.kind === "benchmark") {
    // Rated against the register's figure for the benchmark, by code this script loads when first asked.
    const { rateInRow } = await import("../core/rating/benchmark-rating");
    const figure = { period: "", value: cell, numberFormat };
    return [[rateInRow(entry, figure, set, scheme, undefined, banding).status]];
  }
  const before = await previousFor(entry.definition, previous, invocation, 3);
  return [[rateValue(cell, entry.definition, set, numberFormat, scheme, before, banding).status]];
}

/**
 * Rates a figure against thresholds written in the formula, in the sheet's own wording, under the workbook's scheme (its KPISettings table).
 * @customfunction RAG
 * @helpurl https://localhost:3000/support.html#kpi-rag
 * @requiresParameterAddresses
 * @param value The figure to rate, as it stands in the sheet (a cell such as H12).
 * @param target As the sheet writes it: "90%", 0.9, "140 days", "10%-20%", "Suspended***"; "Less than 22%", "Fewer than 85", "Below", "Above" (strict); "At least 80%", "No more than 15%", "Minimum", "Maximum", ">=", "<="; "None" or "TBC" for no target.
 * @param tolerance As the sheet writes it: "75%", ">=75%", "No less than 70%", "-" for none, or a margin: "±5%", "5% tolerance", "within 5% of target" (5% of the target's value), "±5pp", "5 points" (percentage points).
 * @param polarity "Bigger is better", "Smaller is better", "In range is better", "Good is: High", "Aim to reduce", H or L, T (in range), "Monitoring only" (no target). Blank: the target decides ("At least 80%" is bigger is better).
 * @param [previous] The period before on the row (a cell such as G12), for the Amber by direction scheme: beyond the tolerance, a figure better than it is Amber.
 * @param [stretch] The stretch target (a cell such as $K12), for the Blue for exceeding scheme: a figure at or beyond it is Blue.
 * @returns Blue (Blue for exceeding scheme only), Green, Amber, Red, Suspended, No target, No data or Check definition.
 */
export async function rag(
  value: any,
  target: any,
  tolerance: any,
  polarity: any,
  previous?: any,
  stretch?: any,
  invocation?: CustomFunctions.Invocation
): Promise<string[][]> {
  const stretchCell = cellOf(stretch);
  const definition = readDefinition({
    polarity: cellOf(polarity),
    target: cellOf(target),
    tolerance: cellOf(tolerance),
    ...(stretchCell === null ? {} : { stretch: stretchCell }),
  });
  const { cell, numberFormat } = await writtenFor(definition, value, invocation, 0);
  const before = await previousFor(definition, previous, invocation, 4);
  const scheme = await currentScheme();
  return [[rateValue(cell, definition, standardSet, numberFormat, scheme, before).status]];
}

/**
 * A KPI's target from the register, as a number (90% is 0.9; a target range gives its lower end).
 * @customfunction TARGET
 * @helpurl https://localhost:3000/support.html#kpi-target
 * @param kpi The KPI's id, for example "KPI-18".
 * @returns The target.
 */
export async function target(kpi: any): Promise<number> {
  const entry = await entryFor(kpi);
  const { standing } = entry.definition;
  if (standing.kind !== "rated")
    throw valueError(`${entry.id} has no target to give: ${whyUnrated(standing)}`);
  return standing.polarity.kind === "range" ? standing.polarity.low : standing.target;
}

/**
 * A KPI's tolerance from the register, as a number (75% is 0.75).
 * @customfunction TOLERANCE
 * @helpurl https://localhost:3000/support.html#kpi-tolerance
 * @param kpi The KPI's id, for example "KPI-18".
 * @param [toleranceSet] The tolerance set: "Standard" (the default) or "Covid19".
 * @returns The tolerance: the threshold between Amber and Red (a tolerance range gives its lower end).
 */
export async function tolerance(kpi: any, toleranceSet?: any): Promise<number> {
  const entry = await entryFor(kpi);
  const set = setName(toleranceSet, entry);
  const { standing } = entry.definition;
  if (standing.kind !== "rated")
    throw valueError(`${entry.id} has no tolerance to give: ${whyUnrated(standing)}`);
  const chosen = toleranceIn(standing.tolerances, set);
  if (chosen.kind === "figure") return chosen.value;
  if (chosen.kind === "range") return chosen.low;
  if (chosen.kind === "none")
    throw valueError(
      `${entry.id} has no tolerance${set === standardSet ? "" : ` in the ${set} set`}: only Green and Red`
    );
  throw valueError(
    `${entry.id}: ${chosen.kind === "suspended" ? `the ${set} tolerance set suspends it` : chosen.problem}`
  );
}

/**
 * A KPI's polarity from the register, in the sheet's words.
 * @customfunction POLARITY
 * @helpurl https://localhost:3000/support.html#kpi-polarity
 * @param kpi The KPI's id, for example "KPI-18".
 * @returns Bigger is better, Smaller is better, In range is better, or the register's own wording.
 */
export async function polarity(kpi: any): Promise<string> {
  const entry = await entryFor(kpi);
  const { standing } = entry.definition;
  if (standing.kind === "rated") return polarityWords(standing.polarity);
  const written = cellOf(entry.wording.polarity);
  return written === null ? "No polarity" : String(written);
}

/**
 * A KPI's measure, as the register names it.
 * @customfunction NAME
 * @helpurl https://localhost:3000/support.html#kpi-name
 * @param kpi The KPI's id, for example "KPI-18".
 * @returns The measure's name.
 */
export async function name(kpi: any): Promise<string> {
  const entry = await entryFor(kpi);
  return entry.measure;
}

/**
 * How far a figure is from the KPI's target, positive when better than target (in the figure's units: 0.02 is 2 points of %).
 * @customfunction GAP
 * @helpurl https://localhost:3000/support.html#kpi-gap
 * @requiresParameterAddresses
 * @param value The figure, as it stands in the sheet.
 * @param kpi The KPI's id, for example "KPI-18".
 * @returns The distance from the target, positive when better.
 */
export async function gap(
  value: any,
  kpi: any,
  invocation?: CustomFunctions.Invocation
): Promise<number[][]> {
  const entry = await entryFor(kpi);
  const { cell, numberFormat } = await writtenFor(entry.definition, value, invocation, 0);
  const distance = gapToTarget(cell, entry.definition, numberFormat);
  if (!distance.ok) throw valueError(`${entry.id}: ${distance.problem}`);
  // A figure past the largest number Excel holds (400 digits written as text) has no gap to give.
  if (!Number.isFinite(distance.value))
    throw valueError(`${entry.id}: the figure is larger than any number Excel can hold`);
  return [[distance.value]];
}

/**
 * The direction of travel of a row or column of period figures, oldest first: two figures compare the last step, more give the trend of the whole series. Blanks are skipped.
 * @customfunction TREND
 * @helpurl https://localhost:3000/support.html#kpi-trend
 * @requiresParameterAddresses
 * @param periods The period figures, for example G5:I5 (at most 1,000 cells).
 * @param kpi The KPI's id, for example "KPI-18".
 * @returns Improved, Declined, No change, or No data when there are fewer than two figures.
 */
export async function trend(
  periods: any[][],
  kpi: any,
  invocation?: CustomFunctions.Invocation
): Promise<string[][]> {
  refuseLargeRange(periods, mostPeriods);
  const entry = await entryFor(kpi);
  const { cells, numberFormats } = await cellsAsWritten(
    periods,
    invocation?.parameterAddresses?.[0],
    entry.definition.unit === "percent"
  );
  // One scale for the whole series, decided as a sheet row's is, so 1, 2, 5 are all whole numbers.
  const scale = decideScale(
    entry.definition,
    cells.map((value, index) => ({ value, numberFormat: numberFormats?.[index] ?? "General" }))
  );
  if (!scale.ok) return [["Check definition"]];
  // Direction of travel is its own chunk (trend.js), loaded when a formula first asks for it.
  const { trend: trendOf } = await import("../core/rating/trend");
  const result = trendOf(cells, withScale(entry.definition, scale.value), numberFormats);
  return [[result.ok ? result.direction : result.status]];
}

/**
 * Compares a KPI's figure with a benchmark (England, the region, statistical neighbours), polarity-aware. Same means equal once both are rounded to the fewer decimals the sheet shows for either.
 * @customfunction COMPARE
 * @helpurl https://localhost:3000/support.html#kpi-compare
 * @requiresParameterAddresses
 * @param value The KPI's figure, as it stands in the sheet (a cell such as H12).
 * @param benchmark The benchmark's figure, for example the England cell on the same row.
 * @param kpi The KPI's id, for example "KPI-18", whose polarity the register gives; or the polarity itself, for example "Smaller is better".
 * @returns Better, Worse, Same or No data; No polarity for a measure with none, Check definition when the two cannot be compared.
 */
export async function compare(
  value: any,
  benchmark: any,
  kpi: any,
  invocation?: CustomFunctions.Invocation
): Promise<string[][]> {
  const written = cellOf(kpi);
  const wording = readPolarity(written);
  // A direction, or a context measure's wording ("Monitoring only"): either is the polarity itself.
  const byWording =
    wording.ok &&
    (wording.value.length > 0 || (typeof written === "string" && written.trim() !== ""));
  const definition = byWording ? null : (await entryFor(kpi)).definition;
  const figure = await writtenFor(definition, value, invocation, 0);
  const against = await writtenFor(definition, benchmark, invocation, 1);
  const cells = [
    { value: figure.cell, numberFormat: figure.numberFormat ?? "General" },
    { value: against.cell, numberFormat: against.numberFormat ?? "General" },
  ];
  // Polarity wording says nothing of the unit: a % on either figure makes them percentages.
  const percent = cells.some((cell) => {
    const read = readValue(cell.value, cell.numberFormat);
    return read.kind === "figure" && read.percent;
  });
  const base =
    definition ??
    readDefinition({
      polarity: written,
      target: null,
      tolerance: null,
      unit: percent ? "%" : null,
    });
  const scale = decideScale(base, cells);
  if (!scale.ok) return [["Check definition"]];
  // Comparing is loaded when first asked, so the script that registers the functions stays small.
  const { compareWithBenchmark } = await import("../core/rating/benchmarks");
  const comparison = compareWithBenchmark(
    withScale(base, scale.value),
    [{ period: "", ...cells[0] }],
    { benchmark: "the benchmark", year: "latest", ...cells[1] }
  );
  return [[comparison.verdict]];
}
