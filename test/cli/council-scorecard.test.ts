/**
 * kpi-rag on the bundled council scorecard (examples/council-scorecard.xlsx, made by
 * scripts/council-scorecard.ts): other councils' wordings, a two-row header, benchmarks beside the periods,
 * a context row numbered 18 and a sheet with nothing to rate. Each status below is worked out by hand from
 * PRODUCT.md, and the colours are judged by an independent formula engine on the written file.
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

/** Row 6 … 12 of the Scorecard sheet, periods 2022/23 Q1 … Q4 in F … I. */
const expected: Record<string, string> = {
  // L, "Less than 22%" (strict), tolerance 25%: 21.4% meets it, 22.6% is within 25%, 25.1% is not; Q4 blank.
  F6: "Green",
  G6: "Amber",
  H6: "Red",
  I6: "No data",
  // H, "At least 90%" (inclusive), floor 80%: 93%, 87%, 78%; "Data to be supplied" is not a figure.
  F7: "Green",
  G7: "Amber",
  H7: "Red",
  I7: "No data",
  // L, 10% ± 5% of 10%: amber up to 10.5%. 9.2%, 10.4%, 10.8%, and 10% itself.
  F9: "Green",
  G9: "Amber",
  H9: "Red",
  I9: "Green",
  // H, 60% less 5 points: amber from 55%. 62%, 57%, c (suppressed), 54%.
  F10: "Green",
  G10: "Amber",
  H10: "No data",
  I10: "Red",
  // No. 18 is a row number, not KPI-18: "Monitoring only" with no target is a context measure.
  F11: "No target",
  G11: "No target",
  H11: "No target",
  I11: "No target",
  // L, "No more than 18%" (inclusive), tolerance 23%: 18%, 20%, 23.1%, 17.5%.
  F12: "Green",
  G12: "Amber",
  H12: "Red",
  I12: "Green",
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

async function run(): Promise<{ out: string; report: ReportFile; formatted: string }> {
  const { copies, folder } = workspace(example("council-scorecard.xlsx"));
  const reportFile = path.join(folder, "report.json");
  const formatted = path.join(folder, "out.xlsx");
  const result = await kpiRag(copies[0], "--out", formatted, "--report", reportFile);
  expect(result.error).toEqual([]);
  expect(result.code).toBe(0);
  return {
    out: result.out.join("\n"),
    report: JSON.parse(readFileSync(reportFile, "utf8")) as ReportFile,
    formatted,
  };
}

describe("kpi-rag on the bundled council scorecard", () => {
  it("rates each period cell as worked out by hand, the context row numbered 18 included", async () => {
    const { report } = await run();
    const cells = report.sheets[0].tables.flatMap((table) =>
      table.rows.flatMap((row) => row.cells)
    );
    expect(Object.fromEntries(cells.map((cell) => [cell.address, cell.status]))).toEqual(expected);
    const reason = (address: string) => cells.find((cell) => cell.address === address)!.reason;
    expect(reason("G9")).toContain("10.5%");
    expect(reason("H10")).toContain("suppressed");
  });

  it("says how it read the columns, leaving DoT, RAG, England, SN and Commentary alone", async () => {
    const { out, report } = await run();
    const columnMap = report.sheets[0].tables[0].columnMap;
    expect(columnMap).toContain("F–I periods");
    expect(columnMap).toContain("J DoT, K RAG, L England, M SN, N Commentary left alone");
    expect(out).toContain(columnMap);
  });

  it("says why the Dashboard sheet was skipped, in the output and the report", async () => {
    const { out, report } = await run();
    expect(report.skippedSheets.map((skipped) => skipped.sheet)).toEqual(["Dashboard"]);
    expect(report.skippedSheets[0].reason).toContain("no polarity, target or KPI number column");
    expect(out).toContain('Sheet "Dashboard" was skipped');
  });

  it("colours exactly the Green, Amber and Red cells, and nothing in columns J to N, as an independent formula engine reads the written rules", async () => {
    const { formatted } = await run();
    const worksheet = (await load(formatted)).getWorksheet("Scorecard")!;
    for (const { ref } of ownRules(worksheet))
      for (const area of ref.split(" ")) expect(parseAddress(area)!.area.right).toBeLessThan(9);
    const colours: Record<string, string> = { Green: "#C6EFCE", Amber: "#FFEB9C", Red: "#FFC7CE" };
    const painted = paintedCells(gridOf(worksheet).values, rulesToJudge(worksheet));
    const wanted = Object.entries(expected).flatMap(([address, status]) =>
      colours[status] ? [[address, colours[status]]] : []
    );
    expect(Object.fromEntries([...painted].sort())).toEqual(Object.fromEntries(wanted.sort()));
  });
});
