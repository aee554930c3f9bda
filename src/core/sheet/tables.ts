/**
 * Finding the KPI tables on a sheet, on a plain grid: header blocks (repeated down the sheet, one or two
 * rows, merged labels), then every row under them read into a definition with its period cells. Works the
 * same on a grid from Office.js or from ExcelJS.
 */
import type { BenchmarkCell } from "../rating/benchmark-names";
import { isExcelError, type CellValue } from "../values/cell";
import { describeColumns, type TableColumn } from "./column-map";
import { benchmarkKindOf } from "./comparators";
import {
  definitionProblems,
  withScale,
  type Definition,
  type DefinitionWording,
} from "../definition/definition";
import { readDefinition, unreadableDefinition } from "../definition/read-definition";
import { standardFirst, type ToleranceSet } from "../definition/tolerance-set";
import { cellAddress, columnLetters, type Grid } from "../values/grid";
import { isPercentFormat } from "../definition/wording";
import { headerText, knownRoleOfLabel, taughtHeadersOf, type TaughtHeaders } from "./headers";
import { layoutsAt, mergesOf, type Layout, type Merges } from "./layout";
import type { Register } from "../register/register";
import { builtInRegister } from "../register/register-reading";
import {
  chooseDefinition,
  mayNameEntry,
  noProblems,
  type ChosenDefinition,
} from "../register/row-definition";
import { whySkipped } from "./skipped";
import { yearOfPeriod, type YearKey } from "./period-year";
import type { ThresholdColumn } from "./threshold-columns";
import { unitFromMeasure, type PercentScale } from "../definition/units";
import { decideScale } from "../definition/scale";
import type { Words } from "../definition/words";
import { withFlagKey } from "./sheet-key";

export interface Period {
  label: string;
  /** Sheet column, 0-based. */
  column: number;
  /** A headline column (`Latest`, `Current`, `Year to date`, `Previous`): it repeats a period's figure. */
  headline?: true;
}

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

/** A standing against a benchmark as the sheet writes it: a quartile ("A", "Top quartile") or a rank ("12th of 152"). */
export interface Ranking {
  label: string;
  text: string;
}

export interface KpiTable {
  sheet: string;
  /** Sheet rows (0-based) of the header block. */
  headerRows: number[];
  /** A1 address of the table, header to last row. */
  address: string;
  toleranceSets: string[];
  periods: Period[];
  /** Every headed column of the table with the role it was read in. */
  columns: TableColumn[];
  /** The column map in one line: "B measure, C polarity (H/L), N target, F–K periods; L DoT, M RAG left alone". */
  columnMap: string;
  /** Why the table as a whole cannot be rated, or what in its header was not understood; [] for most. */
  problems: string[];
  rows: KpiRow[];
}

export interface FoundTables {
  sheet: string;
  tables: KpiTable[];
  /** Why the sheet has no KPI table, in words, naming the nearest miss; undefined when it has one. */
  skipped?: string;
}

/**
 * The tolerance sets an analyst can choose on a sheet, Standard first: the sheet's tolerance columns, and
 * the sets of register entries its KPI-number rows are rated from. Sets are one set however spelled.
 */
export function toleranceSetsOf(found: ReadonlyArray<FoundTables>): ToleranceSet[] {
  return standardFirst(
    found.flatMap(({ tables }) =>
      tables.flatMap((table) => [
        ...table.toleranceSets,
        ...table.rows.flatMap((row) => row.definition.toleranceSets),
      ])
    )
  );
}

/** What the add-in looks for, said to an analyst when it finds nothing. */
export const lookingFor =
  "A header row with a Measure column, a Polarity and Target column (or a KPI number column), and one column per period such as 2019/20 or Apr-21.";

export interface FindOptions {
  /** The words the workbook teaches (its KPIWords table): its headers and its rows' polarity, threshold and no-data words are read with them. */
  words?: Words;
}

