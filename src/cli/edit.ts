/**
 * The only edits kpi-rag makes to a worksheet part: take out the add-in's own rules and put the plan's
 * <conditionalFormatting> blocks where the schema wants them. Every other byte streams through as it was.
 */
import { moveFormula, topLeftOf, type PlannedRule } from "../core";
import { CommandProblem } from "./problem";
import type { PartEdit } from "./package-writer";
import type { SheetLayout } from "./sheet";
import type { SheetCopy } from "./sheet-copy";
import type { Workbook, WorkbookSheet } from "./workbook";
import { escapeXml } from "./xml";

/** A rule's priority is a 32-bit signed integer in Excel's files. */
const highestExcelPriority = 2_147_483_647;

/** A sheet's rules as the blocks kpi-rag writes, refused in one line where their priorities would pass Excel's highest. */
export function sheetRuleXml(
  sheetName: string,
  rules: readonly PlannedRule[],
  dxfIds: readonly number[],
  layout: SheetLayout
): string {
  const blocks = blocksOf(rules);
  const written = writtenRuleCount(blocks);
  if (layout.highestPriority > highestExcelPriority - written)
    throw new CommandProblem(
      `The sheet "${sheetName}" has a conditional-format rule with priority ${layout.highestPriority}, too near Excel's highest (${highestExcelPriority}) for kpi-rag's ${written} rules to come after it: open and save the workbook in Excel, which numbers its rules from 1 again, then try again`
    );
  return ruleBlocks(rules, blocks, dxfIds, layout);
}

/** Rules of the plan (by index, in the plan's order) that colour the same areas, written as one block. */
export interface RuleBlock {
  areas: string[];
  rules: number[];
}

/**
 * The plan's rules grouped by the areas they colour: each area is written once, in a block with every rule
 * that colours it. A definition's Green, Amber and Red share a block; a status's rule shared by several
 * definitions (Green at 90% for two of them) is written in each of their blocks, so a long sheet's rows are
 * listed once, not once per distinct list of areas. Each block's areas keep their reading order, the first
 * holding the block's top-left cell (its rules' formulas are moved there).
 */
export function blocksOf(rules: readonly PlannedRule[]): RuleBlock[] {
  // Each area's set of rules is a node of a tree of sets, one group of rules deeper per group that colours
  // it, so a sheet's tens of thousands of areas make no key of their own.
  // Rules with the same list of areas go down the tree together, so each area is looked up once per list.
  const everySet: RuleSet = { rules: [], wider: new Map(), areas: [] };
  const setOfArea = new Map<string, RuleSet>();
  for (const [first, together] of rulesWithSameAreas(rules)) {
    for (const area of rules[first].appliesTo) {
      const narrower = setOfArea.get(area) ?? everySet;
      let wider = narrower.wider.get(first);
      if (wider === undefined) {
        const inOrder = [...narrower.rules, ...together].sort((a, b) => a - b);
        wider = { rules: inOrder, wider: new Map(), areas: [] };
        narrower.wider.set(first, wider);
      }
      setOfArea.set(area, wider);
    }
  }
  const blocks: RuleBlock[] = [];
  for (const [area, set] of setOfArea) {
    if (set.areas.length === 0) blocks.push({ areas: set.areas, rules: set.rules });
    set.areas.push(area);
  }
  return blocks;
}

/**
 * The plan's rules (by index) grouped by their list of areas, each group under its first rule, in the plan's
 * order. A set of bands' statuses colour the same cells, so their rules share one list: at 100,000 rows
 * looking each area up once per rule was a tenth of the command's time.
 */
