/**
 * Moving a rule's formula from its first cell to the first cell of another list of areas, as Excel would
 * read it there: relative references move, $-fixed parts, quoted text and names stay put. Judged against
 * the formula judge's own reference shifter, which shares no code with the core's.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moveFormula } from "../../src/core";
import { shiftReferences } from "../support/shift-references";

describe("moving a rule's formula", () => {
  it('moves F5 two rows down and one across to G7, leaving "F5" in quotes alone', () => {
    expect(moveFormula('=AND(F5<>"",F5>=0.9,N("F5")=0)', 2, 1)).toBe(
      '=AND(G7<>"",G7>=0.9,N("F5")=0)'
    );
  });

  it("keeps $-fixed parts: $L5 moves only its row, L$5 only its column, $L$5 not at all", () => {
    expect(moveFormula("=$L5+L$5+$L$5", 3, 2)).toBe("=$L8+N$5+$L$5");
  });

  it("leaves LOG10( and a sheet called Sheet1 alone, but moves the cell on Sheet1", () => {
    expect(moveFormula("=LOG10(A1)+Sheet1!B2", 1, 1)).toBe("=LOG10(B2)+Sheet1!C3");
  });

  it("leaves a quoted sheet name that looks like a cell alone: 'Q1'!A1 moves only A1", () => {
    expect(moveFormula("='Q1'!A1+'It''s A1'!B2", 1, 0)).toBe("='Q1'!A2+'It''s A1'!B3");
  });

  it("moves as the judge moves, for any formula made of references, names, text and numbers", () => {
    const piece = fc.oneof(
      fc
        .record({
          columnFixed: fc.boolean(),
          column: fc.constantFrom("A", "F", "L", "Z", "AB"),
          rowFixed: fc.boolean(),
          row: fc.integer({ min: 1, max: 500 }),
        })
        .map(
          ({ columnFixed, column, rowFixed, row }) =>
            `${columnFixed ? "$" : ""}${column}${rowFixed ? "$" : ""}${row}`
        ),
      fc.constantFrom(
        "LOG10(",
        "Sheet1!",
        "DATA2!",
        "'Q1'!",
        '"F5"',
        "NUMBERVALUE(",
        ")",
        ",",
        ">=",
        "0.9",
        "ISNUMBER(",
        'N("KPI RAG")=0'
      )
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 5 }),
        (pieces, rows, columns) => {
          const formula = `=${pieces.join("+")}`;
          expect(moveFormula(formula, rows, columns)).toBe(shiftReferences(formula, rows, columns));
        }
      )
    );
  });
});
