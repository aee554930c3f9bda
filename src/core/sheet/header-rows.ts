/**
 * The rows of a header block: whether a row may be a header row at all (looked at cheaply, since most
 * rows are data), its labels read through merges, and the row above (parents such as a year merged over
 * its quarters) and the row below (quarters under a year) where they belong to the main row.
 */
import type { CellValue } from "../values/cell";
import { presentColumns, type Grid } from "../values/grid";
import { looseHeader } from "./comparators";
import { yearOfPeriod } from "./period-year";
import { readWrittenFigure } from "../definition/written-figures";
import {
  headerText,
  isDateFormat,
  isHeaderContinuation,
  isHeaderParent,
  isYearLabel,
  knownRoleOfLabel,
  type ColumnRole,
  type TaughtHeaders,
} from "./headers";
import type { Merges } from "./merges";

/** Header roles that make a row a KPI table's header: its thresholds and row numbers. */
export const ratedKinds = new Set<ColumnRole["kind"]>([
  "polarity",
  "target",
  "tolerance",
  "kpi number",
  "reference",
]);
/** Columns that describe the row itself: nothing above them in the header is a parent of theirs. */
const rowColumnKinds = new Set<ColumnRole["kind"]>([...ratedKinds, "measure", "section", "unit"]);

/** Short header words that a header row's thresholds or row numbers start with: a cheap first look. */
const headerHint =
  /polarity|target|toleran|kpi|floor|threshold|minimum|amber|ambition|^\s*(?:ref|no\b|id\b|code|good|aim|direction|better|goal|higher or lower)/i;

/**
 * Whether a row may be a header row at all, looked at cheaply since most rows are data: a header holds no
 * figure (but month dates and years) and names a threshold or a row number.
 */
