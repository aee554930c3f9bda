/**
 * The example KPI table a first-time analyst can insert on an empty sheet: one header row and one KPI row,
 * written as an analyst would type them, so the pane has something to read and Apply has something to colour.
 */
import { AnalystProblem } from "./run";

export const exampleTable = {
  headers: ["Measure", "Polarity", "Target", "Tolerance", "2021/22 Qtr1"],
  row: ["Assessments completed within 45 days", "Bigger is better", "90%", "75%", "89%"],
} as const;

/** Writes the example at A1 of the active sheet, which must be empty: nothing of the analyst's is overwritten. */
export async function insertExampleTable(context: Excel.RequestContext): Promise<void> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  const used = sheet.getUsedRangeOrNullObject(true);
  await context.sync();
  if (!used.isNullObject)
    throw new AnalystProblem("the example goes only on an empty sheet, and this one has cells");
  sheet.getRange("A1:E2").values = [[...exampleTable.headers], [...exampleTable.row]];
  await context.sync();
}
