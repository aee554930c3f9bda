/**
 * The KPI register: what it holds and how a KPI is looked up in it. It is built (register-reading.ts) from
 * the built-in catalogue, overridden row by row by the workbook's own `KPIRegister` table; this module
 * holds none of that, so the custom functions look a KPI up without loading the catalogue until one is named.
 */
import type { BenchmarkCell } from "../rating/benchmark-names";
import type { BenchmarkKind } from "../definition/definition";
import type { CellValue } from "../values/cell";
import type { Definition, DefinitionWording } from "../definition/definition";
import { kpiIdKey } from "./kpi-id";

/** Optional columns of the workbook's register: benchmarks that rows rated from the register are compared with. */
export const registerBenchmarkColumns: ReadonlyArray<{ column: string; kind: BenchmarkKind }> = [
  { column: "England", kind: "England" },
  { column: "Statistical neighbours", kind: "Statistical neighbours" },
  { column: "Region", kind: "Region" },
];
export const registerBenchmarkYearColumn = "Benchmark year";

export const registerTableName = "KPIRegister";
export const registerSheetName = "KPI Register";
export const registerColumns = [
  "ID",
  "Measure",
  "Section",
  "Polarity",
  "Unit",
  "Target",
  "Tolerance",
  "Covid19 Tolerance",
  "Notes",
] as const;

export interface RegisterEntry {
  id: string;
  measure: string;
  section: string;
  source: "workbook" | "catalogue";
  wording: DefinitionWording;
  definition: Definition;
  /** The register's England, Statistical neighbours and Region figures for this KPI, where it has them. */
  benchmarks?: BenchmarkCell[];
}

export interface Register {
  readonly entries: ReadonlyMap<string, RegisterEntry>;
  /** Rows of the workbook's table that were ignored, in words: "Row 4 (KPI-7): the target …". */
  readonly problems: readonly string[];
  /** Whether the workbook's table gave any entry: a row reference (Ref, No.) can only name one of those. */
  readonly hasWorkbookEntries: boolean;
}

/** What a workbook's register table holds: its header row, then its body rows, with number formats. */
export interface RegisterTable {
  values: CellValue[][];
  numberFormats?: string[][];
}

/** The optional register column of a KPI's stretch target, which KPI.RATE rates by under the Blue scheme. */
export const registerStretchColumn = "Stretch";

export function lookUp(register: Register, id: string): RegisterEntry | undefined {
  return register.entries.get(kpiIdKey(id));
}
