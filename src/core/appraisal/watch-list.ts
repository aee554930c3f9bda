/**
 * The watch list of Red and Amber KPIs that the pane's summary shows, each with its gap to target in words.
 * Only the pane reads it, so it stays out of the functions' script.
 */
import { appraiseTables, type Appraisal } from "./appraisal";
import { reportOf, type SheetReport } from "./report";
import { latestFigure } from "./summary";
import { benchmarkName } from "../rating/benchmark-names";
import type { Definition } from "../definition/definition";
import { gapToTarget } from "./gap";
import { cellAddress } from "../values/grid";
import type { FoundTables } from "../sheet/tables";
import { standardSet } from "../definition/tolerance-set";
import { describeFigure } from "../definition/units";

/** A gap in words: "6 points below target", "53 days worse than target". */
export function describeGap(gap: number, definition: Definition): string {
  if (gap === 0) return "on target";
  const size = describeFigure(Math.abs(gap), definition.unit);
  const points = size.replace(/%$/, "");
  const amount =
    definition.unit === "percent" ? `${points} ${points === "1" ? "point" : "points"}` : size;
  return `${amount} ${gap > 0 ? "better" : "worse"} than target`;
}

export interface WatchItem {
  sheet: string;
  /** Sheet row, 0-based. */
  row: number;
  id?: string;
  measure: string;
  status: "Red" | "Amber";
  period: string;
  address: string;
  gap: string;
  /** The benchmarks its latest figure is worse than ("England", "SN 2021/22"): the committee's exceptions. */
  worseThan: string[];
}

/** The KPIs of found tables whose latest figure is Red or Amber: `watchListOf` their appraisal. */
export function watchList(found: FoundTables, toleranceSet: string = standardSet): WatchItem[] {
  return watchListOf(appraiseTables(found, toleranceSet));
}

/**
 * The KPIs whose latest figure is Red or Amber, Red first, each with its gap to target: read off the
 * appraisal's ratings, with the benchmarks from its report (made here when the caller holds none).
 */
export function watchListOf(
  appraisal: Appraisal,
  report: SheetReport = reportOf(appraisal)
): WatchItem[] {
  const items: WatchItem[] = [];
  const reports = report.rows;
  appraisal.rows.forEach((row, index) => {
    const latest = latestFigure(row);
    if (latest < 0) return;
    const { status, reason } = row.ratings[latest];
    if (status !== "Red" && status !== "Amber") return;
    const { kpi } = row;
    const cell = kpi.cells[latest];
    // Against a benchmark target the rating's own sentence says the gap: "… SN is 27.0%, 1.1 points apart".
    const gap =
      kpi.definition.standing.kind === "benchmark"
        ? { ok: false as const, problem: reason }
        : gapToTarget(cell.value, kpi.definition, cell.numberFormat);
    const worseThan = reports[index].comparisons
      .filter((comparison) => comparison.verdict === "Worse")
      .map(benchmarkName);
    items.push({
      sheet: appraisal.sheet,
      row: kpi.row,
      id: kpi.id,
      measure: kpi.measure,
      status,
      period: cell.period,
      address: cellAddress(cell),
      gap: gap.ok ? describeGap(gap.value, kpi.definition) : gap.problem,
      worseThan,
    });
  });
  return items.sort((a, b) => (a.status === b.status ? 0 : a.status === "Red" ? -1 : 1));
}
