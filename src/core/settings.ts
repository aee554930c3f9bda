/**
 * The settings a workbook chooses once for all its sheets, in a KPISettings table (columns Setting and
 * Value, on the KPI Register sheet): its council scheme and whether the rules show status symbols. A
 * scheme may instead be taught in KPIWords (a word whose Means names one); the KPISettings table wins.
 */
import { isExcelError, type CellValue } from "./cell";
import type { Grid } from "./grid";
import { readScheme, schemesHelp, standardScheme, type Scheme } from "./scheme";
import { schemeTaught, wordKey, type Words } from "./words";

export const settingsTableName = "KPISettings";
export const settingsColumns = ["Setting", "Value"] as const;

/** The settings a workbook chooses: its scheme and whether the rules show a status symbol beside each figure. */
export interface Settings {
  scheme: Scheme;
  symbols: boolean;
}

export const defaultSettings: Settings = { scheme: standardScheme, symbols: false };

export interface SettingsRead {
  settings: Settings;
  /** Rows of the table that were left out, in words: `Row 3 of KPISettings: …`. */
  problems: string[];
  /** Whether the table has a Scheme row (read or not), so a scheme taught in KPIWords gives way to it. */
  schemeNamed: boolean;
}

/**
 * Reads a KPISettings table's rows, header first. The `Scheme` row names the scheme; rows such as
 * `Blue at` / `5% better than target` or `Green within` / `5%` add the figures it needs; `Symbols` is Yes
 * or No. A row that cannot be read is reported and left out: the scheme is then Standard, never a guess.
 */
export function readSettings(rows: ReadonlyArray<ReadonlyArray<CellValue>>): SettingsRead {
  if (rows.length === 0) return { settings: defaultSettings, problems: [], schemeNamed: false };
  const header = rows[0].map((cell) => textOf(cell).toLowerCase());
  const settingColumn = header.indexOf("setting");
  const valueColumn = header.indexOf("value");
  if (settingColumn < 0 || valueColumn < 0)
    return {
      settings: defaultSettings,
      schemeNamed: false,
      problems: [
        `The ${settingsTableName} table has no ${settingColumn < 0 ? "Setting" : "Value"} column: its settings were not used`,
      ],
    };
  const problems: string[] = [];
  let schemeRow: { label: string; value: string } | undefined;
  const figures: string[] = [];
  let symbols = false;
  rows.slice(1).forEach((row, index) => {
    const label = `Row ${index + 2} of ${settingsTableName}`;
    const setting = textOf(row[settingColumn] ?? null);
    const value = textOf(row[valueColumn] ?? null);
    if (setting === "" && value === "") return;
    const key = setting.toLowerCase().replace(/\s+/g, " ");
    if (key === "scheme" || key === "rag scheme") schemeRow = { label, value };
    else if (key === "symbols" || key === "status symbols") {
      const yes = /^(?:yes|y|on|true|show)$/i.test(value);
      if (!yes && !/^(?:no|n|off|false|hide|)$/i.test(value))
        problems.push(`${label}: Symbols is "${value}", not Yes or No: left out`);
      symbols = yes;
    } else if (/^(?:blue at|green within|amber within)$/.test(key))
      figures.push(`${setting} ${value}`);
    else
      problems.push(
        `${label}: "${setting}" is not a setting the add-in knows (use Scheme or Symbols): left out`
      );
  });
  if (!schemeRow)
    return { settings: { scheme: standardScheme, symbols }, problems, schemeNamed: false };
  // Figures in rows of their own count for the schemes that need them ("Blue at", "Green within").
  const alone = readScheme(schemeRow.value);
  const read = alone?.ok ? alone : readScheme([schemeRow.value, ...figures].join(", "));
  if (read === null) {
    problems.push(
      `${schemeRow.label}: "${schemeRow.value}" is not a scheme the add-in knows (use ${schemesHelp}): the Standard bands apply`
    );
    return { settings: { scheme: standardScheme, symbols }, problems, schemeNamed: true };
  }
  if (!read.ok) {
    problems.push(`${schemeRow.label}: ${read.problem}: the Standard bands apply`);
    return { settings: { scheme: standardScheme, symbols }, problems, schemeNamed: true };
  }
  return { settings: { scheme: read.value, symbols }, problems, schemeNamed: true };
}

function textOf(cell: CellValue): string {
  if (cell === null || isExcelError(cell)) return "";
  return String(cell).replace(/\s+/g, " ").trim();
}

/**
 * The KPISettings table on a sheet's grid: the first row holding both a Setting and a Value heading, and
 * the rows under it down to the first with neither.
 */
export function settingsTableOfGrid(grid: Grid): CellValue[][] | undefined {
  for (let row = 0; row < grid.values.length; row++) {
    const cells = grid.values[row];
    const heading = (name: string): number =>
      cells.findIndex((cell) => typeof cell === "string" && wordKey(cell) === name);
    const setting = heading("setting");
    const value = heading("value");
    if (setting < 0 || value < 0) continue;
    const rows: CellValue[][] = [[...settingsColumns]];
    for (let below = row + 1; below < grid.values.length; below++) {
      const pair = [grid.values[below]?.[setting] ?? null, grid.values[below]?.[value] ?? null];
      if (pair.every((cell) => cell === null || (typeof cell === "string" && cell.trim() === "")))
        break;
      rows.push(pair);
    }
    return rows;
  }
  return undefined;
}

/**
 * The workbook's settings from its KPISettings table's rows (header first; undefined where it has none)
 * and the words its KPIWords table teaches: the table's scheme wins over a taught one.
 */
export function workbookSettings(
  rows: ReadonlyArray<ReadonlyArray<CellValue>> | undefined,
  words: Words | undefined
): SettingsRead {
  const read = readSettings(rows ?? []);
  const taught = schemeTaught(words);
  if (read.schemeNamed || taught === undefined) return read;
  return { ...read, settings: { ...read.settings, scheme: taught } };
}
