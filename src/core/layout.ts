/**
 * Finding a KPI table's header block on a grid: the row that names the measure and its thresholds, with
 * the row above (a year merged over its quarters, "Latest benchmarks (2021/22)" over England and SN) and
 * the row below ("Target" and "Tolerance" under "Target Range", "Q1" under "2022/23") where they belong
 * to it. Every column of the block gets its role; the rows under it are read by tables.ts.
 */
import type { CellValue } from "./cell";
import type { TableColumn } from "./column-map";
import { looseHeader } from "./comparators";
import type { Grid } from "./grid";
import { headerText, isDateFormat, isHeaderContinuation, isHeaderParent, knownRoleOfLabel, roleOfHeader, type ColumnRole, type TaughtHeaders } from "./headers";

export interface Layout {
  /** Grid rows of the header block, top to bottom. */
  headerRows: number[];
  measure: number;
  /** A first column headed with a section name ("Children in care"): the rows' section until a section row. */
  sectionHeader?: string;
  section?: number;
  polarity?: number;
  target?: number;
  kpiNumber?: number;
  reference?: number;
  unit?: number;
  tolerances: Array<{ set: string; column: number }>;
  periods: Array<{ label: string; column: number }>;
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
  const owner = new Map<number, { row: number; column: number }>();
  let width = 1;
  for (const row of grid.values) if (row.length > width) width = row.length;
  for (const area of grid.merges) if (area.right + 1 > width) width = area.right + 1;
  for (const area of grid.merges) {
    for (let row = area.top; row <= area.bottom; row++) {
      for (let column = area.left; column <= area.right; column++) owner.set(row * width + column, { row: area.top, column: area.left });
    }
  }
  const none = owner.size === 0;
  return {
    value: (row, column) => {
      const top = none ? undefined : owner.get(row * width + column);
      return (top ? grid.values[top.row]?.[top.column] : grid.values[row]?.[column]) ?? null;
    },
    continuesFromAbove: (row, column) => !none && (owner.get(row * width + column)?.row ?? row) < row,
  };
}

/** Short header words that a header row's thresholds or row numbers start with: a cheap first look. */
const headerHint = /polarity|target|toleran|kpi|floor|threshold|minimum|amber|ambition|^\s*(?:ref|no\b|id\b|code|good|aim|direction|better|goal|higher or lower)/i;

/**
 * Whether a row may be a header row at all, looked at cheaply since most rows are data: a header holds no
 * figure (but month dates and years) and names a threshold or a row number.
 */
export function mayBeHeaderRow(cells: readonly CellValue[], formats: readonly string[] | undefined, taught: TaughtHeaders | undefined): boolean {
  let hinted = false;
  for (let column = 0; column < cells.length; column++) {
    const cell = cells[column];
    if (typeof cell === "number") {
      if (!(Number.isInteger(cell) && cell >= 1990 && cell <= 2100) && !isDateFormat(formats?.[column] ?? "General")) return false;
    } else if (!hinted && typeof cell === "string" && cell.length <= 40) {
      if (headerHint.test(cell) || (taught !== undefined && taught.size > 0 && taught.has(looseHeader(cell)))) hinted = true;
    }
  }
  return hinted;
}

const ratedKinds = new Set<ColumnRole["kind"]>(["polarity", "target", "tolerance", "kpi number", "reference"]);
/** Columns that describe the row itself: nothing above them in the header is a parent of theirs. */
const rowColumnKinds = new Set<ColumnRole["kind"]>([...ratedKinds, "measure", "section", "unit"]);

/**
 * The KPI tables whose header block has its main row here: usually one, several where tables stand side
 * by side (each starts at its own Measure column, with the section or row-number columns just before it).
 * `above` is the first grid row the block may reach up to.
 */
