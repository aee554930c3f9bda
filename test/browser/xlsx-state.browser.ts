/**
 * Stands in for test/support/xlsx-state.ts in the browser bundle of the simulated host (host-bundle.ts
 * swaps it in): reading and writing .xlsx files needs ExcelJS and node:fs, which the page has no use for.
 * The workbook arrives already read, as JSON.
 */
function unavailable(): never {
  throw new Error(
    "The simulated Excel in the browser cannot read or write .xlsx files: load the workbook in Node and pass its state as JSON."
  );
}

export const readWorkbookState = unavailable;
export const writeWorkbookState = unavailable;
export const saveWorkbookState = unavailable;
