import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../src/core";
import { openWorkbook, readSheetContent } from "../../src/cli/workbook";
import { gridOf, readWorkbookFile } from "../support/xlsx-grid";
import { example, fixture } from "./run-command";

/** A grid without the trailing empty cells of its rows, which say nothing, and with formats only where a value is. */
function comparable(grid: Grid) {
  const trim = <T>(row: T[]): T[] => {
    const copy = [...row];
    while (copy.length > 0 && (copy[copy.length - 1] === null || copy[copy.length - 1] === undefined)) copy.pop();
    return copy;
  };
  return {
    sheet: grid.sheet,
    values: grid.values.map((row) => trim(row)),
    numberFormats: grid.values.map((row, index) => trim(row.map((value: CellValue, column) => (value === null ? null : grid.numberFormats[index][column])))),
    merges: [...grid.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    hiddenRows: grid.hiddenRows ?? [],
  };
}

const workbooks = [example("appendix-i.xlsx"), example("appendix-a.xlsx"), ...readdirSync(fixture("")).filter((name) => name.endsWith(".xlsx") && name !== "corrupt.xlsx").map(fixture)];

describe("kpi-rag's streaming reader gives the core the grid an independent ExcelJS reading gives", () => {
  for (const file of workbooks) {
    it(`reads every sheet of ${file.split("/").slice(-1)[0]} with the same values, number formats, merges and hidden rows`, async () => {
      const judged = await readWorkbookFile(file);
      const workbook = await openWorkbook(file);
      try {
        expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(judged.worksheets.map((worksheet) => worksheet.name));
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
