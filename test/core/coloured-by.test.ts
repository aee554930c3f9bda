import { describe, expect, it } from "vitest";
import {
  colouringSet,
  findTables,
  sheetColours,
  toleranceSetsOf,
  type CellValue,
  type FoundTables,
} from "../../src/core";
import { appraiseTables } from "../../src/core/appraisal/appraisal";
import { formattingPlan } from "../../src/core/plan/plan";

/** A sheet whose one KPI (70% against 90%, tolerance 80%, Covid19 tolerance 60%) is Red by Standard and Amber by Covid19. */
function sheet(extraRows: CellValue[][] = []): FoundTables {
  const values: CellValue[][] = [
    ["Measure", "Polarity", "Target", "Tolerance", "Covid19 Tolerance", "2022/23 Q1"],
    ["Assessments completed within 45 days", "Bigger is better", "90%", "80%", "60%", "70%"],
    ...extraRows,
  ];
  return findTables({
    sheet: "KPIs",
    origin: { row: 0, column: 0 },
    values,
    numberFormats: values.map((row) => row.map(() => "General")),
    merges: [],
  });
}

/** The formulas of the rules Apply writes for a sheet under a set. */
function rulesOf(found: FoundTables, set: string): string[] {
  return formattingPlan(appraiseTables(found, set)).rules.map((rule) => rule.formula);
}

describe("which tolerance set coloured the sheet", () => {
  const found = sheet();
  const sets = toleranceSetsOf([found]);

  it("says the sheet is uncoloured when it carries none of the add-in's rules", () => {
    expect(sheetColours(found, [], sets, appraiseTables(found, "Standard"))).toEqual({
      kind: "uncoloured",
    });
  });

  it("says the sheet is coloured as shown when its rules are the shown set's, whatever their spacing and letter case", () => {
    const onSheet = rulesOf(found, "Standard").map((formula) =>
      formula.toLowerCase().replace(/,/g, ", ")
    );
    expect(sheetColours(found, onSheet, sets, appraiseTables(found, "Standard"))).toEqual({
      kind: "as shown",
      toleranceSet: "Standard",
    });
  });

  it("names the other set when the sheet was coloured by Covid19 and the pane shows Standard", () => {
    expect(rulesOf(found, "Covid19")).not.toEqual(rulesOf(found, "Standard"));
    expect(
      sheetColours(found, rulesOf(found, "Covid19"), sets, appraiseTables(found, "Standard"))
    ).toEqual({ kind: "by another set", toleranceSet: "Covid19" });
  });

  it("says the colours are outdated when a KPI row with its own thresholds was added after they were applied", () => {
    const grown = sheet([
      ["Care leavers in touch", "Smaller is better", "10%", "15%", "20%", "12%"],
    ]);
    expect(
      sheetColours(grown, rulesOf(found, "Standard"), sets, appraiseTables(grown, "Standard"))
    ).toEqual({ kind: "outdated" });
  });

  it("says the sheet is coloured as shown after a plain-number target is edited, its rules reading that cell, and outdated once the target is words", () => {
    const withTarget = (target: CellValue): FoundTables => {
      const values: CellValue[][] = [
        ["Measure", "Polarity", "Target", "Tolerance", "2022/23 Q1"],
        ["Assessments completed within 45 days", "Bigger is better", target, 0.8, 0.7],
      ];
      return findTables({
        sheet: "KPIs",
        origin: { row: 0, column: 0 },
        values,
        numberFormats: values.map((row) =>
          row.map((cell) => (typeof cell === "number" ? "0%" : "General"))
        ),
        merges: [],
      });
    };
    const applied = rulesOf(withTarget(0.9), "Standard");
    const edited = withTarget(0.85);
    expect(sheetColours(edited, applied, ["Standard"], appraiseTables(edited, "Standard"))).toEqual(
      { kind: "as shown", toleranceSet: "Standard" }
    );
    const worded = withTarget("TBC");
    expect(sheetColours(worded, applied, ["Standard"], appraiseTables(worded, "Standard"))).toEqual(
      { kind: "outdated" }
    );
  });

  it("gives the set whose colours the sheet shows only where one set's rules are there", () => {
    expect(colouringSet({ kind: "as shown", toleranceSet: "Standard" })).toBe("Standard");
    expect(colouringSet({ kind: "by another set", toleranceSet: "Covid19" })).toBe("Covid19");
    expect(colouringSet({ kind: "outdated" })).toBeUndefined();
    expect(colouringSet({ kind: "uncoloured" })).toBeUndefined();
  });
});
