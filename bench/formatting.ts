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
import type * as Appraisal from "../src/core/appraisal/appraisal";
import type * as Plan from "../src/core/plan/plan";
import type * as Symbols from "../src/core/plan/symbols";
import type * as Command from "../src/cli/main";
import { measureFlowOf100k } from "./flow";
import {
  appendixRows,
  repeatedGrid,
  variedGrid,
  writeFiguresAtXfdWorkbook,
  writeRepeatedWorkbook,
} from "./sheets";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findTables, reportOf } = require("../lib/core") as typeof Core;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { appraiseTables } = require("../lib/core/appraisal/appraisal") as typeof Appraisal;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { formattingPlan, planFormatting } = require("../lib/core/plan/plan") as typeof Plan;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withSymbols } = require("../lib/core/plan/symbols") as typeof Symbols;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main: kpiRag } = require("../lib/cli/main") as typeof Command;

/**
 * Timed runs of detection and the report: the median of 9, after 3 that are not counted. The second and
 * third runs of a 10,000-row sheet are still being compiled and are two or three times slower than the
 * rest, and one young-generation collection more or less moves a run by 5 to 10 ms; a median of 5 after
 * one warm-up ran 36 to 50 ms on the same code and machine.
 */
const warmUpRuns = 3;
const timedRuns = 9;

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** detectMsFor10000Rows: finding the tables and planning their rules on a 10,000-row sheet. */
export async function measureDetection(): Promise<number> {
  const { header, rows } = await appendixRows();
  return timeDetection(repeatedGrid(header, rows, 10_000));
}

/** detectMsFor10000RowsVaried: the same on 10,000 rows of a council scorecard in mixed wordings. */
export function measureVariedDetection(): number {
  return timeDetection(variedGrid(10_000));
}

/**
 * detectMsFor10000RowsLayouts: the same on 10,000 rows spread over issue 17's layouts, 2,500 each: two
 * tables side by side (1,250 rows in each), Actual / Target / Tolerance groups under each KPI's name, a
 * target and tolerance per year over quarters of three years, and a long table of one row per KPI per period.
 */
export function measureLayoutsDetection(): number {
  return timeDetection(layoutsGrid(2_500));
}

/** The four layouts one under another, `each` rows apiece, a blank row between them. */
function layoutsGrid(each: number): Core.Grid {
  const values: Core.CellValue[][] = [];
  const numberFormats: string[][] = [];
  const push = (row: Core.CellValue[]): void => {
    values.push(row);
    numberFormats.push(
      row.map((cell) => (typeof cell === "number" && cell < 1 ? "0%" : "General"))
    );
  };
  const measure = (index: number): string => `Invented measure ${index + 1}`;
  /** A figure between 0.70 and 0.99 that moves with the row, so every band is met. */
  const figure = (index: number, step: number): number => 0.7 + ((index * 7 + step * 3) % 30) / 100;

  // Side by side: the right-hand table keeps its periods before its thresholds.
  push([
    "Measure",
    "Polarity",
    "Target",
    "Tolerance",
    "2022/23",
    "2023/24",
    null,
    "Indicator",
    "2022/23",
    "2023/24",
    "Polarity",
    "Target",
    "Tolerance",
  ]);
  for (let index = 0; index < each / 2; index++)
    push([
      measure(index),
      "Bigger is better",
      0.9,
      0.8,
      figure(index, 0),
      figure(index, 1),
      null,
      measure(index + each),
      figure(index, 2),
      figure(index, 3),
      "Bigger is better",
      0.85,
      0.75,
    ]);
  push([]);

  // Actual, Target and Tolerance rows under each KPI's name: 4 rows a KPI.
  push(["Indicator", "Polarity", "Apr-23", "May-23", "Jun-23", "Jul-23", "Aug-23", "Sep-23"]);
  for (let index = 0; index < each / 4; index++) {
    push([measure(index), index % 2 === 0 ? "Bigger is better" : "Higher is better"]);
    push(["Actual", null, ...[0, 1, 2, 3, 4, 5].map((step) => figure(index, step))]);
    push(["Target", null, 0.9, 0.9, 0.9, 0.92, 0.92, 0.92]);
    push(["Tolerance", null, 0.8, 0.8, 0.8, 0.85, 0.85, 0.85]);
  }
  push([]);

  // A target and a tolerance per year.
  push([
    "Measure",
    "Polarity",
    "Target 22/23",
    "Tolerance 22/23",
    "Target 23/24",
    "Tolerance 23/24",
    "Target 24/25",
    "Tolerance 24/25",
    "Q4 2022/23",
    "Q1 2023/24",
    "Q2 2023/24",
    "Q1 2024/25",
  ]);
  for (let index = 0; index < each; index++)
    push([
      measure(index),
      "Bigger is better",
      0.85,
      0.8,
      0.88,
      0.83,
      0.9,
      0.85,
      ...[0, 1, 2, 3].map((step) => figure(index, step)),
    ]);
  push([]);

  // A long table: one row per KPI per period.
  push(["KPI", "Period", "Value", "Target", "Tolerance", "Polarity"]);
  const periods = ["2021/22", "2022/23", "2023/24", "Q1 2024/25"];
  for (let index = 0; index < each; index++)
    push([
      measure(Math.floor(index / periods.length)),
      periods[index % periods.length],
      figure(index, 0),
      0.9,
      0.8,
      "Bigger is better",
    ]);

  return { sheet: "Layouts", origin: { row: 0, column: 0 }, values, numberFormats, merges: [] };
}

