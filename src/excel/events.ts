/** The workbook events the add-in follows: switching sheets re-reads; editing a table may change the register. */

/** Calls back when the analyst switches sheet, for as long as the runtime lives. */
export async function watchSheetActivation(
  context: Excel.RequestContext,
  onSheetActivated: () => void | Promise<void>
): Promise<void> {
  context.workbook.worksheets.onActivated.add(async () => onSheetActivated());
  await context.sync();
}

/** Calls back when a table changes or is deleted (its id), or is added (no id: it may be a new register). */
export async function watchTables(
  context: Excel.RequestContext,
  onTablesChanged: (tableId?: string) => void | Promise<void>
): Promise<void> {
  context.workbook.tables.onChanged.add(async (event) => onTablesChanged(event.tableId));
  // A table added later (the analyst inserting a KPIRegister by hand) or deleted (ExcelApi 1.9, which the
  // shared runtime brings): a deleted register must stop answering.
  context.workbook.tables.onAdded.add(async () => onTablesChanged());
  context.workbook.tables.onDeleted.add(async (event) => onTablesChanged(event.tableId));
  await context.sync();
}
