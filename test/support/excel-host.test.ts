// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createExcelHost, type ExcelHost } from "./index.js";

const NOT_LOADED =
  "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.";

function kpiSheet(): ExcelHost {
  return createExcelHost({
    "KPI Data": [
      ["Measure", "Polarity", "Target", "2020/21"],
      ["Repeat referrals", "Smaller is better", "22%", "24%"],
      ["Visits in time", "Bigger is better", "90%", "Not Available"],
    ],
    Notes: [["Read me"]],
  });
}

describe("loading and syncing", () => {
  it("throws Office.js's PropertyNotLoaded error when a property was never loaded", async () => {
    const host = kpiSheet();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("KPI Data").getRange("A1:D3");
      await context.sync();
      expect(() => range.values).toThrow(NOT_LOADED);
      expect(() => range.values).toThrow(
        expect.objectContaining({
          code: "PropertyNotLoaded",
          debugInfo: expect.objectContaining({ errorLocation: "Range.values" }),
        })
      );
    });
  });

  it("refuses to read a loaded property before context.sync()", async () => {
    const host = kpiSheet();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("KPI Data").getRange("C2");
      range.load("values");
      expect(() => range.values).toThrow(NOT_LOADED);
      await context.sync();
      expect(range.values).toEqual([[0.22]]);
    });
  });

  it("answers reads from the state at the sync that followed the load, not later changes", async () => {
    const host = kpiSheet();
    await host.run(async (context) => {
      const target = context.workbook.worksheets.getItem("KPI Data").getRange("C2");
      target.load("values");
      await context.sync();
      await host.type("KPI Data", "C2", "25%");
      expect(target.values).toEqual([[0.22]]);
    });
    expect(host.sheet("KPI Data").values("C2")).toEqual([[0.25]]);
  });

  it("knows isNullObject only after a sync", async () => {
    const host = kpiSheet();
    await host.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Register");
      expect(() => missing.isNullObject).toThrow("The property 'isNullObject' is not available.");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });

  it("counts every context.sync() but not the sync Excel.run makes at the end", async () => {
    const host = kpiSheet();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("A2").values = [
        ["queued, synced by run"],
      ];
      await context.sync();
      await context.sync();
      context.workbook.worksheets.getItem("Notes").getRange("A3").values = [
        ["synced when run ends"],
      ];
    });
    expect(host.syncCount).toBe(2);
    expect(host.sheet("Notes").values("A1:A3")).toEqual([
      ["Read me"],
      ["queued, synced by run"],
      ["synced when run ends"],
    ]);
  });

  it("queues writes and applies them in order at the next sync", async () => {
    const host = kpiSheet();
    await host.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Notes").getRange("B1");
      cell.values = [["first"]];
      cell.values = [["second"]];
      expect(host.sheet("Notes").cell("B1").value).toBe("");
      expect(cell.values).toEqual([["second"]]); // a proxy shows what was set on it, as in Office.js
      await context.sync();
      expect(host.sheet("Notes").cell("B1").value).toBe("second");
    });
  });

  it("accepts every form of load Office.js accepts", async () => {
    const host = kpiSheet();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("KPI Data");
      const a = sheet.getRange("A1").load("address, values");
      const b = sheet.getRange("B1").load(["address", "format/fill/color"]);
      const c = sheet
        .getRange("C1")
        .load({ select: "address,numberFormat", expand: "format/font" });
      const d = sheet.getRange("D1").load({ address: true, format: { fill: { color: true } } });
      const e = sheet.getRange("A2").load();
      await context.sync();
      expect([a.address, a.values]).toEqual(["'KPI Data'!A1", [["Measure"]]]);
      expect([b.address, b.format.fill.color]).toEqual(["'KPI Data'!B1", "#FFFFFF"]);
      expect([c.numberFormat, c.format.font.color]).toEqual([[["General"]], "#000000"]);
      expect(d.format.fill.color).toBe("#FFFFFF");
      expect([e.text, e.rowIndex, e.columnCount]).toEqual([[["Repeat referrals"]], 1, 1]);
    });
  });

  it("loads each item of a collection with 'items/name' or with 'name'", async () => {
    const host = kpiSheet();
    await host.run(async (context) => {
      const withPath = context.workbook.worksheets.load("items/name");
      await context.sync();
      expect(withPath.items.map((sheet) => sheet.name)).toEqual(["KPI Data", "Notes"]);
      expect(() => withPath.items[0]!.position).toThrow(
        "The property 'position' is not available."
      );
      const plain = context.workbook.worksheets.load("name, position");
      await context.sync();
      expect(plain.items.map((sheet) => [sheet.name, sheet.position])).toEqual([
        ["KPI Data", 0],
        ["Notes", 1],
      ]);
    });
  });

  it("fails a load of a property it does not simulate instead of answering undefined", async () => {
    const host = kpiSheet();
    const reading = host.run(async (context) => {
      context.workbook.worksheets.getItem("KPI Data").getRange("A1").load("format/font/bold");
      await context.sync();
    });
    await expect(reading).rejects.toMatchObject({ code: "NotImplemented" });
  });

  it("throws when the add-in sets a property the host does not simulate", async () => {
    const host = kpiSheet();
    await host.run(async (context) => {
      const font = context.workbook.worksheets.getItem("KPI Data").getRange("A1").format.font;
      expect(() => Object.assign(font, { bold: true })).toThrow(TypeError);
    });
  });

  it("fails Excel.run with RunMustReturnPromise when the batch returns no promise", async () => {
    const host = kpiSheet();
    const run = host.run as unknown as (
      batch: (context: Excel.RequestContext) => unknown
    ) => Promise<unknown>;
    await expect(run(() => undefined)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });

  it("refuses every request while the analyst is editing a cell", async () => {
    const host = kpiSheet();
    host.beginCellEdit();
    const attempt = () =>
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Notes").getRange("A1").values = [["changed"]];
        await context.sync();
      });
    await expect(attempt()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    host.endCellEdit();
    await attempt();
    expect(host.sheet("Notes").cell("A1").value).toBe("changed");
  });
});

