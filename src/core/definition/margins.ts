/**
 * Margins around a target as analysts write them: `±5%`, `5% tolerance` and `within 5% of target`
 * (relative), `±5pp`, `5 points` and `±3 days` (absolute), and a target written with its margin.
 */
import type { Read } from "../values/status";
import { percentToFraction, type Unit } from "./units";
import { numberPattern } from "./written-figures";

/**
 * A margin around the target: `±5%`, `5% tolerance` and `within 5% of target` are relative (5% of the
 * target's value); `±5pp`, `5 points`, `±5 days` and a bare `±5` are absolute, in the measure's own unit.
 */
export type Margin = {
  kind: "margin";
  value: number;
  unit: Unit | null;
  relative: boolean;
  points?: boolean;
  written: string;
};

const plusMinus = String.raw`(?:±|\+\s*\/\s*-|\+\s*\/\s*−|\+-)`;
const marginUnit = String.raw`%|pp|percentage points?|% points?|points?|pts?|days?`;
const marginPatterns: readonly RegExp[] = [
  new RegExp(
    String.raw`^${plusMinus}\s*(${numberPattern})\s*(${marginUnit})?(?:\s+(?:of|around)\s+(?:the\s+)?target)?$`,
    "i"
  ),
  new RegExp(
    String.raw`^(${numberPattern})\s*(${marginUnit})\s+(?:tolerance|either side(?:\s+of\s+(?:the\s+)?target)?)$`,
    "i"
  ),
  new RegExp(
    String.raw`^within\s+${plusMinus}?\s*(${numberPattern})\s*(${marginUnit})?\s+of\s+(?:the\s+)?target$`,
    "i"
  ),
  // Points are always a distance from the target ("5 points"); a bare figure or "5 days" is a threshold itself.
  new RegExp(
    String.raw`^(${numberPattern})\s*(pp|percentage points?|% points?|points?|pts?)$`,
    "i"
  ),
];
/** A target written with its margin: "95% ± 5%", "95% (±5pp)", "10%-20% +/- 10%". */
export const attachedMargin = new RegExp(
  String.raw`^(.*?\d\s*%?)\s*\(?\s*(${plusMinus}.*?)\s*\)?$`,
  "i"
);
/** Text that starts like a margin, so a margin the add-in cannot read says so as a margin. */
const marginStart = new RegExp(String.raw`^${plusMinus}|^within\b`, "i");

/** "±5%", "+/- 5%", "5% tolerance", "within 5% of target" (relative); "±5pp", "5 points", "±3 days" (absolute). */
export function readMargin(text: string): Read<Margin> | null {
  for (const pattern of marginPatterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    const value = Number(match[1].replace(/,/g, ""));
    const unit = (match[2] ?? "").toLowerCase().replace(/\s+/g, " ");
    if (unit === "%")
      return {
        ok: true,
        value: {
          kind: "margin",
          value: percentToFraction(value),
          unit: null,
          relative: true,
          written: text,
        },
      };
    if (unit === "pp" || unit.startsWith("percentage point") || unit.startsWith("% point")) {
      return {
        ok: true,
        value: {
          kind: "margin",
          value: percentToFraction(value),
          unit: "percent",
          relative: false,
          written: text,
        },
      };
    }
    if (unit.startsWith("point") || unit.startsWith("pt"))
      return {
        ok: true,
        value: { kind: "margin", value, unit: null, relative: false, points: true, written: text },
      };
    return {
      ok: true,
      value: {
        kind: "margin",
        value,
        unit: unit.startsWith("day") ? "days" : null,
        relative: false,
        written: text,
      },
    };
  }
  return marginStart.test(text)
    ? { ok: false, problem: `"${text}" is not a margin the add-in can read` }
    : null;
}
