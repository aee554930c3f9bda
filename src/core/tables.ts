/**
 * Finding the KPI tables on a sheet, on a plain grid: header blocks (repeated down the sheet, one or two
 * rows, merged labels), then every row under them read into a definition with its period cells. Works the
 * same on a grid from Office.js or from ExcelJS.
 */
import { readKpiDefinition } from "./benchmark-target";
import { benchmarkKindOf, type BenchmarkCell } from "./benchmarks";
import { isExcelError, type CellValue } from "./cell";
import { describeColumns, type TableColumn } from "./column-map";
import { definitionProblems, unreadableDefinition, withScale, type Definition, type DefinitionWording } from "./definition";
import { standardFirst, standardSet, type ToleranceSet } from "./tolerance-set";
import { cellAddress, columnLetters, type Grid } from "./grid";
import { taughtHeadersOf } from "./headers";
import { layoutsAt, mergesOf, type Layout, type Merges } from "./layout";
import { builtInRegister, chooseDefinition, type ChosenDefinition, type Register } from "./register";
import { whySkipped } from "./skipped";
import { unitFromMeasure, type PercentScale } from "./units";
import { decideScale } from "./scale";
import type { Words } from "./words";

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
  /** The register id the row was matched to (from a KPI number, or a row reference the workbook's register knows). */
  id?: string;
  /** The row's own reference as written in a Ref, No., ID or Code column. */
  reference?: string;
  measure: string;
  section: string;
  /** Where the thresholds came from: the row itself, the workbook's register table, or the catalogue. */
  source: "sheet" | "workbook" | "catalogue";
  definition: Definition;
  problems: string[];
  cells: PeriodCell[];
  /** England, region and statistical-neighbour figures beside the periods, or from the register entry. */
  benchmarks?: BenchmarkCell[];
  /** Quartile and rank columns, as text to show: { label: "England quartile 2021/22", text: "Top quartile" }. */
  rankings?: Ranking[];
}

/** A standing against a benchmark as the sheet writes it: a quartile ("A", "Top quartile") or a rank ("12th of 152"). */
export interface Ranking {
  label: string;
  text: string;
}

export interface KpiTable {
  sheet: string;
  /** Sheet rows (0-based) of the header block. */
  headerRows: number[];
  /** A1 address of the table, header to last row. */
  address: string;
  toleranceSets: string[];
  periods: Period[];
  /** Every headed column of the table with the role it was read in. */
  columns: TableColumn[];
  /** The column map in one line: "B measure, C polarity (H/L), N target, F–K periods; L DoT, M RAG left alone". */
  columnMap: string;
  rows: KpiRow[];
}

export interface FoundTables {
  sheet: string;
  tables: KpiTable[];
  /** Why the sheet has no KPI table, in words, naming the nearest miss; undefined when it has one. */
  skipped?: string;
}

/**
 * The tolerance sets an analyst can choose on a sheet, Standard first: the sheet's tolerance columns, and
 * the sets of register entries its KPI-number rows are rated from. Sets are one set however spelled.
 */
export function toleranceSetsOf(found: ReadonlyArray<FoundTables>): ToleranceSet[] {
  return standardFirst(found.flatMap(({ tables }) => tables.flatMap((table) => [...table.toleranceSets, ...table.rows.flatMap((row) => row.definition.toleranceSets)])));
}

/** What the add-in looks for, said to an analyst when it finds nothing. */
export const lookingFor =
  "A header row with a Measure column, a Polarity and Target column (or a KPI number column), and one column per period such as 2019/20 or Apr-21.";

export interface FindOptions {
  /** The words the workbook teaches (its KPIWords table): its headers and its rows' polarity, threshold and no-data words are read with them. */
  words?: Words;
}

