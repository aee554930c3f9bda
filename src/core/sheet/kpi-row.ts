/**
 * Reading a table's rows one by one: whether a row is a KPI row (or a section, label or footnote row),
 * its measure (with the "(a)" row its sub-rows hang under), its period cells, and the definition that
 * rates it, its own or the register's, with each period's own year's where the table names years.
 */
import type { BenchmarkCell } from "../rating/benchmark-names";
import type { CellValue } from "../values/cell";
import type { Definition } from "../definition/definition";
import { unreadableDefinition } from "../definition/read-definition";
import { decideScale, periodScale } from "../definition/scale";
import type { Grid } from "../values/grid";
import { chooseDefinition, mayNameEntry, type ChosenDefinition } from "../register/row-definition";
import { isFootnote } from "./footnotes";
import { benchmarkCellsOf, rankingsOf, type Ranking } from "./row-benchmarks";
import { ownDefinition, sameInEveryYear } from "./row-thresholds";
import {
  latestSet,
  noThresholdForYear,
  unknownYear,
  setAt,
  unqualifiedSet,
  type ThresholdSet,
} from "./table-columns";
import { cellAt, textOf, type RowsRead, type TableReading } from "./table-reading";
import { periodCells, type PeriodCell } from "./period-cells";
import { periodOfHeadline } from "./time-order";

export type { PeriodCell };

export interface KpiRow {
  /** Sheet row, 0-based. */
  row: number;
  /** The register id the row was matched to (from a KPI number, or a row reference the workbook's register knows). */
  id?: string;
  /** The row's own reference as written in a Ref, No., ID or Code column. */
  reference?: string;
  measure: string;
  section: string;
  /** Where the thresholds came from: the row itself, the workbook's register table, or the catalogue. */
  source: "sheet" | "workbook" | "catalogue";
  definition: Definition;
  problems: readonly string[];
  cells: PeriodCell[];
  /** England, region and statistical-neighbour figures beside the periods, or from the register entry. */
  benchmarks?: BenchmarkCell[];
  /** Quartile and rank columns, as text to show: { label: "England quartile 2021/22", text: "Top quartile" }. */
  rankings?: Ranking[];
}

const subRowPattern = /^\(?([a-z])\)\s*/i;
const opensSubRowsPattern = /\s\(?a\)\s/i;
const closingBracket = ")".charCodeAt(0);

/**
 * The year's thresholds a period cell is rated by: its own year's, or for a headline column that names no
 * year (Latest, Year to date) the year of the period it stands for on the row, where the row shows it.
 */
function yearSetOf(
  cells: readonly PeriodCell[],
  periodSets: readonly number[],
  index: number
): number {
  const set = periodSets[index];
  if (set !== unknownYear || !cells[index].headline) return set;
  const period = periodOfHeadline(cells, cells[index]);
  return period === undefined ? set : periodSets[cells.indexOf(period)];
}

/** Whether a row holds a target or tolerance of any year. */
function hasYearThresholds(
  rowValues: readonly CellValue[],
  yearSets: readonly ThresholdSet[]
): boolean {
  return yearSets.some(
    (set) =>
      cellAt(rowValues, set.target?.column) !== null ||
      cellAt(rowValues, set.standard?.column) !== null
  );
}

/** Whether a row holds a polarity, target or tolerance of its own, the table's or any year's. */
function hasThresholdCells(reading: TableReading, rowValues: readonly CellValue[]): boolean {
  const { layout, columns } = reading;
  return (
    cellAt(rowValues, layout.polarity) !== null ||
    cellAt(rowValues, columns.thresholds.target?.column) !== null ||
    cellAt(rowValues, columns.thresholds.standard?.column) !== null ||
    (columns.yearSets.length > 0 && hasYearThresholds(rowValues, columns.yearSets))
  );
}

/** One row of a table: a KPI row, or null for a section, label, footnote or blank row (a section row sets the section). */
export function readRow(reading: TableReading, row: number, read: RowsRead): KpiRow | null {
  const rowValues = reading.grid.values[row];
  if (rowValues === undefined || rowValues.length === 0) return null;
  const measureText = kpiRowMeasure(reading, row, rowValues, read);
  return measureText === null ? null : kpiRow(reading, row, rowValues, measureText, read);
}

/**
 * The measure of a KPI row as written, or null for a section, label or footnote row, whose section it
 * takes up. A string, not an object of the cells read: a row makes nothing to say it is a KPI row.
 */
