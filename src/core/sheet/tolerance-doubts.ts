/**
 * The safety net for a table with a target and no tolerance: a column the reader could not read, or read
 * aside, may be that tolerance under a word it does not know ("Ceiling", "Amber zone"). Rated without it, a
 * figure between the target and that boundary would be Red or Green where it is Amber: a wrong colour. So
 * such a table is left uncoloured, saying which column and how to teach its word, never rated on a guess.
 */
import type { CellValue } from "../values/cell";
import { columnLetters, type Grid } from "../values/grid";
import { figureOf } from "../rating/rate";
import type { Definition } from "../definition/definition";
import type { TableColumn } from "./column-map";
import type { SettledThresholds } from "./threshold-columns";

/** What of a KPI row the safety net reads: its sheet row and its definition. */
type RowRead = { readonly row: number; readonly definition: Definition };

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
 * where some KPI row's cell holds a figure on the worse side of that row's target, as a tolerance would be:
 * found from the rows once they are read, so a count beside the figures ("Cohort size" 120 beside a
 * target of 90%) is no doubt, while 20% beside a target of 15% where smaller is better is.
 */
export function figureColumnsInDoubt(
  grid: Grid,
  layout: HeaderBlock,
  rows: readonly RowRead[]
): string[] {
  if (!targetWithoutTolerance(layout)) return [];
  const problems: string[] = [];
  for (const column of layout.columns) {
    const unread = column.role.kind === "other" && column.role.understood === false;
    if (!unread && column.role.kind !== "rag") continue;
    if (unread && bandWord.test(column.header)) continue; // said already, from its header
    if (!rows.some((row) => worseThanTarget(grid, row, column.column))) continue;
    const letters = columnLetters(grid.origin.column + column.column);
    problems.push(
      unread
        ? `${letters} '${column.header}' was not understood and holds figures that may be the amber boundary, the tolerance, ${teach}`
        : `${letters} '${column.header}' holds figures, not RAG words, and may be the amber boundary, the tolerance, ${teach}`
    );
  }
  return problems;
}

/** Whether a row's cell in `column` is a figure of the row's, on the worse side of its target. */
function worseThanTarget(grid: Grid, row: RowRead, column: number): boolean {
  const { standing } = row.definition;
  if (standing.kind !== "rated") return false;
  const at = row.row - grid.origin.row;
  const cell: CellValue | undefined = grid.values[at]?.[column];
  if (cell === null || cell === undefined || typeof cell === "boolean") return false;
  const figure = figureOf(cell, row.definition, grid.numberFormats[at]?.[column]);
  // A percentage row's tolerance is a percentage: 12 beside fractions would be 1,200%, a count, not one.
  if (!figure.ok || (row.definition.unit === "percent" && Math.abs(figure.value) > 1)) return false;
  const { polarity, target } = standing;
  if (polarity.kind === "higher") return figure.value < target;
  if (polarity.kind === "lower") return figure.value > target;
  return figure.value < polarity.low || figure.value > polarity.high;
}
