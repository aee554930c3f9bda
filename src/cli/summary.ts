/** What kpi-rag prints: tables found, KPIs rated, each status per period, and every problem, in plain words. */
import {
  describeBenchmarkSummary,
  isRagStatus,
  skippedSheetLine,
  statuses,
  summarise,
  summariseComparisons,
  type FormattingPlan,
  type TableReport,
} from "../core";

/** A sheet's rules with its report beside them, and the name of the scheme that rated it: what kpi-rag writes and prints. */
export type ReportedPlan = FormattingPlan & { tables: TableReport[]; scheme: string };

/** A sheet with no KPI table and why. */
export interface SkippedSheet {
  sheet: string;
  reason: string;
}

export function summaryLines(
  plans: readonly ReportedPlan[],
  registerProblems: readonly string[],
  skipped: readonly SkippedSheet[] = []
): string[] {
  const lines: string[] = [];
  for (const plan of plans) for (const line of sheetSummaryLines(plan)) lines.push(line);
  for (const line of workbookSummaryLines(registerProblems, skipped)) lines.push(line);
  return lines;
}

/** A formatted sheet's lines: its tables, rules, each period's statuses, its comparisons and its problems. */
export function sheetSummaryLines(plan: ReportedPlan): string[] {
  const lines: string[] = [];
  const rows = plan.tables.flatMap((table) => table.rows);
  // Cells and KPIs, as an analyst counts them: how many rules carry the colours is the file's business.
  let coloured = 0;
  for (const row of rows) for (const cell of row.cells) if (isRagStatus(cell.status)) coloured++;
  lines.push(
    `Sheet "${plan.sheet}": ${plan.tables.length} KPI table${plan.tables.length === 1 ? "" : "s"} (${plan.tables.map((table) => table.address).join(", ")}), ${rows.length} KPIs, tolerance set ${plan.toleranceSet}, scheme ${plan.scheme}, ${coloured === 1 ? "1 cell" : `${coloured} cells`} coloured`
  );
  for (const table of plan.tables) {
    lines.push(`  Columns of ${table.address}: ${table.columnMap}`);
    for (const problem of table.problems) lines.push(`  Table ${table.address}: ${problem}`);
  }
  for (const summary of summarise(plan.tables)) {
    const counts = statuses
      .filter((status) => summary.counts[status] > 0)
      .map((status) => `${summary.counts[status]} ${status}`);
    lines.push(`  ${summary.period}: ${counts.join(", ") || "no figures"}`);
  }
  for (const benchmark of summariseComparisons(rows))
    lines.push(`  ${describeBenchmarkSummary(benchmark)}`);
  const problems = rows.flatMap((row) =>
    row.problems.map(
      (problem) =>
        `  Row ${row.row} (${row.id ? `${row.id} ` : ""}${shorten(row.measure)}): ${problem}`
    )
  );
  // One push a line: a spread of every problem would overflow the call stack on a very long sheet.
  if (problems.length > 0) lines.push(`  Problems (${problems.length}):`);
  for (const problem of problems) lines.push(`  ${problem}`);
  return lines;
}

/** The lines after the sheets': every sheet skipped and why, and the register's problems. */
export function workbookSummaryLines(
  registerProblems: readonly string[],
  skipped: readonly SkippedSheet[]
): string[] {
  const lines: string[] = [];
  for (const sheet of skipped) lines.push(skippedSheetLine(sheet.sheet, sheet.reason));
  if (registerProblems.length > 0) lines.push(`KPIRegister problems (${registerProblems.length}):`);
  for (const problem of registerProblems) lines.push(`  ${problem}`);
  return lines;
}

function shorten(measure: string): string {
  return measure.length > 60 ? `${measure.slice(0, 57)}…` : measure;
}

/**
 * A line as it may safely reach a terminal: control characters (which a workbook can hold through Excel's
 * escape, _x001B_) and the marks that turn text right to left are shown escaped, as \x1B or \u202E, so
 * text from a workbook can neither clear the screen nor retitle the window nor hide what it says.
 */
export function visible(line: string): string {
  return line.replace(controlCharacters, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`
      : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
  });
}

const controlCharacters =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