function rulesWithSameAreas(rules: readonly PlannedRule[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  const firstsByLength = new Map<number, number[]>();
  rules.forEach((rule, index) => {
    const areas = rule.appliesTo;
    let firsts = firstsByLength.get(areas.length);
    if (firsts === undefined) firstsByLength.set(areas.length, (firsts = []));
    const same = firsts.find((first) => sameAreas(rules[first].appliesTo, areas));
    if (same !== undefined) groups.get(same)!.push(index);
    else {
      groups.set(index, [index]);
      firsts.push(index);
    }
  });
  return groups;
}

function sameAreas(a: readonly string[], b: readonly string[]): boolean {
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** A set of rules, the sets with one rule more, and the areas that exactly this set colours. */
interface RuleSet {
  rules: number[];
  wider: Map<number, RuleSet>;
  areas: string[];
}

/** How many rules the blocks write: a rule written in several blocks counts in each. */
export function writtenRuleCount(blocks: readonly RuleBlock[]): number {
  return blocks.reduce((count, block) => count + block.rules.length, 0);
}

/**
 * The blocks as <conditionalFormatting> elements, numbered after every rule that stays. Priorities follow the
 * plan's order of rules (a rule written in several blocks takes consecutive numbers), so wherever rules meet
 * on a cell they stand in the plan's order.
 */
export function ruleBlocks(
  rules: readonly PlannedRule[],
  blocks: readonly RuleBlock[],
  dxfIds: readonly number[],
  layout: SheetLayout
): string {
  const p = layout.prefix ? `${layout.prefix}:` : "";
  const written = blocks.flatMap((block, blockIndex) =>
    block.rules.map((rule) => ({ blockIndex, rule, priority: 0 }))
  );
  [...written]
    .sort((a, b) => a.rule - b.rule || a.blockIndex - b.blockIndex)
    .forEach((entry, order) => (entry.priority = layout.highestPriority + order + 1));
  const xml: string[] = [];
  let at = 0;
  blocks.forEach((block, blockIndex) => {
    xml.push(`<${p}conditionalFormatting sqref="${escapeXml(block.areas.join(" "))}">`);
    const corner = topLeftOf(block.areas[0]);
    for (; at < written.length && written[at].blockIndex === blockIndex; at++) {
      const { rule: index, priority } = written[at];
      const rule = rules[index];
      const anchor = topLeftOf(rule.appliesTo[0]);
      const moved = moveFormula(
        rule.formula,
        corner.row - anchor.row,
        corner.column - anchor.column
      );
      const formula = escapeXml(moved.replace(/^=/, ""));
      xml.push(
        `<${p}cfRule type="expression" dxfId="${dxfIds[index]}" priority="${priority}"><${p}formula>${formula}</${p}formula></${p}cfRule>`
      );
    }
    xml.push(`</${p}conditionalFormatting>`);
  });
  return xml.join("");
}

/**
 * The part's bytes with `remove` ranges left out and `insert` put in at `insertAt`, chunk by chunk.
 * Ranges are byte offsets of the part as read, sorted and not overlapping.
 */
export async function* splice(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
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

/**
 * The sheet with its rules spliced in: on from its copy made when read (its bytes checked then) where no
 * edit falls in the copy's deflated bytes, or else inflated again.
 */
export function sheetEdit(
  workbook: Workbook,
  sheet: WorkbookSheet,
  layout: SheetLayout,
  blocks: Buffer,
  copy: SheetCopy | undefined
): PartEdit {
  const { ownRanges, insertAt } = layout;
  const firstEdited = ownRanges.reduce((first, [start]) => Math.min(first, start), insertAt);
  if (copy?.continuable(firstEdited)) {
    // The kept bytes start where the deflated ones end: the edits' offsets are moved back by as many.
    const from = copy.begun.size;
    const moved = ownRanges.map(([start, end]) => [start - from, end - from] as const);
    return { begun: copy.begun, rest: () => splice(copy.rest(), moved, insertAt - from, blocks) };
  }
  const entry = workbook.zip.entry(sheet.part)!;
  return () => splice(workbook.zip.streamPart(entry, workbook.label), ownRanges, insertAt, blocks);
}
