// @vitest-environment node
/**
 * The ways the simulated host fails where real Excel fails (test/support/README.md gives each one's source).
 */
import { afterEach, describe, expect, it } from "vitest";
import { createExcelHost, WEB_PAYLOAD_LIMIT, type ExcelHost } from "./index.js";
import { callAsExcel, type FunctionMetadata } from "./custom-functions.js";
import { HyperFormula } from "hyperformula";
import { excelRound } from "./excel-round.js";
import { numberValue } from "./numbervalue.js";

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function installed(host: ExcelHost): ExcelHost {
  uninstall = host.install();
  return host;
}

const kpis = () =>
  createExcelHost({
    "KPI Data": [
      ["Measure", "Target", "Q1", "Q2"],
      ["Repeat referrals", "22%", "24%", "21%"],
      ["Visits in time", "90%", "88%", "93%"],
    ],
  });

async function addRule(
  host: ExcelHost,
  address: string,
  formula: string,
  fill: string
): Promise<void> {
  await host.run(async (context) => {
    const format = context.workbook.worksheets
      .getActiveWorksheet()
      .getRange(address)
      .conditionalFormats.add(Excel.ConditionalFormatType.custom);
    format.custom.rule.formula = formula;
    format.custom.format.fill.color = fill;
    await context.sync();
  });
}

describe("parameter addresses only for matrix results", () => {
  const declared = (dimensionality?: string): FunctionMetadata => ({
    id: "RATE",
    name: "RATE",
    parameters: [{ name: "value" }],
    result: { dimensionality },
    options: { requiresParameterAddresses: true },
  });
  const echo = (_value: unknown, invocation: CustomFunctions.Invocation) => [
    [invocation.parameterAddresses?.[0] ?? "none"],
  ];

  it("passes a function its arguments' addresses only when its result is a matrix, and shows a 1×1 matrix as its value", async () => {
    expect(await callAsExcel(declared("matrix"), echo, [0], ["Sheet1!G4"])).toBe("Sheet1!G4");
  });

  it("passes none to a function declaring a single value, and shows an array returned by it as #VALUE!", async () => {
    await expect(callAsExcel(declared(), echo, [0], ["Sheet1!G4"])).rejects.toMatchObject({
      code: "#VALUE!",
    });
    expect(
      await callAsExcel(
        declared(),
        (_value: unknown, invocation: CustomFunctions.Invocation) =>
          invocation.parameterAddresses?.[0] ?? "none",
        [0],
        ["Sheet1!G4"]
      )
    ).toBe("none");
  });
});

describe("a priority change invalidating the object", () => {
  it("applies changes made after a priority change to the rule now at the object's old place", async () => {
    const host = installed(kpis());
    await addRule(host, "C2:D3", "=C2>0.5", "#0000FF");
    await host.run(async (context) => {
      const format = context.workbook.worksheets
        .getActiveWorksheet()
        .getRange("C2:D3")
        .conditionalFormats.add(Excel.ConditionalFormatType.custom);
      format.priority = 5;
      format.custom.rule.formula = "=C2<0.5";
      format.custom.format.fill.color = "#FF0000";
      await context.sync();
    });
    const [analysts, added] = host.sheet("KPI Data").conditionalFormats();
    expect(analysts).toMatchObject({ formula: "=C2<0.5", fill: "#FF0000" });
    expect(added.formula).toBeUndefined();
  });
});

