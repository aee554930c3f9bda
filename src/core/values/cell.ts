/**
 * What a spreadsheet cell can hold, as both Office.js and ExcelJS hand it over once reduced to plain data.
 * Excel error values (#N/A, #DIV/0!) are kept as their text so they are never mistaken for figures.
 */
export type CellValue = number | string | boolean | null | { readonly error: string };

export function isExcelError(value: CellValue): value is { readonly error: string } {
  return typeof value === "object" && value !== null && "error" in value;
}

/** Excel's own error words, for values that arrive as plain strings (Office.js gives "#N/A" as text). */
export const excelErrorWords = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
];

export function looksLikeExcelError(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith("#") && excelErrorWords.includes(trimmed.toUpperCase());
}

/** A formula in a file that no spreadsheet has calculated yet: there is no figure to read until Excel has. */
export const notCalculated = { error: "not calculated" } as const;

/** Why an Excel error value is no figure, in words. */
export function describeError(error: string): string {
  return error === notCalculated.error
    ? "the formula has not been calculated yet (open and save the workbook in Excel)"
    : `${error} is an Excel error`;
}
