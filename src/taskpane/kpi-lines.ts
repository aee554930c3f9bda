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
  newestFirst,
  parseCellAddress,
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
  const headlines: string[] = [];
  for (const { kpi } of appraisal.rows)
    for (const cell of kpi.cells) if (cell.headline) headlines.push(cellAddress(cell));
  return { figures: figuresOnDemand(appraisal.rows.map(({ kpi }) => kpi)), headlines };
}

type AppraisedKpi = Appraisal["rows"][number]["kpi"];
type AppraisedCell = AppraisedKpi["cells"][number];

/** A figure in the analyst's words, or undefined where the cell's number is no figure of its row. */
function figureInWords({
  cell,
  kpi,
}: {
  cell: AppraisedCell;
  kpi: AppraisedKpi;
}): string | undefined {
  if (typeof cell.value !== "number") return undefined;
  const definition = cell.definition ?? kpi.definition;
  const figure = figureOf(cell.value, definition, cell.numberFormat);
  // A row with no target to take a unit from is a count: a figure in a % cell is still shown as the
  // sheet shows it (45%, not 0.45).
  const unit =
    definition.unit === "count" && isPercentFormat(cell.numberFormat) ? "percent" : definition.unit;
  return figure.ok ? describeFigure(figure.value, unit) : undefined;
}

/**
 * The figures by address, each put in words when a line first asks for it: wording all 150,000 figures of
 * 10,000 KPIs held up the first lines by a tenth of a second, and a list draws only the lines in view. The
 * cells are found by position, so no address is written out until asked for. To anything that lists its keys
 * it is the whole record.
 */
function figuresOnDemand(kpis: readonly AppraisedKpi[]): Record<string, string> {
  // The KPIs by the sheet rows their cells are on: one entry a row, not one a cell (150,000 for 10,000 KPIs).
  let byRow: Map<number, AppraisedKpi[]> | undefined;
  const numberAt = (address: string): { cell: AppraisedCell; kpi: AppraisedKpi } | undefined => {
    const position = parseCellAddress(address);
    if (!position) return undefined;
    if (!byRow) {
      byRow = new Map();
      for (const kpi of kpis)
        for (const { row } of kpi.cells) {
          const onRow = byRow.get(row);
          if (!onRow) byRow.set(row, [kpi]);
          else if (onRow[onRow.length - 1] !== kpi) onRow.push(kpi);
        }
    }
    for (const kpi of byRow.get(position.row) ?? []) {
      const cell = kpi.cells.find(
        (candidate) =>
          candidate.row === position.row &&
          candidate.column === position.column &&
          typeof candidate.value === "number"
      );
      if (cell) return { cell, kpi };
    }
    return undefined;
  };
  const worded = new Map<string, string | undefined>();
  const figure = (address: string | symbol): string | undefined => {
    if (typeof address !== "string") return undefined;
    if (!worded.has(address)) {
      const number = numberAt(address);
      worded.set(address, number && figureInWords(number));
    }
    return worded.get(address);
  };
  return new Proxy({} as Record<string, string>, {
    get: (target, address) => figure(address) ?? Reflect.get(target, address),
    has: (_, address) => figure(address) !== undefined,
    ownKeys: () => [
      ...new Set(
        kpis
          .flatMap(({ cells }) => cells)
          .filter((cell) => typeof cell.value === "number")
          .map(cellAddress)
          .filter((address) => figure(address) !== undefined)
      ),
    ],
    getOwnPropertyDescriptor: (_, address) => {
      const value = figure(address);
      return value === undefined
        ? undefined
        : { value, enumerable: true, configurable: true, writable: false };
    },
  });
}

const hasFigure = (status: Status, value: unknown): boolean =>
  status !== "No data" && value !== null && value !== "";

/**
 * The place of a row's latest figure: its newest period with a figure (`newest`, the places newest first,
 * in time where the periods' labels say it), or else a headline column's (Latest, Year to date).
 */
function latestIndex(
  newest: readonly number[],
  figured: (index: number) => boolean,
  headline: (index: number) => boolean
): number | undefined {
  let lastHeadline: number | undefined;
  for (const index of newest) {
    if (!figured(index)) continue;
    if (!headline(index)) return index;
    lastHeadline ??= index;
  }
  return lastHeadline;
}

/** A row's latest figure (see latestIndex); undefined when no period has one. */
export function latestCell(
  row: RowReport,
  headlines: ReadonlySet<string> = new Set()
): CellReport | undefined {
  const cells = flagged(row, headlines);
  const index = latestIndex(
    newestFirst(cells),
    (at) => hasFigure(cells[at].status, cells[at].value),
    (at) => headlines.has(cells[at].address)
  );
  return index === undefined ? undefined : row.cells[index];
}

/** A row's periods, latest first (in time where their labels say it), for its details. */
export function latestFirst(
  row: RowReport,
  headlines: ReadonlySet<string> = new Set()
): CellReport[] {
  return newestFirst(flagged(row, headlines)).map((index) => row.cells[index]);
}

/** A row's cells, each with whether it is a headline column's (Latest), as `newestFirst` reads them. */
function flagged(
  row: RowReport,
  headlines: ReadonlySet<string>
): Array<CellReport & { headline?: true }> {
  return row.cells.map((cell) =>
    headlines.has(cell.address) ? { ...cell, headline: true } : cell
  );
}

export interface TopLine {
  kpis: number;
  /** Each status's count, over each KPI's latest figure. */
  counts: Record<Status, number>;
  /** The problems the tables and rows report, to count at the top; undefined until the reports are made. */
  problems?: number;
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

/**
 * The top line's counts from the appraisal's own statuses, as topLineOf counts them from the reports, so the
 * first lines need no row's report; the problems are counted once the reports are made.
 */
export function statusTopLineOf(appraisal: Appraisal): TopLine {
  const counts = emptyCounts();
  for (const { kpi, ratings } of appraisal.rows) {
    const index = latestIndex(
      newestFirst(kpi.cells),
      (at) => hasFigure(ratings[at].status, kpi.cells[at].value),
      (at) => kpi.cells[at].headline === true
    );
    if (index !== undefined) counts[ratings[index].status] += 1;
  }
  return { kpis: appraisal.rows.length, counts };
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
