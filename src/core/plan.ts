/**
 * The formatting plan: native conditional-format rules with plain Excel formulas, derived from `bands`, so
 * the colour Excel paints and the status a formula returns come from one source: an appraisal, whose
 * ratings say which cells hold figures. Recipients without the
 * add-in see the same colours. Every rule carries the marker N("KPI RAG")=0 (always TRUE) so the add-in
 * can recognise its own rules, replace them, and remove them without touching the analyst's.
 */
import { appraiseTables, type Appraisal } from "./appraisal";
import { bands, type Band } from "./bands";
import { benchmarkForPeriod } from "./benchmark-rating";
import { benchmarkCellConditions } from "./benchmark-conditions";
import type { BenchmarkStanding } from "./benchmark-target";
import { readBenchmarkFigure } from "./benchmarks";
import type { Definition } from "./definition";
import { standardSet } from "./tolerance-set";
import { columnLetters, parseCellAddress } from "./grid";
import { ragPalette } from "./palette";
import { ragStatuses, type RagStatus } from "./status";
import type { FoundTables, KpiRow, PeriodCell } from "./tables";
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
  cells: Array<{ row: number; column: number }>;
}

/** Appraises found tables and plans their rules: for surfaces that hold tables, not an appraisal. */
export function planFormatting(
  found: FoundTables,
  toleranceSet: string = standardSet
): FormattingPlan {
  return formattingPlan(appraiseTables(found, toleranceSet));
}

/**
 * The formatting plan of an appraisal: each row's cells that hold a figure get the conditions of its
 * bands (or of its benchmark target), and cells sharing conditions in a column share one rule.
 */
export function formattingPlan(appraisal: Appraisal): FormattingPlan {
  const groups = new Map<string, Group>();
  const groupsOf: GroupsByConditions = new Map();
  for (const row of appraisal.rows) {
    // Blank and no-data cells stay in the rule's areas (the formula paints nothing there), so areas stay
    // whole rectangles; a cell that is not a figure is left out, as its row's problems say.
    const colourable = row.kpi.cells.filter((_, index) => row.ratings[index].kind !== "unreadable");
    if (colourable.length === 0) continue;
    if (row.benchmarkStanding !== null) {
      if (row.benchmarkStanding.kind === "rated")
        planBenchmarkRules(groups, row.kpi, colourable, row.benchmarkStanding);
    } else planBandRules(groups, groupsOf, row.kpi.definition, colourable, appraisal.toleranceSet);
  }
  const rules = [...groups.values()].map((group) => {
    const appliesTo = areasOf(group.cells);
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

/** The rules of a row rated by its bands: one group per column and set of conditions, so rows alike share rules. */
function planBandRules(
  groups: Map<string, Group>,
  groupsOf: GroupsByConditions,
  definition: Definition,
  colourable: readonly PeriodCell[],
  toleranceSet: string
): void {
  const banding = bands(definition, toleranceSet);
  if (banding.kind !== "bands") return;
  const column = colourable[0].column;
  for (const statusConditions of conditionsOf(banding.bands, definition)) {
    // Rows sharing thresholds share the group: found by the conditions object, no key string per row.
    let byColumn = groupsOf.get(statusConditions);
    if (!byColumn) {
      byColumn = new Map();
      groupsOf.set(statusConditions, byColumn);
    }
    let group = byColumn.get(column);
    if (!group) {
      const groupKey = `${column}|${statusConditions.key}`;
      group = groups.get(groupKey);
      if (!group) {
        const { status, conditions } = statusConditions;
        group = {
          status,
          formulaFor: (anchor: string) => ruleFormula(anchor, conditions),
          cells: [],
        };
        groups.set(groupKey, group);
      }
      byColumn.set(column, group);
    }
    for (const cell of colourable) group.cells.push(cell);
  }
}

/** Rule groups by the conditions object they colour with, then by column. */
type GroupsByConditions = Map<StatusConditions, Map<number, Group>>;

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
    const at = benchmark.address ? parseCellAddress(benchmark.address) : null;
    if (benchmark.address && (!at || at.row !== cell.row)) continue;
    const column = at ? columnLetters(at.column) : null;
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
          cells: [],
        };
        groups.set(groupKey, group);
      }
      group.cells.push(cell);
    }
  }
}

