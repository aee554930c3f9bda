/**
 * The browser side of the simulated Excel: bundled by esbuild into /test-host.js, which the test server
 * serves right after office.js and before the add-in's own scripts. It builds a host from the workbook
 * the server put in `window.__kpiRagWorkbook` (as JSON text; parsed in a task of its own after this script,
 * or at the first touch), puts Excel, Office and OfficeExtension on window as a
 * task pane inside Excel would have them, and leaves `window.__kpiRagHost` for the test to read back.
 */
import {
  customFunctionEvaluator,
  excelCalls,
  type FunctionsMetadata,
} from "../support/custom-functions";
import { ExcelHost } from "../support/excel-host";
import type { WorkbookState } from "../support/workbook-state";
import {
  workbookStateFromText,
  workbookStateToJson,
  type WorkbookJson,
} from "../support/workbook-json";
import type { WorkbookSnapshot } from "../support/inspection";

export interface BrowserHost {
  /** context.sync() calls so far. */
  syncCount(): number;
  /** The whole workbook as plain data (host.snapshot()). */
  snapshot(): WorkbookSnapshot;
  /** The live workbook state, JSON-safe, to rebuild the host in Node. */
  state(): WorkbookJson;
  /** Waits for event handlers fired by the add-in's own writes; rethrows a failure. */
  settled(): Promise<void>;
}

declare global {
  interface Window {
    /** The starting workbook: workbookStateToJson's result as JSON text. */
    __kpiRagWorkbook?: string;
    __kpiRagFunctions?: FunctionsMetadata;
    __kpiRagHost?: BrowserHost;
  }
}

const workbook = window.__kpiRagWorkbook;
if (!workbook)
  throw new Error(
    "test-host.js: window.__kpiRagWorkbook is not set; the test server inlines it before this bundle."
  );
const functions = window.__kpiRagFunctions ?? { functions: [] };
// The functions functions.js hands to office.js's CustomFunctions.associate, found when a formula calculates.
const registered = (id: string) =>
  (
    window as unknown as {
      CustomFunctions?: {
        _association?: { mappings?: Record<string, (...args: unknown[]) => unknown> };
      };
    }
  ).CustomFunctions?._association?.mappings?.[id.toUpperCase()];
const formulaEvaluator = customFunctionEvaluator(
  excelCalls(
    () => functions,
    (entry) => registered(entry.id),
    functions.functions.map((entry) => entry.name)
  )
);

// Excel has its workbook open, in its own process, before the pane loads. The page has to build it, so it
// does so off the pane's path: in a task of its own right after this script, while the page fetches and
// compiles the add-in's scripts, or at the first touch of the workbook if that comes sooner. (4 MB of JSON
// and 150,000 cells for 10,000 KPIs: building them when this script runs held up every later script.)
let built: WorkbookState | undefined;
const workbookState = (): WorkbookState => {
  if (built) return built;
  built = workbookStateFromText(workbook);
  host.setFormulaEvaluator(formulaEvaluator);
  return built;
};
const host = new ExcelHost(
  new Proxy({} as WorkbookState, {
    get: (_, name) => Reflect.get(workbookState(), name),
    set: (_, name, value) => Reflect.set(workbookState(), name, value),
    has: (_, name) => Reflect.has(workbookState(), name),
    ownKeys: () => Reflect.ownKeys(workbookState()),
    getOwnPropertyDescriptor: (_, name) => Reflect.getOwnPropertyDescriptor(workbookState(), name),
    defineProperty: (_, name, descriptor) =>
      Reflect.defineProperty(workbookState(), name, descriptor),
    deleteProperty: (_, name) => Reflect.deleteProperty(workbookState(), name),
  })
);
setTimeout(workbookState, 0);

// Office.js fights back. office.js declares `var Office` (a page script's var cannot be redefined), and
// o15apptofilemappingtable.js, which office.js loads asynchronously (before or after this script runs),
// makes window.Office the object Microsoft.Office.WebExtension again and defines `context` there as a
// getter of OSF._OfficeAppFactory.getContext(). So the simulated Office's members go on that very
// object (as accessors that ignore Office.js's own writes), its `context` also comes from the factory,
// and window.Office is that object: the add-in sees the simulated Excel whichever script runs first.
const globals: Record<string, unknown> = {};
host.install(globals);
type Bag = Record<string, unknown>;
const page = window as unknown as Bag;
const child = (parent: Bag, name: string): Bag => {
  const existing = parent[name];
  if (typeof existing === "object" && existing !== null) return existing as Bag;
  const created: Bag = {};
  parent[name] = created;
  return created;
};
const webExtension = child(child(child(page, "Microsoft"), "Office"), "WebExtension");
const simulatedOffice = globals.Office as Bag;
// A page opened with ?theme=dark is in Office's dark theme, told to the add-in as Office tells it.
if (new URLSearchParams(location.search).get("theme") === "dark")
  (simulatedOffice.context as Bag).officeTheme = {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#333333",
    controlForegroundColor: "#FFFFFF",
  };
for (const name of Object.keys(simulatedOffice)) {
  const value = simulatedOffice[name];
  const current = Object.getOwnPropertyDescriptor(webExtension, name);
  // `context` stays redefinable until Office.js defines its own getter, which the factory patch serves.
  if (current && !current.configurable) continue;
  Object.defineProperty(webExtension, name, {
    get: () => value,
    set: () => undefined,
    enumerable: true,
    configurable: name === "context",
  });
}
const factory = (page.OSF as Bag | undefined)?._OfficeAppFactory as Bag | undefined;
if (factory) factory.getContext = () => simulatedOffice.context;
page.Office = webExtension;
page.Excel = globals.Excel;
page.OfficeExtension = globals.OfficeExtension;
if (
  (page.Office as Bag).context !== simulatedOffice.context ||
  (page.Office as Bag).onReady !== simulatedOffice.onReady
) {
  throw new Error(
    "test-host.js could not put the simulated Office in place of Office.js's own: Office.context or Office.onReady is still Office.js's."
  );
}

window.__kpiRagHost = {
  syncCount: () => host.syncCount,
  snapshot: () => host.snapshot(),
  state: () => workbookStateToJson(host.state),
  settled: () => host.settled(),
};
