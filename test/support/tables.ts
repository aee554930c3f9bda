/**
 * Excel.TableCollection, Excel.Table, and a table's rows and columns.
 */
import { type Area, columnCount, intersection, parseAddress } from "./a1.js";
import { HostError } from "./errors.js";
import { HostEventHandlers } from "./events.js";
import {
  type LoadOption,
  type Loadable,
  type ScalarReaders,
  HostCollection,
  HostObject,
  expose,
} from "./proxy.js";
import { cellValue, clearArea, elementsFor, readMatrix, writeInputs } from "./range-data.js";
import { HostRange } from "./ranges.js";
import type { HostRequestContext } from "./request-context.js";
import {
  addTableRows,
  bodyArea,
  bodyRowCount,
  checkTableName,
  columnArea,
  createTable,
  deleteTableRow,
  headerArea,
  headerNames,
} from "./table-data.js";
import {
  type SheetState,
  type TableState,
  type WorkbookState,
  activeSheet,
  findSheet,
} from "./workbook-state.js";
import { HostWorksheet } from "./worksheets.js";

export interface TableTarget {
  sheet: SheetState;
  table: TableState;
}

/** The tables of the whole workbook, or of one sheet. */
export interface TableScope {
  workbook: WorkbookState;
  sheet?: SheetState;
}

type TableCollectionMembers =
  | "items"
  | "count"
  | "add"
  | "getCount"
  | "getItem"
  | "getItemAt"
  | "getItemOrNullObject"
  | "load"
  | "onChanged"
  | "onAdded"
  | "onDeleted";

export class HostTableCollection
  extends HostCollection<TableScope, TableTarget, HostTable>
  implements Pick<Excel.TableCollection, TableCollectionMembers>
{
  protected readonly scalars: ScalarReaders<TableScope> = {
    count: (scope) => this.listTargets(scope).length,
  };

  constructor(context: HostRequestContext, locate: () => TableScope | null, origin: string) {
    super(context, "TableCollection", locate, origin);
  }

  protected listTargets({ workbook, sheet }: TableScope): TableTarget[] {
    const sheets = sheet ? [sheet] : workbook.sheets;
    return sheets.flatMap((owner) => owner.tables.map((table) => ({ sheet: owner, table })));
  }

  protected createItem(target: TableTarget): HostTable {
    return new HostTable(this.requestContext, () => target, "TableCollection.items");
  }

  get items(): Excel.Table[] {
    return expose(this.loadedItems());
  }
  get count(): number {
    return this.read("count");
  }

  get onChanged(): OfficeExtension.EventHandlers<Excel.TableChangedEventArgs> {
    return expose(
      new HostEventHandlers(
        this.requestContext,
        "TableCollection.onChanged",
        "ExcelApi 1.7",
        (handler) => ({
          event: "TableChanged",
          sheetId: this.resolveExisting("TableCollection.onChanged").sheet?.id,
          handler,
        })
      )
    );
  }

  /** Tables added anywhere in the workbook (Excel has this event on workbook.tables only). */
  get onAdded(): OfficeExtension.EventHandlers<Excel.TableAddedEventArgs> {
    return expose(
      new HostEventHandlers(
        this.requestContext,
        "TableCollection.onAdded",
        "ExcelApi 1.9",
        (handler) => ({ event: "TableAdded", handler })
      )
    );
  }

  /** Tables deleted (or converted to ranges) anywhere in the workbook (workbook.tables only). */
  get onDeleted(): OfficeExtension.EventHandlers<Excel.TableDeletedEventArgs> {
    return expose(
      new HostEventHandlers(
        this.requestContext,
        "TableCollection.onDeleted",
        "ExcelApi 1.9",
        (handler) => ({ event: "TableDeleted", handler })
      )
    );
  }

  load(option?: LoadOption): Excel.TableCollection {
    this.queueLoad(option);
    return expose(this);
  }

  getCount(): OfficeExtension.ClientResult<number> {
    return this.countResult();
  }

  /** add("A1:C4", true), add("'KPI Register'!A1:C4", true) or add(range, true). */
  add(address: Excel.Range | string, hasHeaders: boolean): Excel.Table {
    let created: TableTarget | undefined;
    this.invoke("add", (scope) => {
      const { sheet, area } = this.placeFor(scope, address);
      created = { sheet, table: createTable(scope.workbook, sheet, area, hasHeaders) };
      this.requestContext.engine.noteChange({
        sheet,
        area: created.table.area,
        changeType: "RangeEdited",
      });
      this.requestContext.engine.noteTableAdded(sheet, created.table);
    });
    return expose(new HostTable(this.requestContext, () => created ?? null, "TableCollection.add"));
  }

  getItem(key: string): Excel.Table {
    return this.find("getItem", (targets) => targets.find(({ table }) => matches(table, key)));
  }

  getItemOrNullObject(key: string): Excel.Table {
    const location = "TableCollection.getItemOrNullObject";
    const table = new HostTable(
      this.requestContext,
      () => {
        const scope = this.resolve(location);
        return (
          (scope &&
            this.listTargets(scope).find(({ table: candidate }) => matches(candidate, key))) ??
          null
        );
      },
      location
    );
    table.probeExistence("ExcelApi 1.4");
    return expose(table);
  }

  getItemAt(index: number): Excel.Table {
    return this.find("getItemAt", (targets) => targets[index]);
  }

  private find(
    method: string,
    choose: (targets: TableTarget[]) => TableTarget | undefined
  ): Excel.Table {
    const location = `TableCollection.${method}`;
    return expose(
      new HostTable(
        this.requestContext,
        () => {
          const found = choose(this.listTargets(this.resolveExisting(location)));
          if (!found) throw new HostError("ItemNotFound");
          return found;
        },
        location
      )
    );
  }

  private placeFor(
    scope: TableScope,
    address: Excel.Range | string
  ): { sheet: SheetState; area: Area } {
    if (typeof address !== "string") {
      const range = expose<HostRange>(address).resolveExisting("TableCollection.add");
      if (scope.sheet && range.sheet !== scope.sheet) throw new HostError("InvalidArgument");
      return { sheet: range.sheet, area: range.area };
    }
    const parsed = parseAddress(address);
    if (!parsed) throw new HostError("InvalidArgument");
    const sheet =
      parsed.sheetName !== undefined
        ? findSheet(scope.workbook, parsed.sheetName)
        : (scope.sheet ?? activeSheet(scope.workbook));
    if (!sheet || (scope.sheet && sheet !== scope.sheet)) throw new HostError("InvalidArgument");
    return { sheet, area: parsed.area };
  }
}

