/**
 * The formatting plan: native conditional-format rules with plain Excel formulas, derived from `bands`, so
 * the colour Excel paints and the status a formula returns come from one source. Recipients without the
 * add-in see the same colours. Every rule carries the marker N("KPI RAG")=0 (always TRUE) so the add-in
 * can recognise its own rules, replace them, and remove them without touching the analyst's.
 */
import { bands, type Band } from "./bands";
import { benchmarkCellConditions, benchmarkForPeriod, benchmarkStandingOf, benchmarkTargetProblems, describeBenchmarkTarget, rateInRow } from "./benchmark-target";
import { compareWithBenchmark, readBenchmarkFigure, type Comparison } from "./benchmarks";
import type { CellValue } from "./cell";
import type { Definition } from "./definition";
import { describeDefinition } from "./describe";
import { cellAddress, columnLetters, parseCellAddress } from "./grid";
import { ragPalette } from "./palette";
import { rate } from "./rate";
import { trend } from "./trend";
import type { Rating, RagStatus, Status } from "./status";
import type { FoundTables, KpiRow, PeriodCell, Ranking } from "./tables";
import { fractionToPercent } from "./units";

export const ruleMarker = 'N("KPI RAG")=0';

/** Whether a conditional-format formula is one of the add-in's own. */
export function isOwnRule(formula: string): boolean {
  const squeeze = (text: string): string => text.replace(/\s+/g, "").toUpperCase();
  return squeeze(formula).includes(squeeze(ruleMarker));
}

export interface PlannedRule {
  status: RagStatus;
  /** Excel formula starting "=", relative to the top-left cell of the first area of `appliesTo`. */
  formula: string;
  /** Rectangular areas ("G8:J9"); the first holds the top-left cell of them all. */
  appliesTo: string[];
  fill: string;
  font: string;
}

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
  toleranceSets: string[];
  periods: string[];
  rows: RowReport[];
}

export interface FormattingPlan {
  sheet: string;
  /** Why the sheet has no KPI table, naming the nearest miss; undefined when it has one. */
  skipped?: string;
  toleranceSet: string;
  rules: PlannedRule[];
  tables: TableReport[];
}

interface Group {
  status: RagStatus;
  formulaFor: (anchor: string) => string;
  cells: Array<{ row: number; column: number }>;
}

