/** A sheet's rules with its report beside them, as kpi-rag writes both: for tests that check one against the other. */
import {
  appraise,
  planOf,
  reportOf,
  standardSet,
  type FormattingPlan,
  type FoundTables,
  type TableReport,
} from "../../src/core";

export type PlanWithReport = FormattingPlan & { tables: TableReport[]; scheme: string };

export function plannedWithReport(
  found: FoundTables,
  toleranceSet: string = standardSet
): PlanWithReport {
  const appraisal = appraise(found, { toleranceSet });
  const { tables, scheme } = reportOf(appraisal);
  return { ...planOf(appraisal), tables, scheme };
}
