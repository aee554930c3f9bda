/** Views of an appraisal in counts: each status per period, and a row's latest figure. */
import { emptyCounts, isFigureRating, type Status } from "../values/status";
import type { AppraisedRow } from "./appraisal";
import { newestFirst } from "../sheet/time-order";
import type { RowCounts } from "./report";

/** The index of a row's latest period cell holding a figure, or -1. */
export function latestFigure(row: AppraisedRow): number {
  for (const index of newestFirst(row.kpi.cells))
    if (!row.kpi.cells[index].headline && isFigureRating(row.ratings[index])) return index;
  return -1;
}

export interface PeriodSummary {
  period: string;
  counts: Record<Status, number>;
}

/**
 * The count of each status per period, added a cell at a time, periods in the order first met. A table's
 * rows name the same periods in the same places: the summary met at a place in the last row is tried
 * first, sparing a lookup by name for nearly every cell of a long sheet.
 */
export class PeriodTally {
  private readonly byPeriod = new Map<string, PeriodSummary>();
  private readonly atPlace: PeriodSummary[] = [];

  /** One cell's status, the cell at `place` among its row's period cells. */
  add(place: number, period: string, status: Status): void {
    let summary: PeriodSummary | undefined = this.atPlace[place];
    if (summary === undefined || summary.period !== period) {
      summary = this.byPeriod.get(period);
      if (summary === undefined) {
        summary = { period, counts: emptyCounts() };
        this.byPeriod.set(period, summary);
      }
      this.atPlace[place] = summary;
    }
    summary.counts[status] += 1;
  }

  /** Every cell of appraised rows, as their reports would be counted, without making the reports. */
  addRows(rows: readonly AppraisedRow[]): void {
    for (const { kpi, ratings } of rows)
      for (let place = 0; place < ratings.length; place++)
        this.add(place, kpi.cells[place].period, ratings[place].status);
  }

  summaries(): PeriodSummary[] {
    return [...this.byPeriod.values()];
  }
}

/** The count of each status per period, across the tables, periods in the order first seen. */
export function summarise(
  tables: ReadonlyArray<{ rows: ReadonlyArray<Pick<RowCounts, "cells">> }>
): PeriodSummary[] {
  const tally = new PeriodTally();
  for (const table of tables)
    for (const row of table.rows)
      for (let place = 0; place < row.cells.length; place++)
        tally.add(place, row.cells[place].period, row.cells[place].status);
  return tally.summaries();
}
