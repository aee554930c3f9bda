// @vitest-environment node
import { describe, expect, it } from "vitest";
import { createExcelHost, type ExcelHost } from "./index.js";

function registerSheet(): ExcelHost {
  return createExcelHost({
    "KPI Register": [
      ["ID", "Measure", "Target"],
      ["KPI-18", "% of LAC with 3 or more placements", "9%"],
      ["KPI-2", "Section 47s leading to ICPC", "22%"],
      [],
      ["Below the table"],
    ],
  });
}

async function addRegister(host: ExcelHost): Promise<void> {
  await host.run(async (context) => {
    const table = context.workbook.worksheets.getItem("KPI Register").tables.add("A1:C3", true);
    table.name = "KPIRegister";
    await context.sync();
  });
}

describe("tables", () => {
  it("reads back the header row and the rows of a table it added", async () => {
    const host = registerSheet();
    await addRegister(host);
    await host.run(async (context) => {
      const table = context.workbook.tables.getItem("KPIRegister");
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("address, values");
      const rows = table.rows.load("items/index, items/values");
      table.load("id, name, showHeaders");
      table.rows.load("count");
      await context.sync();
      expect(header.values).toEqual([["ID", "Measure", "Target"]]);
      expect(body.address).toBe("'KPI Register'!A2:C3");
      expect(rows.items.map((row) => [row.index, row.values[0]![0]])).toEqual([
        [0, "KPI-18"],
        [1, "KPI-2"],
      ]);
      expect([table.name, table.showHeaders, table.rows.count]).toEqual(["KPIRegister", true, 2]);
    });
    expect(host.table("KPIRegister")).toMatchObject({
      sheet: "KPI Register",
      address: "A1:C3",
      headers: ["ID", "Measure", "Target"],
      rows: [
        ["KPI-18", "% of LAC with 3 or more placements", 0.09],
        ["KPI-2", "Section 47s leading to ICPC", 0.22],
      ],
    });
  });

  it("appends rows at the end of the table, moving the cells below it down", async () => {
    const host = registerSheet();
    await addRegister(host);
    await host.run(async (context) => {
      context.workbook.tables
        .getItem("KPIRegister")
        .rows.add(undefined, [["KPI-3", "Repeat CP plans", "15%"]]);
      await context.sync();
    });
    expect(host.table("KPIRegister").address).toBe("A1:C4");
    expect(host.table("KPIRegister").rows[2]).toEqual(["KPI-3", "Repeat CP plans", 0.15]);
    expect(host.sheet("KPI Register").values("A6")).toEqual([["Below the table"]]);
  });

  it("refuses rows of the wrong width and changes nothing", async () => {
    const host = registerSheet();
    await addRegister(host);
    const adding = host.run(async (context) => {
      context.workbook.tables.getItem("KPIRegister").rows.add(0, [["KPI-3", "Repeat CP plans"]]);
      await context.sync();
    });
    await expect(adding).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(host.table("KPIRegister").address).toBe("A1:C3");
    expect(host.sheet("KPI Register").values("A5")).toEqual([["Below the table"]]);
  });

  it("turns blank and repeated headers into unique ones, and gives a header row alone an empty data row", async () => {
    const host = createExcelHost({ Sheet1: [["Target", "", "Target"]] });
    await host.run(async (context) => {
      context.workbook.tables.add("Sheet1!A1:C1", true);
      await context.sync();
    });
    expect(host.table("Table1")).toMatchObject({
      address: "A1:C2",
      headers: ["Target", "Column2", "Target2"],
      rows: [["", "", ""]],
    });
  });

  it("keeps table names valid and unique in the workbook", async () => {
    const host = registerSheet();
    await addRegister(host);
    const rename = (wanted: string) =>
      host.run(async (context) => {
        context.workbook.tables.getItem("KPIRegister").name = wanted;
        await context.sync();
      });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("KPI Register").tables.add("E1:F2", true).name =
        "Tolerances";
      await context.sync();
    });
    await expect(rename("tolerances")).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(rename("KPI Register")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(rename("A1")).rejects.toMatchObject({ code: "InvalidArgument" });
    await rename("Register_2024");
    expect(host.state.sheets[0]!.tables.map((table) => table.name)).toEqual([
      "Register_2024",
      "Tolerances",
    ]);
  });

  it("refuses a table over another table", async () => {
    const host = registerSheet();
    await addRegister(host);
    const overlapping = host.run(async (context) => {
      context.workbook.tables.add("'KPI Register'!B2:D4", true);
      await context.sync();
    });
    await expect(overlapping).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("gives a null object for a missing table and fails getItem with ItemNotFound", async () => {
    const host = registerSheet();
    await host.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject("KPIRegister");
      await context.sync();
      expect(table.isNullObject).toBe(true);
      context.workbook.tables.getItem("KPIRegister").getRange().load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("fails every use of a table once it is deleted, and clears its cells", async () => {
    const host = registerSheet();
    await addRegister(host);
    await host.run(async (context) => {
      const table = context.workbook.tables.getItem("KPIRegister");
      table.delete();
      await context.sync();
      table.rows.add(undefined, [["KPI-3", "Repeat CP plans", "15%"]]);
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(host.sheet("KPI Register").values("A1:C3")).toEqual([
      ["", "", ""],
      ["", "", ""],
      ["", "", ""],
    ]);
    expect(host.snapshot().sheets[0]!.tables).toEqual([]);
  });

  it("finds a table's columns by header name", async () => {
    const host = registerSheet();
    await addRegister(host);
    await host.run(async (context) => {
      const columns = context.workbook.tables.getItem("KPIRegister").columns;
      const target = columns.getItem("target").load("index, name, values");
      const missing = columns.getItemOrNullObject("Tolerance");
      columns.load("items/name");
      await context.sync();
      expect([target.index, target.name, target.values]).toEqual([
        2,
        "Target",
        [["Target"], [0.09], [0.22]],
      ]);
      expect(missing.isNullObject).toBe(true);
      expect(columns.items.map((column) => column.name)).toEqual(["ID", "Measure", "Target"]);
    });
  });
});
