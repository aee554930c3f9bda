/**
 * A rule's cells as areas: runs along each row, stacked into rectangles where rows below have the same run,
 * written as A1 areas in reading order of their top-left cells.
 */
import { columnLetters } from "../values/grid";

/** Where a cell is on the sheet, 0-based. */
export interface CellAt {
  row: number;
  column: number;
}

/**
 * The speed structure of a rule's cells: its runs (row, first column, last column, then the next run) in a
 * typed array grown by doubling, 4 bytes a number. A list grown a push at a time copies itself each time it
 * grows by half, at 8 bytes a number: on the bench's sheet of 10,000 rows a megabyte a plan, enough to bring
 * on one more collection of everything detection made before the plan is done.
 */
export class Runs {
  /** Its numbers, the first `length` of them in use: read in place (a call a number costs until V8 compiles it), replaced by a longer array as runs are added. */
  numbers = new Int32Array(48);
  /** How many numbers it holds, three a run. */
  length = 0;

  /** Adds a run. */
  push(row: number, first: number, last: number): void {
    if (this.length + 3 > this.numbers.length) {
      const grown = new Int32Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[this.length] = row;
    this.numbers[this.length + 1] = first;
    this.numbers[this.length + 2] = last;
    this.length += 3;
  }
}

/** A row's cells (in column order, as a row's period cells are) as runs. */
function runsOf(cells: readonly CellAt[]): Runs {
  const runs = new Runs();
  pushRuns(runs, cells);
  return runs;
}

/** Adds a row's cells to a list of runs, a run joining only the one before it from the same cells. */
export function pushRuns(runs: Runs, cells: readonly CellAt[]): void {
  const first = runs.length;
  // By index: a for…of makes an iterator result a cell until V8 compiles this.
  for (let index = 0; index < cells.length; index++) {
    const { row, column } = cells[index];
    const last = runs.length - 1;
    const { numbers } = runs;
    if (last > first && numbers[last - 2] === row && numbers[last] + 1 === column)
      numbers[last] = column;
    else runs.push(row, column, column);
  }
}

/**
 * Each list of runs's areas, worked out once: the statuses of a set of bands colour the same cells, so
 * their rules share one list of area strings. On the bench's varied sheet of 10,000 rows its three statuses'
 * 30,000 areas are made once, not three times: with `pushRuns`, 6 of the 34 MB a find and plan made.
 */
export class AreasOfRuns {
  private readonly byLength = new Map<number, Array<{ runs: Runs; areas: string[] }>>();

  /** The areas of runs, a fresh list (each rule owns its own) of strings shared with any list of the same runs. */
  of(runs: Runs): string[] {
    let sameLength = this.byLength.get(runs.length);
    if (sameLength === undefined) {
      sameLength = [];
      this.byLength.set(runs.length, sameLength);
    }
    for (const known of sameLength)
      if (known.runs === runs || sameRuns(known.runs, runs)) return known.areas.slice();
    const areas = areasOfRuns(runs);
    sameLength.push({ runs, areas });
    return areas.slice();
  }
}

function sameRuns(a: Runs, b: Runs): boolean {
  const first = a.numbers;
  const second = b.numbers;
  for (let index = 0; index < a.length; index++) if (first[index] !== second[index]) return false;
  return true;
}

/**
 * Cells into as few rectangles as simply found: runs along each row, stacked where the next row has the
 * same run. Areas are made in reading order of their top-left cells, so they come out in that order with
 * no sort.
 */
export function areasOf(cells: readonly CellAt[]): string[] {
  return areasOfRuns(runsOf(cells));
}

/**
 * The areas of runs (row, first column, last column, …), stacked in one pass when they come in reading
 * order, as a plan's rows give them (but for tables side by side); sorted into it first when they do not. A sheet of 10,000 rows gives
 * tens of thousands of areas, so a run is three numbers until it needs an area of its own.
 */
function areasOfRuns(runs: Runs): string[] {
  const { numbers } = runs;
  let stacked = new StackedRuns();
  for (let index = 0; index < runs.length; index += 3)
    stacked.add(numbers[index], numbers[index + 1], numbers[index + 2]);
  if (!stacked.inReadingOrder) {
    const cells: CellAt[] = [];
    for (let index = 0; index < runs.length; index += 3)
      for (let column = numbers[index + 1]; column <= numbers[index + 2]; column++)
        cells.push({ row: numbers[index], column });
    cells.sort((a, b) => a.row - b.row || a.column - b.column);
    stacked = new StackedRuns();
    for (const { row, column } of cells) stacked.add(row, column, column);
  }
  const areas = stacked.finish();
  const letters: string[] = [];
  const lettersOf = (column: number): string => (letters[column] ??= columnLetters(column));
  const written = new Array<string>(areas.count);
  const { bounds } = areas;
  for (let area = 0; area < areas.count; area++) {
    const top = bounds[area * 4];
    const bottom = bounds[area * 4 + 1];
    const left = bounds[area * 4 + 2];
    const right = bounds[area * 4 + 3];
    const first = String(top + 1);
    written[area] =
      top === bottom
        ? left === right
          ? lettersOf(left) + first
          : `${lettersOf(left)}${first}:${lettersOf(right)}${first}`
        : `${lettersOf(left)}${first}:${lettersOf(right)}${bottom + 1}`;
  }
  return written;
}

/**
 * The speed structure of stacked areas: each area's top, bottom, left and right in a typed array grown by
 * doubling, an area an index into it. A sheet of 10,000 rows gives tens of thousands of areas, and an object
 * an area was 56 bytes kept until the collection after the plan (on the bench's sheet, 0.3 MB of 10 a find
 * and plan made); the strings written from them are all that is kept.
 */
class AreaBounds {
  /** Top, bottom, left and right of each area, the first `count` areas in use. */
  bounds = new Int32Array(64);
  count = 0;

