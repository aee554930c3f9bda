/**
 * The council scorecards of test/core/council-layouts.ts, each cell's status worked out by hand from
 * PRODUCT.md, against what detection and the formatting plan give: the statuses in the report, and the
 * colours an independent formula engine paints from the plan's rules (none where the cell is not
 * Green, Amber or Red). Table structure is ignored: however the rows are grouped, every rated cell must
 * be there with its status.
 */
import { describe, expect, it } from "vitest";
import {
  findTables,
  isRagStatus,
  standardSet,
  toleranceSetsOf,
  type FormattingPlan,
  type Grid,
  type Status,
  type TableReport,
} from "../../src/core";
import { toleranceSetKey } from "../../src/core/definition/tolerance-set";
import { cellsOfAreas, paintedCells } from "../support/rule-engine";
import { parseAddress } from "../support/a1";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import {
  benchmarkingReport,
  flagWords,
  headlineColumns,
  monthlyPack,
  monthsAsText,
  oneKpiASheet,
  periodsDownTheRows,
  polarityWordings,
  ratedScorecards,
  recoveryStatuses,
  recoveryTolerance,
  textFigures,
  toleranceOfAYear,
  tolerancePoints,
  twoStandardTolerances,
  twoUnknownTolerances,
  type Expected,
} from "./council-layouts";

/** Rows, then columns, as a reader goes down a sheet. */
function readingOrder(a: Expected, b: Expected): number {
  const first = parseAddress(a[2])!.area;
  const second = parseAddress(b[2])!.area;
  return first.top - second.top || first.left - second.left;
}

/** Every word of the expected period is in the label the report gives it (case aside). */
function samePeriod(label: string, expected: string): boolean {
  const words = label.toLowerCase();
  return expected
    .toLowerCase()
    .split(/\s+/)
    .every((word) => words.includes(word));
}

/**
 * The report's rated cells as [measure, period, address, status], in reading order; a period label that
 * names the expected period is written as expected, so a difference shows only what is wrong.
 */
function ratedCells(plan: PlanWithReport, expected: readonly Expected[]): Expected[] {
  const periodAt = new Map(expected.map(([, period, address]) => [address, period]));
  return plan.tables
    .flatMap((table) =>
      table.rows.flatMap((row) =>
        row.cells.map((cell): Expected => {
          const period = periodAt.get(cell.address);
          const label =
            period !== undefined && samePeriod(cell.period, period) ? period : cell.period;
          return [row.measure, label, cell.address, cell.status];
        })
      )
    )
    .sort(readingOrder);
}

/** The status each cell is painted, as the formula engine judges the plan's rules on the sheet's values. */
function paintedStatuses(grid: Grid, plan: FormattingPlan): Record<string, Status> {
  const statusOfFill = new Map(plan.rules.map((rule) => [rule.fill, rule.status]));
  const painted = paintedCells(grid.values, plan.rules);
  return Object.fromEntries(
    [...painted].map(([address, fill]) => [address, statusOfFill.get(fill)!])
  );
}

const coveredByRules = (plan: FormattingPlan): Set<string> =>
  new Set(plan.rules.flatMap((rule) => cellsOfAreas(rule.appliesTo)));

/** Everything the sheet's reading says in words: why it was skipped, column maps, table and row problems. */
function whatIsSaid(found: ReturnType<typeof findTables>, plan: PlanWithReport): string {
  const tableProblems = (table: TableReport): readonly string[] =>
    (table as TableReport & { problems?: readonly string[] }).problems ?? [];
  return [
    found.skipped ?? "",
    plan.skipped ?? "",
    ...plan.tables.flatMap((table) => [
      table.columnMap,
      ...tableProblems(table),
      ...table.rows.flatMap((row) => row.problems),
    ]),
  ].join("\n");
}

for (const scorecard of ratedScorecards) {
  describe(`${scorecard.title} (sheet "${scorecard.grid.sheet}")`, () => {
    const found = findTables(scorecard.grid);
    const plan = plannedWithReport(found);
    const expected = [...scorecard.expected].sort(readingOrder);

    it("rates every period cell as worked out by hand, and no other cell", () => {
      expect(ratedCells(plan, expected)).toEqual(expected);
    });

    it("paints exactly the Green, Amber and Red cells, each in its status's colour", () => {
      const wanted = Object.fromEntries(
        expected.flatMap(([, , address, status]) =>
          isRagStatus(status) ? [[address, status]] : []
        )
      );
      expect(paintedStatuses(scorecard.grid, plan)).toEqual(wanted);
    });

    // A No data cell may sit inside a rule's area (the plan keeps areas whole and its formula paints
    // nothing there, as the test above checks); a cell with no thresholds to rate by may not.
    it("gives no rule to a cell that is No target, Suspended or Check definition", () => {
      const covered = coveredByRules(plan);
      const uncoloured = expected.filter(
        ([, , , status]) => !isRagStatus(status) && status !== "No data"
      );
      expect(uncoloured.filter(([, , address]) => covered.has(address))).toEqual([]);
    });
  });
}

describe("a table with 'Tolerance' and 'Recovery tolerance'", () => {
  const found = findTables(recoveryTolerance.grid);

  it("offers Standard and Recovery as its tolerance sets", () => {
    expect(toleranceSetsOf([found]).map(toleranceSetKey)).toEqual(["standard", "recovery"]);
  });

  it("rates by the Recovery column under the Recovery set: 45% widens amber, '-' keeps Standard's, Suspend suspends", () => {
    const expected = [...recoveryStatuses].sort(readingOrder);
    expect(ratedCells(plannedWithReport(found, "Recovery"), expected)).toEqual(expected);
  });

  it("still rates by the plain Tolerance under the standard set", () => {
    const expected = [...recoveryTolerance.expected].sort(readingOrder);
    expect(ratedCells(plannedWithReport(found, standardSet), expected)).toEqual(expected);
  });
});

