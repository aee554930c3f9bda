/**
 * The roles a KPI table's columns play, as the header readers name them (`headers.ts`), and the header words
 * a workbook teaches (`taught-headers.ts`): types only, so both readers share them.
 */
import type { ComparatorHeader } from "./comparators";
import type { YearKey } from "./period-year";
import type { ThresholdUnit } from "./threshold-header";

/** The role a column plays in a KPI table: its part of the column map. */
export type ColumnRole =
  | { kind: "measure" }
  | { kind: "section" }
  | { kind: "polarity" }
  /** A target column: `year` makes it that year's target; `unit` the unit of its plain numbers. */
  | ({ kind: "target" } & ThresholdQualifiers)
  /**
   * A tolerance column. `set` is the set its other words name (Standard when they name none); whether it is
   * the table's standard tolerance is decided with the table's other tolerance columns (`layout.ts`).
   */
  | ({ kind: "tolerance"; set: string } & ThresholdQualifiers)
  /** A stretch target column (`Stretch`, `Stretch target 2024/25`): read for the Blue for exceeding scheme only. */
  | ({ kind: "stretch" } & ThresholdQualifiers)
  /** A register number (Appendix A's `KPI` column: 18 is KPI-18): rows without thresholds are rated from the register. */
  | { kind: "kpi number" }
  /** A row reference (`Ref`, `No.`, `ID`, `Code`): never a KPI number, never pulls thresholds from the catalogue. */
  | { kind: "reference" }
  | { kind: "unit" }
  /** A period column; `headline` for a column that repeats a period's figure (`Latest`, `Year to date`, `Previous`). */
  | { kind: "period"; label: string; headline?: true }
  /** Someone else's figure (England, a region, statistical neighbours) or a standing against one, shown as text. */
  | ComparatorHeader
  | { kind: "rag" }
  | { kind: "direction of travel" }
  | { kind: "commentary" }
  /** A long table's column naming each row's period (`Period`, `Month`, `Quarter`). */
  | { kind: "period name" }
  /** A long table's column holding each row's figure (`Value`, `Actual`). */
  | { kind: "value" }
  /** Read aside; `understood: false` when the add-in knows none of the header's words (the column map says so). */
  | { kind: "other"; understood?: false };

/** What a threshold header's words other than its role word say (see `threshold-header.ts`). */
export interface ThresholdQualifiers {
  year?: YearKey;
  unit?: ThresholdUnit;
  /** The column's plain figures are a margin around the target ("Tolerance (±)"). */
  margin?: true;
  /** Words that are neither a year, a unit nor a band or aim word, as written ("Covid19", "Stretch"). */
  otherWords?: string;
}

/**
 * A header word the workbook teaches (from its KPIWords table), by the loose key `looseHeader` gives.
 * Kept as a plain look-up here so the header readers do not depend on how the table is read.
 */
export type TaughtHeaders = ReadonlyMap<string, ColumnRole | "not a period" | "period">;