/** Finds the KPI tables on a sheet, reading its headers and rows with the words the workbook teaches (its KPIWords table). */
export function findTables(
  grid: Grid,
  register: Register = builtInRegister,
  options: FindOptions = {}
): FoundTables {
  const words = withFlagKey(options.words, grid);
  const taught = taughtHeadersOf(words);
  const merges = mergesOf(grid);
  const layouts: Layout[] = [];
  let above = 0;
  for (let row = 0; row < grid.values.length; row++) {
    const found = layoutsAt(grid, merges, row, above, taught);
    if (found.length > 0) {
      for (const layout of found) layouts.push(layout);
      const last = found[0].headerRows[found[0].headerRows.length - 1];
      row = last;
      above = last + 1;
    }
  }
  const tables: KpiTable[] = [];
  // Tables of a sheet share their definitions: repeated header blocks repeat their rows' wordings.
  const definitions = new DefinitionMemo(words);
  layouts.forEach((layout, index) => {
    // A table runs down to the next header block below it; tables side by side share their rows.
    const below = layouts
      .slice(index + 1)
      .find((other) => other.headerRows[0] > layout.headerRows[layout.headerRows.length - 1]);
    const table = readTable(
      grid,
      merges,
      layout,
      below ? below.headerRows[0] : grid.values.length,
      register,
      definitions,
      taught
    );
    if (table.rows.length > 0) tables.push(table);
  });
  if (tables.length > 0) return { sheet: grid.sheet, tables };
  return { sheet: grid.sheet, tables, skipped: whySkipped(grid, merges, layouts, taught) };
}

const subRowPattern = /^\(?([a-z])\)\s*/i;

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

/** RAG words and arrows an analyst types into a period column by hand: that column is not rated. */
const ragWords =
  /^(?:r|a|g|b|ra|ag|red|amber|green|blue|grey|gray|r\/a|a\/g|red\/amber|amber\/green|rag)$/i;
const arrows =
  /^(?:[↑↓→←↗↘⬆⬇➡⬅▲▼►◄△▽↔⇧⇩]+|up|down|same|improved|improving|declined|declining|worse|worsening|better|no change|stable|static)$/i;

/** What a period column holds when it holds no figure but words: "rag", "direction of travel", or null (figures). */
function handWrittenColumn(
  grid: Grid,
  column: number,
  first: number,
  end: number
): "rag" | "direction of travel" | null {
  let rag = 0;
  let arrow = 0;
  for (let row = first; row < end; row++) {
    const cell = grid.values[row]?.[column] ?? null;
    if (cell === null) continue;
    if (typeof cell !== "string") return null;
    const text = cell.trim();
    if (text === "") continue;
    if (ragWords.test(text)) rag++;
    else if (arrows.test(text)) arrow++;
    else if (digit.test(text)) return null;
  }
  return rag > 0 && rag >= arrow ? "rag" : arrow > 0 ? "direction of travel" : null;
}

/** The columns a table reads, worked out once from its layout, in grid columns. */
interface TableColumns {
  periods: Layout["periods"];
  /** The threshold columns of periods without a year of their own: in most tables, of every period. */
  thresholds: ThresholdSet;
  /** Each year's threshold columns (with the unqualified ones where the year has none of its own); [] for most tables. */
  yearSets: ThresholdSet[];
  /**
   * For each period, the index in `yearSets` of its year's thresholds, `ownYear` (-1) for the unqualified
   * ones, or `noYear` (-2) when the period's year has no threshold; undefined when no threshold names a year.
   */
  periodSets?: number[];
  /** Why the table cannot be rated from its threshold columns; [] when it can. */
  problems: string[];
  idColumn?: number;
  idKind: "kpi number" | "reference";
  comparators: Array<{
    column: number;
    benchmark: string;
    kind: BenchmarkCell["kind"];
    year: string;
  }>;
  rankings: TableColumn[];
  /** The first and last columns read: the table's address spans them. */
  first: number;
  last: number;
}

/** The threshold columns that rate a set of periods, and where its rows' wordings start in the definitions' trie. */
interface ThresholdSet {
  year?: YearKey;
  target?: ThresholdColumn;
  standard?: ThresholdColumn;
  /** A year's set: the unqualified columns, which rate its periods on a row that leaves the year's own blank. */
  fallback?: { target?: ThresholdColumn; standard?: ThresholdColumn };
  others: Array<ThresholdColumn & { set: string }>;
  /** The row being read's cells at these columns (see `RowThresholdCells`). */
  rowCells: RowThresholdCells;
  /** The stretch target column (read for the Blue for exceeding scheme). */
  stretch?: ThresholdColumn;
  root: WordingNode;
}

const unqualifiedSet = -1;
const noThresholdForYear = -2;

/** What reading a table's rows carries from one row to the next. */
interface RowsRead {
  section: string;
  /** The measure of the row that opened "(a)", "(b)" sub-rows, or "". */
  subRowParent: string;
  lastRow: number;
  /** Short polarity cells seen ("H", "L"), for the column map. */
  polarityCodes: Set<string>;
  /** Whether the rows were read as Actual / Target / Tolerance groups under each KPI's name. */
  rowGroups?: true;
}