export function planFormatting(found: FoundTables, toleranceSet = "Standard"): FormattingPlan {
  const groups = new Map<string, Group>();
  const groupsOf = new Map<StatusConditions, Map<number, Group>>();
  const ratings = ratingMemo(toleranceSet);
  const described = new Map<Definition, string>();
  const tables: TableReport[] = found.tables.map((table) => ({
    sheet: found.sheet,
    address: table.address,
    columnMap: table.columnMap,
    toleranceSets: table.toleranceSets,
    periods: table.periods.map((period) => period.label),
    rows: table.rows.map((row) => {
      // One pass over the row's cells: its report, the cells a rule may colour, and the unreadable ones.
      const againstBenchmark = benchmarkStandingOf(row.definition, toleranceSet);
      const cells: CellReport[] = new Array<CellReport>(row.cells.length);
      let colourable: PeriodCell[] = row.cells;
      let problems = row.problems;
      row.cells.forEach((cell, index) => {
        const rating = againstBenchmark === null ? ratings.rate(cell, row.definition) : rateInRow(row, cell, toleranceSet);
        cells[index] = { sheet: found.sheet, address: cell.address, period: cell.period, value: cell.value, status: rating.status, reason: rating.reason };
        if (rating.unreadable) {
          if (problems === row.problems) problems = [...row.problems];
          problems.push(`${cell.address}: ${rating.reason.replace(/^No data: /, "")}`);
          if (colourable === row.cells) colourable = row.cells.slice(0, index);
        } else if (colourable !== row.cells) colourable.push(cell);
      });
      if (againstBenchmark !== null) {
        for (const problem of benchmarkTargetProblems(row, toleranceSet)) {
          if (problems.includes(problem)) continue;
          if (problems === row.problems) problems = [...row.problems];
          problems.push(problem);
        }
        if (againstBenchmark.kind === "rated") planBenchmarkRules(groups, row, colourable, againstBenchmark);
      }
      const banding = bands(row.definition, toleranceSet);
      if (againstBenchmark === null && banding.kind === "bands" && colourable.length > 0) {
        for (const statusConditions of conditionsOf(banding.bands, row.definition)) {
          // Rows sharing thresholds share the group: found by the conditions object, no key string per row.
          let byColumn = groupsOf.get(statusConditions);
          if (!byColumn) {
            byColumn = new Map();
            groupsOf.set(statusConditions, byColumn);
          }
          const column = colourable[0].column;
          let group = byColumn.get(column);
          if (!group) {
            const groupKey = `${column}|${statusConditions.key}`;
            group = groups.get(groupKey);
            if (!group) {
              const { status, conditions } = statusConditions;
              group = { status, formulaFor: (anchor: string) => ruleFormula(anchor, conditions), cells: [] };
              groups.set(groupKey, group);
            }
            byColumn.set(column, group);
          }
          for (const cell of colourable) group.cells.push(cell);
        }
      }
      return {
        sheet: found.sheet,
        row: row.row + 1,
        id: row.id,
        measure: row.measure,
        section: row.section,
        source: row.source,
        definition: describeBenchmarkTarget(row.definition, toleranceSet) ?? described.get(row.definition) ?? remember(described, row.definition, describeDefinition(row.definition)),
        directionOfTravel: directionOfTravel(row),
        problems,
        cells,
        comparisons: (row.benchmarks ?? []).map((benchmark) => compareWithBenchmark(row.definition, row.cells, benchmark, row.measure)),
        rankings: row.rankings ?? [],
      };
    }),
  }));
  const rules = [...groups.values()].map((group) => {
    const appliesTo = areasOf(group.cells);
    const anchor = appliesTo[0].split(":")[0];
    return { status: group.status, formula: group.formulaFor(anchor), appliesTo, ...ragPalette[group.status] };
  });
  return { sheet: found.sheet, ...(found.skipped === undefined ? {} : { skipped: found.skipped }), toleranceSet, rules, tables };
}

/**
 * Ratings of plain numbers, remembered per definition and number format: rows sharing a definition repeat
 * their figures (and a Rating is never changed), so the reason is worded once per figure, not per cell.
 */
function ratingMemo(toleranceSet: string): { rate: (cell: PeriodCell, definition: Definition) => Rating } {
  const memo = new Map<Definition, Map<string, Map<number, Rating>>>();
  return {
    rate: (cell, definition) => {
      if (typeof cell.value !== "number") return rate(cell.value, definition, toleranceSet, cell.numberFormat);
      let byFormat = memo.get(definition);
      if (!byFormat) {
        byFormat = new Map();
        memo.set(definition, byFormat);
      }
      let byValue = byFormat.get(cell.numberFormat);
      if (!byValue) {
        byValue = new Map();
        byFormat.set(cell.numberFormat, byValue);
      }
      let rating = byValue.get(cell.value);
      if (!rating) {
        rating = rate(cell.value, definition, toleranceSet, cell.numberFormat);
        byValue.set(cell.value, rating);
      }
      return rating;
    },
  };
}

/**
 * The rules of a row whose target is written against a benchmark: each period cell's conditions refer to
 * its benchmark's cell on the same row (column fixed, row relative), so the colour follows an edited
 * benchmark. A benchmark from the register (no cell on the row) is written into the rule as its figure.
 * Cells whose benchmark has no figure now get no rule, as their report says No data.
 */
