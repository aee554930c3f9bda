/**
 * kpi-rag on a scorecard in other councils' wordings: polarity codes and phrases, thresholds in words, a
 * ±5% margin, a context measure, suppression symbols and TBC, all read by the one core. Statuses worked
 * out by hand from PRODUCT.md.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { kpiRag } from "./run-command";

let folders: string[] = [];
afterEach(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders = [];
});

type Cell = string | number | null;
const percent = (fraction: number) => ({ value: fraction, numFmt: "0%" });

async function scorecardFile(): Promise<string> {
  const rows: Array<Array<Cell | { value: number; numFmt: string }>> = [
    ["Measure", "Polarity", "Target", "Tolerance", "2021/22", "2022/23"],
    ["Care leavers the council is in touch with", "H", "95%", "±5%", percent(0.96), percent(0.91)],
    ["Re-referrals within 12 months", "L", "Less than 22%", "28%", percent(0.22), percent(0.21)],
    ["Children in care", "Monitoring only", null, null, 612, 598],
    ["Children on a plan for a second time", "Aim to reduce", "No more than 15%", "20%", "c", percent(0.15)],
    ["EHC plans issued within 20 weeks", "Good is: High", "At least 60%", "5 points", "TBC", percent(0.55)],
  ];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Scorecard");
  rows.forEach((row, index) =>
    row.forEach((cell, column) => {
      const target = sheet.getCell(index + 1, column + 1);
      if (cell !== null && typeof cell === "object") {
        target.value = cell.value;
        target.numFmt = cell.numFmt;
      } else if (cell !== null) target.value = cell;
    }),
  );
  const folder = mkdtempSync(path.join(os.tmpdir(), "kpi-rag-wordings-"));
  folders.push(folder);
  const file = path.join(folder, "scorecard.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

interface ReportFile {
  sheets: Array<{ tables: Array<{ rows: Array<{ measure: string; cells: Array<{ address: string; status: string; reason: string }> }> }> }>;
}

describe("kpi-rag on a scorecard in other councils' wordings", () => {
  it("rates every figure by its row's own wording, in the report", async () => {
    const file = await scorecardFile();
    const report = path.join(path.dirname(file), "report.json");
    const run = await kpiRag(file, "--report", report);
    expect(run.error).toEqual([]);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(readFileSync(report, "utf8")) as ReportFile;
    const cells = parsed.sheets.flatMap((sheet) => sheet.tables.flatMap((table) => table.rows.flatMap((row) => row.cells)));
    expect(Object.fromEntries(cells.map((cell) => [cell.address, cell.status]))).toEqual({
      E2: "Green",
      F2: "Amber",
      E3: "Amber",
      F3: "Green",
      E4: "No target",
      F4: "No target",
      E5: "No data",
      F5: "Green",
      E6: "No data",
      F6: "Amber",
    });
    const reason = (address: string) => cells.find((cell) => cell.address === address)!.reason;
    expect(reason("F2")).toContain('"±5%" read as 5% of the target\'s value below the target: 90.25%');
    expect(reason("E5")).toContain("suppressed to protect confidentiality");
  });
});