export function mayBeHeaderRow(
  cells: readonly CellValue[],
  formats: readonly string[] | undefined,
  taught: TaughtHeaders | undefined
): boolean {
  // Figures first: a data row is passed over on its first figure, before any header word is looked for.
  // Numbers before text: a row of figures holds a number, looked at with no pattern, where a text figure
  // ("90%" as a target) is read by one that makes a match (2.6 MB a find on the bench's varied sheet).
  const present = presentColumns(cells);
  const count = present === null ? cells.length : present.length;
  for (let index = 0; index < count; index++) {
    const column = present === null ? index : present[index];
    const cell = cells[column];
    if (
      typeof cell === "number" &&
      !isYearNumber(cell) &&
      !isDateFormat(formats?.[column] ?? "General")
    )
      return false;
  }
  for (let index = 0; index < count; index++) {
    const cell = cells[present === null ? index : present[index]];
    // A figure written as text ("1,234", "62%", "19 days") is a figure too; a year written as text is not.
    if (typeof cell === "string" && isDigit(cell.charCodeAt(0)) && isTextFigure(cell)) return false;
  }
  for (let index = 0; index < count; index++) {
    const cell = cells[present === null ? index : present[index]];
    if (
      typeof cell === "string" &&
      cell.length <= 40 &&
      (headerHint.test(cell) ||
        (taught !== undefined && taught.size > 0 && taught.has(looseHeader(cell))))
    )
      return true;
  }
  return false;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** A whole number a header may hold as a year (2024), not as a figure. */
export const isYearNumber = (value: number): boolean =>
  Number.isInteger(value) && value >= 1990 && value <= 2100;

function isTextFigure(text: string): boolean {
  const figure = readWrittenFigure(text);
  return figure !== null && !(figure.unit === null && isYearNumber(figure.value));
}

/** A row's header labels, merged cells read from their top-left; below merges, a cell merged down from above adds nothing. */
export function labelReader(
  grid: Grid,
  merges: Merges
): (row: number, options: { belowMerges: boolean }) => string[] {
  const label = (at: number, column: number): string =>
    headerText(merges.value(at, column), grid.numberFormats[at]?.[column]);
  return (row, { belowMerges }) =>
    (grid.values[row] ?? []).map((_, column) =>
      belowMerges && merges.continuesFromAbove(row, column) ? "" : label(row, column)
    );
}

/**
 * The row above as parents of the main row's columns: labels spanning columns (a year merged over quarters,
 * a benchmarks parent); only those are stacked, so a title such as "TARGETS AND COMPARATORS" is left out.
 * A parent stands over periods and columns read aside, never over the measure, its thresholds or its ids
 * (a title such as "Scorecard 2022/23" above a Ref column is no parent of it). [] when the row is no parent row.
 */
export function parentLabels(
  grid: Grid,
  upperRow: number,
  labels: readonly string[],
  roles: ReadonlyArray<ColumnRole | null>,
  measures: readonly number[],
  taught: TaughtHeaders | undefined
): string[] {
  const parents = labels.map((text, column) => {
    const below = roles[column];
    if (text === "" || !isHeaderParent(text, taught) || (below && rowColumnKinds.has(below.kind)))
      return "";
    const role = knownRoleOfLabel(text, taught);
    return role && role.kind !== "target" && role.kind !== "tolerance" ? text : "";
  });
  const numbers = (grid.values[upperRow] ?? []).some(
    (cell, column) =>
      typeof cell === "number" && !isDateFormat(grid.numberFormats[upperRow]?.[column] ?? "General")
  );
  return !numbers &&
    parents.some((text) => text !== "") &&
    measures.every((measure) => parents[measure] === "")
    ? withYearsSpread(parents, roles)
    : [];
}

/**
 * A year written once over the first of its quarters (in the row above, or in the header row over a row of
 * quarters), the cells over the rest blank (Centre Across
 * Selection, or a merge this Excel cannot report before ExcelApi 1.13), stands over each following period
 * that names no year of its own, up to the next label: "2022/23" over Q1 makes Q3 "2022/23 Q3".
 */
export function withYearsSpread(
  parents: readonly string[],
  roles: ReadonlyArray<ColumnRole | null>
): string[] {
  let year = "";
  return Array.from({ length: Math.max(parents.length, roles.length) }, (_, column) => {
    const own = parents[column] ?? "";
    const role = roles[column];
    if (own !== "") year = isYearLabel(own) ? own : "";
    else if (role?.kind === "period" && !role.headline && yearOfPeriod(role.label) === null)
      return year;
    else year = "";
    return own;
  });
}

/** The lower half of a two-row header (quarters under a merged year), or [] when the row below is not one. */
export function lowerLabels(
  grid: Grid,
  row: number,
  labels: string[],
  mainLabels: readonly string[],
  measures: readonly number[],
  taught: TaughtHeaders | undefined
): string[] {
  const own = labels.slice(0, besideFrom(labels, mainLabels, taught));
  besideBefore(own, mainLabels);
  const twoRows =
    row + 1 < grid.values.length &&
    measures.every((measure) => (own[measure] ?? "") === "") &&
    own.some((text) => text !== "") &&
    own.every((text) => isHeaderContinuation(text, taught));
  return twoRows ? own : [];
}

/**
 * Blanks, in the row below a header row, another table's header to the left of this block: labels before a
 * column blank in both rows, where the header row has nothing until the block starts. That table's one
 * header row is this block's lower row (`findTables` reads it beside the block).
 */
function besideBefore(labels: string[], mainLabels: readonly string[]): void {
  const blockStart = mainLabels.findIndex((text) => (text ?? "") !== "");
  let last = blockStart - 1;
  while (last >= 0 && (labels[last] ?? "") === "") last--;
  if (last < 0 || last >= blockStart - 1) return;
  for (let column = 0; column <= last; column++) labels[column] = "";
}

/**
 * Where, in the row below a header row, another table's cells start beside this block, past a column blank
 * in both rows: its own header, under nothing in the header row ("Indicator" beside a two-row block's "Good
 * is" and quarters), or its first row of figures, under its header in the header row. The row's length when
 * there is none.
 */
export function besideFrom(
  labels: readonly string[],
  mainLabels: readonly string[],
  taught: TaughtHeaders | undefined
): number {
  const isMeasure = (text: string): boolean => knownRoleOfLabel(text, taught)?.kind === "measure";
  for (let column = 1; column < labels.length; column++) {
    if ((labels[column] ?? "") !== "" || (mainLabels[column] ?? "") !== "") continue;
    const beyond = labels.slice(column + 1);
    const mainBeyond = mainLabels.slice(column + 1);
    // The other table's header is in the row below, beside this block's lower half.
    if (mainBeyond.every((text) => text === "") && beyond.some(isMeasure)) return column;
    // The other table's header is in this row, and the row below holds its first figures.
    if (mainBeyond.some(isMeasure) && !beyond.every((text) => isHeaderContinuation(text, taught)))
      return column;
  }
  return labels.length;
}
