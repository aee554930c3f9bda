/** The KPISettings table the pane writes when the analyst chooses a scheme by name, on the simulated Excel. */
import { afterEach, describe, expect, it } from "vitest";
import { workbookSettings, schemeName } from "../../src/core";
import { readWorkbookTables } from "../../src/excel/register-table";
import { explainFailure } from "../../src/excel/run";
import { insertSettingsTable } from "../../src/excel/table-insertion";
import { createExcelHost, type ExcelHost } from "../support";

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function installed(host: ExcelHost): ExcelHost {
  uninstall = host.install();
  return host;
}

/** The scheme the workbook's tables now choose, as the pane and the functions read it. */
async function chosenScheme(): Promise<string> {
  const tables = await Excel.run(readWorkbookTables);
  return schemeName(workbookSettings(tables.settings, undefined).settings.scheme);
}

describe("choosing a scheme into the KPISettings table", () => {
  it("inserts the table on the KPI Register sheet, right of the register, with the Percentage of target rows", async () => {
    const host = installed(
      createExcelHost({ Scorecard: [["Measure"]], "KPI Register": [["ID", "Measure"]] })
    );
    const inserted = await Excel.run((context) =>
      insertSettingsTable(context, "Percentage of target")
    );
    expect(inserted).toEqual({ created: true, added: 3 });
    const table = host.table("KPISettings");
    expect(table.sheet).toBe("KPI Register");
    expect(table.headers).toEqual(["Setting", "Value"]);
    expect(table.rows).toEqual([
      ["Scheme", "Percentage of target"],
      ["Green within", "5%"],
      ["Amber within", "10%"],
    ]);
    expect(host.sheet("KPI Register").values("A1")).toEqual([["ID"]]);
    expect(await chosenScheme()).toBe("Percentage of target (Green within 5%, Amber within 10%)");
  });

  it("adds the KPI Register sheet where the workbook has none", async () => {
    const host = installed(createExcelHost({ Scorecard: [["Measure"]] }));
    await Excel.run((context) => insertSettingsTable(context, "Amber by direction"));
    expect(host.table("KPISettings").sheet).toBe("KPI Register");
    expect(await chosenScheme()).toBe("Amber by direction");
  });

  it("changes an existing table's Scheme row, never adding a second table or row, and keeps the analyst's own figures", async () => {
    const host = installed(
      createExcelHost({
        "KPI Register": [
          ["Setting", "Value"],
          ["Symbols", "Yes"],
          ["Scheme", "Green and Red only"],
          ["Green within", "3%"],
        ],
      })
    );
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("KPI Register").tables.add("A1:B4", true).name =
        "KPISettings";
      await context.sync();
    });
    const inserted = await Excel.run((context) =>
      insertSettingsTable(context, "Percentage of target")
    );
    expect(inserted).toEqual({ created: false, added: 1 });
    // Excel keeps a typed 3%, and an added "10%", as the fractions they are.
    expect(host.table("KPISettings").rows).toEqual([
      ["Symbols", "Yes"],
      ["Scheme", "Percentage of target"],
      ["Green within", 0.03],
      ["Amber within", 0.1],
    ]);
    expect(host.snapshot().sheets.flatMap((sheet) => sheet.tables)).toHaveLength(1);
    expect(await chosenScheme()).toBe("Percentage of target (Green within 3%, Amber within 10%)");

    await Excel.run((context) => insertSettingsTable(context, "Standard"));
    expect(host.table("KPISettings").rows).toHaveLength(4);
    expect(host.table("KPISettings").rows[1]).toEqual(["Scheme", "Standard"]);
    expect(await chosenScheme()).toBe("Standard");
  });

  it("says the sheet is protected, in words, when Excel refuses the change, and changes nothing", async () => {
    const host = installed(createExcelHost({ "KPI Register": [["ID", "Measure"]] }));
    const before = host.snapshot();
    host.rejectSyncs(3, "AccessDenied");
    const failure = await Excel.run((context) =>
      insertSettingsTable(context, "Blue for exceeding")
    ).catch((error: unknown) => error);
    expect(explainFailure(failure, "The scheme was not changed")).toBe(
      "The scheme was not changed: the sheet is protected or locked. Unprotect it (Review > Unprotect Sheet) and try again."
    );
    expect(host.snapshot()).toEqual(before);
  });
});
