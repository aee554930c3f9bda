/**
 * The council scorecards of every layout (tolerance qualifiers, a target per year, a benchmarking report
 * with headers merged down, tables side by side, a monthly pack of Actual and Target rows, a long table,
 * headline columns), formatted through Office.js on the simulated Excel. The colours its rules paint are
 * judged by the formula engine against the statuses worked out by hand in test/core/council-layouts.ts.
 */
import { describe, expect, it } from "vitest";
import { builtInRegister, type Grid } from "../../src/core";
import { applyRagFormatting } from "../../src/excel/active-sheet";
import { detectCapabilities } from "../../src/excel/requirements";
import { createExcelHost, hyperFormulaEvaluator, type ExcelHost } from "../support";
import { paintedCells } from "../support/rule-engine";
import { createWorkbookState, updateCell } from "../support/workbook-state";
import { ratedScorecards } from "../core/council-layouts";
import { ownRulesOf, sheetValues } from "./appendix-host";

const colours: Record<string, string> = { Green: "#C6EFCE", Amber: "#FFEB9C", Red: "#FFC7CE" };

/** A simulated Excel holding a grid as it stands: its values (text stays text), number formats and merges. */
function hostOf(grid: Grid, requirementSet = "1.13"): ExcelHost {
  const workbook = createWorkbookState({ [grid.sheet]: [] });
  const sheet = workbook.sheets[0];
  grid.values.forEach((row, rowIndex) =>
    row.forEach((value, columnIndex) => {
      if (value === null) return;
      updateCell(sheet, rowIndex, columnIndex, {
        value: typeof value === "object" ? value.error : value,
        numberFormat: grid.numberFormats[rowIndex]?.[columnIndex] ?? "General",
      });
    })
  );
  sheet.merges = grid.merges.map((area) => ({ ...area }));
  return createExcelHost(workbook, {
    formulaEvaluator: hyperFormulaEvaluator(),
    requirementSets: { ExcelApi: requirementSet },
  });
}

/** Every card in an Excel that reads merged areas, and the quarters under merged years in one that cannot. */
const cases = [
  ...ratedScorecards
    .filter((card) => card.grid.sheet !== "Text figures")
    .map((card) => ({ scorecard: card, requirementSet: "1.13", where: "" })),
  {
    scorecard: ratedScorecards.find((card) => card.grid.sheet === "Quarters by year")!,
    requirementSet: "1.12",
    where:
      " in an Excel too old to read merged areas, each year standing over its quarters up to the next",
  },
];

describe("formatting every council layout through Office.js", () => {
  for (const { scorecard, requirementSet, where } of cases) {
    it(`paints ${scorecard.title} exactly as worked out by hand${where}`, async () => {
      const host = hostOf(scorecard.grid, requirementSet);
      const uninstall = host.install();
      try {
        await Excel.run((context) =>
          applyRagFormatting(context, builtInRegister, "Standard", detectCapabilities())
        );
        const painted = Object.fromEntries(
          [
            ...paintedCells(
              sheetValues(host, scorecard.grid.sheet),
              ownRulesOf(host, scorecard.grid.sheet)
            ),
          ].sort()
        );
        const expected = scorecard.expected.flatMap(([, , address, status]) =>
          colours[status] ? [[address, colours[status]]] : []
        );
        expect(painted).toEqual(Object.fromEntries(expected.sort()));
        // Applying changes no value of the sheet.
        expect(sheetValues(host, scorecard.grid.sheet)[0][0]).toBe(
          scorecard.grid.values[0][0] ?? null
        );
      } finally {
        uninstall();
      }
    });
  }
});
