import { describe, expect, it } from "vitest";
import { buildRegister } from "../../src/core";
import { rate } from "../../src/core/rating/rate";
import { catalogue } from "../../src/core/register/catalogue";
import { lookUp } from "../../src/core/register/register";
import { readRegisterTable } from "../../src/excel/register-table";
import { insertRegisterTable } from "../../src/excel/table-insertion";
import { explainFailure } from "../../src/excel/run";
import { createExcelHost } from "../support";
import { installedHost } from "./appendix-host";
import { registerHeaders } from "../support/register-headers";

describe("the workbook's KPIRegister table through Office.js", () => {
  it("is read with its header and rows from the Appendix A workbook, and overrides the catalogue row by row", async () => {
    await installedHost("appendix-a.xlsx");
    const table = await Excel.run(readRegisterTable);
    expect(table?.values[0]).toEqual([...registerHeaders]);
    const register = buildRegister(table);
    expect(register.problems).toEqual([]);
    expect(lookUp(register, "KPI-22")?.source).toBe("workbook");
    expect(rate(0.85, lookUp(register, "KPI-22")!.definition).status).toBe("Amber");
    expect(lookUp(register, "KPI-2")?.source).toBe("catalogue");
  });

  it("is undefined in a workbook without one", async () => {
    await installedHost("appendix-i.xlsx");
    expect(await Excel.run(readRegisterTable)).toBeUndefined();
  });

  it("is inserted on a KPI Register sheet, filled from the catalogue, where the workbook has none", async () => {
    const host = await installedHost("appendix-i.xlsx");
    const inserted = await Excel.run(insertRegisterTable);
    expect(inserted).toEqual({ created: true, added: catalogue.length });
    const table = host.table("KPIRegister");
    expect(table.sheet).toBe("KPI Register");
    expect(table.headers).toEqual([...registerHeaders]);
    expect(table.rows).toHaveLength(catalogue.length);
    const kpi18 = table.rows.find((row) => row[0] === "KPI-18")!;
    expect(kpi18.slice(3, 8)).toEqual(["Smaller is better", "%", "9%", "15%", "<=15%"]);
    const register = buildRegister(await Excel.run(readRegisterTable));
    // The one row of the appendices that contradicts itself is reported, as it is on the appendix sheet.
    expect(register.problems).toEqual([
      expect.stringMatching(
        /^Row \d+ of KPIRegister \(SPI-4\): the tolerance \(15%\) is on the better side of the target \(25%\)/
      ),
    ]);
    expect(rate(0.1, lookUp(register, "KPI-18")!.definition).status).toBe("Amber");
  });

  it("gets only the catalogue's missing rows added to an existing table, the analyst's rows untouched", async () => {
    const host = await installedHost("appendix-a.xlsx");
    const before = host.table("KPIRegister").rows;
    const inserted = await Excel.run(insertRegisterTable);
    const after = host.table("KPIRegister").rows;
    expect(inserted.created).toBe(false);
    expect(inserted.added).toBe(catalogue.length - before.length);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(new Set(after.map((row) => String(row[0]).toUpperCase())).size).toBe(catalogue.length);
    expect(await Excel.run(insertRegisterTable)).toEqual({ created: false, added: 0 });
  });

  it("refuses to top up a table without an ID column, saying why, rather than guess which KPIs it lacks", async () => {
    const host = createExcelHost({
      "KPI Register": [
        ["Code", "Measure"],
        ["KPI-18", "Placements"],
      ],
    });
    const uninstall = host.install();
    try {
      await Excel.run(async (context) => {
        context.workbook.worksheets
          .getItem("KPI Register")
          .tables.add("'KPI Register'!A1:B2", true).name = "KPIRegister";
        await context.sync();
      });
      const failure = await Excel.run(insertRegisterTable).catch((error: unknown) => error);
      expect(explainFailure(failure, "The KPI register was not changed")).toBe(
        "The KPI register was not changed: the KPIRegister table has no ID column, so the add-in cannot tell which KPIs it lacks: add the ID header back."
      );
      expect(host.table("KPIRegister").rows).toEqual([["KPI-18", "Placements"]]);
    } finally {
      uninstall();
    }
  });

  it("reports a malformed row in words and lets the catalogue answer for it", async () => {
    const host = createExcelHost({
      "KPI Register": [
        [...registerHeaders],
        ["KPI-18", "Placements", "LAC", "Smaller is better", "%", "25%", "15%", "", ""],
        ["KPI-22", "Reviews", "LAC", "Bigger is better", "%", "90%", "80%", "", ""],
        ["not an id!", "", "", "", "", "", "", "", ""],
      ],
    });
    const uninstall = host.install();
    try {
      await Excel.run(async (context) => {
        context.workbook.worksheets
          .getItem("KPI Register")
          .tables.add("'KPI Register'!A1:I4", true).name = "KPIRegister";
        await context.sync();
      });
      const register = buildRegister(await Excel.run(readRegisterTable));
      expect(register.problems).toEqual([
        "Row 2 of KPIRegister (KPI-18): the tolerance (15%) is on the better side of the target (25%) for Smaller is better: ignored, the built-in catalogue answers for it",
        'Row 4 of KPIRegister: "not an id!" is not a KPI id such as KPI-18: ignored',
      ]);
      expect(lookUp(register, "KPI-18")?.source).toBe("catalogue");
      expect(lookUp(register, "KPI-22")?.source).toBe("workbook");
    } finally {
      uninstall();
    }
  });
});
