/** A grid from rows of any length, padded with blanks to the widest, each cell's number format from `formatAt`. */
import type { CellValue, Grid } from "../../src/core";

export function paddedGrid(
  sheet: string,
  values: CellValue[][],
  formatAt: (row: number, column: number) => string
): Grid {
  const width = Math.max(...values.map((row) => row.length));
  const padded = values.map((row) => [...row, ...Array<CellValue>(width - row.length).fill(null)]);
  return {
    sheet,
    origin: { row: 0, column: 0 },
    values: padded,
    numberFormats: padded.map((row, r) => row.map((_, c) => formatAt(r, c))),
    merges: [],
  };
}
