/**
 * Finding a KPI table's header block on a grid: the row that names the measure and its thresholds, with
 * the row above (a year merged over its quarters, "Latest benchmarks (2021/22)" over England and SN) and
 * the row below ("Target" and "Tolerance" under "Target Range", "Q1" under "2022/23") where they belong
 * to it. Every column of the block gets its role; the rows under it are read by tables.ts.
 */
import type { CellValue } from "../values/cell";
import type { TableColumn } from "./column-map";
import { looseHeader } from "./comparators";
import { presentColumns, type Grid, type GridArea } from "../values/grid";
import { yearOfPeriod } from "./period-year";
import { standardSet } from "../definition/tolerance-set";
import {
  settleThresholds,
  type SettledThresholds,
  type ThresholdColumn,
} from "./threshold-columns";
import {
  headerText,
  isDateFormat,
  isHeaderContinuation,
  isHeaderParent,
  isYearLabel,
  knownRoleOfLabel,
  roleOfHeader,
  type ColumnRole,
  type TaughtHeaders,
} from "./headers";

export interface Layout {
  /** Grid rows of the header block, top to bottom. */
  headerRows: number[];
  measure: number;
  /** A first column headed with a section name ("Children in care"): the rows' section until a section row. */
  sectionHeader?: string;
  section?: number;
  polarity?: number;
  /** The target and tolerance columns, settled together: the standard tolerance, alternative sets, each year's. */
  thresholds: SettledThresholds;
  kpiNumber?: number;
  reference?: number;
  unit?: number;
  periods: Array<{ label: string; column: number; headline?: true }>;
  /** A long table's column naming each row's period: its one period column is then the row's figure. */
  periodName?: number;
  /** Every column of the table with a header, in grid columns. */
  columns: TableColumn[];
}

export interface Merges {
  /** A cell read through its merge: every cell of a merged area shows the area's value. */
  value: (row: number, column: number) => CellValue;
  /** Whether a cell continues a merge from the row above (a header merged down over two rows). */
  continuesFromAbove: (row: number, column: number) => boolean;
}

/** Header labels and section labels are read through merged cells. */
export function mergesOf(grid: Grid): Merges {
  return new MergedCells(grid);
}

/**
 * A grid's merged areas, each cell of an area found by its position. A class, so each sheet's reading
 * calls the same two methods (closures made afresh for every sheet would each be a new call target to
 * the code that reads a row, and make it start over).
 */
class MergedCells implements Merges {
  /**
   * The merged areas by bands of rows: a band starts at a row where an area starts or ends, and holds the
   * areas over its rows sorted by first column. The memory follows the areas, not the cells they cover, so
   * a merged area of 16 million cells takes as little as one of two.
   */
  private readonly bandStarts: number[] = [];
  private readonly bandAreas: GridArea[][] = [];

  constructor(private readonly grid: Grid) {
    const areas = [...grid.merges].sort((a, b) => a.top - b.top);
    const edges = [...new Set(areas.flatMap((area) => [area.top, area.bottom + 1]))].sort(
      (a, b) => a - b
    );
    let active: GridArea[] = [];
    let next = 0;
    for (const edge of edges) {
      active = active.filter((area) => area.bottom >= edge);
      while (next < areas.length && areas[next].top === edge) active.push(areas[next++]);
      this.bandStarts.push(edge);
      this.bandAreas.push([...active].sort((a, b) => a.left - b.left));
    }
  }

  value(row: number, column: number): CellValue {
    const { grid } = this;
    const area = this.areaAt(row, column);
    return (area ? grid.values[area.top]?.[area.left] : grid.values[row]?.[column]) ?? null;
  }

  continuesFromAbove(row: number, column: number): boolean {
    const area = this.areaAt(row, column);
    return area !== undefined && area.top < row;
  }

  /** The merged area a cell lies in, found by halving: the band of its row, then the area by its column. */
  private areaAt(row: number, column: number): GridArea | undefined {
    const band = lastAtMost(this.bandStarts, row, itself);
    if (band < 0) return undefined;
    const areas = this.bandAreas[band];
    const found = lastAtMost(areas, column, leftOf);
    const area = found < 0 ? undefined : areas[found];
    return area && area.right >= column ? area : undefined;
  }
}

// Keys for `lastAtMost`, made once: an arrow written in the call is a new function each time it runs.
const itself = (start: number): number => start;
const leftOf = (area: GridArea): number => area.left;

