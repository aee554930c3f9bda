/**
 * Conditional formats: range.conditionalFormats, a ConditionalFormat with its priority and
 * stopIfTrue, and the custom (formula) rule with its fill and font colour.
 * A new conditional format goes to the top of the sheet's list (priority 0), as in Excel.
 */
import { type Area, formatAddress, intersection, subtractArea } from "./a1.js";
import { normaliseColour } from "./cell-values.js";
import { HostError } from "./errors.js";
import { shiftReferences } from "./shift-references.js";
import {
  type LoadOption,
  type Loadable,
  type ScalarReaders,
  HostCollection,
  HostObject,
  expose,
} from "./proxy.js";
import type { AreasTarget } from "./range-data.js";
import { HostRange, HostRangeAreas } from "./ranges.js";
import type { HostRequestContext } from "./request-context.js";
import {
  type ConditionalFormatKind,
  type ConditionalFormatState,
  type SheetState,
  nextId,
} from "./workbook-state.js";

export interface FormatTarget {
  sheet: SheetState;
  format: ConditionalFormatState;
}

const KINDS: readonly ConditionalFormatKind[] = [
  "Custom",
  "CellValue",
  "ColorScale",
  "DataBar",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
];

const isGone = ({ sheet, format }: FormatTarget): boolean =>
  format.deleted === true || sheet.deleted === true;

type CollectionMembers =
  | "items"
  | "add"
  | "clearAll"
  | "getCount"
  | "getItem"
  | "getItemAt"
  | "getItemOrNullObject"
  | "load";

/** The conditional formats that apply to any cell of a range (or of a RangeAreas), in priority order. */
export class HostConditionalFormatCollection
  extends HostCollection<AreasTarget, FormatTarget, HostConditionalFormat>
  implements Pick<Excel.ConditionalFormatCollection, CollectionMembers>
{
  protected readonly scalars: ScalarReaders<AreasTarget> = {};

  constructor(context: HostRequestContext, locate: () => AreasTarget | null, origin: string) {
    super(context, "ConditionalFormatCollection", locate, origin);
  }

  protected override isGone(target: AreasTarget): boolean {
    return target.sheet.deleted === true;
  }

  protected listTargets({ sheet, areas }: AreasTarget): FormatTarget[] {
    return sheet.conditionalFormats
      .filter((format) =>
        format.areas.some((applied) => areas.some((area) => intersection(applied, area)))
      )
      .map((format) => ({ sheet, format }));
  }

  protected createItem(target: FormatTarget): HostConditionalFormat {
    return new HostConditionalFormat(
      this.requestContext,
      () => target,
      "ConditionalFormatCollection.items"
    );
  }

  get items(): Excel.ConditionalFormat[] {
    return expose(this.loadedItems());
  }

  load(option?: LoadOption): Excel.ConditionalFormatCollection {
    this.queueLoad(option);
    return expose(this);
  }

  /** add(type): a new conditional format on this range, at priority 0. */
  add(
    type: Excel.ConditionalFormatType | `${Excel.ConditionalFormatType}`
  ): Excel.ConditionalFormat {
    let created: FormatTarget | undefined;
    this.invoke(
      "add",
      ({ sheet, areas }) => {
        if (!KINDS.includes(type as ConditionalFormatKind)) throw new HostError("InvalidArgument");
        const id = String(nextId(this.requestContext.engine.state));
        const format: ConditionalFormatState = {
          id,
          type: type as ConditionalFormatKind,
          areas: areas.map((area) => ({ ...area })),
          stopIfTrue: false,
        };
        sheet.conditionalFormats.unshift(format);
        created = { sheet, format };
      },
      "ExcelApi 1.6"
    );
    return expose(
      new HostConditionalFormat(
        this.requestContext,
        () => created ?? null,
        "ConditionalFormatCollection.add"
      )
    );
  }

  /** clearAll(): takes these cells out of every conditional format; formats left with no cells go. */
  clearAll(): void {
    this.invoke(
      "clearAll",
      ({ sheet, areas }) => {
        for (const format of [...sheet.conditionalFormats]) {
          const [before] = format.areas;
          for (const area of areas)
            format.areas = format.areas.flatMap((applied) => subtractArea(applied, area));
          if (format.areas.length === 0) deleteFormat(sheet, format);
          else if (format.formula !== undefined && before !== undefined) {
            // Excel keeps each remaining cell reading what it read: the formula, relative to the first
            // area's top-left cell, moves with that cell when it is cleared.
            const [after] = format.areas;
            format.formula = shiftReferences(
              format.formula,
              after!.top - before.top,
              after!.left - before.left
            );
          }
        }
      },
      "ExcelApi 1.6"
    );
  }

  getCount(): OfficeExtension.ClientResult<number> {
    return this.countResult();
  }

  getItem(id: string): Excel.ConditionalFormat {
    return expose(
      this.find(
        "getItem",
        (targets) => targets.find(({ format }) => format.id === id),
        false,
        "ExcelApi 1.6"
      )
    );
  }

  getItemOrNullObject(id: string): Excel.ConditionalFormat {
    const format = this.find(
      "getItemOrNullObject",
      (targets) => targets.find(({ format: candidate }) => candidate.id === id),
      true
    );
    format.probeExistence("ExcelApi 1.14");
    return expose(format);
  }

  /** getItemAt(index): by position among this range's conditional formats, in priority order. */
  getItemAt(index: number): Excel.ConditionalFormat {
    return expose(this.find("getItemAt", (targets) => targets[index], false, "ExcelApi 1.6"));
  }

  private find(
    method: string,
    choose: (targets: FormatTarget[]) => FormatTarget | undefined,
    orNull: boolean,
    requires?: string
  ): HostConditionalFormat {
    const location = `ConditionalFormatCollection.${method}`;
    if (requires) this.requestContext.enqueue({ location, requires, run: () => {} });
    return new HostConditionalFormat(
      this.requestContext,
      () => {
        const owner = this.resolve(location);
        const found = owner && choose(this.listTargets(owner));
        if (found) return found;
        if (orNull) return null;
        throw new HostError("ItemNotFound");
      },
      location
    );
  }
}

