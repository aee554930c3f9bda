/**
 * What a browser test needs before it starts: the production build of the pane in dist/ (built when it
 * is missing or older than src/), the server that serves it with a simulated Excel, and a Chromium.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, readdir, stat, utimes } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import type { WorkbookJson } from "../support";
import { bundleHost } from "./host-bundle";
import { startPaneServer, type PaneServer } from "./server";

export const root = path.resolve(__dirname, "..", "..");
export const dist = path.join(root, "dist");
export const results = path.join(root, "test-results");

async function newestFileTime(folder: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? await newestFileTime(file) : (await stat(file)).mtimeMs
    );
  }
  return newest;
}

/**
 * dist/ as `npm run build` makes it. CI builds before testing; locally the test builds when dist/ is
 * missing or older than src/ (or the webpack config), so it never tests a stale pane.
 */
export async function ensureBuilt(): Promise<void> {
  const built = path.join(dist, "taskpane.js");
  const sources = Math.max(
    await newestFileTime(path.join(root, "src")),
    (await stat(path.join(root, "webpack.config.js"))).mtimeMs
  );
  const why =
    !existsSync(built) || !existsSync(path.join(dist, "taskpane.html"))
      ? "dist/ has no built pane"
      : (await stat(built)).mtimeMs < sources
        ? "src/ changed since dist/ was built"
        : undefined;
  if (!why) return;
  console.info(`test/browser: ${why}; running webpack --mode production`);
  await new Promise<void>((resolve, reject) =>
    execFile(
      "npx",
      ["webpack", "--mode", "production"],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error
          ? reject(
              new Error(`The build failed (npx webpack --mode production):\n${stdout}\n${stderr}`)
            )
          : resolve()
    )
  );
  // webpack leaves a file alone when its content is unchanged: mark the build as newer than the sources.
  const now = new Date();
  await utimes(built, now, now);
}

/** Debian's Chromium, headless, with nothing of its own reaching the network: how every browser test launches it. */
export const chromiumLaunchOptions = {
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
  ],
  timeout: 30_000,
};

export function chromiumExecutable(): string {
  const candidates = [
    process.env.KPI_RAG_CHROMIUM,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  for (const directory of (process.env.PATH ?? "").split(path.delimiter))
    candidates.push(path.join(directory, "chromium"));
  const found = candidates.find(
    (candidate): candidate is string => !!candidate && existsSync(candidate)
  );
  if (!found)
    throw new Error(
      "No Chromium found: install Debian's chromium (apt-get install chromium) or set KPI_RAG_CHROMIUM to a Chromium executable."
    );
  return found;
}

/** Serves the built pane with the simulated Excel holding `workbook` and the functions dist/ registers. */
export async function servePane(
  workbook: WorkbookJson,
  extraFiles?: Record<string, { type: string; body: string }>
): Promise<PaneServer> {
  return startPaneServer({
    extraFiles,
    distDir: dist,
    officeJsDir: path.join(root, "node_modules", "@microsoft", "office-js", "dist"),
    hostScripts: await bundleHost(
      workbook,
      JSON.parse(await readFile(path.join(dist, "functions.json"), "utf8"))
    ),
    axeScript: await readFile(path.join(root, "node_modules", "axe-core", "axe.min.js"), "utf8"),
  });
}

/**
 * Excel's window in `context`, with the workbook open: open it before the pane's page, as an analyst opens the
 * add-in in a workbook Excel already has open, and leave it open while the pane's pages come and go (the
 * simulated Excel lives while a page holds it). `openMs` is how long the workbook took to open, from the
 * window's start.
 */
export async function openExcel(
  context: BrowserContext,
  origin: string
): Promise<{ window: Page; openMs: number }> {
  const window = await context.newPage();
  await window.goto(`${origin}/excel.html`, { waitUntil: "load" });
  const openMs = await window.evaluate(() => {
    const opening = (globalThis as { __kpiRagExcelOpen?: Promise<number> }).__kpiRagExcelOpen;
    if (!opening)
      throw new Error(
        "Excel's window did not start the simulated Excel: /test-excel.js did not run"
      );
    return opening;
  });
  return { window, openMs };
}
