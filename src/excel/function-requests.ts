/**
 * The custom functions' own requests to Excel, each in its own Excel.run. In the shared runtime a function
 * may read the workbook (never write to it). Without Excel (tests, a plain browser) `excelIsHere` says so.
 */
import type { RegisterTable } from "../core";
import { watchWorkbook } from "./events";
import { readRegisterTable, recalculateWorkbook } from "./register-table";

export function excelIsHere(): boolean {
  return typeof Excel !== "undefined" && typeof Excel.run === "function";
}

export function fetchRegisterTable(): Promise<(RegisterTable & { tableId: string }) | undefined> {
  return Excel.run(readRegisterTable);
}

/** Calls back whenever a table changes or is added, for as long as the runtime lives. */
export function watchTables(onTablesChanged: (tableId?: string) => Promise<void>): Promise<void> {
  return Excel.run((context) => watchWorkbook(context, { onSheetActivated: () => undefined, onTablesChanged }));
}

export function recalculate(): Promise<void> {
  return Excel.run(recalculateWorkbook);
}

/** What a function's argument range holds beyond the values Excel passes: which cells are empty, and their formats. */
export interface CellFacts {
  empty: boolean[][];
  numberFormats: string[][];
}

type Waiting = { resolve: (facts: CellFacts) => void; reject: (error: unknown) => void };
let pending: Map<string, Waiting[]> | null = null;

/**
 * The facts of an argument's cells. Excel on Windows passes an empty cell as 0, and no function is told a
 * cell's number format, so only the cell can tell a blank from a zero, or 105% from 1.05. The requests of
 * every formula calculating at once go to Excel together, in one Excel.run with one sync.
 */
export function cellFactsAt(address: string): Promise<CellFacts> {
  return new Promise((resolve, reject) => {
    if (!pending) {
      pending = new Map();
      setTimeout(() => void askForCellFacts(), 0);
    }
    const waiting = pending.get(address) ?? [];
    waiting.push({ resolve, reject });
    pending.set(address, waiting);
  });
}

async function askForCellFacts(): Promise<void> {
  const batch = pending ?? new Map<string, Waiting[]>();
  pending = null;
  try {
    await Excel.run(async (context) => {
      const ranges = [...batch.keys()].map((address) => {
        const range = rangeAt(context, address);
        range.load(["valueTypes", "numberFormat"]);
        return { address, range };
      });
      await context.sync();
      for (const { address, range } of ranges) {
        const facts = { empty: range.valueTypes.map((row) => row.map((type) => type === Excel.RangeValueType.empty)), numberFormats: range.numberFormat as string[][] };
        for (const waiting of batch.get(address) ?? []) waiting.resolve(facts);
      }
    });
  } catch (error) {
    for (const waiting of [...batch.values()].flat()) waiting.reject(error);
  }
}

function rangeAt(context: Excel.RequestContext, address: string): Excel.Range {
  const bang = address.lastIndexOf("!");
  const sheetName = bang < 0 ? null : address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  const local = bang < 0 ? address : address.slice(bang + 1);
  const worksheets = context.workbook.worksheets;
  return (sheetName === null ? worksheets.getActiveWorksheet() : worksheets.getItem(sheetName)).getRange(local);
}
