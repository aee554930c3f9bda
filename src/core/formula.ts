/** Moving a formula's relative references, as Excel does when one rule or formula is used at another cell. */
import { cellAddress, parseCellAddress } from "./grid";

const reference = /("[^"]*")|(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g;

/** The formula as it reads `rows` down and `columns` across; $-fixed parts and quoted text stay put. */
export function moveFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return formula.replace(
    reference,
    (
      match,
      quoted: string | undefined,
      columnFixed: string,
      letters: string,
      rowFixed: string,
      digits: string
    ) => {
      if (quoted) return quoted;
      const position = parseCellAddress(`${letters}${digits}`);
      if (!position) return match;
      const row = rowFixed ? position.row : position.row + rows;
      const column = columnFixed ? position.column : position.column + columns;
      const movedLetters = cellAddress({ row: 0, column }).replace(/\d+$/, "");
      return `${columnFixed}${movedLetters}${rowFixed}${row + 1}`;
    }
  );
}

/** The custom functions' namespace: KPI.RATE, KPI.RAG. manifest.xml says it too, and a test holds the two equal. */
export const functionsNamespace = "KPI";

const namespaceCall = new RegExp(`^=.*\\b${functionsNamespace}\\.`, "i");

/** Whether a cell's formula calls one of the add-in's functions, so a shareable copy replaces it with its value. */
export function callsOwnFunction(formula: unknown): boolean {
  return typeof formula === "string" && namespaceCall.test(formula);
}
