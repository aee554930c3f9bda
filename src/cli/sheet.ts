/**
 * One worksheet part, streamed once: its cells into the core's grid (values, number formats, merges) and, for the edit, where its conditional formats stand: the byte ranges of the add-in's own rules,
 * the offset where the schema wants new <conditionalFormatting> blocks, and the highest priority any other
 * rule has (Excel 2010 rules in extLst too), so the add-in's rules come after every rule of the analyst's.
 */
import { columnIndex, isOwnRule, type CellValue, type Grid, type GridArea } from "../core";
import { CellReader } from "./cells";
import { SheetDataScanner } from "./sheet-data";
import { spreadsheetNamespace } from "./styles";
import { localName, prefixFor, prefixOf, XmlStream, type XmlTag } from "./xml";

/** CT_Worksheet's elements up to and including conditionalFormatting, in the schema's sequence. */
const upToConditionalFormatting = new Set([
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
]);

export interface SheetLayout {
  /** The prefix the part gives SpreadsheetML's namespace ("" when it is the default namespace). */
  prefix: string;
  /** Where new <conditionalFormatting> blocks go: after every element the schema puts before them. */
  insertAt: number;
  /** Byte ranges to take out: the add-in's own rules, or whole blocks holding nothing else. */
  ownRanges: Array<[start: number, end: number]>;
  ownRules: number;
  /** The highest priority of any rule that stays. */
  highestPriority: number;
}

export interface SheetContent {
  grid: Grid;
  layout: SheetLayout;
}

export interface SheetContext {
  name: string;
  sharedStrings: readonly string[];
  numberFormats: readonly string[];
  date1904: boolean;
}

