/**
 * The simulated Excel host for tests: `run` for the add-in's Office.js code, `install` for the
 * globals, and ways for a test to look at the workbook and to act as the analyst.
 */
import { type Area, parseAddress } from "./a1.js";
import { writeInputs } from "./range-data.js";
import {
  SheetInspector,
  type TableSnapshot,
  type WorkbookSnapshot,
  tableSnapshot,
  workbookSnapshot,
} from "./inspection.js";
import { installGlobals } from "./office-globals.js";
import { expose } from "./proxy.js";
import { HostRequestContext } from "./request-context.js";
import type { ErrorCodeName } from "./errors.js";
import {
  type FormulaEvaluator,
  type HostBehaviour,
  type RequirementSets,
  DEFAULT_BEHAVIOUR,
  DEFAULT_REQUIREMENT_SETS,
  SimulatedExcel,
} from "./simulated-excel.js";
import {
  type SheetState,
  type WorkbookRows,
  type WorkbookState,
  createWorkbookState,
  findSheet,
  findTable,
} from "./workbook-state.js";
import { readWorkbookState, saveWorkbookState, writeWorkbookState } from "./xlsx-state.js";

export interface ExcelHostOptions {
  /** Requirement sets the simulated Excel supports, each with its highest version. Default { ExcelApi: "1.12" }. */
  requirementSets?: RequirementSets;
  /** Evaluates formulas (see FormulaEvaluator); without one, formula cells keep their cached value. */
  formulaEvaluator?: FormulaEvaluator;
  /** How this Excel differs from the book: platform, locale, limits (default: Excel on Windows, en-GB, no payload limit). */
  behaviour?: Partial<HostBehaviour>;
}

export class ExcelHost {
  readonly #engine: SimulatedExcel;

