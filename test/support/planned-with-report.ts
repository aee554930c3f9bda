/** A sheet's rules with its report beside them, as kpi-rag writes both: for tests that check one against the other. */
import {
  appraiseTables,
  formattingPlan,
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
  const appraisal = appraiseTables(found, toleranceSet);
  const { tables, scheme } = reportOf(appraisal);
  return { ...formattingPlan(appraisal), tables, scheme };
}
