import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rate, target } from "../../src/functions/functions";
import { forgetRegister } from "../../src/functions/register-source";
import { loadHostFromXlsx, type ExcelHost } from "../support";

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

  it("follows an edited target: the table changes, the register is read again and the workbook recalculated", async () => {
    expect(await rate(0.85, "KPI-22")).toBe("Amber");
    const row = host.table("KPIRegister").rows.findIndex((cells) => cells[0] === "KPI-22");
    const recalculations = host.recalculationCount;
    await host.type("KPI Register", `F${row + 2}`, "80%");
    await host.settled();
    expect(host.recalculationCount).toBeGreaterThan(recalculations);
    expect(await rate(0.85, "KPI-22")).toBe("Green");
  });
});