/**
 * reportMsFor10000RowsVaried: the report of those rows (each row's definition in words, direction of travel,
 * comparisons with England and SN, every cell's reason), worked out after the rules. No goal: it
 * is what the pane and kpi-rag --report add to detection.
 */
export function measureVariedReport(): number {
  const found = findTables(variedGrid(10_000));
  const samples: number[] = [];
  for (let run = 0; run < warmUpRuns + timedRuns; run++) {
    const appraisal = appraiseTables(found);
    const start = performance.now();
    const report = reportOf(appraisal);
    if (report.rows.length !== 10_000)
      throw new Error("the benchmark report does not hold 10,000 rows");
    if (run >= warmUpRuns) samples.push(performance.now() - start);
  }
  return Math.round(median(samples) * 10) / 10;
}

function timeDetection(grid: Core.Grid): number {
  const samples: number[] = [];
  for (let run = 0; run < warmUpRuns + timedRuns; run++) {
    const start = performance.now();
    const plan = planFormatting(findTables(grid));
    if (plan.rules.length === 0) throw new Error("the benchmark sheet planned no rules");
    if (run >= warmUpRuns) samples.push(performance.now() - start);
  }
  return Math.round(median(samples) * 10) / 10;
}

/** cfRulesFor1000Kpis: the rules planned for Appendix I's 40 rows repeated 25 times. */
export async function measureRulesFor1000Kpis(): Promise<number> {
  const { header, rows } = await appendixRows();
  return planFormatting(findTables(repeatedGrid(header, rows, rows.length * 25))).rules.length;
}

/**
 * cfRulesFor1000Kpis under each council scheme (the same goal, at most 300), Blue for exceeding also from a
 * Stretch column, and under the Standard scheme with status symbols, whose rules split by the cells' number formats.
 */