describe("failures at sync", () => {
  it("fails getItem of a missing sheet with ItemNotFound, and gives a null object for getItemOrNullObject", async () => {
    const host = kpiSheet();
    const missing = host.run(async (context) => {
      context.workbook.worksheets.getItem("Register").load("name");
      await context.sync();
    });
    await expect(missing).rejects.toMatchObject({
      name: "RichApi.Error",
      code: "ItemNotFound",
      message: "The requested resource doesn't exist.",
      debugInfo: expect.objectContaining({ errorLocation: "WorksheetCollection.getItem" }),
    });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Register");
      sheet.load("name");
      await context.sync();
      expect(sheet.isNullObject).toBe(true);
      expect(sheet.name).toBeUndefined();
    });
  });

  it("stops the batch at a write of the wrong dimensions, keeping what came before it", async () => {
    const host = kpiSheet();
    const writing = host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Notes");
      sheet.getRange("A2").values = [["before"]];
      sheet.getRange("A3:B3").values = [["only one"]];
      sheet.getRange("A4").values = [["after"]];
      await context.sync();
    });
    await expect(writing).rejects.toMatchObject({
      code: "InvalidArgument",
      message:
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      debugInfo: expect.objectContaining({ errorLocation: "Range.values" }),
    });
    expect(host.sheet("Notes").values("A1:A4")).toEqual([["Read me"], ["before"], [""], [""]]);
  });

  it("does not deliver loads from a sync that failed", async () => {
    const host = kpiSheet();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Notes");
      const cell = sheet.getRange("A1").load("values");
      context.workbook.worksheets.getItem("Gone").load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(() => cell.values).toThrow("The property 'values' is not available.");
    });
  });

  it("fails every use of a worksheet after it is deleted", async () => {
    const host = kpiSheet();
    await host.run(async (context) => {
      const notes = context.workbook.worksheets.getItem("Notes");
      notes.delete();
      await context.sync();
      notes.getRange("A1").values = [["too late"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(host.state.sheets.map((sheet) => sheet.name)).toEqual(["KPI Data"]);
  });

  it("refuses to delete the only visible sheet", async () => {
    const host = createExcelHost();
    const deleting = host.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().delete();
      await context.sync();
    });
    await expect(deleting).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("fails a method from a requirement set this Excel lacks with ApiNotFound", async () => {
    const host = kpiSheet();
    const merged = () =>
      host.run(async (context) => {
        const areas = context.workbook.worksheets
          .getItem("KPI Data")
          .getRange("A1:D3")
          .getMergedAreasOrNullObject();
        await context.sync();
        return areas.isNullObject;
      });
    await expect(merged()).rejects.toMatchObject({
      code: "ApiNotFound",
      message:
        "The method or property Range.getMergedAreasOrNullObject is part of the ExcelApi 1.13 requirement set, which is not available in your version of Excel.",
    });
    host.setRequirementSets({ ExcelApi: "1.13" });
    await expect(merged()).resolves.toBe(true);
  });
});

describe("cells", () => {
  it("reads typed text as Excel does: numbers, percentages, TRUE, errors, formulas and text with an apostrophe", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:F1");
      range.values = [["173.75", "9%", "true", "#N/A", "=A1*2", "'140"]];
      range.load(["values", "formulas", "numberFormat", "valueTypes", "text"]);
      await context.sync();
      expect(range.values).toEqual([[173.75, 0.09, true, "#N/A", "", "140"]]);
      expect(range.formulas).toEqual([[173.75, 0.09, true, "#N/A", "=A1*2", "140"]]);
      expect(range.numberFormat).toEqual([
        ["General", "0%", "General", "General", "General", "General"],
      ]);
      expect(range.valueTypes).toEqual([
        ["Double", "Double", "Boolean", "Error", "Empty", "String"],
      ]);
      expect(range.text).toEqual([["173.75", "9%", "TRUE", "#N/A", "", "140"]]);
    });
  });

  it("keeps text as text in a cell formatted as text", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:B1");
      range.numberFormat = [["@", "@"]];
      range.values = [["9%", "=A1"]];
      await context.sync();
    });
    expect(host.activeSheet.values("A1:B1")).toEqual([["9%", "=A1"]]);
  });

  it("leaves a cell alone where the array holds null", async () => {
    const host = kpiSheet();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("KPI Data").getRange("C2:D2").values = [
        [null, "23%"],
      ] as unknown as unknown[][];
      await context.sync();
    });
    expect(host.sheet("KPI Data").values("C2:D2")).toEqual([[0.22, 0.23]]);
  });

  it("answers the used range of values, A1 for an empty sheet, and a null object with getUsedRangeOrNullObject", async () => {
    const host = kpiSheet();
    await host.run(async (context) => {
      const empty = context.workbook.worksheets.add("Empty");
      const used = context.workbook.worksheets
        .getItem("KPI Data")
        .getUsedRange(true)
        .load("address");
      const whole = empty.getUsedRange().load("address");
      const none = empty.getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      expect([used.address, whole.address, none.isNullObject]).toEqual([
        "'KPI Data'!A1:D3",
        "Empty!A1",
        true,
      ]);
    });
  });

  it("reports fill and font colour per range: #FFFFFF for no fill, null when the cells differ", async () => {
    const host = kpiSheet();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("KPI Data");
      sheet.getRange("D2").format.fill.color = "#c6efce";
      sheet.getRange("D2").format.font.color = "#006100";
      const mixed = sheet.getRange("D2:D3").format.fill.load("color");
      const single = sheet.getRange("D2").format.load("fill/color, font/color");
      await context.sync();
      expect([mixed.color, single.fill.color, single.font.color]).toEqual([
        null,
        "#C6EFCE",
        "#006100",
      ]);
      sheet.getRange("D3").format.fill.color = "C6EFCE";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(host.sheet("KPI Data").cell("D2")).toMatchObject({
      fill: "#C6EFCE",
      fontColor: "#006100",
    });
  });

  it("hides rows and merges cells, keeping the merged area's top-left value", async () => {
    const host = kpiSheet();
    host.setRequirementSets({ ExcelApi: "1.13" });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("KPI Data");
      sheet.getRange("3:3").rowHidden = true;
      sheet.getRange("C2:D2").merge();
      const merged = sheet
        .getRange("A1:D3")
        .getMergedAreasOrNullObject()
        .load("address, areaCount");
      const hidden = sheet.getRange("A2:A3").load("rowHidden");
      await context.sync();
      expect([merged.address, merged.areaCount, hidden.rowHidden]).toEqual([
        "'KPI Data'!C2:D2",
        1,
        null,
      ]);
    });
    expect(host.sheet("KPI Data").hiddenRows()).toEqual([3]);
    expect(host.sheet("KPI Data").values("C2:D2")).toEqual([[0.22, ""]]);
  });
});

