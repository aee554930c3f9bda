/**
 * A reading of the active sheet with the KPI tables the core finds in it. Kept apart from opening.ts, which is
 * in the pane's first script: the core's table finding comes with the pane's chunk, while the first reading
 * it works on is already on its way.
 */
import { findTables, type FoundTables } from "../core";
import { readActiveSheet, type SheetReading } from "../excel/sheet-reading";
import { otherSheetsWithKpiTables } from "../excel/other-sheets";
import type { Capabilities } from "../excel/requirements";
import type { WorkbookRegister } from "../excel/workbook-register";

/** A reading of the active sheet with the KPI tables found on it; on a sheet with none, the sheets that have one. */
export interface SheetTables {
  reading: SheetReading;
  found: FoundTables;
  kpiSheets: string[];
}

/** Reads the active sheet and finds its tables with the workbook's register and words. */
export async function readSheetTables(
  context: Excel.RequestContext,
  capabilities: Capabilities,
  read: Pick<WorkbookRegister, "register" | "words">
): Promise<SheetTables> {
  return tablesIn(context, await readActiveSheet(context, capabilities), read);
}

/** The KPI tables of a sheet read; on a sheet with none, the other sheets that have one. */
export async function tablesIn(
  context: Excel.RequestContext,
  reading: SheetReading,
  { register, words }: Pick<WorkbookRegister, "register" | "words">
): Promise<SheetTables> {
  const find = (grid: SheetReading["grid"]) => findTables(grid, register, { words: words.words });
  const found = find(reading.grid);
  const kpiSheets =
    found.tables.length > 0
      ? []
      : await otherSheetsWithKpiTables(context, (grid) => find(grid).tables.length > 0).catch(
          () => [] // Only a pointer: where Excel cannot give the other sheets, none is named.
        );
  return { reading, found, kpiSheets };
}
