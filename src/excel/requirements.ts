/**
 * What this Excel can do, checked once at start. The pane needs conditional formats from add-ins
 * (ExcelApi 1.6); newer sets make things better but are not required, and the analyst is told plainly.
 */
export interface Capabilities {
  /** Multi-area ranges (one rule over many rows) and pausing screen updates while writing: ExcelApi 1.9. */
  rangeAreas: boolean;
  /** Events when the analyst switches sheets or edits a table: ExcelApi 1.7. */
  events: boolean;
  /** Copying a sheet, for the shareable copy: ExcelApi 1.7. */
  copySheet: boolean;
}

export type RequirementCheck = { ok: true; capabilities: Capabilities } | { ok: false; problem: string };

export function supportsExcelApi(version: string): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

export function checkRequirements(): RequirementCheck {
  const supports = supportsExcelApi;
  if (!supports("1.6")) {
    return {
      ok: false,
      problem:
        "This version of Excel is too old for the KPI RAG pane: applying conditional formatting from an add-in needs Excel 2016 (updated), Excel 2019 or later, Microsoft 365, or Excel on the web (ExcelApi 1.6).",
    };
  }
  return { ok: true, capabilities: { rangeAreas: supports("1.9"), events: supports("1.7"), copySheet: supports("1.7") } };
}

/** What an older Excel lacks, said once beside the pane's other messages. */
export function capabilityNotes(capabilities: Capabilities): string[] {
  const notes: string[] = [];
  if (!capabilities.events) notes.push("This Excel does not tell add-ins when you switch sheets (ExcelApi 1.7): press Read sheet again after switching. Share is not available either.");
  if (!capabilities.rangeAreas) notes.push("This Excel (before ExcelApi 1.9) needs one rule per block of rows, so the sheet gets more rules than on a newer Excel; the colours are the same.");
  return notes;
}