/** Finds the KPI tables on a sheet, reading its headers and rows with the words the workbook teaches (its KPIWords table). */
export function findTables(grid: Grid, register: Register = builtInRegister, options: FindOptions = {}): FoundTables {
  const { words } = options;
  const taught = taughtHeadersOf(words);
  const merges = mergesOf(grid);
  const layouts: Layout[] = [];
  let above = 0;
  for (let row = 0; row < grid.values.length; row++) {
    const found = layoutsAt(grid, merges, row, above, taught);
    if (found.length > 0) {
      for (const layout of found) layouts.push(layout);
      const last = found[0].headerRows[found[0].headerRows.length - 1];
      row = last;
      above = last + 1;
    }
  }
  const tables: KpiTable[] = [];
  layouts.forEach((layout, index) => {
    // A table runs down to the next header block below it; tables side by side share their rows.
    const below = layouts.slice(index + 1).find((other) => other.headerRows[0] > layout.headerRows[layout.headerRows.length - 1]);
    const table = readTable(grid, merges, layout, below ? below.headerRows[0] : grid.values.length, register, words);
    if (table.rows.length > 0) tables.push(table);
  });
  if (tables.length > 0) return { sheet: grid.sheet, tables };
  return { sheet: grid.sheet, tables, skipped: whySkipped(grid, merges, layouts, taught) };
}

const subRowPattern = /^\(?([a-z])\)\s*/i;

/**
 * Rows under a table that are never KPIs, whatever sits beside them: footnotes ("*Figures for Q2 are
 * provisional", "Note: …", "Source: …"), keys and legends ("Key", "N/A  Data not available", "R = Red",
 * "Data in italics are provisional").
 */
const footnotePattern = /^(?:[*†‡]|notes?\b|sources?\b|key\s*(?:[:\-–—]|to\b|$)|(?:data|figures?) (?:shown )?in (?:italics|bold|grey|gray|red|blue)\b|italics\b)/i;
const legendPattern = /^(?:n\/a|na|n\.a\.|c|z|k|x|u|\.\.|-|–|r|a|g|b|red|amber|green|blue|↑|↓|→|←|▲|▼|⬆|⬇|↔)(?:\s{2,}|\s*[=:–—]\s*|\t)\S|^(?:n\/a|na|c|z|k|x|u|\.\.)\s+(?:data |figures? )?(?:not available|suppressed|not applicable|not yet available|not due|too small|withheld)/i;

export function isFootnote(text: string): boolean {
  const trimmed = text.trim();
  return footnotePattern.test(trimmed) || legendPattern.test(trimmed);
}

/** RAG words and arrows an analyst types into a period column by hand: that column is not rated. */
const ragWords = /^(?:r|a|g|b|ra|ag|red|amber|green|blue|grey|gray|r\/a|a\/g|red\/amber|amber\/green|rag)$/i;
const arrows = /^(?:[↑↓→←↗↘⬆⬇➡⬅▲▼►◄△▽↔⇧⇩]+|up|down|same|improved|improving|declined|declining|worse|worsening|better|no change|stable|static)$/i;

/** What a period column holds when it holds no figure but words: "rag", "direction of travel", or null (figures). */
function handWrittenColumn(grid: Grid, column: number, first: number, end: number): "rag" | "direction of travel" | null {
  let rag = 0;
  let arrow = 0;
  for (let row = first; row < end; row++) {
    const cell = grid.values[row]?.[column] ?? null;
    if (cell === null) continue;
    if (typeof cell !== "string") return null;
    const text = cell.trim();
    if (text === "") continue;
    if (ragWords.test(text)) rag++;
    else if (arrows.test(text)) arrow++;
    else if (/\d/.test(text)) return null;
  }
  return rag > 0 && rag >= arrow ? "rag" : arrow > 0 ? "direction of travel" : null;
}

