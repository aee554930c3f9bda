/**
 * The production build of the task pane in a real Chromium at Office's narrowest pane width, on each sheet
 * of the bundled layouts scorecard (a benchmarking report with a target per year and a tolerance in points,
 * and a monthly pack of Actual and Target rows): Apply paints exactly the cells the core rates Green,
 * Amber and Red, as the formula engine judges the rules the pane wrote.
 */
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findTables, ragPalette } from "../../src/core";
import {
  createExcelHost,
  loadHostFromXlsx,
  workbookStateFromJson,
  workbookStateToJson,
  type ExcelHost,
} from "../support";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";
import { gridOf, readWorkbookFile } from "../support/xlsx-grid";
import type { BrowserHost } from "./host-entry";
import {
  chromiumExecutable,
  chromiumLaunchOptions,
  ensureBuilt,
  root,
  openExcel,
  servePane,
} from "./built-pane";

const workbookFile = path.join(root, "examples", "layouts-scorecard.xlsx");

let browser: Browser | undefined;

beforeAll(async () => {
  await ensureBuilt();
  browser = await chromium.launch({
    ...chromiumLaunchOptions,
    executablePath: chromiumExecutable(),
  });
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
});

/** What the core makes of a sheet, read by the kpi-rag command's reader (ExcelJS), not by the host. */
async function expectedPlan(sheet: string): Promise<PlanWithReport> {
  const worksheet = (await readWorkbookFile(workbookFile)).getWorksheet(sheet);
  if (!worksheet) throw new Error(`ExcelJS finds no sheet "${sheet}" in ${workbookFile}`);
  return plannedWithReport(findTables(gridOf(worksheet)));
}

/** The fill each Green, Amber and Red cell of the report gets, by address. */
function expectedPaint(plan: PlanWithReport): Record<string, string> {
  const cells = plan.tables.flatMap((table) => table.rows.flatMap((row) => row.cells));
  return Object.fromEntries(
    cells
      .flatMap((cell) =>
        cell.status === "Green" || cell.status === "Amber" || cell.status === "Red"
          ? [[cell.address, ragPalette[cell.status].fill] as const]
          : []
      )
      .sort(([a], [b]) => a.localeCompare(b))
  );
}

/** The workbook as the page left it, rebuilt in Node. */
async function workbookInPage(page: Page): Promise<ExcelHost> {
  const state = await page.evaluate(() => {
    const simulated = (window as unknown as { __kpiRagHost?: BrowserHost }).__kpiRagHost;
    if (!simulated) throw new Error("window.__kpiRagHost is missing: /test-host.js did not run");
    return simulated.settled().then(() => simulated.state());
  });
  return createExcelHost(workbookStateFromJson(state));
}

/** The cells the add-in's rules on a sheet colour, judged by HyperFormula, by address. */
function painted(workbook: ExcelHost, sheet: string): Record<string, string> {
  const used = workbook.sheet(sheet).usedAddress() ?? "A1";
  const values = workbook
    .sheet(sheet)
    .values(`A1:${used.split(":").pop()}`)
    .map((row) => row.map((cell) => (cell === "" ? null : cell)));
  const rules = workbook
    .sheet(sheet)
    .conditionalFormats()
    .filter((format) => format.formula?.includes('N("KPI RAG")'))
    .map((format) => ({
      formula: format.formula ?? "",
      appliesTo: format.appliesTo.split(/,\s*/),
      fill: format.fill ?? "(no fill)",
    }));
  return Object.fromEntries(
    [...paintedCells(values, rules)].sort(([a], [b]) => a.localeCompare(b))
  );
}

describe("the task pane in Chromium, 320 pixels wide, on the layouts scorecard", () => {
  for (const sheet of ["Benchmarking", "Monthly"]) {
    it(`applies RAG formatting to the ${sheet} sheet: exactly the cells the core rates are painted`, async () => {
      const plan = await expectedPlan(sheet);
      const paint = expectedPaint(plan);
      expect(Object.keys(paint).length, "the core rates cells on the sheet").toBeGreaterThan(0);
      const host = await loadHostFromXlsx(workbookFile);
      const target = host.state.sheets.find((candidate) => candidate.name === sheet);
      if (!target) throw new Error(`the workbook has no sheet "${sheet}"`);
      host.state.activeSheetId = target.id;
      const server = await servePane(workbookStateToJson(host.state));
      const context = await browser!.newContext({
        viewport: { width: 320, height: 800 },
        locale: "en-GB",
        serviceWorkers: "block",
      });
      try {
        context.setDefaultTimeout(15_000);
        await context.route(
          (url) =>
            url.origin !== server.origin && url.protocol !== "data:" && url.protocol !== "blob:",
          (route) => route.abort("blockedbyclient")
        );
        await openExcel(context, server.origin);
        const page = await context.newPage();
        await page.goto(`${server.origin}/taskpane.html`, { waitUntil: "load" });
        const firstMeasure = plan.tables[0].rows[0].measure;
        await page.getByText(firstMeasure).first().waitFor({ state: "visible" });
        await page
          .getByRole("button", { name: /^Apply/ })
          .first()
          .click();
        await expect
          .poll(async () => Object.keys(painted(await workbookInPage(page), sheet)).length, {
            message: "the pane's rules never coloured the sheet",
            timeout: 15_000,
          })
          .toBe(Object.keys(paint).length);
        expect(painted(await workbookInPage(page), sheet)).toEqual(paint);
      } finally {
        await context.close().catch(() => undefined);
        await server.close();
      }
    }, 90_000);
  }
});
