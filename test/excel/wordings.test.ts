/**
 * A scorecard in other councils' wordings, formatted through Office.js on the simulated Excel: polarity
 * codes and phrases, thresholds in words, a ±5% margin, a context measure, suppression symbols, TBC and a
 * formula showing empty text. The colours Excel's rules paint are judged by the formula engine, and the
 * expected ones worked out by hand from PRODUCT.md.
 */
import { describe, expect, it } from "vitest";
import { builtInRegister } from "../../src/core";
import { applyRagFormatting } from "../../src/excel/active-sheet";
import { createExcelHost, hyperFormulaEvaluator } from "../support";
import { paintedCells } from "../support/rule-engine";
import { ownRulesOf, sheetValues } from "./appendix-host";

const green = "#C6EFCE";
const amber = "#FFEB9C";
const red = "#FFC7CE";

describe("formatting a scorecard in other councils' wordings", () => {
  it("paints each figure by its row's own wording, and leaves c, TBC and a formula's empty text uncoloured", async () => {
    const host = createExcelHost(
      {
        Scorecard: [
          ["Measure", "Polarity", "Target", "Tolerance", "2021/22", "2022/23"],
          // 95% less 5% of 95%: amber floor 90.25%.
          ["Care leavers the council is in touch with", "H", "95%", "±5%", "96%", "91%"],
          // 22% itself has not met "Less than 22%".
          ["Re-referrals within 12 months", "L", "Less than 22%", "28%", "22%", "21%"],
          ["Children in care", "Monitoring only", null, null, 612, 598],
          ["Children on a plan for a second time", "Aim to reduce", "No more than 15%", "20%", "c", "15%"],
          // 60% less 5 points: amber floor 55%.
          ["EHC plans issued within 20 weeks", "Good is: High", "At least 60%", "5 points", "TBC", "55%"],
          ["Initial health assessments within 20 working days", "H", "90%", "80%", '=IF(H7="","",H7)', "79%"],
        ],
      },
      { formulaEvaluator: hyperFormulaEvaluator() },
    );
    const uninstall = host.install();
    try {
      await Excel.run((context) => applyRagFormatting(context, builtInRegister, "Standard", { rangeAreas: true, events: true, copySheet: true }));
      expect(host.sheet("Scorecard").cell("E7").value).toBe("");
      const painted = Object.fromEntries([...paintedCells(sheetValues(host, "Scorecard"), ownRulesOf(host, "Scorecard"))].sort());
      expect(painted).toEqual({ E2: green, F2: amber, E3: amber, F3: green, F5: green, F6: amber, F7: red });
    } finally {
      uninstall();
    }
  });
});
