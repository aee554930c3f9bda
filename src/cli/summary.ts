/** What kpi-rag prints: tables found, KPIs rated, each status per period, and every problem, in plain words. */
import path from "node:path";
import {
  describeBenchmarkSummary,
  isRagStatus,
  PeriodTally,
  reportOf,
  schemeName,
  skippedSheetLine,
  standardScheme,
  standardSet,
  statuses,
  summariseComparisons,
  tellingCountsOf,
  type Appraisal,
  type BenchmarkSummary,
  type FormattingPlan,
  type RowCounts,
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
  const tally = new SheetTally();
  for (const table of plan.tables) tally.add(table);
  return tally.lines(plan);
}

/**
 * How many rows of a table are counted at a time when only the summary needs them: few enough that what
 * is made of them dies young. Measured on 100,000 rows (when whole reports were made), summarising left
 * 75 MB of old garbage at 10,000 rows a time, 21 MB at 1,000 and 11 MB at 500.
 */
const rowsAtATime = 500;

/**
 * A sheet's plan with its report, and its summary lines. The report is kept only when it is to be written;
 * otherwise each table's statuses are tallied from its appraised rows and only the rows with a problem or
 * a comparison to tell are counted, a few hundred rows at a time, and none is kept: at Excel's maximum a
 * whole report would take most of the command's memory.
 */
export function summarisedPlan(
  plan: FormattingPlan,
  appraisal: Appraisal,
  keepReport: boolean
): { reported: ReportedPlan; lines: string[] } {
  if (keepReport) {
    const { tables, scheme } = reportOf(appraisal);
    const reported = { ...plan, tables, scheme };
    return { reported, lines: sheetSummaryLines(reported) };
  }
  const tally = new SheetTally();
  for (const { table, rows } of appraisal.tables) {
    tally.addTable(table, rows.length);
    tally.periods.addRows(rows);
    for (let start = 0; start < rows.length; start += rowsAtATime)
      tally.addTelling(tellingCountsOf(rows.slice(start, start + rowsAtATime), appraisal));
  }
  const reported = { ...plan, tables: [], scheme: schemeName(appraisal.scheme) };
  return { reported, lines: tally.lines(reported) };
}

/**
 * What a sheet's summary counts, gathered table by table, from their reports or their appraised rows: the
 * counts add up, and periods and benchmarks keep the order first met.
 */
class SheetTally {
  private readonly tables: Array<Pick<TableReport, "address" | "columnMap" | "problems">> = [];
  private kpis = 0;
  readonly periods = new PeriodTally();
  private readonly benchmarks = new Map<string, BenchmarkSummary>();
  private readonly problems: string[] = [];

  /** A table's report, every row of it. */
  add(table: TableReport): void {
    this.addTable(table, table.rows.length);
    for (const row of table.rows)
      for (let place = 0; place < row.cells.length; place++)
        this.periods.add(place, row.cells[place].period, row.cells[place].status);
    this.addTelling(table.rows);
  }

  /** A table and how many KPIs it holds; its rows' statuses are added to `periods`. */
  addTable(table: Pick<TableReport, "address" | "columnMap" | "problems">, kpis: number): void {
    const { address, columnMap, problems } = table;
    this.tables.push({ address, columnMap, problems });
    this.kpis += kpis;
  }

  /** The comparisons and problems of a table's rows (those of the rest tell nothing). */
  addTelling(rows: readonly RowCounts[]): void {
    for (const benchmark of summariseComparisons(rows)) {
      const known = this.benchmarks.get(benchmark.benchmark);
      if (!known) this.benchmarks.set(benchmark.benchmark, benchmark);
      else
        for (const count of ["better", "worse", "same", "compared", "notCompared"] as const)
          known[count] += benchmark[count];
    }
    for (const row of rows)
      for (const problem of row.problems)
        this.problems.push(
          `  Row ${row.row} (${row.id ? `${row.id} ` : ""}${shorten(row.measure)}): ${problem}`
        );
  }

  lines(plan: FormattingPlan & { scheme: string }): string[] {
    const lines: string[] = [];
    const tables = this.tables;
    const periods = this.periods.summaries();
    // Cells and KPIs, as an analyst counts them: how many rules carry the colours is the file's business.
    let coloured = 0;
    for (const period of periods)
      for (const status of statuses) if (isRagStatus(status)) coloured += period.counts[status];
    lines.push(
      `Sheet "${plan.sheet}": ${tables.length} KPI table${tables.length === 1 ? "" : "s"} (${tables.map((table) => table.address).join(", ")}), ${this.kpis} KPIs, tolerance set ${plan.toleranceSet}, scheme ${plan.scheme}, ${coloured === 1 ? "1 cell" : `${coloured} cells`} coloured`
    );
    for (const table of tables) {
      lines.push(`  Columns of ${table.address}: ${table.columnMap}`);
      for (const problem of table.problems) lines.push(`  Table ${table.address}: ${problem}`);
    }
    for (const summary of periods) {
      const counts = statuses
        .filter((status) => summary.counts[status] > 0)
        .map((status) => `${summary.counts[status]} ${status}`);
      lines.push(`  ${summary.period}: ${counts.join(", ") || "no figures"}`);
    }
    for (const benchmark of this.benchmarks.values())
      lines.push(`  ${describeBenchmarkSummary(benchmark)}`);
    // One push a line: a spread of every problem would overflow the call stack on a very long sheet.
    if (this.problems.length > 0) lines.push(`  Problems (${this.problems.length}):`);
    for (const problem of this.problems) lines.push(`  ${problem}`);
    return lines;
  }
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

/**
 * The command's lines on stdout, in one write. A reader that stops early (`kpi-rag … | head`) closes the
 * pipe: the lines it did not read are no failure, and no stack trace.
 */
export function printLines(lines: readonly string[]): void {
  if (lines.length === 0) return;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") return;
    console.error(`kpi-rag: the summary could not be written out (${error.message})`);
    process.exitCode = 74; // sysexits.h: EX_IOERR
  });
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** The report kpi-rag writes for --report: the workbook, its register's problems, skipped sheets and each sheet's tables. */
export function reportText(
  workbook: string,
  plans: ReportedPlan[],
  registerProblems: string[],
  skipped: SkippedSheet[]
): string {
  const report = {
    workbook: path.basename(workbook),
    toleranceSet: plans[0]?.toleranceSet ?? standardSet,
    scheme: plans[0]?.scheme ?? schemeName(standardScheme),
    registerProblems,
    skippedSheets: skipped,
    sheets: plans.map((plan) => ({
      sheet: plan.sheet,
      scheme: plan.scheme,
      rules: plan.rules.length,
      tables: plan.tables,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
