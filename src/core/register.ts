/**
 * The KPI register: the built-in catalogue, overridden row by row by the workbook's own `KPIRegister`
 * table. The workbook's table wins; a malformed row in it is reported and ignored, and the catalogue
 * still answers for that id.
 */
import { readKpiDefinition } from "./benchmark-target";
import type { BenchmarkCell, BenchmarkKind } from "./benchmarks";
import type { CellValue } from "./cell";
import { catalogue, kpiIdKey, kpiIdOfNumber, wordingOfEntry, type CatalogueEntry } from "./catalogue";
import { readDefinition, unreadableDefinition, type Definition, type DefinitionWording } from "./definition";
import { describeDefinition } from "./describe";
import { unitFromMeasure } from "./units";
import { readValue } from "./wording";
import type { Words } from "./words";

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

/** Builds the register from the catalogue and, when the workbook has one, its KPIRegister table, read with the words the workbook teaches. */
export function buildRegister(table?: RegisterTable, words?: Words): Register {
  if (!table || table.values.length === 0) return builtInRegister;
  const header = table.values[0].map((cell) => (typeof cell === "string" ? cell.trim().toLowerCase() : ""));
  const column = (name: string): number => header.indexOf(name.toLowerCase());
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

/** How a row names a register entry: a KPI number (18 is KPI-18), or a row reference as written. */
export type RowIdKind = "kpi number" | "reference";

export interface RowForRegister {
  idCell: CellValue;
  idKind: RowIdKind;
  /** Whether the row has a polarity, target or tolerance of its own. */
  hasThresholds: boolean;
  measure: string;
  cells: ReadonlyArray<{ value: CellValue; numberFormat: string }>;
  register: Register;
  /** The row's own definition, read only when it is needed. */
  own: () => Definition;
}

export interface ChosenDefinition {
  definition: Definition;
  source: "sheet" | "workbook" | "catalogue";
  id?: string;
  problems: string[];
  /** The register entry's benchmarks, for a row rated from it. */
  benchmarks?: BenchmarkCell[];
}

/**
 * Which thresholds rate a row. Its own, when it has any: a register entry for its id that differs is only
 * listed as a problem. The register's, when it has none and its id is in the register: a KPI number looks
 * in the workbook's table and the catalogue, a row reference (Ref, No.) only in the workbook's table, since
 * a row numbered 18 is not KPI-18. A register entry whose unit cannot fit the row's figures is Check
 * definition, never a colour.
 */
export function chooseDefinition(row: RowForRegister): ChosenDefinition {
  const { idCell, idKind, register } = row;
  let id: string | undefined;
  let entry: RegisterEntry | undefined;
  if (idCell !== null) {
    if (idKind === "kpi number") {
      id = kpiIdOfNumber(idCell) ?? undefined;
      entry = id ? lookUp(register, id) : undefined;
    } else {
      const written = referenceId(idCell);
      const found = written ? lookUp(register, written) : undefined;
      if (found?.source === "workbook") {
        entry = found;
        id = found.id;
      }
    }
  }
  if (row.hasThresholds) {
    const definition = row.own();
    const differs = entry !== undefined && thresholdsDiffer(definition, entry.definition);
    const problems = differs && entry ? [`the register's ${entry.id} says ${thresholdWords(entry.definition)}, not ${thresholdWords(definition)} as this row does: the row's own are used`] : [];
    return { definition, source: "sheet", id, problems };
  }
  if (entry) {
    const clash = unitClash(entry, row.measure, row.cells);
    if (clash) return { definition: unreadableDefinition(entry.definition.wording, clash), source: entry.source, id, problems: [] };
    return { definition: entry.definition, source: entry.source, id, problems: [], ...(entry.benchmarks ? { benchmarks: entry.benchmarks } : {}) };
  }
  if (idKind === "kpi number" && idCell !== null) {
    const written = typeof idCell === "string" ? idCell.trim() : String(idCell);
    const problem = id ? `${id} is in neither the workbook's KPIRegister table nor the built-in catalogue` : `the KPI number ${written} cannot be read`;
    return { definition: unreadableDefinition({ measure: row.measure, polarity: null, target: null, tolerance: null }, problem), source: "sheet", id, problems: [] };
  }
  // A context row with a reference of its own: nothing to rate it by.
  return { definition: row.own(), source: "sheet", problems: [] };
}

/** A row reference that can name a register entry: "CIN-3", "KPI 18"; a bare row number never can. */
function referenceId(cell: CellValue): string | null {
  if (typeof cell !== "string") return null;
  const text = cell.trim();
  return /^[A-Za-z][\w\s-]*\d\w*$/.test(text) ? text : null;
}

/** The polarity, target and standard tolerance in words: "Smaller is better; target 9%; tolerance 15%". */
function thresholdWords(definition: Definition): string {
  return describeDefinition(definition).split("; ").slice(0, 3).join("; ");
}

function thresholdsDiffer(own: Definition, entry: Definition): boolean {
  const a = own.standing;
  const b = entry.standing;
  if (b.kind !== "rated" && b.kind !== "suspended") return false;
  if (a.kind === "check") return false;
  if (a.kind !== b.kind) return true;
  if (a.kind !== "rated" || b.kind !== "rated") return false;
  const same = (x: number, y: number): boolean => Math.abs(x - y) < 1e-9;
  if (a.polarity.kind !== b.polarity.kind || !same(a.target, b.target) || a.targetInclusive !== b.targetInclusive) return true;
  if (a.polarity.kind === "range" && b.polarity.kind === "range" && !same(a.polarity.high, b.polarity.high)) return true;
  const mine = a.tolerances.standard;
  const theirs = b.tolerances.standard;
  if (mine.kind !== theirs.kind) return true;
  if (mine.kind === "figure" && theirs.kind === "figure") return !same(mine.value, theirs.value);
  if (mine.kind === "range" && theirs.kind === "range") return !same(mine.low, theirs.low) || !same(mine.high, theirs.high);
  return false;
}

/** Why a rated register entry cannot be this row's (612 children against a 9% target), or null. */
function unitClash(entry: RegisterEntry, measure: string, cells: ReadonlyArray<{ value: CellValue; numberFormat: string }>): string | null {
  const { definition } = entry;
  if (definition.standing.kind !== "rated") return null;
  const named = `the register's ${entry.id} (${thresholdWords(definition)})`;
  const measureUnit = unitFromMeasure(measure);
  if (measureUnit !== null && measureUnit !== definition.unit) {
    return `${named} is in ${definition.unit === "percent" ? "%" : definition.unit} but this row's measure is in ${measureUnit === "percent" ? "%" : measureUnit}: check the row's KPI number`;
  }
  for (const cell of cells) {
    const read = readValue(cell.value, cell.numberFormat);
    if (read.kind !== "figure") continue;
    if (definition.unit === "percent" && !read.percent && Math.abs(read.value) > 100) {
      return `${named} is a percentage but this row's figure ${read.value} cannot be one: check the row's KPI number`;
    }
    if (definition.unit !== "percent" && read.percent) {
      return `${named} is not a percentage but this row's figures are: check the row's KPI number`;
    }
  }
  return null;
}
