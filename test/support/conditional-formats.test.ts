// @vitest-environment node
import { describe, expect, it } from "vitest";
import { createExcelHost, type ExcelHost } from "./index.js";

const GREEN = { fill: "#C6EFCE", font: "#006100" };
const RED = { fill: "#FFC7CE", font: "#9C0006" };

function periods(): ExcelHost {
  return createExcelHost({
    Appendix: [
      ["Measure", "Target", "Q1", "Q2"],
      ["Repeat referrals", "22%", "24%", "21%"],
      ["Visits in time", "90%", "91%", "89%"],
    ],
  });
}

async function addRule(
  host: ExcelHost,
  address: string,
  formula: string,
  colours: { fill: string; font: string }
): Promise<void> {
  await host.run(async (context) => {
    const format = context.workbook.worksheets
      .getItem("Appendix")
      .getRange(address)
      .conditionalFormats.add("Custom");
    format.custom.rule.formula = formula;
    format.custom.format.fill.color = colours.fill;
    format.custom.format.font.color = colours.font;
    await context.sync();
  });
}

describe("conditional formats", () => {
  it("puts a new custom format at the top of the sheet's priorities, with its formula and colours", async () => {
    const host = periods();
    await addRule(host, "C2:D3", "=C2<=$B2", GREEN);
    await addRule(host, "C2:D3", "=C2>$B2", RED);
    expect(host.sheet("Appendix").conditionalFormats()).toMatchObject([
      {
        type: "Custom",
        priority: 0,
        appliesTo: "C2:D3",
        formula: "=C2>$B2",
        fill: "#FFC7CE",
        fontColor: "#9C0006",
        stopIfTrue: false,
      },
      {
        type: "Custom",
        priority: 1,
        appliesTo: "C2:D3",
        formula: "=C2<=$B2",
        fill: "#C6EFCE",
        fontColor: "#006100",
      },
    ]);
  });

  it("lists a range's formats with their rules after load and sync", async () => {
    const host = periods();
    await addRule(host, "C2:D2", "=C2<=$B2", GREEN);
    await addRule(host, "C3:D3", "=C3>=$B3", GREEN);
    await host.run(async (context) => {
      const formats = context.workbook.worksheets
        .getItem("Appendix")
        .getRange("C2:C2").conditionalFormats;
      formats.load(
        "items/type, items/priority, items/custom/rule/formula, items/custom/format/fill/color"
      );
      const everywhere = context.workbook.worksheets
        .getItem("Appendix")
        .getRange()
        .conditionalFormats.getCount();
      await context.sync();
      expect(
        formats.items.map((format) => [
          format.type,
          format.priority,
          format.custom.rule.formula,
          format.custom.format.fill.color,
        ])
      ).toEqual([["Custom", 1, "=C2<=$B2", "#C6EFCE"]]);
      expect(everywhere.value).toBe(2);
    });
  });

  it("moves a format when its priority is set, renumbering the others; a negative priority counts from the back", async () => {
    const host = periods();
    for (const formula of ["=C2=1", "=C2=2", "=C2=3"]) await addRule(host, "C2", formula, GREEN);
    const order = () =>
      host
        .sheet("Appendix")
        .conditionalFormats()
        .map((format) => format.formula);
    expect(order()).toEqual(["=C2=3", "=C2=2", "=C2=1"]);
    await host.run(async (context) => {
      const formats = context.workbook.worksheets
        .getItem("Appendix")
        .getRange("C2").conditionalFormats;
      formats.getItemAt(0).priority = -1;
      formats.getItemAt(0).stopIfTrue = true;
      await context.sync();
    });
    expect(order()).toEqual(["=C2=2", "=C2=1", "=C2=3"]);
    expect(host.sheet("Appendix").conditionalFormats()[0]!.stopIfTrue).toBe(true);
  });

  it("applies one format to several areas through getRanges, and has no single range for it", async () => {
    const host = periods();
    await host.run(async (context) => {
      const format = context.workbook.worksheets
        .getItem("Appendix")
        .getRanges("C2:D2, C3:D3")
        .conditionalFormats.add("Custom");
      format.custom.rule.formula = "=C2>=$B2";
      const single = format.getRangeOrNullObject();
      const areas = format.getRanges().load("address, areaCount");
      await context.sync();
      expect([single.isNullObject, areas.address, areas.areaCount]).toEqual([
        true,
        "Appendix!C2:D2, Appendix!C3:D3",
        2,
      ]);
      format.getRange().load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
    expect(host.sheet("Appendix").conditionalFormats()[0]!.appliesTo).toBe("C2:D2, C3:D3");
  });

  it("takes a cleared range out of formats that cover more than it", async () => {
    const host = periods();
    await addRule(host, "C2:D3", "=C2>$B2", RED);
    await addRule(host, "C3", "=C3>$B3", RED);
    await host.run(async (context) => {
      context.workbook.worksheets
        .getItem("Appendix")
        .getRange("C3:D3")
        .conditionalFormats.clearAll();
      await context.sync();
    });
    expect(
      host
        .sheet("Appendix")
        .conditionalFormats()
        .map((format) => format.appliesTo)
    ).toEqual(["C2:D2"]);
  });

  it("moves a format's relative references with its top-left cell when that cell is cleared, so each cell left reads its own row", async () => {
    const host = periods();
    await addRule(host, "C2:D3", "=C2>$B2", RED);
    await host.run(async (context) => {
      context.workbook.worksheets
        .getItem("Appendix")
        .getRange("C2:D2")
        .conditionalFormats.clearAll();
      await context.sync();
    });
    expect(host.sheet("Appendix").conditionalFormats()).toMatchObject([
      { appliesTo: "C3:D3", formula: "=C3>$B3" },
    ]);
  });

  it("refuses a rule formula without '=' or with unbalanced brackets or quotes", async () => {
    const host = periods();
    for (const formula of ["C2>$B2", "=AND(C2>$B2", '=C2="Red']) {
      await expect(addRule(host, "C2", formula, GREEN)).rejects.toMatchObject({
        code: "InvalidArgument",
      });
    }
  });

  it("fails custom on a format that is not custom, where customOrNullObject is a null object", async () => {
    const host = periods();
    await host.run(async (context) => {
      const format = context.workbook.worksheets
        .getItem("Appendix")
        .getRange("C2:D3")
        .conditionalFormats.add("DataBar");
      const custom = format.customOrNullObject;
      await context.sync();
      expect(custom.isNullObject).toBe(true);
      format.custom.rule.load("formula");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("fails every change to a format once it is deleted", async () => {
    const host = periods();
    await addRule(host, "C2:D3", "=C2>$B2", RED);
    await host.run(async (context) => {
      const format = context.workbook.worksheets
        .getItem("Appendix")
        .getRange("C2")
        .conditionalFormats.getItemAt(0);
      format.delete();
      await context.sync();
      format.custom.format.fill.color = GREEN.fill;
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(host.sheet("Appendix").conditionalFormats()).toEqual([]);
  });

  it("answers getItemOrNullObject by id only where ExcelApi 1.14 is supported", async () => {
    const host = periods();
    await addRule(host, "C2", "=C2>$B2", RED);
    const id = host.sheet("Appendix").conditionalFormats()[0]!.id;
    const lookUp = () =>
      host.run(async (context) => {
        const format = context.workbook.worksheets
          .getItem("Appendix")
          .getRange("C2")
          .conditionalFormats.getItemOrNullObject(id);
        await context.sync();
        return format.isNullObject;
      });
    await expect(lookUp()).rejects.toMatchObject({ code: "ApiNotFound" });
    host.setRequirementSets({ ExcelApi: "1.14" });
    await expect(lookUp()).resolves.toBe(false);
  });
});
