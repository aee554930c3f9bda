import { describe, expect, it } from "vitest";
import path from "node:path";
import {
  builtInRegister,
  findTables,
  type GridArea,
  reportOf,
  type TableReport,
} from "../../src/core";
import { gridOf, readWorkbookFile } from "../support/xlsx-grid";
import {
  applyRagFormatting,
  copySheetWithValues,
  readActiveSheet,
  removeRagFormatting,
  selectSheetRow,
  writePlan,
} from "../../src/excel/active-sheet";
import { checkRequirements, detectCapabilities } from "../../src/excel/requirements";
import { runExcel } from "../../src/excel/run";
import { paintedCells } from "../support/rule-engine";
import { examples, installedHost, ownRulesOf, sheetValues } from "./appendix-host";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";

const colours: Record<string, string> = { Green: "#C6EFCE", Amber: "#FFEB9C", Red: "#FFC7CE" };

/** The fill Excel should show on each cell the report rates Green, Amber or Red. */
function expectedPaint({ tables }: { tables: TableReport[] }): Record<string, string> {
  const cells = tables
    .flatMap((table) => table.rows.flatMap((row) => row.cells))
    .filter((cell) => colours[cell.status]);
  return Object.fromEntries(cells.map((cell) => [cell.address, colours[cell.status]]).sort());
}

describe("reading the active sheet through Office.js", () => {
  it("reads the Appendix I sheet in one sync and finds each of its three tables' KPI rows with the measure the sheet shows", async () => {
    const host = await installedHost();
    const reading = await Excel.run(readActiveSheet);
    expect(host.syncCount).toBe(1);
    expect(reading.grid.sheet).toBe("Appendix I");
    const found = findTables(reading.grid);
    // Read off the workbook by hand: header blocks at rows 4-6, 20-22 and 37-39, then a measure on every row
    // to the blank row after it (the last table runs to row 54).
    const span = (first: number, last: number) =>
      Array.from({ length: last - first + 1 }, (_, index) => first + index);
    expect(found.tables.map((table) => table.rows.map((row) => row.row + 1))).toEqual([
      span(7, 18),
      span(23, 35),
      span(40, 54),
    ]);
    // Sub-rows "b) ..." and "c) ..." are named after the measure that opens them with "a)".
    const named = found.tables.flatMap((table) =>
      table.rows.map((row) => [
        row.measure,
        String(host.sheet("Appendix I").cell(`B${row.row + 1}`).value),
      ])
    );
    expect(named.filter(([measure, shown]) => !measure.endsWith(shown))).toEqual([]);
    expect(reading.ownRules).toHaveLength(0);
  });

  it("reads merged cells where Excel can say where they are (ExcelApi 1.13), and finds what kpi-rag finds in the file", async () => {
    const host = await installedHost("appendix-i.xlsx", { requirementSets: { ExcelApi: "1.13" } });
    const reading = await Excel.run(readActiveSheet);
    expect(host.syncCount).toBe(1);
    const workbook = await readWorkbookFile(path.join(examples, "appendix-i.xlsx"));
    const fromFile = gridOf(workbook.getWorksheet("Appendix I")!);
    const areas = (merges: GridArea[], origin: { row: number; column: number }) =>
      merges
        .map((area) =>
          [
            area.top + origin.row,
            area.left + origin.column,
            area.bottom + origin.row,
            area.right + origin.column,
          ].join(",")
        )
        .sort();
    expect(areas(reading.grid.merges, reading.grid.origin)).toEqual(
      areas(fromFile.merges, fromFile.origin)
    );
    expect(plannedWithReport(findTables(reading.grid)).tables).toEqual(
      plannedWithReport(findTables(fromFile)).tables
    );
  });

  it("reads an empty sheet as an empty grid, not a failure", async () => {
    const host = await installedHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Empty").activate();
      await context.sync();
    });
    const reading = await Excel.run(readActiveSheet);
    expect(reading.grid.values).toEqual([]);
    expect(findTables(reading.grid).tables).toEqual([]);
    expect(host.activeSheet.name).toBe("Empty");
  });
});

