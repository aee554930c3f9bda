/**
 * One appraisal of a sheet, and its views: the report, the summary, the watch list and the formatting
 * plan all read the one rating each period cell got. Statuses worked out by hand from PRODUCT.md.
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  reportOf,
  summarise,
  watchListOf,
  type Appraisal,
  type CellValue,
  type Grid,
} from "../../src/core";
import { formattingPlan } from "../../src/core/plan/plan";

/** A quarterly dashboard with a Winter tolerance set; figures below 1 are formatted as %. */
const dashboard: Grid = (() => {
  const values: CellValue[][] = [
    ["Measure", "Polarity", "Target", "Tolerance", "Winter Tolerance", "Q1", "Q2", "Q3"],
    [
      "% of child protection plans reviewed on time",
      "Bigger is better",
      "90%",
      "80%",
      "70%",
      0.92,
      0.85,
      0.75,
    ],
    [
      "% of re-referrals within 12 months",
      "Smaller is better",
      "22%",
      "25%",
      "-",
      0.2,
      "n/a",
      "see note",
    ],
    ["Average days to allocate a social worker", "Smaller is better", 10, 15, 20, 12, 16, 18],
  ];
  const numberFormats = values.map((row) =>
    row.map((value) => (typeof value === "number" && value < 1 ? "0%" : "General"))
  );
  return { sheet: "Dashboard", origin: { row: 0, column: 0 }, values, numberFormats, merges: [] };
})();

const statusesOf = (appraisal: Appraisal): string[][] =>
  reportOf(appraisal).tables.flatMap((table) =>
    table.rows.map((row) => row.cells.map((cell) => `${cell.address} ${cell.status}`))
  );

/** The cells of an area such as "F2:H4", by an independent reading of A1 addresses. */
function cellsIn(area: string): string[] {
  const corner = (written: string): { column: number; row: number } => {
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(written) ?? [];
    return {
      column: [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0),
      row: Number(digits),
    };
  };
  const [from, to = from] = area.split(":").map(corner);
  const cells: string[] = [];
  for (let row = from.row; row <= to.row; row++)
    for (let column = from.column; column <= to.column; column++)
      cells.push(`${String.fromCharCode(64 + column)}${row}`);
  return cells;
}

describe("one appraisal of a sheet", () => {
  const standard = appraise(dashboard);

  it("rates each period cell once: 92% Green, 85% Amber, 75% Red; 20% Green, n/a and text No data; 12 days Amber, 16 and 18 Red", () => {
    expect(statusesOf(standard)).toEqual([
      ["F2 Green", "G2 Amber", "H2 Red"],
      ["F3 Green", "G3 No data", "H3 No data"],
      ["F4 Amber", "G4 Red", "H4 Red"],
    ]);
    expect(standard.rows.map((row) => row.ratings.length)).toEqual(
      standard.rows.map((row) => row.kpi.cells.length)
    );
  });

  it("keeps why as data: n/a is no data, text is unreadable, and only the unreadable cell is a problem", () => {
    expect(standard.rows[1].ratings.map((rating) => rating.kind)).toEqual([
      "band",
      "no data",
      "unreadable",
    ]);
    expect(reportOf(standard).tables[0].rows[1].problems).toEqual([
      `H3: ${standard.rows[1].ratings[2].problem}`,
    ]);
    expect(standard.rows[1].ratings[2].problem).toContain("see note");
  });

  it("counts the summary from the same ratings: Q3 has 2 Red and 1 No data", () => {
    const q3 = summarise(reportOf(standard).tables).find((summary) => summary.period === "Q3");
    expect(q3?.counts).toMatchObject({ Green: 0, Amber: 0, Red: 2, "No data": 1 });
  });

  it("puts on the watch list the KPIs whose latest figure is Red, skipping re-referrals, whose latest figure (Q1) is Green", () => {
    expect(watchListOf(standard).map((item) => [item.measure, item.status, item.period])).toEqual([
      ["% of child protection plans reviewed on time", "Red", "Q3"],
      ["Average days to allocate a social worker", "Red", "Q3"],
    ]);
  });

  it("colours every cell the appraisal rates Green, Amber or Red with a rule of that status, and no other cell", () => {
    const plan = formattingPlan(standard);
    const ruled = new Map<string, string[]>();
    for (const rule of plan.rules)
      for (const area of rule.appliesTo)
        for (const cell of cellsIn(area))
          ruled.set(cell, [...(ruled.get(cell) ?? []), rule.status]);
    const coloured = reportOf(standard)
      .tables.flatMap((table) => table.rows.flatMap((row) => row.cells))
      .filter((cell) => ["Green", "Amber", "Red"].includes(cell.status));
    // The seven figures rated Green, Amber or Red in the first test.
    expect(coloured.map((cell) => cell.address)).toEqual([
      "F2",
      "G2",
      "H2",
      "F3",
      "F4",
      "G4",
      "H4",
    ]);
    for (const cell of coloured)
      expect(ruled.get(cell.address), cell.address).toContain(cell.status);
    expect(ruled.has("H3")).toBe(false);
    expect([...ruled.keys()].every((address) => /^[F-H][2-4]$/.test(address))).toBe(true);
  });

  it("under the Winter set rates 75% and 18 days Amber, and the watch list and plan follow", () => {
    const winter = appraise(dashboard, { toleranceSet: "Winter" });
    expect(statusesOf(winter)).toEqual([
      ["F2 Green", "G2 Amber", "H2 Amber"],
      ["F3 Green", "G3 No data", "H3 No data"],
      ["F4 Amber", "G4 Amber", "H4 Amber"],
    ]);
    expect(watchListOf(winter).map((item) => item.status)).toEqual(["Amber", "Amber"]);
    expect(formattingPlan(winter).toleranceSet).toBe("Winter");
  });
});
