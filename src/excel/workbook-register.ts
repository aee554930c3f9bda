/**
 * The one register of the workbook in the shared runtime, for the functions and the pane alike: read once
 * from the KPIRegister and KPIWords tables and kept; one watch on the workbook's tables; one failure policy. An edit to
 * the register (or its KPIWords table), an added table or the register's deletion reads it again, then
 * recalculates the KPI formulas and tells the pane, so a formula and a coloured cell never disagree.
 * Without Excel (tests, a plain browser) the catalogue answers.
 */
// From the core's own modules: the functions' script loads this, and holds only what it uses.
import { buildRegister, builtInRegister, type Register } from "../core/register";
import { defaultSettings } from "../core/scheme";
import type { SettingsRead } from "../core/settings";
import { readWords, schemeTaught, type Words } from "../core/words";
import { watchTables } from "./events";
import { excelIsHere } from "./function-requests";
import { readWorkbookTables, recalculateKpiFormulas } from "./register-table";

/** The register and the words the KPIWords table teaches (with the rows it cannot read): both surfaces read with both. */
export interface WorkbookRegister {
  register: Register;
  words: { words?: Words; problems: string[] };
  /** The workbook's scheme and status symbols (its KPISettings table, or a scheme taught in KPIWords). */
  settings: SettingsRead;
}

/** A workbook that chooses nothing: the Standard bands, no symbols. */
const noSettings: SettingsRead = { settings: defaultSettings, problems: [], schemeNamed: false };

const catalogue: WorkbookRegister = {
  register: builtInRegister,
  words: { problems: [] },
  settings: noSettings,
};

/** How long after a failed read (Excel busy: the analyst is editing a cell) the register is read again. */
export const registerRetry = { delay: 2000 };

let cached: Promise<WorkbookRegister> | undefined;
let watching = false;
/** The KPIRegister and KPIWords tables' ids, so edits to other tables cost nothing. */
let registerTableIds: string[] = [];
let retry: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<(read: WorkbookRegister) => void>();

/** The workbook's register and words, read once; until a read succeeds, the catalogue (and a read again shortly). */
export function currentWorkbookRegister(): Promise<WorkbookRegister> {
  cached ??= loadRegister();
  return cached;
}

/** The register the functions answer from: the same read as the pane's. */
export async function currentRegister(): Promise<Register> {
  return (await currentWorkbookRegister()).register;
}

/** Calls back with the register whenever it is read again after a change; returns the unsubscription. */
export function onRegisterChanged(listener: (read: WorkbookRegister) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function loadRegister(): Promise<WorkbookRegister> {
  if (!excelIsHere()) return catalogue;
  let read: WorkbookRegister;
  try {
    const tables = await Excel.run(readWorkbookTables);
    registerTableIds = [
      tables.register?.tableId,
      tables.wordsTableId,
      tables.settingsTableId,
    ].filter((id): id is string => id !== undefined);
    const words: WorkbookRegister["words"] = tables.words
      ? readWords(tables.words)
      : { problems: [] };
    // Reading the settings is loaded only by a workbook that chooses a scheme or symbols.
    const settings =
      tables.settings !== undefined || schemeTaught(words.words) !== undefined
        ? (await import("../core/settings")).workbookSettings(tables.settings, words.words)
        : noSettings;
    read = { register: buildRegister(tables.register, words.words), words, settings };
  } catch {
    // One policy for both surfaces: the catalogue answers both now, and both follow the read that succeeds.
    cached = undefined;
    retry ??= setTimeout(() => {
      retry = undefined;
      void registerChanged();
    }, registerRetry.delay);
    return catalogue;
  }
  if (!watching) {
    watching = true;
    // Without table events (before ExcelApi 1.7) the register is still read; edits show after a reload.
    await Excel.run((context) => watchTables(context, registerChanged)).catch(
      () => (watching = false)
    );
  }
  return read;
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
 * edit to another table changes nothing (a register or KPIWords table inserted later comes as an added one, with no id); an added table may be a new register, so it is read again.
 */
export async function registerChanged(tableId?: string): Promise<void> {
  if (tableId !== undefined && !registerTableIds.includes(tableId)) return;
  const hadTable = registerTableIds.length > 0;
  cached = undefined;
  if (!excelIsHere()) return;
  const read = await currentWorkbookRegister();
  if (hadTable || registerTableIds.length > 0)
    await Excel.run(recalculateKpiFormulas).catch(() => undefined);
  for (const listener of listeners) listener(read);
}
