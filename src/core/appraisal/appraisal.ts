/**
 * One appraisal of a sheet: its tables, rows and definitions, every period cell rated exactly once under
 * one tolerance set. The report (each row's definition in words, direction of travel, comparisons and
 * problems), the pane's tables, summary and watch list, kpi-rag's summary and the formatting plan are all
 * views of it, so no surface rates a cell on its own and none can disagree with another.
 */
import { rateInRow } from "../rating/benchmark-rating";
import { earlierPeriodsOf } from "./earlier-periods";
import {
  inOneTime,
  latestHeadline,
  newestFigure,
  orderOfPeriod,
  periodOfHeadline,
} from "../sheet/time-order";
import { BandsMemo } from "../rating/bands";
import type { Definition } from "../definition/definition";
import { standardSet } from "../definition/tolerance-set";
import type { Grid } from "../values/grid";
import type { Register } from "../register/register";
import { builtInRegister } from "../register/register-reading";
import type { Rating } from "../values/status";
import { rate, type PreviousPeriod } from "../rating/rate";
import { standardScheme, type Scheme } from "../rating/scheme";
import {
  findTables,
  type FoundTables,
  type KpiRow,
  type KpiTable,
  type PeriodCell,
} from "../sheet/tables";
import type { Words } from "../definition/words";

/** One row as appraised: the row read from the sheet and each of its period cells' one rating. */
export interface AppraisedRow {
  readonly kpi: KpiRow;
  /** One rating per period cell, in the order of `kpi.cells`. */
  readonly ratings: readonly Rating[];
}

/** A table as appraised: the table as read and its rows' ratings. */
export interface AppraisedTable {
  readonly table: KpiTable;
  readonly rows: readonly AppraisedRow[];
  /** Under Amber by direction, a long table's rows' periods before them (see `earlier-periods.ts`). */
  readonly earlier?: ReadonlyMap<KpiRow, PeriodCell>;
}

/** Read-only: its ratings, plan and report are views of it, so it must not change. */
export interface Appraisal {
  readonly sheet: string;
  /** Why the sheet has no KPI table, naming the nearest miss; undefined when it has one. */
  readonly skipped?: string;
  readonly toleranceSet: string;
  /** The workbook's scheme, which drew every row's bands. */
  readonly scheme: Scheme;
  /** Whether the workbook shows each status's symbol in the rules' number formats (its KPISettings). */
  readonly symbols: boolean;
  /** Each definition's bands under its tolerance set and scheme, kept as long as the appraisal: its ratings, plan and report read them. */
  readonly bands: BandsMemo;
  readonly tables: readonly AppraisedTable[];
  /** Every row of every table, in sheet order, with its ratings. */
  readonly rows: readonly AppraisedRow[];
}

export interface AppraisalOptions {
  /** The workbook's register (the built-in catalogue when not given). */
  register?: Register;
  /** The words the workbook teaches (its KPIWords table). */
  words?: Words;
  /** The tolerance set to rate under, already resolved against the sheet's sets (see `resolveToleranceSet`). */
  toleranceSet?: string;
  /** The workbook's scheme (its KPISettings table or KPIWords word); Standard when not given. */
  scheme?: Scheme;
  /** Whether the rules show each status's symbol (KPISettings, or kpi-rag --symbols); not when not given. */
  symbols?: boolean;
}

/**
 * Appraises a sheet, its grid or the tables already found on it, with the workbook's register, words,
 * scheme and settings: every surface and test starts here. Its views are asked for separately, each made
 * only when asked: `planOf` (the rules), `reportOf` (the report).
 */
export function appraise(sheet: Grid | FoundTables, options: AppraisalOptions = {}): Appraisal {
  const found =
    "tables" in sheet
      ? sheet
      : findTables(sheet, options.register ?? builtInRegister, { words: options.words });
  return {
    ...appraiseTables(found, options.toleranceSet, options.scheme),
    symbols: options.symbols ?? false,
  };
}

/** Appraises tables already found: each period cell is rated once, here. */
export function appraiseTables(
  found: FoundTables,
  toleranceSet: string = standardSet,
  scheme: Scheme = standardScheme
): Appraisal {
  const known = new BandsMemo(toleranceSet, scheme);
  const ratings = new RatingMemo(toleranceSet, scheme, known);
  let count = 0;
  for (const table of found.tables) count += table.rows.length;
  // Made at its full length: pushed a row at a time, a list of every row grows by copying itself.
  const rows = new Array<AppraisedRow>(count);
  let next = 0;
  const tables = found.tables.map((table): AppraisedTable => {
    const earlier = scheme.kind === "amber by direction" ? earlierPeriodsOf(table) : undefined;
    return {
      table,
      rows: table.rows.map((kpi) => {
        const appraised = { kpi, ratings: ratings.ofRow(kpi, earlier?.get(kpi)) };
        rows[next++] = appraised;
        return appraised;
      }),
      ...(earlier === undefined ? {} : { earlier }),
    };
  });
  return {
    sheet: found.sheet,
    ...(found.skipped === undefined ? {} : { skipped: found.skipped }),
    toleranceSet,
    scheme,
    symbols: false,
    bands: known,
    tables,
    rows,
  };
}

