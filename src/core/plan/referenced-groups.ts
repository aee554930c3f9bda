/** The plan's groups of rows whose rules read their own threshold cells, by shape and starting column. */
import type { Appraisal } from "../appraisal/appraisal";
import type { Band } from "../rating/band";
import type { Definition } from "../definition/definition";
import type { KpiRow, PeriodCell } from "../sheet/tables";
import { ruleFormula } from "./band-conditions";
import type { Group } from "./rule-group";
import { pushRuns } from "./rule-areas";
import {
  mayReadItsCells,
  referencedBands,
  thresholdColumnsOf,
  withReferences,
  type ReferencedBands,
  type ThresholdColumns,
} from "./threshold-references";

/**
 * The groups of rows whose rules read their own threshold cells (see threshold-references.ts): rows alike
 * in shape share them whatever their figures, so adjacent rows merge into one rectangle.
 */
export class ReferencedGroups {
  private readonly columnsOf = new Map<KpiRow, ThresholdColumns>();
  /** Each definition's shape under a table's columns, with its groups by the column its rows start in; null where figures are written. */
  private readonly shapes = new Map<
    ThresholdColumns,
    Map<Definition, { shape: ReferencedBands; byColumn: Map<number, Group[]> } | null>
  >();
  private readonly byKey = new Map<string, Group[]>();

  constructor(
    private readonly groups: Map<string, Group>,
    private readonly appraisal: Appraisal
  ) {
    for (const { table, rows } of appraisal.tables) {
      const columns = thresholdColumnsOf(table);
      if (columns) for (const { kpi } of rows) this.columnsOf.set(kpi, columns);
    }
  }

  /** Plans a row's rules reading its threshold cells; false where its rules must hold figures. */
  plan(kpi: KpiRow, statusBands: readonly Band[], colourable: readonly PeriodCell[]): boolean {
    const columns = this.columnsOf.get(kpi);
    // Checked for every row: the shape below is remembered per definition, which rows may share.
    if (!columns || !mayReadItsCells(kpi)) return false;
    let byDefinition = this.shapes.get(columns);
    if (!byDefinition) {
      byDefinition = new Map();
      this.shapes.set(columns, byDefinition);
    }
    let planned = byDefinition.get(kpi.definition);
    if (planned === undefined) {
      const { toleranceSet, scheme } = this.appraisal;
      const shape = referencedBands(columns, kpi, statusBands, toleranceSet, scheme);
      planned = shape ? { shape, byColumn: new Map() } : null;
      byDefinition.set(kpi.definition, planned);
    }
    if (planned === null) return false;
    const column = colourable[0].column;
    let rowGroups = planned.byColumn.get(column);
    if (!rowGroups) {
      rowGroups = this.groupsOf(planned.shape, column);
      planned.byColumn.set(column, rowGroups);
    }
    for (const group of rowGroups) pushRuns(group.runs, colourable);
    return true;
  }

  private groupsOf(shape: ReferencedBands, column: number): Group[] {
    const key = `${column}|${shape.key}`;
    let found = this.byKey.get(key);
    if (found) return found;
    found = shape.statuses.map(({ status, conditions }) => {
      const group: Group = {
        status,
        formulaFor: (anchor: string) =>
          withReferences(
            ruleFormula(anchor, conditions, undefined, shape.guards),
            shape.columns,
            Number(anchor.replace(/^[A-Z]+/, ""))
          ),
        runs: [],
      };
      this.groups.set(`referenced|${key}|${status}`, group);
      return group;
    });
    this.byKey.set(key, found);
    return found;
  }
}
