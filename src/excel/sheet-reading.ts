/**
 * Reading the active sheet into a plain grid, with the add-in's own conditional formats on it. An ordinary
 * sheet is read in one sync: its name, its used range, its first block of rows with their merged areas, and
 * its rules. A larger sheet is read in further blocks of rows, each sized from the one before to stay under
 * Excel on the web's response payload limit (about 5 MB a request: "Resource limits and performance
 * optimization for Office Add-ins"). When that first sync fails (a rule Excel cannot describe, more than 512
 * merged areas, a block too large) every part is read in guarded steps instead (see guarded.ts): rules that
 * cannot be read are counted and left alone, never deleted.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read --
   Each part's loads are queued in a closure whose reader runs after readGuarded's sync: the office-addins
   rules cannot follow a read into a closure. */
import {
  reading,
  type BlockCells,
  type OwnRule,
  type RuleFacts,
  type SheetReading,
  type UsedArea,
} from "./sheet-grid";
import { readGuarded, type Outcome } from "./guarded";
import { isCellEditMode } from "./office-errors";
import { detectCapabilities, type Capabilities } from "./requirements";

export type { OwnRule, SheetReading };

/** Which sheet to read or write: the active one, or the self-check's hidden sheet. */
export type SheetLocator = (context: Excel.RequestContext) => Excel.Worksheet;

export const activeSheet: SheetLocator = (context) =>
  context.workbook.worksheets.getActiveWorksheet();

/** Rows in the first block, read with everything else in the first sync: an ordinary sheet is one block. */
export const firstBlockRows = 5000;
/**
 * What one block's values and formats may weigh, as JSON: four fifths of the web's 5 MB response limit, the
 * rest for what the response carries besides. A block that still proves too large is read in halves.
 */
export const blockBudgetBytes = 4_200_000;
const biggestBlockRows = 100_000;
/**
 * Rows read ahead after the first block when the pane opens: twice as many, since the first block's rows
 * tell nothing of the sheet's width yet. An ordinary sheet of 12 columns weighs about 2.3 MB at that, under
 * the web's limit; a wider one fails the read ahead, and is read in blocks sized from the first.
 */
const aheadRows = 2 * firstBlockRows;

interface Block {
  top: number;
  rows: number;
}

/** The sheet, its name, its used range and the list separator, queued for the next sync. */
function queueSheetFacts(
  context: Excel.RequestContext,
  capabilities: Capabilities,
  locate: SheetLocator
) {
  const sheet = locate(context);
  const named = locate(context);
  named.load("name,id");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  return {
    sheet,
    named,
    used,
    separator: queueListSeparator(context, capabilities),
    formats: sheet.getRange().conditionalFormats,
  };
}

/**
 * `readAhead`: the pane's opening asks for the next rows in a request of its own beside the first
 * sync, before knowing the sheet's size, so Excel works on it while the page takes the first block rather
 * than after the page asks. On a sheet of 5,000 rows or fewer it answers that nothing is there.
 */
export async function readActiveSheet(
  context: Excel.RequestContext,
  capabilities: Capabilities = detectCapabilities(),
  locate: SheetLocator = activeSheet,
  { readAhead = false }: { readAhead?: boolean } = {}
): Promise<SheetReading> {
  const { sheet, named, used, separator, formats } = queueSheetFacts(context, capabilities, locate);
  formats.load("items/id,items/type,items/priority,items/customOrNullObject/rule/formula");
  const first = queueBlock(sheet, { top: 0, rows: firstBlockRows }, capabilities);
  const synced = context.sync();
  const ahead = readAhead ? readSecondBlock(capabilities, locate) : undefined;
  try {
    await synced;
  } catch (error) {
    if (isCellEditMode(error)) throw error;
    return readInGuardedSteps(context, capabilities, locate);
  }
  const rules = formats.items.map((format) => ({
    id: format.id,
    priority: format.priority,
    formula:
      format.type === Excel.ConditionalFormatType.custom && !format.customOrNullObject.isNullObject
        ? format.customOrNullObject.rule.formula
        : null,
  }));
  const area = usedArea(used);
  const blocks = [first()].filter((block): block is BlockCells => block !== null);
  let next = {
    top: Math.max(firstBlockRows, area?.top ?? 0),
    rows: rowsFor(blocks[0], firstBlockRows),
  };
  // The second block read ahead, where the sheet's cells begin in the first and go on past it.
  if (area && area.top < firstBlockRows && area.top + area.rows > firstBlockRows) {
    const second = await ahead;
    if (second?.sheetId === named.id) {
      if (second.cells) blocks.push(second.cells);
      next = {
        top: firstBlockRows + aheadRows,
        rows: rowsFor(second.cells ?? blocks[0], firstBlockRows),
      };
    }
  }
  const rest = area
    ? await readBlocksFrom(context, sheet, capabilities, next.top, area, next.rows)
    : [];
  return reading(named, area, [...blocks, ...rest], rules, 0, separator());
}

/**
 * Rows 5,001 to 15,000 of the sheet, with its id (the active sheet may change between two requests); undefined
 * when Excel could not give them (too large a block on the web): they are then read as any later block is.
 */
function readSecondBlock(
  capabilities: Capabilities,
  locate: SheetLocator
): Promise<{ sheetId: string; cells: BlockCells | null } | undefined> {
  return Excel.run(async (context) => {
    const sheet = locate(context);
    sheet.load("id");
    const cells = queueBlock(sheet, { top: firstBlockRows, rows: aheadRows }, capabilities);
    await context.sync();
    return { sheetId: sheet.id, cells: cells() };
  }).catch(() => undefined);
}