describe("two tolerance columns where the standard one cannot be told", () => {
  const cases = [
    { grid: twoUnknownTolerances, headers: ["Tolerance (Board)", "Tolerance (Partnership)"] },
    { grid: twoStandardTolerances, headers: ["Tolerance", "Tolerance (%)"] },
  ];
  for (const { grid, headers } of cases) {
    describe(`'${headers[0]}' beside '${headers[1]}'`, () => {
      const found = findTables(grid);
      const plan = plannedWithReport(found);

      it("colours nothing on the sheet", () => {
        expect(plan.rules).toEqual([]);
      });

      it("rates no cell Green, Amber or Red", () => {
        const statuses = plan.tables.flatMap((table) =>
          table.rows.flatMap((row) => row.cells.map((cell) => cell.status))
        );
        expect(statuses.filter(isRagStatus)).toEqual([]);
      });

      it("says, naming both headers, that it cannot tell which tolerance is the standard one", () => {
        const said = whatIsSaid(found, plan);
        for (const header of headers) expect(said).toContain(`'${header}'`);
      });
    });
  }
});

describe("the benchmarking report's comparators", () => {
  it("leave England and Statistical neighbours (columns I and J) without a rule", () => {
    const plan = plannedWithReport(findTables(benchmarkingReport.grid));
    const touched = [...coveredByRules(plan)].filter((address) => /^[IJ]\d+$/.test(address));
    expect(touched).toEqual([]);
  });
});

describe("the monthly pack's Target and Tolerance rows", () => {
  it("get no rule: only the Actual rows are coloured", () => {
    const plan = plannedWithReport(findTables(monthlyPack.grid));
    const thresholdRows = new Set([4, 5, 8, 9, 12]);
    const touched = [...coveredByRules(plan)].filter((address) =>
      thresholdRows.has(parseAddress(address)!.area.top + 1)
    );
    expect(touched).toEqual([]);
  });
});

/** The reason the report gives for a cell's status; empty when the cell is not rated. */
function reasonAt(plan: PlanWithReport, address: string): string {
  return (
    plan.tables
      .flatMap((table) => table.rows.flatMap((row) => row.cells))
      .find((cell) => cell.address === address)?.reason ?? ""
  );
}

const columnMapOf = (grid: Grid): string =>
  plannedWithReport(findTables(grid))
    .tables.map((table) => table.columnMap)
    .join("\n");

describe("text figures' flags", () => {
  const plan = plannedWithReport(findTables(textFigures.grid));
  for (const [address, word] of flagWords)
    it(`says what the flag on ${address} means: '${word}'`, () => {
      expect(reasonAt(plan, address).toLowerCase()).toContain(word);
    });
});

describe("what the report says about a qualifier or wording it read", () => {
  it("says a period whose year has no thresholds is No target because 2022/23 has none", () => {
    const plan = plannedWithReport(findTables(monthsAsText.grid));
    expect(reasonAt(plan, "E2")).toContain("2022/23");
  });

  it("says the 'Tolerance (pp)' column is a tolerance in percentage points", () => {
    expect(columnMapOf(tolerancePoints.grid)).toContain("percentage points");
  });

  it("says the 'Tolerance 23/24' column is the tolerance for 2023/24's periods", () => {
    expect(columnMapOf(toleranceOfAYear.grid)).toContain("2023/24");
  });

  it("names a polarity column holding codes by its own header, then the codes it holds", () => {
    const grid: Grid = {
      sheet: "Scorecard",
      origin: { row: 0, column: 0 },
      values: [
        ["Measure", "Good is", "Target", "Tolerance", "Q1 2024/25", "Q2 2024/25"],
        ["Re-referrals within 12 months", "L", 0.2, 0.25, 0.22, 0.18],
        ["Assessments within 45 days", "H", 0.9, 0.8, 0.85, 0.92],
      ],
      numberFormats: [
        [],
        ["General", "General", "0%", "0%", "0%", "0%"],
        ["General", "General", "0%", "0%", "0%", "0%"],
      ],
      merges: [],
    };
    expect(columnMapOf(grid)).toContain("B polarity (Good is) coded L/H");
  });

  it("names Latest and Previous as periods, not among the columns left alone", () => {
    const columnMap = columnMapOf(headlineColumns.grid);
    expect(columnMap).toContain("Latest");
    expect(columnMap).not.toMatch(/;[^;]*\b(?:Latest|Previous)\b[^;]*left alone/);
  });

  it("reports 'Steady good' as a polarity it cannot read, for that row only", () => {
    const rows = plannedWithReport(findTables(polarityWordings.grid)).tables.flatMap(
      (table) => table.rows
    );
    const withProblems = rows.filter((row) => row.problems.length > 0);
    expect(withProblems.map((row) => row.measure)).toEqual([
      "Visits to children in care within timescale",
    ]);
    expect(withProblems[0].problems.join(" ")).toContain("Steady good");
  });
});

describe("layouts the product does not read", () => {
  const cases = [
    { grid: periodsDownTheRows, shape: /periods? (?:run |going )?down the rows/i },
    { grid: oneKpiASheet, shape: /one KPI/i },
  ];
  for (const { grid, shape } of cases) {
    describe(`sheet "${grid.sheet}"`, () => {
      const found = findTables(grid);
      const plan = plannedWithReport(found);

      it("is skipped with a reason that names the shape it saw", () => {
        expect(found.tables).toEqual([]);
        expect(found.skipped ?? "").toMatch(shape);
      });

      it("colours nothing", () => {
        expect(plan.rules).toEqual([]);
      });
    });
  }
});
