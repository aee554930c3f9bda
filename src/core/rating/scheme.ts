/**
 * Council schemes: the way a workbook draws its bands, chosen once for the whole workbook in a KPISettings
 * table (Setting, Value) on the KPI Register sheet, or by a KPIWords word whose meaning names a scheme
 * (read in settings.ts). Without a choice the contract's three bands apply (Standard). `bands` is the one
 * place a scheme is turned into bands, so KPI.RATE and the colours agree under every scheme.
 */

/** A distance beyond or short of a target: a share of the target's value (0.05 is 5%), or points of the figure's own scale. */
export interface SchemeMargin {
  value: number;
  relative: boolean;
}

export type Scheme =
  | { kind: "standard" }
  | { kind: "green and red" }
  /** `stretch`: the margin for rows without a stretch target of their own (a Stretch column); none, no Blue there. */
  | { kind: "blue for exceeding"; stretch?: SchemeMargin }
  | { kind: "percentage of target"; green: number; amber: number }
  | { kind: "amber by direction" };

export const standardScheme: Scheme = { kind: "standard" };

export const settingsTableName = "KPISettings";

/** The settings a workbook chooses: its scheme and whether the rules show a status symbol beside each figure. */
export interface Settings {
  scheme: Scheme;
  symbols: boolean;
}

export const defaultSettings: Settings = { scheme: standardScheme, symbols: false };

/** The scheme's name as the pane, the report and kpi-rag say it, with its figures: "Percentage of target (Green within 5%, Amber within 10%)". */
export function schemeName(scheme: Scheme): string {
  switch (scheme.kind) {
    case "standard":
      return "Standard";
    case "green and red":
      return "Green and Red only";
    case "blue for exceeding":
      return scheme.stretch === undefined
        ? "Blue for exceeding (Blue at each row's stretch target)"
        : `Blue for exceeding (Blue at ${marginWords(scheme.stretch)} better than target)`;
    case "percentage of target":
      return `Percentage of target (Green within ${percentWords(scheme.green)}, Amber within ${percentWords(scheme.amber)})`;
    case "amber by direction":
      return "Amber by direction";
  }
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
