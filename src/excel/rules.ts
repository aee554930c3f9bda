/**
 * Writing the add-in's conditional formats through Office.js, where real Excel differs from the book:
 * - the old rules are deleted by id, highest priority number first, and a rule that has gone already is no
 *   failure (getItemOrNullObject, ExcelApi 1.14; before it, an ItemNotFound makes the write start again from
 *   a fresh reading: office-js #5222, #6396);
 * - each rule's areas go to getRanges in lists under 8 KB (longer addresses fail with InvalidArgument:
 *   office-js #5198), joined with the list separator this Excel takes (office-js #1167, #1985); when Excel
 *   refuses the list the write starts again with the other separator;
 * - priority is set last, after the formula and colours: setting it moves the rule, and the object then
 *   stands for whatever rule is at its old place ("re-fetch the object": ConditionalFormat.priority reference).
 */
import { moveFormula, parseCellAddress, type FormattingPlan, type PlannedRule } from "../core";
import { errorCode, officeError } from "./office-errors";
import type { Capabilities } from "./requirements";
import { activeSheet, type OwnRule, type SheetLocator } from "./sheet-reading";

/** getRanges' address may not be longer (office-js #5198 failed at 8,207 characters). */
export const longestAreaList = 8000;

/** Beyond any sheet's count of rules: Excel then gives the rule the last priority. */
const lastPriority = 1_000_000;

export function otherSeparator(separator: "," | ";"): "," | ";" {
  return separator === "," ? ";" : ",";
}

/** A rule's areas in lists getRanges takes, each with the formula moved to its own first cell. */
export function areaLists(
  rule: Pick<PlannedRule, "formula" | "appliesTo">,
  separator: string
): Array<{ address: string; formula: string }> {
  const lists: string[][] = [];
  let length = 0;
  for (const area of rule.appliesTo) {
    const current = lists[lists.length - 1];
    if (!current || length + separator.length + area.length > longestAreaList) {
      lists.push([area]);
      length = area.length;
    } else {
      current.push(area);
      length += separator.length + area.length;
    }
  }
  const anchor = parseCellAddress(rule.appliesTo[0].split(":")[0]) ?? { row: 0, column: 0 };
  return lists.map((areas) => {
    const corner = parseCellAddress(areas[0].split(":")[0]) ?? anchor;
    return {
      address: areas.join(separator),
      formula: moveFormula(rule.formula, corner.row - anchor.row, corner.column - anchor.column),
    };
  });
}

/** Queues the deletion of the add-in's old rules, by id, the last-applied first. */
export function queueDeletions(
  context: Excel.RequestContext,
  rules: OwnRule[],
  capabilities: Capabilities,
  locate: SheetLocator = activeSheet
): void {
  const formats = locate(context).getRange().conditionalFormats;
  for (const rule of [...rules].sort((a, b) => b.priority - a.priority)) {
    (capabilities.formatById
      ? formats.getItemOrNullObject(rule.id)
      : formats.getItem(rule.id)
    ).delete();
  }
}

/** Queues the plan's rules, below every rule already there, so where the analyst's own rules colour a cell, theirs win. */
export function queueRules(
  context: Excel.RequestContext,
  plan: FormattingPlan,
  separator: "," | ";",
  locate: SheetLocator = activeSheet
): void {
  const sheet = locate(context);
  for (const rule of plan.rules) {
    for (const list of areaLists(rule, separator)) {
      const format = sheet
        .getRanges(list.address)
        .conditionalFormats.add(Excel.ConditionalFormatType.custom);
      format.custom.rule.formula = list.formula;
      format.custom.format.fill.color = rule.fill;
      format.custom.format.font.color = rule.font;
      if (rule.numberFormat !== undefined) format.custom.format.numberFormat = rule.numberFormat;
      format.priority = lastPriority;
    }
  }
}

/** Whether a failed write is worth starting again from a fresh reading, and with which separator. */
export function retryAfter(
  error: unknown,
  separator: "," | ";"
): { separator: "," | ";" } | undefined {
  const code = errorCode(error);
  if (code === officeError.invalidArgument) return { separator: otherSeparator(separator) };
  if (code === officeError.itemNotFound) return { separator };
  return undefined;
}