export async function measureRulesFor1000KpisUnderSchemes(): Promise<Record<string, number>> {
  const { header, rows } = await appendixRows();
  const found = findTables(repeatedGrid(header, rows, rows.length * 25));
  const schemes: Record<string, Core.Scheme> = {
    cfRulesFor1000KpisGreenAndRedOnly: { kind: "green and red" },
    cfRulesFor1000KpisBlueForExceeding: {
      kind: "blue for exceeding",
      stretch: { value: 0.05, relative: true },
    },
    cfRulesFor1000KpisPercentageOfTarget: { kind: "percentage of target", green: 0.05, amber: 0.1 },
    cfRulesFor1000KpisAmberByDirection: { kind: "amber by direction" },
  };
  const figures: Record<string, number> = {};
  for (const [name, scheme] of Object.entries(schemes))
    figures[name] = planFormatting(found, "Standard", scheme).rules.length;
  figures.cfRulesFor1000KpisBlueFromStretchColumn = planFormatting(
    findTables(withStretchColumn(repeatedGrid(header, rows, rows.length * 25))),
    "Standard",
    { kind: "blue for exceeding" }
  ).rules.length;
  const appraisal = appraiseTables(found);
  figures.cfRulesFor1000KpisWithSymbols = withSymbols(
    formattingPlan(appraisal),
    appraisal
  ).rules.length;
  return figures;
}

/**
 * The grid with a Stretch column after its last: each rated row's stretch 5% of its target beyond it, as
 * Appendix I writes its targets (a percentage as "94.5%"), so rows alike still share their rules.
 */
function withStretchColumn(grid: Core.Grid): Core.Grid {
  const width = Math.max(...grid.values.map((row) => row.length));
  const stretchOf = new Map<number, Core.CellValue>();
  for (const table of findTables(grid).tables)
    for (const row of table.rows) {
      const { standing, unit } = row.definition;
      if (standing.kind !== "rated" || standing.polarity.kind === "range") continue;
      const beyond = standing.target * (standing.polarity.kind === "higher" ? 1.05 : 0.95);
      const figure = Number(beyond.toPrecision(6));
      stretchOf.set(
        row.row,
        unit === "percent" ? `${Number((figure * 100).toPrecision(6))}%` : figure
      );
    }
  const headerRow = grid.values.findIndex((row) =>
    row.some((cell) => typeof cell === "string" && /^target$/i.test(cell.trim()))
  );
  const padded = (row: readonly Core.CellValue[], last: Core.CellValue): Core.CellValue[] => [
    ...row,
    ...Array<Core.CellValue>(width - row.length).fill(null),
    last,
  ];
  return {
    ...grid,
    values: grid.values.map((row, index) =>
      padded(row, index === headerRow ? "Stretch" : (stretchOf.get(index) ?? null))
    ),
    numberFormats: grid.numberFormats.map((row) => [
      ...row,
      ...Array<string>(width - row.length + 1).fill("General"),
    ]),
  };
}

