/**
 * One appraisal of a sheet: its tables, rows and definitions, every period cell rated exactly once under
 * one tolerance set. The report (each row's definition in words, direction of travel, comparisons and
 * problems), the pane's tables, summary and watch list, kpi-rag's summary and the formatting plan are all
 * views of it, so no surface rates a cell on its own and none can disagree with another.
 */
import { rateInRow } from "../rating/benchmark-rating";
import { benchmarkTargetProblems, describeBenchmarkTarget } from "./benchmark-report";
import { benchmarkStandingOf, type BenchmarkStanding } from "../rating/benchmark-target";
import { compareWithBenchmark, type Comparison } from "../rating/benchmarks";
import type { CellValue } from "../values/cell";
import type { Definition } from "../definition/definition";
import { standardSet } from "../definition/tolerance-set";
import { describeDefinition } from "../rating/describe";
import { cellAddress, type Grid } from "../values/grid";
import type { Register } from "../register/register";
import { builtInRegister } from "../register/register-reading";
import { emptyCounts, isFigureRating, type Rating, type Status } from "../values/status";
import { rate } from "../rating/rate";
import { schemeName, standardScheme, type Scheme } from "../rating/scheme";
import {
  findTables,
  type FoundTables,
  type KpiRow,
  type KpiTable,
  type PeriodCell,
  type Ranking,
} from "../sheet/tables";
import { trend } from "../rating/trend";
import type { Words } from "../definition/words";

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
  /** How the table's columns were read, in one line: "B measure, C polarity (H/L), F–K periods; L DoT left alone". */
  columnMap: string;
  /** Why the table as a whole cannot be rated, or a header among its thresholds not understood; [] for most. */
  problems: string[];
  toleranceSets: string[];
  periods: string[];
  rows: RowReport[];
}

/** One row as appraised: the row read from the sheet and each of its period cells' one rating. */
export interface AppraisedRow {
  kpi: KpiRow;
  /** One rating per period cell, in the order of `kpi.cells`. */
  ratings: Rating[];
  /** How a target written against a benchmark reads under the tolerance set; null for any other target. */
  benchmarkStanding: BenchmarkStanding | null;
}

/** A table as appraised: the table as read and its rows' ratings. */
export interface AppraisedTable {
  table: KpiTable;
  rows: AppraisedRow[];
}

export interface Appraisal {
  sheet: string;
  /** Why the sheet has no KPI table, naming the nearest miss; undefined when it has one. */
  skipped?: string;
  toleranceSet: string;
  /** The workbook's scheme, which drew every row's bands. */
  scheme: Scheme;
  tables: AppraisedTable[];
  /** Every row of every table, in sheet order, with its ratings. */
  rows: AppraisedRow[];
}

export interface AppraisalOptions {
  /** The workbook's register (the built-in catalogue when not given). */
  register?: Register;
  /** The words the workbook teaches (its KPIWords table). */
  words?: Words;
  /** The tolerance set to rate under, already resolved against the sheet's sets (see `resolveToleranceSet`). */
  toleranceSet?: string;
  /** The workbook's scheme (its KPISettings table or KPIWords word); Standard when not given. */
  scheme?: Scheme;
}

/** Appraises a sheet's grid with the workbook's register: what every surface shows comes from here. */
export function appraise(grid: Grid, options: AppraisalOptions = {}): Appraisal {
  const found = findTables(grid, options.register ?? builtInRegister, { words: options.words });
  return appraiseTables(found, options.toleranceSet, options.scheme);
}

