/**
 * The columns a table reads, worked out once from its layout: the periods it rates (a period column of
 * hand-written RAG words or arrows is read aside), its threshold columns for each year, which year's
 * thresholds rate each period, its id, comparator and ranking columns, and the columns its address spans.
 */
import type { BenchmarkCell } from "../rating/benchmark-names";
import type { Grid } from "../values/grid";
import type { CellValue } from "../values/cell";
import { benchmarkKindOf } from "./comparators";
import type { TableColumn } from "./column-map";
import type { Layout } from "./layout";
import { yearOfPeriod, type YearKey } from "./period-year";
import type { ThresholdColumn } from "./threshold-columns";
import type { DefinitionMemo, ThresholdCells, WordingNode } from "./definition-memo";

/** RAG words and arrows an analyst types into a period column by hand: that column is not rated. */
const ragWords =
  /^(?:r|a|g|b|ra|ag|red|amber|green|blue|grey|gray|r\/a|a\/g|red\/amber|amber\/green|rag)$/i;
const arrows =
  /^(?:[↑↓→←↗↘⬆⬇➡⬅▲▼►◄△▽↔⇧⇩]+|up|down|same|improved|improving|declined|declining|worse|worsening|better|no change|stable|static)$/i;

// Made once: a pattern written inside a function is a new RegExp object each time it runs.
const digit = /\d/;

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
export interface TableColumns {
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
export interface ThresholdSet {
  year?: YearKey;
  target?: ThresholdColumn;
  standard?: ThresholdColumn;
  /** A year's set: the unqualified columns, which rate its periods on a row that leaves the year's own blank. */
  fallback?: {
    target?: ThresholdColumn;
    standard?: ThresholdColumn;
    stretch?: ThresholdColumn;
    others: ReadonlyArray<ThresholdColumn & { set: string }>;
  };
  others: Array<ThresholdColumn & { set: string }>;
  /** The row being read's cells at these columns (see `RowThresholdCells`). */
  rowCells: RowThresholdCells;
  /** The stretch target column (read for the Blue for exceeding scheme). */
  stretch?: ThresholdColumn;
  root: WordingNode;
}

export const unqualifiedSet = -1;
export const noThresholdForYear = -2;
/**
 * A period whose year its label does not tell ("Latest" beside per-year thresholds): a row that shows which
 * period it stands for rates it in that period's year (`periodOfHeadline`), else only where every year agrees.
 */
export const unknownYear = -3;

/**
 * A row's threshold cells at a set's columns, written over for each row: they are read into the wordings'
 * trie at once, and copied into a definition first met, so no row makes an object or list of its own (on
 * the bench's sheets of 10,000 rows, 0.9 MB less made a find and plan on the varied one, 2.3 MB on
 * Appendix I's, whose Covid19 Tolerance column made a list a row).
 */
export interface RowThresholdCells extends ThresholdCells {
  others: Array<{ set: string; cell: CellValue; format: string }>;
}

/** The layout's periods that are rated: a column headed with a period that holds the analyst's RAG words or arrows is read aside. */
export function ratedPeriods(
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

export function tableColumns(
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
        figuresUnit: null,
        measureUnit: null,
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
    if (year === null) return unknownYear;
    const index = yearSets.findIndex((set) => set.year === year);
    if (index >= 0) return index;
    return hasUnqualified ? unqualifiedSet : noThresholdForYear;
  });
}

/** The thresholds at an index of `periodSets`: the unqualified ones, or a year's. */
export function setAt(columns: TableColumns, index: number): ThresholdSet {
  return index >= 0 ? columns.yearSets[index] : columns.thresholds;
}

/** The set that rates a row as a whole (its direction of travel, its benchmarks): its latest period's with thresholds. */
export function latestSet(periodSets: readonly number[]): number {
  for (let index = periodSets.length - 1; index >= 0; index--)
    if (periodSets[index] >= unqualifiedSet) return periodSets[index];
  return unqualifiedSet;
}
