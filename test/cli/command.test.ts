import ExcelJS from "exceljs";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appraise, isOwnRule, reportOf, statuses } from "../../src/core";
import { cellValueOf, gridOf } from "../support/xlsx-grid";
import { paintedCells } from "../support/rule-engine";
import { example, kpiRag, scratchPerTest } from "./run-command";
import { formattingsOf, load, ownRules, rulesToJudge } from "./workbook-rules";

const workspace = scratchPerTest();

interface ReportFile {
  sheets: Array<{
    sheet: string;
    tables: Array<{
      rows: Array<{
        row: number;
        measure: string;
        cells: Array<{ address: string; status: string; value: unknown; period: string }>;
      }>;
    }>;
  }>;
}

describe("kpi-rag on the bundled Appendix I workbook", () => {
  it("writes <name>.rag.xlsx beside the input and prints tables, KPIs, statuses per period and problems", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const run = await kpiRag(copies[0]);
    expect(run.error).toEqual([]);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(folder, "appendix-i.rag.xlsx"))).toBe(true);
    const printed = run.out.join("\n");
    // Counted by hand in the workbook: header blocks at rows 4-6, 20-22 and 37-39 over KPI rows 7-18, 23-35
    // and 40-54 (12 + 13 + 15); in 2019/20, rows 13, 17, 18 and 31 are Suspended***, rows 32-34 have no
    // target and row 26's tolerance is on the better side of its target.
    expect(printed).toContain(
      'Sheet "Appendix I": 3 KPI tables (A5:J18, A21:J35, A38:J54), 40 KPIs'
    );
    expect(printed).toMatch(
      /2019\/20 Average: \d+ Green, \d+ Amber, \d+ Red, 4 Suspended, 3 No target, 1 Check definition/
    );
    expect(printed).toContain(
      "Assessments completed within 20 days): the tolerance (15%) is on the better side of the target (25%)"
    );
  });

  it("prints for each period the counts of each status that the report gives its cells", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const report = path.join(folder, "report.json");
    const run = await kpiRag(copies[0], "--report", report);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(readFileSync(report, "utf8")) as ReportFile;
    const cells = parsed.sheets[0].tables.flatMap((table) =>
      table.rows.flatMap((row) => row.cells)
    );
    const periods = [...new Set(cells.map((cell) => cell.period))];
    expect(periods).toEqual(["2019/20 Average", "2020/21 Average", "2021/22 Qtr1", "2021/22 Qtr2"]);
    for (const period of periods) {
      const counted = new Map<string, number>();
      for (const cell of cells.filter((each) => each.period === period))
        counted.set(cell.status, (counted.get(cell.status) ?? 0) + 1);
      // The line lists the statuses in the product's order, leaving out those no cell has.
      const expected = statuses
        .filter((status) => counted.has(status))
        .map((status) => `${counted.get(status)} ${status}`)
        .join(", ");
      expect(run.out).toContain(`  ${period}: ${expected}`);
    }
  });

  it("colours exactly the cells the report rates Green, Amber and Red, each in its colour, as an independent formula engine evaluates the rules", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const report = path.join(folder, "report.json");
    expect((await kpiRag(copies[0], "--report", report)).code).toBe(0);
    const formatted = await load(path.join(folder, "appendix-i.rag.xlsx"));
    const worksheet = formatted.getWorksheet("Appendix I")!;
    const grid = gridOf(worksheet);
    const rules = rulesToJudge(worksheet);
    const painted = paintedCells(grid.values, rules);
    const expected = new Map<string, string>();
    const colours: Record<string, string> = { Green: "#C6EFCE", Amber: "#FFEB9C", Red: "#FFC7CE" };
    const parsed = JSON.parse(readFileSync(report, "utf8")) as ReportFile;
    const reported = parsed.sheets[0].tables.flatMap((table) =>
      table.rows.flatMap((row) => row.cells)
    );
    for (const cell of reported)
      if (colours[cell.status]) expected.set(cell.address, colours[cell.status]);
    // The workbook has figures of every colour, so an empty or one-coloured sheet cannot pass.
    expect(new Set(expected.values())).toEqual(new Set(Object.values(colours)));
    expect(Object.fromEntries([...painted].sort())).toEqual(
      Object.fromEntries([...expected].sort())
    );
  });

  it("writes rules whose colours follow a target the analyst edits afterwards in Excel, as the edited sheet's report rates it", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    expect((await kpiRag(copies[0])).code).toBe(0);
    const worksheet = (await load(path.join(folder, "appendix-i.rag.xlsx"))).getWorksheet(
      "Appendix I"
    )!;
    const grid = gridOf(worksheet);
    // Row 7's target 90% lowered to 88%: its 89% in 2020/21 goes from Amber to Green without applying again.
    expect(grid.values[6].slice(1, 5)).toEqual([
      "Assessments completed within <45 days",
      "Bigger is better",
      0.9,
      0.75,
    ]);
    grid.values[6][3] = 0.88;
    const colours: Record<string, string> = { Green: "#C6EFCE", Amber: "#FFEB9C", Red: "#FFC7CE" };
    const expected = Object.fromEntries(
      reportOf(appraise(grid))
        .tables.flatMap((table) => table.rows.flatMap((row) => row.cells))
        .filter((cell) => colours[cell.status])
        .map((cell) => [cell.address, colours[cell.status]])
        .sort()
    );
    const painted = Object.fromEntries(
      [...paintedCells(grid.values, rulesToJudge(worksheet))].sort()
    );
    expect(painted).toEqual(expected);
    expect(painted.H7).toBe(colours.Green);
  });

  it("reports every period cell of every KPI row, empty future periods too, in the product's vocabulary", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const report = path.join(folder, "report.json");
    await kpiRag(copies[0], "--report", report);
    const parsed = JSON.parse(readFileSync(report, "utf8")) as ReportFile;
    const rows = parsed.sheets[0].tables.flatMap((table) => table.rows);
    // Every row with a measure under the three header blocks, as read off the workbook by hand.
    const span = (first: number, last: number) =>
      Array.from({ length: last - first + 1 }, (_, index) => first + index);
    expect(rows.map((row) => row.row)).toEqual([...span(7, 18), ...span(23, 35), ...span(40, 54)]);
    for (const row of rows) {
      expect(row.cells.map((cell) => cell.period)).toEqual([
        "2019/20 Average",
        "2020/21 Average",
        "2021/22 Qtr1",
        "2021/22 Qtr2",
      ]);
      for (const cell of row.cells) expect(statuses).toContain(cell.status);
    }
    const audits = rows.find((row) => row.measure === "Case file audits graded good")!;
    expect(audits.cells.slice(0, 3).map((cell) => cell.status)).toEqual([
      "No target",
      "No target",
      "No target",
    ]);
    const reoffending = rows.find((row) => row.measure.startsWith("Young offenders"))!;
    expect(reoffending.cells[2]).toMatchObject({ value: "Not Available", status: "No data" });
    expect(reoffending.cells[3]).toMatchObject({ value: null, status: "No data" });
  });

  it("never changes its input and keeps every value, number format, fill and merge of it in the output", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const bytes = readFileSync(copies[0]);
    const modified = statSync(copies[0]).mtimeMs;
    expect((await kpiRag(copies[0])).code).toBe(0);
    expect(readFileSync(copies[0]).equals(bytes)).toBe(true);
    expect(statSync(copies[0]).mtimeMs).toBe(modified);
    const input = (await load(copies[0])).getWorksheet("Appendix I")!;
    const output = (await load(path.join(folder, "appendix-i.rag.xlsx"))).getWorksheet(
      "Appendix I"
    )!;
    // Every cell either sheet holds, so a cell lost or added shows as well as one changed.
    const cellsOf = (worksheet: ExcelJS.Worksheet) => {
      const cells: Record<string, unknown> = {};
      worksheet.eachRow({ includeEmpty: true }, (row) => {
        row.eachCell({ includeEmpty: true }, (cell) => {
          cells[cell.address] = {
            value: cellValueOf(cell.value),
            numberFormat: cell.numFmt,
            fill: cell.fill,
          };
        });
      });
      return cells;
    };
    const before = cellsOf(input);
    expect(before).toMatchObject({
      B5: { value: "Measure" },
      G7: { value: 0.91, numberFormat: expect.stringContaining("%") },
    });
    expect(cellsOf(output)).toEqual(before);
    expect((output.model as { merges: string[] }).merges.sort()).toEqual(
      (input.model as { merges: string[] }).merges.sort()
    );
  });

  it("keeps the analyst's own conditional format, and applying twice gives the same rules as applying once", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const once = path.join(folder, "once.xlsx");
    const twice = path.join(folder, "twice.xlsx");
    expect((await kpiRag(copies[0], "--out", once)).code).toBe(0);
    expect((await kpiRag(once, "--out", twice)).code).toBe(0);
    const first = (await load(once)).getWorksheet("Appendix I")!;
    const second = (await load(twice)).getWorksheet("Appendix I")!;
    const analysts = (worksheet: ExcelJS.Worksheet) =>
      formattingsOf(worksheet).flatMap((formatting) =>
        formatting.rules
          .filter((rule) => !(rule.formulae ?? []).some(isOwnRule))
          .map((rule) => ({ ref: formatting.ref, formulae: rule.formulae }))
      );
    expect(analysts(first)).toEqual([{ ref: "K7:K54", formulae: ['ISNUMBER(SEARCH("late",K7))'] }]);
    expect(analysts(second)).toEqual(analysts(first));
    const rules = (worksheet: ExcelJS.Worksheet) =>
      ownRules(worksheet).map(({ ref, rule }) => ({
        ref,
        formulae: rule.formulae,
        fill: rule.style?.fill?.bgColor?.argb,
      }));
    // Rules of all three colours, so two empty lists cannot pass for the same rules.
    expect(new Set(rules(first).map((rule) => rule.fill))).toEqual(
      new Set(["FFC6EFCE", "FFFFEB9C", "FFFFC7CE"])
    );
    expect(rules(second)).toEqual(rules(first));
  });

  it("--remove takes away only its own rules, leaving the workbook's rules as they were before formatting", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const formatted = path.join(folder, "formatted.xlsx");
    const removed = path.join(folder, "removed.xlsx");
    await kpiRag(copies[0], "--out", formatted);
    const run = await kpiRag(formatted, "--remove", "--out", removed);
    expect(run.code).toBe(0);
    const own = ownRules((await load(formatted)).getWorksheet("Appendix I")!);
    expect(own.length).toBeGreaterThan(0);
    expect(run.out[0]).toMatch(new RegExp(`^Removed ${own.length} KPI RAG rules`));
    const original = (await load(copies[0])).getWorksheet("Appendix I")!;
    const after = (await load(removed)).getWorksheet("Appendix I")!;
    const simplify = (worksheet: ExcelJS.Worksheet) =>
      formattingsOf(worksheet).map((formatting) => ({
        ref: formatting.ref,
        formulae: formatting.rules.map((rule) => rule.formulae),
      }));
    expect(simplify(after)).toEqual(simplify(original));
  });

  it("--tolerance Covid19 rates Front line staff supervision at 84% Amber against the Covid tolerance of 70%", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const report = path.join(folder, "covid.json");
    expect((await kpiRag(copies[0], "--tolerance", "covid19", "--report", report)).code).toBe(0);
    const parsed = JSON.parse(readFileSync(report, "utf8")) as ReportFile & {
      toleranceSet: string;
    };
    expect(parsed.toleranceSet).toBe("Covid19");
    const supervision = parsed.sheets[0].tables
      .flatMap((table) => table.rows)
      .find((row) => row.measure.startsWith("Front line staff"))!;
    expect(supervision.cells.slice(0, 3).map((cell) => cell.status)).toEqual([
      "Amber",
      "Amber",
      "Amber",
    ]);
    const suspended = parsed.sheets[0].tables
      .flatMap((table) => table.rows)
      .find((row) => row.measure.startsWith("Care leavers the Trust"))!;
    expect(suspended.cells[0].status).toBe("Green");
  });
});

