/**
 * The register the KPI functions answer from: read once from the workbook's KPIRegister table through the
 * shared runtime and kept, until a table changes; then read again and the workbook recalculated, so a
 * formula follows an edited target. Without Excel (tests, or a failed read) the catalogue answers.
 */
import { buildRegister, builtInRegister, type Register } from "../core";
import { excelIsHere, fetchRegisterTable, recalculate, watchTables } from "../excel/function-requests";

let cached: Promise<Register> | undefined;
let watching = false;

export function currentRegister(): Promise<Register> {
  cached ??= loadRegister();
  return cached;
}

async function loadRegister(): Promise<Register> {
  if (!excelIsHere()) return builtInRegister;
  let register: Register;
  try {
    register = buildRegister(await fetchRegisterTable());
  } catch {
    // Excel may be busy (the analyst is editing a cell): answer from the catalogue now, read again next time.
    cached = undefined;
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
}

/** Forgets the cached register and recalculates, so every KPI formula reads the edited table. */
export async function registerChanged(): Promise<void> {
  cached = undefined;
  if (!excelIsHere()) return;
  await currentRegister();
  await recalculate().catch(() => undefined);
}
