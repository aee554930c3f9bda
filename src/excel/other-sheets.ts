/**
 * The workbook's other sheets, for a first-time analyst on a sheet with no KPI table (a dashboard, a cover
 * sheet): which of them hold one, and going there. Only the top rows of each sheet are read, where a KPI
 * table's header is, so the answer costs one sync whatever the workbook's size.
 */
import type { CellValue, Grid } from "../core";
import { toCellValue } from "./cell-values";

/** Rows read from the top of each sheet: a KPI table's header and first rows are within them. */
export const topRowsRead = 200;

/**
 * The visible sheets other than the active one whose top rows hold a KPI table (as `holdsKpiTable` judges a
 * grid), in the workbook's order. One sync.
 */
export async function otherSheetsWithKpiTables(
  context: Excel.RequestContext,
  holdsKpiTable: (grid: Grid) => boolean
): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const active = sheets.getActiveWorksheet();
  active.load("name");
  await context.sync();
  const others = sheets.items
    .filter((sheet) => sheet.name !== active.name && sheet.visibility === "Visible")
    .map((sheet) => {
      const top = sheet.getRange(`1:${topRowsRead}`).getUsedRangeOrNullObject(true);
      top.load(["rowIndex", "columnIndex", "values", "numberFormat"]);
      return { name: sheet.name, top };
    });
  await context.sync();
  return others
    .filter(({ name, top }) => {
      if (top.isNullObject) return false;
      const values: CellValue[][] = top.values.map((row) => row.map(toCellValue));
      return holdsKpiTable({
        sheet: name,
        origin: { row: top.rowIndex, column: top.columnIndex },
        values,
        numberFormats: top.numberFormat as string[][],
        merges: [],
      });
    })
    .map(({ name }) => name);
}

/** Makes a sheet the active one: the pane's sheet-activation watch then reads it. */
export async function activateSheet(context: Excel.RequestContext, name: string): Promise<void> {
  context.workbook.worksheets.getItem(name).activate();
  await context.sync();
}
