/** The workbook events the pane follows: switching sheets re-reads; editing a table may change the register. */
export interface WorkbookWatchers {
  onSheetActivated: () => void;
  onTablesChanged: () => void;
}

export async function watchWorkbook(context: Excel.RequestContext, watchers: WorkbookWatchers): Promise<void> {
  context.workbook.worksheets.onActivated.add(async () => watchers.onSheetActivated());
  context.workbook.tables.onChanged.add(async () => watchers.onTablesChanged());
  context.workbook.tables.onAdded.add(async () => watchers.onTablesChanged());
  await context.sync();
}
