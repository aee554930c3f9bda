/**
 * Where each line of a virtualised list sits, and which lines a stretch of it shows: plain arithmetic over
 * the lines' heights, so a list of 10,000 KPIs draws only the thirty or so in view.
 */

/** Each line's top, from the list's top, and the list's whole height last: `starts[count]`. */
export function lineStarts(count: number, heightOf: (index: number) => number): Float64Array {
  const starts = new Float64Array(count + 1);
  for (let index = 0; index < count; index += 1)
    starts[index + 1] = starts[index] + heightOf(index);
  return starts;
}

/** The last line that starts at or above `y` (0 above the list). */
function lineAt(starts: Float64Array, y: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= y) low = middle;
    else high = middle - 1;
  }
  return Math.max(low, 0);
}

/** The lines from `first` up to (not including) `end`. */
export interface LineRange {
  first: number;
  end: number;
}

/**
 * The lines that overlap the stretch from `top` to `bottom` of the list (measured from its top), with
 * `spare` more on each side, so a line is drawn before it scrolls into view.
 */
export function linesBetween(
  starts: Float64Array,
  top: number,
  bottom: number,
  spare: number
): LineRange {
  const count = starts.length - 1;
  if (count <= 0) return { first: 0, end: 0 };
  const first = lineAt(starts, Math.max(top, 0));
  const last = bottom <= 0 ? 0 : lineAt(starts, bottom - 0.5);
  return {
    first: Math.max(first - spare, 0),
    end: Math.min(Math.max(last, first) + 1 + spare, count),
  };
}
