/**
 * A rule's cells written as areas: whatever cells a rule colours, its areas cover those cells, each once,
 * and nothing else, the first area holding the top-left cell of them all (formulas are relative to it).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { areasOf } from "../../src/core/plan/rule-areas";
// Areas are read back with the simulated host's own A1 code, not the core's that wrote them.
import { parseAddress } from "../support/a1";

const cellSets = fc.uniqueArray(
  fc.record({ row: fc.integer({ min: 0, max: 12 }), column: fc.integer({ min: 0, max: 6 }) }),
  { minLength: 1, maxLength: 60, selector: (cell) => `${cell.row},${cell.column}` }
);

function covered(areas: string[]): string[] {
  return areas.flatMap((address) => {
    const parsed = parseAddress(address);
    if (!parsed) throw new Error(`${address} is not an address`);
    const { top, left, bottom, right } = parsed.area;
    const cells: string[] = [];
    for (let row = top; row <= bottom; row++)
      for (let column = left; column <= right; column++) cells.push(`${row},${column}`);
    return cells;
  });
}

describe("the areas of a rule's cells", () => {
  it("cover exactly the cells, each once, in any order they arrive", () => {
    fc.assert(
      fc.property(cellSets, fc.boolean(), (cells, shuffled) => {
        const given = shuffled
          ? [...cells]
          : [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
        const areas = areasOf(given);
        const keys = covered(areas);
        expect(new Set(keys).size).toBe(keys.length);
        expect(new Set(keys)).toEqual(new Set(cells.map((cell) => `${cell.row},${cell.column}`)));
      })
    );
  });

  it("start with the top-left cell of them all", () => {
    fc.assert(
      fc.property(cellSets, (cells) => {
        const top = Math.min(...cells.map((cell) => cell.row));
        const left = Math.min(...cells.filter((cell) => cell.row === top).map((c) => c.column));
        const first = parseAddress(areasOf(cells)[0])?.area;
        expect(first && [first.top, first.left]).toEqual([top, left]);
      })
    );
  });

  it("stack a block of rows that share their runs into one area: G8:J9", () => {
    const cells = [7, 8].flatMap((row) => [6, 7, 8, 9].map((column) => ({ row, column })));
    expect(areasOf(cells)).toEqual(["G8:J9"]);
  });

  it("keep a run that changes width apart: B2:C2, B3:D3", () => {
    const cells = [
      { row: 1, column: 1 },
      { row: 1, column: 2 },
      { row: 2, column: 1 },
      { row: 2, column: 2 },
      { row: 2, column: 3 },
    ];
    expect(areasOf(cells)).toEqual(["B2:C2", "B3:D3"]);
  });

  it("leave a gap in a row as two areas, each stacked on its own: A1:A2, C1:C2", () => {
    const cells = [0, 1].flatMap((row) => [0, 2].map((column) => ({ row, column })));
    expect(areasOf(cells)).toEqual(["A1:A2", "C1:C2"]);
  });
});
