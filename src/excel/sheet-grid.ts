/**
 * A reading of a sheet (its grid, its id, the add-in's own rules on it), made of the blocks of rows Excel gave
 * laid into one grid: sheet-reading.ts asks Excel for them, and nothing here calls Excel.
 */
import { isOwnRule, type CellValue, type Grid, type GridArea } from "../core";
import { toCellValue } from "./cell-values";

/** One of the add-in's own rules on the sheet, to delete by its id; its formula says which plan wrote it. */
export interface OwnRule {
  id: string;
  priority: number;
  formula: string;
}

export interface SheetReading {
  grid: Grid;
  /** The sheet's id, which change events name. */
  sheetId: string;
  /** The add-in's own conditional formats on the sheet, highest priority number (applied last) first. */
  ownRules: OwnRule[];
  /** Conditional formats Excel could not describe (office-js #6835, #6827, #6396): left as they are. */
  unreadableRules: number;
  /** How many blocks of rows the sheet was read in. */
  blocks: number;
  /** The list separator getRanges takes in this Excel, as far as it can tell (office-js #1167, #1985). */
  listSeparator: "," | ";";
}

export interface BlockCells {
  top: number;
  left: number;
  values: unknown[][];
  numberFormats: string[][];
  merges: GridArea[];
}

export interface UsedArea {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

export interface RuleFacts {
  id: string;
  priority: number;
  formula: string | null;
}

/** The grid's row `row`, made empty (every cell `empty`) if no block has laid it yet. */
function emptyRow<T>(rows: T[][], row: number, area: UsedArea, empty: T): T[] {
  return (rows[row] ??= Array<T>(area.columns).fill(empty));
}

/** The blocks laid into one grid from the used range's top-left cell; merges in grid offsets, each once. */
export function reading(
  { name: sheetName, id: sheetId }: { name: string; id: string },
  area: UsedArea | null,
  blocks: BlockCells[],
  rules: RuleFacts[],
  unreadableRules: number,
  listSeparator: "," | ";"
): SheetReading {
  const ownRules = rules
    .flatMap(({ id, priority, formula }) =>
      formula !== null && isOwnRule(formula) ? [{ id, priority, formula }] : []
    )
    .sort((a, b) => b.priority - a.priority);
  if (!area)
    return {
      grid: {
        sheet: sheetName,
        origin: { row: 0, column: 0 },
        values: [],
        numberFormats: [],
        merges: [],
      },
      sheetId,
      ownRules,
      unreadableRules,
      blocks: blocks.length,
      listSeparator,
    };
  // Rows laid in with plain loops and nothing made per cell (150,000 cells for 10,000 KPIs, read before the pane
  // is usable); a block's row as wide as the grid becomes the grid's row, its values made the core's in place.
  const values: CellValue[][] = Array(area.rows);
  const numberFormats: string[][] = Array(area.rows);
  const merges = new Map<string, GridArea>();
  for (const block of blocks) {
    const left = block.left - area.left;
    for (let rowOffset = 0; rowOffset < block.values.length; rowOffset += 1) {
      const row = block.top + rowOffset - area.top;
      if (row < 0 || row >= area.rows) continue;
      const blockValues = block.values[rowOffset];
      const blockFormats: Array<string | null | undefined> = block.numberFormats[rowOffset] ?? [];
      const whole = left === 0 && blockValues.length === area.columns;
      const gridValues = whole ? (blockValues as CellValue[]) : emptyRow(values, row, area, null);
      const gridFormats =
        whole && blockFormats.length === area.columns
          ? (blockFormats as string[])
          : emptyRow(numberFormats, row, area, "General");
      values[row] = gridValues;
      numberFormats[row] = gridFormats;
      const end = Math.min(blockValues.length, area.columns - left);
      for (let columnOffset = Math.max(0, -left); columnOffset < end; columnOffset += 1) {
        gridValues[left + columnOffset] = toCellValue(blockValues[columnOffset]);
        gridFormats[left + columnOffset] = blockFormats[columnOffset] ?? "General";
      }
    }
    for (const merge of block.merges) {
      const inGrid = {
        top: merge.top - area.top,
        left: merge.left - area.left,
        bottom: merge.bottom - area.top,
        right: merge.right - area.left,
      };
      merges.set(`${inGrid.top},${inGrid.left},${inGrid.bottom},${inGrid.right}`, inGrid);
    }
  }
  for (let row = 0; row < area.rows; row += 1) {
    values[row] ??= Array<CellValue>(area.columns).fill(null);
    numberFormats[row] ??= Array<string>(area.columns).fill("General");
  }
  return {
    grid: {
      sheet: sheetName,
      origin: { row: area.top, column: area.left },
      values,
      numberFormats,
      merges: [...merges.values()],
    },
    sheetId,
    ownRules,
    unreadableRules,
    blocks: blocks.length,
    listSeparator,
  };
}
