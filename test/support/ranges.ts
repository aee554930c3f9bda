/**
 * Excel.Range and what hangs off it: format (fill and font colour), merged areas, and the
 * ranges derived from a range (getCell, getOffsetRange, getResizedRange, getEntireRow...).
 */
import {
  type Area,
  MAX_COLUMNS,
  MAX_ROWS,
  areaOf,
  boundingArea,
  columnCount,
  formatAddress,
  intersection,
  isEntireColumns,
  isEntireRows,
  isInsideSheet,
  parseAddress,
  rowCount,
} from "./a1.js";
import { HostConditionalFormatCollection } from "./conditional-formats.js";
import { HostError, notSimulated } from "./errors.js";
import {
  type LoadOption,
  type Loadable,
  type ScalarReaders,
  HostCollection,
  HostObject,
  expose,
} from "./proxy.js";
import {
  type AreasTarget,
  type RangeTarget,
  cellCount,
  cellFormula,
  cellNumberFormat,
  cellText,
  cellValue,
  cellValueType,
  clearArea,
  hiddenState,
  mergeArea,
  readMatrix,
  setHidden,
  setOnEveryCell,
  uniformColour,
  unmergeArea,
  writeColour,
  writeInputs,
  writeNumberFormats,
} from "./range-data.js";
import type { HostRequestContext } from "./request-context.js";
import { type SheetState, cellPosition, usedArea } from "./workbook-state.js";
import { HostWorksheet } from "./worksheets.js";

type RangeMembers =
  | "address"
  | "addressLocal"
  | "values"
  | "formulas"
  | "formulasLocal"
  | "numberFormat"
  | "numberFormatLocal"
  | "text"
  | "valueTypes"
  | "rowIndex"
  | "columnIndex"
  | "rowCount"
  | "columnCount"
  | "cellCount"
  | "rowHidden"
  | "columnHidden"
  | "isEntireRow"
  | "isEntireColumn"
  | "format"
  | "conditionalFormats"
  | "worksheet"
  | "getCell"
  | "getOffsetRange"
  | "getResizedRange"
  | "getAbsoluteResizedRange"
  | "getEntireRow"
  | "getEntireColumn"
  | "getRow"
  | "getColumn"
  | "getLastRow"
  | "getLastColumn"
  | "getLastCell"
  | "getBoundingRect"
  | "getIntersection"
  | "getIntersectionOrNullObject"
  | "getUsedRange"
  | "getUsedRangeOrNullObject"
  | "getMergedAreasOrNullObject"
  | "getSpecialCellsOrNullObject"
  | "calculate"
  | "merge"
  | "unmerge"
  | "clear"
  | "select"
  | "load";

const RANGE_SCALARS: ScalarReaders<RangeTarget> = {
  address: ({ sheet, area }) => formatAddress(sheet.name, area),
  addressLocal: ({ sheet, area }) => formatAddress(sheet.name, area),
  values: (target) => readMatrix(target, cellValue),
  formulas: (target) => readMatrix(target, cellFormula),
  formulasLocal: (target) => readMatrix(target, cellFormula),
  numberFormat: (target) => readMatrix(target, cellNumberFormat),
  numberFormatLocal: (target) => readMatrix(target, cellNumberFormat),
  text: (target) => readMatrix(target, cellText),
  valueTypes: (target) => readMatrix(target, cellValueType),
  rowIndex: ({ area }) => area.top,
  columnIndex: ({ area }) => area.left,
  rowCount: ({ area }) => rowCount(area),
  columnCount: ({ area }) => columnCount(area),
  cellCount: ({ area }) => cellCount(area),
  rowHidden: ({ sheet, area }) => hiddenState(area.top, area.bottom, sheet.hiddenRows),
  columnHidden: ({ sheet, area }) => hiddenState(area.left, area.right, sheet.hiddenColumns),
  isEntireRow: ({ area }) => isEntireRows(area),
  isEntireColumn: ({ area }) => isEntireColumns(area),
};

