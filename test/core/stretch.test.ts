/**
 * Blue for exceeding from a Stretch column (PRODUCT.md, "Council schemes"): each row's own stretch target
 * says where Blue starts. Statuses worked out by hand; HyperFormula paints exactly those cells; without the
 * Blue scheme the column changes nothing.
 */
import { describe, expect, it } from "vitest";
import {
  builtInRegister,
  findTables,
  reportOf,
  standardScheme,
  standardSet,
  type CellValue,
  type Grid,
  type Scheme,
  type Status,
} from "../../src/core";
import { appraiseTables } from "../../src/core/appraisal/appraisal";
import { formattingPlan } from "../../src/core/plan/plan";
import { paintedStatuses, reportedStatuses } from "./judged-sheet";
import { schemeOf } from "./schemes-sheet";

const values: CellValue[][] = [
  ["Measure", "Polarity", "Target", "Tolerance", "2022/23", "2023/24", "Stretch target"],
  ["Assessments in 45 days", "Bigger is better", "90%", "75%", "94%", "95%", "95%"],
  ["Re-referrals", "Smaller is better", "20%", "25%", "16%", "15%", "15%"],
  ["Visits on time", "Bigger is better", "80%", "70%", "85%", "99%", "-"],
  ["Caseload in range", "In range is better", "10%-20%", "5%-25%", "15%", "30%", null],
  ["Plans reviewed", "Bigger is better", "80%", "70%", "90%", "91%", "Above 90%"],
  ["Reviews on time", "Bigger is better", "90%", "75%", "88%", "96%", "85%"],
  ["Days to adoption", "Smaller is better", 140, 160, 125, 120, 120],
];

/** Statuses of E2:F8 row by row, worked out by hand. */
const expected: Record<string, Status[][]> = {
  // The stretch is read but not used: the contract's three bands.
  Standard: [
    ["Green", "Green"],
    ["Green", "Green"],
    ["Green", "Green"],
    ["Green", "Red"],
    ["Green", "Green"],
    ["Amber", "Green"],
    ["Green", "Green"],
  ],
  // Blue at or beyond each row's stretch (strictly above 90% where it says "Above"); no stretch, no Blue;
  // a stretch short of its target (85% against 90%) is Check definition.
  "Blue for exceeding": [
    ["Green", "Blue"],
    ["Green", "Blue"],
    ["Green", "Green"],
    ["Green", "Red"],
    ["Green", "Blue"],
    ["Check definition", "Check definition"],
    ["Green", "Blue"],
  ],
  // A row's own stretch wins; a row with none ("-") takes the margin: 80% + 5% of 80% = 84%.
  "Blue for exceeding, Blue at 5% better than target": [
    ["Green", "Blue"],
    ["Green", "Blue"],
    ["Blue", "Blue"],
    ["Green", "Red"],
    ["Green", "Blue"],
    ["Check definition", "Check definition"],
    ["Green", "Blue"],
  ],
};

function gridOf(cells: CellValue[][]): Grid {
  return {
    sheet: "Stretch",
    origin: { row: 0, column: 0 },
    values: cells,
    numberFormats: cells.map((row) => row.map(() => "General")),
    merges: [],
  };
}

function plannedUnder(scheme: Scheme, cells: CellValue[][] = values) {
  const appraisal = appraiseTables(findTables(gridOf(cells), builtInRegister), standardSet, scheme);
  return { plan: formattingPlan(appraisal), report: reportOf(appraisal) };
}

function schemeNamed(name: string): Scheme {
  return name === "Standard" ? standardScheme : schemeOf(name);
}

function asAddresses(rows: Status[][], only?: (status: Status) => boolean): Record<string, Status> {
  return Object.fromEntries(
    rows.flatMap((statuses, row) =>
      statuses.flatMap((status, column) =>
        only && !only(status) ? [] : [[`${"EF"[column]}${row + 2}`, status]]
      )
    )
  );
}

