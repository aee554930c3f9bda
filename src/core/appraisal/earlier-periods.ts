/**
 * The period before each row of a long table, for Amber by direction: a long table's row holds one period,
 * so the period before is the same KPI's row for the period before it in time (its rows need not run in
 * order: newest first is common), as a row per KPI compares a column with the column before it.
 */
import { periodOrder } from "../sheet/period-year";
import type { KpiRow, KpiTable, PeriodCell } from "../sheet/tables";

/** Each row's cell for the period before it, by row; undefined for a table that is not a long one. */
export function earlierPeriodsOf(table: KpiTable): ReadonlyMap<KpiRow, PeriodCell> | undefined {
  if (!table.columns.some((column) => column.role.kind === "period name")) return undefined;
  const byKpi = new Map<string, Array<{ row: KpiRow; order: number }>>();
  for (const row of table.rows) {
    const cell = row.cells[0];
    const order = cell === undefined ? null : periodOrder(cell.period);
    if (order === null) continue;
    // A KPI is its id, reference and measure; periods of different kinds (years, months) are not compared.
    const key = [row.id ?? "", row.reference ?? "", row.measure, order.kind].join("\u0000");
    const rows = byKpi.get(key);
    if (rows) rows.push({ row, order: order.order });
    else byKpi.set(key, [{ row, order: order.order }]);
  }
  const earlier = new Map<KpiRow, PeriodCell>();
  for (const rows of byKpi.values()) {
    rows.sort((one, other) => one.order - other.order);
    for (let index = 1; index < rows.length; index++) {
      const before = rows[index - 1];
      // Two rows for one period: which of them is "the period before" is not said, so neither is.
      const tied =
        before.order === rows[index].order || (index > 1 && rows[index - 2].order === before.order);
      if (!tied) earlier.set(rows[index].row, before.row.cells[0]);
    }
  }
  return earlier;
}
