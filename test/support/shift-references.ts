/**
 * The judge's own moving of a formula's relative references, as Excel moves a conditional format's formula
 * from the rule's top-left cell to each cell it applies to. Written from Excel's rules, not from the add-in's
 * code, so the formula judge does not share the code it judges: text in quotes and quoted sheet names stay
 * put, $-fixed parts stay put, a name such as LOG10( or Sheet1! is not a cell, and a reference moved off the
 * sheet becomes #REF!.
 */
import { columnIndexOf, columnLetters, MAX_COLUMNS, MAX_ROWS } from "./a1.js";

/** A character that continues a name or a number, so what follows it is not the start of a reference. */
const nameCharacter = /[A-Za-z0-9_.\\]/;

const cell = String.raw`(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})`;
/** A cell, or a range of two: Excel moves the range whole, so one end off the sheet makes all of it #REF!. */
const cellsReference = new RegExp(String.raw`^${cell}(?::${cell})?(?![A-Za-z0-9_.(!])`);
const columnsReference = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_.(!])/;
const rowsReference = /^(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(!:])/;
const name = /^[A-Za-z0-9_.\\]+/;

/** The formula as it reads `rows` down and `columns` across. */
export function shiftReferences(formula: string, rows: number, columns: number): string {
  let moved = "";
  let at = 0;
  while (at < formula.length) {
    const rest = formula.slice(at);
    const quote = rest[0] === '"' || rest[0] === "'" ? quoted(rest) : undefined;
    if (quote !== undefined) {
      moved += quote;
      at += quote.length;
      continue;
    }
    const startsReference = at === 0 || !nameCharacter.test(formula[at - 1]!);
    const match = startsReference ? shiftAt(rest, rows, columns) : undefined;
    if (match) {
      moved += match.text;
      at += match.length;
      continue;
    }
    const word = startsReference ? name.exec(rest)?.[0] : undefined;
    const copied = word ?? rest[0]!;
    moved += copied;
    at += copied.length;
  }
  return moved;
}

/** Text in double quotes, or a sheet name in single quotes, with its doubled quotes, copied as it is. */
function quoted(text: string): string {
  const mark = text[0]!;
  let end = 1;
  while (end < text.length) {
    if (text[end] === mark && text[end + 1] === mark) end += 2;
    else if (text[end] === mark) return text.slice(0, end + 1);
    else end += 1;
  }
  return text;
}

function shiftAt(
  text: string,
  rows: number,
  columns: number
): { text: string; length: number } | undefined {
  const cells = cellsReference.exec(text);
  if (cells) {
    const [whole, ...parts] = cells;
    const ends = parts[4] === undefined ? [parts.slice(0, 4)] : [parts.slice(0, 4), parts.slice(4)];
    const read = ends.map(([columnFixed, letters, rowFixed, digits]) => ({
      columnFixed: columnFixed!,
      rowFixed: rowFixed!,
      column: columnIndexOf(letters!),
      row: Number(digits) - 1,
    }));
    // Past XFD or row 1,048,576 it is a name such as ABC2000000, not a cell.
    if (read.some(({ row, column }) => column >= MAX_COLUMNS || row < 0 || row >= MAX_ROWS))
      return undefined;
    const moved = read.map((end) => ({
      ...end,
      column: end.columnFixed ? end.column : end.column + columns,
      row: end.rowFixed ? end.row : end.row + rows,
    }));
    if (moved.some(({ row, column }) => !onSheet(row, column)))
      return { text: "#REF!", length: whole.length };
    return {
      text: moved
        .map((end) => `${end.columnFixed}${columnLetters(end.column)}${end.rowFixed}${end.row + 1}`)
        .join(":"),
      length: whole.length,
    };
  }
  const wholeColumns = columnsReference.exec(text);
  if (wholeColumns) {
    const [whole, firstFixed, first, lastFixed, last] = wholeColumns;
    const ends = [
      [firstFixed!, columnIndexOf(first!)],
      [lastFixed!, columnIndexOf(last!)],
    ] as const;
    if (ends.some(([, column]) => column >= MAX_COLUMNS)) return undefined;
    const moved = ends.map(
      ([fixed, column]) => [fixed, fixed ? column : column + columns] as const
    );
    if (moved.some(([, column]) => !onSheet(0, column)))
      return { text: "#REF!", length: whole.length };
    return {
      text: moved.map(([fixed, column]) => `${fixed}${columnLetters(column)}`).join(":"),
      length: whole.length,
    };
  }
  const wholeRows = rowsReference.exec(text);
  if (wholeRows) {
    const [whole, firstFixed, first, lastFixed, last] = wholeRows;
    const ends = [
      [firstFixed!, Number(first) - 1],
      [lastFixed!, Number(last) - 1],
    ] as const;
    if (ends.some(([, row]) => row < 0 || row >= MAX_ROWS)) return undefined;
    const moved = ends.map(([fixed, row]) => [fixed, fixed ? row : row + rows] as const);
    if (moved.some(([, row]) => !onSheet(row, 0))) return { text: "#REF!", length: whole.length };
    return {
      text: moved.map(([fixed, row]) => `${fixed}${row + 1}`).join(":"),
      length: whole.length,
    };
  }
  return undefined;
}

function onSheet(row: number, column: number): boolean {
  return row >= 0 && row < MAX_ROWS && column >= 0 && column < MAX_COLUMNS;
}
