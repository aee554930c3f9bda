/**
 * Excel.WorksheetCollection and Excel.Worksheet.
 */
import { MAX_COLUMNS, MAX_ROWS, areaOf, isInsideSheet, parseAddress } from "./a1.js";
import { getRangesSeparator } from "./simulated-excel.js";
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
import { HostRange, HostRangeAreas } from "./ranges.js";
import type { RangeTarget } from "./range-data.js";
import type { HostRequestContext } from "./request-context.js";
import { copyTables } from "./table-data.js";
import { HostTableCollection } from "./tables.js";
import {
  type SheetState,
  type SheetVisibility,
  type WorkbookState,
  activeSheet,
  copySheetContents,
  createSheet,
  findSheet,
  usedArea,
} from "./workbook-state.js";

type WorksheetCollectionMembers =
  | "items"
  | "add"
  | "getActiveWorksheet"
  | "getCount"
  | "getFirst"
  | "getLast"
  | "getItem"
  | "getItemOrNullObject"
  | "load"
  | "onActivated"
  | "onChanged";

export class HostWorksheetCollection
  extends HostCollection<WorkbookState, SheetState, HostWorksheet>
  implements Pick<Excel.WorksheetCollection, WorksheetCollectionMembers>
{
  protected readonly scalars: ScalarReaders<WorkbookState> = {};

  constructor(context: HostRequestContext) {
    super(context, "WorksheetCollection", () => context.engine.state, "Workbook.worksheets");
  }

  protected listTargets(workbook: WorkbookState): SheetState[] {
    return workbook.sheets;
  }

  protected createItem(sheet: SheetState): HostWorksheet {
    return new HostWorksheet(this.requestContext, () => sheet, "WorksheetCollection.items");
  }

  get items(): Excel.Worksheet[] {
    return expose(this.loadedItems());
  }

  get onActivated(): OfficeExtension.EventHandlers<Excel.WorksheetActivatedEventArgs> {
    return expose(
      new HostEventHandlers(
        this.requestContext,
        "WorksheetCollection.onActivated",
        "ExcelApi 1.7",
        (handler) => ({ event: "WorksheetActivated", handler })
      )
    );
  }

  get onChanged(): OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs> {
    return expose(
      new HostEventHandlers(
        this.requestContext,
        "WorksheetCollection.onChanged",
        "ExcelApi 1.9",
        (handler) => ({ event: "WorksheetChanged", handler })
      )
    );
  }

  load(option?: LoadOption): Excel.WorksheetCollection {
    this.queueLoad(option);
    return expose(this);
  }

  getActiveWorksheet(): Excel.Worksheet {
    return expose(
      new HostWorksheet(
        this.requestContext,
        () => activeSheet(this.requestContext.engine.state),
        "WorksheetCollection.getActiveWorksheet"
      )
    );
  }

  getItem(key: string): Excel.Worksheet {
    return expose(
      new HostWorksheet(
        this.requestContext,
        () => {
          const sheet = findSheet(this.requestContext.engine.state, key);
          if (!sheet) throw new HostError("ItemNotFound");
          return sheet;
        },
        "WorksheetCollection.getItem"
      )
    );
  }

  getItemOrNullObject(key: string): Excel.Worksheet {
    const sheet = new HostWorksheet(
      this.requestContext,
      () => findSheet(this.requestContext.engine.state, key) ?? null,
      "WorksheetCollection.getItemOrNullObject"
    );
    sheet.probeExistence("ExcelApi 1.4");
    return expose(sheet);
  }

  getFirst(visibleOnly?: boolean): Excel.Worksheet {
    return this.pick("getFirst", (sheets) => sheets[0], visibleOnly);
  }

  getLast(visibleOnly?: boolean): Excel.Worksheet {
    return this.pick("getLast", (sheets) => sheets[sheets.length - 1], visibleOnly);
  }

  getCount(visibleOnly?: boolean): OfficeExtension.ClientResult<number> {
    return this.countResult((sheet) => !visibleOnly || sheet.visibility === "Visible");
  }

  /** add(name): a new empty sheet at the end; Excel does not activate it. */
  add(name?: string): Excel.Worksheet {
    let created: SheetState | undefined;
    this.invoke("add", (workbook) => {
      const sheetName =
        name === undefined ? unusedSheetName(workbook) : checkSheetName(workbook, name);
      created = createSheet(workbook, sheetName);
      workbook.sheets.push(created);
    });
    return expose(
      new HostWorksheet(this.requestContext, () => created ?? null, "WorksheetCollection.add")
    );
  }

  private pick(
    method: string,
    choose: (sheets: SheetState[]) => SheetState | undefined,
    visibleOnly?: boolean
  ): Excel.Worksheet {
    return expose(
      new HostWorksheet(
        this.requestContext,
        () => {
          const sheets = this.requestContext.engine.state.sheets.filter(
            (sheet) => !visibleOnly || sheet.visibility === "Visible"
          );
          const sheet = choose(sheets);
          if (!sheet) throw new HostError("ItemNotFound");
          return sheet;
        },
        `WorksheetCollection.${method}`
      )
    );
  }
}

