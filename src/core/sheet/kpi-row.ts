/**
 * Reading a table's rows one by one: whether a row is a KPI row (or a section, label or footnote row),
 * its measure (with the "(a)" row its sub-rows hang under), its period cells, and the definition that
 * rates it, its own or the register's, with each period's own year's where the table names years.
 */
import type { BenchmarkCell } from "../rating/benchmark-names";
import type { CellValue } from "../values/cell";
import type { Definition } from "../definition/definition";
import { unreadableDefinition } from "../definition/read-definition";
import { decideScale } from "../definition/scale";
import type { Grid } from "../values/grid";
import {
  chooseDefinition,
  mayNameEntry,
  noProblems,
  type ChosenDefinition,
} from "../register/row-definition";
import { headerText } from "./headers";
import { benchmarkCellsOf, rankingsOf, type Ranking } from "./row-benchmarks";
import { ownDefinition } from "./row-thresholds";
import {
  latestSet,
  noThresholdForYear,
  setAt,
  unqualifiedSet,
  type ThresholdSet,
} from "./table-columns";
import { cellAt, formatAt, textOf, type RowsRead, type TableReading } from "./table-reading";

/** A period's cell of a KPI row. Its A1 address is `cellAddress(cell)`, worked out when shown: a sheet of 10,000 rows would otherwise keep 40,000 address strings alive that no rule needs. */
export interface PeriodCell {
  period: string;
  /** Sheet row, 0-based. */
  row: number;
  /** Sheet column, 0-based. */
  column: number;
  value: CellValue;
  numberFormat: string;
  /**
   * The definition that rates this cell where it is not its row's: a period rated against its own year's
   * target (a table with `Target 2023/24`), or an Actual figure against its own period's Target.
   */
  definition?: Definition;
  /** A headline column's cell (`Latest`, `Year to date`): rated like a period, left out of the direction of travel. */
  headline?: true;
}

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

/**
 * Rows under a table that are never KPIs, whatever sits beside them: footnotes ("*Figures for Q2 are
 * provisional", "Note: …", "Source: …"), keys and legends ("Key", "N/A  Data not available", "R = Red",
 * "Data in italics are provisional").
 */
const footnotePattern =
  /^(?:[*†‡]|notes?\b|sources?\b|key\s*(?:[:\-–—]|to\b|$)|(?:data|figures?) (?:shown )?in (?:italics|bold|grey|gray|red|blue)\b|italics\b)/i;
const legendPattern =
  /^(?:n\/a|na|n\.a\.|c|z|k|x|u|\.\.|-|–|r|a|g|b|red|amber|green|blue|↑|↓|→|←|▲|▼|⬆|⬇|↔)(?:\s{2,}|\s*[=:–—]\s*|\t)\S|^(?:n\/a|na|c|z|k|x|u|\.\.)\s+(?:data |figures? )?(?:not available|suppressed|not applicable|not yet available|not due|too small|withheld)/i;

export function isFootnote(text: string): boolean {
  const trimmed = text.trim();
  return footnotePattern.test(trimmed) || legendPattern.test(trimmed);
}