describe("kpi-rag on Appendix A, rated from its KPIRegister table", () => {
  it("offers the register's Covid19 tolerance set although the sheet has no such column", async () => {
    const { copies } = workspace(example("appendix-a.xlsx"));
    const run = await kpiRag(copies[0], "--tolerance", "Covid19");
    expect(run.error).toEqual([]);
    // Rows 5-46 hold a KPI number each but the five section rows (25, 32, 34, 37, 41): 42 - 5 KPIs.
    expect(run.out[0]).toMatch(
      /^Sheet "Appendix A": 1 KPI table \(A3:F46\), 37 KPIs, tolerance set Covid19/
    );
  });
});

describe("kpi-rag on a workbook no spreadsheet has calculated", () => {
  it("lists a formula with no calculated result as a problem and colours nothing for it, rather than read it as blank", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const workbook = await load(copies[0]);
    workbook.getWorksheet("Appendix I")!.getCell("J7").value = {
      formula: "G7+0",
    } as ExcelJS.CellFormulaValue;
    const uncalculated = path.join(folder, "uncalculated.xlsx");
    await workbook.xlsx.writeFile(uncalculated);
    const report = path.join(folder, "report.json");
    expect((await kpiRag(uncalculated, "--report", report)).code).toBe(0);
    const parsed = JSON.parse(readFileSync(report, "utf8")) as ReportFile & {
      sheets: Array<{ tables: Array<{ rows: Array<{ problems: string[] }> }> }>;
    };
    const row = parsed.sheets[0].tables[0].rows[0];
    expect(row.problems).toContain(
      "J7: the formula has not been calculated yet (open and save the workbook in Excel), not a figure"
    );
    const rules = ownRules(
      (await load(path.join(folder, "uncalculated.rag.xlsx"))).getWorksheet("Appendix I")!
    );
    expect(rules.some(({ ref }) => ref.split(" ").some((area) => area.includes("J7")))).toBe(false);
  });
});
