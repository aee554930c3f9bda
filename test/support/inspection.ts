/**
 * How a test looks at the simulated workbook (and sets it up) without going through Office.js:
 * A1 addresses in, plain data out.
 */
import { type Area, cellAddress, columnLetters, formatArea, parseAddress } from "./a1.js";
import type { CellValue } from "./cell-values.js";
import {
  cellFormula,
  cellNumberFormat,
  cellText,
  cellValue,
  mergeArea,
  readMatrix,
  setHidden,
  writeColour,
  writeInputs,
  writeNumberFormats,
} from "./range-data.js";
import type { SimulatedExcel } from "./simulated-excel.js";
import { bodyArea, headerNames } from "./table-data.js";
import {
  type CellState,
  type ConditionalFormatState,
  type SheetState,
  type TableState,
  type WorkbookState,
  activeSheet,
  cellPosition,
  readCell,
  usedArea,
} from "./workbook-state.js";

export interface CellSnapshot {
  value: CellValue;
  formula?: string;
  numberFormat: string;
  fill?: string;
  fontColor?: string;
  /** As Excel would show it. */
  text: string;
}

export interface ConditionalFormatSnapshot {
  id: string;
  type: string;
  /** 0 is applied first. */
  priority: number;
  stopIfTrue: boolean;
  /** "C2:C40", or "C2:C40, E2:E40" for several areas. */
  appliesTo: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  /** The number format the rule applies (status symbols). */
  numberFormat?: string;
}

export interface TableSnapshot {
  id: string;
  name: string;
  sheet: string;
  /** The whole table, headers included: "A1:I35". */
  address: string;
  showHeaders: boolean;
  headers: string[];
  rows: CellValue[][];
}

export interface SheetSnapshot {
  name: string;
  visibility: string;
  /** Every cell that holds something, by address. */
  cells: Record<string, Omit<CellSnapshot, "text" | "numberFormat"> & { numberFormat?: string }>;
  mergedAreas: string[];
  /** Row numbers as Excel shows them (1 is the first row). */
  hiddenRows: number[];
  hiddenColumns: string[];
  conditionalFormats: ConditionalFormatSnapshot[];
  tables: TableSnapshot[];
}

export interface WorkbookSnapshot {
  activeSheet: string;
  sheets: SheetSnapshot[];
}

export class SheetInspector {
  constructor(
    readonly state: SheetState,
    private readonly engine: SimulatedExcel
  ) {}

  get name(): string {
    return this.state.name;
  }

  get id(): string {
    return this.state.id;
  }

  cell(address: string): CellSnapshot {
    const area = this.area(address);
    return cellSnapshot(readCell(this.state, area.top, area.left));
  }

  /** values("B2:D9"), or of the used range when no address is given. */
  values(address?: string): CellValue[][] {
    return this.matrix(address, cellValue);
  }

  formulas(address?: string): CellValue[][] {
    return this.matrix(address, cellFormula);
  }

  numberFormats(address?: string): string[][] {
    return this.matrix(address, cellNumberFormat);
  }

  texts(address?: string): string[][] {
    return this.matrix(address, cellText);
  }

  fills(address: string): (string | undefined)[][] {
    return this.matrix(address, (cell) => cell?.fill);
  }

  fontColors(address: string): (string | undefined)[][] {
    return this.matrix(address, (cell) => cell?.fontColor);
  }

  /** "A1:H40", or null for an empty sheet. */
  usedAddress(valuesOnly = false): string | null {
    const area = usedArea(this.state, valuesOnly);
    return area && formatArea(area);
  }

  mergedAreas(): string[] {
    return this.state.merges.map(formatArea);
  }

  hiddenRows(): number[] {
    return [...this.state.hiddenRows].sort((a, b) => a - b).map((row) => row + 1);
  }

  hiddenColumns(): string[] {
    return [...this.state.hiddenColumns].sort((a, b) => a - b).map(columnLetters);
  }

  conditionalFormats(): ConditionalFormatSnapshot[] {
    return this.state.conditionalFormats.map(conditionalFormatSnapshot);
  }

  tables(): TableSnapshot[] {
    return this.state.tables.map((table) => tableSnapshot(this.state, table));
  }

  // Setting the sheet up, as it was before the add-in ran: no events, no syncs.

  /** Enters rows of input from `address` (its top-left cell) the way typing would. */
  set(address: string, rows: unknown[][]): this {
    const { top, left } = this.area(address);
    const area = {
      top,
      left,
      bottom: top + rows.length - 1,
      right: left + Math.max(1, ...rows.map((row) => row.length)) - 1,
    };
    const padded = rows.map((row) =>
      Array.from({ length: area.right - left + 1 }, (_, index) => row[index] ?? null)
    );
    writeInputs({ sheet: this.state, area }, padded);
    this.engine.recalculate();
    return this;
  }

