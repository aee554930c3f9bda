/**
 * A row's own definition from its threshold cells: its polarity, target and tolerance at a set of
 * threshold columns (a year's, or the table's), each read in the unit its header gives plain numbers.
 */
import type { CellValue } from "../values/cell";
import type { Definition, FiguresUnit } from "../definition/definition";
import { unitFromMeasure } from "../definition/units";
import { isPercentFormat, readValue } from "../definition/written-figures";
import { readMargin } from "../definition/margins";
import type { ThresholdCells } from "./definition-memo";
import type { ThresholdColumn } from "./threshold-columns";
import { setAt, unqualifiedSet, type ThresholdSet } from "./table-columns";
import { cellAt, formatAt, type TableReading } from "./table-reading";

/** The row's own definition from its polarity, a set of target and tolerance columns, and its unit, shared with rows worded alike. */
export function ownDefinition(
  reading: TableReading,
  row: number,
  rowValues: readonly CellValue[],
  measure: string,
  polarity: CellValue,
  set: ThresholdSet
): Definition {
  const { layout } = reading;
  const rowFormats = reading.grid.numberFormats[row];
  const unit = cellAt(rowValues, layout.unit);
  // A year's own column left blank on this row gives way to the table's unqualified one.
  const targetColumn =
    set.fallback === undefined || cellAt(rowValues, set.target?.column) !== null
      ? set.target
      : set.fallback.target;
  const standardColumn =
    set.fallback === undefined || cellAt(rowValues, set.standard?.column) !== null
      ? set.standard
      : set.fallback.standard;
  const targetFormat = formatAt(rowFormats, targetColumn?.column);
  const toleranceFormat = formatAt(rowFormats, standardColumn?.column);
  const target = inHeaderUnit(cellAt(rowValues, targetColumn?.column), targetColumn, targetFormat);
  const tolerance = inHeaderUnit(
    cellAt(rowValues, standardColumn?.column),
    standardColumn,
    toleranceFormat
  );
  const cells = set.rowCells;
  cells.measure = measure;
  cells.polarity = polarity;
  cells.target = target;
  cells.tolerance = tolerance;
  cells.targetFormat = targetFormat;
  cells.toleranceFormat = toleranceFormat;
  cells.unit = unit;
  cells.measureUnit = unitFromMeasure(measure);
  // Only where nothing else can state the unit is it worth looking at every figure of the row.
  cells.figuresUnit =
    unit === null && cells.measureUnit === null
      ? unitOfFigures(reading, rowValues, rowFormats)
      : null;
  for (let index = 0; index < cells.others.length; index++) {
    // A year's column of a set left blank on this row gives way to the set's unqualified one, as the
    // standard tolerance does.
    const own = set.others[index];
    const column =
      set.fallback === undefined || cellAt(rowValues, own.column) !== null
        ? own
        : (set.fallback.others.find((other) => other.set === own.set) ?? own);
    const format = formatAt(rowFormats, column.column);
    cells.others[index].cell = inHeaderUnit(cellAt(rowValues, column.column), column, format);
    cells.others[index].format = format;
  }
  const stretchColumn =
    set.fallback?.stretch === undefined || cellAt(rowValues, set.stretch?.column) !== null
      ? set.stretch
      : set.fallback.stretch;
  if (stretchColumn !== undefined && cells.stretch !== undefined) {
    cells.stretch.format = formatAt(rowFormats, stretchColumn.column);
    cells.stretch.cell = inHeaderUnit(
      cellAt(rowValues, stretchColumn.column),
      stretchColumn,
      cells.stretch.format
    );
  }
  return reading.definitions.wordings.definitionOf(set.root, cells);
}

export const noOtherSets: ThresholdCells["others"] = [];

/**
 * The unit the row's period figures are written in, where they say one: percent where any is a percentage
 * (a number formatted as %, or "23%"), else days where any is written in days ("13 days"), else null.
 */
