/**
 * The register the KPI functions answer from: read once from the workbook's KPIRegister table through the
 * shared runtime and kept, until a table changes; then read again and the workbook recalculated, so a
 * formula follows an edited target. Without Excel (tests, or a failed read) the catalogue answers.
 */
import { buildRegister, builtInRegister, type Register } from "../core";
import { watchWorkbook } from "../excel/events";
import { readRegisterTable, recalculateWorkbook } from "../excel/register-table";

let cached: Promise<Register> | undefined;
let watching = false;

export function currentRegister(): Promise<Register> {
  cached ??= loadRegister();
  return cached;
}

async function loadRegister(): Promise<Register> {
  if (typeof Excel === "undefined") return builtInRegister;
  try {
    return await Excel.run(async (context) => {
      const table = await readRegisterTable(context);
      if (!watching) {
        watching = true;
        await watchWorkbook(context, { onSheetActivated: () => undefined, onTablesChanged: registerChanged });
      }
      return buildRegister(table);
    });
  } catch {
    // Excel may be busy (the analyst is editing a cell): answer from the catalogue now, read again next time.
    cached = undefined;
    return builtInRegister;
  }
}

/** Forgets the register and the watch on its workbook, as when the runtime starts on another workbook. */
export function forgetRegister(): void {
  cached = undefined;
  watching = false;
}

/** Forgets the cached register and recalculates, so every KPI formula reads the edited table. */
export async function registerChanged(): Promise<void> {
  cached = undefined;
  if (typeof Excel === "undefined") return;
  await currentRegister();
  await Excel.run(recalculateWorkbook).catch(() => undefined);
}
