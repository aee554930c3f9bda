/**
 * Excel's window: /excel.html runs this (bundled by esbuild into /test-excel.js) to open the workbook before any
 * pane loads, as an analyst has the workbook open in Excel before opening the add-in. It starts the simulated
 * Excel's SharedWorker and holds its port while the page stays open in the browser context, so the host, with
 * the workbook built, outlives every pane page. `window.__kpiRagExcelOpen` resolves when the workbook is open,
 * in this page's milliseconds (performance.now()).
 */
import { connectToExcel } from "./transport";

declare global {
  interface Window {
    __kpiRagExcelOpen?: Promise<number>;
  }
}

const channel = connectToExcel((request) => {
  throw new Error(
    `Excel's window registers no handler or function; it was asked for ${request.kind}`
  );
});
window.__kpiRagExcelOpen = channel
  .ask<number>({ kind: "host", ask: "openedAt" })
  .then((epoch) => epoch - performance.timeOrigin);