/** The cells of a row that hold its own thresholds. */
interface RowThresholds {
  polarity: CellValue;
  target: CellValue;
  tolerance: CellValue;
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

/** A row's cells that say whether it is a KPI row at all (one object per row, its thresholds among them). */
interface RowStart extends RowThresholds {
  measureText: string;
  idCell: CellValue;
  hasThresholds: boolean;
}

/** One row of a table: a KPI row, or null for a section, label, footnote or blank row (a section row sets the section). */
export function readRow(reading: TableReading, row: number, read: RowsRead): KpiRow | null {
  const rowValues = reading.grid.values[row];
  if (rowValues === undefined || rowValues.length === 0) return null;
  const start = kpiRowStart(reading, row, rowValues, read);
  return start === null ? null : kpiRow(reading, row, rowValues, start, read);
}

/** The start of a KPI row, or null for a section, label or footnote row, whose section it takes up. */
function kpiRowStart(
  reading: TableReading,
  row: number,
  rowValues: readonly CellValue[],
  read: RowsRead
): RowStart | null {
  const { grid, merges, layout, columns } = reading;
  if (layout.section !== undefined) {
    const sectionCell = textOf(merges.value(row, layout.section));
    if (sectionCell !== "") read.section = sectionCell;
  }
  const measureCell = cellAt(rowValues, layout.measure);
  const measureText = textOf(measureCell);
  const idCell = cellAt(rowValues, columns.idColumn);
  let hasFigures = false;
  for (const period of columns.periods)
    if (cellAt(rowValues, period.column) !== null) {
      hasFigures = true;
      break;
    }
  const polarity = cellAt(rowValues, layout.polarity);
  const target = cellAt(rowValues, columns.thresholds.target?.column);
  const tolerance = cellAt(rowValues, columns.thresholds.standard?.column);
  const hasThresholds =
    polarity !== null ||
    target !== null ||
    tolerance !== null ||
    (columns.yearSets.length > 0 && hasYearThresholds(rowValues, columns.yearSets));
  if (measureText === "" && idCell === null) {
    // A section label in a column of its own, or merged across the table, with nothing else on the row.
    if (!hasFigures && !hasThresholds) {
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
    !hasThresholds &&
    !hasFigures &&
    (idCell === null || (measureText === "" && typeof idCell === "string"))
  ) {
    // A label row inside the table: a section heading such as "Looked After Children".
    read.section = measureText || textOf(idCell);
    return null;
  }
  return { measureText, idCell, polarity, target, tolerance, hasThresholds };
}

/** A KPI row: its measure, period cells, the definition that rates it (its own or the register's), benchmarks and rankings. */
function kpiRow(
  reading: TableReading,
  row: number,
  rowValues: readonly CellValue[],
  start: RowStart,
  read: RowsRead
): KpiRow {
  const { measureText, idCell, polarity, hasThresholds } = start;
  const { layout, columns } = reading;
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
  // Without an id that may name a register entry there is no register to ask: the row's own words rate it.
  const chosen: ChosenDefinition = !mayNameEntry(idCell, columns.idKind, reading.register)
    ? {
        definition: rowOwnDefinition(reading, row, rowValues, measure, polarity, rowSet),
        source: "sheet",
        problems: noProblems,
      }
    : chooseDefinition({
        idCell,
        idKind: columns.idKind,
        hasThresholds,
        measure,
        cells,
        register: reading.register,
        own: ownDefinitionReader(reading, row, rowValues, measure, polarity, rowSet),
      });
  const scale = decideScale(chosen.definition, cells);
  const definition = scale.ok
    ? reading.definitions.scaled(chosen.definition, scale.value)
    : unreadableDefinition(chosen.definition.wording, scale.problem);
  if (periodSets !== undefined && chosen.source === "sheet" && columns.problems.length === 0) {
    // Each period rated against its own year's thresholds: cells of another year than the row's get theirs.
    // A year whose target the row leaves blank (with no unqualified one) has none: No target, saying so.
    const ofSet: Array<Definition | undefined> = [];
    for (let index = 0; index < cells.length; index++) {
      const set = periodSets[index];
      let own = ofSet[set + 2];
      if (own === undefined) {
        const read =
          set === rowSet
            ? definition
            : set === noThresholdForYear
              ? undefined
              : scale.ok
                ? reading.definitions.scaled(
                    ownDefinition(reading, row, rowValues, measure, polarity, setAt(columns, set)),
                    scale.value
                  )
                : definition;
        own =
          read === undefined || (set >= 0 && read.wording.target === null)
            ? reading.definitions.withoutThresholds(definition, cells[index].period)
            : read;
        ofSet[set + 2] = own;
      }
      if (own !== definition) cells[index].definition = own;
    }
  }
  const reference =
    layout.reference === undefined
      ? undefined
      : textOf(cellAt(rowValues, layout.reference)) || undefined;
  const ownProblems = reading.definitions.problems(definition);
  // Most rows have none: they share the definition's own list rather than each copying it.
  const problems =
    chosen.problems.length === 0 ? ownProblems : [...ownProblems, ...chosen.problems];
  const benchmarks = benchmarkCellsOf(reading, row, rowValues, chosen.benchmarks);
  const rankings = rankingsOf(reading, rowValues);
  read.lastRow = row;
  // Written out whole, one shape for every row (a spread after other properties is a slow copy each time).
  return {
    row: reading.grid.origin.row + row,
    id: chosen.id,
    reference,
    measure,
    section: read.section,
    source: chosen.source,
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
  const opensSubRows = opensSubRowsPattern.exec(measureText);
  if (opensSubRows) {
    read.subRowParent = measureText.slice(0, opensSubRows.index).trim();
    return measureText;
  }
  const subRow = subRowPattern.exec(measureText);
  if (!subRow) read.subRowParent = "";
  return subRow && read.subRowParent !== "" ? `${read.subRowParent} ${measureText}` : measureText;
}

export function periodCells(
  reading: TableReading,
  row: number,
  rowValues: readonly CellValue[]
): PeriodCell[] {
  const { grid, columns, layout } = reading;
  const rowFormats = grid.numberFormats[row];
  const sheetRow = grid.origin.row + row;
  if (layout.periodName !== undefined) {
    // A long table: the row's one figure, for the period its Period cell names.
    const { column } = columns.periods[0];
    const period = headerText(
      cellAt(rowValues, layout.periodName),
      formatAt(rowFormats, layout.periodName)
    );
    return [
      {
        period,
        row: sheetRow,
        column: grid.origin.column + column,
        value: cellAt(rowValues, column),
        numberFormat: formatAt(rowFormats, column),
      },
    ];
  }
  const cells = new Array<PeriodCell>(columns.periods.length);
  for (let index = 0; index < cells.length; index++) {
    const { label, column, headline } = columns.periods[index];
    cells[index] = {
      period: label,
      row: sheetRow,
      column: grid.origin.column + column,
      value: cellAt(rowValues, column),
      numberFormat: formatAt(rowFormats, column),
    };
    if (headline) cells[index].headline = true;
  }
  return cells;
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
