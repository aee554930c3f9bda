import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as implementations from "../../src/functions/functions";
import { forgetRegister } from "../../src/excel/workbook-register";
import { cellFactsTiming } from "../../src/excel/function-requests";
import { asExcelCalls, fromCells, loadHostFromXlsx, type ExcelHost } from "../support";

/** Each function called as Excel calls it, from the functions.json its JSDoc makes. */
const { gap, rag, rate, target, trend } = asExcelCalls(
  path.join(__dirname, "..", "..", "src", "functions", "functions.ts"),
  implementations
);

const appendixA = path.join(__dirname, "..", "..", "examples", "appendix-a.xlsx");
let host: ExcelHost;
let uninstall: () => void;

beforeEach(async () => {
  forgetRegister();
  host = await loadHostFromXlsx(appendixA);
  uninstall = host.install();
});
afterEach(() => {
  uninstall();
  forgetRegister();
});

describe("KPI functions answering from the workbook's KPIRegister table in the shared runtime", () => {
  it("rates KPI-22 from the workbook's table (Bigger is better, 90%, 80%), where the catalogue has no target", async () => {
    expect(await rate(0.85, "KPI-22")).toBe("Amber");
    expect(await rate(0.95, "kpi-22")).toBe("Green");
    expect(await target("KPI-22")).toBe(0.9);
    expect(await rate(0.5, "KPI-2")).toBe("No target");
  });

  it("reads the table once and keeps it", async () => {
    await rate(0.85, "KPI-22");
    const syncs = host.syncCount;
    await rate(0.85, "KPI-22");
    await rate(0.1, "KPI-18");
    expect(host.syncCount).toBe(syncs);
  });

  it("follows an edited target: the table changes, the register is read again and only the KPI formulas recalculated", async () => {
    host.sheet("Appendix A").set("L4", [['=KPI.RATE(H4,"KPI-22")', "=SUM(1,2)"]]);
    expect(await rate(0.85, "KPI-22")).toBe("Amber");
    const row = host.table("KPIRegister").rows.findIndex((cells) => cells[0] === "KPI-22");
    const calculated = host.calculatedCells;
    await host.type("KPI Register", `F${row + 2}`, "80%");
    await host.settled();
    expect(host.calculatedCells - calculated).toBe(1);
    expect(host.fullRecalculationCount).toBe(0);
    expect(await rate(0.85, "KPI-22")).toBe("Green");
  });
});

describe("edits elsewhere in the workbook", () => {
  it("cost no recalculation when they are to another table", async () => {
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Other");
      sheet.getRange("A1:B2").values = [
        ["Name", "Count"],
        ["x", 1],
      ];
      sheet.tables.add("'Other'!A1:B2", true).name = "Other";
      await context.sync();
    });
    expect(await rate(0.85, "KPI-22")).toBe("Amber");
    await host.settled();
    const recalculations = host.recalculationCount;
    await host.type("Other", "B2", "2");
    await host.settled();
    expect(host.recalculationCount).toBe(recalculations);
  });
});

describe("a blank cell that Excel on Windows hands to a function as 0", () => {
  const at = fromCells;

  it("is No data when the cell it came from is empty, and a real 0 is still a figure", async () => {
    host.sheet("Appendix A").set("H4", [[0]]);
    expect(host.sheet("Appendix A").cell("G4").value ?? "").toBe("");
    expect(await rate(0, "KPI-18", undefined, at("'Appendix A'!G4"))).toBe("No data");
    expect(await rate(0, "KPI-18", undefined, at("'Appendix A'!H4"))).toBe("Green");
    expect(await rag(0, "9%", "15%", "Smaller is better", at("'Appendix A'!G4"))).toBe("No data");
    await expect(gap(0, "KPI-18", at("'Appendix A'!G4"))).rejects.toThrow("blank");
  });

  it("is skipped in a direction of travel, where real zeros count", async () => {
    host.sheet("Appendix A").set("G5", [[0.1, 0.08, null, 0]]);
    expect(await trend([[0.1, 0.08, 0, 0]], "KPI-18", at("'Appendix A'!G5:J5"))).toBe("Improved");
    host.sheet("Appendix A").set("G6", [[0.1, 0.12, null, null]]);
    expect(await trend([[0.1, 0.12, 0, 0]], "KPI-18", at("'Appendix A'!G6:J6"))).toBe("Declined");
  });
});

