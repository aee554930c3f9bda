/**
 * The active sheet through Office.js: reading it (sheet-reading.ts), applying a formatting plan and removing
 * the add-in's rules (rules.ts), selecting a KPI's row and making a shareable copy. Everything else on the
 * sheet is left alone.
 */
import {
  appraise,
  callsOwnFunction,
  defaultSettings,
  findTables,
  topLeftOf,
  planOf,
  type Appraisal,
  type FormattingPlan,
  type FoundTables,
  type Register,
  type Settings,
  type Words,
} from "../core";
import { detectCapabilities, type Capabilities } from "./requirements";
import { queueDeletions, queueRules, retryAfter } from "./rules";
import {
  activeSheet,
  readActiveSheet,
  type OwnRule,
  type SheetLocator,
  type SheetReading,
} from "./sheet-reading";

export { readActiveSheet, type OwnRule, type SheetLocator, type SheetReading };

export interface Applied {
  found: FoundTables;
  /** The sheet's appraisal, whose rules were written: the pane shows its report without rating again. */
  appraisal: Appraisal;
  plan: FormattingPlan;
  removed: number;
  /** Conditional formats Excel could not describe, left as they are. */
  unreadableRules: number;
  /** Blocks of rows the sheet was read in. */
  blocks: number;
}

/**
 * Reads the active sheet afresh and replaces the add-in's rules with the plan's: two syncs on an ordinary
 * sheet. If Excel refuses the write (an area list in a separator it does not take, a rule gone since it was
 * read) it is read and written once more; a write that failed part-way is repaired the same way, since it
 * first deletes every rule of its own that is there.
 */
export async function applyRagFormatting(
  context: Excel.RequestContext,
  register: Register,
  toleranceSet: string,
  capabilities: Capabilities,
  words?: Words,
  settings: Settings = defaultSettings
): Promise<Applied> {
  const reading = await readActiveSheet(context, capabilities);
  const found = findTables(reading.grid, register, { words });
  const appraisal = appraise(found, {
    toleranceSet,
    scheme: settings.scheme,
    symbols: settings.symbols,
  });
  const plan = planOf(appraisal);
  await replaceRules(context, plan, reading, capabilities);
  return {
    found,
    appraisal,
    plan,
    removed: reading.ownRules.length,
    unreadableRules: reading.unreadableRules,
    blocks: reading.blocks,
  };
}

/** Writes a plan over the add-in's rules that a reading found: one sync, or three where Excel refuses the first write. */
export async function replaceRules(
  context: Excel.RequestContext,
  plan: FormattingPlan,
  reading: SheetReading,
  capabilities: Capabilities,
  locate: SheetLocator = activeSheet
): Promise<void> {
  try {
    await writePlan(context, plan, reading.ownRules, capabilities, reading.listSeparator, locate);
  } catch (error) {
    const retry = retryAfter(error, reading.listSeparator);
    if (!retry) throw error;
    const again = await readActiveSheet(context, capabilities, locate);
    await writePlan(context, plan, again.ownRules, capabilities, retry.separator, locate);
  }
}

/** Deletes the add-in's old rules and adds the plan's, in one sync. */
export async function writePlan(
  context: Excel.RequestContext,
  plan: FormattingPlan,
  ownRules: OwnRule[],
  capabilities: Capabilities,
  separator: "," | ";" = ",",
  locate: SheetLocator = activeSheet
): Promise<void> {
  context.application.suspendScreenUpdatingUntilNextSync();
  queueDeletions(context, ownRules, capabilities, locate);
  queueRules(context, plan, separator, locate);
  await context.sync();
}

/** Removes only the add-in's own rules from the active sheet: two syncs. Returns how many went. */
export async function removeRagFormatting(
  context: Excel.RequestContext,
  capabilities: Capabilities = detectCapabilities()
): Promise<{ removed: number; unreadableRules: number }> {
  const reading = await readActiveSheet(context, capabilities);
  try {
    queueDeletions(context, reading.ownRules, capabilities);
    await context.sync();
  } catch (error) {
    if (!retryAfter(error, ",")) throw error;
    queueDeletions(context, (await readActiveSheet(context, capabilities)).ownRules, capabilities);
    await context.sync();
  }
  return { removed: reading.ownRules.length, unreadableRules: reading.unreadableRules };
}

/** Activates a sheet and selects one of its rows (0-based), so the analyst sees the KPI the pane named. */
export async function selectSheetRow(
  context: Excel.RequestContext,
  sheetName: string,
  row: number
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(`${row + 1}:${row + 1}`).select();
  await context.sync();
}

/**
 * Copies the active sheet and, in the copy, replaces every KPI. formula with the value it shows, so people
 * without the add-in see the same figures. Only those cells are written: every other cell stays as it was.
 * A sheet with no KPI. formula is not copied (no sheet name comes back): it can be shared as it is.
 */
export async function copySheetWithValues(
  context: Excel.RequestContext
): Promise<{ sheet?: string; replaced: number }> {
  const original = context.workbook.worksheets.getActiveWorksheet();
  // The original's values: the copy's own KPI formulas may still be calculating.
  const used = original.getUsedRangeOrNullObject();
  used.load(["address", "formulas", "values"]);
  await context.sync();
  const own: Array<{ row: number; column: number; value: unknown }> = [];
  if (!used.isNullObject) {
    const origin = topLeftOf(used.address);
    used.formulas.forEach((row, rowOffset) =>
      row.forEach((formula, columnOffset) => {
        if (callsOwnFunction(formula))
          own.push({
            row: origin.row + rowOffset,
            column: origin.column + columnOffset,
            value: used.values[rowOffset][columnOffset],
          });
      })
    );
  }
  if (own.length === 0) return { replaced: 0 };
  const copy = original.copy(Excel.WorksheetPositionType.after, original);
  copy.load("name");
  for (const cell of own) copy.getCell(cell.row, cell.column).values = [[cell.value]];
  copy.activate();
  await context.sync();
  return { sheet: copy.name, replaced: own.length };
}
