import { crc32, inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readSheet } from "../../src/cli/sheet";
import { SheetCopy } from "../../src/cli/sheet-copy";

const worksheet =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  Array.from(
    { length: 300 },
    (_, row) =>
      `<row r="${row + 1}"><c r="A${row + 1}" t="inlineStr"><is><t>KPI ${row}</t></is></c><c r="B${row + 1}"><v>${row / 7}</v></c></row>`
  ).join("") +
  '</sheetData><mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells></worksheet>';

const context = {
  name: "KPIs",
  sharedStrings: [],
  numberFormats: ["General"],
  date1904: false,
  keepCopy: true,
};

async function* chunks(xml: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(xml, "utf8");
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe("a sheet's copy, its cells deflated as they are read", () => {
  for (const size of [7, 4096, 1024 * 1024]) {
    it(`deflates the bytes up to </sheetData> and keeps the rest, read in chunks of ${size} bytes`, async () => {
      const { copy } = await readSheet(chunks(worksheet, size), context);
      const cellsEnd = worksheet.indexOf("</sheetData>");
      expect(cellsEnd).toBeGreaterThan(20_000);
      expect(Buffer.concat(copy!.rest()).toString("utf8")).toBe(worksheet.slice(cellsEnd));
      expect(copy!.continuable(cellsEnd)).toBe(true);
      const deflated = Buffer.concat(await copy!.begun.finish(copy!.rest()));
      // One deflate stream: the cells deflated early, the rest after them.
      expect(inflateRawSync(deflated).toString("utf8")).toBe(worksheet);
      expect(copy!.begun.size).toBe(Buffer.byteLength(worksheet));
      expect(copy!.begun.crc >>> 0).toBe(crc32(worksheet) >>> 0);
    });
  }

  it("is not written on from where an edit falls inside the deflated bytes", async () => {
    const { copy } = await readSheet(chunks(worksheet, 4096), context);
    expect(copy!.continuable(worksheet.indexOf("</sheetData>") - 1)).toBe(false);
  });

  it("is not written on once it deflated bytes that were then said to be kept", async () => {
    const copy = new SheetCopy();
    await copy.add(Buffer.from(`<worksheet><sheetData>${" ".repeat(10_000)}`));
    await copy.add(Buffer.from("</sheetData></worksheet>"), 5);
    expect(copy.continuable(1000)).toBe(false);
  });

  it("keeps every byte when the kept bytes begin at the part's start", async () => {
    const copy = new SheetCopy();
    await copy.add(Buffer.from("<worksheet>"), 0);
    await copy.add(Buffer.from("</worksheet>"), 0);
    expect(Buffer.concat(copy.rest()).toString()).toBe("<worksheet></worksheet>");
    expect(copy.continuable(0)).toBe(true);
    const deflated = Buffer.concat(await copy.begun.finish(copy.rest()));
    expect(inflateRawSync(deflated).toString()).toBe("<worksheet></worksheet>");
  });
});
