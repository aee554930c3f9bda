/**
 * The gap to target, positive when better than target, and the watch list of Red and Amber KPIs that the
 * pane's summary shows. One definition of "gap" for KPI.GAP and the pane alike.
 */
import type { CellValue } from "./cell";
import type { Definition } from "./definition";
import { benchmarkStandingOf, rateInRow } from "./benchmark-target";
import { benchmarkName, compareWithBenchmark } from "./benchmarks";
import { figureOf } from "./rate";
import type { FoundTables } from "./tables";
import { describeFigure } from "./units";
import type { Read } from "./status";

/** How far a value is from the target, in the core's scale (0.02 is 2 points of %); positive is better. */
export function gapToTarget(value: CellValue, definition: Definition, numberFormat?: string): Read<number> {
  const { standing } = definition;
  if (standing.kind !== "rated") return { ok: false, problem: standing.kind === "check" ? standing.problems[0] ?? "check the definition" : standing.kind === "suspended" ? "its target is suspended" : "it has no target" };
  const figure = figureOf(value, definition, numberFormat);
  if (!figure.ok) return { ok: false, problem: figure.rating.reason };
  const { polarity } = standing;
  if (polarity.kind === "higher") return { ok: true, value: figure.value - standing.target };
  if (polarity.kind === "lower") return { ok: true, value: standing.target - figure.value };
  return { ok: true, value: -Math.max(polarity.low - figure.value, 0, figure.value - polarity.high) };
}

/** A gap in words: "6 points below target", "53 days worse than target". */
export function describeGap(gap: number, definition: Definition): string {
  if (gap === 0) return "on target";
  const size = describeFigure(Math.abs(gap), definition.unit);
  const points = size.replace(/%$/, "");
  const amount = definition.unit === "percent" ? `${points} ${points === "1" ? "point" : "points"}` : size;
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

/** The KPIs whose latest figure is Red or Amber, Red first, each with its gap to target. */
export function watchList(found: FoundTables, toleranceSet = "Standard"): WatchItem[] {
  const items: WatchItem[] = [];
  for (const table of found.tables) {
    for (const row of table.rows) {
      const latest = [...row.cells].reverse().find((cell) => figureOf(cell.value, row.definition, cell.numberFormat).ok);
      if (!latest) continue;
      const { status, reason } = rateInRow(row, latest, toleranceSet);
      if (status !== "Red" && status !== "Amber") continue;
      // Against a benchmark target the rating's own sentence says the gap: "… SN is 27.0%, 1.1 points apart".
      const gap = benchmarkStandingOf(row.definition, toleranceSet) ? { ok: false as const, problem: reason } : gapToTarget(latest.value, row.definition, latest.numberFormat);
      const worseThan = (row.benchmarks ?? []).map((benchmark) => compareWithBenchmark(row.definition, row.cells, benchmark, row.measure)).filter((comparison) => comparison.verdict === "Worse").map(benchmarkName);
      items.push({ sheet: found.sheet, row: row.row, id: row.id, measure: row.measure, status, period: latest.period, address: latest.address, gap: gap.ok ? describeGap(gap.value, row.definition) : gap.problem, worseThan });
    }
  }
  return items.sort((a, b) => (a.status === b.status ? 0 : a.status === "Red" ? -1 : 1));
}