/** How one table's rows are read: the grid, its columns, and the register and words they are read with. */
interface TableReading {
  grid: Grid;
  merges: Merges;
  layout: Layout;
  columns: TableColumns;
  register: Register;
  /** The sheet's definitions, shared by its tables. */
  definitions: DefinitionMemo;
  /** The header words the workbook teaches. */
  taught: TaughtHeaders | undefined;
}

/** Reads a table's rows under its header block, down to `end`: each KPI row, with its section and its definition. */
function readTable(
  grid: Grid,
  merges: Merges,
  layout: Layout,
  end: number,
  register: Register,
  definitions: DefinitionMemo,
  taught: TaughtHeaders | undefined
): KpiTable {
  const firstRow = layout.headerRows[layout.headerRows.length - 1] + 1;
  const columns = tableColumns(
    grid,
    layout,
    ratedPeriods(grid, layout, firstRow, end),
    definitions
  );
  const reading: TableReading = { grid, merges, layout, columns, register, definitions, taught };
  const read: RowsRead = {
    section: layout.sectionHeader ?? "",
    subRowParent: "",
    lastRow: firstRow - 1,
    polarityCodes: new Set(),
  };
  const rows: KpiRow[] = [];
  if (holdsRowGroups(reading, firstRow, end)) {
    read.rowGroups = true;
    readRowGroups(reading, firstRow, end, read, rows);
  } else
    for (let row = firstRow; row < end; row++) {
      const kpi = readRow(reading, row, read);
      if (kpi) rows.push(kpi);
    }
  return tableOf(reading, rows, read);
}

/** Which of a KPI's rows a label names in a pack of Actual and Target rows. */
type GroupRow = "actual" | "target" | "tolerance" | "polarity";

const actualLabel =
  /^(?:actuals?|performance|result|outturn|achieved|our performance|current performance|actual performance)$/i;

/** The part of a KPI a row label names ("Actual", "Target", "Floor", "Polarity"), or null for a KPI's name. */
function groupRowOf(label: string, taught: TaughtHeaders | undefined): GroupRow | null {
  if (actualLabel.test(label)) return "actual";
  const role = knownRoleOfLabel(label, taught);
  if (role?.kind === "polarity") return "polarity";
  if (role?.kind === "target" || role?.kind === "tolerance") return role.kind;
  return null;
}

/** Whether a table's measure column labels rows Actual and Target under each KPI's name (a monthly pack). */
function holdsRowGroups(reading: TableReading, firstRow: number, end: number): boolean {
  const { grid, layout, taught } = reading;
  if (layout.periodName !== undefined) return false;
  let actual = false;
  let target = false;
  for (let row = firstRow; row < end && row < firstRow + 200; row++) {
    const label = textOf(cellAt(grid.values[row] ?? [], layout.measure));
    if (label === "" || label.length > 30) continue;
    const part = groupRowOf(label, taught);
    if (part === "actual") actual = true;
    else if (part === "target") target = true;
    if (actual && target) return true;
  }
  return false;
}

/** One KPI of a monthly pack as read so far: its name row and the rows labelled under it. */
interface RowGroup {
  name: string;
  nameRow: number;
  polarity: CellValue;
  rows: Partial<Record<GroupRow, number>>;
}

/**
 * Reads a pack of row groups: a KPI's name (with its polarity beside it, or a Polarity row), then rows
 * labelled Actual, Target and Tolerance with a figure per period. Each Actual figure is rated against the
 * Target and Tolerance of its own period; only the Actual row is a KPI row, so only its cells are coloured.
 */
function readRowGroups(
  reading: TableReading,
  firstRow: number,
  end: number,
  read: RowsRead,
  rows: KpiRow[]
): void {
  const { grid, layout, taught } = reading;
  let group: RowGroup | null = null;
  // Each KPI repeats the labels of its rows (Actual, Target, Tolerance): each label is read once (on the
  // bench's layouts sheet, 2.1 MB less made a find and plan).
  const parts = new Map<string, GroupRow | null>();
  const close = (): void => {
    if (group === null) return;
    if (group.rows.actual === undefined) read.section = group.name;
    else rows.push(groupRow(reading, group, read));
    group = null;
  };
  for (let row = firstRow; row < end; row++) {
    const rowValues = grid.values[row] ?? [];
    const label = textOf(cellAt(rowValues, layout.measure));
    if (label === "" || isFootnote(label)) continue;
    let part = parts.get(label);
    if (part === undefined) {
      part = label.length <= 30 ? groupRowOf(label, taught) : null;
      parts.set(label, part);
    }
    if (part === null) {
      close();
      group = { name: label, nameRow: row, polarity: cellAt(rowValues, layout.polarity), rows: {} };
    } else if (group !== null && group.rows[part] === undefined) group.rows[part] = row;
  }
  close();
}

