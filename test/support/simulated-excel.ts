/**
 * The simulated Excel application behind every request context: it holds the workbook, runs
 * each sync's queue in order, recalculates formulas, fires change events and counts syncs.
 */
import { type Area, cellAddress } from "./a1.js";
import type { CellValue } from "./cell-values.js";
import { type ErrorCodeName, HostError, apiNotFound } from "./errors.js";
import { type CellChange, EventHub } from "./events.js";
import type { Commit, Operation } from "./proxy.js";
import { HostRequestContext } from "./request-context.js";
import {
  type SheetState,
  type TableState,
  type WorkbookState,
  cellPosition,
} from "./workbook-state.js";

/** Where a formula sits, for an evaluator. Rows and columns are zero-based. */
export interface FormulaLocation {
  sheet: string;
  row: number;
  column: number;
  /** "B3" */
  address: string;
}

/**
 * Plugs in formula evaluation. Called at the start of each recalculation with the workbook;
 * returns the function that evaluates one formula ("=A1*2") at a location.
 * Without one, formula cells keep the value they had (the cached result from a file, or "").
 */
export type FormulaEvaluator = (
  workbook: WorkbookState
) => (formula: string, at: FormulaLocation) => CellValue | Promise<CellValue>;

/** Requirement sets and their highest version: { ExcelApi: "1.12" }. */
export type RequirementSets = Record<string, string>;

export const DEFAULT_REQUIREMENT_SETS: RequirementSets = { ExcelApi: "1.12" };

/**
 * How this Excel differs from the book, each from a documentation page or an office-js issue
 * (test/support/README.md lists them with their sources; docs/real-excel-checks.md says how to confirm each).
 */
export interface HostBehaviour {
  /** Office.context.platform: "PC" (Windows), "Mac" or "OfficeOnline" (the web). */
  platform: "PC" | "Mac" | "OfficeOnline";
  /** Application.cultureInfo (ExcelApi 1.11): the locale's name and decimal separator. */
  culture: { name: string; decimalSeparator: "." | "," };
  /** Worksheet.getRanges refuses an address longer than this (office-js #5198: 8,207 characters failed). */
  getRangesMaxLength: number;
  /** The response payload limit per sync in bytes (Excel on the web: about 5 MB); null for none. */
  responsePayloadLimit: number | null;
  /** Range.getMergedAreasOrNullObject fails above this many merged areas (its reference page: 512). */
  mergedAreasLimit: number;
}

export const DEFAULT_BEHAVIOUR: HostBehaviour = {
  platform: "PC",
  culture: { name: "en-GB", decimalSeparator: "." },
  getRangesMaxLength: 8192,
  responsePayloadLimit: null,
  mergedAreasLimit: 512,
};

