/**
 * The data flow's figures (issue 20): the first detection in a fresh process, kpi-rag against the floor of any
 * lossless editor, the size of the rules it writes, and its memory at Excel's maximum. Like the rest of the
 * bench, they run the compiled code in lib/.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type * as Zip from "../src/cli/zip";
import { median, peakMBOfCommand, sideBySide } from "./formatting";
import { appendixRows, repeatedGrid, writeRepeatedWorkbookStreamed } from "./sheets";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ZipPackage } = require("../lib/cli/zip") as typeof Zip;

/** How many fresh processes coldDetectMsFor10000Rows takes the median of. */
const coldRuns = 7;

/**
 * coldDetectMsFor10000Rows: finding the tables and planning the rules of detectMsFor10000Rows's sheet, the first
 * time in a fresh Node process (bench/cold-detect.js: nothing compiled yet), the median of 7 processes.
 */
export async function measureColdDetection(): Promise<number> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "kpi-rag-bench-"));
  try {
    const { header, rows } = await appendixRows();
    const gridFile = path.join(folder, "grid.json");
    writeFileSync(gridFile, JSON.stringify(repeatedGrid(header, rows, 10_000)));
    const samples: number[] = [];
    for (let run = 0; run < coldRuns; run++) {
      const child = spawnSync(
        process.execPath,
        [path.join(__dirname, "cold-detect.js"), gridFile],
        {
          encoding: "utf8",
        }
      );
      const sample = /coldDetectMs ([\d.]+)/.exec(child.stdout);
      if (child.status !== 0 || !sample)
        throw new Error(`the cold detection failed: ${child.stderr.slice(0, 2000)}`);
      samples.push(Number(sample[1]));
    }
    return Math.round(median(samples) * 10) / 10;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * cliVsFloorRatio100k: kpi-rag against bench/floor.js (inflate the sheet, scan it once, deflate it, copy the
 * other parts) on the 100,000-row workbook, side by side, 7 times each (with 3, the ratio of the medians moved
 * between 2.8 and 3.2 from one bench to the next on a 2-core machine); and ruleXmlKBFor100kRows, the size of
 * the <conditionalFormatting> blocks kpi-rag wrote into that sheet.
 */
export async function measureFlowOf100k(
  input: string,
  folder: string
): Promise<{ cliVsFloorRatio100k: number; ruleXmlKBFor100kRows: number }> {
  const { ratio } = sideBySide(input, folder, 7, "floor.js");
  return {
    cliVsFloorRatio100k: ratio,
    ruleXmlKBFor100kRows: Math.round((await ruleXmlBytes(path.join(folder, "out.xlsx"))) / 1024),
  };
}

/** The bytes of every <conditionalFormatting> block in a workbook's worksheets. */
async function ruleXmlBytes(file: string): Promise<number> {
  const zip = await ZipPackage.open(file, file);
  try {
    let bytes = 0;
    for (const entry of zip.entries) {
      if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) continue;
      const part = (await zip.readPart(entry, file)).toString("utf8");
      for (const block of part.matchAll(
        /<(?:\w+:)?conditionalFormatting\b[\s\S]*?<\/(?:\w+:)?conditionalFormatting>/g
      ))
        bytes += Buffer.byteLength(block[0]);
    }
    if (bytes === 0) throw new Error("kpi-rag wrote no rules into the 100,000-row workbook");
    return bytes;
  } finally {
    await zip.close();
  }
}

/** Excel's last row: a sheet at Excel's maximum holds its header rows and KPI rows down to it. */
const excelRows = 1_048_576;

/**
 * cliPeakMBFor1MRows: kpi-rag's peak resident memory on Appendix I's rows repeated down to Excel's last row
 * (written through ExcelJS's streaming writer, which takes a couple of minutes), one run.
 */
export async function measureCliAtExcelMaximum(): Promise<{ cliPeakMBFor1MRows: number }> {
  const { header } = await appendixRows();
  return {
    cliPeakMBFor1MRows: await peakMBOfCommand("kpis-at-excel-maximum.xlsx", (file) =>
      writeRepeatedWorkbookStreamed(file, excelRows - header.values.length)
    ),
  };
}
