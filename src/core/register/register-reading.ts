/**
 * Building the KPI register: the built-in catalogue, overridden row by row by the workbook's own
 * `KPIRegister` table. The workbook's table wins; a malformed row in it is reported and ignored, and the
 * catalogue still answers for that id. The custom functions load this (and the catalogue) only when a
 * formula names a KPI; the pane holds it from the start.
 */
import type { BenchmarkCell } from "../rating/benchmark-names";
import type { CellValue } from "../values/cell";
import { catalogue, wordingOfEntry, type CatalogueEntry } from "./catalogue";
import type { DefinitionWording } from "../definition/definition";
import { readDefinition } from "../definition/read-definition";
import { kpiIdKey } from "./kpi-id";
import {
  registerBenchmarkColumns,
  registerBenchmarkYearColumn,
  registerColumns,
  registerStretchColumn,
  registerTableName,
  type Register,
  type RegisterEntry,
  type RegisterTable,
} from "./register";
import type { Words } from "../definition/words";

function entryOfCatalogue(entry: CatalogueEntry): RegisterEntry {
  const wording = wordingOfEntry(entry);
  return {
    id: entry.id,
    measure: entry.measure,
    section: entry.section,
    source: "catalogue",
    wording,
    definition: readDefinition(wording),
  };
}

const catalogueRegister: ReadonlyMap<string, RegisterEntry> = new Map(
  catalogue.map((entry) => [kpiIdKey(entry.id), entryOfCatalogue(entry)])
);

/** The register with no workbook table: the catalogue alone. */
export const builtInRegister: Register = {
  entries: catalogueRegister,
  problems: [],
  hasWorkbookEntries: false,
};

/** Where each register column stands in a header row, however it is cased or spaced; -1 where it is not. */
export function registerColumnIndex(header: readonly CellValue[]): (name: string) => number {
  const headings = header.map((cell) =>
    typeof cell === "string" ? cell.trim().toLowerCase() : ""
  );
  return (name) => headings.indexOf(name.toLowerCase());
}

/** Builds the register from the catalogue and, when the workbook has one, its KPIRegister table, read with the words the workbook teaches. */
export function buildRegister(table?: RegisterTable, words?: Words): Register {
  if (!table || table.values.length === 0) return builtInRegister;
  const column = registerColumnIndex(table.values[0]);
  const missing = registerColumns.filter((name) => name !== "Notes" && column(name) < 0);
  if (missing.length > 0) {
    return {
      entries: catalogueRegister,
      problems: [
        `The ${registerTableName} table has no ${missing.join(", ")} column: it was ignored and the built-in catalogue is used`,
      ],
      hasWorkbookEntries: false,
    };
  }
  const entries = new Map(catalogueRegister);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (let index = 1; index < table.values.length; index++) {
    const read = readRegisterRow(rowOfTable(table, index, column), seen, words, builtInRegister);
    if (read.problem) problems.push(read.problem);
    if (read.entry) entries.set(read.entry.key, read.entry.entry);
  }
  const hasWorkbookEntries = [...entries.values()].some((entry) => entry.source === "workbook");
  return { entries, problems, hasWorkbookEntries };
}

/** One body row of the workbook's register table, its cells found by column name. */
interface RegisterRow {
  /** "Row 4 of KPIRegister", as problems name it. */
  label: string;
  cell: (name: string) => CellValue;
  format: (name: string) => string | undefined;
  /** Whether every cell of the row is empty. */
  blank: boolean;
}

function rowOfTable(
  table: RegisterTable,
  index: number,
  column: (name: string) => number
): RegisterRow {
  const row = table.values[index];
  const formats = table.numberFormats?.[index];
  return {
    label: `Row ${index + 1} of ${registerTableName}`,
    cell: (name) => (row[column(name)] === "" ? null : (row[column(name)] ?? null)),
    format: (name) => formats?.[column(name)],
    blank: row.every((value) => value === null || value === ""),
  };
}

/** What a register row gives: an entry to set (by its id's key), a problem to list, or both absent for a blank row. */
interface RegisterRowRead {
  entry?: { key: string; entry: RegisterEntry };
  problem?: string;
}

/** A row's entry, or why it is ignored. The first row of an id is the one used, whether or not it reads. */
function readRegisterRow(
  row: RegisterRow,
  seen: Set<string>,
  words: Words | undefined,
  base: Register
): RegisterRowRead {
  const idCell = row.cell("ID");
  if (idCell === null) return row.blank ? {} : { problem: `${row.label} has no ID: ignored` };
  const id = String(idCell).trim();
  if (!/^[A-Za-z][\w-]*\d[\w]*$/.test(id))
    return { problem: `${row.label}: "${id}" is not a KPI id such as KPI-18: ignored` };
  const key = kpiIdKey(id);
  if (seen.has(key))
    return { problem: `${row.label}: ${id} is listed twice: the first row is used` };
  seen.add(key);
  const wording = wordingOfRow(row);
  const definition = readDefinition(wording, words);
  if (definition.standing.kind === "check") {
    const fallback = base.entries.has(key)
      ? "the built-in catalogue answers for it"
      : "it is not rated";
    return {
      problem: `${row.label} (${id}): ${definition.standing.problems.join("; ")}: ignored, ${fallback}`,
    };
  }
  const known = base.entries.get(key);
  const entry: RegisterEntry = {
    id: known?.id ?? id,
    measure: wording.measure || known?.measure || id,
    section: String(row.cell("Section") ?? known?.section ?? ""),
    source: "workbook",
    wording,
    definition,
    benchmarks: benchmarksOfRegisterRow(row.cell, row.format),
  };
  return { entry: { key, entry } };
}

/** A register row's words for `readDefinition`, with the number formats of its threshold cells. */
function wordingOfRow({ cell, format }: RegisterRow): DefinitionWording {
  const stretch = cell(registerStretchColumn);
  return {
    ...(stretch === null ? {} : { stretch }),
    measure: String(cell("Measure") ?? ""),
    polarity: cell("Polarity"),
    target: cell("Target"),
    tolerance: cell("Tolerance"),
    otherTolerances: { Covid19: cell("Covid19 Tolerance") },
    unit: cell("Unit"),
    formats: {
      target: format("Target"),
      tolerance: format("Tolerance"),
      otherTolerances: { Covid19: format("Covid19 Tolerance") ?? "General" },
      ...(stretch === null ? {} : { stretch: format(registerStretchColumn) }),
    },
  };
}

function benchmarksOfRegisterRow(
  cell: (name: string) => CellValue,
  format: (name: string) => string | undefined
): BenchmarkCell[] {
  const yearCell = cell(registerBenchmarkYearColumn);
  const year =
    yearCell === null || String(yearCell).trim() === "" ? "latest" : String(yearCell).trim();
  return registerBenchmarkColumns.flatMap(({ column, kind }) => {
    const value = cell(column);
    return value === null
      ? []
      : [{ benchmark: column, kind, year, value, numberFormat: format(column) ?? "General" }];
  });
}

/** The catalogue's rows as the KPIRegister table writes them, for inserting or topping up the table. */
export function catalogueRows(): CellValue[][] {
  return catalogue.map((entry) => [
    entry.id,
    entry.measure,
    entry.section,
    entry.polarity,
    entry.unit,
    entry.target,
    entry.tolerance,
    entry.covid19Tolerance,
    entry.notes,
  ]);
}
