import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSheet } from "../../src/cli/sheet";
import { columnLetters } from "../../src/core";
import { appendixEdited, oneSheetWorkbook, runOn, spreadsheetMain } from "./hostile-workbook";
import { repoRoot, scratchPerTest } from "./run-command";

const workspace = scratchPerTest();

const oneFigure = '<row r="1"><c r="A1"><v>1</v></c></row>';

/** `count` rows, each with one figure in `column`. */
const figureRows = (count: number, column: string): string =>
  Array.from(
    { length: count },
    (_, index) => `<row r="${index + 1}"><c r="${column}${index + 1}"><v>${index}</v></c></row>`
  ).join("");

describe("kpi-rag says in one line that a reference lies past Excel's last row or column", () => {
  it.each([
    [
      "a cell in column XFE",
      '<row r="1"><c r="XFE1"><v>1</v></c></row>',
      "",
      /the cell XFE1 lies past column XFD, Excel's last/,
    ],
    [
      "a cell in column AAAAAAAA",
      '<row r="1"><c r="AAAAAAAA1"><v>1</v></c></row>',
      "",
      /the cell AAAAAAAA1 lies past column XFD/,
    ],
    [
      "a row numbered 1,048,577",
      '<row r="1048577"><c r="A1048577"><v>1</v></c></row>',
      "",
      /a row is numbered 1048577, past Excel's last row, 1,048,576/,
    ],
    [
      "a row numbered 99,999,999,999",
      '<row r="99999999999"><c r="A1"><v>1</v></c></row>',
      "",
      /a row is numbered 99999999999, past Excel's last row/,
    ],
    [
      "a row numbered in words",
      '<row r="one"><c r="A1"><v>1</v></c></row>',
      "",
      /a row is numbered "one", which is no row number/,
    ],
    [
      "a merged area past row 1,048,576",
      oneFigure,
      '<mergeCells count="1"><mergeCell ref="A1:B1048577"/></mergeCells>',
      /the merged area A1:B1048577 lies past Excel's last row or column/,
    ],
  ])("refuses %s as damaged, naming the sheet", async (_case, rows, sheetTail, detail) => {
    const run = await runOn(workspace().folder, await oneSheetWorkbook(rows, { sheetTail }));
    expect(run.code).toBe(1);
    expect(run.error).toHaveLength(1);
    expect(run.error[0]).toMatch(
      /^kpi-rag: .*hostile\.xlsx is damaged .*\(the sheet KPI Register cannot be read: /
    );
    expect(run.error[0]).toMatch(detail);
  });
});

describe("kpi-rag's memory follows the cells a sheet holds, not the sheet's width or what its areas claim", () => {
  // Each row as wide as the sheet would take 2,000 × 2 × 16,384 slots, some 260 MB.
  it("reads 2,000 rows each with one figure in column XFD within a heap of 128 MB", async () => {
    const { folder } = workspace();
    const input = path.join(folder, "wide.xlsx");
    writeFileSync(
      input,
      await oneSheetWorkbook(figureRows(2_000, "XFD"), { sheetName: "Dashboard" })
    );
    const run = spawnSync(
      process.execPath,
      ["--max-old-space-size=128", "--import", "tsx", path.join(__dirname, "child.ts"), input],
      { cwd: repoRoot, encoding: "utf8", timeout: 120_000 }
    );
    expect(run.stderr).toMatch(/^kpi-rag: .*wide\.xlsx has no KPI table/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.status).toBe(1);
  }, 150_000);

  it("reads a KPIRegister table whose range is the whole sheet by the cells the sheet holds", async () => {
    const table = `<table xmlns="${spreadsheetMain}" id="1" name="KPIRegister" displayName="KPIRegister" ref="A1:XFD1048576"><tableColumns count="1"><tableColumn id="1" name="KPI"/></tableColumns></table>`;
    const bytes = await oneSheetWorkbook(
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>',
      { strings: ["KPI", "KPI-18"], tables: [table] }
    );
    const run = await runOn(workspace().folder, bytes);
    expect(run.code).toBe(1);
    expect(run.error).toHaveLength(1);
    expect(run.error[0]).toMatch(/hostile\.xlsx has no KPI table/);
  }, 30_000);

  it("reads a sheet with a merged area of 16 million cells", async () => {
    const bytes = await oneSheetWorkbook(
      `${oneFigure}<row r="1048576"><c r="A1048576"><v>2</v></c></row>`,
      {
        sheetTail: '<mergeCells count="1"><mergeCell ref="A1:P1048576"/></mergeCells>',
      }
    );
    const run = await runOn(workspace().folder, bytes);
    expect(run.code).toBe(1);
    expect(run.error).toHaveLength(1);
    expect(run.error[0]).toMatch(/hostile\.xlsx has no KPI table/);
  }, 30_000);
});

describe("kpi-rag reads a sheet's rows as the core expects them, holes only where memory needs them", () => {
  const context = { name: "Data", sharedStrings: [], numberFormats: [], date1904: false };
  async function* one(xml: string): AsyncGenerator<Buffer> {
    yield Buffer.from(xml);
  }
  const sheetOf = (rows: string): string =>
    `<worksheet xmlns="${spreadsheetMain}"><sheetData>${rows}</sheetData></worksheet>`;

  it("fills the empty cells between A1 and XFD1 with nothing, every one of them there", async () => {
    const { grid } = await readSheet(
      one(sheetOf('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>')),
      context
    );
    const row = grid.values[0];
    expect(row).toHaveLength(16_384);
    expect(Object.keys(row)).toHaveLength(16_384);
    expect([row[0], row[1], row[16_382], row[16_383]]).toEqual([1, null, null, 2]);
  });

  it("leaves holes once a sheet's empty runs pass a million cells, reading the same figures", async () => {
    const { grid } = await readSheet(one(sheetOf(figureRows(200, "XFD"))), context);
    expect(grid.values[0]).toHaveLength(16_384);
    expect(Object.keys(grid.values[0])).toHaveLength(16_384);
    expect(Object.keys(grid.values[199])).toEqual(["16383"]);
    expect(grid.values.map((row) => row[16_383])).toEqual(
      Array.from({ length: 200 }, (_, index) => index)
    );
  });
});

describe("kpi-rag reads a sheet made to cost it as cheaply as its cells allow", () => {
  const context = { name: "Data", sharedStrings: [], numberFormats: [], date1904: false };
  async function* chunks(xml: string, size: number): AsyncGenerator<Buffer> {
    const bytes = Buffer.from(xml);
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  }
  const sheetOf = (rows: string): string =>
    `<worksheet xmlns="${spreadsheetMain}"><sheetData>${rows}</sheetData></worksheet>`;

  // A cell every 64 columns out to XFD: runs of 63 empty cells, each narrow, 16,384 slots a row once filled.
  it("leaves holes once a sheet's narrow empty runs pass their budget, reading the same figures", async () => {
    const columns = Array.from({ length: 256 }, (_, index) => index * 64);
    const rows = Array.from(
      { length: 600 },
      (_, row) =>
        `<row r="${row + 1}">${columns.map((column) => `<c r="${columnLetters(column)}${row + 1}"><v>${row}</v></c>`).join("")}</row>`
    ).join("");
    const { grid } = await readSheet(chunks(sheetOf(rows), 1 << 20), context);
    expect(Object.keys(grid.values[0])).toHaveLength(16_321);
    expect(Object.keys(grid.values[599])).toHaveLength(256);
    expect(grid.values[599][16_320]).toBe(599);
    expect(grid.values[599][64]).toBe(599);
  });

  it("reads a value whose text runs over many chunks whole, and passes over as long a run between cells", async () => {
    const long = "x".repeat(300_000);
    const { grid } = await readSheet(
      chunks(
        sheetOf(
          `<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c>${" ".repeat(300_000)}<c r="B1"><v>12.5</v></c></row>`
        ),
        4096
      ),
      context
    );
    expect(grid.values[0]).toEqual([long, 12.5]);
  });
});

describe("kpi-rag refuses a workbook that lists one sheet part for two sheets", () => {
  it("says so in one line, writes nothing, and leaves the file as it was", async () => {
    const bytes = await appendixEdited({
      "xl/workbook.xml": (xml) =>
        xml.replace("</sheets>", '<sheet name="Again" sheetId="99" r:id="rIdAgain"/></sheets>'),
      "xl/_rels/workbook.xml.rels": (xml) =>
        xml.replace(
          "</Relationships>",
          '<Relationship Id="rIdAgain" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
    });
    const { folder } = workspace();
    const run = await runOn(folder, bytes);
    expect(run.code).toBe(1);
    expect(run.error).toHaveLength(1);
    expect(run.error[0]).toMatch(
      /is damaged .*\(the sheets ".+" and "Again" are one part, xl\/worksheets\/sheet1\.xml\)/
    );
    expect(existsSync(run.output)).toBe(false);
    expect(readFileSync(run.input).equals(bytes)).toBe(true);
  });
});

describe("kpi-rag refuses a cell naming shared text the workbook does not hold", () => {
  it("says which cell and how many shared texts there are, in one line, and writes nothing", async () => {
    const bytes = await oneSheetWorkbook(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c></row>',
      { strings: ["Measure"] }
    );
    const { folder } = workspace();
    const run = await runOn(folder, bytes);
    expect(run.code).toBe(1);
    expect(run.error).toHaveLength(1);
    expect(run.error[0]).toMatch(
      /is damaged .*the cell B1 names shared text number 7, but the workbook holds 1 shared text/
    );
    expect(existsSync(run.output)).toBe(false);
  });
});