describe("a figure whose cell is formatted as %, which no function is told", () => {
  const at = fromCells;

  it("reads 105% in a % cell as 105%, not 1.05%, and 91% against thresholds written 90% and 75", async () => {
    host
      .sheet("Appendix A")
      .set("H10", [[1.05, 0.91]])
      .format("H10:I10", { numberFormat: "0%" });
    expect(await rate(1.05, "CKPI-8", undefined, at("'Appendix A'!H10"))).toBe("Green");
    expect(await rag(0.91, "90%", 75, "Bigger is better", at("'Appendix A'!I10"))).toBe("Green");
  });

  it("reads a whole-number series 1, 2, 5 in one scale: Declined for KPI-18, where smaller is better", async () => {
    host.sheet("Appendix A").set("H11", [[1, 2, 5]]);
    expect(await trend([[1, 2, 5]], "KPI-18", at("'Appendix A'!H11:J11"))).toBe("Declined");
  });

  it("asks Excel once for every formula calculating at the same time", async () => {
    host
      .sheet("Appendix A")
      .set("H12", [[0.05, 0.1, 0.2]])
      .format("H12:J12", { numberFormat: "0%" });
    await rate(0.1, "KPI-18");
    const syncs = host.syncCount;
    const statuses = await Promise.all([
      rate(0.05, "KPI-18", undefined, at("'Appendix A'!H12")),
      rate(0.1, "KPI-18", undefined, at("'Appendix A'!I12")),
      rate(0.2, "KPI-18", undefined, at("'Appendix A'!J12")),
    ]);
    expect(statuses).toEqual(["Green", "Amber", "Red"]);
    expect(host.syncCount - syncs).toBe(1);
  });
});

describe("when Excel cannot say what a figure's cell holds", () => {
  it("answers #N/A saying it could not read the cell's format, rather than rate a blank as 0", async () => {
    await rate(0.1, "KPI-18");
    host.rejectSyncs(1, "GeneralException");
    await expect(rate(0, "KPI-18", undefined, fromCells("'Appendix A'!G4"))).rejects.toMatchObject({
      name: "#N/A",
      message: expect.stringContaining("could not read the cell's format; try again"),
    });
    expect(await rate(0, "KPI-18", undefined, fromCells("'Appendix A'!G4"))).toBe("No data");
  });

  it("asks for each address on its own when one of a batch is refused, so only that formula fails", async () => {
    host
      .sheet("Appendix A")
      .set("H12", [[0.1]])
      .format("H12", { numberFormat: "0%" });
    await rate(0.1, "KPI-18");
    const [good, bad] = await Promise.allSettled([
      rate(0.1, "KPI-18", undefined, fromCells("'Appendix A'!H12")),
      rate(0, "KPI-18", undefined, fromCells("'No such sheet'!A1")),
    ]);
    expect(good).toEqual({ status: "fulfilled", value: "Amber" });
    expect(bad).toMatchObject({ status: "rejected", reason: { name: "#N/A" } });
  });

  it("gives up on a sync Excel never answers (office-js #6150, #6678) and answers #N/A, not #BUSY! for ever", async () => {
    await rate(0.1, "KPI-18");
    const patience = cellFactsTiming.patience;
    cellFactsTiming.patience = 50;
    const release = host.hangSyncs();
    try {
      await expect(
        rate(0, "KPI-18", undefined, fromCells("'Appendix A'!G4"))
      ).rejects.toMatchObject({ name: "#N/A" });
    } finally {
      release();
      cellFactsTiming.patience = patience;
    }
  });
});

describe("entity and formatted-number arguments (allowCustomDataForDataTypeAny)", () => {
  it("reads a formatted number by its basic value and its own format: 10% is Amber for KPI-18, without asking the cell", async () => {
    await rate(0.1, "KPI-18");
    const syncs = host.syncCount;
    expect(
      await rate(
        { type: "FormattedNumber", basicValue: 0.1, numberFormat: "0%" },
        "KPI-18",
        undefined,
        fromCells("'Appendix A'!G4")
      )
    ).toBe("Amber");
    expect(
      await rate({ type: "FormattedNumber", basicValue: 105, numberFormat: "0" }, "CKPI-8")
    ).toBe("Green");
    expect(host.syncCount).toBe(syncs);
  });

  it("reads an entity or a text value by its basic value, never as [object Object]", async () => {
    expect(await rate(0.1, { type: "String", basicValue: "KPI-18" })).toBe("Amber");
    expect(
      await rag({ type: "String", basicValue: "Not Available" }, "90%", "75%", "Bigger is better")
    ).toBe("No data");
    // An entity's basic value is #VALUE! (what Range.values gives for it): a figure it is not.
    expect(
      await rate(
        {
          type: "Entity",
          text: "Placement stability",
          basicType: "Error",
          basicValue: "#VALUE!",
          properties: {},
        },
        "KPI-18"
      )
    ).toBe("No data");
  });
});

describe("a deleted KPIRegister table", () => {
  it("stops answering once the table is deleted: the catalogue answers again and the KPI formulas recalculate", async () => {
    host.sheet("Appendix A").set("L4", [['=KPI.RATE(H4,"KPI-22")']]);
    expect(await rate(0.85, "KPI-22")).toBe("Amber");
    const calculated = host.calculatedCells;
    await host.run(async (context) => {
      context.workbook.tables.getItem("KPIRegister").delete();
      await context.sync();
    });
    await host.settled();
    expect(host.calculatedCells - calculated).toBe(1);
    expect(await rate(0.85, "KPI-22")).toBe("No target");
  });
});
