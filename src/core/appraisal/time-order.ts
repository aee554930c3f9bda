/**
 * A row's periods in time, not in column order: dashboards often put the newest period first, and a row
 * may hold months, quarters and years side by side. The latest figure, the direction of travel and the
 * period before one (Amber by direction) all follow time.
 */
import { periodOrder } from "../sheet/period-year";
import { rememberedByKey, rememberedByText } from "../values/text-memo";

/** Where a period stands in time among periods of its kind; null for a label that names no time. */
export const orderOfPeriod = rememberedByText(periodOrder);

/**
 * The places of a row's cells, newest first: by the time their labels name where every one names a time
 * of one kind (months, or quarters, or years), else from the last column to the first, as a sheet of
 * periods in no known order is read. A headline column (Latest) is no period of the series and comes last.
 */
export function newestFirst(cells: ReadonlyArray<{ period: string; headline?: true }>): number[] {
  if (!sameLabels(cells, last.labels))
    last = {
      labels: cells.map(({ period, headline }) => ({ period, headline })),
      places: placesNewestFirst(cells),
    };
  return [...last.places];
}

type Labels = ReadonlyArray<{ period: string; headline?: true }>;

/** The last row's labels (a copy) and order: the next row of a table has the same, known without a key. */
let last: { labels: Labels; places: readonly number[] } = { labels: [], places: [] };

function sameLabels(cells: Labels, before: Labels): boolean {
  if (cells.length !== before.length) return false;
  for (let place = 0; place < cells.length; place++)
    if (
      cells[place].period !== before[place].period ||
      !cells[place].headline !== !before[place].headline
    )
      return false;
  return true;
}

/** Every row of a table has the same labels: their order is worked out once for the table. */
const placesNewestFirst = rememberedByKey(
  (cells: Labels) => {
    let key = "";
    for (const { period, headline } of cells)
      key += `${headline ? "h" : "p"}${period.length}:${period}`;
    return key;
  },
  (cells): readonly number[] => {
    const places: number[] = [];
    const headlines: number[] = [];
    for (let place = cells.length - 1; place >= 0; place--)
      (cells[place].headline ? headlines : places).push(place);
    const orders = places.map((place) => orderOfPeriod(cells[place].period));
    if (inOneTime(orders)) {
      const at = new Map(places.map((place, index) => [place, orders[index]!.order]));
      places.sort((a, b) => at.get(b)! - at.get(a)!);
    }
    return [...places, ...headlines];
  }
);

/** A row's cells oldest first (see `newestFirst`), headline columns before the periods. */
export function oldestFirst<Cell extends { period: string; headline?: true }>(
  cells: readonly Cell[]
): Cell[] {
  return newestFirst(cells)
    .reverse()
    .map((place) => cells[place]);
}

/**
 * Whether periods' orders place them in time: every one names a time, all of one kind, no two the same
 * (two labels read as one period say the labels were not understood, and the columns' order is kept).
 */
export function inOneTime(orders: ReadonlyArray<{ kind: string; order: number } | null>): boolean {
  const kind = orders[0]?.kind;
  const seen = new Set<number>();
  for (const order of orders) {
    if (order === null || order.kind !== kind || seen.has(order.order)) return false;
    seen.add(order.order);
  }
  return true;
}
