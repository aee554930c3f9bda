/**
 * The formatting plan: native conditional-format rules with plain Excel formulas, derived from `bands`, so
 * the colour Excel paints and the status a formula returns come from one source: an appraisal, whose
 * ratings say which cells hold figures. Recipients without the
 * add-in see the same colours. Every rule carries the marker N("KPI RAG")=0 (always TRUE) so the add-in
 * can recognise its own rules, replace them, and remove them without touching the analyst's.
 */
import { appraiseTables, type Appraisal, type AppraisedRow } from "../appraisal/appraisal";
import { benchmarkForPeriod, directionOf } from "../rating/benchmark-rating";
import { benchmarkCellConditions } from "./benchmark-conditions";
import type { BenchmarkStanding } from "../rating/benchmark-target";
import { readBenchmarkFigure } from "../rating/benchmarks";
import { previousPeriodCell } from "../appraisal/appraisal";
import type { Definition, Polarity } from "../definition/definition";
import { standardScheme, type Scheme } from "../rating/scheme";
import { standardSet } from "../definition/tolerance-set";
import { columnLetters } from "../values/grid";
import { ragPalette } from "./palette";
import type { RagStatus, Rating } from "../values/status";
import type { FoundTables, KpiRow, PeriodCell } from "../sheet/tables";
import {
  betterThanBefore,
  conditionsOf,
  type Back,
  formulaNumber,
  improvedTest,
  keptWhole,
  ruleFormula,
  type ConditionsMemo,
} from "./band-conditions";
import { AreasOfRuns, pushRuns, Runs } from "./rule-areas";
import type { Group } from "./rule-group";
import { ReferencedGroups } from "./referenced-groups";
import { thresholdColumnsOf } from "./threshold-references";

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
    bands: appraisal.bands,
    conditions: new WeakMap(),
  };
  const referenced = new ReferencedGroups(groups, appraisal);
  // Table by table (`appraisal.rows` in the same order), so a table's threshold columns are read once; rows
  // by index, since a for…of makes an iterator result a row until V8 compiles the loop.
  for (const { table, rows, earlier } of appraisal.tables) {
    const columns = thresholdColumnsOf(table);
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index];
      // Blank and no-data cells stay in the rule's areas (the formula paints nothing there), so areas stay
      // whole rectangles; a cell that is not a figure is left out, as its row's problems say.
      const colourable = hasUnreadable(row.ratings) ? readableCells(row) : row.kpi.cells;
      if (colourable.length === 0) continue;
      const banding = appraisal.bands.of(row.kpi.definition);
      const before = earlier?.get(row.kpi);
      if (banding.kind !== "benchmark" && appraisal.scheme.kind === "amber by direction")
        planDirectionRules(groups, groupsOf, row.kpi, colourable, rating, before);
      else if (
        banding.kind !== "bands" ||
        !referenced.plan(row.kpi, columns, banding.bands, colourable)
      )
        planRowRules(groups, groupsOf, row.kpi, colourable, rating, undefined, before);
    }
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

/**
 * A row's cells that are figures. A function of its own: a closure over the row written in the plan's loop
 * would make V8 keep the row in an object made on every turn of the loop, for every row (0.4 MB on the
 * bench's sheet of 10,000 rows).
 */
function readableCells(row: AppraisedRow): PeriodCell[] {
  return row.kpi.cells.filter((_, at) => row.ratings[at].kind !== "unreadable");
}

/** Whether any of a row's cells is not a figure (a loop: it is asked of every row). */
function hasUnreadable(ratings: readonly Rating[]): boolean {
  for (let index = 0; index < ratings.length; index++)
    if (ratings[index].kind === "unreadable") return true;
  return false;
}

/**
 * The rules of a row rated by its bands. Where some of its periods are rated against thresholds of their
 * own (a target per year), each run of cells sharing a definition gets that definition's rules.
 */
