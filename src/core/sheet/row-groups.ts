/**
 * Monthly packs of row groups: a KPI's name, then rows labelled Actual, Target and Tolerance under it,
 * each Actual figure rated against its own period's Target and Tolerance.
 */
import type { CellValue } from "../values/cell";
import { unreadableDefinition } from "../definition/read-definition";
import { decideScale, periodScale } from "../definition/scale";
import { unitFromMeasure } from "../definition/units";
import { knownRoleOfLabel, type TaughtHeaders } from "./headers";
import { isFootnote } from "./footnotes";
import type { KpiRow } from "./kpi-row";
import { periodCells } from "./period-cells";
import { benchmarkCellsOf, rankingsOf } from "./row-benchmarks";
import { noOtherSets, unitOfFigures } from "./row-thresholds";
import { cellAt, formatAt, textOf, type RowsRead, type TableReading } from "./table-reading";

/** Which of a KPI's rows a label names in a pack of Actual and Target rows. */
type GroupRow = "actual" | "target" | "tolerance" | "stretch" | "polarity";

const actualLabel =
  /^(?:actuals?|performance|result|outturn|achieved|our performance|current performance|actual performance)$/i;

/** The part of a KPI a row label names ("Actual", "Target", "Floor", "Stretch", "Polarity"), or null for a KPI's name. */
function groupRowOf(label: string, taught: TaughtHeaders | undefined): GroupRow | null {
  if (actualLabel.test(label)) return "actual";
  const role = knownRoleOfLabel(label, taught);
  if (role?.kind === "polarity") return "polarity";
  if (role?.kind === "target" || role?.kind === "tolerance" || role?.kind === "stretch")
    return role.kind;
  return null;
}

/** Whether a table's measure column labels rows Actual and Target under each KPI's name (a monthly pack). */
export function holdsRowGroups(reading: TableReading, firstRow: number, end: number): boolean {
  const { grid, layout, taught } = reading;
  if (layout.periodName !== undefined) return false;
  let actual = false;
  let target = false;
  for (let row = firstRow; row < end && row < firstRow + 200; row++) {
    const label = textOf(cellAt(grid.values[row] ?? [], layout.measure));
    if (label === "" || label.length > 30) continue;
    const part = groupRowOf(label, taught);
    if (part === "actual") actual = true;
    else if (part === "target") target = true;
    if (actual && target) return true;
  }
  return false;
}

/** One KPI of a monthly pack as read so far: its name row and the rows labelled under it. */
interface RowGroup {
  name: string;
  nameRow: number;
  polarity: CellValue;
  rows: Partial<Record<GroupRow, number>>;
}

/**
 * Reads a pack of row groups: a KPI's name (with its polarity beside it, or a Polarity row), then rows
 * labelled Actual, Target and Tolerance (and Stretch, for the Blue scheme) with a figure per period. Each
 * Actual figure is rated against the Target, Tolerance and Stretch of its own period; only the Actual row is a KPI row, so only its cells are coloured.
 */
export function readRowGroups(
  reading: TableReading,
  firstRow: number,
  end: number,
  read: RowsRead,
  rows: KpiRow[]
): void {
  const { grid, layout, taught } = reading;
  let group: RowGroup | null = null;
  // Each KPI repeats the labels of its rows (Actual, Target, Tolerance): each label is read once (on the
  // bench's layouts sheet, 2.1 MB less made a find and plan).
  const parts = new Map<string, GroupRow | null>();
  const close = (): void => {
    if (group === null) return;
    if (group.rows.actual === undefined) read.section = group.name;
    else rows.push(groupRow(reading, group, read));
    group = null;
  };
  for (let row = firstRow; row < end; row++) {
    const rowValues = grid.values[row] ?? [];
    const label = textOf(cellAt(rowValues, layout.measure));
    if (label === "" || isFootnote(label)) continue;
    let part = parts.get(label);
    if (part === undefined) {
      part = label.length <= 30 ? groupRowOf(label, taught) : null;
      parts.set(label, part);
    }
    if (part === null) {
      close();
      group = { name: label, nameRow: row, polarity: cellAt(rowValues, layout.polarity), rows: {} };
    } else if (group !== null && group.rows[part] === undefined) group.rows[part] = row;
  }
  close();
}

/** The KPI row of a group: its Actual cells, each with the definition its own period's Target and Tolerance give. */
function groupRow(reading: TableReading, group: RowGroup, read: RowsRead): KpiRow {
  const { grid, columns, definitions } = reading;
  const actualRow = group.rows.actual as number;
  const values = (row: number | undefined): readonly CellValue[] =>
    row === undefined ? [] : (grid.values[row] ?? []);
  const formats = (row: number | undefined): readonly string[] | undefined =>
    row === undefined ? undefined : grid.numberFormats[row];
  const cells = periodCells(reading, actualRow, values(actualRow));
  const polarityRow = values(group.rows.polarity);
  const polarity =
    group.polarity ??
    columns.periods
      .map((period) => cellAt(polarityRow, period.column))
      .find((cell) => cell !== null) ??
    null;
  const stretchRow = group.rows.stretch;
  const root = definitions.wordings.root([], stretchRow !== undefined);
  const measureUnit = unitFromMeasure(group.name);
  const figuresUnit =
    measureUnit === null ? unitOfFigures(reading, values(actualRow), formats(actualRow)) : null;
  const ofCell = columns.periods.map(({ column }) =>
    definitions.wordings.definitionOf(root, {
      measure: group.name,
      polarity,
      target: cellAt(values(group.rows.target), column),
      tolerance: cellAt(values(group.rows.tolerance), column),
      targetFormat: formatAt(formats(group.rows.target), column),
      toleranceFormat: formatAt(formats(group.rows.tolerance), column),
      unit: null,
      others: noOtherSets,
      stretch:
        stretchRow === undefined
          ? undefined
          : {
              cell: cellAt(values(stretchRow), column),
              format: formatAt(formats(stretchRow), column),
            },
      figuresUnit,
      measureUnit,
    })
  );
  // The row as a whole (its direction of travel, its scale) goes by its latest period's definition.
  const latest = ofCell[ofCell.length - 1];
  const scale = decideScale(latest, cells);
  const definition = scale.ok
    ? definitions.scaled(latest, scale.value)
    : unreadableDefinition(latest.wording, scale.problem);
  for (let index = 0; index < cells.length - 1; index++) {
    if (ofCell[index] === latest) continue;
    const own = periodScale({ definition: latest, scale }, ofCell[index], cells);
    cells[index].definition = own.ok ? definitions.scaled(ofCell[index], own.value) : definition;
  }
  read.lastRow = Math.max(
    actualRow,
    group.rows.target ?? 0,
    group.rows.tolerance ?? 0,
    stretchRow ?? 0,
    group.rows.polarity ?? 0
  );
  return {
    row: grid.origin.row + actualRow,
    id: undefined,
    reference: undefined,
    measure: group.name,
    section: read.section,
    source: "sheet",
    definition,
    problems: definitions.problems(definition),
    cells,
    benchmarks: benchmarkCellsOf(reading, actualRow, values(actualRow), undefined),
    rankings: rankingsOf(reading, values(actualRow)),
  };
}
