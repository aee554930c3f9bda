/** The functions' namespace is written once in the code; the manifest must say the same. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { callsOwnFunction } from "../../src/core";
import { functionsNamespace } from "../../src/core/plan/formula";

describe("the functions' namespace", () => {
  it("is the namespace manifest.xml gives Excel", () => {
    const xml = readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");
    const resid = /<Namespace resid="([^"]+)"/.exec(xml)?.[1];
    const declared = new RegExp(
      `<bt:String id="${resid?.replace(/\./g, "\\.")}" DefaultValue="([^"]+)"`
    ).exec(xml)?.[1];
    expect(declared).toBe(functionsNamespace);
  });

  it("recognises a formula calling KPI.RATE however cased, and not one that only mentions KPI", () => {
    expect(callsOwnFunction('=KPI.RATE(H12,"KPI-18")')).toBe(true);
    expect(callsOwnFunction('=IF(A1="","",kpi.rag(A1,"90%","75%","Bigger is better"))')).toBe(true);
    expect(callsOwnFunction('="KPI"&A1')).toBe(false);
    expect(callsOwnFunction("=SUM(KPIS.A1)")).toBe(false);
    expect(callsOwnFunction(42)).toBe(false);
  });
});
