/**
 * Finding, planning and the kpi-rag command, timed on Appendix I's rows at size. Timings run the compiled
 * code in lib/ (what the kpi-rag command ships), as bench/ratings.ts explains.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type * as Core from "../src/core";
import type * as Command from "../src/cli/main";
import { appendixRows, repeatedGrid, variedGrid, writeRepeatedWorkbook } from "./sheets";

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
  return timeDetection(repeatedGrid(header, rows, 10_000));
}

/** detectMsFor10000RowsVaried: the same on 10,000 rows of a council scorecard in mixed wordings (median of 5). */
export function measureVariedDetection(): number {
  return timeDetection(variedGrid(10_000));
}

function timeDetection(grid: Core.Grid): number {
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

/**
 * cliVsExceljsRatio: the kpi-rag command on a 1,000-KPI workbook over a bare ExcelJS read and write of the
 * same file, each run as the command it is (node starting, loading, reading, writing), side by side, 7
 * times each, medians compared. Also the same comparison inside one process, where start-up is not paid.
 */
export async function measureCliVsExceljs(): Promise<{ cliVsExceljsRatio: number; cliVsExceljsInProcessRatio: number }> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "kpi-rag-bench-"));
  try {
    const input = path.join(folder, "kpis-1000.xlsx");
    await writeRepeatedWorkbook(input, 1000);
    const root = path.join(__dirname, "..");
    const timeCommand = (args: string[]): number => {
      const start = performance.now();
      const run = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
      if (run.status !== 0) throw new Error(`${args.join(" ")} failed: ${run.stderr.toString()}`);
      return performance.now() - start;
    };
    const commandArgs = [path.join(root, "bin", "kpi-rag.js"), input, "--out", path.join(folder, "out.xlsx"), "--force"];
    const bareArgs = [path.join(__dirname, "bare-exceljs.js"), input, path.join(folder, "bare.xlsx")];
    timeCommand(commandArgs);
    timeCommand(bareArgs);
    const commandTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let run = 0; run < 7; run++) {
      bareTimes.push(timeCommand(bareArgs));
      commandTimes.push(timeCommand(commandArgs));
    }

    const quiet = { out: () => undefined, error: (line: string) => console.error(line) };
    const inProcess = async (): Promise<void> => {
      const code = await kpiRag([input, "--out", path.join(folder, "out.xlsx"), "--force"], quiet);
      if (code !== 0) throw new Error("kpi-rag failed in the benchmark");
    };
    const bare = async (): Promise<void> => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(input);
      await workbook.xlsx.writeFile(path.join(folder, "bare.xlsx"));
    };
    await inProcess();
    await bare();
    const inProcessTimes: number[] = [];
    const bareInProcessTimes: number[] = [];
    for (let run = 0; run < 7; run++) {
      let start = performance.now();
      await bare();
      bareInProcessTimes.push(performance.now() - start);
      start = performance.now();
      await inProcess();
      inProcessTimes.push(performance.now() - start);
    }
    const ratio = (mine: number[], theirs: number[]): number => Math.round((median(mine) / median(theirs)) * 100) / 100;
    return { cliVsExceljsRatio: ratio(commandTimes, bareTimes), cliVsExceljsInProcessRatio: ratio(inProcessTimes, bareInProcessTimes) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
