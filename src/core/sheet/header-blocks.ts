/**
 * The header blocks of a sheet, top to bottom: each row that heads a table (`layoutsAt`), a table whose one
 * header row is a two-row block's lower row beside it, and tables standing beside the others past a blank
 * column with their header rows on other rows than theirs (one table's header among the other's figures).
 */
import type { CellValue } from "../values/cell";
import { presentColumns, type Grid } from "../values/grid";
import type { TaughtHeaders } from "./headers";
import { layoutsAt, type Layout } from "./layout";
import { mergesOf, type Merges } from "./merges";

export function headerBlocksOf(
  grid: Grid,
  merges: Merges,
  taught: TaughtHeaders | undefined
): Layout[] {
  const layouts = blocksDown(grid, merges, taught);
  if (layouts.length === 0) return layouts;
  // A header row holds no figures, so a table beside another whose rows are offset from its own has its
  // header row among that table's figures: read again, each side past a blank column on its own.
  const { left, right } = columnSpan(layouts);
  const beside: Layout[] = [];
  for (const band of [
    { start: right + 2, end: Infinity },
    { start: 0, end: left - 1 },
  ]) {
    if (band.start >= band.end || !holdsCells(grid, band.start, band.end)) continue;
    const bandGrid = bandOf(grid, band.start, band.end);
    for (const layout of blocksDown(bandGrid, mergesOf(bandGrid), taught))
      if (layout.columns.every(({ column }) => column >= band.start && column < band.end))
        beside.push(layout);
  }
  if (beside.length === 0) return layouts;
  return [...layouts, ...beside].sort(
    (a, b) => a.headerRows[0] - b.headerRows[0] || a.measure - b.measure
  );
}

/** Each header block down the sheet, with a table beside a two-row block in the block's lower row. */
function blocksDown(grid: Grid, merges: Merges, taught: TaughtHeaders | undefined): Layout[] {
  const layouts: Layout[] = [];
  let above = 0;
  for (let row = 0; row < grid.values.length; row++) {
    const found = layoutsAt(grid, merges, row, above, taught);
    if (found.length === 0) continue;
    for (const layout of found) layouts.push(layout);
    const last = found[0].headerRows[found[0].headerRows.length - 1];
    // A table beside a two-row block, on either side, may have its one header row in the block's lower row.
    if (last > row)
      for (const beside of besideBlock(grid, merges, last, columnSpan(found), taught))
        layouts.push(beside);
    row = last;
    above = last + 1;
  }
  return layouts;
}

/**
 * The first and last columns that header blocks read: a column only left alone (a note such as "Source: …"
 * in the header row, past a blank column) is no part of the table, and may stand over a table beside it.
 */
export function columnSpan(layouts: readonly Layout[]): { left: number; right: number } {
  let [left, right] = [Infinity, -Infinity];
  for (const layout of layouts)
    for (const { column, role } of layout.columns)
      if (role.kind !== "other") [left, right] = [Math.min(left, column), Math.max(right, column)];
  return { left, right };
}

/**
 * The tables whose one header row is a two-row block's lower row `row`, beside the block's columns: to its
 * right, or to its left, read with the block's columns cut off those rows (else its quarters would read as
 * more columns of the table on the left).
 */
function besideBlock(
  grid: Grid,
  merges: Merges,
  row: number,
  { left, right }: { left: number; right: number },
  taught: TaughtHeaders | undefined
): Layout[] {
  const beside = layoutsAt(grid, merges, row, row, taught).filter(
    (layout) => layout.measure > right
  );
  if (left <= 0) return beside;
  const values = grid.values.slice();
  for (let at = row - 1; at <= row + 1 && at < values.length; at++)
    values[at] = (values[at] ?? []).slice(0, left);
  for (const layout of layoutsAt({ ...grid, values }, merges, row, row, taught))
    if (layout.columns.every((column) => column.column < left)) beside.push(layout);
  return beside;
}

/** Whether any row holds a cell in columns [start, end). */
function holdsCells(grid: Grid, start: number, end: number): boolean {
  for (const cells of grid.values) {
    if (cells === undefined || cells.length <= start) continue;
    const present = presentColumns(cells);
    if (present === null) {
      for (let column = start; column < Math.min(end, cells.length); column++)
        if (cells[column] !== null && cells[column] !== "") return true;
    } else if (present.some((column) => column >= start && column < end && cells[column] !== ""))
      return true;
  }
  return false;
}

/**
 * The grid with only columns [start, end) holding their cells, the others blank. Only a row holding text
 * there can head a table, so only such rows are copied, each with the band's cells alone: a sheet with a
 * cell every few columns out to XFD is never copied at its width.
 */
function bandOf(grid: Grid, start: number, end: number): Grid {
  return {
    ...grid,
    values: grid.values.map((cells) => {
      if (cells === undefined || cells.length <= start) return noCells;
      let band: CellValue[] | undefined;
      let text = false;
      const present = presentColumns(cells);
      const take = (column: number): void => {
        const cell = cells[column];
        if (cell === null || cell === undefined) return;
        // A short row is copied whole, blank outside the band, as rows are read (no holes); a long one
        // keeps only the band's cells, as a sheet's sparse rows do.
        band ??= present === null ? new Array<CellValue>(cells.length).fill(null) : [];
        band[column] = cell;
        if (typeof cell === "string") text = true;
      };
      if (present === null)
        for (let column = start; column < Math.min(end, cells.length); column++) take(column);
      else for (const column of present) if (column >= start && column < end) take(column);
      return band !== undefined && text ? band : noCells;
    }),
  };
}

/** A row with no cells, shared by every row a band leaves blank. */
const noCells: CellValue[] = [];
