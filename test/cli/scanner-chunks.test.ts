import { describe, expect, it } from "vitest";
import { readSheet } from "../../src/cli/sheet";

/** Rows of figures and texts, with a text and a comment inside the cells longer than the bytes joined to a carry. */
const worksheet =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  Array.from(
    { length: 400 },
    (_, row) =>
      `<row r="${row + 1}"><c r="A${row + 1}" t="inlineStr"><is><t>${row % 97 === 5 ? `Long &amp; ${"words ".repeat(2000)}` : `KPI ${row}`}</t></is></c>` +
      `${row % 101 === 7 ? `<!-- ${"note ".repeat(3000)} -->` : ""}<c r="B${row + 1}"><v>${row / 8}</v></c><c r="C${row + 1}" t="b"><v>${row % 2}</v></c></row>`
  ).join("") +
  "</sheetData></worksheet>";

const context = { name: "KPIs", sharedStrings: [], numberFormats: ["General"], date1904: false };

async function* chunks(xml: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(xml, "utf8");
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe("the cells scanned the same however the sheet's bytes are cut", () => {
  it("reads the same grid in chunks of 3,000 to 70,000 bytes as in one", async () => {
    const whole = await readSheet(chunks(worksheet, Infinity), context);
    expect(whole.grid.values).toHaveLength(400);
    expect(whole.grid.values[5][0]).toMatch(/^Long & (words ){1999}words $/);
    expect(whole.grid.values[399]).toEqual(["KPI 399", 399 / 8, true]);
    for (const size of [3000, 4095, 4097, 5003, 8192, 12_289, 70_001]) {
      const cut = await readSheet(chunks(worksheet, size), context);
      expect(cut.grid.values, `chunks of ${size} bytes`).toEqual(whole.grid.values);
      expect(cut.layout, `chunks of ${size} bytes`).toEqual(whole.layout);
    }
  });
});