describe("worksheets", () => {
  it("copies a sheet with its cells, formats, merges and conditional formats as 'Name (2)'", async () => {
    const host = kpiSheet();
    host.sheet("KPI Data").format("C2", { fill: "#FFC7CE" }).merge("A3:B3");
    await host.run(async (context) => {
      const format = context.workbook.worksheets
        .getItem("KPI Data")
        .getRange("D2:D3")
        .conditionalFormats.add("Custom");
      format.custom.rule.formula = '=D2="Not Available"';
      await context.sync();
      const original = context.workbook.worksheets.getItem("KPI Data");
      const copy = original.copy("After", original);
      copy.load("name, position");
      await context.sync();
      expect([copy.name, copy.position]).toEqual(["KPI Data (2)", 1]);
    });
    const copy = host.sheet("KPI Data (2)");
    expect(copy.values()).toEqual(host.sheet("KPI Data").values());
    expect(copy.cell("C2").fill).toBe("#FFC7CE");
    expect(copy.mergedAreas()).toEqual(["A3:B3"]);
    expect(copy.conditionalFormats()).toMatchObject([
      { appliesTo: "D2:D3", formula: '=D2="Not Available"' },
    ]);
  });

  it("keeps sheet names to Excel's rules", async () => {
    const host = kpiSheet();
    const rename = (name: string) =>
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Notes").name = name;
        await context.sync();
      });
    await expect(rename("kpi data")).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(rename("Q1/Q2")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(rename("x".repeat(32))).rejects.toMatchObject({ code: "InvalidArgument" });
    await rename("KPI Register");
    expect(host.state.sheets.map((sheet) => sheet.name)).toEqual(["KPI Data", "KPI Register"]);
  });

  it("activates and selects, and getSelectedRange answers the selection", async () => {
    const host = kpiSheet();
    await host.run(async (context) => {
      const notes = context.workbook.worksheets.getItem("Notes");
      notes.activate();
      notes.getRange("2:2").select();
      const selected = context.workbook.getSelectedRange().load("address");
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect([selected.address, active.name]).toEqual(["Notes!2:2", "Notes"]);
    });
  });
});

describe("the Office globals", () => {
  let uninstall: () => void = () => {};
  let host: ExcelHost;

  beforeEach(() => {
    host = kpiSheet();
    uninstall = host.install();
  });
  afterEach(() => uninstall());

  it("answers requirement sets up to ExcelApi 1.12 by default", async () => {
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    await expect(Office.onReady()).resolves.toMatchObject({ host: "Excel" });
  });

  it("runs Excel.run against the simulated workbook and provides Excel's enums", async () => {
    const name = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      return sheet.name;
    });
    expect(name).toBe("KPI Data");
    expect([
      Excel.ConditionalFormatType.custom,
      Excel.ErrorCodes.itemNotFound,
      Excel.CalculationType.full,
    ]).toEqual(["Custom", "ItemNotFound", "Full"]);
  });

  it("makes sync failures instances of OfficeExtension.Error", async () => {
    const failure = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Missing").load("name");
      await context.sync();
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OfficeExtension.Error);
  });
});
