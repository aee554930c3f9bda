// @vitest-environment node
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createExcelHost, loadHostFromXlsx } from "./index.js";

let folder = "";
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "kpi-rag-host-"));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** An appendix as an analyst's workbook has it, written by ExcelJS. */
async function appendixFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Appendix I");
  sheet.getCell("A1").value = {
    richText: [{ text: "Contractual " }, { text: "KPIs", font: { bold: true } }],
  };
  sheet.getCell("A2").value = "Repeat referrals";
  sheet.getCell("B2").value = 0.22;
  sheet.getCell("B2").numFmt = "0%";
  sheet.getCell("C2").value = { formula: "B2*2", result: 0.44 };
  sheet.getCell("D2").value = { error: "#N/A" };
  sheet.getCell("E2").value = new Date(Date.UTC(2021, 5, 30));
  sheet.getCell("E2").numFmt = "dd/mm/yyyy";
  sheet.getCell("F2").value = true;
  sheet.getCell("B3").value = 0.3;
  sheet.getCell("B3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
  sheet.getCell("B3").font = { color: { argb: "FF9C0006" } };
  sheet.getCell("A4").value = "Split over two periods";
  sheet.mergeCells("B4:C4");
  sheet.getCell("A5").value = "hidden row";
  sheet.getRow(5).hidden = true;
  sheet.addConditionalFormatting({
    ref: "B2:B3 D2:D3",
    rules: [
      {
        type: "expression",
        formulae: ["B2>0.25"],
        priority: 1,
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFEB9C" } },
          font: { color: { argb: "FF9C5700" } },
        },
      },
    ],
  });
  sheet.addConditionalFormatting({
    ref: "F2:F3",
    rules: [
      {
        type: "colorScale",
        priority: 2,
        cfvo: [{ type: "min" }, { type: "max" }],
        color: [{ argb: "FFF8696B" }, { argb: "FF63BE7B" }],
      },
    ],
  });
  const register = workbook.addWorksheet("KPI Register");
  register.addTable({
    name: "KPIRegister",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "ID" }, { name: "Target" }],
    rows: [
      ["KPI-18", 0.09],
      ["KPI-2", 0.22],
    ],
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("reading an .xlsx file", () => {
  it("reads values as Office.js gives them: rich text as text, formulas with their results, errors and dates as serial numbers", async () => {
    const host = await loadHostFromXlsx(await appendixFile());
    const sheet = host.sheet("Appendix I");
    expect(sheet.values("A1:F2")).toEqual([
      ["Contractual KPIs", "", "", "", "", ""],
      ["Repeat referrals", 0.22, 0.44, "#N/A", 44377, true],
    ]);
    expect(sheet.cell("C2")).toMatchObject({ formula: "=B2*2", value: 0.44 });
    expect(sheet.texts("B2:E2")).toEqual([["22%", "0.44", "#N/A", "30/06/2021"]]);
    expect(sheet.cell("B3")).toMatchObject({ fill: "#FFC7CE", fontColor: "#9C0006" });
  });

  it("reads merged areas, hidden rows, conditional formats and tables", async () => {
    const host = await loadHostFromXlsx(await appendixFile());
    const sheet = host.sheet("Appendix I");
    expect(sheet.mergedAreas()).toEqual(["B4:C4"]);
    expect(sheet.hiddenRows()).toEqual([5]);
    expect(sheet.conditionalFormats()).toMatchObject([
      {
        type: "Custom",
        priority: 0,
        appliesTo: "B2:B3, D2:D3",
        formula: "=B2>0.25",
        fill: "#FFEB9C",
        fontColor: "#9C5700",
      },
      { type: "ColorScale", priority: 1, appliesTo: "F2:F3" },
    ]);
    expect(host.table("KPIRegister")).toMatchObject({
      sheet: "KPI Register",
      address: "A1:B3",
      headers: ["ID", "Target"],
      rows: [
        ["KPI-18", 0.09],
        ["KPI-2", 0.22],
      ],
    });
  });

  it("lets the add-in read a loaded file through Office.js", async () => {
    const host = await loadHostFromXlsx(await appendixFile());
    const rows = await host.run(async (context) => {
      const body = context.workbook.tables.getItem("KPIRegister").getDataBodyRange().load("values");
      await context.sync();
      return body.values;
    });
    expect(rows).toEqual([
      ["KPI-18", 0.09],
      ["KPI-2", 0.22],
    ]);
  });
});

describe("saving to an .xlsx file", () => {
  it("keeps the add-in's conditional formats, in priority order with stopIfTrue, through saving and loading", async () => {
    const host = await loadHostFromXlsx(await appendixFile());
    await host.run(async (context) => {
      const periods = context.workbook.worksheets.getItem("Appendix I").getRange("B2:B3");
      const green = periods.conditionalFormats.add("Custom");
      green.custom.rule.formula = '=AND(B2<>"",B2<=0.22)';
      green.custom.format.fill.color = "#C6EFCE";
      green.custom.format.font.color = "#006100";
      green.stopIfTrue = true;
      await context.sync();
    });
    const path = join(folder, "appendix.xlsx");
    await host.saveToXlsx(path);

    const reloaded = await loadHostFromXlsx(path);
    const formats = reloaded
      .sheet("Appendix I")
      .conditionalFormats()
      .map(({ id: _id, ...format }) => format);
    expect(formats).toEqual(
      host
        .sheet("Appendix I")
        .conditionalFormats()
        .map(({ id: _id, ...format }) => format)
    );
    expect(formats).toMatchObject([
      {
        priority: 0,
        stopIfTrue: true,
        appliesTo: "B2:B3",
        formula: '=AND(B2<>"",B2<=0.22)',
        fill: "#C6EFCE",
        fontColor: "#006100",
      },
      { priority: 1, stopIfTrue: false, formula: "=B2>0.25" },
      { priority: 2, type: "ColorScale" },
    ]);
  });

  it("writes back values, formulas, number formats, colours, merges, hidden rows and tables", async () => {
    const original = await loadHostFromXlsx(await appendixFile());
    const reloaded = await loadHostFromXlsx(await original.toXlsxBuffer());
    const { sheets: before } = original.snapshot();
    const { sheets: after } = reloaded.snapshot();
    const withoutIds = (sheets: typeof before) =>
      sheets.map((sheet) => ({
        ...sheet,
        conditionalFormats: sheet.conditionalFormats.map(({ id: _id, ...format }) => format),
        tables: sheet.tables.map(({ id: _id, ...table }) => table),
      }));
    expect(withoutIds(after)).toEqual(withoutIds(before));
  });

  it("is read by ExcelJS as expression rules with their colours", async () => {
    const host = createExcelHost({ Appendix: [["Q1"], [0.3]] });
    await host.run(async (context) => {
      const format = context.workbook.worksheets
        .getItem("Appendix")
        .getRange("A2")
        .conditionalFormats.add("Custom");
      format.custom.rule.formula = "=A2>0.25";
      format.custom.format.fill.color = "#FFC7CE";
      await context.sync();
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await host.toXlsxBuffer()) as unknown as ExcelJS.Buffer);
    const rules = (
      workbook.getWorksheet("Appendix") as unknown as { conditionalFormattings: unknown[] }
    ).conditionalFormattings;
    expect(rules).toMatchObject([
      {
        ref: "A2",
        rules: [
          {
            type: "expression",
            formulae: ["A2>0.25"],
            priority: 1,
            style: { fill: { bgColor: { argb: "FFFFC7CE" } } },
          },
        ],
      },
    ]);
  });
});
