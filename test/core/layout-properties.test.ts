/**
 * What no list of scorecards can cover about issue 17's layouts: whatever follows "Tolerance" on a table's
 * only tolerance column, whichever years the thresholds name, and in whatever order side-by-side tables
 * keep their columns, each figure is rated by PRODUCT.md's bands against its own thresholds. The bands
 * are worked out here from the generated numbers (whole percentages, so no rounding is involved), not
 * taken from the core.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findTables, type CellValue, type Grid, type Status } from "../../src/core";
import { cellAddress } from "../support/a1";
import { plannedWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

/** Fixed seeds keep a failure reproducible; a few hundred small sheets keep each test quick. */
const runs = { seed: 1717, numRuns: 150 };

type Aim = "higher" | "lower";

const polarityOf: Record<Aim, string> = {
  higher: "Bigger is better",
  lower: "Smaller is better",
};

/** PRODUCT.md's bands, inclusive towards the better side; no tolerance gives Green and Red only. */
function band(aim: Aim, target: number, tolerance: number | null, figure: number): Status {
  const atLeast = (a: number, b: number): boolean => (aim === "higher" ? a >= b : a <= b);
  if (atLeast(figure, target)) return "Green";
  if (tolerance !== null && atLeast(figure, tolerance)) return "Amber";
  return "Red";
}

/** A definition with a gap of 1 to 15 points between target and tolerance, on the worse side for its aim. */
const definition = fc
  .record({
    aim: fc.constantFrom<Aim>("higher", "lower"),
    target: fc.integer({ min: 20, max: 80 }),
    gap: fc.integer({ min: 1, max: 15 }),
  })
  .map(({ aim, target, gap }) => ({
    aim,
    target,
    tolerance: aim === "higher" ? target - gap : target + gap,
  }));

function sheetOf(sheet: string, values: CellValue[][]): Grid {
  return {
    sheet,
    origin: { row: 0, column: 0 },
    values,
    numberFormats: values.map((row) => row.map(() => "General")),
    merges: [],
  };
}

/** The status of every rated cell by address, as the report gives it. */
function ratedStatuses(grid: Grid): Record<string, Status> {
  const plan = plannedWithReport(findTables(grid));
  return Object.fromEntries(
    plan.tables.flatMap((table) =>
      table.rows.flatMap((row) => row.cells.map((cell) => [cell.address, cell.status]))
    )
  );
}

const percent = (points: number): string => `${points}%`;

// ---------------------------------------------------------------------------------------------
// Whatever follows "Tolerance"
// ---------------------------------------------------------------------------------------------

/** Words the product reads as something other than a set's name: kept out of the arbitrary qualifiers. */
const knownWords =
  /^(?:target|targets|tolerance|floor|threshold|polarity|measure|indicator|rag|status|dot|trend|ref|id|code|no|kpi|unit|units|days?|pp|points?|percent|per|rate|amber|green|red|annual|stretch|suspend|suspended|england|region|national|benchmark|minimum|maximum|standard|note|notes|period|value|actual|latest|previous|current|average|ytd|outturn|change|source|baseline|forecast|lead|owner|section|type|area|theme|group)$/i;

/**
 * A qualifier after "Tolerance", and how the tolerance is written under it: as a level ("85%"), as a
 * plain number that is a percentage (under "(%)"), or as a plain margin in points (under "(pp)").
 */
const qualifier = fc.oneof(
  fc
    .constantFrom("23/24", "2023/24", "2023-24", "(FY23/24)", "(2023/24)")
    .map((words) => ({ words, written: "level" as const })),
  fc.constantFrom("(%)", "(percent)").map((words) => ({ words, written: "plain" as const })),
  fc
    .constantFrom("(pp)", "(percentage points)", "(% points)")
    .map((words) => ({ words, written: "margin" as const })),
  fc
    .constantFrom("(amber)", "(Amber)", "amber", "(amber level)", "- amber")
    .map((words) => ({ words, written: "level" as const })),
  fc
    .stringMatching(/^[A-Z][a-z]{2,7}$/)
    .filter((word) => !knownWords.test(word))
    .chain((word) => fc.constantFrom(word, `(${word})`))
    .map((words) => ({ words, written: "level" as const }))
);