/** The KPI row of a group: its Actual cells, each with the definition its own period's Target and Tolerance give. */
function groupRow(reading: TableReading, group: RowGroup, read: RowsRead): KpiRow {
  const { grid, columns, definitions } = reading;
  const actualRow = group.rows.actual as number;
  const values = (row: number | undefined): readonly CellValue[] =>
    row === undefined ? [] : (grid.values[row] ?? []);
  const formats = (row: number | undefined): readonly string[] | undefined =>
    row === undefined ? undefined : grid.numberFormats[row];
  const cells = periodCells(reading, actualRow, values(actualRow));
  const polarityRow = values(group.rows.polarity);
  const polarity =
    group.polarity ??
    columns.periods
      .map((period) => cellAt(polarityRow, period.column))
      .find((cell) => cell !== null) ??
    null;
  const root = definitions.wordings.root([]);
  const ofCell = columns.periods.map(({ column }) =>
    wordingDefinition(reading, root, {
      measure: group.name,
      polarity,
      target: cellAt(values(group.rows.target), column),
      tolerance: cellAt(values(group.rows.tolerance), column),
      targetFormat: formatAt(formats(group.rows.target), column),
      toleranceFormat: formatAt(formats(group.rows.tolerance), column),
      unit: null,
      others: noOtherSets,
      stretch: undefined,
    })
  );
  // The row as a whole (its direction of travel, its scale) goes by its latest period's definition.
  const latest = ofCell[ofCell.length - 1];
  const scale = decideScale(latest, cells);
  const definition = scale.ok
    ? definitions.scaled(latest, scale.value)
    : unreadableDefinition(latest.wording, scale.problem);
  for (let index = 0; index < cells.length - 1; index++)
    if (ofCell[index] !== latest)
      cells[index].definition = scale.ok
        ? definitions.scaled(ofCell[index], scale.value)
        : definition;
  read.lastRow = Math.max(
    actualRow,
    group.rows.target ?? 0,
    group.rows.tolerance ?? 0,
    group.rows.polarity ?? 0
  );
  return {
    row: grid.origin.row + actualRow,
    id: undefined,
    reference: undefined,
    measure: group.name,
    section: read.section,
    source: "sheet",
    definition,
    problems: definitions.problems(definition),
    cells,
    benchmarks: benchmarkCellsOf(reading, actualRow, values(actualRow), undefined),
    rankings: rankingsOf(reading, values(actualRow)),
  };
}

/** The layout's periods that are rated: a column headed with a period that holds the analyst's RAG words or arrows is read aside. */
function ratedPeriods(
  grid: Grid,
  layout: Layout,
  firstRow: number,
  end: number
): Layout["periods"] {
  return layout.periods.filter((period) => {
    const handWritten = handWrittenColumn(grid, period.column, firstRow, end);
    if (handWritten === null) return true;
    const column = layout.columns.find((candidate) => candidate.column === period.column);
    if (column) column.role = { kind: handWritten };
    return false;
  });
}

