/**
 * The report of an appraisal, as kpi-rag writes it and the pane draws it: each row's definition in words,
 * direction of travel, comparisons and problems, and every cell's status and reason.
 */
import { benchmarkTargetProblems, describeBenchmarkTarget } from "./benchmark-report";
import type { BenchmarkStanding } from "../rating/benchmark-target";
import { compareWithBenchmark, type Comparison } from "../rating/benchmarks";
import type { CellValue } from "../values/cell";
import type { Definition } from "../definition/definition";
import { describeDefinition } from "../rating/describe";
import { cellAddress } from "../values/grid";
import type { Rating, Status } from "../values/status";
import { schemeName } from "../rating/scheme";
import type { KpiRow, KpiTable, Ranking } from "../sheet/tables";
import { trend } from "../rating/trend";
import type { Appraisal, AppraisedRow } from "./appraisal";
import { oldestFirst } from "../sheet/time-order";

export interface CellReport {
  sheet: string;
  address: string;
  period: string;
  value: CellValue;
  status: Status;
  reason: string;
}

export interface RowReport {
  sheet: string;
  row: number; // 1-based, as Excel numbers rows
  id?: string;
  measure: string;
  section: string;
  source: KpiRow["source"];
  definition: string;
  /** Direction of travel across the row's periods, polarity-aware: "Improved across 3 periods". */
  directionOfTravel: string;
  problems: string[];
  cells: CellReport[];
  /** The latest figure (or the benchmark year's) against each benchmark on the row or in the register. */
  comparisons: Comparison[];
  /** Quartile and rank columns as the sheet writes them, to show beside the comparisons. */
  rankings: Ranking[];
}

export interface TableReport {
  sheet: string;
  address: string;
  /** How the table's columns were read, in one line: "B measure, C polarity coded H/L, F–K periods; L DoT left alone". */
  columnMap: string;
  /** Why the table as a whole cannot be rated, or a header among its thresholds not understood; [] for most. */
  problems: string[];
  toleranceSets: string[];
  periods: string[];
  rows: RowReport[];
}

/** An appraisal's report: its tables in words, with each row's report beside its appraised row. */
export interface SheetReport {
  sheet: string;
  skipped?: string;
  toleranceSet: string;
  /** The name of the scheme that rated the sheet: "Standard", "Amber by direction". */
  scheme: string;
  tables: TableReport[];
  /** The report of each of the appraisal's rows, in the order of `appraisal.rows`. */
  rows: RowReport[];
}

/**
 * The report of an appraisal, as kpi-rag writes it and the pane draws it, worked out at each call: whoever
 * asks keeps it as long as it needs it (the pane's view of a sheet makes it once for its summary and watch
 * list; kpi-rag only for --report). The rules need none of it.
 */
export function reportOf(appraisal: Appraisal): SheetReport {
  const words = new Map<Definition, string>();
  // Rows share definitions (a register entry, a sheet's repeated wording): each is put in words once.
  const described: Described = (definition) => {
    const known = words.get(definition);
    if (known !== undefined) return known;
    const said = describeDefinition(definition, appraisal.scheme, appraisal.toleranceSet);
    words.set(definition, said);
    return said;
  };
  const rows: RowReport[] = [];
  const tables = appraisal.tables.map(({ table, rows: appraised }) =>
    tableReportOf(
      appraisal.sheet,
      table,
      appraised.map((row) => {
        const report = rowReport(appraisal.sheet, row, appraisal, described);
        rows.push(report);
        return report;
      })
    )
  );
  const { sheet, skipped, toleranceSet } = appraisal;
  return {
    sheet,
    ...(skipped === undefined ? {} : { skipped }),
    toleranceSet,
    scheme: schemeName(appraisal.scheme),
    tables,
    rows,
  };
}

/** A table's report around its rows' reports: where the table is and how its columns were read. */
export function tableReportOf(sheet: string, table: KpiTable, rows: RowReport[]): TableReport {
  return {
    sheet,
    address: table.address,
    columnMap: table.columnMap,
    problems: table.problems,
    toleranceSets: table.toleranceSets,
    periods: table.periods.map((period) => period.label),
    rows,
  };
}

/**
 * What a summary counts of a row: its report without the words (definition, reasons, direction of travel),
 * which are most of a report's cost and none of a count's.
 */
export interface RowCounts {
  row: number;
  id?: string;
  measure: string;
  problems: string[];
  cells: Array<Pick<CellReport, "period" | "status">>;
  comparisons: Comparison[];
}

/** The counted part of appraised rows, as `reportOf` would give it. */
export function countsOf(
  rows: readonly AppraisedRow[],
  appraisal: Pick<Appraisal, "bands">
): RowCounts[] {
  return rows.map(({ kpi, ratings }) => ({
    row: kpi.row + 1,
    id: kpi.id,
    measure: kpi.measure,
    problems: rowProblems(kpi, ratings, againstBenchmarkOf(kpi, appraisal)),
    cells: kpi.cells.map((cell, index) => ({ period: cell.period, status: ratings[index].status })),
    comparisons: comparisonsOf(kpi),
  }));
}

