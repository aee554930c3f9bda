/**
 * Council schemes, worked out by hand from PRODUCT.md ("Council schemes") on one sheet, then judged: the
 * report's statuses are the hand-worked ones, and HyperFormula paints exactly those cells in those colours.
 */
import { describe, expect, it } from "vitest";
import {
  builtInRegister,
  findTables,
  reportOf,
  standardSet,
  type CellValue,
  type Grid,
  type Scheme,
  type Status,
} from "../../src/core";
import { appraiseTables } from "../../src/core/appraisal/appraisal";
import { formattingPlan } from "../../src/core/plan/plan";
import { paintedStatuses, reportedStatuses } from "./judged-sheet";
import { expected, schemeOf, values } from "./schemes-sheet";

function gridOf(cells: CellValue[][]): Grid {
  return {
    sheet: "Schemes",
    origin: { row: 0, column: 0 },
    values: cells,
    numberFormats: cells.map((row) => row.map(() => "General")),
    merges: [],
  };
}

const periodColumns = ["E", "F", "G"];

function plannedUnder(scheme: Scheme, cells: CellValue[][] = values) {
  const appraisal = appraiseTables(findTables(gridOf(cells), builtInRegister), standardSet, scheme);
  return { plan: formattingPlan(appraisal), report: reportOf(appraisal) };
}

function asAddresses(rows: Status[][]): Record<string, Status> {
  return Object.fromEntries(
    rows.flatMap((statuses, row) =>
      statuses.map((status, column) => [`${periodColumns[column]}${row + 2}`, status])
    )
  );
}

describe("council schemes on one sheet, worked out by hand", () => {
  for (const [name, rows] of Object.entries(expected)) {
    it(`rates every cell as worked out by hand under ${name}`, () => {
      const { report } = plannedUnder(schemeOf(name));
      expect(reportedStatuses(report)).toEqual(asAddresses(rows));
    });

    it(`has the formula judge paint exactly the hand-worked colours under ${name}`, () => {
      const { plan } = plannedUnder(schemeOf(name));
      expect(paintedStatuses(values, plan)).toEqual(asAddresses(rows));
    });
  }

  it("says which scheme rated the sheet, and how each row's bands were drawn under it", () => {
    const { report } = plannedUnder(schemeOf("Blue for exceeding, Blue at 5% better than target"));
    expect(report.scheme).toBe("Blue for exceeding (Blue at 5% better than target)");
    expect(report.rows[0].definition).toContain(
      "under Blue for exceeding (Blue at 5% better than target): Red below 75%, Amber 75% to below 90%, Green 90% to below 94.5%, Blue at or above 94.5%"
    );
  });

  it("paints a period Red, not Amber, once the period before it is edited to a better figure", () => {
    const { plan } = plannedUnder({ kind: "amber by direction" });
    // 2022/23's 60% becomes 70%: 2023/24's 65% is no longer better than the period before.
    const edited = values.map((row) => [...row]);
    edited[3][5] = "70%";
    const judged = paintedStatuses(edited, plan);
    expect(judged.F4).toBe("Amber");
    expect(judged.G4).toBe("Red");
    expect(reportedStatuses(plannedUnder({ kind: "amber by direction" }, edited).report).G4).toBe(
      "Red"
    );
  });

  it("names the period compared with in the reason of a figure beyond the tolerance", () => {
    const { report } = plannedUnder({ kind: "amber by direction" });
    const reasons = Object.fromEntries(
      report.rows.flatMap((row) => row.cells.map((cell) => [cell.address, cell.reason]))
    );
    expect(reasons.F2).toBe("74% is below the tolerance of 75%, but is better than 2021/22's 70%");
    expect(reasons.F4).toBe(
      "60% is below the tolerance of 70%, and is no better than 2021/22's 85%"
    );
    expect(reasons.E2).toBe(
      "70% is below the tolerance of 75%, with no period before it to compare with"
    );
  });
});
