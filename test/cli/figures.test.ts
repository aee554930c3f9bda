import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSheet } from "../../src/cli/sheet";
import { decimalFigure } from "../../src/cli/value-bytes";

const bytesOf = (text: string) => Buffer.from(`<v>${text}</v>`, "latin1");
const figureOf = (text: string) => decimalFigure(bytesOf(text), 3, 3 + text.length);

/** Plain decimals as Excel writes them: a sign, up to 15 digits, maybe a point inside them. */
const plainDecimal = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.constantFrom(..."0123456789"), { minLength: 1, maxLength: 15 }),
    fc.nat(15)
  )
  .map(([negative, digits, point]) => {
    const at = point % digits.length;
    const text =
      at === 0 ? digits.join("") : `${digits.slice(0, at).join("")}.${digits.slice(at).join("")}`;
    return negative ? `-${text}` : text;
  });

describe("a value's figure read from its bytes", () => {
  it("is the very number Number() reads from the same text, -0 and trailing zeros included", () => {
    fc.assert(
      fc.property(plainDecimal, (text) => {
        expect(Object.is(figureOf(text), Number(text))).toBe(true);
      }),
      { seed: 20, numRuns: 2000 }
    );
    for (const text of ["0.1", "0.7", "0.745", "-0", "-0.0", "0.30000000000000", "999999999999999"])
      expect(Object.is(figureOf(text), Number(text))).toBe(true);
  });

  it("is left to the text for anything but a plain decimal of at most 15 digits", () => {
    for (const text of [
      "",
      "-",
      "1.",
      ".5",
      "+2",
      " 7",
      "7 ",
      "1e3",
      "1E-2",
      "0x10",
      "1234567890123456",
      "1.2.3",
      "Infinity",
      "NaN",
    ])
      expect(figureOf(text)).toBeNaN();
  });
});

describe("the figures of a sheet read the same by the fast scanner and by saxes", () => {
  const context = {
    name: "Figures",
    sharedStrings: ["zero", "one"],
    numberFormats: ["General"],
    date1904: false,
  };
  const texts = [
    "0.1",
    "-0",
    "1.",
    ".5",
    " 7 ",
    "1e3",
    "12345678901234567",
    "0.30000000000000004",
    "1",
    "-12.5",
    "007",
  ];
  const cells = texts
    .map((text, column) => `<c r="${String.fromCharCode(65 + column)}1"><v>${text}</v></c>`)
    .join("");
  const shared =
    '<c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>-0</v></c><c r="C2" t="s"><v> 0</v></c>';
  const sheet = (filler: string) =>
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${filler}<sheetData><row r="1">${cells}</row><row r="2">${shared}</row></sheetData></worksheet>`;
  async function* once(xml: string): AsyncGenerator<Buffer> {
    yield Buffer.from(xml, "utf8");
  }

  it("reads plain and unusual number texts, and shared strings' indexes, as Number() reads their text", async () => {
    const fast = await readSheet(once(sheet("")), context);
    const slow = await readSheet(once(sheet(`<!--${"filler ".repeat(700_000)}-->`)), context);
    expect(fast.grid.values[0].map((value) => (Object.is(value, -0) ? "-0" : value))).toEqual(
      texts.map((text) =>
        Object.is(Number(text), -0) ? "-0" : Number.isFinite(Number(text)) ? Number(text) : text
      )
    );
    expect(fast.grid.values[1]).toEqual(["one", "zero", "zero"]);
    expect(slow.grid.values).toEqual(fast.grid.values);
    expect(Object.is(slow.grid.values[0][1], -0)).toBe(true);
  });

  it("refuses a shared string's index that names no shared text, such as 1.5", async () => {
    const halfway = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="C2" t="s"><v>1.5</v></c></row></sheetData></worksheet>`;
    await expect(readSheet(once(halfway), context)).rejects.toThrow(
      "the cell C2 names shared text number 1.5, but the workbook holds 2 shared texts"
    );
  });
});