function deleteFormat(sheet: SheetState, format: ConditionalFormatState): void {
  sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(format), 1);
  format.deleted = true;
}

type FormatMembers =
  | "id"
  | "type"
  | "priority"
  | "stopIfTrue"
  | "custom"
  | "customOrNullObject"
  | "delete"
  | "getRange"
  | "getRangeOrNullObject"
  | "getRanges"
  | "load";

export class HostConditionalFormat
  extends HostObject<FormatTarget>
  implements Pick<Excel.ConditionalFormat, FormatMembers>
{
  protected readonly scalars: ScalarReaders<FormatTarget> = {
    id: ({ format }) => format.id,
    type: ({ format }) => format.type,
    priority: ({ sheet, format }) => sheet.conditionalFormats.indexOf(format),
    stopIfTrue: ({ format }) => format.stopIfTrue,
  };
  readonly hostCustom: HostCustomConditionalFormat;
  readonly hostCustomOrNull: HostCustomConditionalFormat;
  #customProbed = false;
  /** Set once its priority changed: the object then stands for whatever rule is at its old place. */
  #movedFrom: { sheet: SheetState; index: number } | undefined;

  constructor(context: HostRequestContext, locate: () => FormatTarget | null, origin: string) {
    super(context, "ConditionalFormat", locate, origin);
    this.hostCustom = new HostCustomConditionalFormat(
      context,
      () => this.customTarget("ConditionalFormat.custom", false),
      "ConditionalFormat.custom"
    );
    this.hostCustomOrNull = new HostCustomConditionalFormat(
      context,
      () => this.customTarget("ConditionalFormat.customOrNullObject", true),
      "ConditionalFormat.customOrNullObject"
    );
  }

  protected override isGone(target: FormatTarget): boolean {
    return isGone(target) || target.format.unreadable === "undone";
  }

  /**
   * After a priority change Office.js keeps addressing the rule by its place in the sheet's list, so further
   * changes land on the rule now there ("you have to re-fetch a new copy of the object at that priority
   * location": ConditionalFormat.priority reference).
   */
  override resolve(location: string): FormatTarget | null {
    if (!this.#movedFrom) return super.resolve(location);
    const { sheet, index } = this.#movedFrom;
    const format = sheet.conditionalFormats[index];
    if (!format) throw new HostError("ItemNotFound", { location });
    return { sheet, format };
  }

  protected override navigation(name: string): Loadable | undefined {
    if (name === "custom") return this.hostCustom;
    if (name === "customOrNullObject") {
      this.#customProbed = true;
      return this.hostCustomOrNull;
    }
    return undefined;
  }

  get id(): string {
    return this.read("id");
  }
  get type(): Excel.ConditionalFormatType {
    return this.read("type");
  }

  /**
   * 0 is applied first. Setting it moves the format and renumbers the others; a negative priority
   * counts from the back, and one out of bounds goes to the end, as Excel does.
   */
  get priority(): number {
    return this.read("priority");
  }
  set priority(priority: number) {
    this.write("priority", priority, ({ sheet, format }) => {
      if (!Number.isInteger(priority)) throw new HostError("InvalidArgument");
      const formats = sheet.conditionalFormats;
      const before = formats.indexOf(format);
      formats.splice(before, 1);
      const index =
        priority < 0
          ? Math.max(0, formats.length + 1 + priority)
          : Math.min(priority, formats.length);
      formats.splice(index, 0, format);
      if (index !== before) this.#movedFrom = { sheet, index: before };
    });
  }

  get stopIfTrue(): boolean {
    return this.read("stopIfTrue");
  }
  set stopIfTrue(stop: boolean) {
    this.write("stopIfTrue", stop, ({ format }) => {
      if (typeof stop !== "boolean") throw new HostError("InvalidArgument");
      format.stopIfTrue = stop;
    });
  }

  get custom(): Excel.CustomConditionalFormat {
    return expose(this.hostCustom);
  }

  /** Whether it is a custom format is known after the next sync, as for any ...OrNullObject. */
  get customOrNullObject(): Excel.CustomConditionalFormat {
    if (!this.#customProbed) this.hostCustomOrNull.probeExistence();
    this.#customProbed = true;
    return expose(this.hostCustomOrNull);
  }

  load(option?: LoadOption): Excel.ConditionalFormat {
    this.queueLoad(option);
    return expose(this);
  }

  delete(): void {
    this.invoke("delete", ({ sheet, format }) => deleteFormat(sheet, format));
  }

  /** The range it applies to; fails when it applies to several areas. */
  getRange(): Excel.Range {
    return this.range("getRange", false);
  }

  getRangeOrNullObject(): Excel.Range {
    return this.range("getRangeOrNullObject", true);
  }

  getRanges(): Excel.RangeAreas {
    const location = "ConditionalFormat.getRanges";
    this.requestContext.enqueue({ location, requires: "ExcelApi 1.9", run: () => {} });
    return expose(
      new HostRangeAreas(
        this.requestContext,
        () => {
          const target = this.resolve(location);
          return target && { sheet: target.sheet, areas: target.format.areas };
        },
        location
      )
    );
  }

  probeExistence(requires?: string): void {
    this.probe(requires);
  }

  private range(method: string, orNull: boolean): Excel.Range {
    const location = `ConditionalFormat.${method}`;
    const range = new HostRange(
      this.requestContext,
      () => {
        const target = this.resolve(location);
        if (!target) return null;
        const [area, ...others] = target.format.areas;
        if (area && others.length === 0) return { sheet: target.sheet, area };
        if (orNull) return null;
        throw new HostError("InvalidOperation", {
          message: `The conditional format applies to ${describeAreas(target)}, not to one range.`,
        });
      },
      location
    );
    if (orNull) range.probeExistence("ExcelApi 1.6");
    return expose(range);
  }

  private customTarget(location: string, orNull: boolean): FormatTarget | null {
    const target = this.resolve(location);
    // office-js #6835: a rule the analyst duplicated cannot be described to an add-in.
    if (target?.format.unreadable === "duplicated")
      throw new HostError("GeneralException", { location });
    if (!target || target.format.type === "Custom") return target;
    if (orNull) return null;
    throw new HostError("ItemNotFound", {
      message: `The conditional format is of type ${target.format.type}, not Custom.`,
    });
  }
}

function describeAreas({ sheet, format }: FormatTarget): string {
  return format.areas.map((area: Area) => formatAddress(sheet.name, area)).join(", ");
}

export class HostCustomConditionalFormat
  extends HostObject<FormatTarget>
  implements Pick<Excel.CustomConditionalFormat, "rule" | "format" | "load">
{
  protected readonly scalars: ScalarReaders<FormatTarget> = {};
  readonly hostRule: HostConditionalFormatRule;
  readonly hostFormat: HostConditionalRangeFormat;

  constructor(context: HostRequestContext, locate: () => FormatTarget | null, origin: string) {
    super(context, "CustomConditionalFormat", locate, origin);
    this.hostRule = new HostConditionalFormatRule(
      context,
      () => this.resolve("CustomConditionalFormat.rule"),
      origin
    );
    this.hostFormat = new HostConditionalRangeFormat(
      context,
      () => this.resolve("CustomConditionalFormat.format"),
      origin
    );
  }

  protected override isGone(target: FormatTarget): boolean {
    return isGone(target);
  }

  protected override navigation(name: string): Loadable | undefined {
    if (name === "rule") return this.hostRule;
    if (name === "format") return this.hostFormat;
    return undefined;
  }

  get rule(): Excel.ConditionalFormatRule {
    return expose(this.hostRule);
  }
  get format(): Excel.ConditionalRangeFormat {
    return expose(this.hostFormat);
  }

  load(option?: LoadOption): Excel.CustomConditionalFormat {
    this.queueLoad(option);
    return expose(this);
  }

  probeExistence(): void {
    this.probe();
  }
}

export class HostConditionalFormatRule
  extends HostObject<FormatTarget>
  implements Pick<Excel.ConditionalFormatRule, "formula" | "formulaLocal" | "load">
{
  protected readonly scalars: ScalarReaders<FormatTarget> = {
    formula: ({ format }) => format.formula ?? "",
    formulaLocal: ({ format }) => format.formula ?? "",
  };

  constructor(context: HostRequestContext, locate: () => FormatTarget | null, origin: string) {
    super(context, "ConditionalFormatRule", locate, origin);
  }

  protected override isGone(target: FormatTarget): boolean {
    return isGone(target);
  }

  get formula(): string {
    return this.read("formula");
  }
  set formula(formula: string) {
    this.write("formula", formula, ({ format }) => {
      format.formula = checkRuleFormula(formula);
    });
  }

  get formulaLocal(): string {
    return this.read("formulaLocal");
  }
  set formulaLocal(formula: string) {
    this.write("formulaLocal", formula, ({ format }) => {
      format.formula = checkRuleFormula(formula);
    });
  }

  load(option?: LoadOption): Excel.ConditionalFormatRule {
    this.queueLoad(option);
    return expose(this);
  }
}

/**
 * Excel refuses a rule formula it cannot parse. This checks what can be checked without a
 * formula parser: the leading "=", balanced quotes and brackets.
 */
export function checkRuleFormula(formula: unknown): string {
  if (typeof formula !== "string" || !formula.startsWith("=") || formula.trim().length < 2)
    throw new HostError("InvalidArgument");
  let depth = 0;
  let quoted = false;
  for (const character of formula) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && character === "(") depth++;
    else if (!quoted && character === ")" && --depth < 0) break;
  }
  if (quoted || depth !== 0)
    throw new HostError("InvalidArgument", { message: `The formula ${formula} is not valid.` });
  return formula;
}

