/**
 * Change and activation events: handlers the add-in registers with `onChanged.add(handler)`,
 * called after a sync that changed cells or after the analyst (the test) types into the sheet.
 */
import { type Area, formatArea, intersection } from "./a1.js";
import { type CellValue, valueTypeOf } from "./cell-values.js";
import { expose } from "./proxy.js";
import type { HostRequestContext } from "./request-context.js";
import type { SheetState, TableState } from "./workbook-state.js";

export type ChangeType = "RangeEdited" | "RowInserted" | "RowDeleted";

/** One change to cells, as the simulated Excel records it for the change events. */
export interface CellChange {
  sheet: SheetState;
  area: Area;
  changeType: ChangeType;
  /** Before and after, for a change to a single cell (Excel gives details only then). */
  single?: { before: CellValue; after: CellValue };
}

type Handler = (args: never) => Promise<unknown>;

export type Registration =
  | { event: "WorksheetChanged"; sheetId?: string; handler: Handler }
  | { event: "TableChanged"; sheetId?: string; tableId?: string; handler: Handler }
  | { event: "WorksheetActivated"; sheetId?: string; handler: Handler }
  | { event: "TableAdded"; handler: Handler }
  | { event: "TableDeleted"; handler: Handler };

export class EventHub {
  readonly registrations: Registration[] = [];

  register(registration: Registration): void {
    this.registrations.push(registration);
  }

  unregister(handler: Handler, matches: (registration: Registration) => boolean): void {
    const index = this.registrations.findIndex(
      (registration) => registration.handler === handler && matches(registration)
    );
    if (index >= 0) this.registrations.splice(index, 1);
  }

  /** Calls every handler interested in these changes; resolves when they have all finished. */
  async changed(changes: CellChange[]): Promise<void> {
    const calls: Promise<unknown>[] = [];
    for (const change of changes) {
      for (const registration of this.registrations) {
        for (const args of argumentsFor(registration, change))
          calls.push(call(registration.handler, args));
      }
    }
    await settleAll(calls);
  }

  async tablesAdded(tables: { sheet: SheetState; table: TableState }[]): Promise<void> {
    const calls = this.registrations
      .filter((registration) => registration.event === "TableAdded")
      .flatMap((registration) =>
        tables.map(({ sheet, table }) => {
          const args: Excel.TableAddedEventArgs = {
            type: "TableAdded",
            tableId: table.id,
            worksheetId: sheet.id,
            source: "Local",
          };
          return call(registration.handler, args);
        })
      );
    await settleAll(calls);
  }

  async tablesDeleted(tables: { sheet: SheetState; table: TableState }[]): Promise<void> {
    const calls = this.registrations
      .filter((registration) => registration.event === "TableDeleted")
      .flatMap((registration) =>
        tables.map(({ sheet, table }) => {
          const args: Excel.TableDeletedEventArgs = {
            type: "TableDeleted",
            tableId: table.id,
            tableName: table.name,
            worksheetId: sheet.id,
            source: "Local",
          };
          return call(registration.handler, args);
        })
      );
    await settleAll(calls);
  }

  async activated(sheet: SheetState): Promise<void> {
    const args: Excel.WorksheetActivatedEventArgs = {
      type: "WorksheetActivated",
      worksheetId: sheet.id,
    };
    const calls = this.registrations
      .filter(
        (registration) =>
          registration.event === "WorksheetActivated" &&
          (!registration.sheetId || registration.sheetId === sheet.id)
      )
      .map((registration) => call(registration.handler, args));
    await settleAll(calls);
  }
}

function argumentsFor(registration: Registration, change: CellChange): object[] {
  const { sheet } = change;
  if (registration.event === "WorksheetChanged") {
    if (registration.sheetId && registration.sheetId !== sheet.id) return [];
    return [changedArgs(change, change.area, { type: "WorksheetChanged" })];
  }
  if (registration.event === "TableChanged") {
    if (registration.sheetId && registration.sheetId !== sheet.id) return [];
    return sheet.tables
      .filter(
        (table) => !table.deleted && (!registration.tableId || registration.tableId === table.id)
      )
      .flatMap((table) => {
        const touched = intersection(table.area, change.area);
        return touched
          ? [changedArgs(change, touched, { type: "TableChanged", tableId: table.id })]
          : [];
      });
  }
  return [];
}

function changedArgs(change: CellChange, area: Area, extra: object): object {
  const address = formatArea(area);
  const sheetId = change.sheet.id;
  const details = change.single && {
    valueBefore: change.single.before,
    valueAfter: change.single.after,
    valueTypeBefore: valueTypeOf(change.single.before),
    valueTypeAfter: valueTypeOf(change.single.after),
  };
  return {
    address,
    changeType: change.changeType,
    source: "Local",
    worksheetId: sheetId,
    details: details as Excel.ChangedEventDetail | undefined,
    triggerSource: "Unknown",
    getRange: (context: Excel.RequestContext) =>
      context.workbook.worksheets.getItem(sheetId).getRange(address),
    getRangeOrNullObject: (context: Excel.RequestContext) =>
      context.workbook.worksheets.getItem(sheetId).getRange(address),
    ...extra,
  };
}

async function call(handler: Handler, args: object): Promise<unknown> {
  await Promise.resolve();
  return handler(args as never);
}

async function settleAll(calls: Promise<unknown>[]): Promise<void> {
  const failures = (await Promise.allSettled(calls)).flatMap((result) =>
    result.status === "rejected" ? [result.reason] : []
  );
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, "Several event handlers failed.");
}

function sameTarget(a: Registration, b: Registration): boolean {
  const sheetOf = (registration: Registration) =>
    "sheetId" in registration ? registration.sheetId : undefined;
  const tableOf = (registration: Registration) =>
    "tableId" in registration ? registration.tableId : undefined;
  return a.event === b.event && sheetOf(a) === sheetOf(b) && tableOf(a) === tableOf(b);
}

/** OfficeExtension.EventHandlers: `add` and `remove` take effect at the next sync. */
export class HostEventHandlers<T> implements Pick<
  OfficeExtension.EventHandlers<T>,
  "add" | "remove"
> {
  constructor(
    private readonly requestContext: HostRequestContext,
    private readonly location: string,
    private readonly requires: string,
    /** At sync: the registration for a handler (resolving the worksheet or table it belongs to). */
    private readonly registrationFor: (handler: Handler) => Registration
  ) {}

  add(handler: (args: T) => Promise<unknown>): OfficeExtension.EventHandlerResult<T> {
    const hub = this.requestContext.engine.events;
    this.requestContext.enqueue({
      location: `${this.location}.add`,
      requires: this.requires,
      run: () => hub.register(this.registrationFor(handler as Handler)),
    });
    const result = { context: this.requestContext, remove: () => this.remove(handler) };
    return expose(result);
  }

  remove(handler: (args: T) => Promise<unknown>): void {
    const hub = this.requestContext.engine.events;
    this.requestContext.enqueue({
      location: `${this.location}.remove`,
      requires: this.requires,
      run: () => {
        const wanted = this.registrationFor(handler as Handler);
        hub.unregister(handler as Handler, (registration) => sameTarget(registration, wanted));
      },
    });
  }
}
