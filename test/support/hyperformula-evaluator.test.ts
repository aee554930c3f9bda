// @vitest-environment node
import { describe, expect, it } from "vitest";
import { createExcelHost, hyperFormulaEvaluator } from "./index.js";

describe("the HyperFormula evaluator", () => {
  it("calculates ordinary formulas and follows the analyst's edits", async () => {
    const host = createExcelHost({
      Appendix: [
        ["Q1", "Q2", "Average"],
        [0.8, 0.9, "=AVERAGE(A2:B2)"],
        ["=1/0", "=NA()", "=A2>B2"],
      ],
    });
    host.setFormulaEvaluator(hyperFormulaEvaluator());
    expect(host.sheet("Appendix").values("C2")).toEqual([[0.85]]);
    expect(host.sheet("Appendix").values("A3:C3")).toEqual([["#DIV/0!", "#N/A", false]]);
    await host.type("Appendix", "B2", "100%");
    expect(host.sheet("Appendix").values("C2")).toEqual([[0.9]]);
  });

  it("calls a custom function with Office.js values and shows what it returns", async () => {
    const host = createExcelHost({
      Appendix: [
        ["Q1", "Rating"],
        ["91%", '=KPI.RATE(A2,"KPI-18")'],
        ["", '=KPI.RATE(A3,"KPI-18")'],
      ],
    });
    const calls: unknown[][] = [];
    host.setFormulaEvaluator(
      hyperFormulaEvaluator({
        functions: {
          "KPI.RATE": (value, kpi) => {
            calls.push([value, kpi]);
            if (value === "") return "No data";
            return typeof value === "number" && value >= 0.9 ? "Green" : "#N/A";
          },
        },
      })
    );
    expect(host.sheet("Appendix").values("B2:B3")).toEqual([["Green"], ["No data"]]);
    expect(calls).toContainEqual([0.91, "KPI-18"]);
    await host.type("Appendix", "A2", "80%");
    expect(host.sheet("Appendix").values("B2")).toEqual([["#N/A"]]);
  });

  it("keeps text that looks like a number as text", () => {
    const host = createExcelHost();
    host.activeSheet.format("A1", { numberFormat: "@" }).set("A1", [["90%", "=ISTEXT(A1)"]]);
    host.setFormulaEvaluator(hyperFormulaEvaluator());
    expect(host.activeSheet.values("A1:B1")).toEqual([["90%", true]]);
  });
});