function matches(table: TableState, key: string): boolean {
  return table.id === key || table.name.toLowerCase() === key.toLowerCase();
}

type TableMembers =
  | "id"
  | "name"
  | "showHeaders"
  | "showTotals"
  | "rows"
  | "columns"
  | "worksheet"
  | "getRange"
  | "getHeaderRowRange"
  | "getDataBodyRange"
  | "delete"
  | "convertToRange"
  | "load"
  | "onChanged";

export class HostTable extends HostObject<TableTarget> implements Pick<Excel.Table, TableMembers> {
  protected readonly scalars: ScalarReaders<TableTarget> = {
    id: ({ table }) => table.id,
    name: ({ table }) => table.name,
    showHeaders: ({ table }) => table.showHeaders,
    showTotals: () => false,
  };
  readonly hostRows: HostTableRowCollection;
  readonly hostColumns: HostTableColumnCollection;
  readonly hostWorksheet: HostWorksheet;

  constructor(context: HostRequestContext, locate: () => TableTarget | null, origin: string) {
    super(context, "Table", locate, origin);
    this.hostRows = new HostTableRowCollection(
      context,
      () => this.resolve("Table.rows"),
      "Table.rows"
    );
    this.hostColumns = new HostTableColumnCollection(
      context,
      () => this.resolve("Table.columns"),
      "Table.columns"
    );
    this.hostWorksheet = new HostWorksheet(
      context,
      () => this.resolve("Table.worksheet")?.sheet ?? null,
      "Table.worksheet"
    );
  }

  protected override isGone({ sheet, table }: TableTarget): boolean {
    return table.deleted === true || sheet.deleted === true;
  }

  protected override navigation(name: string): Loadable | undefined {
    const children: Record<string, Loadable> = {
      rows: this.hostRows,
      columns: this.hostColumns,
      worksheet: this.hostWorksheet,
    };
    return children[name];
  }