describe("applying RAG formatting through Office.js", () => {
  it("reads and applies in two syncs, and Excel's rules colour exactly the cells the report rates Green, Amber and Red", async () => {
    const host = await installedHost();
    const applied = await Excel.run((context) =>
      applyRagFormatting(context, builtInRegister, "Standard", detectCapabilities())
    );
    expect(host.syncCount).toBe(2);
    const rules = ownRulesOf(host, "Appendix I");
    expect(rules).toHaveLength(applied.plan.rules.length);
    expect(
      Object.fromEntries([...paintedCells(sheetValues(host, "Appendix I"), rules)].sort())
    ).toEqual(expectedPaint(reportOf(applied.appraisal)));
  });

  it("puts its rules after the analyst's own, so where both colour a cell the analyst's rule wins", async () => {
    const host = await installedHost();
    const [analysts] = host.sheet("Appendix I").conditionalFormats();
    const applied = await Excel.run((context) =>
      applyRagFormatting(context, builtInRegister, "Standard", detectCapabilities())
    );
    const formats = host.sheet("Appendix I").conditionalFormats();
    expect(formats[0].formula).toBe(analysts.formula);
    expect(formats.slice(1).map((format) => format.formula)).toEqual(
      applied.plan.rules.map((rule) => rule.formula)
    );
  });

  it("gives the same rules when applied twice, and keeps the analyst's own rule", async () => {
    const host = await installedHost();
    const analysts = host.sheet("Appendix I").conditionalFormats();
    expect(analysts).toHaveLength(1);
    await Excel.run((context) =>
      applyRagFormatting(context, builtInRegister, "Standard", detectCapabilities())
    );
    const withoutIds = () =>
      host
        .sheet("Appendix I")
        .conditionalFormats()
        .map(({ id: _id, ...format }) => format);
    const once = withoutIds();
    const second = await Excel.run((context) =>
      applyRagFormatting(context, builtInRegister, "Standard", detectCapabilities())
    );
    expect(second.removed).toBe(once.length - 1);
    expect(withoutIds()).toEqual(once);
    expect(
      host
        .sheet("Appendix I")
        .conditionalFormats()
        .filter((format) => format.formula === analysts[0].formula)
    ).toEqual([{ ...analysts[0], id: expect.any(String), priority: expect.any(Number) }]);
  });

  it("changes no value, number format or fill of the sheet", async () => {
    const host = await installedHost();
    const sheet = host.sheet("Appendix I");
    const before = {
      values: sheet.values(),
      formats: sheet.numberFormats(),
      fills: sheet.fills("A1:K54"),
    };
    await Excel.run((context) =>
      applyRagFormatting(context, builtInRegister, "Covid19", detectCapabilities())
    );
    expect({
      values: sheet.values(),
      formats: sheet.numberFormats(),
      fills: sheet.fills("A1:K54"),
    }).toEqual(before);
  });

  it("repairs a half-made formatting when applied again after a sync failed part-way", async () => {
    const host = await installedHost();
    const reading = await Excel.run(readActiveSheet);
    const plan = plannedWithReport(findTables(reading.grid), "Standard");
    const broken: PlanWithReport = {
      ...plan,
      rules: [
        ...plan.rules.slice(0, 5),
        { ...plan.rules[5], appliesTo: ["NOT A RANGE"] },
        ...plan.rules.slice(6),
      ],
    };
    await expect(
      Excel.run(async (context) =>
        writePlan(context, broken, (await readActiveSheet(context)).ownRules, detectCapabilities())
      )
    ).rejects.toMatchObject({ code: expect.any(String) });
    const halfMade = ownRulesOf(host, "Appendix I").length;
    expect(halfMade).toBeGreaterThan(0);
    expect(halfMade).toBeLessThan(plan.rules.length);
    const repaired = await Excel.run((context) =>
      applyRagFormatting(context, builtInRegister, "Standard", detectCapabilities())
    );
    expect(ownRulesOf(host, "Appendix I")).toHaveLength(plan.rules.length);
    expect(
      Object.fromEntries(
        [...paintedCells(sheetValues(host, "Appendix I"), ownRulesOf(host, "Appendix I"))].sort()
      )
    ).toEqual(expectedPaint(reportOf(repaired.appraisal)));
  });
});

