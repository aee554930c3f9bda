/**
 * The safety net for a table with a target and no tolerance: a column the reader could not read, or read
 * aside, may be that tolerance under a word it does not know ("Ceiling", "Amber zone"). Rated without it, a
 * figure between the target and that boundary would be Red or Green where it is Amber: a wrong colour. So
 * such a table is left uncoloured, saying which column and how to teach its word, never rated on a guess.
 */
import type { CellValue } from "../values/cell";
import { columnLetters, type Grid } from "../values/grid";
import { readWrittenFigure } from "../definition/written-figures";
import type { TableColumn } from "./column-map";
import type { SettledThresholds } from "./threshold-columns";

/** What of a table's header block the safety net reads: its headed columns and its thresholds. */
interface HeaderBlock {
  readonly columns: readonly TableColumn[];
  readonly thresholds: SettledThresholds;
}

/** Words that name the amber or red band, or its trigger, in a header the reader could not read. */
const bandWord = /\b(?:amber|red|warning|alert|escalation|intervention)\b/i;

const teach =
  "so the table is left uncoloured (teach it in KPIWords: the word, and Means Tolerance or Not a period)";

/** Whether a table's header gives a target (its own or a year's) and no standard tolerance in any set. */
function targetWithoutTolerance(layout: HeaderBlock): boolean {
  const { unqualified, years } = layout.thresholds;
  const sets = [unqualified, ...years];
  return (
    sets.some((set) => set.target !== undefined) && !sets.some((set) => set.standard !== undefined)
  );
}

/** A header not understood that names Amber or Red ("Amber zone"): found from the header alone. */
export function unreadBandColumns(layout: HeaderBlock, originColumn: number): void {
  if (!targetWithoutTolerance(layout)) return;
  for (const column of layout.columns)
    if (
      column.role.kind === "other" &&
      column.role.understood === false &&
      bandWord.test(column.header)
    )
      layout.thresholds.problems.push(
        `${columnLetters(originColumn + column.column)} '${column.header}' was not understood and may name the amber boundary, the tolerance, ${teach}`
      );
}

/**
 * A column not understood ("Ceiling"), or read as the analyst's own RAG but holding figures ("RAG trigger"),
 * whose cells on the table's rows [first, end) hold figures as thresholds do: found from the rows.
 */
export function figureColumnsInDoubt(
  grid: Grid,
  layout: HeaderBlock,
  first: number,
  end: number
): void {
  if (!targetWithoutTolerance(layout)) return;
  const { problems } = layout.thresholds;
  for (const column of layout.columns) {
    const unread = column.role.kind === "other" && column.role.understood === false;
    if (!unread && column.role.kind !== "rag") continue;
    if (unread && bandWord.test(column.header)) continue; // said already, from its header
    if (!holdsFigures(grid, column.column, first, end)) continue;
    const letters = columnLetters(grid.origin.column + column.column);
    problems.push(
      unread
        ? `${letters} '${column.header}' was not understood and holds figures that may be the amber boundary, the tolerance, ${teach}`
        : `${letters} '${column.header}' holds figures, not RAG words, and may be the amber boundary, the tolerance, ${teach}`
    );
  }
}

/** Whether a column holds a figure (a number, or text such as "80%") on any of the rows [first, end). */
function holdsFigures(grid: Grid, column: number, first: number, end: number): boolean {
  for (let row = first; row < end; row++) {
    const cell: CellValue | undefined = grid.values[row]?.[column];
    if (typeof cell === "number" && Number.isFinite(cell)) return true;
    if (typeof cell === "string" && readWrittenFigure(cell) !== null) return true;
  }
  return false;
}
