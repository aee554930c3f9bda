// @vitest-environment node
import { describe, expect, it } from "vitest";
import { createExcelHost, type ExcelHost } from "./index.js";

function registerBook(): ExcelHost {
  return createExcelHost({
    "KPI Register": [
      ["ID", "Target"],
      ["KPI-18", "9%"],
    ],
    Appendix: [
      ["KPI", "Q1", "Rating"],
      [18, "10%", '=KPI.RATE(B2,"KPI-18")'],
    ],
  });
}

async function addRegisterTable(host: ExcelHost): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem("KPI Register").tables.add("A1:B2", true).name =
      "KPIRegister";
    await context.sync();
  });
}

describe("change events", () => {
  it("calls a table's onChanged handler when the analyst edits the table", async () => {
    const host = registerBook();
    await addRegisterTable(host);
    const seen: Excel.TableChangedEventArgs[] = [];
    await host.run(async (context) => {
      context.workbook.tables.getItem("KPIRegister").onChanged.add(async (event) => {
        seen.push(event);
      });
      await context.sync();
    });
    await host.type("KPI Register", "B2", "12%");
    await host.type("Appendix", "B2", "11%");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      type: "TableChanged",
      changeType: "RangeEdited",
      address: "B2",
      source: "Local",
      tableId: host.table("KPIRegister").id,
      worksheetId: host.sheet("KPI Register").id,
      details: { valueBefore: 0.09, valueAfter: 0.12 },
    });
  });

  it("gives the handler a range it can load in its own Excel.run", async () => {
    const host = registerBook();
    let edited: unknown;
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Appendix").onChanged.add(async (event) => {
        edited = await host.run(async (handlerContext) => {
          const range = event.getRange(handlerContext).load("address, values");
          await handlerContext.sync();
          return [range.address, range.values];
        });
      });
      await context.sync();
    });
    await host.type("Appendix", "B2:B2", [["8%"]]);
    expect(edited).toEqual(["Appendix!B2", [[0.08]]]);
  });

  it("fires worksheet onChanged for the add-in's own writes, after the sync", async () => {
    const host = registerBook();
    const addresses: string[] = [];
    await host.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (event) => {
        addresses.push(event.address);
      });
      await context.sync();
      context.workbook.worksheets.getItem("Appendix").getRange("B2:B3").values = [["9%"], ["7%"]];
      await context.sync();
    });
    await host.settled();
    expect(addresses).toEqual(["B2:B3"]);
  });

  it("does not register a handler until the request is synced", async () => {
    const host = registerBook();
    let calls = 0;
    await host.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async () => {
        calls++;
      });
      await host.type("Appendix", "B2", "9%");
      expect(calls).toBe(0);
      await context.sync();
    });
    await host.type("Appendix", "B2", "10%");
    expect(calls).toBe(1);
  });

  it("stops calling a handler once it is removed", async () => {
    const host = registerBook();
    let calls = 0;
    const registration = await host.run(async (context) => {
      const result = context.workbook.worksheets.getItem("Appendix").onChanged.add(async () => {
        calls++;
      });
      await context.sync();
      return result;
    });
    await host.type("Appendix", "B2", "9%");
    await host.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
    await host.type("Appendix", "B2", "10%");
    expect(calls).toBe(1);
  });

  it("tells onActivated handlers when the analyst switches sheets", async () => {
    const host = registerBook();
    const activated: string[] = [];
    await host.run(async (context) => {
      context.workbook.worksheets.onActivated.add(async (event) => {
        activated.push(event.worksheetId);
      });
      await context.sync();
    });
    await host.activate("Appendix");
    expect(activated).toEqual([host.sheet("Appendix").id]);
  });

  it("tells workbook.tables.onAdded handlers about a new table, where ExcelApi 1.9 is there", async () => {
    const host = registerBook();
    const added: string[] = [];
    await host.run(async (context) => {
      context.workbook.tables.onAdded.add(async (event) => {
        added.push(event.tableId);
      });
      await context.sync();
    });
    await addRegisterTable(host);
    await host.settled();
    expect(added).toEqual([host.table("KPIRegister").id]);
  });

  it("surfaces a failing handler when the test waits for the events", async () => {
    const host = registerBook();
    await host.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async () => {
        throw new Error("the pane could not re-read the sheet");
      });
      await context.sync();
    });
    await expect(host.type("Appendix", "B2", "9%")).rejects.toThrow(
      "the pane could not re-read the sheet"
    );
  });
});

describe("recalculation", () => {
  it("counts each application.calculate", async () => {
    const host = registerBook();
    await host.run(async (context) => {
      context.workbook.application.calculate("Full");
      context.workbook.application.calculate("Recalculate");
      await context.sync();
    });
    expect(host.recalculationCount).toBe(2);
  });

  it("evaluates formulas with the plugged-in evaluator, before a load in the same request reads them", async () => {
    const host = registerBook();
    const valueAt = (sheet: string, address: string) =>
      host.sheet(sheet).cell(address).value as number;
    host.setFormulaEvaluator(
      () => (formula) =>
        formula.startsWith("=KPI.RATE")
          ? valueAt("Appendix", "B2") <= valueAt("KPI Register", "B2")
            ? "Green"
            : "Red"
          : "#NAME?"
    );
    expect(host.sheet("Appendix").cell("C2")).toMatchObject({
      formula: '=KPI.RATE(B2,"KPI-18")',
      value: "Red",
    });
    await host.type("KPI Register", "B2", "12%");
    expect(host.sheet("Appendix").cell("C2").value).toBe("Green");
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Appendix");
      sheet.getRange("B3:C3").formulas = [["20%", '=KPI.RATE(B3,"KPI-18")']];
      const rating = sheet.getRange("C3").load("values");
      await context.sync();
      expect(rating.values).toEqual([["Green"]]); // this evaluator reads B2 whatever the row
    });
  });
});
