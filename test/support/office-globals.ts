/**
 * The globals Office.js would define in a task pane: `Excel` (run and the enums the add-in
 * refers to), a minimal `Office` (requirement sets, onReady) and `OfficeExtension.Error`.
 */
import { HostError, ErrorCode } from "./errors.js";
import type { SimulatedExcel } from "./simulated-excel.js";

/** An enum object as Office.js defines it; the type checks each member's name and value. */
type EnumOf<E extends Record<string, string>> = { [K in keyof E]?: `${E[K]}` };

const ConditionalFormatType = {
  custom: "Custom",
  dataBar: "DataBar",
  colorScale: "ColorScale",
  iconSet: "IconSet",
  topBottom: "TopBottom",
  presetCriteria: "PresetCriteria",
  containsText: "ContainsText",
  cellValue: "CellValue",
} satisfies EnumOf<typeof Excel.ConditionalFormatType>;

const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  conflict: "Conflict",
  dirtySupportingFormula: "DirtySupportingFormula",
  emptyChartSeries: "EmptyChartSeries",
  filteredRangeConflict: "FilteredRangeConflict",
  formulaLengthExceedsLimit: "FormulaLengthExceedsLimit",
  generalException: "GeneralException",
  inactiveWorkbook: "InactiveWorkbook",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidBinding: "InvalidBinding",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidSelection: "InvalidSelection",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  mergedRangeConflict: "MergedRangeConflict",
  nonBlankCellOffSheet: "NonBlankCellOffSheet",
  notImplemented: "NotImplemented",
  openWorkbookLinksBlocked: "OpenWorkbookLinksBlocked",
  operationCellsExceedLimit: "OperationCellsExceedLimit",
  pivotTableRangeConflict: "PivotTableRangeConflict",
  powerQueryRefreshResourceChallenge: "PowerQueryRefreshResourceChallenge",
  rangeExceedsLimit: "RangeExceedsLimit",
  rangeImageExceedsLimit: "RangeImageExceedsLimit",
  refreshWorkbookLinksBlocked: "RefreshWorkbookLinksBlocked",
  requestAborted: "RequestAborted",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  unsupportedFeature: "UnsupportedFeature",
  unsupportedFillType: "UnsupportedFillType",
  unsupportedOperation: "UnsupportedOperation",
  unsupportedSheet: "UnsupportedSheet",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
} satisfies EnumOf<typeof Excel.ErrorCodes>;

const EventType = {
  worksheetChanged: "WorksheetChanged",
  worksheetSelectionChanged: "WorksheetSelectionChanged",
  worksheetAdded: "WorksheetAdded",
  worksheetActivated: "WorksheetActivated",
  worksheetDeactivated: "WorksheetDeactivated",
  worksheetDeleted: "WorksheetDeleted",
  worksheetCalculated: "WorksheetCalculated",
  tableChanged: "TableChanged",
  tableSelectionChanged: "TableSelectionChanged",
  tableAdded: "TableAdded",
  tableDeleted: "TableDeleted",
} satisfies EnumOf<typeof Excel.EventType>;

const ExcelEnums = {
  ConditionalFormatType,
  ErrorCodes,
  EventType,
  EventSource: { local: "Local", remote: "Remote" } satisfies EnumOf<typeof Excel.EventSource>,
  EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" } satisfies EnumOf<
    typeof Excel.EventTriggerSource
  >,
  DataChangeType: {
    unknown: "Unknown",
    rangeEdited: "RangeEdited",
    rowInserted: "RowInserted",
    rowDeleted: "RowDeleted",
    columnInserted: "ColumnInserted",
    columnDeleted: "ColumnDeleted",
    cellInserted: "CellInserted",
    cellDeleted: "CellDeleted",
  } satisfies EnumOf<typeof Excel.DataChangeType>,
  CalculationType: {
    recalculate: "Recalculate",
    full: "Full",
    fullRebuild: "FullRebuild",
  } satisfies EnumOf<typeof Excel.CalculationType>,
  SpecialCellType: {
    conditionalFormats: "ConditionalFormats",
    dataValidations: "DataValidations",
    blanks: "Blanks",
    constants: "Constants",
    formulas: "Formulas",
    sameConditionalFormat: "SameConditionalFormat",
    sameDataValidation: "SameDataValidation",
    visible: "Visible",
  } satisfies EnumOf<typeof Excel.SpecialCellType>,
  CalculationMode: {
    automatic: "Automatic",
    automaticExceptTables: "AutomaticExceptTables",
    manual: "Manual",
  } satisfies EnumOf<typeof Excel.CalculationMode>,
  SheetVisibility: {
    visible: "Visible",
    hidden: "Hidden",
    veryHidden: "VeryHidden",
  } satisfies EnumOf<typeof Excel.SheetVisibility>,
  WorksheetPositionType: {
    none: "None",
    before: "Before",
    after: "After",
    beginning: "Beginning",
    end: "End",
  } satisfies EnumOf<typeof Excel.WorksheetPositionType>,
  ClearApplyTo: {
    all: "All",
    formats: "Formats",
    contents: "Contents",
    hyperlinks: "Hyperlinks",
    removeHyperlinks: "RemoveHyperlinks",
    resetContents: "ResetContents",
  } satisfies EnumOf<typeof Excel.ClearApplyTo>,
  RangeValueType: {
    unknown: "Unknown",
    empty: "Empty",
    string: "String",
    integer: "Integer",
    double: "Double",
    boolean: "Boolean",
    error: "Error",
    richValue: "RichValue",
  } satisfies EnumOf<typeof Excel.RangeValueType>,
  DeleteShiftDirection: { up: "Up", left: "Left" } satisfies EnumOf<
    typeof Excel.DeleteShiftDirection
  >,
  InsertShiftDirection: { down: "Down", right: "Right" } satisfies EnumOf<
    typeof Excel.InsertShiftDirection
  >,
};

