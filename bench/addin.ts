/** The add-in's figures: syncs per apply in the simulated host, and the gzip size of the built bundles. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { builtInRegister } from "../src/core";
import { applyRagFormatting } from "../src/excel/active-sheet";
import { loadHostFromXlsx } from "../test/support";
import { writeRepeatedWorkbook } from "./sheets";

const dist = path.join(__dirname, "..", "dist");

function gzipKB(file: string): number | null {
  const full = path.join(dist, file);
  if (!existsSync(full)) return null;
  return Math.round((gzipSync(readFileSync(full), { level: 9 }).length / 1024) * 10) / 10;
}

/** taskpaneGzipKB and functionsGzipKB, from dist/ (run npm run build first; null when it is not built). */
export async function measureBundles(): Promise<{ taskpaneGzipKB: number | null; functionsGzipKB: number | null }> {
  return { taskpaneGzipKB: gzipKB("taskpane.js"), functionsGzipKB: gzipKB("functions.js") };
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
      const applied = await Excel.run((context) => applyRagFormatting(context, builtInRegister, "Standard", { mergedAreas: true, cultureInfo: true, formatById: true }));
      if (applied.plan.tables.flatMap((table) => table.rows).length !== 1000) throw new Error("the benchmark sheet does not hold 1,000 KPIs");
      return { syncsPerApply: host.syncCount - before };
    } finally {
      uninstall();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