  constructor(state: WorkbookState, options: ExcelHostOptions = {}) {
    this.#engine = new SimulatedExcel(state, {
      ...(options.requirementSets ?? DEFAULT_REQUIREMENT_SETS),
    });
    this.#engine.behaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
    if (options.formulaEvaluator) this.setFormulaEvaluator(options.formulaEvaluator);
  }

  /** Excel.run against the simulated workbook. */
  readonly run: typeof Excel.run = ((...args: unknown[]) =>
    this.#engine.run(...args)) as typeof Excel.run;

  /** A request context of its own, for a transport that replays an add-in's batches (test/browser/host-worker.ts). */
  requestContext(): Excel.RequestContext {
    return expose(new HostRequestContext(this.#engine));
  }

  /** Calls to context.sync() so far (Excel.run's own closing sync is not counted). */
  get syncCount(): number {
    return this.#engine.syncCount;
  }

  /** Calls to application.calculate() and Range.calculate() so far. */
  get recalculationCount(): number {
    return this.#engine.recalculationCount;
  }

  /** Calls to application.calculate() only: every formula of every open workbook, even in manual mode. */
  get fullRecalculationCount(): number {
    return this.#engine.fullRecalculationCount;
  }

  /** Cells recalculated through Range.calculate() so far. */
  get calculatedCells(): number {
    return this.#engine.calculatedCells;
  }

  /** How this Excel differs from the book (platform, locale, limits): see HostBehaviour and the README. */
  get behaviour(): HostBehaviour {
    return this.#engine.behaviour;
  }

  /** Changes some of this Excel's behaviour: `host.behave({ responsePayloadLimit: WEB_PAYLOAD_LIMIT })`. */
  behave(changes: Partial<HostBehaviour>): this {
    this.#engine.behaviour = { ...this.#engine.behaviour, ...changes };
    return this;
  }

  /** The next `count` syncs fail whole with `code`, before anything in them runs (Excel rejecting a batch). */
  rejectSyncs(count: number, code: ErrorCodeName = "GeneralException"): void {
    this.#engine.rejections = { count, code };
  }

  /** From now on every sync waits and never settles until the function returned is called (office-js #6150, #6678). */
  hangSyncs(): () => void {
    let release: () => void = () => undefined;
    this.#engine.hang = new Promise<void>((resolve) => {
      release = () => {
        this.#engine.hang = undefined;
        resolve();
      };
    });
    return release;
  }

  /** The workbook itself, live. Prefer sheet(), table() and snapshot() for reading it. */
  get state(): WorkbookState {
    return this.#engine.state;
  }

  /** Sets globalThis.Excel, Office and OfficeExtension; returns the function that restores them. */
  install(target: object = globalThis): () => void {
    return installGlobals(this.#engine, target);
  }

  setRequirementSets(sets: RequirementSets): void {
    this.#engine.requirementSets = { ...sets };
  }

  isSetSupported(name: string, version?: string): boolean {
    return this.#engine.isSetSupported(name, version);
  }

  /** Plugs in formula evaluation (HyperFormula, or a function for the add-in's custom functions) and recalculates. */
  setFormulaEvaluator(evaluator: FormulaEvaluator | undefined): void {
    this.#engine.evaluator = evaluator;
    this.#engine.recalculate();
  }

  sheet(name: string): SheetInspector {
    const sheet = findSheet(this.state, name);
    if (!sheet)
      throw new Error(
        `The workbook has no sheet "${name}"; it has ${this.state.sheets.map((other) => `"${other.name}"`).join(", ")}.`
      );
    return new SheetInspector(sheet, this.#engine);
  }

  get activeSheet(): SheetInspector {
    return this.sheet(this.state.activeSheetId);
  }

  table(name: string): TableSnapshot {
    const found = findTable(this.state, name);
    if (!found) throw new Error(`The workbook has no table "${name}".`);
    return tableSnapshot(found.sheet, found.table);
  }

  /** The whole workbook as plain data, for toEqual and snapshots. */
  snapshot(): WorkbookSnapshot {
    return workbookSnapshot(this.state);
  }

  /**
   * The analyst types into the sheet: "=A1*2" is a formula, "9%" a percentage, as in Excel.
   * Recalculates, then fires the change events and waits for their handlers.
   */
  async type(sheetName: string, address: string, values: unknown): Promise<void> {
    const sheet = this.sheet(sheetName).state;
    const area = areaIn(sheet, address);
    const change = writeInputs({ sheet, area }, values);
    await this.#engine.analystChanged(sheet, area, change.single);
  }

  /** The analyst clicks a sheet's tab: it becomes active and the activation events fire. */
  async activate(sheetName: string): Promise<void> {
    const sheet = this.sheet(sheetName).state;
    this.state.activeSheetId = sheet.id;
    this.state.selection = { sheetId: sheet.id, area: { top: 0, left: 0, bottom: 0, right: 0 } };
    await this.#engine.events.activated(sheet);
  }

  /** The analyst selects cells (getSelectedRange answers with them). */
  select(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName).state;
    this.state.activeSheetId = sheet.id;
    this.state.selection = { sheetId: sheet.id, area: areaIn(sheet, address) };
  }

  /** The analyst starts typing in a cell: until endCellEdit(), every request fails with InvalidOperationInCellEditMode. */
  beginCellEdit(): void {
    this.#engine.cellEditing = true;
  }

  endCellEdit(): void {
    this.#engine.cellEditing = false;
  }

  /** Waits for change handlers fired by the add-in's own writes; rethrows the first that failed. */
  settled(): Promise<void> {
    return this.#engine.settled();
  }

  saveToXlsx(path: string): Promise<void> {
    return saveWorkbookState(this.state, path);
  }

  toXlsxBuffer(): Promise<Buffer> {
    return writeWorkbookState(this.state);
  }
}

function areaIn(sheet: SheetState, address: string): Area {
  const parsed = parseAddress(address);
  if (
    !parsed ||
    (parsed.sheetName && parsed.sheetName.toLowerCase() !== sheet.name.toLowerCase())
  ) {
    throw new Error(`"${address}" is not an address on sheet "${sheet.name}".`);
  }
  return parsed.area;
}

/**
 * A simulated Excel with a workbook: a WorkbookState, or rows per sheet as the analyst would type
 * them (`{ "KPI Data": [["Measure", "Target"], ["Repeat referrals", "22%"]] }`), or one empty Sheet1.
 */
export function createExcelHost(
  workbook?: WorkbookState | WorkbookRows,
  options?: ExcelHostOptions
): ExcelHost {
  const state = isWorkbookState(workbook) ? workbook : createWorkbookState(workbook);
  return new ExcelHost(state, options);
}

/** A simulated Excel with a workbook read from an .xlsx file (a path, or its bytes). */
export async function loadHostFromXlsx(
  source: string | Buffer | ArrayBuffer | Uint8Array,
  options?: ExcelHostOptions
): Promise<ExcelHost> {
  return new ExcelHost(await readWorkbookState(source), options);
}

function isWorkbookState(
  workbook: WorkbookState | WorkbookRows | undefined
): workbook is WorkbookState {
  return (
    workbook !== undefined &&
    "activeSheetId" in workbook &&
    Array.isArray((workbook as WorkbookState).sheets)
  );
}
