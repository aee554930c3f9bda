/**
 * The formatting plan: native conditional-format rules with plain Excel formulas, derived from `bands`, so
 * the colour Excel paints and the status a formula returns come from one source: an appraisal, whose
 * ratings say which cells hold figures. Recipients without the
 * add-in see the same colours. Every rule carries the marker N("KPI RAG")=0 (always TRUE) so the add-in
 * can recognise its own rules, replace them, and remove them without touching the analyst's.
 */
import { appraiseTables, type Appraisal } from "../appraisal/appraisal";
import { bands } from "../rating/bands";
import { benchmarkForPeriod } from "../rating/benchmark-rating";
import { benchmarkCellConditions } from "./benchmark-conditions";
import type { BenchmarkStanding } from "../rating/benchmark-target";
import { readBenchmarkFigure } from "../rating/benchmarks";
import { previousPeriodCell } from "../appraisal/appraisal";
import type { Definition } from "../definition/definition";
import { standardScheme, type Scheme } from "../rating/scheme";
import { standardSet } from "../definition/tolerance-set";
import { columnLetters } from "../values/grid";
import { ragPalette } from "./palette";
import type { RagStatus, Rating } from "../values/status";
import type { FoundTables, KpiRow, PeriodCell } from "../sheet/tables";

import {
  betterThanBefore,
  conditionsOf,
  formulaNumber,
  improvedTest,
  ruleFormula,
  type ConditionsMemo,
} from "./band-conditions";

export interface PlannedRule {
  status: RagStatus;
  /** Excel formula starting "=", relative to the top-left cell of the first area of `appliesTo`. */
  formula: string;
  /** Rectangular areas ("G8:J9"); the first holds the top-left cell of them all. */
  appliesTo: string[];
  fill: string;
  font: string;
  /** Where the analyst chose status symbols: the number format showing the status's symbol before the figure. */
  numberFormat?: string;
}

/** The rules that colour a sheet under a tolerance set; its report is the appraisal's other view (`reportOf`). */
export interface FormattingPlan {
  sheet: string;
  /** Why the sheet has no KPI table, naming the nearest miss; undefined when it has one. */
  skipped?: string;
  toleranceSet: string;
  rules: PlannedRule[];
}

interface Group {
  status: RagStatus;
  formulaFor: (anchor: string) => string;
  /** The cells it colours as runs along their rows: row, first column, last column, then the next run. */
  runs: number[];
}

/** Where a cell is on the sheet, 0-based. */
interface CellAt {
  row: number;
  column: number;
}

/** Appraises found tables and plans their rules: for surfaces that hold tables, not an appraisal. */
export function planFormatting(
  found: FoundTables,
  toleranceSet: string = standardSet,
  scheme: Scheme = standardScheme
): FormattingPlan {
  return formattingPlan(appraiseTables(found, toleranceSet, scheme));
}

/**
 * The formatting plan of an appraisal: each row's cells that hold a figure get the conditions of its
 * bands (or of its benchmark target), and cells sharing conditions in a column share one rule.
 */
export function formattingPlan(appraisal: Appraisal): FormattingPlan {
  const groups = new Map<string, Group>();
  const groupsOf: GroupsByDefinition = new Map();
  const rating: RatedUnder = {
    toleranceSet: appraisal.toleranceSet,
    scheme: appraisal.scheme,
    conditions: new WeakMap(),
  };
  for (const row of appraisal.rows) {
    // Blank and no-data cells stay in the rule's areas (the formula paints nothing there), so areas stay
    // whole rectangles; a cell that is not a figure is left out, as its row's problems say.
    const colourable = hasUnreadable(row.ratings)
      ? row.kpi.cells.filter((_, index) => row.ratings[index].kind !== "unreadable")
      : row.kpi.cells;
    if (colourable.length === 0) continue;
    const banding = bands(row.kpi.definition, appraisal.toleranceSet, appraisal.scheme);
    if (banding.kind === "benchmark") {
      if (banding.standing.kind === "rated")
        planBenchmarkRules(groups, row.kpi, colourable, banding.standing);
    } else if (appraisal.scheme.kind === "amber by direction")
      planDirectionRules(groups, groupsOf, row.kpi, colourable, rating);
    else planRowRules(groups, groupsOf, row.kpi.definition, colourable, rating);
  }
  const areas = new AreasOfRuns();
  const rules = [...groups.values()].map((group) => {
    const appliesTo = areas.of(group.runs);
    const anchor = appliesTo[0].split(":")[0];
    return {
      status: group.status,
      formula: group.formulaFor(anchor),
      appliesTo,
      ...ragPalette[group.status],
    };
  });
  const { sheet, skipped, toleranceSet } = appraisal;
  return { sheet, ...(skipped === undefined ? {} : { skipped }), toleranceSet, rules };
}

