/**
 * Why a sheet has no KPI table, in words an analyst can act on, naming the nearest miss: "found periods
 * and an 'Indicator Description' column in row 4 but no polarity, target or KPI number column".
 */
import { columnLetters, presentColumns, type Grid } from "../values/grid";
import {
  headerText,
  isDateFormat,
  knownRoleOfLabel,
  type ColumnRole,
  type TaughtHeaders,
} from "./headers";
import type { Layout } from "./layout";
import { isYearNumber } from "./header-rows";
import type { Merges } from "./merges";
import { registerSheetName } from "../register/register";

interface Miss {
  row: number;
  score: number;
  measure?: string;
  rated?: string;
  ratedRole?: string;
  periods: string[];
}

/** The reason a sheet was skipped, without the sheet's name (the surfaces say which sheet). */
export function whySkipped(
  grid: Grid,
  merges: Merges,
  layouts: readonly Layout[],
  taught?: TaughtHeaders
): string {
  if (grid.sheet.trim().toLowerCase() === registerSheetName.toLowerCase())
    return "it holds the KPI register, which the ratings are read from, not KPI figures to rate";
  if (grid.values.every((row) => row.every((cell) => cell === null || cell === "")))
    return "it is empty";
  if (layouts.length > 0) {
    const header = layouts[0].headerRows;
    return `the KPI table header in row ${grid.origin.row + header[header.length - 1] + 1} has no KPI rows under it`;
  }
  const shape = periodsDownTheRows(grid, merges, taught);
  if (shape) return shape;
  const miss = nearestMiss(grid, merges, taught);
  if (!miss)
    return "it has no header row naming a measure, a polarity, a target or periods such as 2019/20, Q1 or Apr-21";
  const found: string[] = [];
  if (miss.periods.length > 0)
    found.push(
      miss.periods.length === 1
        ? `a period (${miss.periods[0]})`
        : `${miss.periods.length} periods (${miss.periods[0]} to ${miss.periods[miss.periods.length - 1]})`
    );
  if (miss.measure) found.push(`a measure column ('${miss.measure}')`);
  if (miss.rated) found.push(`a ${miss.ratedRole} column ('${miss.rated}')`);
  const missing: string[] = [];
  if (!miss.measure) missing.push("no Measure column");
  if (!miss.rated) missing.push("no polarity, target or KPI number column");
  if (miss.periods.length === 0) missing.push("no period columns such as 2019/20, Q1 or Apr-21");
  const row = grid.origin.row + miss.row + 1;
  if (miss.measure && !miss.rated && miss.periods.length > 0) {
    return `row ${row} has a measure column ('${miss.measure}') and periods but no polarity, target or KPI number column, so there is nothing to rate its measures against`;
  }
  if (missing.length === 0)
    return `row ${row} looks like a KPI header but the add-in could not read a table under it`;
  return `row ${row} has ${found.join(" and ")} but ${missing.join(" and ")}`;
}

/**
 * A sheet laid out the other way round: periods down a column, with Polarity, Target and Tolerance as row
 * labels beside them, either one KPI a sheet (one value beside each label) or a KPI a column. The add-in
 * reads a row a KPI (or a KPI's Actual and Target rows) with a column a period, so it says what it saw.
 */
