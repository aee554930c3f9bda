/**
 * What this Excel can do, checked once at start. The manifest asks for SharedRuntime 1.1, which only
 * Microsoft 365 (Version 2002 or later), Excel 2021, Excel for Mac 16.35 or later and Excel on the web
 * have, and all of them have ExcelApi 1.9 (multi-area ranges, events, copying sheets). The pane says so
 * plainly where an older Excel still opens it; newer sets make things better and are used where present.
 */
export interface Capabilities {
  /** Where merged cells are (Range.getMergedAreasOrNullObject): ExcelApi 1.13. */
  mergedAreas: boolean;
  /** The locale's decimal separator (Application.cultureInfo), to pick getRanges' list separator: ExcelApi 1.11. */
  cultureInfo: boolean;
  /** A rule by its id that answers a null object once it has gone (getItemOrNullObject): ExcelApi 1.14. */
  formatById: boolean;
}

export type RequirementCheck =
  { ok: true; capabilities: Capabilities } | { ok: false; problem: string };

export function supportsExcelApi(version: string): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

/** The sets this Excel has, for the pane to say (and for the self-check's report). */
export function detectCapabilities(): Capabilities {
  return {
    mergedAreas: supportsExcelApi("1.13"),
    cultureInfo: supportsExcelApi("1.11"),
    formatById: supportsExcelApi("1.14"),
  };
}

export function checkRequirements(): RequirementCheck {
  if (!supportsExcelApi("1.9")) {
    return {
      ok: false,
      problem:
        "This version of Excel is too old for the KPI RAG pane: it needs Microsoft 365 (Version 2002 or later), Excel 2021 or later, Excel for Mac 16.35 or later, or Excel on the web (ExcelApi 1.9 and the shared runtime).",
    };
  }
  return { ok: true, capabilities: detectCapabilities() };
}
