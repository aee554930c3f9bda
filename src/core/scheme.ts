/**
 * Council schemes: the way a workbook draws its bands, chosen once for the whole workbook in a KPISettings
 * table (Setting, Value) on the KPI Register sheet, or by a KPIWords word whose meaning names a scheme.
 * Without a choice the contract's three bands apply (Standard). `bands` is the one place a scheme is
 * turned into bands, so KPI.RATE and the colours agree under every scheme.
 */
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
