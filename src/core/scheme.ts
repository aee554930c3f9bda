/**
 * Council schemes: the way a workbook draws its bands, chosen once for the whole workbook in a KPISettings
 * table (Setting, Value) on the KPI Register sheet, or by a KPIWords word whose meaning names a scheme.
 * Without a choice the contract's three bands apply (Standard). `bands` is the one place a scheme is
 * turned into bands, so KPI.RATE and the colours agree under every scheme.
 */
import { isExcelError, type CellValue } from "./cell";
import type { Read } from "./status";

/** A distance beyond or short of a target: a share of the target's value (0.05 is 5%), or points of the figure's own scale. */
export interface SchemeMargin {
  value: number;
  relative: boolean;
}

export type Scheme =
  | { kind: "standard" }
  | { kind: "green and red" }
  | { kind: "blue for exceeding"; stretch: SchemeMargin }
  | { kind: "percentage of target"; green: number; amber: number }
  | { kind: "amber by direction" };

export const standardScheme: Scheme = { kind: "standard" };

export const settingsTableName = "KPISettings";
export const settingsColumns = ["Setting", "Value"] as const;

/** The schemes by name, as the pane offers them and a KPISettings Value or a KPIWords Means may write them. */
export const schemeNames = [
  "Standard",
  "Green and Red only",
  "Blue for exceeding",
  "Percentage of target",
  "Amber by direction",
] as const;

/** Help for an analyst whose scheme cannot be read: every name, with the figures the last three need. */
export const schemesHelp =
  "Standard; Green and Red only; Blue for exceeding, Blue at 5% better than target; Percentage of target, Green within 5%, Amber within 10%; Amber by direction";

/** The scheme's name as the pane, the report and kpi-rag say it, with its figures: "Percentage of target (Green within 5%, Amber within 10%)". */
export function schemeName(scheme: Scheme): string {
  switch (scheme.kind) {
    case "standard":
      return "Standard";
    case "green and red":
      return "Green and Red only";
    case "blue for exceeding":
      return `Blue for exceeding (Blue at ${marginWords(scheme.stretch)} better than target)`;
    case "percentage of target":
      return `Percentage of target (Green within ${percentWords(scheme.green)}, Amber within ${percentWords(scheme.amber)})`;
    case "amber by direction":
      return "Amber by direction";
  }
}

/** A key that is the same for two equal schemes, for caches. */
export function schemeKey(scheme: Scheme): string {
  return schemeName(scheme);
}

/** How a stretch margin is written: "5%" of the target's value, or "5 points". */
export function marginWords(margin: SchemeMargin): string {
  return margin.relative ? percentWords(margin.value) : `${trimmed(margin.value)} points`;
}

function percentWords(share: number): string {
  return `${trimmed(share * 100)}%`;
}

function trimmed(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/**
 * Reads a scheme written in words: its name, then the figures it needs anywhere after it ("Blue for
 * exceeding, Blue at 5% better than target"; "Percentage of target: Green within 5%, Amber within 10%").
 * Null when the text names no scheme; a problem when it names one without the figures it needs.
 */
export function readScheme(text: string): Read<Scheme> | null {
  const words = text
    .toLowerCase()
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
    if (!stretch)
      return {
        ok: false,
        problem: `"${text}" does not say how far beyond the target is Blue: write it as Blue for exceeding, Blue at 5% better than target`,
      };
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
}

/**
 * Reads a KPISettings table's rows, header first. The `Scheme` row names the scheme; rows such as
 * `Blue at` / `5% better than target` or `Green within` / `5%` add the figures it needs; `Symbols` is Yes
 * or No. A row that cannot be read is reported and left out: the scheme is then Standard, never a guess.
 */
export function readSettings(rows: ReadonlyArray<ReadonlyArray<CellValue>>): SettingsRead {
  if (rows.length === 0) return { settings: defaultSettings, problems: [] };
  const header = rows[0].map((cell) => textOf(cell).toLowerCase());
  const settingColumn = header.indexOf("setting");
  const valueColumn = header.indexOf("value");
  if (settingColumn < 0 || valueColumn < 0)
    return {
      settings: defaultSettings,
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
  if (!schemeRow) return { settings: { scheme: standardScheme, symbols }, problems };
  const read = readScheme([schemeRow.value, ...figures].join(", "));
  if (read === null) {
    problems.push(
      `${schemeRow.label}: "${schemeRow.value}" is not a scheme the add-in knows (use ${schemesHelp}): the Standard bands apply`
    );
    return { settings: { scheme: standardScheme, symbols }, problems };
  }
  if (!read.ok) {
    problems.push(`${schemeRow.label}: ${read.problem}: the Standard bands apply`);
    return { settings: { scheme: standardScheme, symbols }, problems };
  }
  return { settings: { scheme: read.value, symbols }, problems };
}

function textOf(cell: CellValue): string {
  if (cell === null || isExcelError(cell)) return "";
  return String(cell).replace(/\s+/g, " ").trim();
}
