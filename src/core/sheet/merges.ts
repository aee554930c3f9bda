/**
 * A sheet's merged cells, read as Excel shows them: every cell of a merged area shows the area's value,
 * found by halving over bands of rows, so the memory follows the areas and not the cells they cover.
 */
import type { CellValue } from "../values/cell";
import type { Grid, GridArea } from "../values/grid";

export interface Merges {
  /** A cell read through its merge: every cell of a merged area shows the area's value. */
  value: (row: number, column: number) => CellValue;
  /** Whether a cell continues a merge from the row above (a header merged down over two rows). */
  continuesFromAbove: (row: number, column: number) => boolean;
}

/** Header labels and section labels are read through merged cells. */
export function mergesOf(grid: Grid): Merges {
  return new MergedCells(grid);
}

/**
 * A grid's merged areas, each cell of an area found by its position. A class, so each sheet's reading
 * calls the same two methods (closures made afresh for every sheet would each be a new call target to
 * the code that reads a row, and make it start over).
 */
class MergedCells implements Merges {
  /**
   * The merged areas by bands of rows: a band starts at a row where an area starts or ends, and holds the
   * areas over its rows sorted by first column. The memory follows the areas, not the cells they cover, so
   * a merged area of 16 million cells takes as little as one of two.
   */
  private readonly bandStarts: number[] = [];
  private readonly bandAreas: GridArea[][] = [];

  constructor(private readonly grid: Grid) {
    const areas = [...grid.merges].sort((a, b) => a.top - b.top);
    const edges = [...new Set(areas.flatMap((area) => [area.top, area.bottom + 1]))].sort(
      (a, b) => a - b
    );
    let active: GridArea[] = [];
    let next = 0;
    for (const edge of edges) {
      active = active.filter((area) => area.bottom >= edge);
      while (next < areas.length && areas[next].top === edge) active.push(areas[next++]);
      this.bandStarts.push(edge);
      this.bandAreas.push([...active].sort((a, b) => a.left - b.left));
    }
  }

  value(row: number, column: number): CellValue {
    const { grid } = this;
    const area = this.areaAt(row, column);
    return (area ? grid.values[area.top]?.[area.left] : grid.values[row]?.[column]) ?? null;
  }

  continuesFromAbove(row: number, column: number): boolean {
    const area = this.areaAt(row, column);
    return area !== undefined && area.top < row;
  }

  /** The merged area a cell lies in, found by halving: the band of its row, then the area by its column. */
  private areaAt(row: number, column: number): GridArea | undefined {
    const band = lastAtMost(this.bandStarts, row, itself);
    if (band < 0) return undefined;
    const areas = this.bandAreas[band];
    const found = lastAtMost(areas, column, leftOf);
    const area = found < 0 ? undefined : areas[found];
    return area && area.right >= column ? area : undefined;
  }
}

// Keys for `lastAtMost`, made once: an arrow written in the call is a new function each time it runs.
const itself = (start: number): number => start;
const leftOf = (area: GridArea): number => area.left;

/** The index of the last item whose key is at most `wanted` (items sorted by key); -1 when there is none. */
function lastAtMost<T>(items: readonly T[], wanted: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (key(items[middle]) <= wanted) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
