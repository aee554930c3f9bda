/** Views of an appraisal in counts: each status per period, and a row's latest figure. */
import { emptyCounts, isFigureRating, type Status } from "../values/status";
import type { AppraisedRow } from "./appraisal";
import type { RowCounts } from "./report";

/** The index of a row's latest period cell holding a figure, or -1. */
export function latestFigure(row: AppraisedRow): number {
  for (let index = row.ratings.length - 1; index >= 0; index--)
    if (isFigureRating(row.ratings[index])) return index;
  return -1;
}

export interface PeriodSummary {
  period: string;
  counts: Record<Status, number>;
}

/** The count of each status per period, across the tables, periods in the order first seen. */
export function summarise(
  tables: ReadonlyArray<{ rows: ReadonlyArray<Pick<RowCounts, "cells">> }>
): PeriodSummary[] {
  const summaries = new Map<string, PeriodSummary>();
  for (const table of tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const summary = summaries.get(cell.period) ?? {
          period: cell.period,
          counts: emptyCounts(),
        };
        summary.counts[cell.status] += 1;
        summaries.set(cell.period, summary);
      }
    }
  }
  return [...summaries.values()];
}