function planBenchmarkRules(groups: Map<string, Group>, row: KpiRow, colourable: readonly PeriodCell[], standing: Extract<ReturnType<typeof benchmarkStandingOf>, { kind: "rated" }>): void {
  for (const cell of colourable) {
    const benchmark = benchmarkForPeriod(cell.period, standing.target.kind, row.benchmarks ?? []);
    if (!benchmark || !readBenchmarkFigure(benchmark.value, benchmark.numberFormat, row.definition).ok) continue;
    const at = benchmark.address ? parseCellAddress(benchmark.address) : null;
    if (benchmark.address && (!at || at.row !== cell.row)) continue;
    const column = at ? columnLetters(at.column) : null;
    const literal = typeof benchmark.value === "number" ? formulaNumber(benchmark.value) : `"${String(benchmark.value).replace(/"/g, '""')}"`;
    for (const { status, condition } of benchmarkCellConditions(cell, benchmark, standing, row.definition)) {
      const groupKey = `benchmark|${column ?? literal}|${status}|${condition}`;
      let group = groups.get(groupKey);
      if (!group) {
        group = { status, formulaFor: (anchor: string) => ruleFormula(anchor, [condition], column ? `$${column}${anchor.replace(/^[A-Z]+/, "")}` : literal), cells: [] };
        groups.set(groupKey, group);
      }
      group.cells.push(cell);
    }
  }
}

function directionOfTravel(row: KpiRow): string {
  const travel = trend(
    row.cells.map((cell) => cell.value),
    row.definition,
    row.cells.map((cell) => cell.numberFormat),
  );
  return travel.ok ? travel.reason : travel.status === "No data" ? "Not enough figures for a direction of travel" : travel.status === "No target" ? "No direction of travel without a polarity" : "Check definition";
}

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  memo.set(key, value);
  return value;
}

interface StatusConditions {
  status: RagStatus;
  conditions: string[];
  key: string;
}

const conditionsCache = new WeakMap<Band[], StatusConditions[]>();

/** Each status's conditions in the sheet's scale, worked out once per set of bands (rows share them). */
function conditionsOf(statusBands: Band[], definition: Definition): StatusConditions[] {
  const cached = conditionsCache.get(statusBands);
  if (cached) return cached;
  const toSheet = definition.unit === "percent" && definition.scale === "whole" ? fractionToPercent : (value: number) => value;
  const result = (["Green", "Amber", "Red"] as const).flatMap((status) => {
    const conditions = statusBands.filter((band) => band.status === status).map((band) => bandCondition(band, toSheet));
    return conditions.length === 0 ? [] : [{ status, conditions, key: `${status}|${conditions.join(";")}` }];
  });
  conditionsCache.set(statusBands, result);
  return result;
}

/** One band as an Excel condition on the figure `X` (replaced by the anchor cell): "X>=0.9", "AND(X>0.09,X<=0.15)". */
function bandCondition(band: Band, toSheet: (value: number) => number): string {
  const parts: string[] = [];
  if (band.low !== -Infinity) parts.push(`X${band.lowInclusive ? ">=" : ">"}${formulaNumber(toSheet(band.low))}`);
  if (band.high !== Infinity) parts.push(`X${band.highInclusive ? "<=" : "<"}${formulaNumber(toSheet(band.high))}`);
  if (parts.length === 0) return "TRUE";
  return parts.length === 1 ? parts[0] : `AND(${parts.join(",")})`;
}

/**
 * The rule's formula. A blank cell is not zero (A1<>""), TRUE/FALSE are not figures, and
 * NUMBERVALUE(A1,".",",") turns "91%" or "173.75" typed as text into 0.91 or 173.75 as the core does, in
 * every locale (--A1 would read "173.75" as an error or a date in a French or German Excel); text that is
 * not a figure makes the formula an error, and Excel paints nothing for an error.
 */
