/**
 * kpi-rag on a scorecard with England, SN and North East under a merged "Latest benchmarks (2021/22)"
 * and a rank column: the report's comparisons, the printed line per benchmark, and no rule on them.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cellAddress, type RowReport } from "../../src/core";
import { latestBenchmarks } from "../core/benchmark-scorecards";
import { kpiRag } from "./run-command";

const folder = mkdtempSync(path.join(os.tmpdir(), "kpi-rag-benchmarks-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function scorecardFile(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(latestBenchmarks.sheet);
  latestBenchmarks.values.forEach((row, rowIndex) =>
    row.forEach((value, column) => {
      if (value !== null)
        sheet.getCell(cellAddress({ row: rowIndex, column })).value = value as ExcelJS.CellValue;
    })
  );
  for (const merge of latestBenchmarks.merges)
    sheet.mergeCells(merge.top + 1, merge.left + 1, merge.bottom + 1, merge.right + 1);
  const file = path.join(folder, "scorecard.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("kpi-rag on a scorecard with benchmark columns", () => {
  it("reports each row's comparisons, prints one line per benchmark and colours only the periods", async () => {
    const input = await scorecardFile();
    const report = path.join(folder, "report.json");
    const output = path.join(folder, "scorecard.rag.xlsx");
    const run = await kpiRag(input, "--out", output, "--report", report);
    expect(run.error).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("  Better than England 2021/22: 1 of 3 KPIs (1 worse, 1 the same)");
    expect(run.out).toContain(
      "  Better than Statistical neighbours 2021/22: 2 of 3 KPIs (1 worse, 0 the same)"
    );

    const written = JSON.parse(readFileSync(report, "utf8")) as {
      sheets: Array<{ tables: Array<{ rows: RowReport[] }> }>;
    };
    const rows = written.sheets[0].tables[0].rows;
    expect(rows[1].comparisons[0]).toEqual({
      benchmark: "England",
      year: "2021/22",
      value: "89%",
      figure: "86%",
      period: "2021/22",
      verdict: "Worse",
      difference: "3 points",
      reason: "86% is worse than England 2021/22 (89%) by 3 points",
    });
    expect(rows[0].rankings).toEqual([{ label: "SN rank", text: "3rd of 11" }]);

    const formatted = new ExcelJS.Workbook();
    await formatted.xlsx.readFile(output);
    const refs = (
      (
        formatted.getWorksheet(latestBenchmarks.sheet) as unknown as {
          conditionalFormattings: Array<{ ref: string }>;
        }
      ).conditionalFormattings ?? []
    ).map((formatting) => formatting.ref);
    expect(refs.length).toBeGreaterThan(0);
    expect(
      refs.every((ref) => ref.split(/\s+/).every((area) => /^[FG]\d+(:[FG]\d+)?$/.test(area)))
    ).toBe(true);
  });
});
