/**
 * Finding the KPI tables on a sheet, on a plain grid: header blocks (repeated down the sheet, one or two
 * rows, merged labels), then every row under them read into a definition with its period cells. Works the
 * same on a grid from Office.js or from ExcelJS.
 */
import { readKpiDefinition } from "./benchmark-target";
import type { BenchmarkCell } from "./benchmarks";
import { isExcelError, type CellValue } from "./cell";
import { kpiIdOfNumber } from "./catalogue";
import { definitionProblems, toleranceSetKey, unreadableDefinition, withScale, type Definition, type DefinitionWording } from "./definition";
import { cellAddress, columnLetters, type Grid } from "./grid";
import { headerText, isHeaderContinuation, roleOfLabel, type ColumnRole } from "./headers";
import { builtInRegister, lookUp, type Register } from "./register";
import { unitFromMeasure, type PercentScale } from "./units";
import { readValue } from "./wording";

export interface Period {
  label: string;
  /** Sheet column, 0-based. */
  column: number;
}

export interface PeriodCell {
  period: string;
  row: number;
  column: number;
  address: string;
  value: CellValue;
  numberFormat: string;
}

export interface KpiRow {
  /** Sheet row, 0-based. */
  row: number;
  id?: string;
  measure: string;
  section: string;
  /** Where the thresholds came from: the row itself, the workbook's register table, or the catalogue. */
  source: "sheet" | "workbook" | "catalogue";
  definition: Definition;
  problems: string[];
  cells: PeriodCell[];
  /** England, region and statistical-neighbour figures beside the periods, or from the register entry. */
  benchmarks?: BenchmarkCell[];
}

export interface KpiTable {
  sheet: string;
  /** Sheet rows (0-based) of the header block. */
  headerRows: number[];
  /** A1 address of the table, header to last row. */
  address: string;
  toleranceSets: string[];
  periods: Period[];
  rows: KpiRow[];
}

export interface FoundTables {
  sheet: string;
  tables: KpiTable[];
}

interface Layout {
  headerRows: number[]; // grid offsets
  measure: number;
  section?: number;
  polarity?: number;
  target?: number;
  kpi?: number;
  unit?: number;
  tolerances: Array<{ set: string; column: number }>;
  periods: Array<{ label: string; column: number }>;
}

/**
 * The tolerance sets an analyst can choose on a sheet, Standard first: the sheet's tolerance columns, and
 * the sets of register entries its KPI-number rows are rated from. Sets are one set however spelled.
 */
export function toleranceSetsOf(found: ReadonlyArray<FoundTables>): string[] {
  const sets = new Map<string, string>([["standard", "Standard"]]);
  for (const { tables } of found) {
    for (const table of tables) {
      for (const set of [...table.toleranceSets, ...table.rows.flatMap((row) => row.definition.toleranceSets)]) {
        if (!sets.has(toleranceSetKey(set))) sets.set(toleranceSetKey(set), set);
      }
    }
  }
  return [...sets.values()];
}

/** What the add-in looks for, said to an analyst when it finds nothing. */
export const lookingFor =
  "A header row with a Measure column, a Polarity and Target column (or a KPI number column), and one column per period such as 2019/20 or Apr-21.";

export function findTables(grid: Grid, register: Register = builtInRegister): FoundTables {
  const merges = mergesOf(grid);
  const spread = merges.value;
  const layouts: Layout[] = [];
  for (let row = 0; row < grid.values.length; row++) {
    const found = layoutsAt(grid, merges, row);
    if (found.length > 0) {
      layouts.push(...found);
      row = Math.max(...found.map((layout) => layout.headerRows[layout.headerRows.length - 1]));
    }
  }
  const tables = layouts.map((layout) => {
    // A table runs down to the next header block below it; tables side by side share their rows.
    const below = layouts.find((other) => other.headerRows[0] > layout.headerRows[0]);
    return readTable(grid, spread, layout, below ? below.headerRows[0] : grid.values.length, register);
  });
  return { sheet: grid.sheet, tables: tables.filter((table) => table.rows.length > 0) };
}

interface Merges {
  /** A cell read through its merge: every cell of a merged area shows the area's value. */
  value: (row: number, column: number) => CellValue;
  /** Whether a cell continues a merge from the row above (a header merged down over two rows). */
  continuesFromAbove: (row: number, column: number) => boolean;
}