function ruleFormula(anchor: string, conditions: string[], benchmark?: string): string {
  const figure = figureOf(anchor);
  const test = conditions.length === 1 ? conditions[0] : `OR(${conditions.join(",")})`;
  // The benchmark (Y in the conditions) is the register's figure, written as a number, or a cell on the row,
  // which must hold a figure too: a blank or suppressed benchmark paints nothing.
  const literal = benchmark === undefined || /^-?\d/.test(benchmark);
  const benchmarkGuard = literal ? "" : `${benchmark}<>"",NOT(ISLOGICAL(${benchmark})),`;
  const benchmarkFigure = literal ? (benchmark ?? "") : figureOf(benchmark);
  // One pass, so a column named X or Y in a reference is never taken for a placeholder.
  const filled = test.replace(/[XY]/g, (placeholder) => (placeholder === "X" ? figure : benchmarkFigure));
  return `=AND(${ruleMarker},${anchor}<>"",NOT(ISLOGICAL(${anchor})),${benchmarkGuard}${filled})`;
}

/** A cell's figure in every locale: a number as it is, text such as "91%" or "173.75" read with "." as the decimal point. */
function figureOf(cell: string): string {
  return `IF(ISNUMBER(${cell}),${cell},NUMBERVALUE(${cell},".",","))`;
}

function formulaNumber(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/**
 * Cells into as few rectangles as simply found: runs along each row, stacked where the next row has the
 * same run. One pass over the cells in reading order (they arrive so; they are sorted if not).
 */
function areasOf(cells: Array<{ row: number; column: number }>): string[] {
  const inOrder = isReadingOrder(cells) ? cells : [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  type Area = { top: number; bottom: number; left: number; right: number };
  const done: Area[] = [];
  let open: Area[] = []; // areas that reached the previous row
  let current: Area[] = []; // runs of the row being read
  let row = -1;
  const closeRow = (): void => {
    const next: Area[] = [];
    for (const run of current) {
      const above = open.find((area) => area.left === run.left && area.right === run.right && area.bottom === run.top - 1);
      if (above) {
        above.bottom = run.top;
        next.push(above);
      } else next.push(run);
    }
    for (const area of open) if (!next.includes(area)) done.push(area);
    open = next;
    current = [];
  };
  for (const cell of inOrder) {
    if (cell.row !== row) {
      closeRow();
      row = cell.row;
    }
    const last = current[current.length - 1];
    if (last && cell.column === last.right + 1) last.right = cell.column;
    else if (!last || cell.column > last.right) current.push({ top: row, bottom: row, left: cell.column, right: cell.column });
  }
  closeRow();
  for (const area of open) done.push(area);
  done.sort((a, b) => a.top - b.top || a.left - b.left);
  return done.map((area) => {
    const topLeft = cellAddress({ row: area.top, column: area.left });
    const bottomRight = cellAddress({ row: area.bottom, column: area.right });
    return topLeft === bottomRight ? topLeft : `${topLeft}:${bottomRight}`;
  });
}

function isReadingOrder(cells: ReadonlyArray<{ row: number; column: number }>): boolean {
  for (let index = 1; index < cells.length; index++) {
    const before = cells[index - 1];
    const cell = cells[index];
    if (cell.row < before.row || (cell.row === before.row && cell.column <= before.column)) return false;
  }
  return true;
}

export interface PeriodSummary {
  period: string;
  counts: Record<Status, number>;
}

/** The count of each status per period, across the plan's tables, periods in the order first seen. */
export function summarise(tables: readonly TableReport[]): PeriodSummary[] {
  const summaries = new Map<string, PeriodSummary>();
  for (const table of tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const summary = summaries.get(cell.period) ?? { period: cell.period, counts: { Green: 0, Amber: 0, Red: 0, Suspended: 0, "No target": 0, "No data": 0, "Check definition": 0 } };
        summary.counts[cell.status] += 1;
        summaries.set(cell.period, summary);
      }
    }
  }
  return [...summaries.values()];
}
