/**
 * A row's figures against benchmarks as the sheet writes them: its comparator cells (England, region,
 * statistical neighbours), with the register entry's for benchmarks the sheet has no column for, and its
 * quartile and rank columns as text.
 */
import type { BenchmarkCell } from "../rating/benchmark-names";
import { isExcelError, type CellValue } from "../values/cell";
import { cellAt, formatAt, type TableReading } from "./table-reading";

/** A standing against a benchmark as the sheet writes it: a quartile ("A", "Top quartile") or a rank ("12th of 152"). */
export interface Ranking {
  label: string;
  text: string;
}

/** A row's figures in its comparator columns, each with the benchmark and year its header names, then the register entry's for benchmarks the sheet has no column for. */
export function benchmarkCellsOf(
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
    benchmarks[index] = comparatorCell(
      benchmark,
      kind,
      year,
      cellAt(rowValues, column),
      formatAt(rowFormats, column),
      sheetRow,
      grid.origin.column + column
    );
  }
  if (registered !== undefined)
    for (const entry of registered)
      if (!benchmarks.some((benchmark) => benchmark.kind === entry.kind)) benchmarks.push(entry);
  return benchmarks.length > 0 ? benchmarks : undefined;
}

/** A comparator column's cell of a row: every one is made here, so all have one shape. */
function comparatorCell(
  benchmark: string,
  kind: BenchmarkCell["kind"],
  year: string,
  value: CellValue,
  numberFormat: string,
  row: number,
  column: number
): BenchmarkCell {
  return { benchmark, kind, year, value, numberFormat, row, column };
}

/**
 * The settled shape of comparator cells, made first with a blank and a figure, so each holds its figure as
 * the grid's own rather than copied into a box of its own (the reason is `settledPeriodCells`').
 */
export const settledComparatorCells = [
  comparatorCell("", undefined, "", null, "General", 0, 0),
  comparatorCell("", undefined, "", 0, "General", 0, 0),
];

/** Quartile and rank columns, as the row writes them. */
export function rankingsOf(
  reading: TableReading,
  rowValues: readonly CellValue[]
): Ranking[] | undefined {
  let rankings: Ranking[] | undefined;
  const columns = reading.columns.rankings;
  for (let index = 0; index < columns.length; index++) {
    const column = columns[index];
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