/** The index of the last item whose key is at most `wanted` (items sorted by key); -1 when there is none. */
function lastAtMost<T>(items: readonly T[], wanted: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (key(items[middle]) <= wanted) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Short header words that a header row's thresholds or row numbers start with: a cheap first look. */
const headerHint =
  /polarity|target|toleran|kpi|floor|threshold|minimum|amber|ambition|^\s*(?:ref|no\b|id\b|code|good|aim|direction|better|goal|higher or lower)/i;

/**
 * Whether a row may be a header row at all, looked at cheaply since most rows are data: a header holds no
 * figure (but month dates and years) and names a threshold or a row number.
 */
export function mayBeHeaderRow(
  cells: readonly CellValue[],
  formats: readonly string[] | undefined,
  taught: TaughtHeaders | undefined
): boolean {
  // Figures first: a data row is passed over on its first figure, before any header word is looked for.
  const present = presentColumns(cells);
  const count = present === null ? cells.length : present.length;
  for (let index = 0; index < count; index++) {
    const column = present === null ? index : present[index];
    const cell = cells[column];
    if (
      typeof cell === "number" &&
      !(Number.isInteger(cell) && cell >= 1990 && cell <= 2100) &&
      !isDateFormat(formats?.[column] ?? "General")
    )
      return false;
  }
  for (let index = 0; index < count; index++) {
    const cell = cells[present === null ? index : present[index]];
    if (
      typeof cell === "string" &&
      cell.length <= 40 &&
      (headerHint.test(cell) ||
        (taught !== undefined && taught.size > 0 && taught.has(looseHeader(cell))))
    )
      return true;
  }
  return false;
}

/** What most rows of a sheet are asked for, as one list: no row makes an empty list of its own. */
const noLayouts: readonly Layout[] = [];

const ratedKinds = new Set<ColumnRole["kind"]>([
  "polarity",
  "target",
  "tolerance",
  "kpi number",
  "reference",
]);
/** Columns that describe the row itself: nothing above them in the header is a parent of theirs. */
const rowColumnKinds = new Set<ColumnRole["kind"]>([...ratedKinds, "measure", "section", "unit"]);

/**
 * The KPI tables whose header block has its main row here: usually one, several where tables stand side
 * by side (each starts at its own Measure column, with the section or row-number columns just before it).
 * `above` is the first grid row the block may reach up to.
 */
export function layoutsAt(
  grid: Grid,
  merges: Merges,
  row: number,
  above: number,
  taught?: TaughtHeaders
): readonly Layout[] {
  // Most rows are data, turned away here: the reading of a header has closures, whose variables V8 keeps
  // in an object made on every call (on the bench's varied sheet of 10,000 rows, 1.1 MB a find).
  if (!mayBeHeaderRow(grid.values[row] ?? [], grid.numberFormats[row], taught)) return noLayouts;
  return headerLayouts(grid, merges, row, above, taught);
}

/** The layouts of a row that may be a header row (`layoutsAt`). */
function headerLayouts(
  grid: Grid,
  merges: Merges,
  row: number,
  above: number,
  taught: TaughtHeaders | undefined
): Layout[] {
  const cells = grid.values[row] ?? [];
  const labelsOf = labelReader(grid, merges);
  const mainLabels = labelsOf(row, { belowMerges: true });
  const roles = mainLabels.map((text) => knownRoleOfLabel(text, taught));
  if (!roles.some((role) => role !== null && ratedKinds.has(role.kind))) return [];
  const measured = measureColumns(mainLabels, roles);
  if (!measured) return [];
  const { measures, sectionHeader } = measured;
  const upper =
    row - 1 >= above
      ? parentLabels(
          grid,
          row - 1,
          labelsOf(row - 1, { belowMerges: false }),
          roles,
          measures,
          taught
        )
      : [];
  const lower = lowerLabels(grid, row, labelsOf(row + 1, { belowMerges: true }), measures, taught);
  let width = Math.max(cells.length, lower.length, upper.length);
  for (const area of grid.merges)
    if (area.top <= row && area.bottom >= row && area.right + 1 > width) width = area.right + 1;
  const starts = tableStarts(measures, roles, mainLabels, upper, lower);
  // Years written once in this row over the first of the quarters below stand over the rest of them too.
  const overLower =
    lower.length > 0
      ? withYearsSpread(
          mainLabels,
          lower.map((text) => knownRoleOfLabel(text, taught))
        )
      : mainLabels;
  const headerRows = [
    ...(upper.length > 0 ? [row - 1] : []),
    row,
    ...(lower.length > 0 ? [row + 1] : []),
  ];
  return starts.flatMap(({ start, end, measure, sectionHeader: ownSection }) => {
    const layout: Layout = {
      headerRows,
      measure,
      sectionHeader: ownSection ?? (measure === measures[0] ? sectionHeader : undefined),
      thresholds: settleThresholds([], []),
      periods: [],
      columns: [],
    };
    const targets: ThresholdColumn[] = [];
    const tolerances: ThresholdColumn[] = [];
    const stretches: ThresholdColumn[] = [];
    for (let column = start; column < Math.min(end, width); column++) {
      const parts = [upper[column] ?? "", overLower[column] ?? "", lower[column] ?? ""];
      const role: ColumnRole =
        column === measure ? { kind: "measure" } : roleOfHeader(parts, taught);
      const stacked = parts.filter((part, at) => part !== "" && part !== parts[at - 1]);
      if (stacked.length > 0)
        layout.columns.push({
          column,
          header: stacked.join(" "),
          label: stacked[stacked.length - 1],
          role,
        });
      if (role.kind === "target" || role.kind === "tolerance" || role.kind === "stretch")
        (role.kind === "target" ? targets : role.kind === "stretch" ? stretches : tolerances).push({
          column,
          header: stacked.join(" "),
          year: role.year,
          unit: role.unit,
          otherWords: role.otherWords ?? "",
        });
      else assignRole(layout, role, column);
    }
    asLongTable(layout);
    layout.thresholds = settleThresholds(targets, tolerances, grid.origin.column, stretches);
    namedAsSettled(layout);
    for (const column of layout.thresholds.notUnderstood) {
      const headed = layout.columns.find((candidate) => candidate.column === column.column);
      if (headed) headed.role = { kind: "other", understood: false };
    }
    const { unqualified, years } = layout.thresholds;
    const rated =
      layout.polarity !== undefined ||
      unqualified.target !== undefined ||
      years.some((year) => year.target !== undefined) ||
      layout.kpiNumber !== undefined ||
      layout.reference !== undefined;
    return rated && layout.periods.length > 0 ? [layout] : [];
  });
}

/** A row's header labels, merged cells read from their top-left; below merges, a cell merged down from above adds nothing. */
function labelReader(
  grid: Grid,
  merges: Merges
): (row: number, options: { belowMerges: boolean }) => string[] {
  const label = (at: number, column: number): string =>
    headerText(merges.value(at, column), grid.numberFormats[at]?.[column]);
  return (row, { belowMerges }) =>
    (grid.values[row] ?? []).map((_, column) =>
      belowMerges && merges.continuesFromAbove(row, column) ? "" : label(row, column)
    );
}

/** The Measure columns of a header row; without one, a first text column headed with a section name ("Children in care") is it. */
function measureColumns(
  labels: readonly string[],
  roles: ReadonlyArray<ColumnRole | null>
): { measures: number[]; sectionHeader?: string } | null {
  const measures = roles.flatMap((role, column) => (role?.kind === "measure" ? [column] : []));
  if (measures.length > 0) return { measures };
  const bound = roles.findIndex(
    (role) =>
      role !== null &&
      (role.kind === "polarity" ||
        role.kind === "target" ||
        role.kind === "tolerance" ||
        role.kind === "period")
  );
  const first = labels.findIndex(
    (text, column) => text !== "" && (bound < 0 || column < bound) && roles[column] === null
  );
  if (first >= 0) return { measures: [first], sectionHeader: labels[first] };
  // A long table names its KPI in a KPI column beside its Period column.
  const named = roles.some((role) => role?.kind === "period name")
    ? roles.findIndex((role) => role?.kind === "kpi number" || role?.kind === "reference")
    : -1;
  return named < 0 ? null : { measures: [named] };
}

/**
 * The row above as parents of the main row's columns: labels spanning columns (a year merged over quarters,
 * a benchmarks parent); only those are stacked, so a title such as "TARGETS AND COMPARATORS" is left out.
 * A parent stands over periods and columns read aside, never over the measure, its thresholds or its ids
 * (a title such as "Scorecard 2022/23" above a Ref column is no parent of it). [] when the row is no parent row.
 */
function parentLabels(
  grid: Grid,
  upperRow: number,
  labels: readonly string[],
  roles: ReadonlyArray<ColumnRole | null>,
  measures: readonly number[],
  taught: TaughtHeaders | undefined
): string[] {
  const parents = labels.map((text, column) => {
    const below = roles[column];
    if (text === "" || !isHeaderParent(text, taught) || (below && rowColumnKinds.has(below.kind)))
      return "";
    const role = knownRoleOfLabel(text, taught);
    return role && role.kind !== "target" && role.kind !== "tolerance" ? text : "";
  });
  const numbers = (grid.values[upperRow] ?? []).some(
    (cell, column) =>
      typeof cell === "number" && !isDateFormat(grid.numberFormats[upperRow]?.[column] ?? "General")
  );
  return !numbers &&
    parents.some((text) => text !== "") &&
    measures.every((measure) => parents[measure] === "")
    ? withYearsSpread(parents, roles)
    : [];
}

/**
 * A year written once over the first of its quarters (in the row above, or in the header row over a row of
 * quarters), the cells over the rest blank (Centre Across
 * Selection, or a merge this Excel cannot report before ExcelApi 1.13), stands over each following period
 * that names no year of its own, up to the next label: "2022/23" over Q1 makes Q3 "2022/23 Q3".
 */
function withYearsSpread(
  parents: readonly string[],
  roles: ReadonlyArray<ColumnRole | null>
): string[] {
  let year = "";
  return Array.from({ length: Math.max(parents.length, roles.length) }, (_, column) => {
    const own = parents[column] ?? "";
    const role = roles[column];
    if (own !== "") year = isYearLabel(own) ? own : "";
    else if (role?.kind === "period" && !role.headline && yearOfPeriod(role.label) === null)
      return year;
    else year = "";
    return own;
  });
}

/** The lower half of a two-row header (quarters under a merged year), or [] when the row below is not one. */
function lowerLabels(
  grid: Grid,
  row: number,
  labels: string[],
  measures: readonly number[],
  taught: TaughtHeaders | undefined
): string[] {
  const twoRows =
    row + 1 < grid.values.length &&
    measures.every((measure) => (labels[measure] ?? "") === "") &&
    labels.some((text) => text !== "") &&
    labels.every((text) => isHeaderContinuation(text, taught));
  return twoRows ? labels : [];
}

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
function tableStarts(
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
  for (const part of parts) {
    const ownMeasures = measures.filter((measure) => measure >= part.start && measure < part.end);
    const rated = roles
      .slice(part.start, part.end)
      .some((role) => role !== null && ratedKinds.has(role.kind));
    if (ownMeasures.length === 0) {
      // A part without a Measure column is a table of its own when it names a section and thresholds.
      const named = rated || spans.length === 0 ? sectionColumn(labels, roles, part) : null;
      if (named !== null)
        spans.push({
          start: part.start,
          end: part.end,
          measure: named,
          sectionHeader: labels[named],
        });
      else if (spans.length > 0) spans[spans.length - 1].end = part.end;
      continue;
    }
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
 * A long ("tidy") table: a Period column and a Value column (or Actual beside the Period column) and no
 * period columns. Each row is then one KPI's figure for the period its Period cell names.
 */
function asLongTable(layout: Layout): void {
  const periodName = layout.columns.find((column) => column.role.kind === "period name");
  if (periodName === undefined) return;
  const value = layout.columns.find(
    (column) =>
      column.role.kind === "value" ||
      (column.role.kind === "period" && /^(?:actuals?|outturn|performance)$/i.test(column.label))
  );
  if (value === undefined || layout.periods.some((period) => period.column !== value.column))
    return;
  value.role = { kind: "value" };
  layout.periods = [{ label: value.label, column: value.column }];
  layout.periodName = periodName.column;
}

/** Each tolerance column's role names the set it was settled as: a table's only tolerance column is its standard one. */
function namedAsSettled(layout: Layout): void {
  const { unqualified, years } = layout.thresholds;
  for (const thresholds of [unqualified, ...years]) {
    const sets = [
      ...(thresholds.standard ? [{ column: thresholds.standard.column, set: standardSet }] : []),
      ...thresholds.others,
    ];
    for (const { column, set } of sets) {
      const headed = layout.columns.find((candidate) => candidate.column === column);
      if (headed?.role.kind === "tolerance") headed.role = { ...headed.role, set };
    }
  }
}

function assignRole(layout: Layout, role: ColumnRole, column: number): void {
  switch (role.kind) {
    case "section":
    case "polarity":
    case "unit":
      if (layout[role.kind] === undefined) layout[role.kind] = column;
      return;
    case "kpi number":
      if (layout.kpiNumber === undefined) layout.kpiNumber = column;
      return;
    case "reference":
      if (layout.reference === undefined) layout.reference = column;
      return;
    case "period":
      layout.periods.push(
        role.headline
          ? { label: role.label, column, headline: true }
          : { label: role.label, column }
      );
      return;
    default:
      // The measure column is found apart, thresholds are settled together; comparators, RAG, DoT,
      // commentary and others are not layout.
      return;
  }
}
