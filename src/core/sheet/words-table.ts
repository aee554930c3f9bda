/**
 * The KPIWords table as detection meets it: found on the KPI Register sheet's grid (for kpi-rag, which
 * reads sheets, not Excel's tables), and filled in for the analyst with the words a sheet uses that the
 * add-in could not read, so teaching it is a matter of writing each one's meaning.
 */
import type { CellValue } from "../values/cell";
import { headerText, knownRoleOfLabel, taughtHeadersOf } from "./headers";
import { cellAddress, type Grid } from "../values/grid";
import { readPolarity } from "../definition/polarity";
import type { FoundTables } from "./tables";
import { pairTableOfGrid } from "../register/settings";
import { readValue } from "../definition/written-figures";
import { readWords } from "../definition/read-words";
import { taughtWord, wordKey, wordsColumns, type Words, type WordsRead } from "../definition/words";

/**
 * The KPIWords table on a sheet's grid: the first row holding both a Word and a Means heading, and the
 * rows under it down to the first with neither. Beside the KPIRegister table or on its own.
 */
export function wordsTableOfGrid(grid: Grid): CellValue[][] | undefined {
  return pairTableOfGrid(grid, ["word", "means"], wordsColumns);
}

/** The words the KPI Register sheet's KPIWords table teaches, from that sheet's grid. */
export function wordsOfGrid(grid: Grid | undefined): WordsRead {
  const rows = grid ? wordsTableOfGrid(grid) : undefined;
  return rows ? readWords(rows) : readWords([]);
}

/** A word the sheet uses that the add-in could not read, and where it was seen. */
export interface UnknownWord {
  word: string;
  seen: string;
}

/**
 * The words of a sheet the add-in could not read, for the analyst to teach: headers it could not place,
 * polarity wordings it could not read, and text in period cells that is no figure. Words the workbook
 * already teaches are left out; each word is listed once, where first seen.
 */
export function unknownWords(grid: Grid, found: FoundTables, words?: Words): UnknownWord[] {
  const listed = new Map<string, UnknownWord>();
  const add = (word: string, seen: string): void => {
    const plain = word.replace(/\s+/g, " ").trim();
    if (plain === "" || plain.length > 40 || taughtWord(words, plain)) return;
    if (!listed.has(wordKey(plain))) listed.set(wordKey(plain), { word: plain, seen });
  };
  const taught = taughtHeadersOf(words);
  for (const table of found.tables) {
    for (const column of table.columns) {
      if (column.role.kind === "other" && knownRoleOfLabel(column.label, taught) === null)
        add(column.label, `a header of the table ${table.address}`);
    }
    for (const row of table.rows) {
      const polarity = row.definition.wording.polarity;
      if (typeof polarity === "string" && !readPolarity(polarity, words).ok)
        add(polarity, `the polarity in row ${row.row + 1}`);
      for (const cell of row.cells) {
        if (
          typeof cell.value === "string" &&
          readValue(cell.value, cell.numberFormat, words).kind === "unreadable" &&
          !/\d/.test(cell.value)
        )
          add(cell.value, `cell ${cellAddress(cell)}`);
      }
    }
  }
  if (found.tables.length === 0) {
    // A skipped sheet: the labels of its header-like rows that name nothing the add-in knows.
    for (let row = 0; row < grid.values.length && row < 50; row++) {
      const cells = grid.values[row];
      if (
        cells.filter((cell) => typeof cell === "string" && cell.trim() !== "").length < 3 ||
        cells.some((cell) => typeof cell === "number")
      )
        continue;
      const labels = cells.map((cell, column) =>
        headerText(cell, grid.numberFormats[row]?.[column])
      );
      if (!labels.some((label) => knownRoleOfLabel(label, taught) !== null)) continue;
      for (const label of labels)
        if (label !== "" && knownRoleOfLabel(label, taught) === null)
          add(label, `a header in row ${grid.origin.row + row + 1}`);
    }
  }
  return [...listed.values()];
}
