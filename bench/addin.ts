/** The add-in's figures: syncs per apply in the simulated host (ordinary and 100,000-row sheets), and the gzip size of the built bundles. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { builtInRegister } from "../src/core";
import { applyRagFormatting } from "../src/excel/active-sheet";
import { detectCapabilities } from "../src/excel/requirements";
import {
  createExcelHost,
  createWorkbookState,
  loadHostFromXlsx,
  WEB_PAYLOAD_LIMIT,
} from "../test/support";
import { cellKey } from "../test/support/workbook-state";
import { appendixRows, repeatedGrid, writeRepeatedWorkbook } from "./sheets";

const dist = path.join(__dirname, "..", "dist");

function gzipKB(file: string): number | null {
  const full = path.join(dist, file);
  if (!existsSync(full)) return null;
  return Math.round((gzipSync(readFileSync(full), { level: 9 }).length / 1024) * 10) / 10;
}

/** taskpaneGzipKB and functionsGzipKB, from dist/ (run npm run build first; null when it is not built). */
export async function measureBundles(): Promise<{
  taskpaneGzipKB: number | null;
  functionsGzipKB: number | null;
}> {
  // The pane is every script it loads on opening: its start (taskpane.js), the React chunk (pane.js), the
  // benchmark comparisons it shares with KPI.COMPARE (comparisons.js), the register with its catalogue, which
  // the functions load only when a formula names a KPI (catalogue.js), direction of travel, which KPI.TREND
  // loads when first asked (trend.js), and the Summary it loads once the sheet is shown (summary.js). Register,
  // Share and Help load only when chosen (register.js, more.js); writing or removing rules, selecting a row and
  // copying the sheet at the first of them (formatting.js); reading a KPISettings or KPIWords table only in a
  // workbook that has one (settings.js, words.js). functions.js is the page's runtime and the functions' core.
  const start = gzipKB("taskpane.js");
  const loaded = ["pane.js", "comparisons.js", "catalogue.js", "trend.js", "summary.js"].reduce(
    (sum, file) => sum + (gzipKB(file) ?? 0),
    0
  );
  return {
    taskpaneGzipKB: start === null ? null : Math.round((start + loaded) * 10) / 10,
    functionsGzipKB: gzipKB("functions.js"),
  };
}

/** syncsPerApply: the pane's Apply (it reads the sheet afresh, then writes) on a 1,000-KPI sheet in the simulated host. */
export async function measureSyncsPerApply(): Promise<{ syncsPerApply: number }> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "kpi-rag-bench-"));
  try {
    const file = path.join(folder, "kpis-1000.xlsx");
    await writeRepeatedWorkbook(file, 1000);
    const host = await loadHostFromXlsx(file);
    const uninstall = host.install();
    try {
      const before = host.syncCount;
      const applied = await Excel.run((context) =>
        applyRagFormatting(context, builtInRegister, "Standard", detectCapabilities())
      );
      if (applied.appraisal.rows.length !== 1000)
        throw new Error("the benchmark sheet does not hold 1,000 KPIs");
      return { syncsPerApply: host.syncCount - before };
    } finally {
      uninstall();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * syncsPerApply100kRows: the pane's Apply on a 100,000-row by 12-column sheet (Appendix I's rows over and over,
 * with a commentary column) in the simulated host with Excel on the web's response payload limit on.
 */
export async function measureSyncsPerApply100kRows(): Promise<{ syncsPerApply100kRows: number }> {
  const { header, rows } = await appendixRows();
  const grid = repeatedGrid(header, rows, 100_000 - header.values.length);
  const state = createWorkbookState({ "Appendix I": [] });
  const sheet = state.sheets[0];
  grid.values.forEach((values, row) => {
    for (let column = 0; column < 12; column++) {
      const value =
        column < values.length
          ? values[column]
          : row < header.values.length
            ? "Commentary"
            : `Reviewed at the performance board, row ${row + 1}`;
      if (value === null) continue;
      const format = grid.numberFormats[row]?.[column];
      sheet.cells.set(cellKey(row, column), {
        value: typeof value === "object" ? value.error : value,
        ...(format && format !== "General" ? { numberFormat: format } : {}),
      });
    }
  });
  const host = createExcelHost(state, { behaviour: { responsePayloadLimit: WEB_PAYLOAD_LIMIT } });
  const uninstall = host.install();
  try {
    const before = host.syncCount;
    const applied = await Excel.run((context) =>
      applyRagFormatting(context, builtInRegister, "Standard", detectCapabilities())
    );
    if (applied.plan.rules.length === 0)
      throw new Error("the 100,000-row benchmark sheet planned no rules");
    return { syncsPerApply100kRows: host.syncCount - before };
  } finally {
    uninstall();
  }
}
