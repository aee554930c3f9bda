/**
 * Rules that read a row's own plain-number thresholds from their cells (README, "Rules that follow an edited
 * target"): applied, they paint what the report says; after the analyst edits a target, the colours follow
 * as the report of the edited sheet says, and an edit the core would read otherwise paints nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  appraise,
  planOf,
  reportOf,
  standardScheme,
  type CellValue,
  type FormattingPlan,
  type Grid,
  type Scheme,
  type Status,
} from "../../src/core";
import { paintedStatuses, percentGrid, reportedStatuses } from "./judged-sheet";
import { cellsOfAreas } from "../support/rule-engine";

const header = ["Measure", "Polarity", "Target", "Tolerance", "2022/23", "2023/24", "2024/25"];

/** Four rows of percentages: two Bigger is better, then two Smaller is better, each with its own figures. */
const rows: CellValue[][] = [
  ["Assessments in time", "Bigger is better", 0.9, 0.75, 0.91, 0.8, 0.7],
  ["Plans reviewed", "Bigger is better", 0.95, 0.8, 0.96, 0.85, 0.79],
  ["Re-referrals", "Smaller is better", 0.22, 0.28, 0.2, 0.25, 0.3],
  ["Repeat plans", "Smaller is better", 0.1, 0.16, 0.09, 0.12, 0.2],
];

function planned(grid: Grid, scheme: Scheme = standardScheme): FormattingPlan {
  return planOf(appraise(grid, { scheme }));
}

/** What the report of the sheet as it reads now says of each figure cell that has a colour. */
function coloursReported(grid: Grid, scheme: Scheme = standardScheme): Record<string, Status> {
  const statuses = reportedStatuses(reportOf(appraise(grid, { scheme })));
  return Object.fromEntries(
    Object.entries(statuses).filter(([, status]) =>
      ["Blue", "Green", "Amber", "Red"].includes(status)
    )
  );
}

/** The grid with one cell typed over, as the analyst edits it (formats kept). */
function edited(grid: Grid, address: string, value: CellValue): Grid {
  const column = address.charCodeAt(0) - 65;
  const row = Number(address.slice(1)) - 1;
  const values = grid.values.map((cells) => [...cells]);
  values[row][column] = value;
  return { ...grid, values };
}