export class HostConditionalRangeFormat
  extends HostObject<FormatTarget>
  implements
    Pick<Excel.ConditionalRangeFormat, "fill" | "font" | "numberFormat" | "clearFormat" | "load">
{
  protected readonly scalars: ScalarReaders<FormatTarget> = {
    numberFormat: ({ format }) => format.numberFormat ?? null,
  };
  readonly hostFill: HostConditionalColour;
  readonly hostFont: HostConditionalColour;

  constructor(context: HostRequestContext, locate: () => FormatTarget | null, origin: string) {
    super(context, "ConditionalRangeFormat", locate, origin);
    this.hostFill = new HostConditionalColour(
      context,
      "ConditionalRangeFill",
      "fill",
      () => this.resolve("ConditionalRangeFormat.fill"),
      origin
    );
    this.hostFont = new HostConditionalColour(
      context,
      "ConditionalRangeFont",
      "fontColor",
      () => this.resolve("ConditionalRangeFormat.font"),
      origin
    );
  }

  protected override isGone(target: FormatTarget): boolean {
    return isGone(target);
  }

  protected override navigation(name: string): Loadable | undefined {
    if (name === "fill") return this.hostFill;
    if (name === "font") return this.hostFont;
    return undefined;
  }

  get fill(): Excel.ConditionalRangeFill {
    return expose(this.hostFill);
  }
  get font(): Excel.ConditionalRangeFont {
    return expose(this.hostFont);
  }

  get numberFormat(): any {
    return this.read("numberFormat");
  }
  set numberFormat(code: any) {
    this.write("numberFormat", code, ({ format }) => {
      if (typeof code !== "string") throw new HostError("InvalidArgument");
      format.numberFormat = code;
    });
  }

  clearFormat(): void {
    this.invoke("clearFormat", ({ format }) => {
      delete format.fill;
      delete format.fontColor;
      delete format.numberFormat;
    });
  }

  load(option?: LoadOption): Excel.ConditionalRangeFormat {
    this.queueLoad(option);
    return expose(this);
  }
}