  format(
    address: string,
    format: { numberFormat?: string; fill?: string; fontColor?: string }
  ): this {
    const target = { sheet: this.state, area: this.area(address) };
    if (format.numberFormat !== undefined) writeNumberFormats(target, format.numberFormat);
    if (format.fill !== undefined) writeColour(target, "fill", format.fill);
    if (format.fontColor !== undefined) writeColour(target, "fontColor", format.fontColor);
    return this;
  }

  /** hideRows("3:5") or hideRows("B3"). */
  hideRows(address: string): this {
    const area = this.area(address);
    setHidden(area.top, area.bottom, this.state.hiddenRows, true);
    return this;
  }

  hideColumns(address: string): this {
    const area = this.area(address);
    setHidden(area.left, area.right, this.state.hiddenColumns, true);
    return this;
  }

  merge(address: string): this {
    mergeArea({ sheet: this.state, area: this.area(address) }, false);
    return this;
  }

  /**
   * Makes conditional formats Excel cannot describe to an add-in: "duplicated" as when the analyst duplicates
   * a rule in Manage Rules (office-js #6835: reading its rule fails), "undone" as when Ctrl+Z brings back a
   * rule an add-in deleted (office-js #6396: loading anything of it, or deleting it, fails with ItemNotFound).
   */
  breakRules(
    which: (format: ConditionalFormatSnapshot) => boolean,
    how: "duplicated" | "undone"
  ): this {
    this.state.conditionalFormats.forEach((format, priority) => {
      if (which(conditionalFormatSnapshot(format, priority))) format.unreadable = how;
    });
    return this;
  }

  private matrix<T>(address: string | undefined, read: (cell: CellState | undefined) => T): T[][] {
    const area = address === undefined ? usedArea(this.state, false) : this.area(address);
    return area ? readMatrix({ sheet: this.state, area }, read) : [];
  }

  private area(address: string): Area {
    const parsed = parseAddress(address);
    if (!parsed) throw new Error(`"${address}" is not an A1 address.`);
    return parsed.area;
  }
}

function cellSnapshot(cell: CellState | undefined): CellSnapshot {
  return {
    value: cellValue(cell),
    ...(cell?.formula !== undefined ? { formula: cell.formula } : {}),
    numberFormat: cellNumberFormat(cell),
    ...(cell?.fill !== undefined ? { fill: cell.fill } : {}),
    ...(cell?.fontColor !== undefined ? { fontColor: cell.fontColor } : {}),
    text: cellText(cell),
  };
}

export function conditionalFormatSnapshot(
  format: ConditionalFormatState,
  priority: number
): ConditionalFormatSnapshot {
  return {
    id: format.id,
    type: format.type,
    priority,
    stopIfTrue: format.stopIfTrue,
    appliesTo: format.areas.map(formatArea).join(", "),
    ...(format.formula !== undefined ? { formula: format.formula } : {}),
    ...(format.fill !== undefined ? { fill: format.fill } : {}),
    ...(format.fontColor !== undefined ? { fontColor: format.fontColor } : {}),
    ...(format.numberFormat !== undefined ? { numberFormat: format.numberFormat } : {}),
  };
}

export function tableSnapshot(sheet: SheetState, table: TableState): TableSnapshot {
  return {
    id: table.id,
    name: table.name,
    sheet: sheet.name,
    address: formatArea(table.area),
    showHeaders: table.showHeaders,
    headers: headerNames(sheet, table),
    rows: readMatrix({ sheet, area: bodyArea(table) }, cellValue),
  };
}

export function workbookSnapshot(workbook: WorkbookState): WorkbookSnapshot {
  return {
    activeSheet: activeSheet(workbook).name,
    sheets: workbook.sheets.map((sheet) => ({
      name: sheet.name,
      visibility: sheet.visibility,
      cells: Object.fromEntries(
        [...sheet.cells]
          .map(([key, cell]) => {
            const { row, column } = cellPosition(key);
            return [row, column, cell] as const;
          })
          .sort((a, b) => a[0] - b[0] || a[1] - b[1])
          .map(([row, column, cell]) => [cellAddress(row, column), { ...cell }])
      ),
      mergedAreas: sheet.merges.map(formatArea),
      hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b).map((row) => row + 1),
      hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b).map(columnLetters),
      conditionalFormats: sheet.conditionalFormats.map(conditionalFormatSnapshot),
      tables: sheet.tables.map((table) => tableSnapshot(sheet, table)),
    })),
  };
}