export function unitOfFigures(
  reading: TableReading,
  rowValues: readonly CellValue[],
  rowFormats: readonly string[] | undefined
): FiguresUnit | null {
  const { periods } = reading.columns;
  let days = false;
  for (let index = 0; index < periods.length; index++) {
    const { column } = periods[index];
    const value = cellAt(rowValues, column);
    if (typeof value === "number") {
      if (isPercentFormat(formatAt(rowFormats, column))) return "percent";
    } else if (typeof value === "string" && (value.includes("%") || /day/i.test(value))) {
      const read = readValue(value, formatAt(rowFormats, column));
      if (read.kind !== "figure") continue;
      if (read.percent) return "percent";
      if (read.unit === "days") days = true;
    }
  }
  return days ? "days" : null;
}

const plainNumber = /^\s*\d+(?:\.\d+)?\s*$/;

/**
 * A threshold cell read in the unit its header gives plain numbers: 3 under "Tolerance (pp)" is a margin of
 * 3 percentage points, 90 under "Target (%)" is 90%, 20 under "Target (days)" is 20 days. A cell formatted
 * as a percentage, text, and fractions under "(%)" (which the row's scale decides) are read as written.
 */
function inHeaderUnit(
  cell: CellValue,
  column: ThresholdColumn | undefined,
  format: string
): CellValue {
  const read = inUnit(cell, column, format);
  return column?.margin ? asMargin(read, format) : read;
}

/**
 * A figure under a margin header ("Tolerance (±)") as the margin it is: 40 is ±40 in the measure's own unit,
 * a cell showing 5% is ±5% (of the target's value, as `±5%` written in the cell is), "3pp" is ±3pp. A cell
 * already written as a margin, and text that is no figure, are read as written.
 */
function asMargin(cell: CellValue, format: string): CellValue {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return cell;
    return isPercentFormat(format) ? `±${Number((cell * 100).toPrecision(12))}%` : `±${cell}`;
  }
  if (typeof cell !== "string" || readMargin(cell)?.ok) return cell;
  const margin = `±${cell.trim()}`;
  return readMargin(margin)?.ok ? margin : cell;
}

function inUnit(cell: CellValue, column: ThresholdColumn | undefined, format: string): CellValue {
  const unit = column?.unit;
  if (unit === undefined || cell === null) return cell;
  const figure =
    typeof cell === "number"
      ? cell
      : typeof cell === "string" && plainNumber.test(cell)
        ? Number(cell)
        : null;
  if (figure === null || !Number.isFinite(figure) || isPercentFormat(format)) return cell;
  switch (unit) {
    case "percentage points":
      return `${figure} percentage points`;
    case "percent":
      return figure > 1 ? `${figure}%` : cell;
    case "days":
      return `${figure} days`;
    case "rate":
      return cell;
  }
}

/**
 * The row's definition for a period whose year cannot be told ("Latest" beside per-year thresholds), where
 * every year would rate it alike (its year columns blank, the unqualified ones standing in): which year the
 * period falls in then does not matter. Undefined where any two years differ, or a year has no target.
 */
export function sameInEveryYear(
  reading: TableReading,
  row: number,
  rowValues: readonly CellValue[],
  measure: string,
  polarity: CellValue,
  inRowScale: (definition: Definition) => Definition | undefined
): Definition | undefined {
  const { columns } = reading;
  // Without an unqualified target, a year the table does not name has none: the period may fall in one.
  if (columns.thresholds.target === undefined) return undefined;
  let found: Definition | undefined;
  for (let index = unqualifiedSet; index < columns.yearSets.length; index++) {
    const read = inRowScale(
      ownDefinition(reading, row, rowValues, measure, polarity, setAt(columns, index))
    );
    if (read === undefined) return undefined;
    if (read.wording.target === null || (found !== undefined && read !== found)) return undefined;
    found = read;
  }
  return found;
}