/** What the rating memo keeps for one definition: whether it rates by a benchmark, its ratings by format and figure, and its last row's. */
interface DefinitionRatings {
  /** A target written against a benchmark: each figure is rated against its own period's benchmark, not remembered. */
  againstBenchmark: boolean;
  byFormat: Map<string, Map<number | null, Rating>>;
  lastRow: LastRowRatings;
}

/**
 * The speed structure of rows' ratings: the last row of a definition whose cells are all figures or blanks,
 * with its list of ratings, which the next row of that definition shares where its cells hold the same
 * formats and figures (a sheet made of an appendix's rows over and over, rows of blank periods to come).
 * Such a row makes no list of its own: on the bench's sheet of 10,000 rows, 7,000 lists and 0.45 MB fewer.
 * One row is kept, not every row met: a sheet whose rows all differ makes nothing more, and asks four
 * comparisons a row.
 */
interface LastRowRatings {
  cells: readonly PeriodCell[] | undefined;
  ratings: readonly Rating[] | undefined;
}

/**
 * Ratings of plain numbers and blanks, remembered per definition and number format: rows sharing a
 * definition repeat their figures and their periods still to come (and a Rating is never changed), so the
 * reason is worded once per figure, not per cell. Anything else (text, errors) is rated each time.
 */
class RatingMemo {
  private readonly byDefinition = new Map<Definition, DefinitionRatings>();

  constructor(
    private readonly toleranceSet: string,
    private readonly scheme: Scheme,
    private readonly bands: BandsMemo
  ) {}

  /** One rating per period cell of a row rated by its bands (the definition looked up once per row). */
  ofRow(kpi: KpiRow, earlier?: PeriodCell): readonly Rating[] {
    const { definition, cells } = kpi;
    const ofDefinition = this.of(definition);
    if (ofDefinition.againstBenchmark)
      return cells.map((cell, index) =>
        cell.definition === undefined
          ? rateInRow(
              kpi,
              cell,
              this.toleranceSet,
              this.scheme,
              this.scheme.kind === "amber by direction"
                ? previousPeriodOf(cells, index, earlier)
                : undefined,
              this.bands.of(definition)
            )
          : this.ofOwnPeriod(kpi, cell, cell.definition)
      );
    if (this.scheme.kind === "amber by direction")
      return this.byDirection(cells, definition, earlier);
    const { lastRow } = ofDefinition;
    if (lastRow.ratings !== undefined && sameFigures(lastRow.cells, cells)) return lastRow.ratings;
    const ratings = new Array<Rating>(cells.length);
    let figures = true;
    for (let index = 0; index < cells.length; index++) {
      const cell = cells[index];
      // A cell rated against its own period's thresholds (its year's target) has a definition of its own.
      ratings[index] =
        cell.definition === undefined
          ? this.rated(ofDefinition.byFormat, cell, definition)
          : this.ofOwnPeriod(kpi, cell, cell.definition);
      if (cell.definition !== undefined || (typeof cell.value !== "number" && cell.value !== null))
        figures = false;
    }
    if (figures) {
      lastRow.cells = cells;
      lastRow.ratings = ratings;
    }
    return ratings;
  }

  /** A cell rated by its own period's definition (its year's target, or none): by a benchmark where that target names one. */
  private ofOwnPeriod(kpi: KpiRow, cell: PeriodCell, own: Definition): Rating {
    const entry = this.of(own);
    return entry.againstBenchmark
      ? rateInRow(
          { definition: own, benchmarks: kpi.benchmarks },
          cell,
          this.toleranceSet,
          this.scheme,
          undefined,
          this.bands.of(own)
        )
      : this.rated(entry.byFormat, cell, own);
  }

  /** Under Amber by direction a cell's status depends on the period before it on the row: no memo. */
  private byDirection(
    cells: readonly PeriodCell[],
    definition: Definition,
    earlier: PeriodCell | undefined
  ): Rating[] {
    return cells.map((cell, index) => {
      return rate(
        cell.value,
        cell.definition ?? definition,
        this.toleranceSet,
        cell.numberFormat,
        this.scheme,
        previousPeriodOf(cells, index, earlier),
        this.bands.of(cell.definition ?? definition)
      );
    });
  }

