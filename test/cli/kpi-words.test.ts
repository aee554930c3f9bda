import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { kpiRag, scratch } from "./run-command";

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

/** A council scorecard numbered in a No. column, in words the KPI Register sheet's KPIWords table teaches. */
async function councilWorkbook(folder: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const scorecard = workbook.addWorksheet("Scorecard");
  scorecard.addRow([
    "No.",
    "Indicator",
    "Good is",
    "Aspiration",
    "Lowest acceptable",
    "Q1",
    "Q2",
    "RAG",
    "England",
  ]);
  scorecard.addRow([
    18,
    "Children in care with 3 or more placements in the year",
    "Smaller is better",
    "10%",
    "12%",
    0.09,
    0.13,
    "Red",
    0.1,
  ]);
  scorecard.addRow([
    19,
    "Children in care at the end of the quarter",
    null,
    null,
    null,
    598,
    612,
    null,
    null,
  ]);
  for (const address of ["F2", "G2", "I2"]) scorecard.getCell(address).numFmt = "0%";
  const register = workbook.addWorksheet("KPI Register");
  register.addRow(["Word", "Means"]);
  register.addRow(["Aspiration", "Target"]);
  register.addRow(["Lowest acceptable", "Tolerance"]);
  register.addRow(["Sort of", "Target"]);
  register.addRow(["Sort of", "Tolerance"]);
  const file = path.join(folder, "council.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("kpi-rag with a workbook that teaches its own words", () => {
  it("reads the headers the KPIWords table teaches, rates row 18 by its own thresholds, and says what it read and skipped", async () => {
    const space = scratch();
    cleanup = space.cleanup;
    const input = await councilWorkbook(space.folder);
    const report = path.join(space.folder, "council.json");
    const run = await kpiRag(input, "--report", report);
    expect(run.error).toEqual([]);
    expect(run.out).toContain(
      "  Columns of A1:G3: A row reference (No.), B measure (Indicator), C polarity (Good is), D target (Aspiration), E tolerance (Lowest acceptable), F–G periods; H RAG, I England left alone"
    );
    expect(run.out).toContain(
      'Sheet "KPI Register" was skipped: it holds the KPI register, which the ratings are read from, not KPI figures to rate.'
    );
    expect(run.out.join("\n")).toContain('Row 5 of KPIWords: "Sort of" is taught twice');
    const written = JSON.parse(readFileSync(report, "utf8")) as {
      skippedSheets: unknown[];
      sheets: Array<{
        tables: Array<{
          rows: Array<{ measure: string; source: string; cells: Array<{ status: string }> }>;
        }>;
      }>;
    };
    const rows = written.sheets[0].tables[0].rows.map((row) => [
      row.measure,
      row.source,
      ...row.cells.map((cell) => cell.status),
    ]);
    // 9% and 13% against 10% and 12%, smaller is better: Green, then Red above the tolerance.
    expect(rows).toEqual([
      ["Children in care with 3 or more placements in the year", "sheet", "Green", "Red"],
      ["Children in care at the end of the quarter", "sheet", "No target", "No target"],
    ]);
    expect(written.skippedSheets).toEqual([
      {
        sheet: "KPI Register",
        reason:
          "it holds the KPI register, which the ratings are read from, not KPI figures to rate",
      },
    ]);
  });
});
