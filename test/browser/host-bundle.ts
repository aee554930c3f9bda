/**
 * /test-host.js: the simulated Excel (test/support) bundled for the browser by esbuild, as one classic
 * script, with the workbook it starts from written in front of it as JSON text in a string,
 * `window.__kpiRagWorkbook = "{...}"`, which the host parses with JSON.parse: V8 reads a string and JSON
 * many times faster than the same data as an object literal (4 MB for 10,000 KPIs), so the page pays for
 * the workbook about what Excel would. The page's Content-Security-Policy allows no inline script, so
 * the workbook travels inside this file.
 */
import path from "node:path";
import { build, type Plugin } from "esbuild";
import type { FunctionsMetadata } from "../support/custom-functions";
import type { WorkbookJson } from "../support/workbook-json";

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

/**
 * The host's script for the page, with `workbook` as its starting state and the built functions.json, so the
 * host calculates =KPI. formulas with the functions functions.js registers, as Excel calls them.
 */
export async function bundleHost(
  workbook: WorkbookJson,
  functions: FunctionsMetadata = { functions: [] }
): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, "host-entry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    sourcemap: false,
    plugins: [withoutXlsx],
  });
  const [output] = result.outputFiles;
  return `window.__kpiRagWorkbook = ${JSON.stringify(JSON.stringify(workbook))};\nwindow.__kpiRagFunctions = ${JSON.stringify(functions)};\n${output.text}`;
}
