/**
 * A row's periods in time, not in column order: dashboards often put the newest period first, and a row
 * may hold months, quarters and years side by side. The latest figure, the direction of travel and the
 * period before one (Amber by direction) all follow time. A headline column (Latest, Year to date) is no
 * period of the series, but stands for one: `periodOfHeadline` says which where the row shows it.
 */
import { periodOrder, yearOfPeriod } from "./period-year";
import { readValue } from "../definition/written-figures";
import type { CellValue } from "../values/cell";
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

/** A headline column that holds the newest figure: `Latest`, `Current`, `Latest period`. */
export const latestHeadline = /^\s*(?:latest|current)\b/i;
/** A headline column that holds the year to date of the year in progress. */
const yearToDate = /^\s*(?:(?:financial )?year to date|f?ytd)\b/i;

type RowCell = { period: string; headline?: true; value: CellValue; numberFormat?: string };

/** The newest of a row's periods (not its headline columns) with a figure: blanks and marks such as "c" hold none. */
export function newestFigure<Cell extends RowCell>(cells: readonly Cell[]): Cell | undefined {
  const series = cells.filter((cell) => !cell.headline);
  for (const place of newestFirst(series))
    if (figureIn(series[place]) !== undefined) return series[place];
  return undefined;
}

/**
 * The period a headline column stands for on its row: a Latest that repeats the newest figure (83% beside
 * "83%p" too) is that period, and a Year to date is the year of the newest figure. Undefined where the row
 * does not show it (a Latest newer than every period, or a Previous, or no period with a figure names a year).
 */
export function periodOfHeadline<Cell extends RowCell>(
  cells: readonly Cell[],
  headline: Cell
): Cell | undefined {
  if (yearToDate.test(headline.period)) return inLatestYear(cells);
  const newest = newestFigure(cells);
  if (newest === undefined || !latestHeadline.test(headline.period)) return undefined;
  const [one, other] = [figureIn(newest), figureIn(headline)];
  return one !== undefined &&
    other !== undefined &&
    one.percent === other.percent &&
    Math.abs(one.value - other.value) <= 1e-12 * Math.max(1, Math.abs(one.value))
    ? newest
    : undefined;
}

/**
 * A period with a figure in the latest year the row has one, for its Year to date: by the years the labels
 * name, so months beside a whole year ("2023-24", "Apr-24") find 2024/25 whatever the columns' order.
 */
function inLatestYear<Cell extends RowCell>(cells: readonly Cell[]): Cell | undefined {
  let found: Cell | undefined;
  let latest = -Infinity;
  for (const cell of cells) {
    if (cell.headline || figureIn(cell) === undefined) continue;
    const year = yearOfPeriod(cell.period);
    const start = year === null ? NaN : Number(year.slice(0, 4));
    if (start > latest) {
      found = cell;
      latest = start;
    }
  }
  return found;
}

/** A cell's figure as written, a percentage as its fraction, whatever the row's definition. */
function figureIn(cell: RowCell): { value: number; percent: boolean } | undefined {
  const read = readValue(cell.value, cell.numberFormat);
  return read.kind === "figure" ? read : undefined;
}