describe("removing RAG formatting through Office.js", () => {
  it("takes away only the add-in's rules, in two syncs", async () => {
    const host = await installedHost();
    const analysts = host.sheet("Appendix I").conditionalFormats();
    await Excel.run((context) =>
      applyRagFormatting(context, builtInRegister, "Standard", detectCapabilities())
    );
    const applied = ownRulesOf(host, "Appendix I").length;
    expect(applied).toBeGreaterThan(0);
    const before = host.syncCount;
    const { removed } = await Excel.run((context) => removeRagFormatting(context));
    expect(host.syncCount - before).toBe(2);
    expect(removed).toBe(applied);
    expect(
      host
        .sheet("Appendix I")
        .conditionalFormats()
        .map((format) => format.formula)
    ).toEqual(analysts.map((format) => format.formula));
  });
});

describe("the analyst's Excel", () => {
  it("says in words that an Excel without ExcelApi 1.9, where the shared runtime cannot install, is too old for the pane", async () => {
    const host = await installedHost();
    host.setRequirementSets({ ExcelApi: "1.8" });
    const check = checkRequirements();
    expect(check.ok).toBe(false);
    expect(check.ok ? "" : check.problem).toMatch(
      /too old for the KPI RAG pane.*Microsoft 365 \(Version 2002 or later\), Excel 2021.*ExcelApi 1\.9/
    );
  });

  it("waits while the analyst is typing in a cell, says so once, and reads when they finish", async () => {
    const host = await installedHost();
    host.beginCellEdit();
    let waits = 0;
    const reading = await runExcel(readActiveSheet, {
      onWaiting: () => (waits += 1),
      pause: async () => {
        host.endCellEdit();
      },
    });
    expect(waits).toBe(1);
    expect(reading.grid.sheet).toBe("Appendix I");
  });

  it("selects a KPI's row on its sheet", async () => {
    await installedHost();
    await Excel.run((context) => selectSheetRow(context, "Appendix I", 11));
    const selected = await Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      await context.sync();
      return range.address;
    });
    expect(selected).toMatch(/^'?Appendix I'?!12:12$/);
  });

  it("makes a shareable copy with KPI. formulas replaced by their values, leaving the original and other cells alone", async () => {
    const host = await installedHost();
    host.setFormulaEvaluator(
      () => (formula) => (/^=KPI\.RATE/i.test(formula) ? "Amber" : /^=SUM/i.test(formula) ? 3 : "")
    );
    host.sheet("Appendix I").set("L7", [['=KPI.RATE(I7,"CKPI-1")', "=SUM(1,2)"]]);
    const copy = await Excel.run(copySheetWithValues);
    expect(copy).toEqual({ sheet: "Appendix I (2)", replaced: 1 });
    const copied = host.sheet("Appendix I (2)");
    expect(copied.cell("L7")).toMatchObject({ value: "Amber" });
    expect(copied.cell("L7").formula).toBeUndefined();
    expect(copied.cell("M7").formula).toBe("=SUM(1,2)");
    expect(host.sheet("Appendix I").cell("L7").formula).toBe('=KPI.RATE(I7,"CKPI-1")');
    expect(copied.values("A1:J54")).toEqual(host.sheet("Appendix I").values("A1:J54"));
  });

  it("makes no copy of a sheet without KPI. formulas: it can be shared as it is", async () => {
    const host = await installedHost();
    const sheets = host.snapshot().sheets.map((sheet) => sheet.name);
    expect(await Excel.run(copySheetWithValues)).toEqual({ replaced: 0 });
    expect(host.snapshot().sheets.map((sheet) => sheet.name)).toEqual(sheets);
  });
});