  get id(): string {
    return this.read("id");
  }
  get showHeaders(): boolean {
    return this.read("showHeaders");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }

  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.write("name", name, ({ table }) => {
      table.name = checkTableName(this.requestContext.engine.state, name, table);
    });
  }

  get rows(): Excel.TableRowCollection {
    return expose(this.hostRows);
  }
  get columns(): Excel.TableColumnCollection {
    return expose(this.hostColumns);
  }
  get worksheet(): Excel.Worksheet {
    return expose(this.hostWorksheet);
  }

  get onChanged(): OfficeExtension.EventHandlers<Excel.TableChangedEventArgs> {
    return expose(
      new HostEventHandlers(this.requestContext, "Table.onChanged", "ExcelApi 1.7", (handler) => ({
        event: "TableChanged",
        tableId: this.resolveExisting("Table.onChanged").table.id,
        handler,
      }))
    );
  }

  load(option?: LoadOption): Excel.Table {
    this.queueLoad(option);
    return expose(this);
  }

  getRange(): Excel.Range {
    return this.range("getRange", ({ table }) => table.area);
  }

  getHeaderRowRange(): Excel.Range {
    return this.range("getHeaderRowRange", ({ table }) => {
      const area = headerArea(table);
      if (!area) throw new HostError("ItemNotFound");
      return area;
    });
  }

  getDataBodyRange(): Excel.Range {
    return this.range("getDataBodyRange", ({ table }) => bodyArea(table));
  }

  /** Deletes the table and its cells' contents. */
  delete(): void {
    this.invoke("delete", ({ sheet, table }) => {
      removeTable(sheet, table);
      this.requestContext.engine.noteTableDeleted(sheet, table);
      const change = clearArea({ sheet, area: table.area }, "All");
      if (change) this.requestContext.engine.noteChange(change);
    });
  }

  /** Keeps the cells, removes the table. */
  convertToRange(): Excel.Range {
    let area: Area | undefined;
    let owner: SheetState | undefined;
    this.invoke(
      "convertToRange",
      ({ sheet, table }) => {
        removeTable(sheet, table);
        area = table.area;
        owner = sheet;
      },
      "ExcelApi 1.2"
    );
    return expose(
      new HostRange(
        this.requestContext,
        () => (owner && area ? { sheet: owner, area } : null),
        "Table.convertToRange"
      )
    );
  }

  probeExistence(requires?: string): void {
    this.probe(requires);
  }

  private range(method: string, areaFor: (target: TableTarget) => Area): Excel.Range {
    const location = `Table.${method}`;
    return expose(
      new HostRange(
        this.requestContext,
        () => {
          const target = this.resolve(location);
          return target && { sheet: target.sheet, area: areaFor(target) };
        },
        location
      )
    );
  }
}

function removeTable(sheet: SheetState, table: TableState): void {
  sheet.tables.splice(sheet.tables.indexOf(table), 1);
  table.deleted = true;
}

export interface TablePartTarget extends TableTarget {
  index: number;
}