/** Whether any of a row's cells is not a figure (a loop: it is asked of every row). */
function hasUnreadable(ratings: readonly Rating[]): boolean {
  for (const rating of ratings) if (rating.kind === "unreadable") return true;
  return false;
}

/**
 * The rules of a row rated by its bands. Where some of its periods are rated against thresholds of their
 * own (a target per year), each run of cells sharing a definition gets that definition's rules.
 */
function planRowRules(
  groups: Map<string, Group>,
  groupsOf: GroupsByDefinition,
  rowDefinition: Definition,
  colourable: readonly PeriodCell[],
  rating: RatedUnder,
  previousOffset = 0
): void {
  let own = false;
  for (const cell of colourable) if (cell.definition !== undefined) own = true;
  if (!own) {
    planBandRules(groups, groupsOf, rowDefinition, colourable, rating, previousOffset);
    return;
  }
  let start = 0;
  for (let index = 1; index <= colourable.length; index++) {
    const definition = colourable[start].definition ?? rowDefinition;
    if (index < colourable.length && (colourable[index].definition ?? rowDefinition) === definition)
      continue;
    planBandRules(
      groups,
      groupsOf,
      definition,
      colourable.slice(start, index),
      rating,
      previousOffset
    );
    start = index;
  }
}

/** The tolerance set and scheme a plan's rows are rated under, with the plan's memo of their conditions. */
interface RatedUnder extends Pick<Appraisal, "toleranceSet" | "scheme"> {
  /** Each set of bands' conditions, by scale and whether a period before is compared (see `conditionsOf`). */
  readonly conditions: ConditionsMemo;
}

/**
 * Amber by direction: a cell's rule refers to the period before it on the row, so the row's cells are
 * planned in sets by how many columns back that period is (0: none, the first period), each set's rules
 * referring that far back.
 */
function planDirectionRules(
  groups: Map<string, Group>,
  groupsOf: GroupsByDefinition,
  kpi: KpiRow,
  colourable: readonly PeriodCell[],
  rating: RatedUnder
): void {
  const byOffset = new Map<number, PeriodCell[]>();
  for (const cell of colourable) {
    const index = kpi.cells.indexOf(cell);
    const previous = previousPeriodCell(kpi.cells, index);
    const offset = previous === undefined ? 0 : cell.column - previous.column;
    const cells = byOffset.get(offset);
    if (cells) cells.push(cell);
    else byOffset.set(offset, [cell]);
  }
  for (const [offset, cells] of byOffset)
    planRowRules(groups, groupsOf, kpi.definition, cells, rating, offset);
}

/** The rules of a run of a row's cells rated by its bands: one group per column and set of conditions, so rows alike share rules. */
function planBandRules(
  groups: Map<string, Group>,
  groupsOf: GroupsByDefinition,
  definition: Definition,
  colourable: readonly PeriodCell[],
  rating: RatedUnder,
  previousOffset: number
): void {
  // Cells whose rules look back a different distance (Amber by direction) need rules of their own.
  const column = colourable[0].column + previousOffset * 16384;
  // Rows sharing a definition share their groups: found by the definition object, no key string per row.
  let byColumn = groupsOf.get(definition);
  if (!byColumn) {
    byColumn = new Map();
    groupsOf.set(definition, byColumn);
  }
  let rowGroups = byColumn.get(column);
  if (!rowGroups) {
    rowGroups = bandGroups(groups, definition, column, rating, previousOffset);
    byColumn.set(column, rowGroups);
  }
  // Each status's group takes the row's runs straight into its own list: no list of runs per row.
  for (const group of rowGroups) pushRuns(group.runs, colourable);
}

