/**
 * Finding, planning and the kpi-rag command, timed on Appendix I's rows at size. Timings run the compiled
 * code in lib/ (what the kpi-rag command ships), as bench/ratings.ts explains.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type * as Core from "../src/core";
import type * as Command from "../src/cli/main";
import { appendixRows, repeatedGrid, writeRepeatedWorkbook } from "./sheets";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findTables, planFormatting } = require("../lib/core") as typeof Core;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main: kpiRag } = require("../lib/cli/main") as typeof Command;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** detectMsFor10000Rows: finding the tables and planning their rules on a 10,000-row sheet (median of 5). */
export async function measureDetection(): Promise<number> {
  const { header, rows } = await appendixRows();
  const grid = repeatedGrid(header, rows, 10_000);
  const samples: number[] = [];
  for (let run = 0; run < 6; run++) {
    const start = performance.now();
    const plan = planFormatting(findTables(grid));
    if (plan.rules.length === 0) throw new Error("the benchmark sheet planned no rules");
    if (run > 0) samples.push(performance.now() - start);
  }
  return Math.round(median(samples) * 10) / 10;
}

/** cfRulesFor1000Kpis: the rules planned for Appendix I's 40 rows repeated 25 times. */
export async function measureRulesFor1000Kpis(): Promise<number> {
  const { header, rows } = await appendixRows();
  return planFormatting(findTables(repeatedGrid(header, rows, rows.length * 25))).rules.length;
}

/** cliVsExceljsRatio: kpi-rag on a 1,000-KPI workbook over a bare ExcelJS read and write of it, side by side. */
export async function measureCliVsExceljs(): Promise<number> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "kpi-rag-bench-"));
  try {
    const input = path.join(folder, "kpis-1000.xlsx");
    await writeRepeatedWorkbook(input, 1000);
    const quiet = { out: () => undefined, error: (line: string) => console.error(line) };
    const command = async (): Promise<void> => {
      const code = await kpiRag([input, "--out", path.join(folder, "out.xlsx"), "--force"], quiet);
      if (code !== 0) throw new Error("kpi-rag failed in the benchmark");
    };
    const bare = async (): Promise<void> => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(input);
      await workbook.xlsx.writeFile(path.join(folder, "bare.xlsx"));
    };
    await command();
    await bare();
    const commandTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let run = 0; run < 7; run++) {
      let start = performance.now();
      await bare();
      bareTimes.push(performance.now() - start);
      start = performance.now();
      await command();
      commandTimes.push(performance.now() - start);
    }
    return Math.round((median(commandTimes) / median(bareTimes)) * 100) / 100;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
