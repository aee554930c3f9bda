/**
 * Finding a KPI table's header block on a grid: the row that names the measure and its thresholds, with
 * the row above (a year merged over its quarters, "Latest benchmarks (2021/22)" over England and SN) and
 * the row below ("Target" and "Tolerance" under "Target Range", "Q1" under "2022/23") where they belong
 * to it. Every column of the block gets its role; the rows under it are read by tables.ts.
 */
import type { TableColumn } from "./column-map";
import type { Grid } from "../values/grid";
import { standardSet } from "../definition/tolerance-set";
import {
  settleThresholds,
  type SettledThresholds,
  type ThresholdColumn,
} from "./threshold-columns";
import { knownRoleOfLabel, roleOfHeader, type ColumnRole, type TaughtHeaders } from "./headers";
import {
  labelReader,
  lowerLabels,
  mayBeHeaderRow,
  parentLabels,
  ratedKinds,
  withYearsSpread,
} from "./header-rows";
import type { Merges } from "./merges";
import { tableStarts } from "./table-spans";
import { unreadBandColumns } from "./tolerance-doubts";

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

/** What most rows of a sheet are asked for, as one list: no row makes an empty list of its own. */
const noLayouts: readonly Layout[] = [];

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
  const lower = lowerLabels(
    grid,
    row,
    labelsOf(row + 1, { belowMerges: true }),
    mainLabels,
    measures,
    taught
  );
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
  // A table beside the block's lower half, past where the row below stops being this block's, has its rows from there.
  const ownRows = upper.length > 0 ? [row - 1, row] : [row];
  return starts.flatMap(({ start, end, measure, sectionHeader: ownSection }) => {
    const layout: Layout = {
      headerRows: lower.length > 0 && start >= lower.length ? ownRows : headerRows,
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
          ...(role.kind === "tolerance" && role.margin ? { margin: role.margin } : {}),
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
    unreadBandColumns(layout, grid.origin.column);
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

/** The Measure columns of a header row; without one, a first text column headed with a section name ("Children in care") is it. */
function measureColumns(
  labels: readonly string[],
  roles: ReadonlyArray<ColumnRole | null>
): { measures: number[]; sectionHeader?: string } | null {
  const measures = roles.flatMap((role, column) => (role?.kind === "measure" ? [column] : []));
  if (measures.length > 0) return { measures };
  const bound = roles.findIndex(
    (role) =>
      role != null && // a sparse row's labels have holes
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
