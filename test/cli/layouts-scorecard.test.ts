/**
 * kpi-rag on the bundled layouts scorecard (examples/layouts-scorecard.xlsx, made by
 * scripts/layouts-scorecard.ts): a benchmarking report with headers merged down two rows, a target per
 * year and a tolerance in percentage points, and a monthly pack of Actual / Target / Tolerance rows. Each
 * status below is worked out by hand from PRODUCT.md, and the colours are judged by an independent
 * formula engine on the written file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gridOf } from "../support/xlsx-grid";
import { paintedCells } from "../support/rule-engine";
import { parseAddress } from "../support/a1";
import { example, kpiRag, scratchPerTest } from "./run-command";
import { load, ownRules, rulesToJudge } from "./workbook-rules";

const workspace = scratchPerTest();

/** The Benchmarking sheet's rows 5 … 9, years 2021/22 … 2023/24 in G … I. */
const benchmarking: Record<string, string> = {
  // Smaller is better; 2021/22 has no target of its own and there is no unqualified one.
  G5: "No target",
  // 23.8% against 2022/23's 22% and 3 points: amber up to 25% (3% of 22% would make it Red).
  H5: "Amber",
  // 19.5% against 2023/24's 20%.
  I5: "Green",
  G6: "No target",
  // Bigger is better, 5 points: 81% against 85% (amber from 80%); 84% against 90% (amber from 85%).
  H6: "Amber",
  I6: "Red",
  // "Lower figure is better"; c is a suppressed figure, No data whatever the year's thresholds.
  G7: "No data",
  H7: "Green",
  // 22.1% against 18% and 4 points: beyond 22%.
  I7: "Red",
  G8: "No target",
  H8: "Green",
  // 57.5% against 60% less 3 points (57%); 3% of 60% would make the floor 58.2% and this Red.
  I8: "Amber",
  // Context: a rate per 10,000 with no target.
  G9: "No target",
  H9: "No target",
  I9: "No target",
};

/** The Monthly sheet's Actual rows (5, 9, 13), Apr-23 … Sep-23 in C … H, each by its own month's thresholds. */
const monthly: Record<string, string> = {
  // Bigger is better: 95% / 90% to June, then 97% / 92%; September not yet in.
  C5: "Green",
  D5: "Amber",
  E5: "Red",
  F5: "Amber",
  G5: "Red",
  H5: "No data",
  // Smaller is better, caseloads of 18 / 20: 18.5, 19 and 20 are Amber, 21 Red.
  C9: "Green",
  D9: "Amber",
  E9: "Amber",
  F9: "Red",
  G9: "Amber",
  H9: "Green",
  // Smaller is better, target 22% and no tolerance row: Green or Red; 22% itself meets it.
  C13: "Green",
  D13: "Red",
  E13: "Green",
  F13: "Green",
  G13: "No data",
  H13: "Red",
};

const expected: Record<string, Record<string, string>> = {
  Benchmarking: benchmarking,
  Monthly: monthly,
};

interface ReportFile {
  skippedSheets: Array<{ sheet: string; reason: string }>;
  sheets: Array<{
    sheet: string;
    tables: Array<{
      columnMap: string;
      rows: Array<{ cells: Array<{ address: string; status: string; reason: string }> }>;
    }>;
  }>;
}

async function run(): Promise<{ report: ReportFile; formatted: string }> {
  const { copies, folder } = workspace(example("layouts-scorecard.xlsx"));
  const reportFile = path.join(folder, "report.json");
  const formatted = path.join(folder, "out.xlsx");
  const result = await kpiRag(copies[0], "--out", formatted, "--report", reportFile);
  expect(result.error).toEqual([]);
  expect(result.code).toBe(0);
  return { report: JSON.parse(readFileSync(reportFile, "utf8")) as ReportFile, formatted };
}

/** A sheet's rated cells in the report, address to status. */
function statusesOf(report: ReportFile, sheet: string): Record<string, string> {
  const tables = report.sheets.find((entry) => entry.sheet === sheet)?.tables ?? [];
  return Object.fromEntries(
    tables.flatMap((table) =>
      table.rows.flatMap((row) => row.cells.map((cell) => [cell.address, cell.status]))
    )
  );
}

const colours: Record<string, string> = { Green: "#C6EFCE", Amber: "#FFEB9C", Red: "#FFC7CE" };

describe("kpi-rag on the bundled layouts scorecard", () => {
  it("rates every year of the benchmarking report by that year's target and the tolerance in points", async () => {
    const { report } = await run();
    expect(statusesOf(report, "Benchmarking")).toEqual(benchmarking);
  });

  it("rates only the monthly pack's Actual cells, each by its own month's target and tolerance", async () => {
    const { report } = await run();
    expect(statusesOf(report, "Monthly")).toEqual(monthly);
  });

  it("skips no sheet", async () => {
    const { report } = await run();
    expect(report.skippedSheets).toEqual([]);
  });

  it("gives the comparators (J, K) of the benchmarking report no rule", async () => {
    const { formatted } = await run();
    const worksheet = (await load(formatted)).getWorksheet("Benchmarking")!;
    for (const { ref } of ownRules(worksheet))
      for (const area of ref.split(" ")) expect(parseAddress(area)!.area.right).toBeLessThan(9);
  });

  it("gives the monthly pack's name, Target and Tolerance rows no rule", async () => {
    const { formatted } = await run();
    const worksheet = (await load(formatted)).getWorksheet("Monthly")!;
    const actualRows = new Set([4, 8, 12]);
    for (const { ref } of ownRules(worksheet))
      for (const area of ref.split(" ")) {
        const { top, bottom } = parseAddress(area)!.area;
        for (let row = top; row <= bottom; row++) expect(actualRows).toContain(row);
      }
  });

  for (const sheet of Object.keys(expected))
    it(`colours exactly the Green, Amber and Red cells of ${sheet}, as an independent formula engine reads the written rules`, async () => {
      const { formatted } = await run();
      const worksheet = (await load(formatted)).getWorksheet(sheet)!;
      const painted = paintedCells(gridOf(worksheet).values, rulesToJudge(worksheet));
      const wanted = Object.entries(expected[sheet]).flatMap(([address, status]) =>
        colours[status] ? [[address, colours[status]]] : []
      );
      expect(Object.fromEntries([...painted].sort())).toEqual(Object.fromEntries(wanted.sort()));
    });
});
