/**
 * The settings a workbook chooses once for all its sheets, in a KPISettings table (columns Setting and
 * Value, on the KPI Register sheet): its council scheme and whether the rules show status symbols. A
 * scheme may instead be taught in KPIWords (a word whose Means names one); the KPISettings table wins.
 */
import { isExcelError, type CellValue } from "../values/cell";
import type { Grid } from "../values/grid";
import type { Read } from "../values/status";
import {
  defaultSettings,
  settingsTableName,
  standardScheme,
  type Scheme,
  type Settings,
} from "../rating/scheme";
import { schemeTaught, wordKey, wordsTableName, type Words } from "../definition/words";

export const settingsColumns = ["Setting", "Value"] as const;

/** The schemes by name, as the pane offers them and a KPISettings Value or a KPIWords Means may write them. */
export const schemeNames = [
  "Standard",
  "Green and Red only",
  "Blue for exceeding",
  "Percentage of target",
  "Amber by direction",
] as const;

export type SchemeChoice = (typeof schemeNames)[number];

/**
 * The KPISettings rows the pane writes for a scheme chosen by name: its Scheme row, and for Percentage of
 * target the figures it cannot be read without, as the README's example gives them, for the analyst to
 * change to the council's own. Blue for exceeding needs none: each row's Stretch column says where Blue
 * starts, and a `Blue at` row adds a margin for rows without one.
 */
export function settingsRowsOf(scheme: SchemeChoice): CellValue[][] {
  const rows: CellValue[][] = [["Scheme", scheme]];
  if (scheme === "Percentage of target") rows.push(["Green within", "5%"], ["Amber within", "10%"]);
  return rows;
}

/** Help for an analyst whose scheme cannot be read: every name, with the figures the last three need. */
export const schemesHelp =
  "Standard; Green and Red only; Blue for exceeding, Blue at 5% better than target; Percentage of target, Green within 5%, Amber within 10%; Amber by direction";

/**
 * Reads a scheme written in words: its name, then the figures it needs anywhere after it ("Blue for
 * exceeding, Blue at 5% better than target"; "Percentage of target: Green within 5%, Amber within 10%").
 * Null when the text names no scheme; a problem when it names one without the figures it needs.
 */
export function readScheme(text: string): Read<Scheme> | null {
  const words = text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[\s,;:()]+/g, " ")
    .trim();
  if (/^(?:standard|red amber green|rag)$/.test(words)) return { ok: true, value: standardScheme };
  if (/^(?:green and red(?: only)?|red and green(?: only)?|green red only)$/.test(words))
    return { ok: true, value: { kind: "green and red" } };
  if (/^amber by direction(?: of travel)?$/.test(words))
    return { ok: true, value: { kind: "amber by direction" } };
  if (/^(?:blue for exceeding|brag)\b/.test(words)) {
    const stretch =
      /\bblue (?:at|from)? ?(\d+(?:\.\d+)?) ?(%|pp|points?|percentage points?)? (?:better than|beyond|above|over) (?:the )?target\b/.exec(
        words
      );
    // Without a margin, each row's own stretch target (a Stretch column) says where Blue starts.
    if (!stretch) {
      if (/^(?:blue for exceeding|brag)$/.test(words))
        return { ok: true, value: { kind: "blue for exceeding" } };
      return {
        ok: false,
        problem: `"${text}" does not say how far beyond the target is Blue: write it as Blue for exceeding, Blue at 5% better than target (or add a Stretch column)`,
      };
    }
    const relative = stretch[2] === "%";
    const value = Number(stretch[1]);
    return {
      ok: true,
      value: {
        kind: "blue for exceeding",
        stretch: { value: relative ? value / 100 : value, relative },
      },
    };
  }
  if (/^percentage of target\b/.test(words)) {
    const green = /\bgreen within (\d+(?:\.\d+)?) ?%/.exec(words);
    const amber = /\bamber within (\d+(?:\.\d+)?) ?%/.exec(words);
    if (!green || !amber)
      return {
        ok: false,
        problem: `"${text}" does not say how near the target is Green and Amber: write it as Percentage of target, Green within 5%, Amber within 10%`,
      };
    const greenShare = Number(green[1]) / 100;
    const amberShare = Number(amber[1]) / 100;
    if (amberShare < greenShare)
      return {
        ok: false,
        problem: `"${text}" puts Amber nearer the target than Green: Amber's share must be at least Green's`,
      };
    return {
      ok: true,
      value: { kind: "percentage of target", green: greenShare, amber: amberShare },
    };
  }
  return null;
}

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
      figures.push(`${setting} ${shareWords(row[valueColumn] ?? null, value)}`);
    else
      problems.push(
        `${label}: "${setting}" is not a setting the add-in knows (use Scheme or Symbols): left out`
      );
  });
  if (!schemeRow)
    return { settings: { scheme: standardScheme, symbols }, problems, schemeNamed: false };
  // Figures in rows of their own count for the schemes that take them ("Blue at", "Green within"); a
  // scheme that reads without them (Amber by direction) is not spoilt by a stray one.
  const alone = readScheme(schemeRow.value);
  const joined = figures.length === 0 ? null : readScheme([schemeRow.value, ...figures].join(", "));
  const read = joined?.ok ? joined : alone?.ok ? alone : (joined ?? alone);
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

