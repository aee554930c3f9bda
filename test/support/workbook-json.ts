/**
 * A WorkbookState as JSON and back, so a workbook read in Node (loadHostFromXlsx) can be handed to a
 * simulated host running somewhere else, such as a browser page (test/browser). The state's cells are a
 * Map and its hidden rows and columns Sets; everything else is plain data already. No Node APIs here.
 */
import type { CellState, SheetState, WorkbookState } from "./workbook-state.js";

export interface SheetJson extends Omit<SheetState, "cells" | "hiddenRows" | "hiddenColumns"> {
  /** [cellKey, cell] pairs, as in the state's Map. */
  cells: Array<[number, CellState]>;
  hiddenRows: number[];
  hiddenColumns: number[];
}

export interface WorkbookJson extends Omit<WorkbookState, "sheets"> {
  sheets: SheetJson[];
}

/** A JSON-safe deep copy of the state: JSON.stringify it as it is. */
export function workbookStateToJson(state: WorkbookState): WorkbookJson {
  const copy = {
    ...state,
    sheets: state.sheets.map((sheet) => ({
      ...sheet,
      cells: [...sheet.cells],
      hiddenRows: [...sheet.hiddenRows],
      hiddenColumns: [...sheet.hiddenColumns],
    })),
  };
  // A deep copy through JSON itself, so the result shares nothing with the live state and anything
  // JSON cannot carry shows up here rather than on the other side.
  return JSON.parse(JSON.stringify(copy)) as WorkbookJson;
}

/** The state again, from workbookStateToJson's result (or that result after a JSON round trip). */
export function workbookStateFromJson(json: WorkbookJson): WorkbookState {
  return workbookStateFromText(JSON.stringify(json));
}

/**
 * The state from workbookStateToJson's result as JSON text, as a page receives it: parsed once and turned
 * into Maps and Sets in place, since nothing else holds the freshly parsed objects. A 10,000-KPI workbook's
 * text parses many times faster than the same workbook as a JavaScript object literal.
 */
export function workbookStateFromText(text: string): WorkbookState {
  const parsed = JSON.parse(text) as WorkbookJson;
  return {
    ...parsed,
    sheets: parsed.sheets.map((sheet) => ({
      ...sheet,
      cells: new Map(sheet.cells),
      hiddenRows: new Set(sheet.hiddenRows),
      hiddenColumns: new Set(sheet.hiddenColumns),
    })),
  };
}