export function layoutsAt(grid: Grid, merges: Merges, row: number, above: number, taught?: TaughtHeaders): Layout[] {
  const cells = grid.values[row] ?? [];
  if (!mayBeHeaderRow(cells, grid.numberFormats[row], taught)) return [];
  const label = (at: number, column: number): string => headerText(merges.value(at, column), grid.numberFormats[at]?.[column]);
  const mainLabels = cells.map((_, column) => (merges.continuesFromAbove(row, column) ? "" : label(row, column)));
  const roles = mainLabels.map((text) => knownRoleOfLabel(text, taught));
  const firstRated = roles.findIndex((role) => role !== null && ratedKinds.has(role.kind));
  if (firstRated < 0) return [];
  let measures = roles.flatMap((role, column) => (role?.kind === "measure" ? [column] : []));
  let sectionHeader: string | undefined;
  if (measures.length === 0) {
    // A first text column headed with a section name ("Children in care") is the measure column.
    const bound = roles.findIndex((role) => role !== null && (role.kind === "polarity" || role.kind === "target" || role.kind === "tolerance" || role.kind === "period"));
    const first = mainLabels.findIndex((text, column) => text !== "" && (bound < 0 || column < bound) && roles[column] === null);
    if (first < 0) return [];
    measures = [first];
    sectionHeader = mainLabels[first];
  }

  // The row above: labels spanning columns (a year merged over quarters, a benchmarks parent); only
  // those are stacked over the main row, so a title such as "TARGETS AND COMPARATORS" is left out.
  const upperRow = row - 1;
  let upper: string[] = [];
  if (upperRow >= above) {
    const upperCells = grid.values[upperRow] ?? [];
    const labels = upperCells.map((_, column) => label(upperRow, column));
    // A parent stands over periods and columns read aside, never over the measure, its thresholds or its ids
    // (a title such as "Scorecard 2022/23" above a Ref column is no parent of it).
    const parents = labels.map((text, column) => {
      const below = roles[column];
      if (text === "" || !isHeaderParent(text, taught) || (below && rowColumnKinds.has(below.kind))) return "";
      const role = knownRoleOfLabel(text, taught);
      return role && role.kind !== "target" && role.kind !== "tolerance" ? text : "";
    });
    const numbers = upperCells.some((cell, column) => typeof cell === "number" && !isDateFormat(grid.numberFormats[upperRow]?.[column] ?? "General"));
    if (!numbers && parents.some((text) => text !== "") && measures.every((measure) => parents[measure] === "")) upper = parents;
  }

  // The lower half of a two-row header; a cell merged down from the row above adds nothing to its label.
  const next = grid.values[row + 1] ?? [];
  const nextLabels = next.map((_, column) => (merges.continuesFromAbove(row + 1, column) ? "" : label(row + 1, column)));
  const twoRows =
    row + 1 < grid.values.length &&
    measures.every((measure) => (nextLabels[measure] ?? "") === "") &&
    nextLabels.some((text) => text !== "") &&
    nextLabels.every((text) => isHeaderContinuation(text, taught));
  let width = Math.max(cells.length, twoRows ? next.length : 0, upper.length);
  for (const area of grid.merges) if (area.top <= row && area.bottom >= row && area.right + 1 > width) width = area.right + 1;
  const starts = measures.map((measure, index) => {
    let start = index === 0 ? 0 : measure;
    while (index > 0 && start - 1 > measures[index - 1] && (roles[start - 1]?.kind === "section" || roles[start - 1]?.kind === "kpi number" || roles[start - 1]?.kind === "reference")) start--;
    return start;
  });
  const headerRows = [...(upper.length > 0 ? [upperRow] : []), row, ...(twoRows ? [row + 1] : [])];
  return measures.flatMap((measure, index) => {
    const layout: Layout = { headerRows, measure, sectionHeader, tolerances: [], periods: [], columns: [] };
    for (let column = starts[index]; column < (starts[index + 1] ?? width); column++) {
      const parts = [upper[column] ?? "", mainLabels[column] ?? "", twoRows ? nextLabels[column] ?? "" : ""];
      const role: ColumnRole = column === measure ? { kind: "measure" } : roleOfHeader(parts, taught);
      const stacked = parts.filter((part, at) => part !== "" && part !== parts[at - 1]);
      if (stacked.length > 0) layout.columns.push({ column, header: stacked.join(" "), label: stacked[stacked.length - 1], role });
      assignRole(layout, role, column);
    }
    const rated = layout.polarity !== undefined || layout.target !== undefined || layout.kpiNumber !== undefined || layout.reference !== undefined;
    return rated && layout.periods.length > 0 ? [layout] : [];
  });
}

function assignRole(layout: Layout, role: ColumnRole, column: number): void {
  switch (role.kind) {
    case "section":
    case "polarity":
    case "target":
    case "unit":
      if (layout[role.kind] === undefined) layout[role.kind] = column;
      return;
    case "kpi number":
      if (layout.kpiNumber === undefined) layout.kpiNumber = column;
      return;
    case "reference":
      if (layout.reference === undefined) layout.reference = column;
      return;
    case "tolerance":
      if (!layout.tolerances.some((tolerance) => tolerance.set.toLowerCase() === role.set.toLowerCase())) layout.tolerances.push({ set: role.set, column });
      return;
    case "period":
      layout.periods.push({ label: role.label, column });
      return;
    case "measure":
    case "comparator":
    case "comparator text":
    case "rag":
    case "direction of travel":
    case "commentary":
    case "other":
      return;
  }
}
