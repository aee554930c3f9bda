/**
 * The only edits kpi-rag makes to a worksheet part: take out the add-in's own rules and put the plan's
 * <conditionalFormatting> blocks where the schema wants them. Every other byte streams through as it was.
 */
import type { PlannedRule } from "../core";
import type { SheetLayout } from "./sheet";
import { escapeXml } from "./xml";

/**
 * The plan's rules as <conditionalFormatting> blocks, numbered after every rule that stays. Rules in a row of the
 * plan that colour the same areas (a definition's Green, Amber and Red) share one block, so their areas are
 * written once: on a long sheet the area lists are most of the rules' XML.
 */
export function ruleBlocks(
  rules: readonly PlannedRule[],
  dxfIds: readonly number[],
  layout: SheetLayout
): string {
  const p = layout.prefix ? `${layout.prefix}:` : "";
  const blocks: string[] = [];
  let areas: string | undefined;
  rules.forEach((rule, index) => {
    const ruleAreas = rule.appliesTo.join(" ");
    if (ruleAreas !== areas) {
      if (areas !== undefined) blocks.push(`</${p}conditionalFormatting>`);
      blocks.push(`<${p}conditionalFormatting sqref="${escapeXml(ruleAreas)}">`);
      areas = ruleAreas;
    }
    const priority = layout.highestPriority + index + 1;
    const formula = escapeXml(rule.formula.replace(/^=/, ""));
    blocks.push(
      `<${p}cfRule type="expression" dxfId="${dxfIds[index]}" priority="${priority}"><${p}formula>${formula}</${p}formula></${p}cfRule>`
    );
  });
  if (areas !== undefined) blocks.push(`</${p}conditionalFormatting>`);
  return blocks.join("");
}

/**
 * The part's bytes with `remove` ranges left out and `insert` put in at `insertAt`, chunk by chunk.
 * Ranges are byte offsets of the part as read, sorted and not overlapping.
 */
export async function* splice(
  chunks: AsyncIterable<Buffer>,
  remove: ReadonlyArray<readonly [number, number]>,
  insertAt: number,
  insert: Buffer
): AsyncGenerator<Buffer> {
  const ranges = [...remove].sort((a, b) => a[0] - b[0]);
  let position = 0;
  let range = 0;
  let inserted = insert.length === 0;
  for await (const chunk of chunks) {
    const end = position + chunk.length;
    let at = position;
    while (at < end) {
      if (!inserted && insertAt === at) {
        yield insert;
        inserted = true;
      }
      while (range < ranges.length && ranges[range][1] <= at) range += 1;
      const next = ranges[range];
      if (next && next[0] <= at) {
        at = Math.min(end, next[1]);
        continue;
      }
      let stop = next ? Math.min(end, next[0]) : end;
      if (!inserted && insertAt > at && insertAt < stop) stop = insertAt;
      yield chunk.subarray(at - position, stop - position);
      at = stop;
    }
    position = end;
  }
  if (!inserted && insertAt === position) yield insert;
}