/** Appraises tables already found: each period cell is rated once, here. */
export function appraiseTables(
  found: FoundTables,
  toleranceSet: string = standardSet,
  scheme: Scheme = standardScheme
): Appraisal {
  const ratings = new RatingMemo(toleranceSet, scheme);
  const rows: AppraisedRow[] = [];
  const tables = found.tables.map((table) => ({
    table,
    rows: table.rows.map((kpi) => {
      const benchmarkStanding = benchmarkStandingOf(kpi.definition, toleranceSet);
      const appraised = {
        kpi,
        ratings:
          benchmarkStanding === null
            ? ratings.ofRow(kpi)
            : kpi.cells.map((cell) => rateInRow(kpi, cell, toleranceSet)),
        benchmarkStanding,
      };
      rows.push(appraised);
      return appraised;
    }),
  }));
  return {
    sheet: found.sheet,
    ...(found.skipped === undefined ? {} : { skipped: found.skipped }),
    toleranceSet,
    scheme,
    tables,
    rows,
  };
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

const reports = new WeakMap<Appraisal, SheetReport>();

/**
 * The report of an appraisal, as kpi-rag writes it and the pane draws it: worked out when first asked and
 * remembered, so the pane's tables, its summary and the watch list share one. The rules need none of it.
 */
export function reportOf(appraisal: Appraisal): SheetReport {
  const known = reports.get(appraisal);
  if (known) return known;
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
  const tables = appraisal.tables.map(({ table, rows: appraised }) => ({
    sheet: appraisal.sheet,
    address: table.address,
    columnMap: table.columnMap,
    problems: table.problems,
    toleranceSets: table.toleranceSets,
    periods: table.periods.map((period) => period.label),
    rows: appraised.map((row) => {
      const report = rowReport(appraisal.sheet, row, appraisal.toleranceSet, described);
      rows.push(report);
      return report;
    }),
  }));
  const { sheet, skipped, toleranceSet } = appraisal;
  const report = {
    sheet,
    ...(skipped === undefined ? {} : { skipped }),
    toleranceSet,
    scheme: schemeName(appraisal.scheme),
    tables,
    rows,
  };
  reports.set(appraisal, report);
  return report;
}

function rowReport(
  sheet: string,
  { kpi, ratings, benchmarkStanding }: AppraisedRow,
  toleranceSet: string,
  described: Described
): RowReport {
  return {
    sheet,
    row: kpi.row + 1,
    id: kpi.id,
    measure: kpi.measure,
    section: kpi.section,
    source: kpi.source,
    definition:
      describeBenchmarkTarget(kpi.definition, toleranceSet) ?? definitionWords(kpi, described),
    directionOfTravel: directionOfTravel(kpi),
    problems: rowProblems(kpi, ratings, benchmarkStanding, toleranceSet),
    cells: kpi.cells.map((cell, index) => ({
      sheet,
      address: cellAddress(cell),
      period: cell.period,
      value: cell.value,
      status: ratings[index].status,
      reason: ratings[index].reason,
    })),
    comparisons: (kpi.benchmarks ?? []).map((benchmark) =>
      compareWithBenchmark(kpi.definition, kpi.cells, benchmark, kpi.measure)
    ),
    rankings: kpi.rankings ?? [],
  };
}

/**
 * Ratings of plain numbers, remembered per definition and number format: rows sharing a definition repeat
 * their figures (and a Rating is never changed), so the reason is worded once per figure, not per cell.
 * Anything else (text, blanks, errors) is rated each time.
 */
class RatingMemo {
  private readonly byDefinition = new Map<Definition, Map<string, Map<number, Rating>>>();

  constructor(
    private readonly toleranceSet: string,
    private readonly scheme: Scheme
  ) {}

  /** One rating per period cell of a row rated by its bands (the definition looked up once per row). */
  ofRow(kpi: KpiRow): Rating[] {
    const { definition, cells } = kpi;
    if (this.scheme.kind === "amber by direction") return this.byDirection(cells, definition);
    const byFormat = this.byFormatOf(definition);
    const ratings = new Array<Rating>(cells.length);
    for (let index = 0; index < cells.length; index++) {
      const cell = cells[index];
      // A cell rated against its own period's thresholds (its year's target) has a definition of its own.
      ratings[index] =
        cell.definition === undefined
          ? this.rated(byFormat, cell, definition)
          : this.rated(this.byFormatOf(cell.definition), cell, cell.definition);
    }
    return ratings;
  }

  /** Under Amber by direction a cell's status depends on the period before it on the row: no memo. */
  private byDirection(cells: readonly PeriodCell[], definition: Definition): Rating[] {
    return cells.map((cell, index) => {
      const before = previousPeriodCell(cells, index);
      return rate(
        cell.value,
        cell.definition ?? definition,
        this.toleranceSet,
        cell.numberFormat,
        this.scheme,
        before && { period: before.period, value: before.value, numberFormat: before.numberFormat }
      );
    });
  }

  private byFormatOf(definition: Definition): Map<string, Map<number, Rating>> {
    let byFormat = this.byDefinition.get(definition);
    if (!byFormat) {
      byFormat = new Map();
      this.byDefinition.set(definition, byFormat);
    }
    return byFormat;
  }

  private rated(
    byFormat: Map<string, Map<number, Rating>>,
    cell: PeriodCell,
    definition: Definition
  ): Rating {
    if (typeof cell.value !== "number")
      return rate(cell.value, definition, this.toleranceSet, cell.numberFormat, this.scheme);
    let byValue = byFormat.get(cell.numberFormat);
    if (!byValue) {
      byValue = new Map();
      byFormat.set(cell.numberFormat, byValue);
    }
    let rating = byValue.get(cell.value);
    if (!rating) {
      rating = rate(cell.value, definition, this.toleranceSet, cell.numberFormat, this.scheme);
      byValue.set(cell.value, rating);
    }
    return rating;
  }
}

/**
 * The period before a row's period cell, as Amber by direction compares with: the cell before it on the
 * same sheet row (a long table's row has one period, so none). A headline column (Latest) is not a period
 * of the series, so it is neither compared nor compared with.
 */
export function previousPeriodCell(
  cells: readonly PeriodCell[],
  index: number
): PeriodCell | undefined {
  const cell = cells[index];
  if (cell.headline) return undefined;
  for (let before = index - 1; before >= 0; before--) {
    const candidate = cells[before];
    if (candidate.row !== cell.row) return undefined;
    if (!candidate.headline) return candidate;
  }
  return undefined;
}

/** The row's own problems, then each period cell that does not read as a figure, then its benchmark target's. */
function rowProblems(
  kpi: KpiRow,
  ratings: readonly Rating[],
  standing: BenchmarkStanding | null,
  toleranceSet: string
): string[] {
  const problems = [...kpi.problems];
  ratings.forEach((rating, index) => {
    if (rating.kind === "unreadable")
      problems.push(`${cellAddress(kpi.cells[index])}: ${rating.problem}`);
  });
  if (standing !== null)
    for (const problem of benchmarkTargetProblems(kpi, toleranceSet))
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
  // A headline column repeats a period's figure: the series is the periods themselves.
  const cells = row.cells.some((cell) => cell.headline)
    ? row.cells.filter((cell) => !cell.headline)
    : row.cells;
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

/** The index of a row's latest period cell holding a figure, or -1. */
export function latestFigure(row: AppraisedRow): number {
  for (let index = row.ratings.length - 1; index >= 0; index--)
    if (isFigureRating(row.ratings[index])) return index;
  return -1;
}

export interface PeriodSummary {
  period: string;
  counts: Record<Status, number>;
}

/** The count of each status per period, across the tables, periods in the order first seen. */
export function summarise(tables: readonly TableReport[]): PeriodSummary[] {
  const summaries = new Map<string, PeriodSummary>();
  for (const table of tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const summary = summaries.get(cell.period) ?? {
          period: cell.period,
          counts: emptyCounts(),
        };
        summary.counts[cell.status] += 1;
        summaries.set(cell.period, summary);
      }
    }
  }
  return [...summaries.values()];
}