/** Header labels and section labels are read through merged cells. */
function mergesOf(grid: Grid): Merges {
  const owner = new Map<number, { row: number; column: number }>();
  const width = Math.max(1, ...grid.values.map((row) => row.length));
  for (const area of grid.merges) {
    for (let row = area.top; row <= area.bottom; row++) {
      for (let column = area.left; column <= area.right; column++) owner.set(row * width + column, { row: area.top, column: area.left });
    }
  }
  return {
    value: (row, column) => {
      const top = owner.get(row * width + column) ?? { row, column };
      return grid.values[top.row]?.[top.column] ?? null;
    },
    continuesFromAbove: (row, column) => (owner.get(row * width + column)?.row ?? row) < row,
  };
}

/** Words that name the measure column, one of which a header row must have. */
const measureWords = /measure|indicator|description/i;

/**
 * The KPI tables whose header starts on this row: usually one, several where tables stand side by side
 * (each starts at its own Measure column, with the section or KPI number columns just before it).
 */
function layoutsAt(grid: Grid, merges: Merges, row: number): Layout[] {
  const cells = grid.values[row] ?? [];
  // Most rows are data: only a row with a measure label can open a table, so look no further otherwise.
  if (!cells.some((cell) => typeof cell === "string" && measureWords.test(cell))) return [];
  const label = (at: number, column: number): string => headerText(merges.value(at, column), grid.numberFormats[at]?.[column]);
  const roles = cells.map((_, column) => roleOfLabel(label(row, column)));
  const measures = roles.flatMap((role, column) => (role.kind === "measure" ? [column] : []));
  if (measures.length === 0 || !roles.some((role) => role.kind === "polarity" || role.kind === "target" || role.kind === "kpi")) return [];

  // The lower half of a two-row header; a cell merged down from the row above adds nothing to its label.
  const next = grid.values[row + 1] ?? [];
  const nextLabels = next.map((_, column) => (merges.continuesFromAbove(row + 1, column) ? "" : label(row + 1, column)));
  const twoRows =
    row + 1 < grid.values.length &&
    measures.every((measure) => (nextLabels[measure] ?? "") === "") &&
    nextLabels.some((text) => text !== "") &&
    nextLabels.every((text) => isHeaderContinuation(text));
  const width = Math.max(cells.length, twoRows ? next.length : 0);
  const starts = measures.map((measure, index) => {
    let start = index === 0 ? 0 : measure;
    while (index > 0 && start - 1 > measures[index - 1] && (roles[start - 1].kind === "section" || roles[start - 1].kind === "kpi")) start--;
    return start;
  });
  return measures.flatMap((measure, index) => {
    const layout: Layout = { headerRows: twoRows ? [row, row + 1] : [row], measure, tolerances: [], periods: [] };
    for (let column = starts[index]; column < (starts[index + 1] ?? width); column++) {
      const top = label(row, column);
      const below = twoRows ? nextLabels[column] ?? "" : "";
      const role: ColumnRole = roleOfLabel(below === "" || below === top ? top : /^(target|tolerance)$/i.test(below) ? below : `${top} ${below}`);
      assignRole(layout, role, column);
    }
    const rated = layout.polarity !== undefined || layout.target !== undefined || layout.kpi !== undefined;
    return rated && layout.periods.length > 0 ? [layout] : [];
  });
}

function assignRole(layout: Layout, role: ColumnRole, column: number): void {
  switch (role.kind) {
    case "measure":
      return;
    case "section":
    case "polarity":
    case "target":
    case "kpi":
    case "unit":
      if (layout[role.kind] === undefined) layout[role.kind] = column;
      return;
    case "tolerance":
      if (!layout.tolerances.some((tolerance) => tolerance.set.toLowerCase() === role.set.toLowerCase())) layout.tolerances.push({ set: role.set, column });
      return;
    case "period":
      layout.periods.push({ label: role.label, column });
      return;
    case "other":
      return;
  }
}

const subRowPattern = /^\(?([a-z])\)\s*/i;

