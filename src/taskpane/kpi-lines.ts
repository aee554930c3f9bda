/**
 * What the pane's compact KPI lines say, built from the core's report and appraisal: each row's latest
 * figure and status, each figure in the analyst's unit, and the sheet's top line ("40 KPIs: 5 Red · 10 Amber ·
 * 1 needs checking"). (The core could carry `figure` on each CellReport; it is worked out here meanwhile.)
 */
import {
  describeFigure,
  emptyCounts,
  figureOf,
  cellAddress,
  isPercentFormat,
  type Appraisal,
  type CellReport,
  type RowReport,
  type Status,
  type TableReport,
} from "../core";

/** What the KPI lines need of the appraisal besides its report: figures in words and headline cells. */
export interface CellFacts {
  /** Each figure as the analyst writes it ("89%", "140 days"), by its address; text and blanks have none. */
  figures: Record<string, string>;
  /** The addresses of headline cells (Latest, Year to date), which repeat a period's figure. */
  headlines: string[];
}

export function cellFactsOf(appraisal: Appraisal): CellFacts {
  const figures: Record<string, string> = {};
  const headlines: string[] = [];
  for (const { kpi } of appraisal.rows) {
    for (const cell of kpi.cells) {
      if (cell.headline) headlines.push(cellAddress(cell));
      if (typeof cell.value !== "number") continue;
      const definition = cell.definition ?? kpi.definition;
      const figure = figureOf(cell.value, definition, cell.numberFormat);
      // A row with no target to take a unit from is a count: a figure in a % cell is still shown as the
      // sheet shows it (45%, not 0.45).
      const unit =
        definition.unit === "count" && isPercentFormat(cell.numberFormat)
          ? "percent"
          : definition.unit;
      if (figure.ok) figures[cellAddress(cell)] = describeFigure(figure.value, unit);
    }
  }
  return { figures, headlines };
}

const hasFigure = (cell: CellReport): boolean =>
  cell.status !== "No data" && cell.value !== null && cell.value !== "";

/**
 * A row's latest figure: its last period with a figure, or else a headline column's (Latest, Year to date);
 * undefined when no period has one. Cells follow the sheet's columns, so the last is the latest.
 */
export function latestCell(
  row: RowReport,
  headlines: ReadonlySet<string> = new Set()
): CellReport | undefined {
  const withFigures = row.cells.filter(hasFigure);
  const ordinary = withFigures.filter((cell) => !headlines.has(cell.address));
  return ordinary[ordinary.length - 1] ?? withFigures[withFigures.length - 1];
}

/** A row's periods, latest first, for its details. */
export function latestFirst(row: RowReport): CellReport[] {
  return [...row.cells].reverse();
}

export interface TopLine {
  kpis: number;
  /** Each status's count, over each KPI's latest figure. */
  counts: Record<Status, number>;
  /** The problems the tables and rows report, to count at the top. */
  problems: number;
}

export function topLineOf(
  tables: readonly TableReport[],
  headlines: ReadonlySet<string> = new Set()
): TopLine {
  const counts = emptyCounts();
  let kpis = 0;
  let problems = 0;
  for (const table of tables) {
    problems += table.problems.length;
    for (const row of table.rows) {
      kpis += 1;
      problems += row.problems.length;
      const latest = latestCell(row, headlines);
      if (latest) counts[latest.status] += 1;
    }
  }
  return { kpis, counts, problems };
}

/** "40 KPIs: 5 Red · 10 Amber · 1 needs checking", or "40 KPIs: none Red or Amber" where that is so. */
export function describeTopLine({ kpis, counts }: TopLine): string {
  const parts = [
    counts.Red > 0 ? `${counts.Red} Red` : "",
    counts.Amber > 0 ? `${counts.Amber} Amber` : "",
    counts["Check definition"] > 0
      ? `${counts["Check definition"]} ${counts["Check definition"] === 1 ? "needs" : "need"} checking`
      : "",
  ].filter(Boolean);
  const rated = counts.Red + counts.Amber + counts.Green;
  const kpiWord = kpis === 1 ? "1 KPI" : `${kpis} KPIs`;
  if (parts.length > 0) return `${kpiWord}: ${parts.join(" · ")}`;
  return rated > 0
    ? `${kpiWord}: ${rated} Green, none Red or Amber`
    : `${kpiWord}: none has a figure to rate yet`;
}
