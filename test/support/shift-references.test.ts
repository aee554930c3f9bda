// @vitest-environment node
/**
 * The formula judge's own reference shifter and the host's column letters, each case worked out by hand
 * from how Excel moves a conditional format's formula from its top-left cell to another cell.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnIndexOf, columnLetters } from "./a1.js";
import { shiftReferences } from "./shift-references.js";

describe("column letters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16_383, "XFD"],
  ])("spells column %i as %s, and reads it back", (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
    expect(columnIndexOf(letters)).toBe(column);
    expect(columnIndexOf(letters.toLowerCase())).toBe(column);
  });

  it("reads back every column of a sheet as the one it spelled, each spelled once", () => {
    const spelled = Array.from({ length: 16_384 }, (_, column) => columnLetters(column));
    expect(new Set(spelled).size).toBe(16_384);
    expect(spelled.every((letters, column) => columnIndexOf(letters) === column)).toBe(true);
  });
});

describe("moving a formula's references as Excel moves a rule's formula to another cell", () => {
  it.each([
    ["a relative cell, down and across", "=C2>$B2", 1, 2, "=E3>$B3"],
    ["only the unfixed part of a mixed reference", "=A$1+$A1+$A$1", 2, 3, "=D$1+$A3+$A$1"],
    ["both ends of a range", "=SUM(A1:B2)", 1, 1, "=SUM(B2:C3)"],
    ["each end of a range by its own $", "=COUNT($A1:A$3)", 1, 1, "=COUNT($A2:B$3)"],
    ["whole columns", "=COUNTA(A:B)+COUNTA($A:B)", 5, 1, "=COUNTA(B:C)+COUNTA($A:C)"],
    ["whole rows", "=SUM(1:2)+SUM($1:2)", 1, 5, "=SUM(2:3)+SUM($1:3)"],
    ["past Z into two letters, and up", "=Z9<AZ9", -1, 1, "=AA8<BA8"],
    ["a lower-case reference, written back as Excel writes it", "=b2*2", 1, 0, "=B3*2"],
    [
      "a reference on another sheet, by the sheet name Sheet1!",
      "=Sheet1!A1+'My Sheet 2'!B2",
      1,
      0,
      "=Sheet1!A2+'My Sheet 2'!B3",
    ],
    [
      "the rule's own marker and NUMBERVALUE's arguments left alone",
      '=AND(N("KPI RAG")=0,NUMBERVALUE($H2,".",",")>=G2)',
      3,
      0,
      '=AND(N("KPI RAG")=0,NUMBERVALUE($H5,".",",")>=G5)',
    ],
  ])("moves %s", (_, formula, rows, columns, moved) => {
    expect(shiftReferences(formula, rows, columns)).toBe(moved);
  });

  it.each([
    [
      "text in quotes that reads like a cell",
      '=ISNUMBER(SEARCH("A1",K7))',
      '=ISNUMBER(SEARCH("A1",K9))',
    ],
    ["text with doubled quotes", '="say ""B2"" here"&B2', '="say ""B2"" here"&B4'],
    ["a sheet name in quotes that reads like a cell", "='B2'!C3", "='B2'!C5"],
    ["a function whose name ends in digits", "=LOG10(A1)+ATAN2(B1,C1)", "=LOG10(A3)+ATAN2(B3,C3)"],
    ["a function with a dot in its name", '=KPI.RATE(G7,"KPI-18")', '=KPI.RATE(G9,"KPI-18")'],
    ["a name of four letters and digits", "=ABCD1+A1", "=ABCD1+A3"],
    ["a name past the last column, XFD", "=XFE1+XFD1", "=XFE1+XFD3"],
    ["numbers, decimals and exponents", "=A1>0.5+1E5", "=A3>0.5+1E5"],
    ["Excel's errors and TRUE", "=IFERROR(A1,#N/A)=TRUE", "=IFERROR(A3,#N/A)=TRUE"],
  ])("leaves %s where it is", (_, formula, moved) => {
    expect(shiftReferences(formula, 2, 0)).toBe(moved);
  });

  it("answers #REF! for a reference moved off the sheet, above row 1, left of A or past XFD, and for a range with an end off it", () => {
    expect(shiftReferences("=A1+B2", -1, 0)).toBe("=#REF!+B1");
    expect(shiftReferences("=SUM(A1:B2)", 0, -1)).toBe("=SUM(#REF!)");
    expect(shiftReferences("=COUNTA(A:B)", 0, -1)).toBe("=COUNTA(#REF!)");
    expect(shiftReferences("=XFD1", 0, 1)).toBe("=#REF!");
    expect(shiftReferences("=A1048576", 1, 0)).toBe("=#REF!");
    expect(shiftReferences("=$A1", 0, -1)).toBe("=$A1");
  });

  it("moves a formula there and back to where it was, and nowhere for no move", () => {
    const reference = fc
      .tuple(
        fc.boolean(),
        fc.integer({ min: 0, max: 700 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 5000 })
      )
      .map(
        ([columnFixed, column, rowFixed, row]) =>
          `${columnFixed ? "$" : ""}${columnLetters(column)}${rowFixed ? "$" : ""}${row + 1}`
      );
    const part = fc.oneof(
      reference,
      fc.constantFrom('"A1"', "0.5", "LOG10(2)", 'N("KPI RAG")', "Sheet1!", "TRUE")
    );
    const formula = fc.array(part, { minLength: 1, maxLength: 6 }).chain((parts) =>
      fc
        .array(fc.constantFrom("+", "-", "*", ">=", "<>", "&", ","), {
          minLength: parts.length,
          maxLength: parts.length,
        })
        .map(
          (operators) =>
            `=${parts.map((piece, index) => `${index ? operators[index] : ""}${piece}`).join("")}`
        )
    );
    fc.assert(
      fc.property(
        formula,
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (written, rows, columns) => {
          expect(shiftReferences(written, 0, 0)).toBe(written);
          expect(shiftReferences(shiftReferences(written, rows, columns), -rows, -columns)).toBe(
            written
          );
        }
      ),
      { numRuns: 300 }
    );
  });
});