function kpiRowMeasure(
  reading: TableReading,
  row: number,
  rowValues: readonly CellValue[],
  read: RowsRead
): string | null {
  const { grid, merges, layout, columns } = reading;
  if (layout.section !== undefined) {
    const sectionCell = textOf(merges.value(row, layout.section));
    if (sectionCell !== "") read.section = sectionCell;
  }
  const measureCell = cellAt(rowValues, layout.measure);
  const measureText = textOf(measureCell);
  const idCell = cellAt(rowValues, columns.idColumn);
  let hasFigures = false;
  // Loops by index on a row's path: a for…of makes an iterator and a result a step until V8 compiles it.
  for (let index = 0; index < columns.periods.length; index++)
    if (cellAt(rowValues, columns.periods[index].column) !== null) {
      hasFigures = true;
      break;
    }
  if (measureText === "" && idCell === null) {
    // A section label in a column of its own, or merged across the table, with nothing else on the row.
    if (!hasFigures && !hasThresholdCells(reading, rowValues)) {
      const label = soleText(grid, row, columns.first, columns.last);
      if (label !== null && !isFootnote(label)) read.section = label.replace(/\s+/g, " ").trim();
    }
    return null;
  }
  if (
    isFootnote(typeof measureCell === "string" ? measureCell : measureText) ||
    (measureText === "" && typeof idCell === "string" && isFootnote(idCell))
  )
    return null;
  if (
    !hasFigures &&
    (idCell === null || (measureText === "" && typeof idCell === "string")) &&
    !hasThresholdCells(reading, rowValues)
  ) {
    // A label row inside the table: a section heading such as "Looked After Children".
    read.section = measureText || textOf(idCell);
    return null;
  }
  return measureText;
}

/** A KPI row: its measure, period cells, the definition that rates it (its own or the register's), benchmarks and rankings. */
function kpiRow(
  reading: TableReading,
  row: number,
  rowValues: readonly CellValue[],
  measureText: string,
  read: RowsRead
): KpiRow {
  const { layout, columns } = reading;
  const idCell = cellAt(rowValues, columns.idColumn);
  const polarity = cellAt(rowValues, layout.polarity);
  const measure = measureOfSubRow(measureText, read);
  const cells = periodCells(reading, row, rowValues);
  if (
    typeof polarity === "string" &&
    read.polarityCodes.size <= 4 &&
    polarity.length <= 5 &&
    polarity.trim().length <= 3
  )
    read.polarityCodes.add(polarity.trim());
  const { periodSets } = columns;
  const rowSet = periodSets === undefined ? unqualifiedSet : latestSet(periodSets);
  // Without an id that may name a register entry there is no register to ask: the row's own words rate it
  // (and no choice is made, so most rows make no object for one).
  const chosen: ChosenDefinition | undefined = mayNameEntry(
    idCell,
    columns.idKind,
    reading.register
  )
    ? chooseDefinition({
        idCell,
        idKind: columns.idKind,
        hasThresholds: hasThresholdCells(reading, rowValues),
        measure,
        cells,
        register: reading.register,
        own: ownDefinitionReader(reading, row, rowValues, measure, polarity, rowSet),
      })
    : undefined;
  const source = chosen === undefined ? "sheet" : chosen.source;
  const chosenDefinition =
    chosen === undefined
      ? rowOwnDefinition(reading, row, rowValues, measure, polarity, rowSet)
      : chosen.definition;
  const scale = decideScale(chosenDefinition, cells);
  const definition = scale.ok
    ? reading.definitions.scaled(chosenDefinition, scale.value)
    : unreadableDefinition(chosenDefinition.wording, scale.problem);
  if (periodSets !== undefined && source === "sheet" && columns.problems.length === 0) {
    // Each period rated against its own year's thresholds: cells of another year than the row's get theirs.
    // A year whose target the row leaves blank (with no unqualified one) has none: No target, naming the year.
    // Made at its length (the years' sets and the two below them): written at its second place first, a list
    // made empty grows to seventeen places, for every row (0.4 MB on the bench's varied sheet of 10,000 rows).
    // null: the set gives the row no thresholds, so each such period is No target naming its own year.
    const ofSet = new Array<Definition | null | undefined>(columns.yearSets.length + 3);
    // A year's percentages are kept as the row keeps them (see periodScale).
    const inRowScale = (own: Definition): Definition | undefined => {
      const decided = periodScale({ definition: chosenDefinition, scale }, own, cells);
      return decided.ok ? reading.definitions.scaled(own, decided.value) : undefined;
    };
    // A row with no target in any year (a count beside its rate) says so once, not "none for 2023/24" a year.
    const targetInNoYear =
      definition.standing.kind === "no target" && !hasYearThresholds(rowValues, columns.yearSets);
    for (let index = 0; index < cells.length; index++) {
      const set = yearSetOf(cells, periodSets, index);
      let own = ofSet[set + 3];
      if (own === undefined) {
        const read =
          set === rowSet
            ? definition
            : set === unknownYear
              ? sameInEveryYear(reading, row, rowValues, measure, polarity, inRowScale)
              : set === noThresholdForYear
                ? undefined
                : (inRowScale(
                    ownDefinition(reading, row, rowValues, measure, polarity, setAt(columns, set))
                  ) ?? definition);
        // The unqualified columns stand in for a year only with a target: a tolerance alone leaves it none.
        own =
          read === undefined ||
          ((set >= 0 || columns.thresholds.target === undefined) && read.wording.target === null)
            ? null
            : read;
        ofSet[set + 3] = own;
      }
      const rated =
        own ??
        (targetInNoYear
          ? definition
          : reading.definitions.withoutThresholds(definition, cells[index].period));
      if (rated !== definition) cells[index].definition = rated;
    }
  }
  const reference =
    layout.reference === undefined
      ? undefined
      : textOf(cellAt(rowValues, layout.reference)) || undefined;
  const ownProblems = reading.definitions.problems(definition);
  // Most rows have none: they share the definition's own list rather than each copying it.
  const problems =
    chosen === undefined || chosen.problems.length === 0
      ? ownProblems
      : [...ownProblems, ...chosen.problems];
  const benchmarks = benchmarkCellsOf(reading, row, rowValues, chosen?.benchmarks);
  const rankings = rankingsOf(reading, rowValues);
  read.lastRow = row;
  // Written out whole, one shape for every row (a spread after other properties is a slow copy each time).
  return {
    row: reading.grid.origin.row + row,
    id: chosen?.id,
    reference,
    measure,
    section: read.section,
    source,
    definition,
    problems,
    cells,
    benchmarks,
    rankings,
  };
}