function readTable(grid: Grid, spread: (row: number, column: number) => CellValue, layout: Layout, end: number, register: Register): KpiTable {
  const { origin } = grid;
  const value = (row: number, column: number | undefined): CellValue => {
    if (column === undefined) return null;
    const cell = grid.values[row]?.[column] ?? null;
    return typeof cell === "string" && cell.trim() === "" ? null : cell;
  };
  const format = (row: number, column: number | undefined): string => (column === undefined ? "General" : grid.numberFormats[row]?.[column] ?? "General");
  const text = (cell: CellValue): string => {
    if (cell === null || isExcelError(cell)) return "";
    const written = String(cell);
    return /\s\s|[\t\n\r]/.test(written) ? written.replace(/\s+/g, " ").trim() : written.trim();
  };
  const standard = layout.tolerances.find((tolerance) => tolerance.set === "Standard");
  const others = layout.tolerances.filter((tolerance) => tolerance !== standard);

  const periodLetters = layout.periods.map((period) => columnLetters(origin.column + period.column));
  const rows: KpiRow[] = [];
  const definitions = definitionMemo();
  let section = "";
  let subRowParent = "";
  const firstRow = layout.headerRows[layout.headerRows.length - 1] + 1;
  let lastRow = firstRow - 1;
  for (let row = firstRow; row < end; row++) {
    const sectionCell = text(layout.section === undefined ? null : spread(row, layout.section));
    if (sectionCell !== "") section = sectionCell;
    const measureText = text(value(row, layout.measure));
    const kpiCell = value(row, layout.kpi);
    const periodValues = layout.periods.map((period) => value(row, period.column));
    const hasFigures = periodValues.some((cell) => cell !== null);
    const hasThresholds = [layout.polarity, layout.target, standard?.column].some((column) => value(row, column) !== null);
    if (measureText === "" && kpiCell === null) continue;
    // Footnotes ("*Figures for Q2 are provisional", "Note: …", "Source: …") are never KPIs, whatever sits beside them.
    if (/^(?:\*|note\b|notes\b|source\b)/i.test(measureText)) continue;
    if (kpiCell === null && !hasThresholds && !hasFigures) {
      // A label row inside the table: a section heading such as "Looked After Children".
      section = measureText;
      continue;
    }

    let measure = measureText;
    const mayBeSubRow = measureText.includes(")");
    const subRow = mayBeSubRow ? subRowPattern.exec(measureText) : null;
    const opensSubRows = mayBeSubRow ? /\s\(?a\)\s/i.exec(measureText) : null;
    if (opensSubRows) subRowParent = measureText.slice(0, opensSubRows.index).trim();
    else if (subRow && subRowParent !== "") measure = `${subRowParent} ${measureText}`;
    else if (!subRow) subRowParent = "";

    const cells: PeriodCell[] = layout.periods.map((period, index) => ({
      period: period.label,
      row: origin.row + row,
      column: origin.column + period.column,
      address: `${periodLetters[index]}${origin.row + row + 1}`,
      value: periodValues[index],
      numberFormat: format(row, period.column),
    }));

    const fromRegister = kpiCell !== null && !hasThresholds;
    let registerBenchmarks: BenchmarkCell[] | undefined;
    let definition: Definition;
    let source: KpiRow["source"] = "sheet";
    let id: string | undefined;
    if (kpiCell !== null) id = kpiIdOfNumber(kpiCell) ?? undefined;
    if (fromRegister) {
      const entry = id ? lookUp(register, id) : undefined;
      if (entry) {
        definition = entry.definition;
        source = entry.source;
        registerBenchmarks = entry.benchmarks;
      } else {
        const problem = id ? `${id} is in neither the workbook's KPIRegister table nor the built-in catalogue` : `the KPI number ${text(kpiCell) || String(kpiCell)} cannot be read`;
        definition = unreadableDefinition({ measure, polarity: null, target: null, tolerance: null }, problem);
      }
    } else {
      definition = definitions.read(
        [value(row, layout.polarity), value(row, layout.target), value(row, standard?.column), value(row, layout.unit), ...others.map((tolerance) => value(row, tolerance.column))],
        [format(row, layout.target), format(row, standard?.column), ...others.map((tolerance) => format(row, tolerance.column))],
        measure,
        (): DefinitionWording => ({
          measure,
          polarity: value(row, layout.polarity),
          target: value(row, layout.target),
          tolerance: value(row, standard?.column),
          otherTolerances: Object.fromEntries(others.map((tolerance) => [tolerance.set, value(row, tolerance.column)])),
          unit: value(row, layout.unit),
          formats: {
            target: format(row, layout.target),
            tolerance: format(row, standard?.column),
            otherTolerances: Object.fromEntries(others.map((tolerance) => [tolerance.set, format(row, tolerance.column)])),
          },
        }),
      );
    }
    const scale = decideScale(definition, cells);
    definition = scale.ok ? definitions.scaled(definition, scale.value) : unreadableDefinition(definition.wording, scale.problem);
    rows.push({ row: origin.row + row, id, measure, section, source, definition, problems: definitionProblems(definition), cells, ...(registerBenchmarks && registerBenchmarks.length > 0 ? { benchmarks: registerBenchmarks } : {}) });
    lastRow = row;
  }
  const columns = [layout.measure, layout.section, layout.polarity, layout.target, layout.kpi, layout.unit, ...layout.tolerances.map((tolerance) => tolerance.column), ...layout.periods.map((period) => period.column)].filter(
    (column): column is number => column !== undefined,
  );
  const firstColumn = Math.min(...columns);
  const lastColumn = Math.max(...columns);
  return {
    sheet: grid.sheet,
    headerRows: layout.headerRows.map((row) => origin.row + row),
    address: `${cellAddress({ row: origin.row + layout.headerRows[0], column: origin.column + firstColumn })}:${cellAddress({ row: origin.row + lastRow, column: origin.column + lastColumn })}`,
    toleranceSets: ["Standard", ...others.map((tolerance) => tolerance.set)],
    periods: layout.periods.map((period) => ({ label: period.label, column: origin.column + period.column })),
    rows,
  };
}

