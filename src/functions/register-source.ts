/**
 * The register the KPI functions answer from: read once from the workbook's KPIRegister table through the
 * shared runtime and kept, until a table changes; then read again and the workbook recalculated, so a
 * formula follows an edited target. Without Excel (tests, or a failed read) the catalogue answers.
 */
import { buildRegister, builtInRegister, type Register } from "../core";
import { excelIsHere, fetchRegisterTable, recalculate, watchTables } from "../excel/function-requests";

let cached: Promise<Register> | undefined;
let watching = false;
/** The KPIRegister table's id, so edits to other tables cost nothing. */
let registerTableId: string | undefined;
/** A failed read is tried again shortly, and formulas recalculated, so none is left on the catalogue's answer. */
let retry: ReturnType<typeof setTimeout> | undefined;

export function currentRegister(): Promise<Register> {
  cached ??= loadRegister();
  return cached;
}

async function loadRegister(): Promise<Register> {
  if (!excelIsHere()) return builtInRegister;
  let register: Register;
  try {
    const table = await fetchRegisterTable();
    registerTableId = table?.tableId;
    register = buildRegister(table);
  } catch {
    // Excel may be busy (the analyst is editing a cell): answer from the catalogue now, and read again soon.
    cached = undefined;
    retry ??= setTimeout(() => {
      retry = undefined;
      void registerChanged();
    }, 2000);
    return builtInRegister;
  }
  if (!watching) {
    watching = true;
    // Without table events (before ExcelApi 1.7) the register is still read; edits show after a reload.
    await watchTables(registerChanged).catch(() => undefined);
  }
  return register;
}

/** Forgets the register and the watch on its workbook, as when the runtime starts on another workbook. */
export function forgetRegister(): void {
  cached = undefined;
  watching = false;
  registerTableId = undefined;
  if (retry) clearTimeout(retry);
  retry = undefined;
}

/**
 * Forgets the cached register and recalculates, so every KPI formula reads the edited table. An edit to
 * another table changes nothing; an added table may be a new register, so it is read again.
 */
export async function registerChanged(tableId?: string): Promise<void> {
  if (tableId !== undefined && registerTableId !== undefined && tableId !== registerTableId) return;
  const hadTable = registerTableId !== undefined;
  cached = undefined;
  if (!excelIsHere()) return;
  await currentRegister();
  if (hadTable || registerTableId !== undefined) await recalculate().catch(() => undefined);
}
