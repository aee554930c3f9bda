/**
 * Which tolerance set coloured a sheet, worked out from the add-in's own rules on it: the rules each set's plan
 * would write are compared with the rules that are there, so no surface claims colours the sheet does not
 * show; and how that stands against the set shown now, so a surface can offer to apply again.
 */
import { appraiseTables, type Appraisal } from "../appraisal/appraisal";
import { formattingPlan } from "./plan";
import type { FoundTables } from "../sheet/tables";

export type SheetColours =
  /** The sheet carries no KPI RAG rules. */
  | { kind: "uncoloured" }
  /** Its rules are the plan of the set shown now. */
  | { kind: "as shown"; toleranceSet: string }
  /** Its rules are another set's plan: applying again would change its colours. */
  | { kind: "by another set"; toleranceSet: string }
  /** Its rules match no set's plan as the sheet reads now (rows added, moved or edited since). */
  | { kind: "outdated" };

/** Formulas compared as Excel reads them: spaces and letter case make no rule of their own. */
const squeezed = (formula: string): string => formula.replace(/\s+/g, "").toUpperCase();

function sameRules(planned: readonly string[], onSheet: readonly string[]): boolean {
  if (planned.length !== onSheet.length) return false;
  const left = planned.map(squeezed).sort();
  const right = onSheet.map(squeezed).sort();
  return left.every((formula, index) => formula === right[index]);
}

/**
 * What coloured the sheet, given the formulas of the add-in's rules on it, the sheet's tolerance sets and the
 * appraisal shown now (its set is tried first, then the others under the same scheme).
 */
export function sheetColours(
  found: FoundTables,
  onSheet: readonly string[],
  sets: readonly string[],
  shown: Appraisal
): SheetColours {
  if (onSheet.length === 0) return { kind: "uncoloured" };
  const planOf = (appraisal: Appraisal): string[] =>
    formattingPlan(appraisal).rules.map((rule) => rule.formula);
  if (sameRules(planOf(shown), onSheet))
    return { kind: "as shown", toleranceSet: shown.toleranceSet };
  for (const set of sets) {
    if (set === shown.toleranceSet) continue;
    if (sameRules(planOf(appraiseTables(found, set, shown.scheme)), onSheet))
      return { kind: "by another set", toleranceSet: set };
  }
  return { kind: "outdated" };
}

/** The set whose colours the sheet shows, where its rules are one set's plan. */
export function colouringSet(colours: SheetColours): string | undefined {
  return colours.kind === "as shown" || colours.kind === "by another set"
    ? colours.toleranceSet
    : undefined;
}