function tableColumns(
  grid: Grid,
  layout: Layout,
  periods: Layout["periods"],
  definitions: DefinitionMemo
): TableColumns {
  const { unqualified, years, problems } = layout.thresholds;
  const setOf = (year: YearKey | undefined, own: typeof unqualified): ThresholdSet => {
    // A year without a column of its own for a role takes the table's unqualified one.
    const others = [...own.others];
    if (own !== unqualified)
      for (const other of unqualified.others)
        if (!others.some((mine) => mine.set === other.set)) others.push(other);
    const stretch = own.stretch ?? unqualified.stretch;
    return {
      year,
      target: own.target ?? unqualified.target,
      standard: own.standard ?? unqualified.standard,
      ...(own === unqualified ? {} : { fallback: unqualified }),
      others,
      rowCells: {
        measure: "",
        polarity: null,
        target: null,
        tolerance: null,
        targetFormat: "General",
        toleranceFormat: "General",
        unit: null,
        others: others.map((other) => ({ set: other.set, cell: null, format: "General" })),
        stretch: stretch ? { cell: null, format: "General" } : undefined,
      },
      ...(stretch ? { stretch } : {}),
      root: definitions.wordings.root(
        others.map((tolerance) => tolerance.set),
        stretch !== undefined
      ),
    };
  };
  const thresholds = setOf(undefined, unqualified);
  const yearSets = years.map((year) => setOf(year.year, year));
  const periodSets =
    yearSets.length === 0 ? undefined : setsOfPeriods(periods, yearSets, thresholds);
  // The table's address covers the columns it reads; columns left alone beside it are in its column map.
  const read = [
    layout.section,
    layout.polarity,
    layout.kpiNumber,
    layout.reference,
    layout.unit,
    ...[thresholds, ...yearSets].flatMap((set) => [
      set.target?.column,
      set.standard?.column,
      set.stretch?.column,
      ...set.others.map((tolerance) => tolerance.column),
    ]),
    ...periods.map((period) => period.column),
  ];
  let first = layout.measure;
  let last = layout.measure;
  for (const column of read) {
    if (column === undefined) continue;
    if (column < first) first = column;
    if (column > last) last = column;
  }
  const comparators = layout.columns.flatMap((column) => {
    if (column.role.kind !== "comparator") return [];
    return [
      {
        column: column.column,
        benchmark: column.role.benchmark,
        kind: benchmarkKindOf(column.role.benchmark),
        year: column.role.year ?? "latest",
      },
    ];
  });
  return {
    periods,
    thresholds,
    yearSets,
    periodSets,
    problems,
    idColumn: layout.kpiNumber ?? layout.reference,
    idKind: layout.kpiNumber !== undefined ? "kpi number" : "reference",
    comparators,
    rankings: layout.columns.filter((column) => column.role.kind === "comparator text"),
    first,
    last,
  };
}

/**
 * Which thresholds rate each period: its own year's, else the unqualified ones where the table has any,
 * else none; a period whose label names no year, none. Months and quarters fall in their financial year, unless every year the thresholds name is a
 * calendar year ("Target 2024"), which says the sheet counts in calendar years.
 */
function setsOfPeriods(
  periods: Layout["periods"],
  yearSets: readonly ThresholdSet[],
  unqualified: ThresholdSet
): number[] {
  const calendar = yearSets.every((set) => set.year !== undefined && !set.year.includes("/"));
  const hasUnqualified = unqualified.target !== undefined || unqualified.standard !== undefined;
  return periods.map((period) => {
    const year = yearOfPeriod(period.label, calendar);
    // A period whose year cannot be told ("Q2" under a year merged over its quarters, read by an Excel
    // that cannot see merges) is rated against no year's thresholds: which would be a guess.
    if (year === null) return noThresholdForYear;
    const index = yearSets.findIndex((set) => set.year === year);
    if (index >= 0) return index;
    return hasUnqualified ? unqualifiedSet : noThresholdForYear;
  });
}

/** A cell of a row, a blank or white space read as null. */
function cellAt(rowValues: readonly CellValue[], column: number | undefined): CellValue {
  if (column === undefined) return null;
  const cell = rowValues[column] ?? null;
  return typeof cell === "string" && cell.trim() === "" ? null : cell;
}

function formatAt(rowFormats: readonly string[] | undefined, column: number | undefined): string {
  return column === undefined ? "General" : (rowFormats?.[column] ?? "General");
}

// Patterns asked of every row or cell, made once: a pattern written inside a function is a new RegExp
// object each time it runs (on the bench's varied sheet of 10,000 rows, textOf alone made 1.3 MB a find).
const unfoldedSpace = /\s\s|[\t\n\r]/;
const whiteSpace = /\s+/g;
const opensSubRowsPattern = /\s\(?a\)\s/i;
const plainNumber = /^\s*\d+(?:\.\d+)?\s*$/;
const digit = /\d/;