/**
 * A Value cell's figure as the scheme's words write it: Excel keeps a typed 5% as 0.05 in a % cell, and a
 * settings table's cells are read without their formats, so a number up to 1 is a share ("5%") and a
 * bigger one a percentage (5 is "5%").
 */
function shareWords(cell: CellValue, text: string): string {
  if (typeof cell !== "number" || !Number.isFinite(cell)) return text;
  const percent = Math.abs(cell) <= 1 ? cell * 100 : cell;
  return `${Number(percent.toPrecision(12))}%`;
}

function textOf(cell: CellValue): string {
  if (cell === null || isExcelError(cell)) return "";
  return String(cell).replace(/\s+/g, " ").trim();
}

/**
 * A two-column table of the workbook's own (KPISettings, KPIWords) on a sheet's grid: the first row holding
 * both headings, and the pairs under them down to the first row with neither; `header` names the columns.
 */
export function pairTableOfGrid(
  grid: Grid,
  [keyHeading, valueHeading]: readonly [string, string],
  header: readonly CellValue[]
): CellValue[][] | undefined {
  for (let row = 0; row < grid.values.length; row++) {
    const cells = grid.values[row];
    const heading = (name: string): number =>
      cells.findIndex((cell) => typeof cell === "string" && wordKey(cell) === name);
    const key = heading(keyHeading);
    const value = heading(valueHeading);
    if (key < 0 || value < 0) continue;
    const rows: CellValue[][] = [[...header]];
    for (let below = row + 1; below < grid.values.length; below++) {
      const pair = [grid.values[below]?.[key] ?? null, grid.values[below]?.[value] ?? null];
      if (pair.every((cell) => cell === null || (typeof cell === "string" && cell.trim() === "")))
        break;
      rows.push(pair);
    }
    return rows;
  }
  return undefined;
}

/** The KPISettings table on a sheet's grid: its Setting and Value columns. */
export function settingsTableOfGrid(grid: Grid): CellValue[][] | undefined {
  return pairTableOfGrid(grid, ["setting", "value"], settingsColumns);
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
  const scheme = readScheme(taught.means);
  if (scheme?.ok) return { ...read, settings: { ...read.settings, scheme: scheme.value } };
  const problem =
    scheme === null
      ? `"${taught.means}" is not a scheme the add-in knows (use ${schemesHelp})`
      : scheme.problem;
  return {
    ...read,
    problems: [
      ...read.problems,
      `${wordsTableName}: "${taught.word}" means ${problem}: the Standard bands apply`,
    ],
  };
}
