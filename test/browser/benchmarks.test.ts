/**
 * Benchmarks in the production build of the pane, in Chromium, on the simulated Excel holding a scorecard
 * with England 2021/22, Stat. neighbours and Region columns: each KPI's comparisons in words, the summary's
 * benchmark lines and exceptions, and never a RAG fill on a benchmark column. Screenshots of a KPI's
 * comparisons and of the summary's benchmark lines go to test-results/.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findTables } from "../../src/core";
import {
  createExcelHost,
  workbookStateFromJson,
  workbookStateToJson,
  type WorkbookJson,
} from "../support";
import { wholeNumbers } from "../core/benchmark-scorecards";
import {
  chromiumExecutable,
  chromiumLaunchOptions,
  ensureBuilt,
  results,
  openExcel,
  servePane,
} from "./built-pane";
import type { BrowserHost } from "./host-entry";
import type { PaneServer } from "./server";
import { plannedWithReport } from "../support/planned-with-report";

let server: PaneServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];
const plan = plannedWithReport(findTables(wholeNumbers));

beforeAll(async () => {
  await ensureBuilt();
  await mkdir(results, { recursive: true });
  const host = createExcelHost({ [wholeNumbers.sheet]: wholeNumbers.values });
  server = await servePane(workbookStateToJson(host.state));
  const origin = server.origin;
  browser = await chromium.launch({
    ...chromiumLaunchOptions,
    executablePath: chromiumExecutable(),
  });
  const context = await browser.newContext({
    viewport: { width: 360, height: 900 },
    locale: "en-GB",
    serviceWorkers: "block",
  });
  context.setDefaultTimeout(15_000);
  // Nothing leaves the machine.
  await context.route(
    (url) => url.origin !== origin && url.protocol !== "data:" && url.protocol !== "blob:",
    (route) => route.abort("blockedbyclient")
  );
  await openExcel(context, origin);
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${origin}/taskpane.html`, { waitUntil: "load" });
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.close();
});

const readHost = (): Promise<WorkbookJson> =>
  page.evaluate(() => {
    const simulated = (window as unknown as { __kpiRagHost?: BrowserHost }).__kpiRagHost;
    if (!simulated) throw new Error("window.__kpiRagHost is missing: /test-host.js did not run");
    return simulated.settled().then(() => simulated.state());
  });

describe("benchmarks in the task pane in Chromium", () => {
  it("shows each KPI's comparisons in words, one line a benchmark, as the report has them", async () => {
    const line = page.getByRole("button", {
      name: /^Average time in days between entering care/,
    });
    await line.waitFor({ state: "visible" });
    await line.click();
    const adoption = page.locator(`[id="${(await line.getAttribute("aria-controls")) ?? ""}"]`);
    const lines = adoption.getByRole("list", { name: "Against benchmarks" }).getByRole("listitem");
    // Each comparison's words, without the sentence shown under it.
    const words = await lines.evaluateAll((items) =>
      items.map((item) => {
        const copy = item.cloneNode(true) as Element;
        copy.querySelectorAll("[data-reason]").forEach((reason) => reason.remove());
        return copy.textContent ?? "";
      })
    );
    expect(words).toEqual([
      "▼Worse than England 2021/22: 486 days against 448 days",
      "▼Worse than Statistical neighbours: 495 days against 430 days",
      "–Region: no data to compare (the cell is blank)",
    ]);
    expect(plan.tables[0].rows[2].comparisons.map((comparison) => comparison.verdict)).toEqual([
      "Worse",
      "Worse",
      "No data",
    ]);
    await adoption.screenshot({
      path: path.join(results, "benchmarks-kpi-comparisons.png"),
      animations: "disabled",
    });
    expect(pageErrors).toEqual([]);
  });

  it("applies RAG formatting to the periods only, never to the England, SN or Region columns", async () => {
    await page.getByRole("button", { name: /^Apply RAG formatting/ }).click();
    await expect
      .poll(
        async () =>
          createExcelHost(workbookStateFromJson(await readHost()))
            .sheet(wholeNumbers.sheet)
            .conditionalFormats().length,
        { timeout: 15_000 }
      )
      .toBeGreaterThan(0);
    const formats = createExcelHost(workbookStateFromJson(await readHost()))
      .sheet(wholeNumbers.sheet)
      .conditionalFormats();
    const areas = formats.flatMap((format) => format.appliesTo.split(/,\s*/));
    expect(areas.every((area) => /^[E-G]\d+(:[E-G]\d+)?$/.test(area.replace(/\$/g, "")))).toBe(
      true
    );
    expect(
      formats.some((format) => format.formula?.includes("$I3")),
      "the care leavers' rules refer to its SN cell"
    ).toBe(true);
  });

  it("sums up each benchmark on the Summary tab, lists the exceptions and narrows the watch list", async () => {
    await page.getByRole("tab", { name: "Summary" }).click();
    const heading = page.getByRole("heading", { name: "Against benchmarks" });
    await heading.waitFor({ state: "visible" });
    const lines = page.getByText(/^Better than .*: \d+ of \d+ KPIs?/);
    expect(await lines.allInnerTexts()).toEqual([
      "Better than England 2021/22: 0 of 3 KPIs (2 worse, 1 the same; 1 not compared)",
      "Better than Statistical neighbours: 1 of 3 KPIs (2 worse, 0 the same; 1 not compared)",
      "Better than Region: 0 of 1 KPI (0 worse, 1 the same; 3 not compared)",
    ]);
    await page
      .getByRole("heading", { name: "Exceptions: Red or Amber and worse than a benchmark" })
      .waitFor({ state: "visible" });
    const section = page.locator("main");
    await section.screenshot({
      path: path.join(results, "benchmarks-summary.png"),
      animations: "disabled",
    });
    await page
      .getByRole("combobox", { name: "Show" })
      .selectOption({ label: "Red and worse than Statistical neighbours" });
    await expect
      .poll(() => page.getByRole("button", { name: /% of care leavers/ }).count())
      .toBe(1); // in the exceptions only
    expect(pageErrors).toEqual([]);
  });
});