function readTable(grid: Grid, merges: Merges, layout: Layout, end: number, register: Register, words: Words | undefined): KpiTable {
  const { origin } = grid;
  const firstRow = layout.headerRows[layout.headerRows.length - 1] + 1;
  // A column headed with a period that holds the analyst's RAG words or arrows is read aside, not rated.
  const periods = layout.periods.filter((period) => {
    const handWritten = handWrittenColumn(grid, period.column, firstRow, end);
    if (handWritten === null) return true;
    const column = layout.columns.find((candidate) => candidate.column === period.column);
    if (column) column.role = { kind: handWritten };
    return false;
  });
  const text = (cell: CellValue): string => {
    if (cell === null || isExcelError(cell)) return "";
    const written = String(cell);
    return /\s\s|[\t\n\r]/.test(written) ? written.replace(/\s+/g, " ").trim() : written.trim();
  };
  const standard = layout.tolerances.find((tolerance) => tolerance.set === standardSet);
  const others = layout.tolerances.filter((tolerance) => tolerance !== standard);
  const idColumn = layout.kpiNumber ?? layout.reference;
  // The table's address covers the columns it reads; columns left alone beside it are in its column map.
  const readColumns = [layout.section, layout.polarity, layout.target, layout.kpiNumber, layout.reference, layout.unit, ...layout.tolerances.map((tolerance) => tolerance.column), ...periods.map((period) => period.column)];
  let firstColumn = layout.measure;
  let lastColumn = layout.measure;
  for (const column of readColumns) {
    if (column === undefined) continue;
    if (column < firstColumn) firstColumn = column;
    if (column > lastColumn) lastColumn = column;
  }

  const periodLetters = periods.map((period) => columnLetters(origin.column + period.column));
  const value = (row: number, column: number): CellValue => {
    const cell = grid.values[row]?.[column] ?? null;
    return typeof cell === "string" && cell.trim() === "" ? null : cell;
  };
  const format = (row: number, column: number): string => grid.numberFormats[row]?.[column] ?? "General";
  const comparatorColumns = layout.columns.flatMap((column) => (column.role.kind === "comparator" ? [{ column: column.column, benchmark: column.role.benchmark, year: column.role.year ?? "latest" }] : []));
  const rankingColumns = layout.columns.filter((column) => column.role.kind === "comparator text");
  const rankingsOf = (row: number): Ranking[] =>
    rankingColumns.flatMap((column) => {
      const written = value(row, column.column);
      return written === null ? [] : [{ label: column.header, text: isExcelError(written) ? written.error : String(written).trim() }];
    });
  /** A row's figures in its comparator columns, each with the benchmark and year its header names. */
  const benchmarkCellsOf = (row: number): BenchmarkCell[] =>
    comparatorColumns.map(({ column, benchmark, year }) => {
      const kind = benchmarkKindOf(benchmark);
      return { benchmark, ...(kind ? { kind } : {}), year, value: value(row, column), numberFormat: format(row, column), address: cellAddress({ row: origin.row + row, column: origin.column + column }) };
    });
  const rows: KpiRow[] = [];
  const definitions = definitionMemo(words);
  const polarityCodes = new Set<string>();
  let section = layout.sectionHeader ?? "";
  let subRowParent = "";
  let lastRow = firstRow - 1;
  const periodCount = periods.length;
  const periodColumns = periods.map((period) => period.column);
  const idKind = layout.kpiNumber !== undefined ? "kpi number" : "reference";
  const otherColumns = others.map((tolerance) => tolerance.column);
  for (let row = firstRow; row < end; row++) {
    const rowValues = grid.values[row];
    if (rowValues === undefined || rowValues.length === 0) continue;
    const rowFormats = grid.numberFormats[row];
    const at = (column: number | undefined): CellValue => {
      if (column === undefined) return null;
      const cell = rowValues[column] ?? null;
      return typeof cell === "string" && cell.trim() === "" ? null : cell;
    };
    const formatAt = (column: number | undefined): string => (column === undefined ? "General" : rowFormats?.[column] ?? "General");
    if (layout.section !== undefined) {
      const sectionCell = text(merges.value(row, layout.section));
      if (sectionCell !== "") section = sectionCell;
    }
    const measureCell = at(layout.measure);
    const measureText = text(measureCell);
    const idCell = at(idColumn);
    const periodValues: CellValue[] = new Array<CellValue>(periodCount);
    let hasFigures = false;
    for (let index = 0; index < periodCount; index++) {
      const cell = at(periodColumns[index]);
      periodValues[index] = cell;
      if (cell !== null) hasFigures = true;
    }
    const polarityCell = at(layout.polarity);
    const targetCell = at(layout.target);
    const toleranceCell = at(standard?.column);
    const hasThresholds = polarityCell !== null || targetCell !== null || toleranceCell !== null;
    if (measureText === "" && idCell === null) {
      // A section label in a column of its own, or merged across the table, with nothing else on the row.
      if (!hasFigures && !hasThresholds) {
        const label = soleText(grid, row, firstColumn, lastColumn);
        if (label !== null && !isFootnote(label)) section = label.replace(/\s+/g, " ").trim();
      }
      continue;
    }
    if (isFootnote(typeof measureCell === "string" ? measureCell : measureText) || (measureText === "" && typeof idCell === "string" && isFootnote(idCell))) continue;
    if (!hasThresholds && !hasFigures && (idCell === null || (measureText === "" && typeof idCell === "string"))) {
      // A label row inside the table: a section heading such as "Looked After Children".
      section = measureText || text(idCell);
      continue;
    }

    let measure = measureText;
    const mayBeSubRow = measureText.includes(")");
    const subRow = mayBeSubRow ? subRowPattern.exec(measureText) : null;
    const opensSubRows = mayBeSubRow ? /\s\(?a\)\s/i.exec(measureText) : null;
    if (opensSubRows) subRowParent = measureText.slice(0, opensSubRows.index).trim();
    else if (subRow && subRowParent !== "") measure = `${subRowParent} ${measureText}`;
    else if (!subRow) subRowParent = "";

    const sheetRow = origin.row + row;
    const cells: PeriodCell[] = new Array<PeriodCell>(periodCount);
    const rowNumber = String(sheetRow + 1);
    for (let index = 0; index < periodCount; index++) {
      cells[index] = {
        period: periods[index].label,
        row: sheetRow,
        column: origin.column + periodColumns[index],
        address: periodLetters[index] + rowNumber,
        value: periodValues[index],
        numberFormat: formatAt(periodColumns[index]),
      };
    }

    if (typeof polarityCell === "string" && polarityCodes.size <= 4 && polarityCell.length <= 5 && polarityCell.trim().length <= 3) polarityCodes.add(polarityCell.trim());
    const unitCell = at(layout.unit);
    const otherCells = otherColumns.map((column) => at(column));
    const otherFormats = otherColumns.map((column) => formatAt(column));
    const own = (): Definition =>
      definitions.read([polarityCell, targetCell, toleranceCell, unitCell, ...otherCells], [formatAt(layout.target), formatAt(standard?.column), ...otherFormats], measure, (): DefinitionWording => ({
        measure,
        polarity: polarityCell,
        target: targetCell,
        tolerance: toleranceCell,
        otherTolerances: Object.fromEntries(others.map((tolerance, index) => [tolerance.set, otherCells[index]])),
        unit: unitCell,
        formats: {
          target: formatAt(layout.target),
          tolerance: formatAt(standard?.column),
          otherTolerances: Object.fromEntries(others.map((tolerance, index) => [tolerance.set, otherFormats[index]])),
        },
      }));
    // Without a KPI number or row reference there is no register to ask: the row's own words rate it.
    const chosen: ChosenDefinition = idCell === null ? { definition: own(), source: "sheet", problems: [] } : chooseDefinition({ idCell, idKind, hasThresholds, measure, cells, register, own });
    const scale = decideScale(chosen.definition, cells);
    const definition = scale.ok ? definitions.scaled(chosen.definition, scale.value) : unreadableDefinition(chosen.definition.wording, scale.problem);
    const reference = layout.reference === undefined ? undefined : text(at(layout.reference)) || undefined;
    const ownProblems = definitions.problems(definition);
    // The row's own benchmark columns, then the register entry's for benchmarks the sheet has no column for.
    const benchmarks = comparatorColumns.length === 0 ? [] : benchmarkCellsOf(row);
    const rankings = rankingColumns.length === 0 ? [] : rankingsOf(row);
    for (const registered of chosen.benchmarks ?? []) if (!benchmarks.some((benchmark) => benchmark.kind === registered.kind)) benchmarks.push(registered);
    const problems = chosen.problems.length === 0 ? [...ownProblems] : [...ownProblems, ...chosen.problems];
    rows.push({ row: sheetRow, id: chosen.id, reference, measure, section, source: chosen.source, definition, problems, cells, ...(benchmarks.length > 0 ? { benchmarks } : {}), ...(rankings.length > 0 ? { rankings } : {}) });
    lastRow = row;
  }
  const codes = [...polarityCodes];
  const columns = layout.columns.map((column) => ({ ...column, column: origin.column + column.column }));
  return {
    sheet: grid.sheet,
    headerRows: layout.headerRows.map((row) => origin.row + row),
    address: `${cellAddress({ row: origin.row + layout.headerRows[0], column: origin.column + firstColumn })}:${cellAddress({ row: origin.row + lastRow, column: origin.column + lastColumn })}`,
    toleranceSets: [standardSet, ...others.map((tolerance) => tolerance.set)],
    periods: periods.map((period) => ({ label: period.label, column: origin.column + period.column })),
    columns,
    columnMap: describeColumns(columns, { polarityCodes: codes.length > 0 && codes.length <= 4 && codes.every((code) => readsAsCode(code)) ? codes : undefined }),
    rows,
  };
}