/** The row's own definition from its thresholds at a set of `periodSets`, or why the table's cannot be read. */
function rowOwnDefinition(
  reading: TableReading,
  row: number,
  rowValues: readonly CellValue[],
  measure: string,
  polarity: CellValue,
  rowSet: number
): Definition {
  const { columns } = reading;
  return columns.problems.length > 0
    ? unreadableDefinition(
        { measure, polarity, target: null, tolerance: null },
        columns.problems[0]
      )
    : ownDefinition(reading, row, rowValues, measure, polarity, setAt(columns, rowSet));
}

/**
 * `rowOwnDefinition`, read when the register asks for it. Made here, not in `kpiRow`: a closure there would
 * make V8 keep kpiRow's variables in an object made for every row, with an id or without.
 */
function ownDefinitionReader(...at: Parameters<typeof rowOwnDefinition>): () => Definition {
  return () => rowOwnDefinition(...at);
}

/** A measure written "(b) … " under the row that opened "(a)" sub-rows is read with that row's measure before it. */
function measureOfSubRow(measureText: string, read: RowsRead): string {
  if (!measureText.includes(")")) {
    read.subRowParent = "";
    return measureText;
  }
  // Each pattern is tried only where its ")" stands: after an "a" to open sub-rows, second or third to be
  // one. Most measures with a ")" end "(days)" or "(1)", and were matched against both only to fail.
  const opensSubRows =
    measureText.includes("a)") || measureText.includes("A)")
      ? opensSubRowsPattern.exec(measureText)
      : null;
  if (opensSubRows) {
    read.subRowParent = measureText.slice(0, opensSubRows.index).trim();
    return measureText;
  }
  const subRow =
    measureText.charCodeAt(1) === closingBracket || measureText.charCodeAt(2) === closingBracket
      ? subRowPattern.exec(measureText)
      : null;
  if (!subRow) read.subRowParent = "";
  return subRow && read.subRowParent !== "" ? `${read.subRowParent} ${measureText}` : measureText;
}

/** The one text cell of a row between two columns, or null when the row holds more or none. */
function soleText(grid: Grid, row: number, first: number, last: number): string | null {
  const cells = grid.values[row] ?? [];
  let found: string | null = null;
  for (let column = first; column <= last && column < cells.length; column++) {
    const cell = cells[column];
    if (cell === null || (typeof cell === "string" && cell.trim() === "")) continue;
    if (typeof cell !== "string" || found !== null) return null;
    found = cell;
  }
  return found;
}
