/**
 * One Excel.run per user action, patient with an analyst who is typing in a cell: Excel refuses add-in
 * requests in cell-edit mode, so the action waits and tries again instead of failing.
 */
import { errorCode, isCellEditMode, officeError } from "./office-errors";

export interface RunOptions {
  /** Told once when Excel is busy with the analyst's edit, so the pane can say it is waiting. */
  onWaiting?: () => void;
  /** How long to keep trying, in milliseconds. */
  patience?: number;
  /** Whether the analyst asked to stop waiting: asked between tries, it ends the action with nothing done. */
  stopped?: () => boolean;
  pause?: (milliseconds: number) => Promise<void>;
}

const wait = (milliseconds: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, milliseconds));

export async function runExcel<T>(
  action: (context: Excel.RequestContext) => Promise<T>,
  options: RunOptions = {}
): Promise<T> {
  const { onWaiting, patience = 60_000, pause = wait, stopped } = options;
  let waited = 0;
  let told = false;
  for (;;) {
    try {
      return await Excel.run(action);
    } catch (error) {
      if (!isCellEditMode(error) || waited >= patience) throw error;
      if (!told) {
        told = true;
        onWaiting?.();
      }
      await pause(500);
      waited += 500;
      if (stopped?.())
        throw new AnalystProblem(
          "you stopped waiting for the cell being edited, so nothing was done"
        );
    }
  }
}

/** Something the add-in found that the analyst must put right, already in their words. */
export class AnalystProblem extends Error {
  override readonly name = "AnalystProblem";
}

/** A failed read in words: nothing was changed, so the only thing to do is to try again. */
export function explainReadFailure(error: unknown): string {
  const code = errorCode(error);
  if (code === officeError.itemNotFound || code === officeError.cellEditMode)
    return explainFailure(error, "The sheet could not be read");
  return `The sheet could not be read${code ? ` (Excel said ${code})` : ""}. Nothing was changed. Try again; if it fails again, save, close and reopen the workbook.`;
}

/** An Office.js failure in words an analyst can act on; the detail stays out of sight. */
export function explainFailure(error: unknown, whatFailed: string): string {
  if (error instanceof AnalystProblem) return `${whatFailed}: ${error.message}.`;
  const code = errorCode(error);
  switch (code) {
    case officeError.cellEditMode:
      return `${whatFailed}: Excel is still waiting for you to finish editing a cell. Press Enter or Esc, then try again.`;
    case officeError.itemNotFound:
      return `${whatFailed}: the sheet or table has gone (it may have been deleted or renamed). Read the sheet again.`;
    case officeError.accessDenied:
    case officeError.insertDeleteConflict:
      return `${whatFailed}: the sheet is protected or locked. Unprotect it (Review > Unprotect Sheet) and try again.`;
    case officeError.requestPayloadTooLarge:
    case officeError.responsePayloadTooLarge:
      return `${whatFailed}: the sheet is too large to read in one go. Keep the KPI tables on a sheet of their own and try again.`;
    default:
      return `${whatFailed}: Excel did not accept the change${code ? ` (${code})` : ""}. Nothing else was changed; applying again repairs any half-made formatting.`;
  }
}