describe("Blue from each row's Stretch column", () => {
  for (const [name, rows] of Object.entries(expected)) {
    it(`rates every cell as worked out by hand under ${name}`, () => {
      expect(reportedStatuses(plannedUnder(schemeNamed(name)).report)).toEqual(asAddresses(rows));
    });

    it(`has the formula judge paint exactly the hand-worked colours under ${name}`, () => {
      const { plan } = plannedUnder(schemeNamed(name));
      expect(paintedStatuses(values, plan)).toEqual(
        asAddresses(rows, (status) => status !== "Check definition")
      );
    });
  }

  it("names the stretch target in a Blue cell's reason and a short stretch in the row's problem", () => {
    const { report } = plannedUnder(schemeOf("Blue for exceeding"));
    const reasons = Object.fromEntries(
      report.rows.flatMap((row) => row.cells.map((cell) => [cell.address, cell.reason]))
    );
    expect(reasons.F2).toBe("95% is at or above the stretch target of 95%");
    expect(reasons.F6).toBe("91% is above the stretch target of 90%");
    expect(reasons.E7).toBe("The stretch target of 85% is not beyond the target of 90%");
    expect(report.rows[0].definition).toContain(
      "under Blue for exceeding (Blue at each row's stretch target): Red below 75%, Amber 75% to below 90%, Green 90% to below 95%, Blue at or above 95%"
    );
  });

  it("names the Stretch column in the column map as read for the Blue scheme only", () => {
    const { report } = plannedUnder(standardScheme);
    expect(report.tables[0].columnMap).toContain(
      "E–F periods, G stretch target (used by Blue for exceeding only)"
    );
  });

  it("rates each year's periods against that year's stretch (Stretch 2022/23, Stretch 2023/24), painted alike", () => {
    const byYear: CellValue[][] = [
      [
        "Measure",
        "Polarity",
        "Target",
        "Tolerance",
        "2022/23",
        "2023/24",
        "Stretch 2022/23",
        "Stretch 2023/24",
      ],
      ["Assessments in 45 days", "Bigger is better", "90%", "75%", "96%", "96%", "95%", "97%"],
    ];
    const { plan, report } = plannedUnder(schemeOf("Blue for exceeding"), byYear);
    expect(reportedStatuses(report)).toEqual({ E2: "Blue", F2: "Green" });
    expect(paintedStatuses(byYear, plan)).toEqual({ E2: "Blue", F2: "Green" });
  });

  it("rates a year whose own stretch is blank on a row against the table's unqualified Stretch column", () => {
    const blankYear: CellValue[][] = [
      [
        "Measure",
        "Polarity",
        "Target",
        "Tolerance",
        "2022/23",
        "2023/24",
        "Stretch",
        "Stretch 2023/24",
      ],
      ["Assessments in 45 days", "Bigger is better", "90%", "75%", "96%", "96%", "95%", "97%"],
      ["Visits in time", "Bigger is better", "90%", "75%", "96%", "96%", "95%", null],
    ];
    const { plan, report } = plannedUnder(schemeOf("Blue for exceeding"), blankYear);
    // 2022/23 has no stretch of its own: the unqualified 95%. 2023/24's own 97%, or 95% where it is blank.
    const statuses = { E2: "Blue", F2: "Green", E3: "Blue", F3: "Blue" };
    expect(reportedStatuses(report)).toEqual(statuses);
    expect(paintedStatuses(blankYear, plan)).toEqual(statuses);
  });

  it("rates each Actual figure of a monthly pack against its own month's Stretch row, read as a part of the KPI, not a section", () => {
    const pack: CellValue[][] = [
      ["Indicator", "Polarity", "Apr-23", "May-23", "Jun-23"],
      ["Assessments in 45 days", "Bigger is better", null, null, null],
      ["Actual", null, "96%", "96%", "91%"],
      ["Target", null, "90%", "90%", "90%"],
      ["Tolerance", null, "80%", "80%", "80%"],
      ["Stretch", null, "95%", "97%", "95%"],
      ["Visits in time", "Bigger is better", null, null, null],
      ["Actual", null, "70%", "85%", "99%"],
      ["Target", null, "90%", "90%", "90%"],
      ["Tolerance", null, "80%", "80%", "80%"],
    ];
    const { plan, report } = plannedUnder(schemeOf("Blue for exceeding"), pack);
    // April's 96% is at its 95% stretch, May's short of its 97%; the second KPI has no Stretch row.
    const statuses = {
      C3: "Blue",
      D3: "Green",
      E3: "Green",
      C8: "Red",
      D8: "Amber",
      E8: "Green",
    };
    expect(reportedStatuses(report)).toEqual(statuses);
    expect(paintedStatuses(pack, plan)).toEqual(statuses);
    expect(report.rows.map((row) => [row.measure, row.section])).toEqual([
      ["Assessments in 45 days", ""],
      ["Visits in time", ""],
    ]);
  });

  it("changes nothing without the Blue scheme: the same ratings and rules as the sheet without the column", () => {
    const without = values.map((row) => row.slice(0, 6));
    for (const scheme of [standardScheme, schemeOf("Green and Red only")]) {
      const withStretch = plannedUnder(scheme);
      const plain = plannedUnder(scheme, without);
      expect(withStretch.plan.rules).toEqual(plain.plan.rules);
      expect(withStretch.report.rows.map((row) => row.cells)).toEqual(
        plain.report.rows.map((row) => row.cells)
      );
    }
  });
});