/** The same reading, each part guarded: used range and rule ids first, then each rule's formula, then blocks. */
async function readInGuardedSteps(
  context: Excel.RequestContext,
  capabilities: Capabilities,
  locate: SheetLocator
): Promise<SheetReading> {
  const { sheet, named, used, separator, formats } = queueSheetFacts(context, capabilities, locate);
  const count = formats.getCount();
  await context.sync();
  // Each rule by its place, so one Excel cannot describe (even its id: office-js #6396) fails only itself.
  const places = Array.from({ length: count.value }, (_, index) => index);
  const described = await readGuarded(context, places, {
    queue: (index) => {
      const format = formats.getItemAt(index);
      format.load("id,type,priority");
      const custom = format.customOrNullObject;
      custom.load("rule/formula");
      return () => ({
        id: format.id,
        priority: format.priority,
        formula: custom.isNullObject ? null : custom.rule.formula,
      });
    },
  });
  const rules = described
    .filter((outcome): outcome is Extract<Outcome<number, RuleFacts>, { ok: true }> => outcome.ok)
    .map((outcome) => outcome.result);
  const area = usedArea(used);
  const blocks = area
    ? await readBlocksFrom(context, sheet, capabilities, area.top, area, firstBlockRows)
    : [];
  return reading(named, area, blocks, rules, described.length - rules.length, separator());
}

/**
 * The blocks of rows from `top` to the used range's last row, one sync each, each sized from the weight per
 * row of the block before. A block that still fails is read in halves; a single row that cannot be read fails
 * the reading, since a grid with a hole would be rated wrongly.
 */
async function readBlocksFrom(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  capabilities: Capabilities,
  top: number,
  area: UsedArea,
  rows: number
): Promise<BlockCells[]> {
  const end = area.top + area.rows;
  if (top >= end) return [];
  const block = { top, rows: Math.min(rows, end - top) };
  const outcomes = await readGuarded(context, [block], {
    queue: (part) => queueBlock(sheet, part, capabilities),
    split: (part) =>
      part.rows > 1
        ? [
            { top: part.top, rows: Math.ceil(part.rows / 2) },
            { top: part.top + Math.ceil(part.rows / 2), rows: Math.floor(part.rows / 2) },
          ]
        : undefined,
  });
  const failed = outcomes.find((outcome) => !outcome.ok);
  if (failed && !failed.ok) throw failed.error;
  const cells = outcomes.flatMap((outcome) =>
    outcome.ok && outcome.result ? [outcome.result] : []
  );
  const last = cells[cells.length - 1];
  return [
    ...cells,
    ...(await readBlocksFrom(
      context,
      sheet,
      capabilities,
      block.top + block.rows,
      area,
      rowsFor(last, block.rows)
    )),
  ];
}

/** How many rows the next block may have, from what the last one weighed. */
function rowsFor(block: BlockCells | null | undefined, rows: number): number {
  if (!block || block.values.length === 0) return rows;
  const bytes = JSON.stringify(block.values).length + JSON.stringify(block.numberFormats).length;
  const perRow = Math.max(1, bytes / block.values.length);
  return Math.max(1, Math.min(biggestBlockRows, Math.floor(blockBudgetBytes / perRow)));
}

/** Queues one block's used cells and its merged areas (each block has far fewer than Excel's 512). */
function queueBlock(
  sheet: Excel.Worksheet,
  block: Block,
  capabilities: Capabilities
): () => BlockCells | null {
  const rows = sheet.getRange(`${block.top + 1}:${block.top + block.rows}`);
  const cells = rows.getUsedRangeOrNullObject(true);
  cells.load(["rowIndex", "columnIndex", "values", "numberFormat"]);
  const merged = capabilities.mergedAreas ? rows.getMergedAreasOrNullObject() : null;
  merged?.load(
    "areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount"
  );
  return () => {
    if (cells.isNullObject) return null;
    const merges =
      merged && !merged.isNullObject
        ? merged.areas.items.map((range) => ({
            top: range.rowIndex,
            left: range.columnIndex,
            bottom: range.rowIndex + range.rowCount - 1,
            right: range.columnIndex + range.columnCount - 1,
          }))
        : [];
    return {
      top: cells.rowIndex,
      left: cells.columnIndex,
      values: cells.values,
      numberFormats: cells.numberFormat as string[][],
      merges,
    };
  };
}

function usedArea(used: Excel.Range): UsedArea | null {
  return used.isNullObject
    ? null
    : {
        top: used.rowIndex,
        left: used.columnIndex,
        rows: used.rowCount,
        columns: used.columnCount,
      };
}

/**
 * getRanges takes a list of areas "B2:B9,D2:D9", but Excel on Windows wants the locale's list separator there
 * (";" where the decimal separator is ",": office-js #1167, #1985), while Excel on the web takes ",". Office.js
 * does not say the list separator, so it is taken from the decimal separator (Application.cultureInfo,
 * ExcelApi 1.11) outside the web; writing falls back to the other separator when Excel refuses (rules.ts).
 */
function queueListSeparator(
  context: Excel.RequestContext,
  capabilities: Capabilities
): () => "," | ";" {
  const onTheWeb =
    typeof Office !== "undefined" && Office.context?.platform === Office.PlatformType?.OfficeOnline;
  if (onTheWeb || !capabilities.cultureInfo) return () => ",";
  const numbers = context.application.cultureInfo.numberFormat;
  numbers.load("numberDecimalSeparator");
  return () => (numbers.numberDecimalSeparator === "," ? ";" : ",");
}
