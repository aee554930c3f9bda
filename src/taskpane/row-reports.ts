/**
 * The KPI lines' reports, each made when its line is drawn or opened. The core's report of 10,000 KPIs (every
 * definition in words, every direction of travel and comparison) took a third of a second before the first
 * line could show, though a pane shows about thirty. A row's report is the core's own: `reportOf` of an
 * appraisal holding that row alone, or the whole sheet's once the Summary has made it.
 */
import {
  reportOf,
  tableReportOf,
  type Appraisal,
  type AppraisedRow,
  type RowReport,
  type SheetReport,
  type TableReport,
} from "../core";

export interface ReportsOnDemand {
  /** The tables as the lines draw them: each row's report is made at its first use. */
  tables: TableReport[];
  /** The whole sheet's report (the Summary's, the watch list's), made once; later rows take theirs from it. */
  whole(): SheetReport;
}

export function reportsOnDemand(appraisal: Appraisal): ReportsOnDemand {
  let whole: SheetReport | undefined;
  const tables = appraisal.tables.map((appraised, tableIndex): TableReport =>
    tableReportOf(
      appraisal.sheet,
      appraised.table,
      appraised.rows.map((row, index) =>
        RowOnDemand.of(
          row,
          () =>
            whole?.tables[tableIndex].rows[index] ??
            // reportOf reads the appraisal's tables: one holding this row alone gives its report.
            reportOf({ ...appraisal, tables: [{ ...appraised, rows: [row] }], rows: [row] }).rows[0]
        )
      )
    )
  );
  return { tables, whole: () => (whole ??= reportOf(appraisal)) };
}

/** Every member of a row's report but its sheet row, each made at the first read of one. */
const madeOnDemand = [
  "sheet",
  "id",
  "measure",
  "section",
  "source",
  "definition",
  "directionOfTravel",
  "problems",
  "cells",
  "comparisons",
  "rankings",
] as const satisfies ReadonlyArray<Exclude<keyof RowReport, "row">>;

/**
 * A row's report whose every member but its sheet row (a line's key) is made at the first read of one. A
 * class whose prototype holds one getter per member, so 10,000 of them share their getters.
 */
class RowOnDemand {
  readonly row: number;
  readonly #make: () => RowReport;
  #made: RowReport | undefined;

  constructor({ kpi }: AppraisedRow, make: () => RowReport) {
    this.row = kpi.row + 1;
    this.#make = make;
  }

  report(): RowReport {
    return (this.#made ??= this.#make());
  }

  /** As a row's report: its getters are the prototype's (below). */
  static of(row: AppraisedRow, make: () => RowReport): RowReport {
    return new RowOnDemand(row, make) as unknown as RowReport;
  }
}

for (const member of madeOnDemand)
  Object.defineProperty(RowOnDemand.prototype, member, {
    get(this: RowOnDemand) {
      return this.report()[member];
    },
  });
