/** The add-in's figures: syncs per apply in the simulated host, and the gzip size of the built bundles. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

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

/** syncsPerApply: arrives with the task pane (reading and applying on a 1,000-KPI sheet in the simulated host). */
export async function measureSyncsPerApply(): Promise<{ syncsPerApply: number | null }> {
  return { syncsPerApply: null };
}