  /** The memo's entry for a definition, made when first met: one lookup a row. */
  private of(definition: Definition): DefinitionRatings {
    let found = this.byDefinition.get(definition);
    if (!found) {
      found = {
        againstBenchmark: this.bands.of(definition).kind === "benchmark",
        byFormat: new Map(),
        lastRow: { cells: undefined, ratings: undefined },
      };
      this.byDefinition.set(definition, found);
    }
    return found;
  }

  private rated(
    byFormat: Map<string, Map<number | null, Rating>>,
    cell: PeriodCell,
    definition: Definition
  ): Rating {
    if (typeof cell.value !== "number" && cell.value !== null)
      return this.byBands(cell, definition);
    let byValue = byFormat.get(cell.numberFormat);
    if (!byValue) {
      byValue = new Map();
      byFormat.set(cell.numberFormat, byValue);
    }
    let rating = byValue.get(cell.value);
    if (!rating) {
      rating = this.byBands(cell, definition);
      byValue.set(cell.value, rating);
    }
    return rating;
  }

  /** A cell rated by its definition's bands, as the appraisal keeps them. */
  private byBands(cell: PeriodCell, definition: Definition): Rating {
    return rate(
      cell.value,
      definition,
      this.toleranceSet,
      cell.numberFormat,
      this.scheme,
      undefined,
      this.bands.of(definition)
    );
  }
}

/**
 * Whether a row's cells hold the same formats and figures as the last row's (`LastRowRatings`), whose cells
 * are all figures or blanks rated by their row's definition.
 */
function sameFigures(
  last: readonly PeriodCell[] | undefined,
  cells: readonly PeriodCell[]
): boolean {
  if (last === undefined || last.length !== cells.length) return false;
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    if (
      cell.value !== last[index].value ||
      cell.numberFormat !== last[index].numberFormat ||
      cell.definition !== undefined
    )
      return false;
  }
  return true;
}

/**
 * The period before a cell on its row, as Amber by direction's reason names it, or undefined for the first;
 * a long table's row has one cell, and `earlier` is the same KPI's row for the period before.
 */
function previousPeriodOf(
  cells: readonly PeriodCell[],
  index: number,
  earlier: PeriodCell | undefined
): PreviousPeriod | undefined {
  const before = previousPeriodCell(cells, index) ?? (index === 0 ? earlier : undefined);
  return (
    before && { period: before.period, value: before.value, numberFormat: before.numberFormat }
  );
}

/**
 * The period before a row's period cell, as Amber by direction compares with: the one just before it in
 * time among the row's periods of its kind (a row may run newest first, or hold months beside quarters),
 * or, where its label names no time ("Q1" alone), the cell before it on the row. A long table's row has
 * one period, so none. A headline column is no period of the series, so it is never compared with; a
 * `Latest` (or `Current`) one holds the newest figure and is compared as its period is (`beforeLatest`).
 * `Year to date` and `Previous` are not compared.
 */
export function previousPeriodCell(
  cells: readonly PeriodCell[],
  index: number
): PeriodCell | undefined {
  const cell = cells[index];
  if (cell.headline)
    return latestHeadline.test(cell.period) ? beforeLatest(cells, cell) : undefined;
  const at = orderOfPeriod(cell.period);
  if (at !== null) {
    // The row's periods of the cell's kind, by time, where their labels place them in it.
    const ofKind = cells.filter(
      (other) =>
        !other.headline && other.row === cell.row && orderOfPeriod(other.period)?.kind === at.kind
    );
    const orders = ofKind.map((other) => orderOfPeriod(other.period));
    if (inOneTime(orders)) {
      let found: PeriodCell | undefined;
      let foundOrder = -Infinity;
      for (let place = 0; place < ofKind.length; place++) {
        const order = orders[place]!.order;
        if (order < at.order && order > foundOrder) {
          found = ofKind[place];
          foundOrder = order;
        }
      }
      return found;
    }
  }
  for (let before = index - 1; before >= 0; before--) {
    const candidate = cells[before];
    if (candidate.row !== cell.row) return undefined;
    if (!candidate.headline) return candidate;
  }
  return undefined;
}

/**
 * The period before a Latest column's figure. Where it repeats the row's newest figure it is that period,
 * compared with the one before it, so one figure is never two colours; where it differs it is newer than
 * the row's periods, and compared with the newest.
 */
function beforeLatest(cells: readonly PeriodCell[], latest: PeriodCell): PeriodCell | undefined {
  const row = cells.filter((other) => other.row === latest.row);
  const repeated = periodOfHeadline(row, latest);
  return repeated ? previousPeriodCell(cells, cells.indexOf(repeated)) : newestFigure(row);
}
