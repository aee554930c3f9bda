/**
 * Which tolerance set coloured the sheet, worked out from the add-in's own rules on it: the rules a set's plan
 * writes are compared with the rules that are there, so the pane never claims colours the sheet does not show.
 * (The core could offer this beside formattingPlan; it is built here from the plan it gives.)
 */
import { appraiseTables, formattingPlan, type Appraisal, type FoundTables } from "../core";

/** undefined: the sheet carries no KPI RAG rules; null: its rules match no set's plan as the sheet reads now. */
export type SheetColours = string | null | undefined;

const squeezed = (formula: string): string => formula.replace(/\s+/g, "").toUpperCase();

function sameRules(planned: readonly string[], onSheet: readonly string[]): boolean {
  if (planned.length !== onSheet.length) return false;
  const left = planned.map(squeezed).sort();
  const right = onSheet.map(squeezed).sort();
  return left.every((formula, index) => formula === right[index]);
}

/** The set whose plan matches the rules on the sheet, trying the appraisal already made first. */
export function colouredBy(
  found: FoundTables,
  onSheet: readonly string[],
  sets: readonly string[],
  shown: Appraisal
): SheetColours {
  if (onSheet.length === 0) return undefined;
  const planOf = (appraisal: Appraisal): string[] =>
    formattingPlan(appraisal).rules.map((rule) => rule.formula);
  if (sameRules(planOf(shown), onSheet)) return shown.toleranceSet;
  for (const set of sets) {
    if (set === shown.toleranceSet) continue;
    if (sameRules(planOf(appraiseTables(found, set, shown.scheme)), onSheet)) return set;
  }
  return null;
}