export class HostTableRowCollection
  extends HostCollection<TableTarget, TablePartTarget, HostTableRow>
  implements
    Pick<Excel.TableRowCollection, "items" | "count" | "add" | "getCount" | "getItemAt" | "load">
{
  protected readonly scalars: ScalarReaders<TableTarget> = {
    count: ({ table }) => bodyRowCount(table),
  };

  constructor(context: HostRequestContext, locate: () => TableTarget | null, origin: string) {
    super(context, "TableRowCollection", locate, origin);
  }

  protected override isGone({ sheet, table }: TableTarget): boolean {
    return table.deleted === true || sheet.deleted === true;
  }

  protected listTargets(target: TableTarget): TablePartTarget[] {
    return Array.from({ length: bodyRowCount(target.table) }, (_, index) => ({ ...target, index }));
  }

  protected createItem(target: TablePartTarget): HostTableRow {
    return new HostTableRow(this.requestContext, () => target, "TableRowCollection.items");
  }

  get items(): Excel.TableRow[] {
    return expose(this.loadedItems());
  }
  get count(): number {
    return this.read("count");
  }

  load(option?: LoadOption): Excel.TableRowCollection {
    this.queueLoad(option);
    return expose(this);
  }

  getCount(): OfficeExtension.ClientResult<number> {
    return this.countResult();
  }

  /** add(index, values): rows inserted at index (at the end when index is null or absent); always inserts. */
  add(
    index?: number | null,
    values?: Array<Array<boolean | string | number>> | boolean | string | number,
    _alwaysInsert?: boolean
  ): Excel.TableRow {
    let created: TablePartTarget | undefined;
    this.invoke("add", (target) => {
      const at = index ?? bodyRowCount(target.table);
      this.requestContext.engine.noteChange(
        addTableRows(target.sheet, target.table, index, values)
      );
      created = { ...target, index: at };
    });
    return expose(
      new HostTableRow(this.requestContext, () => created ?? null, "TableRowCollection.add")
    );
  }

  getItemAt(index: number): Excel.TableRow {
    const location = "TableRowCollection.getItemAt";
    return expose(
      new HostTableRow(
        this.requestContext,
        () => {
          const target = this.resolveExisting(location);
          if (!Number.isInteger(index) || index < 0 || index >= bodyRowCount(target.table))
            throw new HostError("ItemNotFound");
          return { ...target, index };
        },
        location
      )
    );
  }
}

function rowArea({ table, index }: TablePartTarget): Area {
  const body = bodyArea(table);
  return { ...body, top: body.top + index, bottom: body.top + index };
}

export class HostTableRow
  extends HostObject<TablePartTarget>
  implements Pick<Excel.TableRow, "index" | "values" | "getRange" | "delete" | "load">
{
  protected readonly scalars: ScalarReaders<TablePartTarget> = {
    index: ({ index }) => index,
    values: (target) => readMatrix({ sheet: target.sheet, area: rowArea(target) }, cellValue),
  };

  constructor(context: HostRequestContext, locate: () => TablePartTarget | null, origin: string) {
    super(context, "TableRow", locate, origin);
  }

  protected override isGone({ sheet, table, index }: TablePartTarget): boolean {
    return table.deleted === true || sheet.deleted === true || index >= bodyRowCount(table);
  }

  get index(): number {
    return this.read("index");
  }

  get values(): any[][] {
    return this.read("values");
  }
  set values(values: any[][]) {
    this.write("values", values, (target) => {
      this.requestContext.engine.noteChange(
        writeInputs({ sheet: target.sheet, area: rowArea(target) }, values)
      );
    });
  }

  getRange(): Excel.Range {
    const location = "TableRow.getRange";
    return expose(
      new HostRange(
        this.requestContext,
        () => {
          const target = this.resolve(location);
          return target && { sheet: target.sheet, area: rowArea(target) };
        },
        location
      )
    );
  }

  delete(): void {
    this.invoke("delete", ({ sheet, table, index }) => {
      this.requestContext.engine.noteChange(deleteTableRow(sheet, table, index));
    });
  }

  load(option?: LoadOption): Excel.TableRow {
    this.queueLoad(option);
    return expose(this);
  }
}

