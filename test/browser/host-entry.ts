/**
 * The page's side of the simulated Excel: bundled by esbuild into /test-host.js, which the test server
 * serves right after office.js and before the add-in's own scripts. The host itself runs in a SharedWorker
 * (/test-host-worker.js, host-worker.ts) that Excel's window opened, off the page's thread as Excel runs in
 * its own process; this
 * script puts Excel, Office and OfficeExtension on window as a task pane inside Excel would have them,
 * with `Excel.run` reaching the worker at each `context.sync()` as Office.js reaches Excel, and leaves
 * `window.__kpiRagHost` for the test to read the workbook back.
 */
import { CellError } from "../support/custom-functions";
import type { WorkbookSnapshot } from "../support/inspection";
import { excelGlobal, officeExtensionGlobal, officeGlobal } from "../support/office-globals";
import {
  DEFAULT_BEHAVIOUR,
  DEFAULT_REQUIREMENT_SETS,
  supportsSet,
} from "../support/simulated-excel";
import type { WorkbookJson } from "../support/workbook-json";
import { callBack, remoteRun, schemaSets } from "./remote-excel";
import { connectToExcel, type ExcelSchema, type WorkerRequest } from "./transport";

export interface BrowserHost {
  /** context.sync() calls this page made so far. */
  syncCount(): Promise<number>;
  /** The whole workbook as plain data (host.snapshot()). */
  snapshot(): Promise<WorkbookSnapshot>;
  /** The live workbook state, JSON-safe, to rebuild the host in Node. */
  state(): Promise<WorkbookJson>;
  /** Waits for event handlers fired by the add-in's own writes; rethrows a failure. */
  settled(): Promise<void>;
}

declare global {
  interface Window {
    __kpiRagExcelSchema?: ExcelSchema;
    __kpiRagHost?: BrowserHost;
  }
}

const schema = window.__kpiRagExcelSchema;
if (!schema)
  throw new Error(
    "test-host.js: window.__kpiRagExcelSchema is not set; the test server writes it before this bundle."
  );
const sets = schemaSets(schema);

// The functions functions.js hands to office.js's CustomFunctions.associate, which the host calls across.
const registered = (id: string) =>
  (
    window as unknown as {
      CustomFunctions?: {
        _association?: { mappings?: Record<string, (...args: unknown[]) => unknown> };
      };
    }
  ).CustomFunctions?._association?.mappings?.[id.toUpperCase()];

// The simulated Excel Excel's window opened (or this page starts it, when no window did).
const channel = connectToExcel(async (request: WorkerRequest) => {
  if (request.kind === "callback") return callBack(request);
  const implementation = registered(request.id);
  if (!implementation)
    throw new CellError("#NAME?", `no custom function ${request.id} is registered`);
  return implementation(...request.args);
});

const globals: Record<string, unknown> = {
  Excel: excelGlobal({ run: remoteRun(channel, sets) as never }),
  Office: officeGlobal({
    behaviour: DEFAULT_BEHAVIOUR,
    isSetSupported: (name: string, version?: string | number) =>
      supportsSet(DEFAULT_REQUIREMENT_SETS, name, version),
  }),
  OfficeExtension: officeExtensionGlobal(),
};

// Office.js fights back. office.js declares `var Office` (a page script's var cannot be redefined), and
// o15apptofilemappingtable.js, which office.js loads asynchronously (before or after this script runs),
// makes window.Office the object Microsoft.Office.WebExtension again and defines `context` there as a
// getter of OSF._OfficeAppFactory.getContext(). So the simulated Office's members go on that very
// object (as accessors that ignore Office.js's own writes), its `context` also comes from the factory,
// and window.Office is that object: the add-in sees the simulated Excel whichever script runs first.
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
  syncCount: () => channel.ask({ kind: "host", ask: "syncCount" }),
  snapshot: () => channel.ask({ kind: "host", ask: "snapshot" }),
  state: () => channel.ask({ kind: "host", ask: "state" }),
  settled: () => channel.ask({ kind: "host", ask: "settled" }),
};