/** The groups of a definition's bands for rows starting at a column: one per status, shared with any definition colouring alike. */
function bandGroups(
  groups: Map<string, Group>,
  definition: Definition,
  column: number,
  rating: RatedUnder,
  previousOffset: number
): Group[] {
  const banding = bands(definition, rating.toleranceSet, rating.scheme);
  if (banding.kind !== "bands") return [];
  const { standing } = definition;
  const conditions = conditionsOf(rating.conditions, banding.bands, definition, previousOffset > 0);
  return conditions.map(({ status, conditions, key }) => {
    const groupKey = `${column}|${key}`;
    let group = groups.get(groupKey);
    if (!group) {
      group = {
        status,
        formulaFor: (anchor: string) => {
          const formula = ruleFormula(anchor, conditions);
          return previousOffset === 0 || standing.kind !== "rated"
            ? formula
            : formula.replace(
                new RegExp(betterThanBefore, "g"),
                improvedTest(anchor, previousOffset, standing.polarity, definition)
              );
        },
        runs: [],
      };
      groups.set(groupKey, group);
    }
    return group;
  });
}

/** Rule groups by the definition whose rows they colour, then by the column those rows start in. */
type GroupsByDefinition = Map<Definition, Map<number, readonly Group[]>>;

/**
 * The rules of a row whose target is written against a benchmark: each period cell's conditions refer to
 * its benchmark's cell on the same row (column fixed, row relative), so the colour follows an edited
 * benchmark. A benchmark from the register (no cell on the row) is written into the rule as its figure.
 * Cells whose benchmark has no figure now get no rule, as their report says No data.
 */
function planBenchmarkRules(
  groups: Map<string, Group>,
  row: KpiRow,
  colourable: readonly PeriodCell[],
  standing: Extract<BenchmarkStanding, { kind: "rated" }>
): void {
  for (const cell of colourable) {
    const benchmark = benchmarkForPeriod(cell.period, standing.target.kind, row.benchmarks ?? []);
    if (
      !benchmark ||
      !readBenchmarkFigure(benchmark.value, benchmark.numberFormat, row.definition).ok
    )
      continue;
    // A benchmark cell on another row cannot be referred to row-relatively: it gets no rule.
    if (benchmark.row !== undefined && benchmark.row !== cell.row) continue;
    const column = benchmark.column === undefined ? null : columnLetters(benchmark.column);
    const literal =
      typeof benchmark.value === "number"
        ? formulaNumber(benchmark.value)
        : `"${String(benchmark.value).replace(/"/g, '""')}"`;
    for (const { status, condition } of benchmarkCellConditions(
      cell,
      benchmark,
      standing,
      row.definition
    )) {
      const groupKey = `benchmark|${column ?? literal}|${status}|${condition}`;
      let group = groups.get(groupKey);
      if (!group) {
        group = {
          status,
          formulaFor: (anchor: string) =>
            ruleFormula(
              anchor,
              [condition],
              column ? `$${column}${anchor.replace(/^[A-Z]+/, "")}` : literal
            ),
          runs: [],
        };
        groups.set(groupKey, group);
      }
      group.runs.push(cell.row, cell.column, cell.column);
    }
  }
}

/** A row's cells (in column order, as a row's period cells are) as runs: row, first column, last column, and so on. */
function runsOf(cells: readonly CellAt[]): number[] {
  const runs: number[] = [];
  pushRuns(runs, cells);
  return runs;
}

/** Adds a row's cells to a list of runs, a run joining only the one before it from the same cells. */
function pushRuns(runs: number[], cells: readonly CellAt[]): void {
  const first = runs.length;
  for (const { row, column } of cells) {
    const last = runs.length - 1;
    if (last > first && runs[last - 2] === row && runs[last] + 1 === column) runs[last] = column;
    else runs.push(row, column, column);
  }
}

/**
 * Each list of runs's areas, worked out once: the statuses of a set of bands colour the same cells, so
 * their rules share one list of area strings. On the bench's varied sheet of 10,000 rows its three statuses'
 * 30,000 areas are made once, not three times: with `pushRuns`, 6 of the 34 MB a find and plan made.
 */
class AreasOfRuns {
  private readonly byLength = new Map<
    number,
    Array<{ runs: readonly number[]; areas: string[] }>
  >();

  /** The areas of runs, a fresh list (each rule owns its own) of strings shared with any list of the same runs. */
  of(runs: readonly number[]): string[] {
    let sameLength = this.byLength.get(runs.length);
    if (sameLength === undefined) {
      sameLength = [];
      this.byLength.set(runs.length, sameLength);
    }
    for (const known of sameLength) if (sameRuns(known.runs, runs)) return known.areas.slice();
    const areas = areasOfRuns(runs);
    sameLength.push({ runs, areas });
    return areas.slice();
  }
}

