/**
 * The Office.js error codes the add-in acts on, each named once. They are Excel.ErrorCodes' values written
 * as strings, so this module (and the code that reads a failure) needs no Office.js when it loads.
 */
export const officeError = {
  cellEditMode: "InvalidOperationInCellEditMode",
  itemNotFound: "ItemNotFound",
  accessDenied: "AccessDenied",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  requestPayloadTooLarge: "RequestPayloadSizeLimitExceeded",
  responsePayloadTooLarge: "ResponsePayloadSizeLimitExceeded",
} as const;

/** The code of whatever a failed sync threw (an OfficeExtension.Error), if it has one. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null
    ? (error as { code?: string }).code
    : undefined;
}

/** Excel refuses every request while the analyst is typing in a cell: the add-in waits, or says so. */
export function isCellEditMode(error: unknown): boolean {
  return errorCode(error) === officeError.cellEditMode;
}
