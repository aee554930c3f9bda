/**
 * Finding the KPI tables on a sheet, on a plain grid: header blocks (repeated down the sheet, one or two
 * rows, merged labels), then every row under them read into a definition with its period cells. Works the
 * same on a grid from Office.js or from ExcelJS.
 */
import { describeColumns, type TableColumn } from "./column-map";
import { standardFirst, type ToleranceSet } from "../definition/tolerance-set";
import { cellAddress, columnLetters, type Grid } from "../values/grid";
import { taughtHeadersOf, type TaughtHeaders } from "./headers";
import type { Layout } from "./layout";
import { columnSpan, headerBlocksOf } from "./header-blocks";
import { figureColumnsInDoubt } from "./tolerance-doubts";
import { mergesOf, type Merges } from "./merges";
import type { Register } from "../register/register";
import { builtInRegister } from "../register/register-reading";
import { whySkipped } from "./skipped";
import type { Words } from "../definition/words";
import type { Definition } from "../definition/definition";
import { withFlagKey } from "./sheet-key";
import { DefinitionMemo } from "./definition-memo";
import { readRow, type KpiRow } from "./kpi-row";
import { holdsRowGroups, readRowGroups } from "./row-groups";
import { ratedPeriods, tableColumns, type TableColumns } from "./table-columns";
import type { RowsRead, TableReading } from "./table-reading";

export type { KpiRow, PeriodCell } from "./kpi-row";
export type { Ranking } from "./row-benchmarks";

export interface Period {
  label: string;
  /** Sheet column, 0-based. */
  column: number;
  /** A headline column (`Latest`, `Current`, `Year to date`, `Previous`): it repeats a period's figure. */
  headline?: true;
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
  /** The column map in one line: "B measure, C polarity coded H/L, N target, F–K periods; L DoT, M RAG left alone". */
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
  return standardFirst(setsOfTables(found));
}

/**
 * Each table's sets, then its rows' definitions' sets in reading order. Rows share definitions, so each is
 * asked once: the pane asks this of every row of a sheet before its first lines are shown.
 */
function* setsOfTables(found: ReadonlyArray<FoundTables>): Generator<ToleranceSet> {
  const asked = new Set<Definition>();
  for (const { tables } of found)
    for (const table of tables) {
      yield* table.toleranceSets;
      for (const row of table.rows) {
        if (asked.has(row.definition)) continue;
        asked.add(row.definition);
        yield* row.definition.toleranceSets;
      }
    }
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
  const layouts = headerBlocksOf(grid, merges, taught);
  const tables: KpiTable[] = [];
  // Tables of a sheet share their definitions: repeated header blocks repeat their rows' wordings.
  const definitions = new DefinitionMemo(words);
  layouts.forEach((layout, index) => {
    // A table runs down to the next header block below it in its columns; tables side by side share rows.
    const below = layouts
      .slice(index + 1)
      .find(
        (other) =>
          other.headerRows[0] > layout.headerRows[layout.headerRows.length - 1] &&
          overlaps(other, layout)
      );
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

/** Whether two header blocks share a column: a table ends only at a block below it in its own columns. */
function overlaps(a: Layout, b: Layout): boolean {
  const [one, other] = [columnSpan([a]), columnSpan([b])];
  return one.left <= other.right && other.left <= one.right;
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
  let rows: KpiRow[] = [];
  if (holdsRowGroups(reading, firstRow, end)) {
    read.rowGroups = true;
    readRowGroups(reading, firstRow, end, read, rows);
  } else {
    // Made at the most rows the table can hold, then cut to those read: a list of 10,000 rows pushed a row at a
    // time copies itself each time it grows, 0.2 MB kept until the next collection.
    rows = new Array<KpiRow>(Math.max(end - firstRow, 0));
    let count = 0;
    for (let row = firstRow; row < end; row++) {
      const kpi = readRow(reading, row, read);
      if (kpi) rows[count++] = kpi;
    }
    rows.length = count;
    // A column that may be the tolerance leaves the table uncoloured: read again, every row saying why.
    const doubts = figureColumnsInDoubt(grid, layout, rows);
    if (doubts.length > 0) {
      layout.thresholds.problems.push(...doubts);
      return readTable(grid, merges, layout, end, register, definitions, taught);
    }
  }
  return tableOf(reading, rows, read);
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
        unheaded: unheadedColumns(reading, rows),
      }) +
      (read.rowGroups
        ? "; rows: each KPI's Actual row rated against its own period's Target and Tolerance rows"
        : ""),
    problems: [...columns.problems, ...unplacedHeaders(tableColumns, columns)],
    rows,
  };
}

/**
 * The sheet columns inside a table with no header over them where a KPI row holds something: the rows are
 * looked at only where such a column stands, which most tables have none of.
 */
function unheadedColumns(
  { grid, layout, columns }: TableReading,
  rows: readonly KpiRow[]
): number[] {
  const headed = new Set(
    layout.columns.filter((column) => column.label !== "").map((column) => column.column)
  );
  const unheaded: number[] = [];
  for (let column = columns.first; column <= columns.last; column++) {
    if (headed.has(column)) continue;
    const holds = rows.some((kpi) => {
      const cell = grid.values[kpi.row - grid.origin.row]?.[column] ?? null;
      return cell !== null && !(typeof cell === "string" && cell.trim() === "");
    });
    if (holds) unheaded.push(grid.origin.column + column);
  }
  return unheaded;
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
