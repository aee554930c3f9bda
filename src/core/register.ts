/**
 * The KPI register: the built-in catalogue, overridden row by row by the workbook's own `KPIRegister`
 * table. The workbook's table wins; a malformed row in it is reported and ignored, and the catalogue
 * still answers for that id.
 */
import { readKpiDefinition } from "./benchmark-target";
import type { BenchmarkCell, BenchmarkKind } from "./benchmarks";
import type { CellValue } from "./cell";
import { catalogue, kpiIdKey, wordingOfEntry, type CatalogueEntry } from "./catalogue";
import { readDefinition, type Definition, type DefinitionWording } from "./definition";
import type { Words } from "./words";

// Which definition rates a sheet's row is detection's (tables.ts imports it from here); it lives in
// row-definition.ts so the functions' script, which only looks KPIs up, need not hold it.
export { chooseDefinition, type ChosenDefinition, type RowForRegister, type RowIdKind } from "./row-definition";

/** Optional columns of the workbook's register: benchmarks that rows rated from the register are compared with. */
export const registerBenchmarkColumns: ReadonlyArray<{ column: string; kind: BenchmarkKind }> = [
  { column: "England", kind: "England" },
  { column: "Statistical neighbours", kind: "Statistical neighbours" },
  { column: "Region", kind: "Region" },
];
export const registerBenchmarkYearColumn = "Benchmark year";

export const registerTableName = "KPIRegister";
export const registerSheetName = "KPI Register";
export const registerColumns = ["ID", "Measure", "Section", "Polarity", "Unit", "Target", "Tolerance", "Covid19 Tolerance", "Notes"] as const;

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
  entries: ReadonlyMap<string, RegisterEntry>;
  /** Rows of the workbook's table that were ignored, in words: "Row 4 (KPI-7): the target …". */
  problems: string[];
}

/** What a workbook's register table holds: its header row, then its body rows, with number formats. */
export interface RegisterTable {
  values: CellValue[][];
  numberFormats?: string[][];
}

function entryOfCatalogue(entry: CatalogueEntry): RegisterEntry {
  const wording = wordingOfEntry(entry);
  return { id: entry.id, measure: entry.measure, section: entry.section, source: "catalogue", wording, definition: readDefinition(wording) };
}

const catalogueRegister: ReadonlyMap<string, RegisterEntry> = new Map(catalogue.map((entry) => [kpiIdKey(entry.id), entryOfCatalogue(entry)]));

/** The register with no workbook table: the catalogue alone. */
export const builtInRegister: Register = { entries: catalogueRegister, problems: [] };

/** Where each register column stands in a header row, however it is cased or spaced; -1 where it is not. */
export function registerColumnIndex(header: readonly CellValue[]): (name: string) => number {
  const headings = header.map((cell) => (typeof cell === "string" ? cell.trim().toLowerCase() : ""));
  return (name) => headings.indexOf(name.toLowerCase());
}

/** Builds the register from the catalogue and, when the workbook has one, its KPIRegister table, read with the words the workbook teaches. */
export function buildRegister(table?: RegisterTable, words?: Words): Register {
  if (!table || table.values.length === 0) return builtInRegister;
  const column = registerColumnIndex(table.values[0]);
  const missing = registerColumns.filter((name) => name !== "Notes" && column(name) < 0);
  if (missing.length > 0) {
    return { entries: catalogueRegister, problems: [`The ${registerTableName} table has no ${missing.join(", ")} column: it was ignored and the built-in catalogue is used`] };
  }
  const entries = new Map(catalogueRegister);
  const problems: string[] = [];
  const seen = new Set<string>();
  table.values.slice(1).forEach((row, index) => {
    const formats = table.numberFormats?.[index + 1];
    const cell = (name: string): CellValue => (row[column(name)] === "" ? null : row[column(name)] ?? null);
    const format = (name: string): string | undefined => formats?.[column(name)];
    const rowLabel = `Row ${index + 2} of ${registerTableName}`;
    const idCell = cell("ID");
    if (idCell === null) {
      if (row.some((value) => value !== null && value !== "")) problems.push(`${rowLabel} has no ID: ignored`);
      return;
    }
    const id = String(idCell).trim();
    if (!/^[A-Za-z][\w-]*\d[\w]*$/.test(id)) {
      problems.push(`${rowLabel}: "${id}" is not a KPI id such as KPI-18: ignored`);
      return;
    }
    const key = kpiIdKey(id);
    if (seen.has(key)) {
      problems.push(`${rowLabel}: ${id} is listed twice: the first row is used`);
      return;
    }
    seen.add(key);
    const wording: DefinitionWording = {
      measure: String(cell("Measure") ?? ""),
      polarity: cell("Polarity"),
      target: cell("Target"),
      tolerance: cell("Tolerance"),
      otherTolerances: { Covid19: cell("Covid19 Tolerance") },
      unit: cell("Unit"),
      formats: { target: format("Target"), tolerance: format("Tolerance"), otherTolerances: { Covid19: format("Covid19 Tolerance") ?? "General" } },
    };
    const definition = readKpiDefinition(wording, words);
    if (definition.standing.kind === "check") {
      const fallback = catalogueRegister.has(key) ? "the built-in catalogue answers for it" : "it is not rated";
      problems.push(`${rowLabel} (${id}): ${definition.standing.problems.join("; ")}: ignored, ${fallback}`);
      return;
    }
    const known = catalogueRegister.get(key);
    entries.set(key, {
      id: known?.id ?? id,
      measure: wording.measure || known?.measure || id,
      section: String(cell("Section") ?? known?.section ?? ""),
      source: "workbook",
      wording,
      definition,
      benchmarks: benchmarksOfRegisterRow(cell, format),
    });
  });
  return { entries, problems };
}

function benchmarksOfRegisterRow(cell: (name: string) => CellValue, format: (name: string) => string | undefined): BenchmarkCell[] {
  const yearCell = cell(registerBenchmarkYearColumn);
  const year = yearCell === null || String(yearCell).trim() === "" ? "latest" : String(yearCell).trim();
  return registerBenchmarkColumns.flatMap(({ column, kind }) => {
    const value = cell(column);
    return value === null ? [] : [{ benchmark: column, kind, year, value, numberFormat: format(column) ?? "General" }];
  });
}

export function lookUp(register: Register, id: string): RegisterEntry | undefined {
  return register.entries.get(kpiIdKey(id));
}

/** The catalogue's rows as the KPIRegister table writes them, for inserting or topping up the table. */
export function catalogueRows(): CellValue[][] {
  return catalogue.map((entry) => [entry.id, entry.measure, entry.section, entry.polarity, entry.unit, entry.target, entry.tolerance, entry.covid19Tolerance, entry.notes]);
}
