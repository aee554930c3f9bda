import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../src/core";
import { readSheet } from "../../src/cli/sheet";
import { openWorkbook, readSheetContent } from "../../src/cli/workbook";
import { gridOf, readWorkbookFile } from "../support/xlsx-grid";
import { example, fixture } from "./run-command";

/** A grid without the trailing empty cells of its rows, which say nothing, and with formats only where a value is. */
function comparable(grid: Grid) {
  const trim = <T>(row: T[]): T[] => {
    const copy = [...row];
    while (
      copy.length > 0 &&
      (copy[copy.length - 1] === null || copy[copy.length - 1] === undefined)
    )
      copy.pop();
    return copy;
  };
  return {
    sheet: grid.sheet,
    values: grid.values.map((row) => trim(row)),
    numberFormats: grid.values.map((row, index) =>
      trim(
        row.map((value: CellValue, column) =>
          value === null ? null : grid.numberFormats[index][column]
        )
      )
    ),
    merges: [...grid.merges].sort((a, b) => a.top - b.top || a.left - b.left),
  };
}

const workbooks = [
  example("appendix-i.xlsx"),
  example("appendix-a.xlsx"),
  ...readdirSync(fixture(""))
    .filter((name) => name.endsWith(".xlsx") && name !== "corrupt.xlsx")
    .map(fixture),
];

describe("kpi-rag's streaming reader gives the core the grid an independent ExcelJS reading gives", () => {
  for (const file of workbooks) {
    it(`reads every sheet of ${file.split("/").slice(-1)[0]} with the same values, number formats and merges`, async () => {
      const judged = await readWorkbookFile(file);
      const workbook = await openWorkbook(file);
      try {
        expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(
          judged.worksheets.map((worksheet) => worksheet.name)
        );
        for (const [index, worksheet] of judged.worksheets.entries()) {
          const { grid } = await readSheetContent(workbook, workbook.sheets[index]);
          expect(comparable(grid)).toEqual(comparable(gridOf(worksheet)));
        }
      } finally {
        await workbook.zip.close();
      }
    });
  }
});

describe("the cells of a sheet read the same by the fast scanner and by saxes", () => {
  const sheet = (filler: string) =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `${filler}<x:sheetData><x:row r="2" hidden="1"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:r><x:t>Care </x:t></x:r><x:r><x:t xml:space="preserve">leavers &amp; &#x2019;EET&#8217; — 19–21</x:t></x:r><x:rPh sb="0" eb="1"><x:t>kea</x:t></x:rPh></x:is></x:c></x:row>` +
    '<x:row r="3"><x:c r="A3" s="1"><x:v>0.74</x:v></x:c><x:c r="B3" t="str"><x:f>IF(A3&gt;1,"x","")</x:f><x:v></x:v></x:c><x:c r="C3"><x:f>A3*2</x:f></x:c><x:c r="D3" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="E3" t="b"><x:v>1</x:v></x:c><!-- a comment </x:sheetData> --><x:c r="F3" t="str"><x:v><![CDATA[a <b> & c]]></x:v></x:c><x:c r="G3" s="2"><x:v>44287</x:v></x:c></x:row>' +
    '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c s="1"/><x:c><x:v>7</x:v></x:c></x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A3:B3"/></x:mergeCells></x:worksheet>';
  const context = {
    name: "Words",
    sharedStrings: ["Measure", "Référrals to “early help”"],
    numberFormats: ["General", "0%", "mmm-yy"],
    date1904: true,
  };
  async function* chunks(xml: string, size: number): AsyncGenerator<Buffer> {
    const bytes = Buffer.from(xml, "utf8");
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  }

  it("reads shared and inline strings without phonetic runs, entities, CDATA, formulas, errors, booleans, dates, merges and the cells of a hidden row", async () => {
    const { grid } = await readSheet(chunks(sheet(""), 7), context);
    expect(grid.values).toEqual([
      [],
      ["Référrals to “early help”", null, "Care leavers & \u2019EET\u2019 — 19–21"],
      [
        0.74,
        null,
        { error: "not calculated" },
        { error: "#DIV/0!" },
        true,
        "a <b> & c",
        44287 + 1462,
      ],
      ["Measure", null, 7],
    ]);
    expect(grid.numberFormats[2]).toEqual([
      "0%",
      "General",
      "General",
      "General",
      "General",
      "General",
      "mmm-yy",
    ]);
    expect(grid.merges).toEqual([{ top: 2, left: 0, bottom: 2, right: 1 }]);
  });

  it("gives the same grid and the same layout when saxes reads the cells, as it does when <sheetData> starts late", async () => {
    const fast = await readSheet(chunks(sheet(""), 64 * 1024), context);
    const filler = `<!--${"filler ".repeat(700_000)}-->`;
    const slow = await readSheet(chunks(sheet(filler), 64 * 1024), context);
    expect(slow.grid).toEqual(fast.grid);
    expect(slow.layout.insertAt - Buffer.byteLength(filler)).toBe(fast.layout.insertAt);
  });
});

describe("the cells of a long sheet held compactly", () => {
  const context = {
    name: "Figures",
    sharedStrings: [],
    numberFormats: ["General", "0%"],
    date1904: false,
  };
  async function* once(xml: string): AsyncGenerator<Buffer> {
    yield Buffer.from(xml, "utf8");
  }
  const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
  const worksheet = (rows: string) =>
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

  it("reads a figure written -0 as -0 after a 0, and a repeated figure as the same value on every row", async () => {
    const { grid } = await readSheet(
      once(
        worksheet(
          row(1, '<c r="A1"><v>0</v></c><c r="B1" s="1"><v>0.745</v></c>') +
            row(2, '<c r="A2"><v>-0</v></c><c r="B2" s="1"><v>0.745</v></c>') +
            row(3, '<c r="A3"><v>0.745</v></c><c r="C3"><v>0.745</v></c>')
        )
      ),
      context
    );
    expect(Object.is(grid.values[0][0], 0)).toBe(true);
    expect(Object.is(grid.values[1][0], -0)).toBe(true);
    expect(grid.values).toEqual([
      [0, 0.745],
      [-0, 0.745],
      [0.745, null, 0.745],
    ]);
    expect(grid.numberFormats).toEqual([
      ["General", "0%"],
      ["General", "0%"],
      ["General", "General", "General"],
    ]);
  });
});