function planRowRules(
  groups: Map<string, Group>,
  groupsOf: GroupsByDefinition,
  kpi: KpiRow,
  colourable: readonly PeriodCell[],
  rating: RatedUnder,
  back?: Back,
  earlier?: PeriodCell
): void {
  const rowDefinition = kpi.definition;
  // A run of cells rated by one definition: against its benchmark where its target names one, else by its bands.
  const planRun = (definition: Definition, cells: readonly PeriodCell[]): void => {
    const banding = rating.bands.of(definition);
    if (banding.kind !== "benchmark")
      planBandRules(groups, groupsOf, definition, cells, rating, back);
    else if (banding.standing.kind === "rated")
      planBenchmarkRules(groups, kpi, cells, banding.standing, definition, rating.scheme, earlier);
  };
  let own = false;
  for (let index = 0; index < colourable.length; index++)
    if (colourable[index].definition !== undefined) own = true;
  if (!own) {
    planRun(rowDefinition, colourable);
    return;
  }
  let start = 0;
  for (let index = 1; index <= colourable.length; index++) {
    const definition = colourable[start].definition ?? rowDefinition;
    if (index < colourable.length && (colourable[index].definition ?? rowDefinition) === definition)
      continue;
    planRun(definition, colourable.slice(start, index));
    start = index;
  }
}

/** The tolerance set and scheme a plan's rows are rated under, their bands, and the plan's memo of their conditions. */
interface RatedUnder extends Pick<Appraisal, "toleranceSet" | "scheme" | "bands"> {
  /** Each set of bands' conditions, by scale and whether a period before is compared (see `conditionsOf`). */
  readonly conditions: ConditionsMemo;
}

/**
 * Amber by direction: a cell's rule refers to the period before it, so the row's cells are planned in sets
 * by how far back that period is (none for the first period), each set's rules referring that far back. A
 * long table's row refers to the same KPI's row for the period before (`earlier`).
 */
function planDirectionRules(
  groups: Map<string, Group>,
  groupsOf: GroupsByDefinition,
  kpi: KpiRow,
  colourable: readonly PeriodCell[],
  rating: RatedUnder,
  earlier: PeriodCell | undefined
): void {
  const byBack = new Map<string, { back: Back | undefined; cells: PeriodCell[] }>();
  for (const cell of colourable) {
    const back = backOf(cell, periodBefore(kpi, cell, earlier));
    const key = back === undefined ? "" : `${back.rows},${back.columns}`;
    const set = byBack.get(key);
    if (set) set.cells.push(cell);
    else byBack.set(key, { back, cells: [cell] });
  }
  for (const { back, cells } of byBack.values())
    planRowRules(groups, groupsOf, kpi, cells, rating, back);
}

/** The period before a row's cell: the one before it on the row, or for a long table's row `earlier`. */
function periodBefore(
  kpi: KpiRow,
  cell: PeriodCell,
  earlier: PeriodCell | undefined
): PeriodCell | undefined {
  const index = kpi.cells.indexOf(cell);
  return previousPeriodCell(kpi.cells, index) ?? (index === 0 ? earlier : undefined);
}

function backOf(cell: PeriodCell, previous: PeriodCell | undefined): Back | undefined {
  return previous && { rows: cell.row - previous.row, columns: cell.column - previous.column };
}

/** The rules of a run of a row's cells rated by its bands: one group per column and set of conditions, so rows alike share rules. */
function planBandRules(
  groups: Map<string, Group>,
  groupsOf: GroupsByDefinition,
  definition: Definition,
  colourable: readonly PeriodCell[],
  rating: RatedUnder,
  back: Back | undefined
): void {
  // Cells whose rules look back a different distance (Amber by direction) need rules of their own.
  const column =
    back === undefined
      ? colourable[0].column
      : `${colourable[0].column}|${back.rows}|${back.columns}`;
  // Rows sharing a definition share their groups: found by the definition object, no key string per row.
  let byColumn = groupsOf.get(definition);
  if (!byColumn) {
    byColumn = new Map();
    groupsOf.set(definition, byColumn);
  }
  let rowGroups = byColumn.get(column);
  if (!rowGroups) {
    rowGroups = bandGroups(groups, definition, column, rating, back);
    byColumn.set(column, rowGroups);
  }
  // Each status's group takes the row's runs straight into its own list: no list of runs per row.
  for (let index = 0; index < rowGroups.length; index++)
    pushRuns(rowGroups[index].runs, colourable);
}

