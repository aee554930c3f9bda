/**
 * What no table of examples can cover about reading a sheet: whatever the column order and the numbers in
 * them, a comparator, RAG or direction-of-travel column is never coloured, and a row with thresholds of its
 * own is never rated from the register.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildRegister,
  findTables,
  registerColumns,
  type CellValue,
  type Grid,
} from "../../src/core";
// The plan's areas are read with the host's own A1 code, not the core's that wrote them.
import { columnLetters, parseAddress } from "../support/a1";
import { plannedWithReport } from "../support/planned-with-report";

const asideHeaders = fc.constantFrom(
  "England",
  "National",
  "Region",
  "Regional",
  "North West",
  "Yorkshire and the Humber",
  "Inner London",
  "Statistical neighbours",
  "Stat. neighbours",
  "SN",
  "SN average",
  "Statistical neighbour mean",
  "Similar authorities",
  "Family group",
  "Core cities",
  "Benchmark",
  "England 2021/22",
  "Quartile",
  "Rank",
  "RAG",
  "Status",
  "RAG rating",
  "RAG 2022/23",
  "DoT",
  "Direction of travel",
  "Trend",
  "DoT Q2"
);
const periodHeaders = fc.constantFrom(
  "2019/20",
  "2020-21",
  "FY22/23",
  "Q1",
  "Qtr 2",
  "Apr-21",
  "YTD",
  "2022/23 Q3"
);
const figure = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((points) => points / 100),
  fc.constant(null),
  fc.constantFrom("Red", "Green", "↑", "↓", "N/A")
);

/** A header of measure, polarity, target, tolerance, periods and aside columns in a shuffled order, with rows of figures. */
const scorecard = fc
  .record({
    periods: fc.uniqueArray(periodHeaders, { minLength: 1, maxLength: 4 }),
    asides: fc.uniqueArray(asideHeaders, { minLength: 1, maxLength: 5 }),
    order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 13, maxLength: 13 }),
    rows: fc.array(
      fc.tuple(
        fc.constantFrom("Bigger is better", "Smaller is better"),
        fc.array(figure, { minLength: 9, maxLength: 9 })
      ),
      { minLength: 1, maxLength: 6 }
    ),
  })
  .map(({ periods, asides, order, rows }) => {
    const headers = ["Polarity", "Target", "Tolerance", ...periods, ...asides];
    const shuffled = headers
      .map((header, index) => ({ header, key: order[index] ?? index }))
      .sort((a, b) => a.key - b.key)
      .map((column) => column.header);
    const values: CellValue[][] = [["Measure", ...shuffled]];
    rows.forEach(([polarity, figures], index) => {
      const bigger = polarity === "Bigger is better";
      values.push([
        `Measure ${index + 1}`,
        ...shuffled.map((header, column) =>
          header === "Polarity"
            ? polarity
            : header === "Target"
              ? bigger
                ? "90%"
                : "10%"
              : header === "Tolerance"
                ? bigger
                  ? "75%"
                  : "20%"
                : figures[column % figures.length]
        ),
      ]);
    });
    const grid: Grid = {
      sheet: "Scorecard",
      origin: { row: 0, column: 0 },
      values,
      numberFormats: values.map((row) =>
        row.map((cell) => (typeof cell === "number" ? "0%" : "General"))
      ),
      merges: [],
    };
    return {
      grid,
      asideColumns: shuffled.flatMap((header, column) =>
        (asides as readonly string[]).includes(header) ? [columnLetters(column + 1)] : []
      ),
    };
  });

function columnsOf(area: string): string[] {
  const { left, right } = parseAddress(area)!.area;
  const letters: string[] = [];
  for (let column = left; column <= right; column++) letters.push(columnLetters(column));
  return letters;
}

describe("columns that are never coloured", () => {
  it("keeps every comparator, RAG and direction-of-travel column out of the plan's rules, in any column order", () => {
    let plansWithRules = 0;
    fc.assert(
      fc.property(scorecard, ({ grid, asideColumns }) => {
        const plan = plannedWithReport(findTables(grid));
        if (plan.rules.length > 0) plansWithRules++;
        const coloured = new Set(plan.rules.flatMap((rule) => rule.appliesTo.flatMap(columnsOf)));
        for (const column of asideColumns) expect(coloured.has(column)).toBe(false);
        for (const table of plan.tables)
          for (const row of table.rows)
            for (const cell of row.cells)
              expect(asideColumns).not.toContain(cell.address.replace(/\d+$/, ""));
      }),
      { numRuns: 200 }
    );
    // The property is about plans that colour something: most of the generated sheets must.
    expect(plansWithRules).toBeGreaterThan(100);
  });
});

describe("rows with thresholds of their own", () => {
  const workbookRegister = buildRegister({
    values: [
      [...registerColumns],
      ["KPI-18", "Placements", "Children in care", "Bigger is better", "%", "50%", "40%", "-", ""],
      [
        "CIN-3",
        "Plans reviewed",
        "Children in need",
        "Smaller is better",
        "%",
        "5%",
        "8%",
        "-",
        "",
      ],
    ],
  });
  const idHeader = fc.constantFrom("KPI", "KPI no", "Ref", "No.", "ID", "Code");
  const id = fc.oneof(
    fc.integer({ min: 1, max: 40 }),
    fc.constantFrom("18", "KPI-18", "CKPI-5", "SPI-3", "CIN-3", "5a")
  );
  const ownRow = fc.record({
    id,
    polarity: fc.constantFrom("Bigger is better", "Smaller is better", null),
    target: fc.constantFrom("90%", "10%", "22%", null),
    tolerance: fc.constantFrom("75%", "20%", "28%", null),
    figure: fc.integer({ min: 0, max: 700 }),
  });

  it("rates a row by its own polarity, target or tolerance whatever its KPI number or reference, never from the register", () => {
    let checked = 0;
    fc.assert(
      fc.property(
        idHeader,
        fc.array(ownRow, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (header, rows, withWorkbookTable) => {
          const values: CellValue[][] = [
            [header, "Measure", "Polarity", "Target", "Tolerance", "Q1"],
            ...rows.map((row, index) => [
              row.id,
              `Measure ${index + 1}`,
              row.polarity,
              row.target,
              row.tolerance,
              row.figure,
            ]),
          ];
          const grid: Grid = {
            sheet: "Scorecard",
            origin: { row: 0, column: 0 },
            values,
            numberFormats: values.map((row) => row.map(() => "General")),
            merges: [],
          };
          const found = findTables(grid, withWorkbookTable ? workbookRegister : undefined);
          for (const table of found.tables) {
            for (const row of table.rows) {
              const written = rows[row.row - 1];
              if (
                written.polarity === null &&
                written.target === null &&
                written.tolerance === null
              )
                continue;
              checked++;
              expect(row.source).toBe("sheet");
              expect(row.definition.wording.target).toBe(written.target);
              expect(row.definition.wording.polarity).toBe(written.polarity);
            }
          }
        }
      ),
      { numRuns: 200 }
    );
    expect(checked).toBeGreaterThan(500);
  });
});
