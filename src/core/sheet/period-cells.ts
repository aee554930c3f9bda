/**
 * A KPI row's period cells, read from its row of the grid: one object per period, each of one shape. Kept
 * apart from kpi-row.ts, which reads what the row means.
 */
import type { CellValue } from "../values/cell";
import type { Definition } from "../definition/definition";
import { headerText } from "./headers";
import { cellAt, formatAt, type TableReading } from "./table-reading";

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
      periodCell(
        period,
        sheetRow,
        grid.origin.column + column,
        cellAt(rowValues, column),
        formatAt(rowFormats, column)
      ),
    ];
  }
  const cells = new Array<PeriodCell>(columns.periods.length);
  for (let index = 0; index < cells.length; index++) {
    const { label, column, headline } = columns.periods[index];
    cells[index] = periodCell(
      label,
      sheetRow,
      grid.origin.column + column,
      cellAt(rowValues, column),
      formatAt(rowFormats, column)
    );
    if (headline) cells[index].headline = true;
  }
  return cells;
}

/** A period cell: every one is made here, so all have one shape (see `settledPeriodCells`). */
function periodCell(
  period: string,
  row: number,
  column: number,
  value: CellValue,
  numberFormat: string
): PeriodCell {
  return { period, row, column, value, numberFormat };
}

/**
 * The speed structure of period cells, their settled shape: V8 keeps a field in the representation of the
 * first values stored in it. Were the first cell of a process a figure, every later cell's figure would be
 * copied into a box of its own (16 bytes and an allocation a cell: 40,000 on the bench's varied sheet of
 * 10,000 rows), and the first blank cell would throw away the compiled row reading. Made first with a
 * blank and a figure, every cell holds its value as the grid's own, and nothing is compiled twice.
 */
export const settledPeriodCells = [
  periodCell("", 0, 0, null, "General"),
  periodCell("", 0, 0, 0, "General"),
];
