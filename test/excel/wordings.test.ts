/**
 * A scorecard in other councils' wordings, formatted through Office.js on the simulated Excel: polarity
 * codes and phrases, thresholds in words, a ±5% margin, a context measure, suppression symbols, TBC and a
 * formula showing empty text. The colours Excel's rules paint are judged by the formula engine, and the
 * expected ones worked out by hand from PRODUCT.md.
 */
import { describe, expect, it } from "vitest";
import { builtInRegister } from "../../src/core";
import { applyRagFormatting } from "../../src/excel/active-sheet";
import { detectCapabilities } from "../../src/excel/requirements";
import { createExcelHost, hyperFormulaEvaluator } from "../support";
import { paintedCells } from "../support/rule-engine";
import { scorecardRows, scorecardStatuses } from "../core/wordings-scorecard";
import { ownRulesOf, sheetValues } from "./appendix-host";

const colours: Record<string, string> = { Green: "#C6EFCE", Amber: "#FFEB9C", Red: "#FFC7CE" };

describe("formatting a scorecard in other councils' wordings", () => {
  it("paints each figure by its row's own wording, and leaves c, TBC and a formula's empty text uncoloured", async () => {
    // The shared scorecard, and a row whose first figure is a formula showing empty text.
    const rows = [
      ...scorecardRows,
      [
        "Initial health assessments within 20 working days",
        "H",
        "90%",
        "80%",
        '=IF(H7="","",H7)',
        "79%",
      ],
    ];
    const host = createExcelHost(
      { Scorecard: rows },
      { formulaEvaluator: hyperFormulaEvaluator() }
    );
    const uninstall = host.install();
    try {
      await Excel.run((context) =>
        applyRagFormatting(context, builtInRegister, "Standard", detectCapabilities())
      );
      expect(host.sheet("Scorecard").cell("E7").value).toBe("");
      const painted = Object.fromEntries(
        [...paintedCells(sheetValues(host, "Scorecard"), ownRulesOf(host, "Scorecard"))].sort()
      );
      const expected = Object.entries({ ...scorecardStatuses, F7: "Red" }).flatMap(
        ([address, status]) => (colours[status] ? [[address, colours[status]]] : [])
      );
      expect(painted).toEqual(Object.fromEntries(expected.sort()));
    } finally {
      uninstall();
    }
  });
});
