/**
 * Which thresholds rate a sheet's row: its own, or its register entry's (register.ts), with the problems
 * of a row whose own differ from the register's or whose figures cannot be that entry's.
 */
import type { BenchmarkCell } from "../rating/benchmark-names";
import type { CellValue } from "../values/cell";
import { kpiIdOfNumber } from "./kpi-id";
import type { Definition } from "../definition/definition";
import { unreadableDefinition } from "../definition/read-definition";
import { describeDefinition } from "../rating/describe";
import { lookUp, type Register, type RegisterEntry } from "./register";
import { unitFromMeasure } from "../definition/units";
import { readValue } from "../definition/written-figures";

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
  problems: readonly string[];
  /** The register entry's benchmarks, for a row rated from it. */
  benchmarks?: BenchmarkCell[];
}

/**
 * Whether a row's id may name a register entry: a KPI number may; a row reference only where the workbook
 * has a register table (asked for every row of a sheet with a Ref column). A row whose id may not is rated
 * by its own thresholds, as a row with no id is.
 */
export function mayNameEntry(idCell: CellValue, idKind: RowIdKind, register: Register): boolean {
  return idCell !== null && (idKind === "kpi number" || register.hasWorkbookEntries);
}

/** The problems of most rows, one list they share. */
export const noProblems: readonly string[] = [];

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
  if (mayNameEntry(idCell, idKind, register)) {
    if (idKind === "kpi number") {
      // A KPI number ("KPI 18", "18"), or an id such as "CSC-07" that the registers may name.
      id = kpiIdOfNumber(idCell) ?? referenceId(idCell) ?? undefined;
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
    const problems =
      differs && entry
        ? [
            `the register's ${entry.id} says ${thresholdWords(entry.definition)}, not ${thresholdWords(definition)} as this row does: the row's own are used`,
          ]
        : noProblems;
    return { definition, source: "sheet", id, problems };
  }
  if (entry) {
    const clash = unitClash(entry, row.measure, row.cells);
    if (clash)
      return {
        definition: unreadableDefinition(entry.definition.wording, clash),
        source: entry.source,
        id,
        problems: [],
      };
    return {
      definition: entry.definition,
      source: entry.source,
      id,
      problems: [],
      ...(entry.benchmarks ? { benchmarks: entry.benchmarks } : {}),
    };
  }
  if (idKind === "kpi number" && idCell !== null) {
    const written = typeof idCell === "string" ? idCell.trim() : String(idCell);
    const problem = id
      ? `${id} is in neither the workbook's KPIRegister table nor the built-in catalogue`
      : `the KPI number ${written} cannot be read`;
    return {
      definition: unreadableDefinition(
        { measure: row.measure, polarity: null, target: null, tolerance: null },
        problem
      ),
      source: "sheet",
      id,
      problems: [],
    };
  }
  // A context row with a reference of its own: nothing to rate it by.
  return { definition: row.own(), source: "sheet", problems: noProblems };
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
  if (
    a.polarity.kind !== b.polarity.kind ||
    !same(a.target, b.target) ||
    a.targetInclusive !== b.targetInclusive
  )
    return true;
  if (
    a.polarity.kind === "range" &&
    b.polarity.kind === "range" &&
    !same(a.polarity.high, b.polarity.high)
  )
    return true;
  const mine = a.tolerances.standard;
  const theirs = b.tolerances.standard;
  if (mine.kind !== theirs.kind) return true;
  if (mine.kind === "figure" && theirs.kind === "figure") return !same(mine.value, theirs.value);
  if (mine.kind === "range" && theirs.kind === "range")
    return !same(mine.low, theirs.low) || !same(mine.high, theirs.high);
  return false;
}

/** Why a rated register entry cannot be this row's (612 children against a 9% target), or null. */
function unitClash(
  entry: RegisterEntry,
  measure: string,
  cells: ReadonlyArray<{ value: CellValue; numberFormat: string }>
): string | null {
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