/** The `Excel` global: run() on the simulated workbook, and the enums. */
export function excelGlobal(engine: Pick<SimulatedExcel, "run">): typeof Excel {
  const run = (...args: unknown[]) => engine.run(...args);
  return { run, ...ExcelEnums } as unknown as typeof Excel;
}

/** A minimal `Office` global: what an add-in checks before it starts. */
export function officeGlobal(
  engine: Pick<SimulatedExcel, "isSetSupported" | "behaviour">
): typeof Office {
  const info = {
    host: "Excel",
    get platform() {
      return engine.behaviour.platform;
    },
  };
  const office = {
    HostType: {
      Excel: "Excel",
      Word: "Word",
      PowerPoint: "PowerPoint",
      Outlook: "Outlook",
      OneNote: "OneNote",
      Project: "Project",
      Access: "Access",
    },
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string | number) =>
          engine.isSetSupported(name, version),
      },
      get diagnostics() {
        return { host: "Excel", platform: engine.behaviour.platform, version: "16.0.18227.20162" };
      },
      host: "Excel",
      get platform() {
        return engine.behaviour.platform;
      },
    },
    onReady: (callback?: (info: { host: string; platform: string }) => unknown) => {
      callback?.(info);
      return Promise.resolve(info);
    },
  };
  return office as unknown as typeof Office;
}

/** `OfficeExtension`: Error (so `error instanceof OfficeExtension.Error` holds) and ErrorCodes. */
export function officeExtensionGlobal(): typeof OfficeExtension {
  const ErrorCodes = {
    accessDenied: "AccessDenied",
    generalException: ErrorCode.generalException,
    activityLimitReached: "ActivityLimitReached",
    invalidObjectPath: ErrorCode.invalidObjectPath,
    propertyNotLoaded: ErrorCode.propertyNotLoaded,
    valueNotLoaded: ErrorCode.valueNotLoaded,
    invalidRequestContext: "InvalidRequestContext",
    invalidArgument: ErrorCode.invalidArgument,
    runMustReturnPromise: ErrorCode.runMustReturnPromise,
    cannotRegisterEvent: "CannotRegisterEvent",
    apiNotFound: ErrorCode.apiNotFound,
    connectionFailure: "ConnectionFailure",
  };
  return { Error: HostError, ErrorCodes } as unknown as typeof OfficeExtension;
}

/** Sets Excel, Office and OfficeExtension on a global object; the function returned puts back what was there. */
export function installGlobals(engine: SimulatedExcel, target: object = globalThis): () => void {
  const globals: Record<string, unknown> = {
    Excel: excelGlobal(engine),
    Office: officeGlobal(engine),
    OfficeExtension: officeExtensionGlobal(),
  };
  const slots = target as Record<string, unknown>;
  const previous = Object.fromEntries(
    Object.keys(globals).map((name) => [name, Object.getOwnPropertyDescriptor(target, name)])
  );
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(target, name, {
      value,
      configurable: true,
      writable: true,
      enumerable: false,
    });
  }
  return () => {
    for (const [name, descriptor] of Object.entries(previous)) {
      if (descriptor) Object.defineProperty(target, name, descriptor);
      else delete slots[name];
    }
  };
}