/** A command run as the process it is (node starting, loading, reading, writing): its wall time and peak memory. */
export function runCommand(args: string[]): { ms: number; peakMB: number } {
  const root = path.join(__dirname, "..");
  const start = performance.now();
  const run = spawnSync(process.execPath, [path.join(__dirname, "peak-rss.js"), ...args], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  const stderr = run.stderr.toString();
  if (run.status !== 0) throw new Error(`${args.join(" ")} failed: ${stderr.slice(0, 2000)}`);
  const peak = /peakRSSKB (\d+)/.exec(stderr);
  return { ms, peakMB: peak ? Math.round(Number(peak[1]) / 1024) : NaN };
}

/**
 * kpi-rag and a baseline command (a bare ExcelJS read and write, or the floor of bench/floor.js) on the same
 * workbook, each as a whole command, side by side (alternating, `runs` times each after one warm-up of each),
 * medians compared. kpi-rag writes out.xlsx in `folder`.
 */
export function sideBySide(
  input: string,
  folder: string,
  runs: number,
  baseline = "bare-exceljs.js"
): { ratio: number; cliPeakMB: number; exceljsPeakMB: number } {
  const root = path.join(__dirname, "..");
  const commandArgs = [
    path.join(root, "bin", "kpi-rag.js"),
    input,
    "--out",
    path.join(folder, "out.xlsx"),
    "--force",
  ];
  const bareArgs = [path.join(__dirname, baseline), input, path.join(folder, "bare.xlsx")];
  runCommand(commandArgs);
  runCommand(bareArgs);
  const mine: Array<{ ms: number; peakMB: number }> = [];
  const theirs: Array<{ ms: number; peakMB: number }> = [];
  for (let run = 0; run < runs; run++) {
    theirs.push(runCommand(bareArgs));
    mine.push(runCommand(commandArgs));
  }
  const most = (runs: Array<{ peakMB: number }>): number =>
    runs.reduce((peak, run) => Math.max(peak, run.peakMB), 0);
  return {
    ratio:
      Math.round((median(mine.map((run) => run.ms)) / median(theirs.map((run) => run.ms))) * 100) /
      100,
    cliPeakMB: most(mine),
    exceljsPeakMB: most(theirs),
  };
}

/**
 * cliVsExceljsRatio: the kpi-rag command on the 5,000-row benchmark workbook over a bare ExcelJS read and
 * write of the same file, whole commands side by side, 7 times each. Also the same comparison inside one
 * process, where start-up is not paid (cliVsExceljsInProcessRatio).
 */
export async function measureCliVsExceljs(): Promise<{
  cliVsExceljsRatio: number;
  cliVsExceljsInProcessRatio: number;
}> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "kpi-rag-bench-"));
  try {
    const input = path.join(folder, "kpis-5000.xlsx");
    await writeRepeatedWorkbook(input, 5000);
    const { ratio } = sideBySide(input, folder, 7);
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
    return {
      cliVsExceljsRatio: ratio,
      cliVsExceljsInProcessRatio:
        Math.round((median(inProcessTimes) / median(bareInProcessTimes)) * 100) / 100,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * cli100kVsExceljsRatio and cliPeakMBFor100kRows: the same side by side on a 100,000-row sheet, 3 times
 * each, with the command's peak resident memory (and ExcelJS's, exceljsPeakMBFor100kRows, beside it); then
 * the data flow's figures on the same workbook (cliVsFloorRatio100k, ruleXmlKBFor100kRows: bench/flow.ts).
 */
export async function measureCli100k(): Promise<{
  cli100kVsExceljsRatio: number;
  cliPeakMBFor100kRows: number;
  exceljsPeakMBFor100kRows: number;
  cliVsFloorRatio100k: number;
  ruleXmlKBFor100kRows: number;
}> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "kpi-rag-bench-"));
  try {
    const input = path.join(folder, "kpis-100000.xlsx");
    await writeRepeatedWorkbook(input, 100_000);
    const { ratio, cliPeakMB, exceljsPeakMB } = sideBySide(input, folder, 3);
    return {
      cli100kVsExceljsRatio: ratio,
      cliPeakMBFor100kRows: cliPeakMB,
      exceljsPeakMBFor100kRows: exceljsPeakMB,
      ...(await measureFlowOf100k(input, folder)),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * cliPeakMBFor30kRowsAtXFD: the command's peak resident memory on Appendix I with 30,000 rows under it,
 * each holding one figure in column XFD: the memory follows the cells present, not the sheet's width.
 */
export async function measureCli30kRowsAtXfd(): Promise<{ cliPeakMBFor30kRowsAtXFD: number }> {
  return {
    cliPeakMBFor30kRowsAtXFD: await peakMBOfCommand("xfd-30000.xlsx", (file) =>
      writeFiguresAtXfdWorkbook(file, 30_000)
    ),
  };
}

/** kpi-rag's peak resident memory formatting a workbook that `write` makes in a folder of its own, one run. */
export async function peakMBOfCommand(
  name: string,
  write: (file: string) => Promise<void>
): Promise<number> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "kpi-rag-bench-"));
  try {
    const input = path.join(folder, name);
    await write(input);
    const { peakMB } = runCommand([
      path.join(__dirname, "..", "bin", "kpi-rag.js"),
      input,
      "--out",
      path.join(folder, "out.xlsx"),
      "--force",
    ]);
    return peakMB;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