  /** Adds an area of one row, returning its index. */
  add(row: number, left: number, right: number): number {
    if ((this.count + 1) * 4 > this.bounds.length) {
      const grown = new Int32Array(this.bounds.length * 2);
      grown.set(this.bounds);
      this.bounds = grown;
    }
    const at = this.count * 4;
    this.bounds[at] = row;
    this.bounds[at + 1] = row;
    this.bounds[at + 2] = left;
    this.bounds[at + 3] = right;
    return this.count++;
  }
}

/**
 * Runs taken in reading order, each continuing the area above it that has the same columns or starting an
 * area. A class, not a closure over the loop's variables, since a sheet of
 * 10,000 rows gives tens of thousands of areas and a closure makes every one of its variables slow to reach.
 */
class StackedRuns {
  private readonly areas = new AreaBounds();
  // Areas (their indices) that reached the previous row, in column order (runs are), and those reaching this
  // one. The two lists swap at each row and are written over, not emptied (setting an array's length is a slow call).
  private above: number[] = [];
  private aboveCount = 0;
  private reaching: number[] = [];
  private reachingCount = 0;
  private next = 0; // the first area above that a later run of the row could continue
  private row = -1;
  private left = -1;
  private right = -1;

  /** False once a run came before the one added ahead of it (or overlapped it): such a run is passed over, so the areas are worked out again from the runs sorted. */
  inReadingOrder = true;

  /** Adds a run of a row, left to right: it joins the run before it where the two touch. */
  add(row: number, left: number, right: number): void {
    if (row < this.row || (row === this.row && left <= this.right)) {
      this.inReadingOrder = false;
      return;
    }
    if (row !== this.row) {
      if (this.row !== -1) this.endRun();
      const reached = this.reaching;
      this.reaching = this.above;
      this.above = reached;
      this.aboveCount = this.reachingCount;
      this.reachingCount = 0;
      this.next = 0;
      this.row = row;
      this.left = left;
    } else if (left !== this.right + 1) {
      this.endRun();
      this.left = left;
    }
    this.right = right;
  }

  /** The areas, in reading order of their top-left cells. */
  finish(): AreaBounds {
    if (this.row !== -1) this.endRun();
    this.row = -1;
    return this.areas;
  }

  private endRun(): void {
    const { above, aboveCount, row, left, right } = this;
    const { bounds } = this.areas;
    let next = this.next;
    while (next < aboveCount && bounds[above[next] * 4 + 2] < left) next++;
    const area = next < aboveCount ? above[next] : -1;
    let reached: number;
    if (
      area >= 0 &&
      bounds[area * 4 + 2] === left &&
      bounds[area * 4 + 3] === right &&
      bounds[area * 4 + 1] === row - 1
    ) {
      bounds[area * 4 + 1] = row;
      next++;
      reached = area;
    } else reached = this.areas.add(row, left, right);
    this.reaching[this.reachingCount++] = reached;
    this.next = next;
  }
}
