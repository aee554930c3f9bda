/**
 * Excel.Workbook and Excel.Application.
 */
import { type LoadOption, type Loadable, type ScalarReaders, HostObject, expose } from "./proxy.js";
import { HostRange } from "./ranges.js";
import type { HostRequestContext } from "./request-context.js";
import { HostTableCollection } from "./tables.js";
import { type WorkbookState, findSheet } from "./workbook-state.js";
import { HostWorksheetCollection } from "./worksheets.js";
import { HostError } from "./errors.js";

type WorkbookMembers =
  "name" | "worksheets" | "tables" | "application" | "getSelectedRange" | "getActiveCell" | "load";

export class HostWorkbook
  extends HostObject<WorkbookState>
  implements Pick<Excel.Workbook, WorkbookMembers>
{
  protected readonly scalars: ScalarReaders<WorkbookState> = {
    name: () => "Book1.xlsx",
  };
  readonly hostWorksheets: HostWorksheetCollection;
  readonly hostTables: HostTableCollection;
  readonly hostApplication: HostApplication;

  constructor(context: HostRequestContext) {
    super(context, "Workbook", () => context.engine.state, "RequestContext.workbook");
    this.hostWorksheets = new HostWorksheetCollection(context);
    this.hostTables = new HostTableCollection(
      context,
      () => ({ workbook: context.engine.state }),
      "Workbook.tables"
    );
    this.hostApplication = new HostApplication(context);
  }

  protected override navigation(name: string): Loadable | undefined {
    const children: Record<string, Loadable> = {
      worksheets: this.hostWorksheets,
      tables: this.hostTables,
      application: this.hostApplication,
    };
    return children[name];
  }

  get name(): string {
    return this.read("name");
  }
  get worksheets(): Excel.WorksheetCollection {
    return expose(this.hostWorksheets);
  }
  get tables(): Excel.TableCollection {
    return expose(this.hostTables);
  }
  get application(): Excel.Application {
    return expose(this.hostApplication);
  }

  load(option?: LoadOption): Excel.Workbook {
    this.queueLoad(option);
    return expose(this);
  }

  getSelectedRange(): Excel.Range {
    return this.selection("getSelectedRange", (area) => area);
  }

  getActiveCell(): Excel.Range {
    return this.selection(
      "getActiveCell",
      (area) => ({ top: area.top, left: area.left, bottom: area.top, right: area.left }),
      "ExcelApi 1.7"
    );
  }

  private selection(
    method: string,
    part: (area: WorkbookState["selection"]["area"]) => WorkbookState["selection"]["area"],
    requires?: string
  ): Excel.Range {
    const location = `Workbook.${method}`;
    if (requires) this.requestContext.enqueue({ location, requires, run: () => {} });
    return expose(
      new HostRange(
        this.requestContext,
        () => {
          const { selection } = this.requestContext.engine.state;
          const sheet = findSheet(this.requestContext.engine.state, selection.sheetId);
          if (!sheet) throw new HostError("InvalidSelection");
          return { sheet, area: part(selection.area) };
        },
        location
      )
    );
  }
}

type ApplicationMembers =
  | "calculationMode"
  | "calculate"
  | "cultureInfo"
  | "suspendScreenUpdatingUntilNextSync"
  | "suspendApiCalculationUntilNextSync"
  | "load";

export class HostApplication
  extends HostObject<WorkbookState>
  implements Pick<Excel.Application, ApplicationMembers>
{
  protected readonly scalars: ScalarReaders<WorkbookState> = {
    calculationMode: () => "Automatic",
  };

  constructor(context: HostRequestContext) {
    super(context, "Application", () => context.engine.state, "RequestContext.application");
  }

  get calculationMode(): Excel.CalculationMode {
    return this.read("calculationMode");
  }

  /** The locale (ExcelApi 1.11), from the host's behaviour. */
  get cultureInfo(): Excel.CultureInfo {
    this.requestContext.enqueue({
      location: "Application.cultureInfo",
      requires: "ExcelApi 1.11",
      run: () => {},
    });
    return expose(this.hostCultureInfo);
  }

  readonly hostCultureInfo = new HostCultureInfo(this.requestContext);

  protected override navigation(name: string): Loadable | undefined {
    return name === "cultureInfo" ? this.hostCultureInfo : undefined;
  }

  /** Counts the recalculation (host.recalculationCount) and recalculates with the formula evaluator, if any. */
  calculate(calculationType: Excel.CalculationType | "Recalculate" | "Full" | "FullRebuild"): void {
    this.invoke("calculate", () => {
      if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType))
        throw new HostError("InvalidArgument");
      this.requestContext.engine.recalculationCount++;
      this.requestContext.engine.fullRecalculationCount++;
      this.requestContext.engine.recalculate();
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.invoke("suspendScreenUpdatingUntilNextSync", () => {}, "ExcelApi 1.9");
  }

  suspendApiCalculationUntilNextSync(): void {
    this.invoke("suspendApiCalculationUntilNextSync", () => {}, "ExcelApi 1.6");
  }

  load(option?: LoadOption): Excel.Application {
    this.queueLoad(option);
    return expose(this);
  }
}

export class HostCultureInfo
  extends HostObject<WorkbookState>
  implements Pick<Excel.CultureInfo, "name" | "numberFormat" | "load">
{
  protected readonly scalars: ScalarReaders<WorkbookState> = {
    name: () => this.requestContext.engine.behaviour.culture.name,
  };
  readonly hostNumberFormat: HostNumberFormatInfo;

  constructor(context: HostRequestContext) {
    super(context, "CultureInfo", () => context.engine.state, "Application.cultureInfo");
    this.hostNumberFormat = new HostNumberFormatInfo(context);
  }

  protected override navigation(name: string): Loadable | undefined {
    return name === "numberFormat" ? this.hostNumberFormat : undefined;
  }

  get name(): string {
    return this.read("name");
  }
  get numberFormat(): Excel.NumberFormatInfo {
    return expose(this.hostNumberFormat);
  }

  load(option?: LoadOption): Excel.CultureInfo {
    this.queueLoad(option);
    return expose(this);
  }
}

export class HostNumberFormatInfo
  extends HostObject<WorkbookState>
  implements
    Pick<Excel.NumberFormatInfo, "numberDecimalSeparator" | "numberGroupSeparator" | "load">
{
  protected readonly scalars: ScalarReaders<WorkbookState> = {
    numberDecimalSeparator: () => this.requestContext.engine.behaviour.culture.decimalSeparator,
    numberGroupSeparator: () =>
      this.requestContext.engine.behaviour.culture.decimalSeparator === "," ? "." : ",",
  };

  constructor(context: HostRequestContext) {
    super(context, "NumberFormatInfo", () => context.engine.state, "CultureInfo.numberFormat");
  }

  get numberDecimalSeparator(): string {
    return this.read("numberDecimalSeparator");
  }
  get numberGroupSeparator(): string {
    return this.read("numberGroupSeparator");
  }

  load(option?: LoadOption): Excel.NumberFormatInfo {
    this.queueLoad(option);
    return expose(this);
  }
}
