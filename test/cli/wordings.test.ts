/**
 * kpi-rag on a scorecard in other councils' wordings (test/core/wordings-scorecard.ts): polarity codes and
 * phrases, thresholds in words, a ±5% margin, a context measure, suppression symbols and TBC, all read by
 * the one core, with the statuses worked out by hand there.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { scorecardRows, scorecardStatuses } from "../core/wordings-scorecard";
import { kpiRag } from "./run-command";

let folders: string[] = [];
afterEach(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders = [];
});

/** The shared scorecard written as Excel stores what the analyst typed: a period's "96%" is 0.96 formatted 0%. */
async function scorecardFile(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Scorecard");
  scorecardRows.forEach((row, index) =>
    row.forEach((cell, column) => {
      if (cell === null || typeof cell === "object") return;
      const target = sheet.getCell(index + 1, column + 1);
      const typedPercent =
        column >= 4 && typeof cell === "string" ? /^(\d+(?:\.\d+)?)%$/.exec(cell) : null;
      if (typedPercent) {
        target.value = Number(typedPercent[1]) / 100;
        target.numFmt = "0%";
      } else target.value = cell;
    })
  );
  const folder = mkdtempSync(path.join(os.tmpdir(), "kpi-rag-wordings-"));
  folders.push(folder);
  const file = path.join(folder, "scorecard.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

interface ReportFile {
  sheets: Array<{
    tables: Array<{
      rows: Array<{
        measure: string;
        cells: Array<{ address: string; status: string; reason: string }>;
      }>;
    }>;
  }>;
}

describe("kpi-rag on a scorecard in other councils' wordings", () => {
  it("rates every figure by its row's own wording, in the report", async () => {
    const file = await scorecardFile();
    const report = path.join(path.dirname(file), "report.json");
    const run = await kpiRag(file, "--report", report);
    expect(run.error).toEqual([]);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(readFileSync(report, "utf8")) as ReportFile;
    const cells = parsed.sheets.flatMap((sheet) =>
      sheet.tables.flatMap((table) => table.rows.flatMap((row) => row.cells))
    );
    expect(Object.fromEntries(cells.map((cell) => [cell.address, cell.status]))).toEqual(
      scorecardStatuses
    );
    const reason = (address: string) => cells.find((cell) => cell.address === address)!.reason;
    expect(reason("F2")).toContain(
      '"±5%" read as 5% of the target\'s value below the target: 90.25%'
    );
    expect(reason("E5")).toContain("suppressed to protect confidentiality");
  });
});
