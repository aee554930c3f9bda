import { it } from "vitest";

/**
 * One test a row of a table, named by a sentence built from the row (vitest's own `it.each` quotes
 * strings in names: `rates '74%' 'Red'`, which reads worse than `rates 74% Red`).
 */
export function eachRow<Row>(
  table: readonly Row[],
  name: (row: Row) => string,
  check: (row: Row) => void
): void {
  for (const row of table) it(name(row), () => check(row));
}