/** A cell as text with its white space folded; "" for a blank or an error. */
function textOf(cell: CellValue): string {
  if (cell === null || isExcelError(cell)) return "";
  const written = String(cell);
  return unfoldedSpace.test(written) ? written.replace(whiteSpace, " ").trim() : written.trim();
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
function readRow(reading: TableReading, row: number, read: RowsRead): KpiRow | null {
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
function ownDefinitionReader(
  reading: TableReading,
  row: number,
  rowValues: readonly CellValue[],
  measure: string,
  polarity: CellValue,
  rowSet: number
): () => Definition {
  return () => rowOwnDefinition(reading, row, rowValues, measure, polarity, rowSet);
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

function periodCells(
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

/** The row's own definition from its polarity, a set of target and tolerance columns, and its unit, shared with rows worded alike. */
function ownDefinition(
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
  for (let index = 0; index < cells.others.length; index++) {
    const column = set.others[index];
    const format = formatAt(rowFormats, column.column);
    cells.others[index].cell = inHeaderUnit(cellAt(rowValues, column.column), column, format);
    cells.others[index].format = format;
  }
  if (set.stretch !== undefined && cells.stretch !== undefined) {
    cells.stretch.format = formatAt(rowFormats, set.stretch.column);
    cells.stretch.cell = inHeaderUnit(
      cellAt(rowValues, set.stretch.column),
      set.stretch,
      cells.stretch.format
    );
  }
  return wordingDefinition(reading, set.root, cells);
}

const noOtherSets: ThresholdCells["others"] = [];

/**
 * A row's threshold cells at a set's columns, written over for each row: they are read into the wordings'
 * trie at once, and copied into a definition first met, so no row makes an object or list of its own (on
 * the bench's sheets of 10,000 rows, 0.9 MB less made a find and plan on the varied one, 2.3 MB on
 * Appendix I's, whose Covid19 Tolerance column made a list a row).
 */
interface RowThresholdCells extends ThresholdCells {
  others: Array<{ set: string; cell: CellValue; format: string }>;
}

/** A KPI's threshold cells and formats, wherever on the sheet they were found. */
interface ThresholdCells {
  measure: string;
  polarity: CellValue;
  target: CellValue;
  tolerance: CellValue;
  targetFormat: string;
  toleranceFormat: string;
  unit: CellValue;
  others: ReadonlyArray<{ set: string; cell: CellValue; format: string }>;
  /** The stretch target's cell, where the table has a Stretch column (its root in the trie says so). */
  stretch: { cell: CellValue; format: string } | undefined;
}

/** The definition of threshold cells, shared with every KPI worded alike: looked up one trie step a cell. */
function wordingDefinition(
  reading: TableReading,
  root: WordingNode,
  cells: ThresholdCells
): Definition {
  const { wordings } = reading.definitions;
  const {
    measure,
    polarity,
    target,
    tolerance,
    targetFormat,
    toleranceFormat,
    unit,
    others,
    stretch,
  } = cells;
  let node = wordings.step(root, polarity);
  node = wordings.step(node, target);
  node = wordings.step(node, tolerance);
  node = wordings.step(node, unit);
  for (const other of others) node = wordings.step(node, other.cell);
  node = wordings.step(node, targetFormat);
  node = wordings.step(node, toleranceFormat);
  for (const other of others) node = wordings.step(node, other.format);
  if (stretch) {
    node = wordings.step(node, stretch.cell);
    node = wordings.step(node, stretch.format);
  }
  // The measure only matters to a definition through the unit its words imply.
  const measureUnit = unitFromMeasure(measure) ?? "";
  const known = wordings.known(node, measureUnit);
  if (known) return known;
  return wordings.keep(node, measureUnit, {
    measure,
    polarity,
    target,
    tolerance,
    otherTolerances: Object.fromEntries(others.map((other) => [other.set, other.cell])),
    unit,
    formats: {
      target: targetFormat,
      tolerance: toleranceFormat,
      otherTolerances: Object.fromEntries(others.map((other) => [other.set, other.format])),
      ...(stretch ? { stretch: stretch.format } : {}),
    },
    ...(stretch ? { stretch: stretch.cell } : {}),
  });
}

/** The thresholds at an index of `periodSets`: the unqualified ones, or a year's. */
function setAt(columns: TableColumns, index: number): ThresholdSet {
  return index >= 0 ? columns.yearSets[index] : columns.thresholds;
}

/** The set that rates a row as a whole (its direction of travel, its benchmarks): its latest period's with thresholds. */
function latestSet(periodSets: readonly number[]): number {
  for (let index = periodSets.length - 1; index >= 0; index--)
    if (periodSets[index] !== noThresholdForYear) return periodSets[index];
  return unqualifiedSet;
}

/** A period whose year has no target or tolerance in the table: No target, saying so. */
function noThresholdFor(definition: Definition, period: string): Definition {
  const year = yearOfPeriod(period);
  return {
    ...definition,
    standing: {
      kind: "no target",
      reason:
        year === null
          ? `the table names its targets by year, and the add-in cannot tell which year "${period}" falls in`
          : `no target or tolerance is given for ${year}`,
    },
  };
}

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
      return `±${figure}pp`;
    case "percent":
      return figure > 1 ? `${figure}%` : cell;
    case "days":
      return `${figure} days`;
    case "rate":
      return cell;
  }
}

/** A row's figures in its comparator columns, each with the benchmark and year its header names, then the register entry's for benchmarks the sheet has no column for. */
function benchmarkCellsOf(
  reading: TableReading,
  row: number,
  rowValues: readonly CellValue[],
  registered: readonly BenchmarkCell[] | undefined
): BenchmarkCell[] | undefined {
  const { grid, columns } = reading;
  const { comparators } = columns;
  if (comparators.length === 0 && registered === undefined) return undefined;
  const rowFormats = grid.numberFormats[row];
  const sheetRow = grid.origin.row + row;
  const benchmarks = new Array<BenchmarkCell>(comparators.length);
  // Loops, not map and flatMap: this runs for every row of the sheet.
  for (let index = 0; index < comparators.length; index++) {
    const { column, benchmark, kind, year } = comparators[index];
    benchmarks[index] = {
      benchmark,
      kind,
      year,
      value: cellAt(rowValues, column),
      numberFormat: formatAt(rowFormats, column),
      row: sheetRow,
      column: grid.origin.column + column,
    };
  }
  if (registered !== undefined)
    for (const entry of registered)
      if (!benchmarks.some((benchmark) => benchmark.kind === entry.kind)) benchmarks.push(entry);
  return benchmarks.length > 0 ? benchmarks : undefined;
}

/** Quartile and rank columns, as the row writes them. */
function rankingsOf(reading: TableReading, rowValues: readonly CellValue[]): Ranking[] | undefined {
  let rankings: Ranking[] | undefined;
  for (const column of reading.columns.rankings) {
    const written = cellAt(rowValues, column.column);
    if (written === null) continue;
    rankings ??= [];
    rankings.push({
      label: column.header,
      text: isExcelError(written) ? written.error : String(written).trim(),
    });
  }
  return rankings;
}

/** The table as read: its address from the header to its last KPI row, its periods, columns and column map. */
function tableOf(reading: TableReading, rows: KpiRow[], read: RowsRead): KpiTable {
  const { grid, layout, columns } = reading;
  const { origin } = grid;
  const codes = [...read.polarityCodes];
  const tableColumns = layout.columns.map((column) => ({
    ...column,
    column: origin.column + column.column,
  }));
  return {
    sheet: grid.sheet,
    headerRows: layout.headerRows.map((row) => origin.row + row),
    address: `${cellAddress({ row: origin.row + layout.headerRows[0], column: origin.column + columns.first })}:${cellAddress({ row: origin.row + read.lastRow, column: origin.column + columns.last })}`,
    toleranceSets: standardFirst(
      [columns.thresholds, ...columns.yearSets].flatMap((set) =>
        set.others.map((tolerance) => tolerance.set)
      )
    ),
    periods:
      layout.periodName === undefined
        ? columns.periods.map((period) => ({
            label: period.label,
            column: origin.column + period.column,
            ...(period.headline ? { headline: true as const } : {}),
          }))
        : periodsOfRows(rows),
    columns: tableColumns,
    columnMap:
      describeColumns(tableColumns, {
        polarityCodes:
          codes.length > 0 && codes.length <= 4 && codes.every((code) => readsAsCode(code))
            ? codes
            : undefined,
      }) +
      (read.rowGroups
        ? "; rows: each KPI's Actual row rated against its own period's Target and Tolerance rows"
        : ""),
    problems: [...columns.problems, ...unplacedHeaders(tableColumns, columns)],
    rows,
  };
}

/**
 * Headers the add-in did not understand that stand between a table's threshold columns: it cannot tell
 * whether they are thresholds, so it says so (every other header not understood is named in the column map).
 */
function unplacedHeaders(tableColumns: readonly TableColumn[], columns: TableColumns): string[] {
  const thresholdColumns = tableColumns
    .filter(
      (column) =>
        column.role.kind === "polarity" ||
        column.role.kind === "target" ||
        column.role.kind === "tolerance"
    )
    .map((column) => column.column);
  if (thresholdColumns.length < 2 || columns.problems.length > 0) return [];
  const from = Math.min(...thresholdColumns);
  const to = Math.max(...thresholdColumns);
  return tableColumns
    .filter(
      (column) =>
        column.column > from &&
        column.column < to &&
        column.role.kind === "other" &&
        column.role.understood === false
    )
    .map(
      (column) =>
        `${columnLetters(column.column)} '${column.header}' stands among the thresholds and was not understood: teach it in KPIWords (Means Target, Tolerance, <set> Tolerance or Not a period)`
    );
}

/** A long table's periods: each period its rows name, in the order first met, in its rows' figure column. */
function periodsOfRows(rows: readonly KpiRow[]): Period[] {
  const periods: Period[] = [];
  const seen = new Set<string>();
  for (const row of rows)
    for (const cell of row.cells)
      if (!seen.has(cell.period)) {
        seen.add(cell.period);
        periods.push({ label: cell.period, column: cell.column });
      }
  return periods;
}

/** A polarity written as a code (H, L, T, +, -) rather than words. */
function readsAsCode(code: string): boolean {
  return /^[a-z+\-=↑↓]{1,3}$/i.test(code) && !/^(?:is)$/i.test(code);
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

/**
 * Rows with the same wording share one definition object: appendices repeat thresholds ("Bigger is
 * better, 95%, 80%") down the sheet, and a shared definition lets its bands and rules be worked out once.
 * The measure only matters to a definition through the unit its words imply, so that is what the key holds.
 */
class DefinitionMemo {
  readonly wordings: WordingTrie;
  private readonly byScale = new WeakMap<Definition, Map<string, Definition>>();
  private readonly problemsOf = new WeakMap<Definition, readonly string[]>();

  constructor(words: Words | undefined) {
    this.wordings = new WordingTrie(words);
  }

  /** The definition with the row's percent scale, one object per definition and scale. */
  scaled(definition: Definition, scale: PercentScale | undefined): Definition {
    const byScale = remembered(this.byScale, definition, newMap<string, Definition>);
    let found = byScale.get(scale ?? "");
    if (found === undefined) {
      found = withScale(definition, scale);
      byScale.set(scale ?? "", found);
    }
    return found;
  }

  /** The definition's problems, one list per definition that its rows share. */
  problems(definition: Definition): readonly string[] {
    return remembered(this.problemsOf, definition, definitionProblems);
  }

  private readonly unrated = new WeakMap<Definition, Map<string, Definition>>();

  /** A period's definition where its year has no threshold: one object per row definition and period. */
  withoutThresholds(definition: Definition, period: string): Definition {
    const byPeriod = remembered(this.unrated, definition, newMap<string, Definition>);
    let found = byPeriod.get(period);
    if (found === undefined) {
      found = noThresholdFor(definition, period);
      byPeriod.set(period, found);
    }
    return found;
  }
}

type WordingNode = Map<unknown, WordingNode | Definition>;

/**
 * A trie of a row's wording cells and formats, one step per cell, so looking a wording up builds no key
 * string, array or closure for every row; at its end, the definition for each unit the measure implies.
 */
class WordingTrie {
  private readonly roots = new Map<string, WordingNode>();

  constructor(private readonly words: Words | undefined) {}

  /**
   * Where a table's rows' wordings start, by the other tolerance sets it has: tables of one sheet share the
   * trie, and tables with the same sets read their rows' wordings alike (the same steps, and the same sets
   * in each definition read). Tables with a stretch column take two more steps a row, so start apart.
   */
  root(otherSets: readonly string[], stretch = false): WordingNode {
    const key = otherSets.join("\u0000") + (stretch ? "\u0001stretch" : "");
    return remembered(this.roots, key, newMap<unknown, WordingNode>);
  }

  /** The node after one more cell (its value, an error by its code) or format. */
  step(node: WordingNode, cell: CellValue): WordingNode {
    const key = cell !== null && typeof cell === "object" ? `#${cell.error}` : cell;
    return remembered(node as Map<unknown, WordingNode>, key, newMap<unknown, WordingNode>);
  }

  /** The definition already read at a node for a measure's unit, if any. */
  known(node: WordingNode, unit: string): Definition | undefined {
    return node.get(unit) as Definition | undefined;
  }

  /** Reads a wording first met at a node, and keeps its definition there. */
  keep(node: WordingNode, unit: string, wording: DefinitionWording): Definition {
    const definition = readDefinition(wording, this.words);
    node.set(unit, definition);
    return definition;
  }
}

/** A new, empty map: one function for every miss, so looking up a row makes no closure. */
function newMap<K, V>(): Map<K, V> {
  return new Map<K, V>();
}

/** The value a map holds for a key, made from the key and kept the first time it is asked for. */
function remembered<K, V>(
  map: { get(key: K): V | undefined; set(key: K, value: V): unknown },
  key: K,
  make: (key: K) => V
): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make(key);
    map.set(key, value);
  }
  return value;
}
