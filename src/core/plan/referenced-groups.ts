/** The plan's groups of rows whose rules read their own threshold cells, by shape and starting column. */
import type { Appraisal } from "../appraisal/appraisal";
import type { Band } from "../rating/band";
import type { Definition } from "../definition/definition";
import type { KpiRow, PeriodCell } from "../sheet/tables";
import { ruleFormula } from "./band-conditions";
import type { Group } from "./rule-group";
import { pushRuns, Runs } from "./rule-areas";
import {
  mayReadItsCells,
  referencedBands,
  withReferences,
  type ReferencedBands,
  type ThresholdColumns,
} from "./threshold-references";

/**
 * The groups of rows whose rules read their own threshold cells (see threshold-references.ts): rows alike
 * in shape share them whatever their figures, so adjacent rows merge into one rectangle.
 */
export class ReferencedGroups {
  /** Each definition's shape under a table's columns, with its groups by the column its rows start in; null where figures are written. */
  private readonly shapes = new Map<
    ThresholdColumns,
    Map<Definition, { shape: ReferencedBands; byColumn: Map<number, Runs> } | null>
  >();
  private readonly byKey = new Map<string, Runs>();

  constructor(
    private readonly groups: Map<string, Group>,
    private readonly appraisal: Appraisal
  ) {}

  /**
   * Plans a row's rules reading its threshold cells, under its table's threshold columns (`thresholdColumnsOf`,
   * worked out once a table); false where its rules must hold figures.
   */
  plan(
    kpi: KpiRow,
    columns: ThresholdColumns | undefined,
    statusBands: readonly Band[],
    colourable: readonly PeriodCell[]
  ): boolean {
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
    let runs = planned.byColumn.get(column);
    if (!runs) {
      runs = this.runsOf(planned.shape, column);
      planned.byColumn.set(column, runs);
    }
    pushRuns(runs, colourable);
    return true;
  }

  /**
   * The runs of a shape's groups for rows starting at a column, the groups made when first asked. The
   * statuses of one shape colour the same cells, so their groups share one list of runs: a row's cells are
   * pushed once, not once a status (on the bench's sheet of 10,000 rows, three lists grown a push at a time).
   */
  private runsOf(shape: ReferencedBands, column: number): Runs {
    const key = `${column}|${shape.key}`;
    const found = this.byKey.get(key);
    if (found) return found;
    const runs = new Runs();
    for (const { status, conditions } of shape.statuses)
      this.groups.set(`referenced|${key}|${status}`, {
        status,
        formulaFor: (anchor: string) =>
          withReferences(
            ruleFormula(anchor, conditions, undefined, shape.guards, shape.whole),
            shape.columns,
            Number(anchor.replace(/^[A-Z]+/, ""))
          ),
        runs,
      });
    this.byKey.set(key, runs);
    return runs;
  }
}
