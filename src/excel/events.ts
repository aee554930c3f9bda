/**
 * The workbook events the add-in follows: switching sheets and editing cells re-read the sheet; editing a
 * table may change the register. A handler added in one Excel.run is removed through that run's context
 * (Office.js: "remove the event handler using the same RequestContext"), which `Watch.stop` does.
 */

/** A handler that is registered, and how to take it off again. */
export interface Watch {
  stop(): Promise<void>;
}

/** Takes handlers off through the context that added them: one sync. */
function watchOf(registrations: OfficeExtension.EventHandlerResult<unknown>[]): Watch {
  return {
    stop: async () => {
      const context = registrations[0]?.context;
      if (!context) return;
      await Excel.run(context, async (ours) => {
        for (const registration of registrations) registration.remove();
        await ours.sync();
      });
    },
  };
}

/** Calls back when the analyst switches sheet. */
export async function watchSheetActivation(
  context: Excel.RequestContext,
  onSheetActivated: () => void | Promise<void>
): Promise<Watch> {
  const registration = context.workbook.worksheets.onActivated.add(async () => onSheetActivated());
  await context.sync();
  return watchOf([registration as OfficeExtension.EventHandlerResult<unknown>]);
}

/**
 * Calls back with the sheet's id when cells of any sheet change (typed, pasted, recalculated by a write;
 * ExcelApi 1.9). Excel holds these back while a cell is being edited and sends them when the edit ends.
 */
export async function watchCellChanges(
  context: Excel.RequestContext,
  onCellsChanged: (sheetId: string) => void
): Promise<Watch> {
  const registration = context.workbook.worksheets.onChanged.add(async (event) =>
    onCellsChanged(event.worksheetId)
  );
  await context.sync();
  return watchOf([registration as OfficeExtension.EventHandlerResult<unknown>]);
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
