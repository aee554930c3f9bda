/** The pane's sentences: what an action did, and what Excel could not do, in the analyst's words. */
import { isRagStatus, type SchemeChoice, type SheetColours } from "../core";
import type { Applied } from "../excel/active-sheet";
import type { RegisterInsertion } from "../excel/table-insertion";
import type { PaneMessage } from "./model";

/** Rules Excel could not describe (office-js #6835, #6396): the add-in leaves them, and says how to look. */
export function unreadableRulesNote(count: number): string | undefined {
  if (count === 0) return undefined;
  return `Excel could not describe ${count === 1 ? "one conditional format" : `${count} conditional formats`} on this sheet to the add-in, so ${count === 1 ? "it was" : "they were"} left as ${count === 1 ? "it is" : "they are"}. If ${count === 1 ? "it is" : "they are"} KPI RAG's (a rule duplicated in Manage Rules, or brought back with Undo), delete ${count === 1 ? "it" : "them"} in Home > Conditional Formatting > Manage Rules, or save and reopen the workbook, then apply again.`;
}

/** What Apply did, counted as the analyst counts: cells and KPIs coloured, or that there was nothing to colour. */
export function appliedMessage(applied: Applied): PaneMessage {
  const rules = applied.plan.rules.length;
  let cells = 0;
  let kpis = 0;
  for (const row of applied.appraisal.rows) {
    const coloured = row.ratings.filter((rating) => isRagStatus(rating.status)).length;
    cells += coloured;
    if (coloured > 0) kpis += 1;
  }
  const note = unreadableRulesNote(applied.unreadableRules);
  if (rules === 0)
    return {
      intent: "warning",
      text: `There was nothing to colour: no KPI row on this sheet has a figure with a target.${note ? ` ${note}` : ""}`,
    };
  return {
    intent: note ? "warning" : "success",
    text: `Coloured ${cells === 1 ? "1 cell" : `${cells} cells`} of ${kpis === 1 ? "1 KPI" : `${kpis} KPIs`} by tolerance set ${applied.plan.toleranceSet}. Your own formatting is untouched.${note ? ` ${note}` : ""}`,
  };
}

/** Where a sheet has no KPI table, the workbook's sheets that have one. */
export function kpiSheetsElsewhere(sheets: readonly string[]): string {
  return sheets.length === 1
    ? `The sheet "${sheets[0]}" of this workbook has a KPI table.`
    : `These sheets of this workbook have KPI tables: ${sheets.map((sheet) => `"${sheet}"`).join(", ")}.`;
}

/** What the sheet's own rules show, in one line: the pane never claims colours the sheet does not carry. */
export function describeSheetColours(colours: SheetColours, shown: string): string {
  switch (colours.kind) {
    case "uncoloured":
      return "No KPI RAG colours on this sheet yet.";
    case "outdated":
      return "The sheet's KPI RAG colours were applied to the tables as they were before: apply again to colour them as they are now.";
    case "as shown":
      return `The sheet is coloured by tolerance set ${colours.toleranceSet}.`;
    case "by another set":
      return `The sheet is coloured by tolerance set ${colours.toleranceSet}; the pane shows ${shown}. Apply again to colour the sheet by ${shown}.`;
  }
}

export const exampleMessage: PaneMessage = {
  intent: "success",
  text: "Inserted an example KPI table at A1. Apply RAG formatting to colour it, then write your own measures, targets and figures in its place or below it.",
};

export function removedMessage(removed: number, unreadableRules: number): PaneMessage {
  const note = unreadableRulesNote(unreadableRules);
  return {
    intent: note ? "warning" : removed === 0 ? "info" : "success",
    text: `${removed === 0 ? "There were no KPI RAG colours on this sheet to remove." : "Removed KPI RAG's colours from this sheet. Your own formatting is untouched."}${note ? ` ${note}` : ""}`,
  };
}

export function registerTableMessage(inserted: RegisterInsertion): PaneMessage {
  if (inserted.created)
    return {
      intent: "success",
      text: `Inserted the KPIRegister table on the sheet "KPI Register" with ${inserted.added} KPIs from the catalogue. Edit it like any table: your rows win over the catalogue.`,
    };
  return {
    intent: "success",
    text:
      inserted.added === 0
        ? "The KPIRegister table already has every KPI of the catalogue."
        : `Added ${inserted.added} missing KPIs to the KPIRegister table; your rows are untouched.`,
  };
}

export function wordsTableMessage(inserted: RegisterInsertion): PaneMessage {
  const listed =
    inserted.added === 1 ? "1 word of this sheet" : `${inserted.added} words of this sheet`;
  if (inserted.created)
    return {
      intent: "success",
      text: `Inserted the KPIWords table on the sheet "KPI Register" with ${listed} the add-in could not read. Write what each means in its Means column: a polarity such as Bigger is better, No data, or a header such as Target, Tolerance or Not a period.`,
    };
  return {
    intent: "success",
    text:
      inserted.added === 0
        ? "The KPIWords table already lists every word of this sheet the add-in could not read."
        : `Added ${listed} to the KPIWords table; your rows are untouched.`,
  };
}

/** A copy is made only where there are KPI. formulas to replace: otherwise the sheet itself can be shared. */
export function sharedCopyMessage(copy: { sheet?: string; replaced: number }): PaneMessage {
  if (copy.sheet === undefined)
    return {
      intent: "info",
      text: "This sheet has no KPI. formulas, so no copy was made: share the sheet as it is, colours and all.",
    };
  return {
    intent: "success",
    text: `Made "${copy.sheet}": ${copy.replaced} KPI formula${copy.replaced === 1 ? "" : "s"} replaced with ${copy.replaced === 1 ? "its value" : "their values"}.`,
  };
}

/** What choosing a scheme did, and what the analyst may still write in the KPISettings table. */
export function settingsTableMessage(
  inserted: RegisterInsertion,
  scheme: SchemeChoice
): PaneMessage {
  const done = inserted.created
    ? `Inserted the KPISettings table on the sheet "KPI Register": this workbook is rated by ${scheme}.`
    : `This workbook is now rated by ${scheme}: the KPISettings table's Scheme row says so, and your other rows are untouched.`;
  const next =
    scheme === "Percentage of target"
      ? " Change its Green within and Amber within figures to your council's."
      : scheme === "Blue for exceeding"
        ? " A figure at or beyond its row's Stretch column is Blue; for rows without one, add a row Blue at, 5% better than target."
        : "";
  return { intent: "success", text: done + next };
}
