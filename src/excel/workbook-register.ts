/**
 * The one register of the workbook in the shared runtime, for the functions and the pane alike: read once
 * from the KPIRegister and KPIWords tables and kept; one watch on the workbook's tables; one failure policy. An edit to
 * the register (or its KPIWords table), an added table or the register's deletion reads it again, then
 * recalculates the KPI formulas and tells the pane, so a formula and a coloured cell never disagree.
 * Without Excel (tests, a plain browser) the catalogue answers.
 */
// From the core's own modules: the functions' script loads this, and holds only what it uses. The register is
// built (with the catalogue) in a chunk of its own, loaded when a formula first names a KPI.
import type { Register, RegisterTable } from "../core/register/register";
import { defaultSettings } from "../core/rating/scheme";
import type { SettingsRead } from "../core/register/settings";
import { schemeTaught, type Words } from "../core/definition/words";
import { watchTables } from "./events";
import { excelIsHere } from "./function-requests";
import { readWorkbookTables, recalculateKpiFormulas } from "./register-table";

/** What the workbook chooses and teaches: its KPIWords words and its scheme, which every function reads with. */
export interface WorkbookChoices {
  words: { words?: Words; problems: string[] };
  /** The workbook's scheme and status symbols (its KPISettings table, or a scheme taught in KPIWords). */
  settings: SettingsRead;
}

/** The register and the words the KPIWords table teaches (with the rows it cannot read): both surfaces read with both. */
export interface WorkbookRegister extends WorkbookChoices {
  register: Register;
}

/** The workbook's tables as read, before a register is built from them; `failed` when Excel could not read them. */
interface TablesRead extends WorkbookChoices {
  registerTable?: RegisterTable;
  failed?: true;
}

/** A workbook that chooses nothing: the Standard bands, no symbols. */
const noSettings: SettingsRead = { settings: defaultSettings, problems: [], schemeNamed: false };

/** Without Excel, or until a read succeeds: no tables, so the catalogue answers. */
const noTables: TablesRead = { words: { problems: [] }, settings: noSettings };

/** How long after a failed read (Excel busy: the analyst is editing a cell) the register is read again. */
export const registerRetry = { delay: 2000 };

let tablesRead: Promise<TablesRead> | undefined;
let cached: Promise<WorkbookRegister> | undefined;
let watching = false;
/** The KPIRegister and KPIWords tables' ids, so edits to other tables cost nothing. */
let registerTableIds: string[] = [];
let retry: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<(read: WorkbookRegister) => void>();

/** The workbook's words and scheme, read once (with its register table); a function that names no KPI needs no more. */
export async function currentWorkbookChoices(): Promise<WorkbookChoices> {
  return currentTables();
}

/** The workbook's register and words, read once; until a read succeeds, the catalogue (and a read again shortly). */
export function currentWorkbookRegister(): Promise<WorkbookRegister> {
  cached ??= buildFromTables();
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

function currentTables(): Promise<TablesRead> {
  tablesRead ??= readTables();
  return tablesRead;
}

async function buildFromTables(): Promise<WorkbookRegister> {
  const tables = await currentTables();
  const { buildRegister } = await import("../core/register/register-reading");
  // A failed read is not kept: the next question reads the workbook again.
  if (tables.failed) cached = undefined;
  return {
    register: buildRegister(tables.registerTable, tables.words.words),
    words: tables.words,
    settings: tables.settings,
  };
}

async function readTables(): Promise<TablesRead> {
  if (!excelIsHere()) return noTables;
  let read: TablesRead;
  try {
    const tables = await Excel.run(readWorkbookTables);
    registerTableIds = [
      tables.register?.tableId,
      tables.wordsTableId,
      tables.settingsTableId,
    ].filter((id): id is string => id !== undefined);
    // Reading the KPIWords table is loaded only by a workbook that has one.
    const words: TablesRead["words"] = tables.words
      ? (await import(/* webpackChunkName: "words" */ "../core/definition/read-words")).readWords(
          tables.words
        )
      : { problems: [] };
    // Reading the settings is loaded only by a workbook that chooses a scheme or symbols.
    const settings =
      tables.settings !== undefined || schemeTaught(words.words) !== undefined
        ? (await import("../core/register/settings")).workbookSettings(tables.settings, words.words)
        : noSettings;
    read = { registerTable: tables.register, words, settings };
  } catch {
    // One policy for both surfaces: the catalogue answers both now, and both follow the read that succeeds.
    tablesRead = undefined;
    retry ??= setTimeout(() => {
      retry = undefined;
      void registerChanged();
    }, registerRetry.delay);
    return { ...noTables, failed: true };
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
  tablesRead = undefined;
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
  tablesRead = undefined;
  cached = undefined;
  if (!excelIsHere()) return;
  const read = await currentWorkbookRegister();
  if (hadTable || registerTableIds.length > 0)
    await Excel.run(recalculateKpiFormulas).catch(() => undefined);
  for (const listener of listeners) listener(read);
}
