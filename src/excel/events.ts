/** The workbook events the pane follows: switching sheets re-reads; editing a table may change the register. */
export interface WorkbookWatchers {
  onSheetActivated: () => void | Promise<void>;
  onTablesChanged: () => void | Promise<void>;
}

export async function watchWorkbook(context: Excel.RequestContext, watchers: WorkbookWatchers): Promise<void> {
  context.workbook.worksheets.onActivated.add(async () => watchers.onSheetActivated());
  context.workbook.tables.onChanged.add(async () => watchers.onTablesChanged());
  // A table added later (the analyst inserting a KPIRegister by hand) is only announced from ExcelApi 1.9.
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) context.workbook.tables.onAdded.add(async () => watchers.onTablesChanged());
  await context.sync();
}
