/** The workbook events the add-in follows: switching sheets re-reads; editing a table may change the register. */
export interface WorkbookWatchers {
  onSheetActivated: () => void | Promise<void>;
  /** A table changed or was deleted (its id), or was added (no id: it may be a new register). */
  onTablesChanged: (tableId?: string) => void | Promise<void>;
}

export async function watchWorkbook(context: Excel.RequestContext, watchers: WorkbookWatchers): Promise<void> {
  context.workbook.worksheets.onActivated.add(async () => watchers.onSheetActivated());
  context.workbook.tables.onChanged.add(async (event) => watchers.onTablesChanged(event.tableId));
  // A table added later (the analyst inserting a KPIRegister by hand) or deleted (ExcelApi 1.9, which the
  // shared runtime brings): a deleted register must stop answering.
  context.workbook.tables.onAdded.add(async () => watchers.onTablesChanged());
  context.workbook.tables.onDeleted.add(async (event) => watchers.onTablesChanged(event.tableId));
  await context.sync();
}