export class HostRange extends HostObject<RangeTarget> implements Pick<Excel.Range, RangeMembers> {
  protected readonly scalars = RANGE_SCALARS;
  readonly hostFormat: HostRangeFormat;
  #conditionalFormats: HostConditionalFormatCollection | undefined;
  #worksheet: HostWorksheet | undefined;

  constructor(context: HostRequestContext, locate: () => RangeTarget | null, origin: string) {
    super(context, "Range", locate, origin);
    this.hostFormat = new HostRangeFormat(
      context,
      () => this.resolve("Range.format"),
      "Range.format"
    );
  }

  protected override isGone(target: RangeTarget): boolean {
    return target.sheet.deleted === true;
  }

  protected override navigation(name: string): Loadable | undefined {
    const children: Record<string, () => Loadable> = {
      format: () => this.hostFormat,
      worksheet: () => this.hostWorksheet,
      conditionalFormats: () => this.hostConditionalFormats,
    };
    return children[name]?.();
  }

  get address(): string {
    return this.read("address");
  }
  get addressLocal(): string {
    return this.read("addressLocal");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.read("valueTypes");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get isEntireRow(): boolean {
    return this.read("isEntireRow");
  }
  get isEntireColumn(): boolean {
    return this.read("isEntireColumn");
  }

  get values(): any[][] {
    return this.read("values");
  }
  set values(values: any[][]) {
    this.write("values", values, (target) =>
      this.requestContext.engine.noteChange(writeInputs(target, values))
    );
  }

  get formulas(): any[][] {
    return this.read("formulas");
  }
  set formulas(formulas: any[][]) {
    this.write("formulas", formulas, (target) =>
      this.requestContext.engine.noteChange(writeInputs(target, formulas))
    );
  }

  get formulasLocal(): any[][] {
    return this.read("formulasLocal");
  }
  set formulasLocal(formulas: any[][]) {
    this.write("formulasLocal", formulas, (target) =>
      this.requestContext.engine.noteChange(writeInputs(target, formulas))
    );
  }

  get numberFormat(): any[][] {
    return this.read("numberFormat");
  }
  set numberFormat(formats: any[][]) {
    this.write("numberFormat", formats, (target) => writeNumberFormats(target, formats));
  }

  get numberFormatLocal(): any[][] {
    return this.read("numberFormatLocal");
  }
  set numberFormatLocal(formats: any[][]) {
    this.write("numberFormatLocal", formats, (target) => writeNumberFormats(target, formats));
  }

  get rowHidden(): boolean {
    return this.read("rowHidden");
  }
  set rowHidden(hidden: boolean) {
    this.write(
      "rowHidden",
      hidden,
      ({ sheet, area }) => setHidden(area.top, area.bottom, sheet.hiddenRows, hidden),
      "ExcelApi 1.2"
    );
  }

  get columnHidden(): boolean {
    return this.read("columnHidden");
  }
  set columnHidden(hidden: boolean) {
    this.write(
      "columnHidden",
      hidden,
      ({ sheet, area }) => setHidden(area.left, area.right, sheet.hiddenColumns, hidden),
      "ExcelApi 1.2"
    );
  }

  get format(): Excel.RangeFormat {
    return expose(this.hostFormat);
  }

  get conditionalFormats(): Excel.ConditionalFormatCollection {
    return expose(this.hostConditionalFormats);
  }

  get worksheet(): Excel.Worksheet {
    return expose(this.hostWorksheet);
  }

  get hostConditionalFormats(): HostConditionalFormatCollection {
    this.#conditionalFormats ??= new HostConditionalFormatCollection(
      this.requestContext,
      () => {
        const target = this.resolve("Range.conditionalFormats");
        return target && { sheet: target.sheet, areas: [target.area] };
      },
      "Range.conditionalFormats"
    );
    return this.#conditionalFormats;
  }

