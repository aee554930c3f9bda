/**
 * The one register of the workbook in the shared runtime, for the functions and the pane alike: read once
 * from the KPIRegister table and kept; one watch on the workbook's tables; one failure policy. An edit to
 * the register (or its KPIWords table), an added table or the register's deletion reads it again, then
 * recalculates the KPI formulas and tells the pane, so a formula and a coloured cell never disagree.
 * Without Excel (tests, a plain browser) the catalogue answers.
 */
import { buildRegister, builtInRegister, type Register } from "../core";
import { watchTables } from "./events";
import { excelIsHere } from "./function-requests";
import { readRegisterTable, recalculateKpiFormulas } from "./register-table";

/** How long after a failed read (Excel busy: the analyst is editing a cell) the register is read again. */
export const registerRetry = { delay: 2000 };

let cached: Promise<Register> | undefined;
let watching = false;
/** The tables the register is read from, so edits to other tables cost nothing. */
let registerTableIds: string[] = [];
let retry: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<(register: Register) => void>();

/** The workbook's register, read once; until a read succeeds, the catalogue (and a read again shortly). */
export function currentRegister(): Promise<Register> {
  cached ??= loadRegister();
  return cached;
}

/** Calls back with the register whenever it is read again after a change; returns the unsubscription. */
export function onRegisterChanged(listener: (register: Register) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function loadRegister(): Promise<Register> {
  if (!excelIsHere()) return builtInRegister;
  let register: Register;
  try {
    const table = await Excel.run(readRegisterTable);
    registerTableIds = table ? [table.tableId] : [];
    register = buildRegister(table);
  } catch {
    // One policy for both surfaces: the catalogue answers both now, and both follow the read that succeeds.
    cached = undefined;
    retry ??= setTimeout(() => {
      retry = undefined;
      void registerChanged();
    }, registerRetry.delay);
    return builtInRegister;
  }
  if (!watching) {
    watching = true;
    // Without table events (before ExcelApi 1.7) the register is still read; edits show after a reload.
    await Excel.run((context) => watchTables(context, registerChanged)).catch(() => (watching = false));
  }
  return register;
}

/** Forgets the register, its watch and its listeners, as when the runtime starts on another workbook. */
export function forgetRegister(): void {
  cached = undefined;
  watching = false;
  registerTableIds = [];
  if (retry) clearTimeout(retry);
  retry = undefined;
  listeners.clear();
}

/**
 * Forgets the cached register, reads it again, recalculates the KPI formulas and tells the listeners. An
 * edit to another table changes nothing; an added table (no id) may be a new register, so it is read again.
 */
export async function registerChanged(tableId?: string): Promise<void> {
  if (tableId !== undefined && registerTableIds.length > 0 && !registerTableIds.includes(tableId)) return;
  const hadTable = registerTableIds.length > 0;
  cached = undefined;
  if (!excelIsHere()) return;
  const register = await currentRegister();
  if (hadTable || registerTableIds.length > 0) await Excel.run(recalculateKpiFormulas).catch(() => undefined);
  for (const listener of listeners) listener(register);
}