/** A polarity written as a code (H, L, T, +, -) rather than words. */
function readsAsCode(code: string): boolean {
  return /^[a-z+\-=↑↓]{1,3}$/i.test(code) && !/^(?:is)$/i.test(code);
}

/** The one text cell of a row between two columns, or null when the row holds more or none. */
function soleText(grid: Grid, row: number, first: number, last: number): string | null {
  const cells = grid.values[row] ?? [];
  let found: string | null = null;
  for (let column = first; column <= last && column < cells.length; column++) {
    const cell = cells[column];
    if (cell === null || (typeof cell === "string" && cell.trim() === "")) continue;
    if (typeof cell !== "string" || found !== null) return null;
    found = cell;
  }
  return found;
}

/**
 * Rows with the same wording share one definition object: appendices repeat thresholds ("Bigger is
 * better, 95%, 80%") down the sheet, and a shared definition lets its bands and rules be worked out once.
 * The measure only matters to a definition through the unit its words imply, so that is what the key holds.
 */
function definitionMemo(words: Words | undefined): {
  read: (cells: CellValue[], formats: string[], measure: string, wording: () => DefinitionWording) => Definition;
  scaled: (definition: Definition, scale: PercentScale | undefined) => Definition;
  problems: (definition: Definition) => readonly string[];
} {
  // A trie of the row's cells and formats, so looking a wording up builds no key string for every row.
  type Node = Map<unknown, Node | Definition>;
  const root: Node = new Map();
  const scaled = new WeakMap<Definition, Map<string, Definition>>();
  const problems = new WeakMap<Definition, readonly string[]>();
  const keyOf = (cell: CellValue): unknown => (cell !== null && typeof cell === "object" ? `#${cell.error}` : cell);
  const child = (node: Node, key: unknown): Node => {
    let next = node.get(key) as Node | undefined;
    if (!next) {
      next = new Map();
      node.set(key, next);
    }
    return next;
  };
  return {
    read: (cells, formats, measure, wording) => {
      let node = root;
      for (const cell of cells) node = child(node, keyOf(cell));
      for (const format of formats) node = child(node, format);
      const unit = unitFromMeasure(measure) ?? "";
      let definition = node.get(unit) as Definition | undefined;
      if (!definition) {
        definition = readKpiDefinition(wording(), words);
        node.set(unit, definition);
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
    problems: (definition) => {
      let found = problems.get(definition);
      if (!found) {
        found = definitionProblems(definition);
        problems.set(definition, found);
      }
      return found;
    },
  };
}
