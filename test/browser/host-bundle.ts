/**
 * /test-host.js, /test-host-worker.js and /test-excel.js: the simulated Excel (test/support) bundled for the
 * browser by esbuild, each one classic script, and /test-workbook.json, the workbook the worker starts from as JSON
 * text (4 MB for 10,000 KPIs), which the worker fetches as soon as it runs and parses with JSON.parse.
 */
import path from "node:path";
import { build, type Plugin } from "esbuild";
import type { FunctionsMetadata } from "../support/custom-functions";
import type { WorkbookJson } from "../support/workbook-json";
import { excelSchema } from "./excel-schema";

const here = __dirname;

/** test/support/xlsx-state.ts needs ExcelJS and node:fs; in the page the workbook comes as JSON instead. */
const withoutXlsx: Plugin = {
  name: "kpi-rag-host-without-xlsx",
  setup(builder) {
    builder.onResolve({ filter: /^\.\/xlsx-state(\.js)?$/ }, (args) =>
      path.basename(args.importer).startsWith("excel-host.")
        ? { path: path.join(here, "xlsx-state.browser.ts") }
        : undefined
    );
  },
};

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, entry)],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    sourcemap: false,
    plugins: [withoutXlsx],
  });
  return result.outputFiles[0].text;
}

/**
 * The simulated Excel's three scripts and its workbook: /test-host.js for the pane's page (Office.js's side),
 * /test-excel.js for Excel's window, which opens the workbook before the pane, /test-host-worker.js, the host
 * itself (a SharedWorker) with the built functions.json, so it calculates =KPI. formulas with
 * the functions functions.js registers in the page, as Excel calls them, and /test-workbook.json, `workbook`
 * as JSON text, the state the host starts from.
 */
export async function bundleHost(
  workbook: WorkbookJson,
  functions: FunctionsMetadata = { functions: [] }
): Promise<{ page: string; worker: string; excel: string; workbook: string }> {
  const schema = JSON.stringify(excelSchema());
  const [page, worker, excel] = await Promise.all([
    bundle("host-entry.ts"),
    bundle("host-worker.ts"),
    bundle("excel-window.ts"),
  ]);
  return {
    excel,
    page: `window.__kpiRagExcelSchema = ${schema};\n${page}`,
    worker: `self.__kpiRagFunctions = ${JSON.stringify(functions)};\nself.__kpiRagExcelSchema = ${schema};\n${worker}`,
    workbook: JSON.stringify(workbook),
  };
}