export async function readSheet(chunks: AsyncIterable<Buffer>, context: SheetContext): Promise<SheetContent> {
  const cells = new CellReader(context);
  const merges: GridArea[] = [];
  const layout: SheetLayout = { prefix: "", insertAt: -1, ownRanges: [], ownRules: 0, highestPriority: 0 };

  let prefix: string | undefined;
  let depth = 0;
  let section = ""; // the depth-1 element we are in
  let sectionIsOurs = false;

  // The conditional-format block being read.
  let blockStart = -1;
  let blockRules: Array<{ start: number; end: number; own: boolean; priority: number }> = [];
  let ruleStart = -1;
  let rulePriority = 0;
  let ruleOwn = false;
  let formulaText: string | undefined;

  const stream: XmlStream = new XmlStream({
    open(tag: XmlTag) {
      depth += 1;
      const name = tag.name;
      if (depth === 1) {
        prefix = prefixFor(tag, spreadsheetNamespace) ?? prefixOf(name);
        layout.prefix = prefix;
        layout.insertAt = stream.offset;
        return;
      }
      if (depth === 2) {
        sectionIsOurs = prefixOf(name) === prefix;
        section = sectionIsOurs ? localName(name) : "";
        if (section === "conditionalFormatting") {
          blockStart = stream.tagStart;
          blockRules = [];
        }
        return;
      }
      if (section === "sheetData") {
        // Only where the scanner could not take over (see below): saxes reads the cells.
        const local = prefix ? localName(name) : name;
        if (depth === 3 && local === "row") cells.openRow(tag.attributes.r);
        else if (depth === 4 && local === "c") cells.openCell(tag.attributes.r, tag.attributes.t, tag.attributes.s);
        else if (depth >= 5) cells.openInCell(local, depth - 4);
        return;
      }
      const local = localName(name);
      if (depth === 3 && section === "mergeCells" && local === "mergeCell" && tag.attributes.ref) {
        const area = areaOf(tag.attributes.ref);
        if (area) merges.push(area);
      } else if (local === "cfRule") {
        ruleStart = stream.tagStart;
        rulePriority = Number(tag.attributes.priority ?? 0) || 0;
        ruleOwn = false;
      } else if (local === "formula" || local === "f") {
        formulaText = "";
      }
    },
    text(text: string) {
      if (cells.capturing) cells.text(text);
      else if (formulaText !== undefined) formulaText += text;
    },
    close(tag: XmlTag) {
      if (section === "sheetData" && depth >= 3) {
        if (depth === 3) cells.closeRow();
        else if (depth === 4) cells.closeCell();
        else cells.closeInCell(localName(tag.name));
        depth -= 1;
        return;
      }
      if (depth > 2) {
        const local = localName(tag.name);
        if ((local === "formula" || local === "f") && formulaText !== undefined) {
          if (isOwnRule(formulaText)) ruleOwn = true;
          formulaText = undefined;
        } else if (local === "cfRule" && ruleStart >= 0) {
          const own = ruleOwn && depth === 3 && section === "conditionalFormatting" && sectionIsOurs;
          if (depth === 3 && section === "conditionalFormatting") blockRules.push({ start: ruleStart, end: stream.offset, own, priority: rulePriority });
          else layout.highestPriority = Math.max(layout.highestPriority, rulePriority);
          ruleStart = -1;
        }
      } else if (depth === 2) {
        if (section === "conditionalFormatting") {
          const own = blockRules.filter((rule) => rule.own);
          for (const rule of blockRules) if (!rule.own) layout.highestPriority = Math.max(layout.highestPriority, rule.priority);
          layout.ownRules += own.length;
          if (own.length > 0 && own.length === blockRules.length) layout.ownRanges.push([blockStart, stream.offset]);
          else for (const rule of own) layout.ownRanges.push([rule.start, rule.end]);
        }
        if (sectionIsOurs && upToConditionalFormatting.has(section)) layout.insertAt = stream.offset;
        section = "";
      }
      depth -= 1;
    },
  });
  // The head of the sheet goes to saxes up to the <sheetData> start tag, the rows and cells to the
  // scanner, and everything from </sheetData> on to saxes again; a sheet whose start tag is not found
  // early (or is empty) goes to saxes whole.
  const scanner = new SheetDataScanner(cells);
  let mode: "head" | "cells" | "rest" = "head";
  let head: Buffer = Buffer.alloc(0);
  let scanned = 0;
  const scan = (bytes: Buffer): void => {
    const rest = scanner.feed(bytes);
    scanned += bytes.length;
    if (!rest) return;
    stream.skip(scanned - rest.length);
    mode = "rest";
    stream.feed(rest);
  };
  for await (const chunk of chunks) {
    if (mode === "rest") stream.feed(chunk);
    else if (mode === "cells") scan(chunk);
    else {
      head = head.length > 0 ? Buffer.concat([head, chunk]) : chunk;
      const text = head.toString("latin1");
      const start = /<(?:[A-Za-z_][\w.-]*:)?sheetData(?:\s[^>]*)?>/.exec(text);
      if (start && !start[0].endsWith("/>")) {
        const end = start.index + start[0].length;
        stream.feed(head.subarray(0, end));
        mode = "cells";
        scan(head.subarray(end));
      } else if (/<(?:[A-Za-z_][\w.-]*:)?sheetData\s*\/>/.test(text) || head.length > 4 * 1024 * 1024) {
        mode = "rest";
        stream.feed(head);
      }
    }
  }
  if (mode === "head") stream.feed(head);
  if (mode === "cells") throw new Error("the sheet ends inside its cells");
  stream.end();
  cells.finish();
  const { values, numberFormats } = cells;
  clearMergedCells(values, merges);
  const grid: Grid = { sheet: context.name, origin: { row: 0, column: 0 }, values, numberFormats, merges };
  return { grid, layout };
}

/** Only the top-left cell of a merged area holds its value, as Excel shows it. */
function clearMergedCells(values: CellValue[][], merges: readonly GridArea[]): void {
  for (const area of merges) {
    const bottom = Math.min(area.bottom, values.length - 1);
    for (let row = area.top; row <= bottom; row++) {
      const cells = values[row];
      const right = Math.min(area.right, cells.length - 1);
      for (let column = area.left; column <= right; column++) {
        if (row !== area.top || column !== area.left) cells[column] = null;
      }
    }
  }
}

function areaOf(reference: string): GridArea | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(reference.trim());
  if (!match) return undefined;
  const top = Number(match[2]) - 1;
  const left = columnIndex(match[1]);
  return { top, left, bottom: match[4] ? Number(match[4]) - 1 : top, right: match[3] ? columnIndex(match[3]) : left };
}