interface StatusConditions {
  status: RagStatus;
  conditions: string[];
  key: string;
}

/** Conditions by set of bands, then by whether the sheet keeps them as whole-number percentages. */
const conditionsCache = new WeakMap<Band[], Map<boolean, StatusConditions[]>>();

/** Each status's conditions in the sheet's scale, worked out once per set of bands and scale (rows share them). */
function conditionsOf(statusBands: Band[], definition: Definition): StatusConditions[] {
  const whole = definition.unit === "percent" && definition.scale === "whole";
  let byScale = conditionsCache.get(statusBands);
  if (!byScale) {
    byScale = new Map();
    conditionsCache.set(statusBands, byScale);
  }
  const cached = byScale.get(whole);
  if (cached) return cached;
  const toSheet = whole ? fractionToPercent : (value: number) => value;
  const result = ragStatuses.flatMap((status) => {
    const conditions = statusBands
      .filter((band) => band.status === status)
      .map((band) => bandCondition(band, toSheet));
    return conditions.length === 0
      ? []
      : [{ status, conditions, key: `${status}|${conditions.join(";")}` }];
  });
  byScale.set(whole, result);
  return result;
}

/** One band as an Excel condition on the figure `X` (replaced by the anchor cell): "X>=0.9", "AND(X>0.09,X<=0.15)". */
function bandCondition(band: Band, toSheet: (value: number) => number): string {
  const parts: string[] = [];
  if (band.low !== -Infinity)
    parts.push(`X${band.lowInclusive ? ">=" : ">"}${formulaNumber(toSheet(band.low))}`);
  if (band.high !== Infinity)
    parts.push(`X${band.highInclusive ? "<=" : "<"}${formulaNumber(toSheet(band.high))}`);
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
  const filled = test.replace(/[XY]/g, (placeholder) =>
    placeholder === "X" ? figure : benchmarkFigure
  );
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
 * same run. One pass over the cells in reading order (they arrive so; they are sorted if not). Areas are
 * made in reading order of their top-left cells, so they come out in that order with no sort.
 */
function areasOf(cells: Array<{ row: number; column: number }>): string[] {
  const inOrder = isReadingOrder(cells)
    ? cells
    : [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  type Area = { top: number; bottom: number; left: number; right: number };
  const areas: Area[] = [];
  let open: Area[] = []; // areas that reached the previous row
  let current: Area[] = []; // runs of the row being read
  const closeRow = (): void => {
    const next: Area[] = [];
    for (const run of current) {
      const above = open.find(
        (area) => area.left === run.left && area.right === run.right && area.bottom === run.top - 1
      );
      if (above) above.bottom = run.top;
      else areas.push(run);
      next.push(above ?? run);
    }
    open = next;
    current = [];
  };
  let row = -1;
  for (const cell of inOrder) {
    if (cell.row !== row) {
      closeRow();
      row = cell.row;
    }
    const last = current[current.length - 1];
    if (last && cell.column === last.right + 1) last.right = cell.column;
    else if (!last || cell.column > last.right)
      current.push({ top: row, bottom: row, left: cell.column, right: cell.column });
  }
  closeRow();
  const letters: string[] = [];
  const at = (row: number, column: number): string =>
    (letters[column] ??= columnLetters(column)) + String(row + 1);
  return areas.map((area) =>
    area.top === area.bottom && area.left === area.right
      ? at(area.top, area.left)
      : `${at(area.top, area.left)}:${at(area.bottom, area.right)}`
  );
}

function isReadingOrder(cells: ReadonlyArray<{ row: number; column: number }>): boolean {
  for (let index = 1; index < cells.length; index++) {
    const before = cells[index - 1];
    const cell = cells[index];
    if (cell.row < before.row || (cell.row === before.row && cell.column <= before.column))
      return false;
  }
  return true;
}