describe("rules that read a row's own plain-number thresholds", () => {
  const grid = percentGrid("Scorecard", header, rows);

  it("writes each polarity's rules once, over the rows alike as one rectangle, reading the target and tolerance on the rule's row", () => {
    const plan = planned(grid);
    expect(plan.rules.map((rule) => [rule.status, rule.appliesTo])).toEqual([
      ["Green", ["E2:G3"]],
      ["Amber", ["E2:G3"]],
      ["Red", ["E2:G3"]],
      ["Green", ["E4:G5"]],
      ["Amber", ["E4:G5"]],
      ["Red", ["E4:G5"]],
    ]);
    expect(plan.rules[0].formula).toContain("ISNUMBER($C2),ISNUMBER($D2)");
    expect(plan.rules[0].formula).toMatch(/>=\$C2\)$/);
    expect(plan.rules[3].formula).toMatch(/<=\$C4\)$/);
  });

  it("paints every figure as the report rates it when applied", () => {
    expect(paintedStatuses(grid.values, planned(grid))).toEqual(coloursReported(grid));
    expect(paintedStatuses(grid.values, planned(grid))).toMatchObject({
      E2: "Green",
      F2: "Amber",
      G2: "Red",
      G5: "Red",
    });
  });

  it("follows a target the analyst edits, painting what the report of the edited sheet says, before any Apply", () => {
    const plan = planned(grid);
    for (const [address, value] of [
      ["C2", 0.8],
      ["C2", 0.7],
      ["D3", 0.86],
      ["C4", 0.25],
      ["D5", 0.11],
    ] as const) {
      const after = edited(grid, address, value);
      expect(paintedStatuses(after.values, plan), `${address} = ${value}`).toEqual(
        coloursReported(after)
      );
    }
    expect(paintedStatuses(edited(grid, "C2", 0.78).values, plan)).toMatchObject({
      E2: "Green",
      F2: "Green",
      G2: "Red",
    });
  });

  it("paints nothing on a row whose target is turned into words, and leaves the other rows coloured", () => {
    const painted = paintedStatuses(edited(grid, "C2", "TBC").values, planned(grid));
    expect(["E2", "F2", "G2"].filter((cell) => cell in painted)).toEqual([]);
    expect(painted).toMatchObject({ E3: "Green", E4: "Green" });
  });

  it("paints nothing on a row whose tolerance is edited onto the better side of its target, which the report calls Check definition", () => {
    const after = edited(grid, "D2", 0.95);
    const painted = paintedStatuses(after.values, planned(grid));
    expect(["E2", "F2", "G2"].filter((cell) => cell in painted)).toEqual([]);
    expect(coloursReported(after)).not.toHaveProperty("E2");
  });

  it("paints nothing where a percentage target is edited into a whole number (90 among fractions), rather than read it another way", () => {
    const painted = paintedStatuses(edited(grid, "C2", 90).values, planned(grid));
    expect(["E2", "F2", "G2"].filter((cell) => cell in painted)).toEqual([]);
  });

  it("paints nothing on a two-band row once a tolerance is typed into its blank cell, until the rules are applied again", () => {
    const twoBands = edited(grid, "D2", null);
    const plan = planned(twoBands);
    expect(paintedStatuses(twoBands.values, plan)).toEqual(coloursReported(twoBands));
    const painted = paintedStatuses(edited(twoBands, "D2", 0.75).values, plan);
    expect(["E2", "F2", "G2"].filter((cell) => cell in painted)).toEqual([]);
  });

  it("keeps rules holding figures for a target written in words, and paints alike all the same", () => {
    const worded = edited(grid, "C2", "90%");
    const plan = planned(worded);
    const ownRules = plan.rules.filter((rule) => rule.appliesTo.includes("E2:G2"));
    expect(ownRules.map((rule) => rule.status)).toEqual(["Green", "Amber", "Red"]);
    expect(ownRules[0].formula).not.toContain("$C");
    expect(ownRules[0].formula).toMatch(/>=0\.9\)$/);
    expect(paintedStatuses(worded.values, plan)).toEqual(coloursReported(worded));
  });

  it("reads whole-number percentages (90 among 85 and 91) from their cells too, and paints nothing once one is edited to 0.9", () => {
    const whole: Grid = {
      sheet: "Whole",
      origin: { row: 0, column: 0 },
      values: [header, ["Percentage of visits in time", "Bigger is better", 90, 75, 91, 80, 70]],
      numberFormats: [header.map(() => "General"), header.map(() => "General")],
      merges: [],
    };
    const plan = planned(whole);
    expect(plan.rules[0].formula).toContain("ABS($C2)>1");
    expect(paintedStatuses(whole.values, plan)).toEqual(coloursReported(whole));
    expect(paintedStatuses(edited(whole, "C2", 85).values, plan)).toEqual(
      coloursReported(edited(whole, "C2", 85))
    );
    expect(paintedStatuses(edited(whole, "C2", 0.9).values, plan)).toEqual({});
  });

  it("reads a Stretch column's plain number under Blue for exceeding, and follows an edited stretch", () => {
    const stretched = percentGrid(
      "Stretch",
      [...header, "Stretch"],
      [
        ["Assessments in time", "Bigger is better", 0.9, 0.75, 0.97, 0.8, 0.93, 0.95],
        ["Plans reviewed", "Bigger is better", 0.85, 0.8, 0.96, 0.86, 0.79, 0.9],
      ]
    );
    const blue: Scheme = { kind: "blue for exceeding" };
    const plan = planned(stretched, blue);
    expect(plan.rules.map((rule) => [rule.status, rule.appliesTo])).toEqual([
      ["Blue", ["E2:G3"]],
      ["Green", ["E2:G3"]],
      ["Amber", ["E2:G3"]],
      ["Red", ["E2:G3"]],
    ]);
    expect(paintedStatuses(stretched.values, plan)).toEqual(coloursReported(stretched, blue));
    const after = edited(stretched, "H2", 0.92);
    expect(paintedStatuses(after.values, plan)).toEqual(coloursReported(after, blue));
    expect(paintedStatuses(after.values, plan)).toMatchObject({ G2: "Blue" });
  });
});

describe("rules that read threshold cells, on random sheets", () => {
  const percent = fc.integer({ min: 0, max: 100 }).map((n) => n / 100);
  const row = fc.tuple(
    fc.constantFrom("Bigger is better", "Smaller is better"),
    percent,
    fc.option(percent, { nil: null }),
    fc.array(fc.option(percent, { nil: null }), { minLength: 3, maxLength: 3 })
  );
  const sheet = fc.array(row, { minLength: 1, maxLength: 5 }).map((rows) =>
    percentGrid(
      "Random",
      header,
      rows.map(([polarity, target, tolerance, figures], index) => [
        `Measure ${index + 1}`,
        polarity,
        target,
        tolerance,
        ...figures,
      ])
    )
  );
  const edit = fc.tuple(
    fc.nat(),
    fc.constantFrom("C", "D"),
    fc.oneof(percent, fc.integer({ min: 2, max: 100 }), fc.constantFrom("TBC", "90%", null))
  );

  it("paints every figure as the report rates it when applied, and after any edit of a target or tolerance paints a figure of a row reading its cells as the edited sheet's report does or not at all", () => {
    fc.assert(
      fc.property(sheet, edit, (grid, [pick, column, value]) => {
        const plan = planned(grid);
        expect(paintedStatuses(grid.values, plan)).toEqual(coloursReported(grid));
        const after = edited(grid, `${column}${(pick % (grid.values.length - 1)) + 2}`, value);
        const reported = reportedStatuses(reportOf(appraise(after)));
        // Rules holding figures wait for Apply, as before; those reading the row's cells must not.
        const reading = new Set(
          cellsOfAreas(
            plan.rules
              .filter((rule) => rule.formula.includes("$C"))
              .flatMap((rule) => rule.appliesTo)
          )
        );
        for (const [address, status] of Object.entries(paintedStatuses(after.values, plan)))
          if (reading.has(address))
            expect(status, `${address} after ${column} = ${String(value)}`).toBe(reported[address]);
      }),
      { seed: 2128, numRuns: 120 }
    );
  });
});