  get hostWorksheet(): HostWorksheet {
    this.#worksheet ??= new HostWorksheet(
      this.requestContext,
      () => this.resolve("Range.worksheet")?.sheet ?? null,
      "Range.worksheet"
    );
    return this.#worksheet;
  }

  load(option?: LoadOption): Excel.Range {
    this.queueLoad(option);
    return expose(this);
  }

  getCell(row: number, column: number): Excel.Range {
    return this.derive("getCell", ({ area }) => areaOf(area.top + row, area.left + column));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Excel.Range {
    return this.derive("getOffsetRange", ({ area }) => ({
      top: area.top + rowOffset,
      bottom: area.bottom + rowOffset,
      left: area.left + columnOffset,
      right: area.right + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Excel.Range {
    return this.derive(
      "getResizedRange",
      ({ area }) => ({
        ...area,
        bottom: area.bottom + deltaRows,
        right: area.right + deltaColumns,
      }),
      "ExcelApi 1.2"
    );
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): Excel.Range {
    return this.derive(
      "getAbsoluteResizedRange",
      ({ area }) => areaOf(area.top, area.left, numRows, numColumns),
      "ExcelApi 1.7"
    );
  }

  getEntireRow(): Excel.Range {
    return this.derive("getEntireRow", ({ area }) => ({
      ...area,
      left: 0,
      right: MAX_COLUMNS - 1,
    }));
  }

  getEntireColumn(): Excel.Range {
    return this.derive("getEntireColumn", ({ area }) => ({
      ...area,
      top: 0,
      bottom: MAX_ROWS - 1,
    }));
  }

  getRow(row: number): Excel.Range {
    return this.derive("getRow", ({ area }) => ({
      ...area,
      top: area.top + row,
      bottom: area.top + row,
    }));
  }

  getColumn(column: number): Excel.Range {
    return this.derive("getColumn", ({ area }) => ({
      ...area,
      left: area.left + column,
      right: area.left + column,
    }));
  }

  getLastRow(): Excel.Range {
    return this.derive("getLastRow", ({ area }) => ({ ...area, top: area.bottom }));
  }

  getLastColumn(): Excel.Range {
    return this.derive("getLastColumn", ({ area }) => ({ ...area, left: area.right }));
  }

  getLastCell(): Excel.Range {
    return this.derive("getLastCell", ({ area }) => areaOf(area.bottom, area.right));
  }

  getBoundingRect(anotherRange: Excel.Range | string): Excel.Range {
    return this.derive("getBoundingRect", (target) =>
      boundingArea(target.area, this.otherArea(anotherRange, target.sheet))
    );
  }

  getIntersection(anotherRange: Excel.Range | string): Excel.Range {
    return this.derive("getIntersection", (target) => {
      const overlap = intersection(target.area, this.otherArea(anotherRange, target.sheet));
      if (!overlap) throw new HostError("InvalidArgument");
      return overlap;
    });
  }

  getIntersectionOrNullObject(anotherRange: Excel.Range | string): Excel.Range {
    return this.derive(
      "getIntersectionOrNullObject",
      (target) => intersection(target.area, this.otherArea(anotherRange, target.sheet)),
      "ExcelApi 1.4"
    );
  }

  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return this.derive("getUsedRange", ({ sheet, area }) => {
      const used = usedArea(sheet, valuesOnly === true);
      const overlap = used && intersection(used, area);
      if (!overlap) throw new HostError("ItemNotFound");
      return overlap;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return this.derive(
      "getUsedRangeOrNullObject",
      ({ sheet, area }) => {
        const used = usedArea(sheet, valuesOnly === true);
        return used && intersection(used, area);
      },
      "ExcelApi 1.4"
    );
  }

  getMergedAreasOrNullObject(): Excel.RangeAreas {
    const location = "Range.getMergedAreasOrNullObject";
    const areas = new HostRangeAreas(
      this.requestContext,
      () => {
        const target = this.resolve(location);
        if (!target) return null;
        const merged = target.sheet.merges.filter((merge) => intersection(merge, target.area));
        // Its reference page: "If the merged areas count in this range is more than 512, then this method will fail".
        if (merged.length > this.requestContext.engine.behaviour.mergedAreasLimit)
          throw new HostError("InvalidOperation", {
            message: `The range has ${merged.length} merged areas, more than the ${this.requestContext.engine.behaviour.mergedAreasLimit} Excel returns.`,
          });
        return merged.length > 0 ? { sheet: target.sheet, areas: merged } : null;
      },
      location
    );
    areas.probeExistence("ExcelApi 1.13");
    return expose(areas);
  }

  /** getSpecialCellsOrNullObject("Formulas"): the formula cells, as runs along each row (ExcelApi 1.9). */
  getSpecialCellsOrNullObject(
    cellType:
      | Excel.SpecialCellType
      | "Formulas"
      | "Constants"
      | "Blanks"
      | "ConditionalFormats"
      | "DataValidations"
      | "Visible"
  ): Excel.RangeAreas {
    const location = "Range.getSpecialCellsOrNullObject";
    const areas = new HostRangeAreas(
      this.requestContext,
      () => {
        const target = this.resolve(location);
        if (!target) return null;
        if (cellType !== "Formulas")
          throw notSimulated(`getSpecialCellsOrNullObject("${cellType}")`, location);
        const runs: Area[] = [];
        const cells = [...target.sheet.cells]
          .filter(([, cell]) => cell.formula !== undefined)
          .map(([key]) => cellPosition(key))
          .filter(
            ({ row, column }) =>
              row >= target.area.top &&
              row <= target.area.bottom &&
              column >= target.area.left &&
              column <= target.area.right
          )
          .sort((a, b) => a.row - b.row || a.column - b.column);
        for (const { row, column } of cells) {
          const last = runs[runs.length - 1];
          if (last && last.top === row && last.right === column - 1) last.right = column;
          else runs.push({ top: row, bottom: row, left: column, right: column });
        }
        return runs.length > 0 ? { sheet: target.sheet, areas: runs } : null;
      },
      location
    );
    areas.probeExistence("ExcelApi 1.9");
    return expose(areas);
  }

  /** Recalculates the range's formulas (counted as host.calculatedCells). */
  calculate(): void {
    this.invoke(
      "calculate",
      ({ area }) => {
        const engine = this.requestContext.engine;
        engine.recalculationCount++;
        engine.calculatedCells += cellCount(area);
        engine.recalculate();
      },
      "ExcelApi 1.6"
    );
  }

  merge(across?: boolean): void {
    this.invoke("merge", (target) => mergeArea(target, across === true), "ExcelApi 1.2");
  }

  unmerge(): void {
    this.invoke("unmerge", (target) => unmergeArea(target), "ExcelApi 1.2");
  }

  clear(
    applyTo?:
      | Excel.ClearApplyTo
      | "All"
      | "Formats"
      | "Contents"
      | "Hyperlinks"
      | "RemoveHyperlinks"
      | "ResetContents"
  ): void {
    this.invoke("clear", (target) => {
      const change = clearArea(target, applyTo ?? "All");
      if (change) this.requestContext.engine.noteChange(change);
    });
  }

  select(): void {
    this.invoke("select", ({ sheet, area }) => {
      const workbook = this.requestContext.engine.state;
      workbook.activeSheetId = sheet.id;
      workbook.selection = { sheetId: sheet.id, area };
    });
  }

  /**
   * A range computed from this one at sync. `compute` answers null for a null object
   * (the ...OrNullObject methods); an area outside the grid fails with InvalidArgument.
   */
  private derive(
    method: string,
    compute: (target: RangeTarget) => Area | null,
    requires?: string
  ): Excel.Range {
    const location = `Range.${method}`;
    const orNull = method.endsWith("OrNullObject");
    const range = new HostRange(
      this.requestContext,
      () => {
        const target = this.resolve(location);
        if (!target) return null;
        const area = compute(target);
        if (area === null) return null;
        if (!isInsideSheet(area)) throw new HostError("InvalidArgument");
        return { sheet: target.sheet, area };
      },
      location
    );
    if (orNull) range.probeExistence(requires);
    else if (requires) this.requestContext.enqueue({ location, requires, run: () => {} });
    return expose(range);
  }

  private otherArea(anotherRange: Excel.Range | string, sheet: SheetState): Area {
    if (typeof anotherRange === "string") {
      const parsed = parseAddress(anotherRange);
      if (
        !parsed ||
        (parsed.sheetName && parsed.sheetName.toLowerCase() !== sheet.name.toLowerCase())
      ) {
        throw new HostError("InvalidArgument");
      }
      return parsed.area;
    }
    const other = expose<HostRange>(anotherRange).resolveExisting("Range.getBoundingRect");
    if (other.sheet !== sheet) throw new HostError("InvalidArgument");
    return other.area;
  }

  /** Queues the check that tells whether this (...OrNullObject) range exists, or an API version check. */
  probeExistence(requires?: string): void {
    this.probe(requires);
  }
}

/** Range.format: navigation to fill and font. Widths, alignment and borders are not simulated. */
export class HostRangeFormat
  extends HostObject<RangeTarget>
  implements Pick<Excel.RangeFormat, "fill" | "font" | "load">
{
  protected readonly scalars: ScalarReaders<RangeTarget> = {};
  readonly hostFill: HostRangeFill;
  readonly hostFont: HostRangeFont;

  constructor(context: HostRequestContext, locate: () => RangeTarget | null, origin: string) {
    super(context, "RangeFormat", locate, origin);
    this.hostFill = new HostRangeFill(context, () => this.resolve("RangeFormat.fill"), origin);
    this.hostFont = new HostRangeFont(context, () => this.resolve("RangeFormat.font"), origin);
  }

  protected override isGone(target: RangeTarget): boolean {
    return target.sheet.deleted === true;
  }

  protected override navigation(name: string): Loadable | undefined {
    return name === "fill" ? this.hostFill : name === "font" ? this.hostFont : undefined;
  }

  get fill(): Excel.RangeFill {
    return expose(this.hostFill);
  }
  get font(): Excel.RangeFont {
    return expose(this.hostFont);
  }

  load(option?: LoadOption): Excel.RangeFormat {
    this.queueLoad(option);
    return expose(this);
  }
}

/** The fill colour: "#FFFFFF" for no fill, null when the range's cells differ. */
export class HostRangeFill
  extends HostObject<RangeTarget>
  implements Pick<Excel.RangeFill, "color" | "clear" | "load">
{
  protected readonly scalars: ScalarReaders<RangeTarget> = {
    color: (target) => uniformColour(target, (cell) => cell?.fill ?? "#FFFFFF"),
  };

  constructor(context: HostRequestContext, locate: () => RangeTarget | null, origin: string) {
    super(context, "RangeFill", locate, origin);
  }

  protected override isGone(target: RangeTarget): boolean {
    return target.sheet.deleted === true;
  }

  get color(): string {
    return this.read("color");
  }
  set color(colour: string) {
    this.write("color", colour, (target) => writeColour(target, "fill", colour));
  }

  clear(): void {
    this.invoke("clear", (target) => setOnEveryCell(target, { fill: undefined }));
  }

  load(option?: LoadOption): Excel.RangeFill {
    this.queueLoad(option);
    return expose(this);
  }
}

/** The font colour: "#000000" when automatic. Bold, italic, name and size are not simulated. */
export class HostRangeFont
  extends HostObject<RangeTarget>
  implements Pick<Excel.RangeFont, "color" | "load">
{
  protected readonly scalars: ScalarReaders<RangeTarget> = {
    color: (target) => uniformColour(target, (cell) => cell?.fontColor ?? "#000000"),
  };

  constructor(context: HostRequestContext, locate: () => RangeTarget | null, origin: string) {
    super(context, "RangeFont", locate, origin);
  }

  protected override isGone(target: RangeTarget): boolean {
    return target.sheet.deleted === true;
  }

  get color(): string {
    return this.read("color");
  }
  set color(colour: string) {
    this.write("color", colour, (target) => writeColour(target, "fontColor", colour));
  }

  load(option?: LoadOption): Excel.RangeFont {
    this.queueLoad(option);
    return expose(this);
  }
}

/** Excel.RangeAreas, as worksheet.getRanges and getMergedAreasOrNullObject return it. */
export class HostRangeAreas
  extends HostObject<AreasTarget>
  implements
    Pick<
      Excel.RangeAreas,
      | "address"
      | "addressLocal"
      | "areaCount"
      | "cellCount"
      | "areas"
      | "conditionalFormats"
      | "load"
    >
{
  protected readonly scalars: ScalarReaders<AreasTarget> = {
    address: ({ sheet, areas }) => areas.map((area) => formatAddress(sheet.name, area)).join(", "),
    addressLocal: ({ sheet, areas }) =>
      areas.map((area) => formatAddress(sheet.name, area)).join(", "),
    areaCount: ({ areas }) => areas.length,
    cellCount: ({ areas }) => areas.reduce((sum, area) => sum + cellCount(area), 0),
  };
  readonly hostAreas: HostRangeCollection;
  readonly hostConditionalFormats: HostConditionalFormatCollection;

  constructor(context: HostRequestContext, locate: () => AreasTarget | null, origin: string) {
    super(context, "RangeAreas", locate, origin);
    this.hostAreas = new HostRangeCollection(
      context,
      () => this.resolve("RangeAreas.areas"),
      origin
    );
    this.hostConditionalFormats = new HostConditionalFormatCollection(
      context,
      () => this.resolve("RangeAreas.conditionalFormats"),
      origin
    );
  }

  protected override isGone(target: AreasTarget): boolean {
    return target.sheet.deleted === true;
  }

  protected override navigation(name: string): Loadable | undefined {
    return name === "areas"
      ? this.hostAreas
      : name === "conditionalFormats"
        ? this.hostConditionalFormats
        : undefined;
  }

  get address(): string {
    return this.read("address");
  }
  get addressLocal(): string {
    return this.read("addressLocal");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get areas(): Excel.RangeCollection {
    return expose(this.hostAreas);
  }
  get conditionalFormats(): Excel.ConditionalFormatCollection {
    return expose(this.hostConditionalFormats);
  }

  load(option?: LoadOption): Excel.RangeAreas {
    this.queueLoad(option);
    return expose(this);
  }

  probeExistence(requires?: string): void {
    this.probe(requires);
  }
}

export class HostRangeCollection
  extends HostCollection<AreasTarget, RangeTarget, HostRange>
  implements Pick<Excel.RangeCollection, "items" | "getCount" | "getItemAt" | "load">
{
  protected readonly scalars: ScalarReaders<AreasTarget> = {};

  constructor(context: HostRequestContext, locate: () => AreasTarget | null, origin: string) {
    super(context, "RangeCollection", locate, origin);
  }

  protected listTargets({ sheet, areas }: AreasTarget): RangeTarget[] {
    return areas.map((area) => ({ sheet, area }));
  }

  protected createItem(target: RangeTarget): HostRange {
    return new HostRange(this.requestContext, () => target, "RangeCollection.items");
  }

  get items(): Excel.Range[] {
    return expose(this.loadedItems());
  }

  getCount(): OfficeExtension.ClientResult<number> {
    return this.countResult();
  }

  getItemAt(index: number): Excel.Range {
    const location = "RangeCollection.getItemAt";
    return expose(
      new HostRange(
        this.requestContext,
        () => {
          const owner = this.resolveExisting(location);
          const area = owner.areas[index];
          if (!area) throw new HostError("InvalidArgument");
          return { sheet: owner.sheet, area };
        },
        location
      )
    );
  }

  load(option?: LoadOption): Excel.RangeCollection {
    this.queueLoad(option);
    return expose(this);
  }
}
