/** Moving a formula's relative references, as Excel does when one rule or formula is used at another cell. */
import { cellAddress, parseCellAddress } from "../values/grid";

/**
 * Quoted text, a quoted sheet name, or what may be a cell reference: the callback passes over one inside a
 * name (the 10 of LOG10, the 1 of Sheet1), and the pattern one that is itself a name, a function or a sheet
 * (LOG10(, Sheet1!). No lookbehind: the webviews of older Excel for Mac cannot parse one, and a regular
 * expression they cannot parse stops the whole script from loading.
 */
const reference = /("[^"]*")|('(?:[^']|'')*'!)|(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_.(!])/g;

/** A character that continues a name or a number, so what follows it does not start a reference. */
const nameCharacter = /[A-Za-z0-9_.\\]/;

/** The formula as it reads `rows` down and `columns` across; $-fixed parts and quoted text stay put. */
export function moveFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return formula.replace(
    reference,
    (
      match,
      quoted: string | undefined,
      sheetName: string | undefined,
      columnFixed: string,
      letters: string,
      rowFixed: string,
      digits: string,
      offset: number
    ) => {
      if (quoted) return quoted;
      if (sheetName) return sheetName;
      if (offset > 0 && nameCharacter.test(formula[offset - 1])) return match;
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
