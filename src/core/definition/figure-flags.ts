/**
 * The flags published statistics put on a figure (`56p` provisional, `48 r` revised, `72%*` see note), with
 * their meaning (a sheet's own key of them is read in `sheet-key.ts`, and wins). One list of flag symbols serves the reading of a cell and the rule formulas that strip them, so the colour
 * Excel paints and the status the core gives read the same figures.
 */
import { flagName, noteMarks } from "./flag-symbols";
import type { Words } from "./words";

/**
 * The flags of the GSS and DfE conventions on a figure, with their meaning; the sheet's key wins over these.
 * Each is one more SUBSTITUTE in every rule formula, so only the common ones: `u` (low reliability) stays a
 * suppression symbol, and `f`, `b` or `‡` on a figure are not read.
 */
const builtInFlags: ReadonlyMap<string, string> = new Map([
  ["p", "provisional"],
  ["r", "revised"],
  ["e", "estimated"],
  ["*", "see note"],
  ["†", "see note"],
]);

/**
 * What the rule formula takes out of a cell's lower-cased text before NUMBERVALUE reads it: the unit "days",
 * every flag symbol (with the brackets of "[p]") and the spaces left between them, which Excel's NUMBERVALUE
 * ignores but other spreadsheets need not. A "per 10,000" and all after it is cut off first.
 */
export const formulaStrippedWords: readonly string[] = [
  "days",
  "[",
  "]",
  ...builtInFlags.keys(),
  " ",
];

/** What a flag on a figure means, the sheet's key first: "provisional", "Figure includes late returns". */
export function flagMeaning(written: string, words: Words | undefined): string {
  const flag = flagName(written);
  // A key that gives "*" and "**" meanings of their own is read mark by mark.
  return (
    words?.flags?.get(noteMarks(written)) ??
    words?.flags?.get(flag) ??
    builtInFlags.get(flag) ??
    "see note"
  );
}
