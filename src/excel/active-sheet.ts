/**
 * Reading the active sheet into a plain grid, with the add-in's own conditional formats on it, in one
 * sync; and writing a formatting plan back in one more. Everything else on the sheet is left alone.
 */
import { areaOfAddress, findTables, isOwnRule, moveFormula, parseCellAddress, planFormatting, topLeftOf, type CellPosition, type FormattingPlan, type GridArea, type FoundTables, type Grid, type Register, type Words } from "../core";
import { supportsExcelApi, type Capabilities } from "./requirements";
import { toCellValue } from "./cell-values";

export interface SheetReading {
  grid: Grid;
  /** The add-in's own conditional formats on the sheet, loaded for deletion in the same request. */
  ownFormats: Excel.ConditionalFormat[];
}

/** "Sheet1!A4:C4,Sheet1!A7:A18" as grid areas, offset from the used range's top-left cell. */
function mergesFrom(address: string, origin: CellPosition): GridArea[] {
  return address.split(",").map((written) => {
    const area = areaOfAddress(written);
    return { top: area.top - origin.row, left: area.left - origin.column, bottom: area.bottom - origin.row, right: area.right - origin.column };
  });
}

/** The active sheet's used cells and the add-in's own rules on it: one sync. */
export async function readActiveSheet(context: Excel.RequestContext): Promise<SheetReading> {
  const worksheets = context.workbook.worksheets;
  const named = worksheets.getActiveWorksheet();
  named.load("name");
  const used = worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true);
  used.load(["address", "values", "numberFormat"]);
  const formats = worksheets.getActiveWorksheet().getRange().conditionalFormats;
  formats.load("items/type,items/customOrNullObject/rule/formula");
  // Merged headers ("2021/22" over two quarters) and section labels are read through their merges where
  // this Excel can say where they are (ExcelApi 1.13); without, the top-left cells still carry the words.
  const merged = supportsExcelApi("1.13") ? worksheets.getActiveWorksheet().getRange().getMergedAreasOrNullObject() : null;
  merged?.load("address");
  await context.sync();
  const ownFormats = formats.items.filter((format) => format.type === Excel.ConditionalFormatType.custom && !format.customOrNullObject.isNullObject && isOwnRule(format.customOrNullObject.rule.formula));
  if (used.isNullObject) return { grid: { sheet: named.name, origin: { row: 0, column: 0 }, values: [], numberFormats: [], merges: [] }, ownFormats };
  const origin = topLeftOf(used.address);
  const merges = merged && !merged.isNullObject ? mergesFrom(merged.address, origin) : [];
  return { grid: { sheet: named.name, origin, values: used.values.map((row) => row.map(toCellValue)), numberFormats: used.numberFormat as string[][], merges }, ownFormats };
}

export interface Applied {
  found: FoundTables;
  plan: FormattingPlan;
  removed: number;
}

/**
 * Reads the active sheet afresh and replaces the add-in's rules with the plan's: two syncs whatever the
 * sheet's size. If the second sync fails part-way, applying again repairs it, since it first deletes every
 * rule of its own that is there.
 */
export async function applyRagFormatting(context: Excel.RequestContext, register: Register, toleranceSet: string, capabilities: Capabilities, words?: Words): Promise<Applied> {
  const { grid, ownFormats } = await readActiveSheet(context);
  const found = findTables(grid, register, { words });
  const plan = planFormatting(found, toleranceSet);
  await writePlan(context, plan, ownFormats, capabilities);
  return { found, plan, removed: ownFormats.length };
}

/** Deletes the add-in's old rules and adds the plan's, in one sync. */
export async function writePlan(context: Excel.RequestContext, plan: FormattingPlan, ownFormats: Excel.ConditionalFormat[], capabilities: Capabilities): Promise<void> {
  if (capabilities.rangeAreas) context.application.suspendScreenUpdatingUntilNextSync();
  for (const format of ownFormats) format.delete();
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  for (const rule of plan.rules) {
    if (capabilities.rangeAreas) addRule(sheet.getRanges(rule.appliesTo.join(",")), rule.formula, rule.fill, rule.font);
    else {
      // Without multi-area ranges, one rule per area, its formula moved to that area's top-left cell.
      const anchor = topLeftOf(rule.appliesTo[0]);
      for (const area of rule.appliesTo) {
        const corner = parseCellAddress(area.split(":")[0]) ?? anchor;
        addRule(sheet.getRange(area), moveFormula(rule.formula, corner.row - anchor.row, corner.column - anchor.column), rule.fill, rule.font);
      }
    }
  }
  await context.sync();
}

/** Beyond any sheet's count of rules: Excel then gives the rule the last priority. */
const lastPriority = 1_000_000;

/** Adds one rule below every rule already there, so where the analyst's own rules colour a cell, theirs win (as kpi-rag does). */
function addRule(target: Excel.Range | Excel.RangeAreas, formula: string, fill: string, font: string): void {
  const format = target.conditionalFormats.add(Excel.ConditionalFormatType.custom);
  format.priority = lastPriority;
  format.custom.rule.formula = formula;
  format.custom.format.fill.color = fill;
  format.custom.format.font.color = font;
}

/** Removes only the add-in's own rules from the active sheet: two syncs. Returns how many went. */
export async function removeRagFormatting(context: Excel.RequestContext): Promise<number> {
  const { ownFormats } = await readActiveSheet(context);
  for (const format of ownFormats) format.delete();
  await context.sync();
  return ownFormats.length;
}

/** Activates a sheet and selects one of its rows (0-based), so the analyst sees the KPI the pane named. */
export async function selectSheetRow(context: Excel.RequestContext, sheetName: string, row: number): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(`${row + 1}:${row + 1}`).select();
  await context.sync();
}

/**
 * Copies the active sheet and, in the copy, replaces every KPI. formula with the value it shows, so people
 * without the add-in see the same figures. Only those cells are written: every other cell stays as it was.
 */
export async function copySheetWithValues(context: Excel.RequestContext): Promise<{ sheet: string; replaced: number }> {
  const original = context.workbook.worksheets.getActiveWorksheet();
  const copy = original.copy(Excel.WorksheetPositionType.after, original);
  copy.load("name");
  // The original's values: the copy's own KPI formulas may still be calculating.
  const used = original.getUsedRangeOrNullObject();
  used.load(["address", "formulas", "values"]);
  await context.sync();
  let replaced = 0;
  if (!used.isNullObject) {
    const origin = topLeftOf(used.address);
    used.formulas.forEach((row, rowOffset) =>
      row.forEach((formula, columnOffset) => {
        if (typeof formula === "string" && /^=.*\bKPI\./i.test(formula)) {
          copy.getCell(origin.row + rowOffset, origin.column + columnOffset).values = [[used.values[rowOffset][columnOffset]]];
          replaced += 1;
        }
      }),
    );
  }
  copy.activate();
  await context.sync();
  return { sheet: copy.name, replaced };
}