/**
 * The counts of those rows that have something to tell besides their statuses, a problem or a comparison,
 * as `countsOf` gives them: what a summary lists beside its tallies, made for a few rows of a long sheet.
 */
export function tellingCountsOf(
  rows: readonly AppraisedRow[],
  appraisal: Pick<Appraisal, "bands">
): RowCounts[] {
  return countsOf(
    rows.filter(
      ({ kpi, ratings }) =>
        kpi.problems.length > 0 ||
        (kpi.benchmarks?.length ?? 0) > 0 ||
        ratings.some((rating) => rating.kind === "unreadable") ||
        againstBenchmarkOf(kpi, appraisal) !== null
    ),
    appraisal
  );
}

function againstBenchmarkOf(
  kpi: KpiRow,
  appraisal: Pick<Appraisal, "bands">
): BenchmarkStanding | null {
  const banding = appraisal.bands.of(kpi.definition);
  return banding.kind === "benchmark" ? banding.standing : null;
}

function comparisonsOf(kpi: KpiRow): Comparison[] {
  return (kpi.benchmarks ?? []).map((benchmark) =>
    compareWithBenchmark(kpi.definition, oldestFirst(kpi.cells), benchmark, kpi.measure)
  );
}

function rowReport(
  sheet: string,
  { kpi, ratings }: AppraisedRow,
  appraisal: Pick<Appraisal, "bands">,
  described: Described
): RowReport {
  const againstBenchmark = againstBenchmarkOf(kpi, appraisal);
  return {
    sheet,
    row: kpi.row + 1,
    id: kpi.id,
    measure: kpi.measure,
    section: kpi.section,
    source: kpi.source,
    // A year whose target is written against a benchmark is said as such, beside the other years' thresholds.
    definition: definitionWords(kpi, (definition) => {
      const banding = appraisal.bands.of(definition);
      return banding.kind === "benchmark"
        ? describeBenchmarkTarget(banding.standing, definition.unit)
        : described(definition);
    }),
    directionOfTravel: directionOfTravel(kpi),
    problems: rowProblems(kpi, ratings, againstBenchmark),
    cells: kpi.cells.map((cell, index) => ({
      sheet,
      address: cellAddress(cell),
      period: cell.period,
      value: cell.value,
      status: ratings[index].status,
      reason: ratings[index].reason,
    })),
    comparisons: comparisonsOf(kpi),
    rankings: kpi.rankings ?? [],
  };
}

/** The row's own problems, then each period cell that does not read as a figure, then its benchmark target's. */
function rowProblems(
  kpi: KpiRow,
  ratings: readonly Rating[],
  standing: BenchmarkStanding | null
): string[] {
  const problems = [...kpi.problems];
  ratings.forEach((rating, index) => {
    if (rating.kind === "unreadable")
      problems.push(`${cellAddress(kpi.cells[index])}: ${rating.problem}`);
  });
  if (standing !== null)
    for (const problem of benchmarkTargetProblems(kpi, standing))
      if (!problems.includes(problem)) problems.push(problem);
  return problems;
}

/** A definition in words under the appraisal's scheme and tolerance set, worked out once per definition. */
type Described = (definition: Definition) => string;

/**
 * A row's definition in words; where its periods are rated against thresholds of their own (a target per
 * year), each run of periods with its own: "2022/23 Q1 to 2022/23 Q4: …; 2023/24 Q1 to 2023/24 Q4: …".
 */
function definitionWords(kpi: KpiRow, described: Described): string {
  if (kpi.cells.every((cell) => cell.definition === undefined)) return described(kpi.definition);
  const runs: Array<{ first: string; last: string; definition: Definition }> = [];
  for (const cell of kpi.cells) {
    const definition = cell.definition ?? kpi.definition;
    const run = runs[runs.length - 1];
    if (run !== undefined && run.definition === definition) run.last = cell.period;
    else runs.push({ first: cell.period, last: cell.period, definition });
  }
  return runs
    .map(
      ({ first, last, definition }) =>
        `${first === last ? first : `${first} to ${last}`}: ${described(definition)}`
    )
    .join("; ");
}

function directionOfTravel(row: KpiRow): string {
  // A headline column repeats a period's figure: the series is the periods themselves, in time.
  const cells = oldestFirst(row.cells).filter((cell) => !cell.headline);
  const travel = trend(
    cells.map((cell) => cell.value),
    row.definition,
    cells.map((cell) => cell.numberFormat)
  );
  return travel.ok
    ? travel.reason
    : travel.status === "No data"
      ? "Not enough figures for a direction of travel"
      : travel.status === "No target"
        ? "No direction of travel without a polarity"
        : "Check definition";
}
