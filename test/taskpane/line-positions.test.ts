/** The arithmetic of the virtualised list: each line's top, and which lines a stretch of the list shows. */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { lineStarts, linesBetween } from "../../src/taskpane/components/line-positions";

describe("where the lines of a virtualised list sit", () => {
  test("puts each line under the one before: closed lines of 29 px with the second opened to 200 px", () => {
    const starts = lineStarts(4, (index) => (index === 1 ? 200 : 29));
    expect([...starts]).toEqual([0, 29, 229, 258, 287]);
  });

  test("shows lines 2 to 4 (from 0) for a view from 60 to 120 px of 29 px lines, with none spare", () => {
    expect(
      linesBetween(
        lineStarts(100, () => 29),
        60,
        120,
        0
      )
    ).toEqual({ first: 2, end: 5 });
  });

  test("shows the first line and the spare ones after it when the list is below the view", () => {
    expect(
      linesBetween(
        lineStarts(100, () => 29),
        -900,
        -300,
        5
      )
    ).toEqual({ first: 0, end: 6 });
  });

  test("shows nothing of an empty list", () => {
    expect(
      linesBetween(
        lineStarts(0, () => 29),
        0,
        800,
        5
      )
    ).toEqual({ first: 0, end: 0 });
  });

  test("draws exactly the lines that overlap the view, and the spare ones around them, whatever the heights", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: -2000, max: 40_000 }),
        fc.integer({ min: 1, max: 1200 }),
        fc.integer({ min: 0, max: 8 }),
        (heights, top, viewHeight, spare) => {
          const starts = lineStarts(heights.length, (index) => heights[index]);
          const { first, end } = linesBetween(starts, top, top + viewHeight, spare);
          const overlapping = heights
            .map((_, index) => index)
            .filter((index) => starts[index] < top + viewHeight && starts[index + 1] > top);
          expect(end).toBeGreaterThan(first);
          for (const index of overlapping) {
            expect(index).toBeGreaterThanOrEqual(first);
            expect(index).toBeLessThan(end);
          }
          if (overlapping.length > 0) {
            expect(first).toBe(Math.max(overlapping[0] - spare, 0));
            expect(end).toBe(
              Math.min(overlapping[overlapping.length - 1] + 1 + spare, heights.length)
            );
          }
        }
      ),
      { seed: 19, numRuns: 300 }
    );
  });
});