/** Excel on the web's response payload limit ("Resource limits and performance optimization for Office Add-ins"). */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * The list separator getRanges takes: "," on the web; on Windows and Mac the locale's, which is ";" where the
 * decimal separator is "," (office-js #1167, #1985).
 */
export function getRangesSeparator(behaviour: HostBehaviour): "," | ";" {
  if (behaviour.platform === "OfficeOnline") return ",";
  return behaviour.culture.decimalSeparator === "," ? ";" : ",";
}

export class SimulatedExcel {
  syncCount = 0;
  /** application.calculate and Range.calculate calls. */
  recalculationCount = 0;
  /** application.calculate calls only: every formula of every open workbook. */
  fullRecalculationCount = 0;
  /** Cells recalculated through Range.calculate. */
  calculatedCells = 0;
  behaviour: HostBehaviour = { ...DEFAULT_BEHAVIOUR };
  /** The size of what the current sync's loads return, in bytes of JSON. */
  payload = 0;
  /** Syncs still to refuse, whole, with this code (Excel rejecting a batch). */
  rejections: { count: number; code: ErrorCodeName } = { count: 0, code: "GeneralException" };
  /** While set, every sync waits until it is released (office-js #6150, #6678: context.sync never settles). */
  hang: Promise<void> | undefined;
  readonly events = new EventHub();
  evaluator: FormulaEvaluator | undefined;
  /** While the analyst is editing a cell, Excel refuses every request. */
  cellEditing = false;
  #changes: CellChange[] = [];
  #addedTables: { sheet: SheetState; table: TableState }[] = [];
  #deletedTables: { sheet: SheetState; table: TableState }[] = [];
  #activatedSheets: SheetState[] = [];
  #formulasStale = false;
  #pendingHandlers = new Set<Promise<void>>();
  #handlerFailures: unknown[] = [];

  constructor(
    public state: WorkbookState,
    public requirementSets: RequirementSets = DEFAULT_REQUIREMENT_SETS
  ) {}

  isSetSupported(name: string, version?: string | number): boolean {
    return supportsSet(this.requirementSets, name, version);
  }

  /** Excel.run: a fresh request context, the batch, then a last sync of whatever is still queued. */
  async run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1];
    const given = args.length > 1 ? args[0] : undefined;
    const context =
      given instanceof HostRequestContext
        ? given
        : (contextOf(given) ?? new HostRequestContext(this));
    if (typeof batch !== "function")
      throw new HostError("InvalidArgument", { location: "Excel.run" });
    const pending: unknown = batch(context);
    if (!isPromiseLike(pending))
      throw new HostError("RunMustReturnPromise", { location: "Excel.run" });
    const result = (await pending) as T;
    await context.flush();
    return result;
  }

  /** Runs one sync's operations in order. A failing operation stops the batch; those before it stay applied. */
  async execute(operations: Operation[]): Promise<void> {
    await Promise.resolve();
    if (this.hang && operations.length > 0) await this.hang;
    if (this.cellEditing && operations.length > 0)
      throw new HostError("InvalidOperationInCellEditMode");
    if (this.rejections.count > 0 && operations.length > 0) {
      this.rejections.count -= 1;
      throw new HostError(this.rejections.code, { location: "RequestContext.sync" });
    }
    this.payload = 0;
    const commits: Commit[] = [];
    let failure: unknown;
    for (const operation of operations) {
      try {
        if (operation.requires && !this.supports(operation.requires)) {
          throw apiNotFound(operation.location, operation.requires);
        }
        if (operation.location.endsWith(".load")) this.recalculateIfStale();
        const commit = operation.run();
        if (commit) commits.push(commit);
      } catch (error) {
        failure = error instanceof HostError ? error.at(operation.location) : error;
        break;
      }
    }
    const limit = this.behaviour.responsePayloadLimit;
    if (failure === undefined && limit !== null && this.payload > limit)
      failure = new HostError("ResponsePayloadSizeLimitExceeded", {
        location: "RequestContext.sync",
      });
    if (failure === undefined) for (const commit of commits) commit();
    this.recalculateIfStale();
    this.dispatchChanges();
    if (failure !== undefined) throw failure;
  }

  /** Records a change to cells, for recalculation and the change events. */
  noteChange(change: CellChange): void {
    this.#changes.push(change);
    this.#formulasStale = true;
  }

  noteTableAdded(sheet: SheetState, table: TableState): void {
    this.#addedTables.push({ sheet, table });
  }

  noteTableDeleted(sheet: SheetState, table: TableState): void {
    this.#deletedTables.push({ sheet, table });
  }

  /** Counts what a load returns toward the sync's response payload. */
  notePayload(values: Map<string, unknown>): void {
    if (this.behaviour.responsePayloadLimit === null) return;
    for (const value of values.values()) this.payload += JSON.stringify(value ?? null).length;
  }

  noteActivated(sheet: SheetState): void {
    this.#activatedSheets.push(sheet);
  }

  /** Recalculates every formula with the evaluator, if one is plugged in. */
  recalculate(): void {
    this.#formulasStale = false;
    if (!this.evaluator) return;
    const evaluate = this.evaluator(this.state);
    for (const sheet of this.state.sheets) {
      // forEach: the first recalculation runs cold in a page, where for...of over a Map's entries is slow.
      sheet.cells.forEach((cell, key) => {
        if (cell.formula === undefined) return;
        const { row, column } = cellPosition(key);
        const result = evaluate(cell.formula, {
          sheet: sheet.name,
          row,
          column,
          address: cellAddress(row, column),
        });
        if (!isPromiseLike(result)) {
          cell.value = result;
          return;
        }
        // An asynchronous custom function: Excel shows #BUSY! until its promise settles.
        const formula = cell.formula;
        cell.value = "#BUSY!";
        const settling = Promise.resolve(result)
          .then(
            (value) => {
              if (cell.formula === formula) cell.value = value;
            },
            (error: unknown) => {
              if (cell.formula === formula)
                cell.value = (error as { code?: string }).code ?? "#VALUE!";
            }
          )
          .finally(() => this.#pendingHandlers.delete(settling));
        this.#pendingHandlers.add(settling);
      });
    }
  }

  recalculateIfStale(): void {
    if (this.#formulasStale) this.recalculate();
  }

  /** The analyst's edits: recalculates, then awaits the change handlers. */
  async analystChanged(
    sheet: SheetState,
    area: Area,
    single?: CellChange["single"]
  ): Promise<void> {
    this.recalculate();
    this.#changes = [];
    await this.events.changed([{ sheet, area, changeType: "RangeEdited", single }]);
  }

  /** Waits for the handlers fired by the add-in's own changes; rethrows the first failure. */
  async settled(): Promise<void> {
    while (this.#pendingHandlers.size > 0) await Promise.all(this.#pendingHandlers);
    const failures = this.#handlerFailures.splice(0);
    if (failures.length > 0) throw failures[0];
  }

  /** Calls the handlers for what the last sync did, without holding up the add-in (as Excel does). */
  private dispatchChanges(): void {
    const changes = this.#changes.splice(0);
    const addedTables = this.#addedTables.splice(0);
    const deletedTables = this.#deletedTables.splice(0);
    const activatedSheets = this.#activatedSheets.splice(0);
    if (this.events.registrations.length === 0) return;
    if (
      changes.length === 0 &&
      addedTables.length === 0 &&
      deletedTables.length === 0 &&
      activatedSheets.length === 0
    )
      return;
    const handling: Promise<void> = Promise.all([
      this.events.changed(changes),
      this.events.tablesAdded(addedTables),
      this.events.tablesDeleted(deletedTables),
      ...activatedSheets.map((sheet) => this.events.activated(sheet)),
    ])
      .then(() => {})
      .catch((error: unknown) => {
        this.#handlerFailures.push(error);
      })
      .finally(() => this.#pendingHandlers.delete(handling));
    this.#pendingHandlers.add(handling);
  }

  private supports(requirement: string): boolean {
    const [name, version] = requirement.split(" ");
    return this.isSetSupported(name!, version);
  }
}

function contextOf(given: unknown): HostRequestContext | undefined {
  const first = Array.isArray(given) ? given[0] : given;
  if (first && typeof first === "object" && "requestContext" in first) {
    const context = (first as { requestContext: unknown }).requestContext;
    if (context instanceof HostRequestContext) return context;
  }
  return undefined;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

/** Whether these requirement sets include `name` at `version` (Office.context.requirements.isSetSupported). */
export function supportsSet(
  sets: RequirementSets,
  name: string,
  version?: string | number
): boolean {
  const highest = Object.entries(sets).find(
    ([set]) => set.toLowerCase() === name.toLowerCase()
  )?.[1];
  if (highest === undefined) return false;
  return version === undefined || compareVersions(String(version), highest) <= 0;
}

/** "1.9" < "1.12": compares version numbers part by part. */
export function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}
