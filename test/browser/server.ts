/**
 * The test's web server: the built pane (dist/), Office.js from node_modules, and the simulated host,
 * all on one local origin, so the page needs nothing from the network.
 *
 *   /taskpane.html   dist/taskpane.html with office.js taken from /office-js/ and /test-host.js loaded
 *                    right after it, before functions.js and taskpane.js
 *   /excel.html      Excel's window: opens the workbook (starts the simulated Excel's SharedWorker) and
 *                    stays open, so each pane page finds the workbook open (/test-excel.js)
 *   /office-js/...   node_modules/@microsoft/office-js/dist (office.js loads its siblings from there)
 *   /test-host.js    the page's side of the simulated Excel (Office.js's part), bundled by host-bundle.ts
 *   /test-host-worker.js  the simulated Excel itself, run in a SharedWorker
 *   /test-workbook.json   the workbook the worker starts from, gzipped once (4 MB for 10,000 KPIs)
 *   /axe.js          axe-core, for the accessibility check
 *   /favicon.ico     nothing (204): Chromium asks for it by itself
 *   anything else    dist/
 */
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** The office.js tag as the template has it, quoted or (minified) not. */
const officeJsTag =
  /<script\b[^>]*\bsrc=(["']?)https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js\1[^>]*>\s*<\/script>/i;

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface PaneServerOptions {
  /** The built add-in (dist/). */
  distDir: string;
  /** node_modules/@microsoft/office-js/dist. */
  officeJsDir: string;
  /** The texts of /test-host.js, /test-host-worker.js, /test-excel.js and /test-workbook.json. */
  hostScripts: { page: string; worker: string; excel: string; workbook: string };
  /** The text of /axe.js. */
  axeScript: string;
  /** Further pages and scripts by path ("/baseline.html"), as the bench's baseline page needs. */
  extraFiles?: Record<string, { type: string; body: string }>;
}

export interface PaneServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Every path asked for, in order, with the status it got. */
  served: Array<{ path: string; status: number }>;
  close(): Promise<void>;
}

/** Excel's window, which the test opens before the pane (built-pane.ts openExcel) and leaves open. */
const excelPage =
  '<!doctype html><html lang="en-GB"><head><meta charset="UTF-8" /><title>Excel</title></head><body><script src="/test-excel.js"></script></body></html>';

/** taskpane.html as the test serves it; throws when the page is not laid out as the test expects. */
export function testPage(html: string): string {
  const tag = officeJsTag.exec(html);
  if (!tag)
    throw new Error(
      "dist/taskpane.html has no <script> for https://appsforoffice.microsoft.com/lib/1/hosted/office.js: the test cannot put the simulated host after it."
    );
  const rest = html.slice(tag.index + tag[0].length);
  const functions = rest.search(/<script\b[^>]*\bsrc=["']?[^"' >]*functions\.js/i);
  const taskpane = rest.search(/<script\b[^>]*\bsrc=["']?[^"' >]*taskpane\.js/i);
  if (functions < 0 || taskpane < 0 || functions > taskpane) {
    throw new Error(
      "dist/taskpane.html should load office.js, then functions.js, then taskpane.js; it does not."
    );
  }
  const replacement =
    '<script src="/office-js/office.js"></script><script src="/test-host.js"></script>';
  return html.slice(0, tag.index) + replacement + rest;
}

/** A file inside `root`, or undefined for a path that would leave it. */
function inside(root: string, urlPath: string): string | undefined {
  const file = path.resolve(root, `.${path.posix.normalize(decodeURIComponent(urlPath))}`);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

export async function startPaneServer(options: PaneServerOptions): Promise<PaneServer> {
  const distDir = path.resolve(options.distDir);
  const officeJsDir = path.resolve(options.officeJsDir);
  const page = testPage(await readFile(path.join(distDir, "taskpane.html"), "utf8"));
  const served: PaneServer["served"] = [];
  // Each file is read from disk once: a page loads the add-in's scripts from a cache or a CDN, and a busy
  // machine's disk reads would count against the pane (eight scripts) more than the baseline page (one).
  const files = new Map<string, Buffer>();

  const workbook = gzipSync(options.hostScripts.workbook, { level: 1 });
  const send = (
    response: ServerResponse,
    urlPath: string,
    status: number,
    type: string,
    body: string | Buffer,
    encoding?: "gzip"
  ) => {
    served.push({ path: urlPath, status });
    response.writeHead(status, {
      "Content-Type": type,
      "Cache-Control": "no-store",
      ...(encoding ? { "Content-Encoding": encoding } : {}),
    });
    response.end(body);
  };

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const urlPath = new URL(request.url ?? "/", "http://localhost").pathname;
    if (request.method !== "GET" && request.method !== "HEAD")
      return send(response, urlPath, 405, contentTypes[".txt"], "GET only");
    if (urlPath === "/" || urlPath === "/taskpane.html")
      return send(response, urlPath, 200, contentTypes[".html"], page);
    if (urlPath === "/excel.html")
      return send(response, urlPath, 200, contentTypes[".html"], excelPage);
    if (urlPath === "/test-excel.js")
      return send(response, urlPath, 200, contentTypes[".js"], options.hostScripts.excel);
    if (urlPath === "/test-host.js")
      return send(response, urlPath, 200, contentTypes[".js"], options.hostScripts.page);
    if (urlPath === "/test-host-worker.js")
      return send(response, urlPath, 200, contentTypes[".js"], options.hostScripts.worker);
    if (urlPath === "/test-workbook.json")
      return /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))
        ? send(response, urlPath, 200, contentTypes[".json"], workbook, "gzip")
        : send(response, urlPath, 200, contentTypes[".json"], options.hostScripts.workbook);
    if (urlPath === "/axe.js")
      return send(response, urlPath, 200, contentTypes[".js"], options.axeScript);
    const extra = options.extraFiles?.[urlPath];
    if (extra) return send(response, urlPath, 200, extra.type, extra.body);
    // The browser asks for a tab icon on its own; Office shows none, and the page declares none.
    if (urlPath === "/favicon.ico") return send(response, urlPath, 204, contentTypes[".ico"], "");
    const file = urlPath.startsWith("/office-js/")
      ? inside(officeJsDir, urlPath.slice("/office-js".length))
      : inside(distDir, urlPath);
    if (!file) return send(response, urlPath, 404, contentTypes[".txt"], "Not found");
    try {
      const body = files.get(file) ?? (await readFile(file));
      files.set(file, body);
      return send(
        response,
        urlPath,
        200,
        contentTypes[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        body
      );
    } catch {
      return send(response, urlPath, 404, contentTypes[".txt"], "Not found");
    }
  };

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        send(response, request.url ?? "?", 500, contentTypes[".txt"], String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