type WorksheetMembers =
  | "id"
  | "name"
  | "position"
  | "visibility"
  | "tables"
  | "getRange"
  | "getRanges"
  | "getRangeByIndexes"
  | "getCell"
  | "getUsedRange"
  | "getUsedRangeOrNullObject"
  | "activate"
  | "delete"
  | "copy"
  | "load"
  | "onChanged"
  | "onActivated";

export class HostWorksheet
  extends HostObject<SheetState>
  implements Pick<Excel.Worksheet, WorksheetMembers>
{
  protected readonly scalars: ScalarReaders<SheetState> = {
    id: (sheet) => sheet.id,
    name: (sheet) => sheet.name,
    position: (sheet) => this.requestContext.engine.state.sheets.indexOf(sheet),
    visibility: (sheet) => sheet.visibility,
  };
  #tables: HostTableCollection | undefined;

  constructor(context: HostRequestContext, locate: () => SheetState | null, origin: string) {
    super(context, "Worksheet", locate, origin);
  }

  protected override isGone(sheet: SheetState): boolean {
    return sheet.deleted === true;
  }

  protected override navigation(name: string): Loadable | undefined {
    return name === "tables" ? this.hostTables : undefined;
  }

  get id(): string {
    return this.read("id");
  }

  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.write("name", name, (sheet) => {
      sheet.name = checkSheetName(this.requestContext.engine.state, name, sheet);
    });
  }

  get position(): number {
    return this.read("position");
  }
  set position(position: number) {
    this.write("position", position, (sheet) => {
      const sheets = this.requestContext.engine.state.sheets;
      if (!Number.isInteger(position) || position < 0 || position >= sheets.length)
        throw new HostError("InvalidArgument");
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(position, 0, sheet);
    });
  }

  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this.read("visibility");
  }
  set visibility(visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    this.write("visibility", visibility, (sheet) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(visibility))
        throw new HostError("InvalidArgument");
      const others = this.requestContext.engine.state.sheets.filter(
        (other) => other !== sheet && other.visibility === "Visible"
      );
      if (visibility !== "Visible" && others.length === 0) throw new HostError("InvalidOperation");
      sheet.visibility = visibility as SheetVisibility;
    });
  }

  get tables(): Excel.TableCollection {
    return expose(this.hostTables);
  }

  get hostTables(): HostTableCollection {
    this.#tables ??= new HostTableCollection(
      this.requestContext,
      () => {
        const sheet = this.resolve("Worksheet.tables");
        return sheet && { workbook: this.requestContext.engine.state, sheet };
      },
      "Worksheet.tables"
    );
    return this.#tables;
  }

  get onChanged(): OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs> {
    return expose(
      new HostEventHandlers(
        this.requestContext,
        "Worksheet.onChanged",
        "ExcelApi 1.7",
        (handler) => ({
          event: "WorksheetChanged",
          sheetId: this.resolveExisting("Worksheet.onChanged").id,
          handler,
        })
      )
    );
  }

  get onActivated(): OfficeExtension.EventHandlers<Excel.WorksheetActivatedEventArgs> {
    return expose(
      new HostEventHandlers(
        this.requestContext,
        "Worksheet.onActivated",
        "ExcelApi 1.7",
        (handler) => ({
          event: "WorksheetActivated",
          sheetId: this.resolveExisting("Worksheet.onActivated").id,
          handler,
        })
      )
    );
  }

  load(option?: LoadOption): Excel.Worksheet {
    this.queueLoad(option);
    return expose(this);
  }

  /** getRange("B2:C9"), getRange("A:A"), getRange("3:3"); no address is the whole sheet. */
  getRange(address?: string): Excel.Range {
    return this.range("getRange", (sheet) => {
      if (address === undefined || address === "")
        return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
      const parsed = parseAddress(address);
      if (
        !parsed ||
        (parsed.sheetName !== undefined &&
          parsed.sheetName.toLowerCase() !== sheet.name.toLowerCase())
      ) {
        throw new HostError("InvalidArgument");
      }
      return parsed.area;
    });
  }

  /** getRanges("B2:B9, D2:D9"): several areas at once (ExcelApi 1.9). */
  getRanges(address?: string): Excel.RangeAreas {
    const location = "Worksheet.getRanges";
    this.requestContext.enqueue({ location, requires: "ExcelApi 1.9", run: () => {} });
    return expose(
      new HostRangeAreas(
        this.requestContext,
        () => {
          const sheet = this.resolve(location);
          if (!sheet) return null;
          const { behaviour } = this.requestContext.engine;
          // office-js #5198: a long list of areas fails; #1167, #1985: the list separator is the locale's on Windows.
          if ((address ?? "").length > behaviour.getRangesMaxLength)
            throw new HostError("InvalidArgument");
          const parts = (address ?? "")
            .split(getRangesSeparator(behaviour))
            .map((part) => part.trim())
            .filter(Boolean);
          const areas = parts.map((part) => {
            const parsed = parseAddress(part);
            if (
              !parsed ||
              (parsed.sheetName !== undefined &&
                parsed.sheetName.toLowerCase() !== sheet.name.toLowerCase())
            ) {
              throw new HostError("InvalidArgument");
            }
            return parsed.area;
          });
          if (areas.length === 0) throw new HostError("InvalidArgument");
          return { sheet, areas };
        },
        location
      )
    );
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): Excel.Range {
    return this.range(
      "getRangeByIndexes",
      () => areaOf(startRow, startColumn, rowCount, columnCount),
      "ExcelApi 1.7"
    );
  }

  getCell(row: number, column: number): Excel.Range {
    return this.range("getCell", () => areaOf(row, column));
  }

  /** The used range; "A1" on an empty sheet, as Excel answers. */
  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return this.range(
      "getUsedRange",
      (sheet) => usedArea(sheet, valuesOnly === true) ?? areaOf(0, 0)
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    const location = "Worksheet.getUsedRangeOrNullObject";
    const range = new HostRange(
      this.requestContext,
      () => {
        const sheet = this.resolve(location);
        const area = sheet && usedArea(sheet, valuesOnly === true);
        return sheet && area ? { sheet, area } : null;
      },
      location
    );
    range.probeExistence("ExcelApi 1.4");
    return expose(range);
  }

  activate(): void {
    this.invoke("activate", (sheet) => {
      const workbook = this.requestContext.engine.state;
      if (sheet.visibility !== "Visible") throw new HostError("InvalidOperation");
      if (workbook.activeSheetId === sheet.id) return;
      workbook.activeSheetId = sheet.id;
      workbook.selection = { sheetId: sheet.id, area: areaOf(0, 0) };
      this.requestContext.engine.noteActivated(sheet);
    });
  }

  /** Deletes the sheet; the workbook must keep one visible sheet. */
  delete(): void {
    this.invoke("delete", (sheet) => {
      const workbook = this.requestContext.engine.state;
      const visible = workbook.sheets.filter((other) => other.visibility === "Visible");
      if (visible.length === 1 && visible[0] === sheet) throw new HostError("InvalidOperation");
      const index = workbook.sheets.indexOf(sheet);
      workbook.sheets.splice(index, 1);
      sheet.deleted = true;
      for (const table of sheet.tables) table.deleted = true;
      for (const format of sheet.conditionalFormats) format.deleted = true;
      if (workbook.activeSheetId === sheet.id) {
        const next = workbook.sheets
          .slice(index)
          .concat(workbook.sheets.slice(0, index).reverse())
          .find((other) => other.visibility === "Visible")!;
        workbook.activeSheetId = next.id;
        workbook.selection = { sheetId: next.id, area: areaOf(0, 0) };
      }
    });
  }

  /** copy(positionType, relativeTo): "Sheet1 (2)" with the cells, formats, merges, conditional formats and tables. */
  copy(
    positionType?: Excel.WorksheetPositionType | "None" | "Before" | "After" | "Beginning" | "End",
    relativeTo?: Excel.Worksheet
  ): Excel.Worksheet {
    let created: SheetState | undefined;
    this.invoke(
      "copy",
      (source) => {
        const workbook = this.requestContext.engine.state;
        const copy = copySheetContents(workbook, source, copyName(workbook, source.name));
        copy.tables = copyTables(workbook, source);
        const anchor = relativeTo
          ? expose<HostWorksheet>(relativeTo).resolveExisting("Worksheet.copy")
          : undefined;
        const position = positionType ?? "None";
        if ((position === "Before" || position === "After") && !anchor)
          throw new HostError("InvalidArgument");
        const index =
          position === "End"
            ? workbook.sheets.length
            : position === "Before"
              ? workbook.sheets.indexOf(anchor!)
              : position === "After"
                ? workbook.sheets.indexOf(anchor!) + 1
                : 0;
        workbook.sheets.splice(index, 0, copy);
        created = copy;
      },
      "ExcelApi 1.7"
    );
    return expose(new HostWorksheet(this.requestContext, () => created ?? null, "Worksheet.copy"));
  }

  probeExistence(requires?: string): void {
    this.probe(requires);
  }

  private range(
    method: string,
    areaFor: (sheet: SheetState) => ReturnType<typeof areaOf>,
    requires?: string
  ): Excel.Range {
    const location = `Worksheet.${method}`;
    if (requires) this.requestContext.enqueue({ location, requires, run: () => {} });
    return expose(
      new HostRange(
        this.requestContext,
        (): RangeTarget | null => {
          const sheet = this.resolve(location);
          if (!sheet) return null;
          const area = areaFor(sheet);
          if (!isInsideSheet(area)) throw new HostError("InvalidArgument");
          return { sheet, area };
        },
        location
      )
    );
  }
}

/** Excel's rules for sheet names: 1 to 31 characters, none of \ / ? * [ ] :, not quoted, unique. */
export function checkSheetName(
  workbook: WorkbookState,
  name: unknown,
  except?: SheetState
): string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 31 ||
    /[\\/?*[\]:]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === "history"
  ) {
    throw new HostError("InvalidArgument");
  }
  const existing = findSheet(workbook, name);
  if (existing && existing !== except && existing.name.toLowerCase() === name.toLowerCase())
    throw new HostError("ItemAlreadyExists");
  return name;
}

function unusedSheetName(workbook: WorkbookState): string {
  for (let number = 1; ; number++) {
    if (!findSheet(workbook, `Sheet${number}`)) return `Sheet${number}`;
  }
}

function copyName(workbook: WorkbookState, name: string): string {
  for (let number = 2; ; number++) {
    const suffix = ` (${number})`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!findSheet(workbook, candidate)) return candidate;
  }
}