function sameRuns(a: readonly number[], b: readonly number[]): boolean {
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * Cells into as few rectangles as simply found: runs along each row, stacked where the next row has the
 * same run. Areas are made in reading order of their top-left cells, so they come out in that order with
 * no sort.
 */
export function areasOf(cells: readonly CellAt[]): string[] {
  return areasOfRuns(runsOf(cells));
}

/**
 * The areas of runs (row, first column, last column, …), stacked in one pass when they come in reading
 * order, as a plan's rows give them (but for tables side by side); sorted into it first when they do not. A sheet of 10,000 rows gives
 * tens of thousands of areas, so a run is three numbers until it needs an area of its own.
 */
function areasOfRuns(runs: readonly number[]): string[] {
  let stacked = new StackedRuns();
  for (let index = 0; index < runs.length; index += 3)
    stacked.add(runs[index], runs[index + 1], runs[index + 2]);
  if (!stacked.inReadingOrder) {
    const cells: CellAt[] = [];
    for (let index = 0; index < runs.length; index += 3)
      for (let column = runs[index + 1]; column <= runs[index + 2]; column++)
        cells.push({ row: runs[index], column });
    cells.sort((a, b) => a.row - b.row || a.column - b.column);
    stacked = new StackedRuns();
    for (const { row, column } of cells) stacked.add(row, column, column);
  }
  const areas = stacked.finish();
  const letters: string[] = [];
  const lettersOf = (column: number): string => (letters[column] ??= columnLetters(column));
  return areas.map(({ top, bottom, left, right }) => {
    const first = String(top + 1);
    if (top === bottom)
      return left === right
        ? lettersOf(left) + first
        : `${lettersOf(left)}${first}:${lettersOf(right)}${first}`;
    return `${lettersOf(left)}${first}:${lettersOf(right)}${bottom + 1}`;
  });
}

/**
 * Runs taken in reading order, each continuing the area above it that has the same columns or starting an
 * area. A class, not a closure over the loop's variables, since a sheet of
 * 10,000 rows gives tens of thousands of areas and a closure makes every one of its variables slow to reach.
 */
class StackedRuns {
  private readonly areas: Area[] = [];
  // Areas that reached the previous row, in column order (runs are), and those reaching this one. The two
  // lists swap at each row and are written over, not emptied (setting an array's length is a slow call).
  private above: Area[] = [];
  private aboveCount = 0;
  private reaching: Area[] = [];
  private reachingCount = 0;
  private next = 0; // the first area above that a later run of the row could continue
  private row = -1;
  private left = -1;
  private right = -1;

  /** False once a run came before the one added ahead of it (or overlapped it): such a run is passed over, so the areas are worked out again from the runs sorted. */
  inReadingOrder = true;

  /** Adds a run of a row, left to right: it joins the run before it where the two touch. */
  add(row: number, left: number, right: number): void {
    if (row < this.row || (row === this.row && left <= this.right)) {
      this.inReadingOrder = false;
      return;
    }
    if (row !== this.row) {
      if (this.row !== -1) this.endRun();
      const reached = this.reaching;
      this.reaching = this.above;
      this.above = reached;
      this.aboveCount = this.reachingCount;
      this.reachingCount = 0;
      this.next = 0;
      this.row = row;
      this.left = left;
    } else if (left !== this.right + 1) {
      this.endRun();
      this.left = left;
    }
    this.right = right;
  }

  /** The areas, in reading order of their top-left cells. */
  finish(): Area[] {
    if (this.row !== -1) this.endRun();
    this.row = -1;
    return this.areas;
  }

  private endRun(): void {
    const { above, aboveCount, row, left, right } = this;
    let next = this.next;
    while (next < aboveCount && above[next].left < left) next++;
    const area = next < aboveCount ? above[next] : undefined;
    let reached: Area;
    if (area && area.left === left && area.right === right && area.bottom === row - 1) {
      area.bottom = row;
      next++;
      reached = area;
    } else {
      reached = { top: row, bottom: row, left, right };
      this.areas.push(reached);
    }
    this.reaching[this.reachingCount++] = reached;
    this.next = next;
  }
}

interface Area {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
