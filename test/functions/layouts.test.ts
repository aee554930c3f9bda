/**
 * A formula and a coloured cell agree on the new layouts: KPI.RAG, given the thresholds that rate a cell
 * (its year's Target and Tolerance, or its month's Target and Tolerance rows), returns the status the
 * pane and kpi-rag give that cell.
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import { findTables, parseCellAddress, type CellValue, type Grid } from "../../src/core";
import * as implementations from "../../src/functions/functions";
import { asExcelCalls } from "../support";
import { plannedWithReport } from "../support/planned-with-report";
import { monthlyPack, targetsPerYear } from "../core/council-layouts";

const { rag } = asExcelCalls(
  path.join(__dirname, "..", "..", "src", "functions", "functions.ts"),
  implementations
);

/** The cell at an A1 address of a grid whose origin is A1. */
function at(grid: Grid, address: string): CellValue {
  const position = parseCellAddress(address)!;
  return grid.values[position.row]?.[position.column] ?? null;
}

/** Every rated cell of a grid with the status the report gives it. */
function reported(grid: Grid): Array<{ address: string; status: string }> {
  return plannedWithReport(findTables(grid)).tables.flatMap((table) =>
    table.rows.flatMap((row) => row.cells.map(({ address, status }) => ({ address, status })))
  );
}

describe("KPI.RAG agrees with the colours of a table with a target per year", () => {
  // Columns I to L are Q4 2022/23, Q1 and Q2 2023/24 and Q1 2024/25; each year's Target and Tolerance
  // stand in C:D, E:F and G:H.
  const yearColumns: Record<string, [string, string]> = {
    I: ["C", "D"],
    J: ["E", "F"],
    K: ["E", "F"],
    L: ["G", "H"],
  };
  for (const { address, status } of reported(targetsPerYear.grid)) {
    const [column, row] = [address.replace(/\d+/, ""), address.replace(/\D+/, "")];
    const [target, tolerance] = yearColumns[column];
    it(`rates ${address} ${status} against its own year's thresholds (${target}${row}, ${tolerance}${row})`, async () => {
      const grid = targetsPerYear.grid;
      expect(
        await rag(
          at(grid, address),
          at(grid, `${target}${row}`),
          at(grid, `${tolerance}${row}`),
          at(grid, `B${row}`)
        )
      ).toBe(status);
    });
  }
});

describe("KPI.RAG agrees with the colours of a monthly pack of Actual and Target rows", () => {
  // Each KPI's name row (with its polarity in B) is followed by its Actual, Target and Tolerance rows.
  for (const { address, status } of reported(monthlyPack.grid)) {
    const column = address.replace(/\d+/, "");
    const actualRow = Number(address.replace(/\D+/, ""));
    it(`rates ${address} ${status} against the Target and Tolerance of its own month`, async () => {
      const grid = monthlyPack.grid;
      const tolerance =
        at(grid, `A${actualRow + 2}`) === "Tolerance" ? `${column}${actualRow + 2}` : null;
      expect(
        await rag(
          at(grid, address),
          at(grid, `${column}${actualRow + 1}`),
          tolerance === null ? null : at(grid, tolerance),
          at(grid, `B${actualRow - 1}`)
        )
      ).toBe(status);
    });
  }
});