/**
 * How a row keeps its percentages, from its values and formats: % formats or % text mean fractions;
 * otherwise whole numbers where the target is written whole or any value is above 1. A row that mixes
 * both cannot be rated without guessing.
 */
export function decideScale(definition: Definition, cells: ReadonlyArray<{ value: CellValue; numberFormat: string }>): { ok: true; value: PercentScale | undefined } | { ok: false; problem: string } {
  if (definition.unit !== "percent") return { ok: true, value: undefined };
  let percentCue = false;
  let wholeNumber = false;
  let fraction = false;
  for (const cell of cells) {
    const read = readValue(cell.value, cell.numberFormat);
    if (read.kind !== "figure") continue;
    if (read.percent) percentCue = true;
    else if (Math.abs(read.value) > 1) wholeNumber = true;
    else if (!Number.isInteger(read.value)) fraction = true;
  }
  if (percentCue && wholeNumber) return { ok: false, problem: "the period figures mix percentages (91%) with whole numbers (91): make them one kind" };
  if (!percentCue && wholeNumber && fraction) {
    return { ok: false, problem: "the period figures mix fractions (0.82) with figures above 1 (1.05 or 91): format them as % so the add-in need not guess which is which" };
  }
  if (percentCue) return { ok: true, value: "fraction" };
  if (wholeNumber || definition.scale === "whole") return { ok: true, value: "whole" };
  return { ok: true, value: definition.scale ?? "fraction" };
}

/**
 * Rows with the same wording share one definition object: appendices repeat thresholds ("Bigger is
 * better, 95%, 80%") down the sheet, and a shared definition lets its bands and rules be worked out once.
 * The measure only matters to a definition through the unit its words imply, so that is what the key holds.
 */
function definitionMemo(): {
  read: (cells: CellValue[], formats: string[], measure: string, wording: () => DefinitionWording) => Definition;
  scaled: (definition: Definition, scale: PercentScale | undefined) => Definition;
} {
  const read = new Map<string, Definition>();
  const scaled = new WeakMap<Definition, Map<string, Definition>>();
  const keyOf = (cell: CellValue): string => (cell === null ? "" : typeof cell === "object" ? `#${cell.error}` : `${typeof cell}:${cell}`);
  return {
    read: (cells, formats, measure, wording) => {
      const key = `${cells.map(keyOf).join("\u0001")}\u0002${formats.join("\u0001")}\u0002${unitFromMeasure(measure) ?? ""}`;
      let definition = read.get(key);
      if (!definition) {
        definition = readKpiDefinition(wording());
        read.set(key, definition);
      }
      return definition;
    },
    scaled: (definition, scale) => {
      let byScale = scaled.get(definition);
      if (!byScale) {
        byScale = new Map();
        scaled.set(definition, byScale);
      }
      const key = scale ?? "";
      let result = byScale.get(key);
      if (!result) {
        result = withScale(definition, scale);
        byScale.set(key, result);
      }
      return result;
    },
  };
}