/** The groups of a definition's bands for rows starting at a column: one per status, shared with any definition colouring alike. */
function bandGroups(
  groups: Map<string, Group>,
  definition: Definition,
  column: number | string,
  rating: RatedUnder,
  back: Back | undefined
): Group[] {
  const banding = rating.bands.of(definition);
  if (banding.kind !== "bands") return [];
  const { standing } = definition;
  const conditions = conditionsOf(rating.conditions, banding.bands, definition, back !== undefined);
  const whole = keptWhole(definition);
  return conditions.map(({ status, conditions, key }) => {
    const groupKey = `${column}|${whole ? "whole|" : ""}${key}`;
    let group = groups.get(groupKey);
    if (!group) {
      group = {
        status,
        formulaFor: (anchor: string) => {
          const formula = ruleFormula(anchor, conditions, undefined, [], whole);
          return back === undefined || standing.kind !== "rated"
            ? formula
            : formula.replace(
                new RegExp(betterThanBefore, "g"),
                improvedTest(anchor, back, standing.polarity, definition)
              );
        },
        runs: new Runs(),
      };
      groups.set(groupKey, group);
    }
    return group;
  });
}

/** Rule groups by the definition whose rows they colour, then by the column those rows start in. */
type GroupsByDefinition = Map<Definition, Map<number | string, readonly Group[]>>;

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
  standing: Extract<BenchmarkStanding, { kind: "rated" }>,
  definition: Definition,
  scheme: Scheme,
  earlier?: PeriodCell
): void {
  // Amber by direction: a miss beyond the tolerance is Amber where the figure beats the period before.
  const way = scheme.kind === "amber by direction" ? directionOf(standing.test) : undefined;
  for (const cell of colourable) {
    const benchmark = benchmarkForPeriod(cell.period, standing.target, row.benchmarks ?? []);
    if (!benchmark || !readBenchmarkFigure(benchmark.value, benchmark.numberFormat, definition).ok)
      continue;
    // A benchmark cell on another row cannot be referred to row-relatively: it gets no rule.
    if (benchmark.row !== undefined && benchmark.row !== cell.row) continue;
    const against = {
      whole: keptWhole(definition),
      column: benchmark.column === undefined ? null : columnLetters(benchmark.column),
      literal:
        typeof benchmark.value === "number"
          ? formulaNumber(benchmark.value)
          : `"${String(benchmark.value).replace(/"/g, '""')}"`,
    };
    const back = way && backOf(cell, periodBefore(row, cell, earlier));
    for (const { status, condition } of benchmarkCellConditions(
      cell,
      benchmark,
      standing,
      definition
    )) {
      if (status !== "Red" || !way || !back) {
        benchmarkGroup(groups, status, condition, against).runs.push(
          cell.row,
          cell.column,
          cell.column
        );
        continue;
      }
      const before = { back, way, definition };
      for (const [split, test] of [
        ["Amber", `AND(${condition},${betterThanBefore})`],
        ["Red", `AND(${condition},NOT(${betterThanBefore}))`],
      ] as const)
        benchmarkGroup(groups, split, test, against, before).runs.push(
          cell.row,
          cell.column,
          cell.column
        );
    }
  }
}

/**
 * The group of a benchmark rule's status and condition, against a benchmark column or figure, and (Amber by
 * direction) comparing with the period `back` before it: made when first met.
 */
function benchmarkGroup(
  groups: Map<string, Group>,
  status: RagStatus,
  condition: string,
  against: { whole: boolean; column: string | null; literal: string },
  before?: { back: Back; way: Polarity; definition: Definition }
): Group {
  const { whole, column, literal } = against;
  const groupKey = `benchmark|${whole ? "whole|" : ""}${column ?? literal}|${status}|${condition}${before ? `|${before.back.rows},${before.back.columns}` : ""}`;
  let group = groups.get(groupKey);
  if (!group) {
    group = {
      status,
      formulaFor: (anchor: string) => {
        const formula = ruleFormula(
          anchor,
          [condition],
          column ? `$${column}${anchor.replace(/^[A-Z]+/, "")}` : literal,
          [],
          whole
        );
        return before
          ? formula.replace(
              new RegExp(betterThanBefore, "g"),
              improvedTest(anchor, before.back, before.way, before.definition)
            )
          : formula;
      },
      runs: new Runs(),
    };
    groups.set(groupKey, group);
  }
  return group;
}

/** A row's cells (in column order, as a row's period cells are) as runs: row, first column, last column, and so on. */