describe("getRanges' separator and length limits", () => {
  const areas = (host: ExcelHost, address: string) =>
    host.run(async (context) => {
      const ranges = context.workbook.worksheets.getActiveWorksheet().getRanges(address);
      ranges.load("areaCount");
      await context.sync();
      return ranges.areaCount;
    });

  it("takes ',' in an English Excel and on the web, and refuses ';'", async () => {
    const host = installed(kpis());
    expect(await areas(host, "C2:C3,D2")).toBe(2);
    await expect(areas(host, "C2:C3;D2")).rejects.toMatchObject({ code: "InvalidArgument" });
    host.behave({ platform: "OfficeOnline", culture: { name: "de-DE", decimalSeparator: "," } });
    expect(await areas(host, "C2:C3,D2")).toBe(2);
  });

  it("takes only ';' in a German Excel on Windows (office-js #1167, #1985)", async () => {
    const host = installed(kpis().behave({ culture: { name: "de-DE", decimalSeparator: "," } }));
    expect(await areas(host, "C2:C3;D2")).toBe(2);
    await expect(areas(host, "C2:C3,D2")).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses an address over 8 KB (office-js #5198)", async () => {
    const host = installed(kpis());
    const long = Array.from({ length: 1200 }, (_, index) => `$C$${index + 2}:$D$${index + 2}`).join(
      ","
    );
    expect(long.length).toBeGreaterThan(8192);
    await expect(areas(host, long)).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("a response-size limit per sync", () => {
  it("fails a sync whose loads return more than Excel on the web's 5 MB, and delivers none of them", async () => {
    const host = installed(createExcelHost().behave({ responsePayloadLimit: WEB_PAYLOAD_LIMIT }));
    await host.run(async (context) => {
      const commentary =
        "Placement stability improved after the review of long-term matches; ".repeat(5);
      context.workbook.worksheets.getActiveWorksheet().getRange("A1:L2000").values = Array.from(
        { length: 2000 },
        (_, row) => Array.from({ length: 12 }, (_, column) => `${row}-${column} ${commentary}`)
      );
      await context.sync();
    });
    const read = (address: string) =>
      host.run(async (context) => {
        const range = context.workbook.worksheets.getActiveWorksheet().getRange(address);
        range.load("values");
        await context.sync();
        return range.values.length;
      });
    await expect(read("A1:L2000")).rejects.toMatchObject({
      code: "ResponsePayloadSizeLimitExceeded",
    });
    expect(await read("A1:L200")).toBe(200);
    host.behave({ responsePayloadLimit: null });
    expect(await read("A1:L2000")).toBe(2000);
  });
});

describe("512 merged areas", () => {
  it("fails getMergedAreasOrNullObject over a range with more than 512 merged areas", async () => {
    const host = installed(createExcelHost(undefined, { requirementSets: { ExcelApi: "1.13" } }));
    for (let row = 1; row <= 513; row++) host.sheet("Sheet1").merge(`A${row}:B${row}`);
    const merged = (address: string) =>
      host.run(async (context) => {
        const areas = context.workbook.worksheets
          .getActiveWorksheet()
          .getRange(address)
          .getMergedAreasOrNullObject();
        areas.load("areaCount");
        await context.sync();
        return areas.areaCount;
      });
    await expect(merged("A1:B513")).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(await merged("A1:B512")).toBe(512);
  });
});

describe("rule reads that throw for the known cases", () => {
  it("fails reading a rule the analyst duplicated (office-js #6835), while its id still reads", async () => {
    const host = installed(kpis());
    await addRule(host, "C2:D3", "=C2>0.5", "#0000FF");
    host.sheet("KPI Data").breakRules(() => true, "duplicated");
    const formats = () =>
      host.run(async (context) => {
        const collection = context.workbook.worksheets
          .getActiveWorksheet()
          .getRange().conditionalFormats;
        collection.load("items/id");
        await context.sync();
        return collection.items.length;
      });
    expect(await formats()).toBe(1);
    await expect(
      host.run(async (context) => {
        const collection = context.workbook.worksheets
          .getActiveWorksheet()
          .getRange().conditionalFormats;
        collection.load("items/customOrNullObject/rule/formula");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "GeneralException" });
  });

  it("fails loading anything of a rule brought back by Undo (office-js #6396)", async () => {
    const host = installed(kpis());
    await addRule(host, "C2:D3", "=C2>0.5", "#0000FF");
    host.sheet("KPI Data").breakRules(() => true, "undone");
    await expect(
      host.run(async (context) => {
        const collection = context.workbook.worksheets
          .getActiveWorksheet()
          .getRange().conditionalFormats;
        collection.load("items/id");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("ItemNotFound on stale deletes", () => {
  it("fails deleting a rule by an id that has gone, while getItemOrNullObject (ExcelApi 1.14) lets it pass", async () => {
    const host = installed(createExcelHost(undefined, { requirementSets: { ExcelApi: "1.14" } }));
    const remove = (orNull: boolean) =>
      host.run(async (context) => {
        const collection = context.workbook.worksheets
          .getActiveWorksheet()
          .getRange().conditionalFormats;
        (orNull ? collection.getItemOrNullObject("999") : collection.getItem("999")).delete();
        await context.sync();
      });
    await expect(remove(false)).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(remove(true)).resolves.toBeUndefined();
  });
});

describe("rejected batches and a hanging sync", () => {
  it("refuses the next syncs whole, changing nothing", async () => {
    const host = installed(kpis());
    host.rejectSyncs(1, "GeneralException");
    const write = () =>
      host.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("E2").values = [["checked"]];
        await context.sync();
      });
    await expect(write()).rejects.toMatchObject({ code: "GeneralException" });
    expect(host.sheet("KPI Data").cell("E2").value ?? "").toBe("");
    await write();
    expect(host.sheet("KPI Data").cell("E2").value).toBe("checked");
  });

  it("holds every sync until released (office-js #6150, #6678)", async () => {
    const host = installed(kpis());
    const release = host.hangSyncs();
    let settled = false;
    const reading = host
      .run(async (context) => {
        const range = context.workbook.worksheets.getActiveWorksheet().getRange("C2");
        range.load("values");
        await context.sync();
        return range.values[0][0];
      })
      .finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    release();
    expect(await reading).toBe(0.24);
  });
});

describe("the locale", () => {
  it("answers Application.cultureInfo (ExcelApi 1.11) and Office.context.platform from the host's behaviour", async () => {
    const host = installed(
      kpis().behave({ platform: "Mac", culture: { name: "fr-FR", decimalSeparator: "," } })
    );
    const culture = await host.run(async (context) => {
      const info = context.workbook.application.cultureInfo;
      info.load("name,numberFormat/numberDecimalSeparator");
      await context.sync();
      return [info.name, info.numberFormat.numberDecimalSeparator];
    });
    expect(culture).toEqual(["fr-FR", ","]);
    expect(Office.context.platform).toBe("Mac");
  });
});

describe("NUMBERVALUE, which the formula judge adds to HyperFormula as Microsoft describes it", () => {
  it("reads text figures with the separators given, whatever the locale, and refuses what is not a figure", () => {
    expect(numberValue("173.75", ".", ",")).toBe(173.75);
    expect(numberValue("91%", ".", ",")).toBeCloseTo(0.91, 12);
    expect(numberValue(" 1 250 ", ".", ",")).toBe(1250);
    expect(numberValue("2.500,27", ",", ".")).toBeCloseTo(2500.27, 10);
    expect(numberValue("", ".", ",")).toBe(0);
    expect(numberValue(0.5, ".", ",")).toBe(0.5);
    expect(numberValue("1.2.3", ".", ",")).toMatchObject({ type: "VALUE" });
    expect(numberValue("12.5,0", ".", ",")).toMatchObject({ type: "VALUE" });
    expect(numberValue("N/A", ".", ",")).toMatchObject({ type: "VALUE" });
  });
});

describe("ROUND, as Excel rounds", () => {
  it("rounds the number its 15 digits write, half away from zero: 0.575 to 0.58, 1.005 to 1.01, -0.565 to -0.57", () => {
    expect(excelRound(0.575, 2)).toBe(0.58);
    expect(excelRound(1.005, 2)).toBe(1.01);
    expect(excelRound(-0.565, 2)).toBe(-0.57);
    expect(excelRound(2.5, 0)).toBe(3);
    expect(excelRound(1234.5, -1)).toBe(1230);
    expect(excelRound(0.1 + 0.2, 15)).toBe(0.3);
  });

  it("is the ROUND the formula judge calculates with", () => {
    const engine = HyperFormula.buildFromArray([["=ROUND(0.575,2)", "=ROUND(1.005,2)"]], {
      licenseKey: "gpl-v3",
    });
    expect(engine.getSheetValues(0)).toEqual([[0.58, 1.01]]);
    engine.destroy();
  });
});
