/**
 * Tables side by side in one header row: where each starts and ends (parts between blank columns, each
 * Measure column starting a table) and, for a part without a Measure column, the section column that is it.
 */
import type { ColumnRole } from "./headers";
import { ratedKinds } from "./header-rows";

/** Where a table side by side starts and ends, and its measure column (a section-name header makes one). */
interface TableSpan {
  start: number;
  end: number;
  measure: number;
  sectionHeader?: string;
}

/**
 * The tables side by side in a header row. A column blank in every header row separates tables where the
 * columns beyond it name a table of their own (a measure, or a first unknown text column, and a polarity,
 * target, tolerance or row number); beyond a blank column with no such table (England and SN after a
 * spacer) the table goes on. Within a part, each Measure column starts a table, with its section or
 * row-number columns just before it.
 */
export function tableStarts(
  measures: readonly number[],
  roles: ReadonlyArray<ColumnRole | null>,
  labels: readonly string[],
  upper: readonly string[],
  lower: readonly string[]
): TableSpan[] {
  const width = Math.max(labels.length, upper.length, lower.length);
  const blank = (column: number): boolean =>
    (labels[column] ?? "") === "" && (upper[column] ?? "") === "" && (lower[column] ?? "") === "";
  // Parts between blank columns, each with the table it names, if any.
  const parts: Array<{ start: number; end: number; span?: TableSpan[] }> = [];
  let column = 0;
  while (column < width) {
    while (column < width && blank(column)) column++;
    if (column >= width) break;
    const start = column;
    while (column < width && !blank(column)) column++;
    parts.push({ start, end: column });
  }
  const spans: TableSpan[] = [];
  let closed = false;
  for (const part of parts) {
    const ownMeasures = measures.filter((measure) => measure >= part.start && measure < part.end);
    const rated = roles
      .slice(part.start, part.end)
      .some((role) => role !== null && ratedKinds.has(role.kind));
    if (ownMeasures.length === 0) {
      // A part without a Measure column is a table of its own when it names a section and thresholds.
      const named = rated || spans.length === 0 ? sectionColumn(labels, roles, part) : null;
      if (named !== null) {
        spans.push({
          start: part.start,
          end: part.end,
          measure: named,
          sectionHeader: labels[named],
        });
        closed = false;
      } else if (spans.length > 0 && !closed) {
        const table = spans[spans.length - 1];
        // Past another table's polarity the columns are that table's, not more of this one's.
        if (polarityOfItsOwn(roles, table, part)) closed = true;
        else table.end = part.end;
      }
      continue;
    }
    closed = false;
    if (!rated && spans.length > 0) {
      spans[spans.length - 1].end = part.end;
      continue;
    }
    ownMeasures.forEach((measure, index) => {
      let start = index === 0 ? part.start : measure;
      while (
        index > 0 &&
        start - 1 > ownMeasures[index - 1] &&
        (roles[start - 1]?.kind === "section" ||
          roles[start - 1]?.kind === "kpi number" ||
          roles[start - 1]?.kind === "reference")
      )
        start--;
      if (index > 0) spans[spans.length - 1].end = start;
      spans.push({ start, end: part.end, measure });
    });
  }
  return spans;
}

/** A part's first text column headed with no role ("Children in care"), before its thresholds: its measure. */
function sectionColumn(
  labels: readonly string[],
  roles: ReadonlyArray<ColumnRole | null>,
  part: { start: number; end: number }
): number | null {
  for (let column = part.start; column < part.end; column++) {
    const role = roles[column];
    if (role === null && (labels[column] ?? "") !== "") return column;
    if (
      role !== null &&
      (role.kind === "polarity" ||
        role.kind === "target" ||
        role.kind === "tolerance" ||
        role.kind === "period")
    )
      return null;
  }
  return null;
}

/**
 * Whether a part beyond a blank column has a polarity column where the table before it has one: it is
 * another table's (its measure in a header row above this one), never more columns of the first, whose
 * rows would rate its cells by their own definitions.
 */
function polarityOfItsOwn(
  roles: ReadonlyArray<ColumnRole | null>,
  table: TableSpan,
  part: { start: number; end: number }
): boolean {
  const hasPolarity = (start: number, end: number): boolean =>
    roles.slice(start, end).some((role) => role?.kind === "polarity");
  return hasPolarity(part.start, part.end) && hasPolarity(table.start, table.end);
}