function periodsDownTheRows(
  grid: Grid,
  merges: Merges,
  taught: TaughtHeaders | undefined
): string | null {
  const width = Math.min(
    3,
    grid.values.reduce((widest, row) => Math.max(widest, row.length), 0)
  );
  for (let column = 0; column < width; column++) {
    const periods: number[] = [];
    const thresholds: number[] = [];
    for (let row = 0; row < grid.values.length && row < 500; row++) {
      const label = headerText(merges.value(row, column), grid.numberFormats[row]?.[column]);
      if (label === "" || label.length > 40) continue;
      const role = knownRoleOfLabel(label, taught);
      if (role?.kind === "period" && !role.headline) periods.push(row);
      else if (role?.kind === "polarity" || role?.kind === "target" || role?.kind === "tolerance")
        thresholds.push(row);
    }
    if (periods.length < 2) continue;
    const at = (row: number): string =>
      `${columnLetters(grid.origin.column + column)}${grid.origin.row + row + 1}`;
    const advice =
      "the add-in reads a row a KPI with a column a period (or a KPI's Actual and Target rows under its name), so it rates nothing here";
    if (thresholds.length === 0) {
      // One KPI's series: its periods down a column under a header row of Actual, Target, Tolerance.
      const headerRow = periods[0] - 1;
      if (!thresholdHeaderBeside(grid, merges, taught, headerRow, column)) continue;
      return `it holds one KPI's series: periods down the rows (${at(periods[0])} to ${at(periods[periods.length - 1])}) under a header row with Target or Tolerance columns (row ${grid.origin.row + headerRow + 1}); ${advice}`;
    }
    const seen = `periods down the rows (${at(periods[0])} to ${at(periods[periods.length - 1])}) with Polarity, Target or Tolerance as row labels (${at(thresholds[0])})`;
    const valuesBeside = Math.max(
      ...thresholds.map(
        (row) =>
          (grid.values[row] ?? []).slice(column + 1).filter((cell) => cell !== null && cell !== "")
            .length
      )
    );
    return valuesBeside <= 1
      ? `it holds one KPI a sheet: its definition as label and value pairs and its ${seen}; ${advice}`
      : `it lists a KPI a column, with ${seen}; ${advice}`;
  }
  return null;
}

/** Whether a header row holds a polarity, target or tolerance column to the right of `column`. */
function thresholdHeaderBeside(
  grid: Grid,
  merges: Merges,
  taught: TaughtHeaders | undefined,
  row: number,
  column: number
): boolean {
  const cells = grid.values[row] ?? [];
  for (let at = column + 1; at < cells.length; at++) {
    const label = headerText(merges.value(row, at), grid.numberFormats[row]?.[at]);
    const role = label === "" ? null : knownRoleOfLabel(label, taught);
    if (role?.kind === "polarity" || role?.kind === "target" || role?.kind === "tolerance")
      return true;
  }
  return false;
}

/** The row that comes closest to a KPI header: the most of measure, thresholds and periods it names. */
function nearestMiss(grid: Grid, merges: Merges, taught?: TaughtHeaders): Miss | null {
  let best: Miss | null = null;
  for (let row = 0; row < grid.values.length; row++) {
    const cells = grid.values[row];
    const present = presentColumns(cells);
    const count = present === null ? cells.length : present.length;
    let texts = 0;
    let figures = false;
    for (let index = 0; index < count; index++) {
      const column = present === null ? index : present[index];
      const cell = cells[column];
      if (typeof cell === "string" && cell.trim() !== "" && cell.length <= 60) texts++;
      else if (
        typeof cell === "number" &&
        !isDateFormat(grid.numberFormats[row]?.[column] ?? "General") &&
        !isYearNumber(cell)
      )
        figures = true;
    }
    if (figures || texts < 2) continue;
    const miss: Miss = { row, score: 0, periods: [] };
    for (let index = 0; index < count; index++) {
      const column = present === null ? index : present[index];
      const label = headerText(merges.value(row, column), grid.numberFormats[row]?.[column]);
      const role: ColumnRole | null = knownRoleOfLabel(label, taught);
      if (role === null) continue;
      if (role.kind === "measure" && !miss.measure) miss.measure = label;
      else if (
        (role.kind === "polarity" || role.kind === "target" || role.kind === "kpi number") &&
        !miss.rated
      ) {
        miss.rated = label;
        miss.ratedRole = role.kind === "kpi number" ? "KPI number" : role.kind;
      } else if (role.kind === "period") miss.periods.push(role.label || columnLetters(column));
    }
    miss.score = (miss.measure ? 3 : 0) + (miss.rated ? 3 : 0) + (miss.periods.length > 0 ? 2 : 0);
    if (miss.score > 0 && (!best || miss.score > best.score)) best = miss;
  }
  return best;
}

/** A skipped sheet in one line, for the pane, the report and kpi-rag: `Sheet "Dashboard" was skipped: …`. */
export function skippedSheetLine(sheet: string, reason: string): string {
  return `Sheet "${sheet}" was skipped: ${reason}.`;
}
