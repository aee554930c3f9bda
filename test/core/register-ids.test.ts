/**
 * A KPI column names register entries by id (PRODUCT.md, "KPI register"): a KPI number ("KPI 18", "18")
 * and any id the workbook's KPIRegister table adds ("CSC-07"), in either register. An id neither knows is
 * Check definition, saying so, never a colour.
 */
import { describe, expect, it } from "vitest";
import { buildRegister, findTables, type CellValue } from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport } from "../support/planned-with-report";
import { registerHeaders } from "../support/register-headers";

// The workbook's own entry: smaller is better, target 18, tolerance 22, a count.
const register = buildRegister({
  values: [
    [...registerHeaders],
    [
      "CSC-07",
      "Children missing education",
      "Education",
      "Smaller is better",
      "Count",
      18,
      22,
      null,
      null,
    ],
  ],
});

const rated = (id: CellValue) =>
  plannedWithReport(
    findTables(
      paddedGrid(
        "KPIs",
        [
          ["KPI", "Measure", "Q1 2024/25", "Q2 2024/25", "Q3 2024/25"],
          [id, "Children missing education", 17, 21, 23],
        ],
        () => "General"
      ),
      register
    )
  ).tables[0].rows[0];

describe("ids in a KPI column", () => {
  it("rates CSC-07, an id the workbook's register adds, by its entry: 17 Green, 21 Amber, 23 Red", () => {
    const row = rated("CSC-07");
    expect(row.source).toBe("workbook");
    expect(row.cells.map((cell) => cell.status)).toEqual(["Green", "Amber", "Red"]);
  });

  it("says Check definition for an id in neither register, naming it", () => {
    const row = rated("CSC-99");
    expect(row.cells.map((cell) => cell.status)).toEqual(Array(3).fill("Check definition"));
    expect(row.cells[0].reason).toContain(
      "CSC-99 is in neither the workbook's KPIRegister table nor the built-in catalogue"
    );
  });
});