describe("a table's only tolerance column, whatever follows the word Tolerance", () => {
  it("is the standard tolerance: a figure between it and the target is Amber, every figure in its band", () => {
    fc.assert(
      fc.property(
        qualifier,
        fc.array(
          fc.record({
            definition,
            figures: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 2 }),
            between: fc.integer({ min: 0, max: 14 }),
          }),
          { minLength: 1, maxLength: 4 }
        ),
        ({ words, written }, rows) => {
          const header = `Tolerance ${words}`;
          const values: CellValue[][] = [
            ["Measure", "Polarity", "Target", header, "2023/24", "Q1 2023/24", "Q2 2023/24"],
          ];
          const expected: Record<string, Status> = {};
          rows.forEach(({ definition: { aim, target, tolerance }, figures, between }, index) => {
            const gap = Math.abs(target - tolerance);
            // One figure always falls between tolerance and target (inclusive of the tolerance).
            const amber =
              aim === "higher" ? tolerance + (between % gap) : tolerance - (between % gap);
            const toleranceCell =
              written === "level" ? percent(tolerance) : written === "plain" ? tolerance : gap;
            const row = index + 1;
            const rowFigures = [amber, ...figures];
            values.push([
              `Invented measure ${row}`,
              polarityOf[aim],
              percent(target),
              toleranceCell,
              ...rowFigures.map(percent),
            ]);
            rowFigures.forEach((figure, offset) => {
              expected[cellAddress(row, 4 + offset)] = band(aim, target, tolerance, figure);
            });
          });
          expect(ratedStatuses(sheetOf("Qualified tolerance", values))).toEqual(expected);
        }
      ),
      runs
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Thresholds per year
// ---------------------------------------------------------------------------------------------

/** A financial year starting in April of `start`, spelled the ways headers spell it. */
function yearSpellings(start: number): string[] {
  const next = String((start + 1) % 100).padStart(2, "0");
  const short = String(start % 100).padStart(2, "0");
  return [`${start}/${next}`, `${short}/${next}`, `${start}-${next}`, `FY${short}/${next}`];
}

const monthNames = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/** A period header and the financial year (by its starting calendar year) it falls in. */
const period = (first: number, last: number) =>
  fc.oneof(
    fc.integer({ min: first, max: last }).map((start) => ({
      label: yearSpellings(start)[0],
      year: start,
    })),
    fc
      .record({
        start: fc.integer({ min: first, max: last }),
        quarter: fc.integer({ min: 1, max: 4 }),
      })
      .map(({ start, quarter }) => ({
        label: `Q${quarter} ${yearSpellings(start)[0]}`,
        year: start,
      })),
    // A month as text, "Apr-23": April to March is one financial year.
    fc
      .record({
        start: fc.integer({ min: first, max: last }),
        month: fc.integer({ min: 0, max: 11 }),
      })
      .map(({ start, month }) => {
        const calendarYear = month >= 3 ? start : start + 1;
        return {
          label: `${monthNames[month]}-${String(calendarYear % 100).padStart(2, "0")}`,
          year: start,
        };
      })
  );

describe("targets and tolerances qualified by a year", () => {
  it("rate each period only by the thresholds of the financial year it falls in, else No target", () => {
    const first = 2020;
    fc.assert(
      fc.property(
        // Which of 2020/21 … 2023/24 have thresholds, and how each header spells its year.
        fc.uniqueArray(fc.integer({ min: first, max: first + 3 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.uniqueArray(period(first, first + 3), {
          minLength: 1,
          maxLength: 5,
          selector: (chosen) => chosen.label,
        }),
        fc.array(
          fc.record({
            aim: fc.constantFrom<Aim>("higher", "lower"),
            years: fc.array(definition, { minLength: 4, maxLength: 4 }),
            figures: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 }),
          }),
          { minLength: 1, maxLength: 3 }
        ),
        (years, spelling, periods, rows) => {
          const thresholdYears = [...years].sort((a, b) => a - b);
          const header: CellValue[] = [
            "Measure",
            "Polarity",
            ...thresholdYears.flatMap((start) => {
              const year = yearSpellings(start)[spelling];
              return [`Target ${year}`, `Tolerance ${year}`];
            }),
            ...periods.map((chosen) => chosen.label),
          ];
          const firstPeriod = 2 + thresholdYears.length * 2;
          const expected: Record<string, Status> = {};
          const values: CellValue[][] = [header];
          rows.forEach(({ aim, years: perYear, figures }, index) => {
            const row = index + 1;
            // Each year keeps the aim of the row; its own target and tolerance are mirrored to suit it.
            const own = perYear.map(({ target, tolerance }) => ({
              target,
              tolerance:
                aim === "higher"
                  ? Math.min(target, tolerance) - 1
                  : Math.max(target, tolerance) + 1,
            }));
            values.push([
              `Invented measure ${row}`,
              polarityOf[aim],
              ...thresholdYears.flatMap((start) => [
                percent(own[start - first].target),
                percent(own[start - first].tolerance),
              ]),
              ...periods.map((_, offset) => percent(figures[offset])),
            ]);
            periods.forEach((chosen, offset) => {
              const address = cellAddress(row, firstPeriod + offset);
              const thresholds = own[chosen.year - first];
              expected[address] = thresholdYears.includes(chosen.year)
                ? band(aim, thresholds.target, thresholds.tolerance, figures[offset])
                : "No target";
            });
          });
          expect(ratedStatuses(sheetOf("Targets by year", values))).toEqual(expected);
        }
      ),
      runs
    );
  });
});

describe("figures kept as whole numbers beside % targets for some years and none yet for others", () => {
  it("are painted exactly as the report rates them, each period by its own year's thresholds", () => {
    const first = 2022;
    fc.assert(
      fc.property(
        fc.uniqueArray(period(first, first + 2), {
          minLength: 2,
          maxLength: 5,
          selector: (chosen) => chosen.label,
        }),
        fc.array(
          fc.record({
            aim: fc.constantFrom<Aim>("higher", "lower"),
            // Each year's thresholds, or "Baseline" (or blank): no target for that year yet.
            years: fc.array(fc.option(definition, { nil: undefined }), {
              minLength: 3,
              maxLength: 3,
            }),
            noTarget: fc.constantFrom("Baseline", null),
            figures: fc.array(fc.integer({ min: 2, max: 100 }), { minLength: 5, maxLength: 5 }),
          }),
          { minLength: 1, maxLength: 3 }
        ),
        (periods, rows) => {
          const years = [first, first + 1, first + 2];
          const header: CellValue[] = [
            "Measure",
            "Polarity",
            ...years.flatMap((start) => [
              `Target ${yearSpellings(start)[0]}`,
              `Tolerance ${yearSpellings(start)[0]}`,
            ]),
            ...periods.map((chosen) => chosen.label),
          ];
          const firstPeriod = 2 + years.length * 2;
          const expected: Record<string, Status> = {};
          const values: CellValue[][] = [header];
          rows.forEach(({ aim, years: perYear, noTarget, figures }, index) => {
            const row = index + 1;
            const own = perYear.map((thresholds) =>
              thresholds === undefined
                ? undefined
                : {
                    target: thresholds.target,
                    tolerance:
                      aim === "higher"
                        ? Math.min(thresholds.target, thresholds.tolerance) - 1
                        : Math.max(thresholds.target, thresholds.tolerance) + 1,
                  }
            );
            values.push([
              `Invented measure ${row}`,
              polarityOf[aim],
              ...own.flatMap((thresholds) =>
                thresholds === undefined
                  ? [noTarget, null]
                  : [percent(thresholds.target), percent(thresholds.tolerance)]
              ),
              // Whole numbers in General cells: 55 is 55%, as the targets' % says.
              ...periods.map((_, offset) => figures[offset]),
            ]);
            periods.forEach((chosen, offset) => {
              const thresholds = own[chosen.year - first];
              expected[cellAddress(row, firstPeriod + offset)] =
                thresholds === undefined
                  ? "No target"
                  : band(aim, thresholds.target, thresholds.tolerance, figures[offset]);
            });
          });
          // Every period of a row with no target in any year says so, whatever its year.
          const grid = sheetOf("Targets by year", values);
          const plan = plannedWithReport(findTables(grid));
          const reported = ratedStatuses(grid);
          expect(reported).toEqual(expected);
          const statusOfFill = new Map(plan.rules.map((rule) => [rule.fill, rule.status]));
          const painted = Object.fromEntries(
            [...paintedCells(values, plan.rules)].map(([address, fill]) => [
              address,
              statusOfFill.get(fill),
            ])
          );
          expect(painted).toEqual(
            Object.fromEntries(
              Object.entries(expected).filter(([, status]) =>
                ["Green", "Amber", "Red"].includes(status)
              )
            )
          );
        }
      ),
      runs
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Side-by-side tables
// ---------------------------------------------------------------------------------------------

const tableColumns = ["Measure", "Polarity", "Target", "Tolerance", "2022/23", "2023/24"] as const;

/** A table's columns in a shuffled order and its rows' definitions and figures. */
const sideTable = fc.record({
  order: fc.shuffledSubarray([...tableColumns], {
    minLength: tableColumns.length,
    maxLength: tableColumns.length,
  }),
  rows: fc.array(
    fc.record({
      definition,
      figures: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 4 }
  ),
});

describe("two tables side by side, separated by a blank column", () => {
  it("rate each row by its own table's columns, whatever order each table keeps them in", () => {
    fc.assert(
      fc.property(sideTable, sideTable, (left, right) => {
        const height = 1 + Math.max(left.rows.length, right.rows.length);
        const values: CellValue[][] = Array.from({ length: height }, () =>
          Array<CellValue>(tableColumns.length * 2 + 1).fill(null)
        );
        const expected: Record<string, Status> = {};
        [left, right].forEach(({ order, rows }, side) => {
          const firstColumn = side * (tableColumns.length + 1);
          const columnOf = (name: (typeof tableColumns)[number]): number =>
            firstColumn + order.indexOf(name);
          order.forEach((name, offset) => (values[0][firstColumn + offset] = name));
          rows.forEach(({ definition: { aim, target, tolerance }, figures }, index) => {
            const row = index + 1;
            values[row][columnOf("Measure")] = `${side === 0 ? "Left" : "Right"} measure ${row}`;
            values[row][columnOf("Polarity")] = polarityOf[aim];
            values[row][columnOf("Target")] = percent(target);
            values[row][columnOf("Tolerance")] = percent(tolerance);
            (["2022/23", "2023/24"] as const).forEach((year, offset) => {
              values[row][columnOf(year)] = percent(figures[offset]);
              expected[cellAddress(row, columnOf(year))] = band(
                aim,
                target,
                tolerance,
                figures[offset]
              );
            });
          });
        });
        expect(ratedStatuses(sheetOf("Side by side", values))).toEqual(expected);
      }),
      runs
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Figures written as text
// ---------------------------------------------------------------------------------------------

/**
 * A figure in one unit, as a number in a cell (a fraction shown as a percentage for percentages) and as
 * text the way a board reads it: "85.5%", "1,234", "22.5 days", with or without a flag of published
 * statistics ("p" provisional, " r" revised, "*" see note).
 */
const spelledFigure = fc
  .record({
    unit: fc.constantFrom("percent", "count", "days"),
    definition,
    tenths: fc.integer({ min: 0, max: 1000 }),
    flag: fc.constantFrom("", "p", " r", "*"),
  })
  .map(({ unit, definition: { aim, target, tolerance }, tenths, flag }) => {
    const scale = unit === "count" ? 50 : 1;
    const figure = unit === "count" ? tenths * 5 : tenths / 10;
    const written =
      unit === "percent"
        ? `${figure}%`
        : unit === "count"
          ? figure.toLocaleString("en-GB")
          : `${figure} days`;
    return {
      aim,
      target: target * scale,
      tolerance: tolerance * scale,
      unit,
      figure,
      number: unit === "percent" ? figure / 100 : figure,
      format: unit === "percent" ? "0.0%" : "General",
      text: `${written}${flag}`,
    };
  });

describe("a figure written as text", () => {
  it("gets the status the same figure gets as a number, and the band's", () => {
    fc.assert(
      fc.property(spelledFigure, (spelled) => {
        const threshold = (points: number): CellValue =>
          spelled.unit === "percent" ? percent(points) : points;
        const definitionCells: CellValue[] = [
          polarityOf[spelled.aim],
          threshold(spelled.target),
          threshold(spelled.tolerance),
        ];
        const values: CellValue[][] = [
          ["Measure", "Polarity", "Target", "Tolerance", "2023/24"],
          ["Figure as a number", ...definitionCells, spelled.number],
          ["Figure as text", ...definitionCells, spelled.text],
        ];
        const grid = sheetOf("Text figures", values);
        grid.numberFormats[1][4] = spelled.format;
        const status = band(spelled.aim, spelled.target, spelled.tolerance, spelled.figure);
        expect(ratedStatuses(grid)).toEqual({ E2: status, E3: status });
      }),
      runs
    );
  });
});