export class HostTableColumnCollection
  extends HostCollection<TableTarget, TablePartTarget, HostTableColumn>
  implements
    Pick<
      Excel.TableColumnCollection,
      "items" | "count" | "getCount" | "getItem" | "getItemAt" | "getItemOrNullObject" | "load"
    >
{
  protected readonly scalars: ScalarReaders<TableTarget> = {
    count: ({ table }) => columnCount(table.area),
  };

  constructor(context: HostRequestContext, locate: () => TableTarget | null, origin: string) {
    super(context, "TableColumnCollection", locate, origin);
  }

  protected override isGone({ sheet, table }: TableTarget): boolean {
    return table.deleted === true || sheet.deleted === true;
  }

  protected listTargets(target: TableTarget): TablePartTarget[] {
    return Array.from({ length: columnCount(target.table.area) }, (_, index) => ({
      ...target,
      index,
    }));
  }

  protected createItem(target: TablePartTarget): HostTableColumn {
    return new HostTableColumn(this.requestContext, () => target, "TableColumnCollection.items");
  }

  get items(): Excel.TableColumn[] {
    return expose(this.loadedItems());
  }
  get count(): number {
    return this.read("count");
  }

  load(option?: LoadOption): Excel.TableColumnCollection {
    this.queueLoad(option);
    return expose(this);
  }

  getCount(): OfficeExtension.ClientResult<number> {
    return this.countResult();
  }

  /** getItem(name) or getItem(id): a column by its header or its id (1, 2, ...). */
  getItem(key: number | string): Excel.TableColumn {
    return expose(this.column("getItem", key, false));
  }

  getItemOrNullObject(key: number | string): Excel.TableColumn {
    const column = this.column("getItemOrNullObject", key, true);
    column.probeExistence("ExcelApi 1.4");
    return expose(column);
  }

  getItemAt(index: number): Excel.TableColumn {
    const location = "TableColumnCollection.getItemAt";
    return expose(
      new HostTableColumn(
        this.requestContext,
        () => {
          const target = this.resolveExisting(location);
          if (!Number.isInteger(index) || index < 0 || index >= columnCount(target.table.area))
            throw new HostError("ItemNotFound");
          return { ...target, index };
        },
        location
      )
    );
  }

  private column(method: string, key: number | string, orNull: boolean): HostTableColumn {
    const location = `TableColumnCollection.${method}`;
    return new HostTableColumn(
      this.requestContext,
      () => {
        const target = this.resolve(location);
        if (!target) return null;
        const names = headerNames(target.sheet, target.table);
        const index =
          typeof key === "number" || /^\d+$/.test(key)
            ? Number(key) - 1
            : names.findIndex((name) => name.toLowerCase() === key.toLowerCase());
        if (index >= 0 && index < names.length) return { ...target, index };
        if (orNull) return null;
        throw new HostError("ItemNotFound");
      },
      location
    );
  }
}

export class HostTableColumn
  extends HostObject<TablePartTarget>
  implements
    Pick<
      Excel.TableColumn,
      | "id"
      | "index"
      | "name"
      | "values"
      | "getRange"
      | "getHeaderRowRange"
      | "getDataBodyRange"
      | "load"
    >
{
  protected readonly scalars: ScalarReaders<TablePartTarget> = {
    id: ({ index }) => index + 1,
    index: ({ index }) => index,
    name: ({ sheet, table, index }) => headerNames(sheet, table)[index],
    values: (target) =>
      readMatrix({ sheet: target.sheet, area: columnArea(target.table, target.index) }, cellValue),
  };

  constructor(context: HostRequestContext, locate: () => TablePartTarget | null, origin: string) {
    super(context, "TableColumn", locate, origin);
  }

  protected override isGone({ sheet, table, index }: TablePartTarget): boolean {
    return table.deleted === true || sheet.deleted === true || index >= columnCount(table.area);
  }

  get id(): number {
    return this.read("id");
  }
  get index(): number {
    return this.read("index");
  }
  get name(): string {
    return this.read("name");
  }

  get values(): any[][] {
    return this.read("values");
  }
  set values(values: any[][]) {
    this.write("values", values, (target) => {
      const area = columnArea(target.table, target.index);
      elementsFor(area, values);
      this.requestContext.engine.noteChange(writeInputs({ sheet: target.sheet, area }, values));
    });
  }

  getRange(): Excel.Range {
    return this.range("getRange", ({ table, index }) => columnArea(table, index));
  }

  getHeaderRowRange(): Excel.Range {
    return this.range("getHeaderRowRange", ({ table, index }) => {
      const column = columnArea(table, index);
      return { ...column, bottom: column.top };
    });
  }

  getDataBodyRange(): Excel.Range {
    return this.range("getDataBodyRange", ({ table, index }) => {
      const column = columnArea(table, index);
      return intersection(column, bodyArea(table))!;
    });
  }

  load(option?: LoadOption): Excel.TableColumn {
    this.queueLoad(option);
    return expose(this);
  }

  probeExistence(requires?: string): void {
    this.probe(requires);
  }

  private range(method: string, areaFor: (target: TablePartTarget) => Area): Excel.Range {
    const location = `TableColumn.${method}`;
    return expose(
      new HostRange(
        this.requestContext,
        () => {
          const target = this.resolve(location);
          return target && { sheet: target.sheet, area: areaFor(target) };
        },
        location
      )
    );
  }
}