/**
 * The fill (ConditionalRangeFill) or font (ConditionalRangeFont) of a conditional format: only the
 * colour is simulated; null when not set. Setting bold, italic and the like throws (the proxy is sealed).
 */
export class HostConditionalColour
  extends HostObject<FormatTarget>
  implements Pick<Excel.ConditionalRangeFill, "color" | "clear">
{
  protected readonly scalars: ScalarReaders<FormatTarget>;

  constructor(
    context: HostRequestContext,
    entity: "ConditionalRangeFill" | "ConditionalRangeFont",
    private readonly property: "fill" | "fontColor",
    locate: () => FormatTarget | null,
    origin: string
  ) {
    super(context, entity, locate, origin);
    this.scalars = { color: ({ format }) => format[property] ?? null };
  }

  protected override isGone(target: FormatTarget): boolean {
    return isGone(target);
  }

  get color(): string {
    return this.read("color");
  }
  set color(colour: string) {
    this.write("color", colour, ({ format }) => {
      const normalised = normaliseColour(colour);
      if (normalised === null) throw new HostError("InvalidArgument");
      format[this.property] = normalised;
    });
  }

  clear(): void {
    this.invoke("clear", ({ format }) => {
      delete format[this.property];
    });
  }

  load(option?: LoadOption): Excel.ConditionalRangeFill {
    this.queueLoad(option);
    return expose(this);
  }
}
