/**
 * Comparisons in the report, and benchmark targets in the formatting plan: register rows compared with
 * the register's England, Statistical neighbours and Region columns; a row rated against the
 * statistical-neighbour cell on its row, whose colours HyperFormula sees follow an edited benchmark.
 */
import { describe, expect, it } from "vitest";
import { buildRegister, findTables, ragPalette, type CellValue, type Grid } from "../../src/core";
import { paintedCells } from "../support/rule-engine";
import { plannedWithReport } from "../support/planned-with-report";
import { registerHeaders } from "../support/register-headers";

function grid(values: CellValue[][], numberFormats: string[][]): Grid {
  return { sheet: "KPIs", origin: { row: 0, column: 0 }, values, numberFormats, merges: [] };
}

describe("rows rated from the register, compared with the register's benchmarks", () => {
  const register = buildRegister({
    values: [
      [...registerHeaders, "England", "Statistical neighbours", "Region", "Benchmark year"],
      [
        "KPI-18",
        "% of children in care with 3 or more placements in the year",
        "Children in care",
        "Smaller is better",
        "%",
        "9%",
        "15%",
        "-",
        null,
        0.1,
        0.11,
        0.095,
        "2021/22",
      ],
    ],
    numberFormats: [
      [],
      [
        "General",
        "General",
        "General",
        "General",
        "General",
        "0%",
        "0%",
        "General",
        "General",
        "0.0%",
        "0.0%",
        "0.0%",
        "General",
      ],
    ],
  });
  const found = findTables(
    grid(
      [
        ["KPI", "Measure", "2021/22", "2022/23"],
        [18, "% of children in care with 3 or more placements", 0.12, 0.104],
      ],
      [
        ["General", "General", "General", "General"],
        ["General", "General", "0.0%", "0.0%"],
      ]
    ),
    register
  );

  it("compares KPI-18's 2021/22 figure, 12.0%, with England, statistical neighbours and the region for 2021/22", () => {
    const [row] = plannedWithReport(found).tables[0].rows;
    expect(row.comparisons).toEqual([
      {
        benchmark: "England",
        year: "2021/22",
        value: "10.0%",
        figure: "12.0%",
        period: "2021/22",
        verdict: "Worse",
        difference: "2 points",
        reason: "12.0% is worse than England 2021/22 (10.0%) by 2 points",
      },
      {
        benchmark: "Statistical neighbours",
        year: "2021/22",
        value: "11.0%",
        figure: "12.0%",
        period: "2021/22",
        verdict: "Worse",
        difference: "1 point",
        reason: "12.0% is worse than Statistical neighbours 2021/22 (11.0%) by 1 point",
      },
      {
        benchmark: "Region",
        year: "2021/22",
        value: "9.5%",
        figure: "12.0%",
        period: "2021/22",
        verdict: "Worse",
        difference: "2.5 points",
        reason: "12.0% is worse than Region 2021/22 (9.5%) by 2.5 points",
      },
    ]);
  });

  it("gives a row with no benchmarks an empty list of comparisons", () => {
    const plain = findTables(
      grid(
        [
          ["KPI", "Measure", "2022/23"],
          [16, "Placement stability", 0.7],
        ],
        [
          ["General", "General", "General"],
          ["General", "General", "0%"],
        ]
      )
    );
    expect(plannedWithReport(plain).tables[0].rows[0].comparisons).toEqual([]);
  });
});

describe("a register entry whose target is written against England, with the register's England figure", () => {
  const register = buildRegister({
    values: [
      [...registerHeaders, "England", "Benchmark year"],
      [
        "KPI-40",
        "% of care leavers in suitable accommodation",
        "Care leavers",
        "Bigger is better",
        "%",
        "Above England",
        "within 3 points",
        null,
        null,
        0.55,
        "2022/23",
      ],
    ],
    numberFormats: [
      [],
      [
        "General",
        "General",
        "General",
        "General",
        "General",
        "General",
        "General",
        "General",
        "General",
        "0%",
        "General",
      ],
    ],
  });
  const values: CellValue[][] = [
    ["KPI", "Measure", "2021/22", "2022/23", "2023/24"],
    [40, "% of care leavers in suitable accommodation", 0.58, 0.53, 0.5],
  ];
  const plan = plannedWithReport(
    findTables(
      grid(values, [values[0].map(() => "General"), ["General", "General", "0%", "0%", "0%"]]),
      register
    )
  );
  const [row] = plan.tables[0].rows;

  it("rates 58%, 53% and 50% Green, Amber and Red against England's 55% from the register", () => {
    expect(row.cells.map((cell) => cell.status)).toEqual(["Green", "Amber", "Red"]);
    expect(row.definition).toBe(
      "Target Above England: rated against the England figure on the row; Amber within 3 points; unit %"
    );
  });

  it("writes England's figure into the rules, so the colours agree with the report", () => {
    expect(plan.rules.every((rule) => rule.formula.includes("ROUND(0.55,"))).toBe(true);
    const painted = paintedCells(values, plan.rules);
    expect(["C2", "D2", "E2"].map((address) => painted.get(address))).toEqual([
      ragPalette.Green.fill,
      ragPalette.Amber.fill,
      ragPalette.Red.fill,
    ]);
  });
});

describe("a target written against the statistical-neighbour average, in the formatting plan", () => {
  const values: CellValue[][] = [
    ["Measure", "Polarity", "Target", "Tolerance", "2020/21", "2021/22", "2022/23", "SN"],
    [
      "% of care leavers in education, employment or training",
      "Bigger is better",
      "Above Stat Neighbour Average",
      "within 2 points",
      0.281,
      0.26,
      0.24,
      0.27,
    ],
    [
      "% of children in care with up-to-date health assessments",
      null,
      "In line with England",
      null,
      0.88,
      0.9,
      0.91,
      null,
    ],
  ];
  const formats = values.map((row, index) =>
    row.map((_, column) => (index > 0 && column >= 4 ? "0.0%" : "General"))
  );

  const found = findTables(grid(values, formats));
  const plan = plannedWithReport(found);
  const [care, health] = plan.tables[0].rows;

  it("rates 28.1%, 26.0% and 24.0% Green, Amber and Red against statistical neighbours at 27.0%, within 2 points", () => {
    expect(care.cells.map((cell) => cell.status)).toEqual(["Green", "Amber", "Red"]);
    expect(care.problems).toEqual([]);
    expect(care.definition).toBe(
      "Target Above Stat Neighbour Average: rated against the statistical-neighbour average on the row; Amber within 2 points; unit %"
    );
  });

  it("says Check definition when the target names England and the sheet has no England column", () => {
    expect(health.cells.map((cell) => cell.status)).toEqual([
      "Check definition",
      "Check definition",
      "Check definition",
    ]);
    expect(health.problems).toEqual([
      "the target refers to the England figure, which is not on this sheet",
    ]);
  });

  it("reads the SN column as the row's statistical-neighbour benchmark, in H2", () => {
    expect(found.tables[0].rows[0].benchmarks).toEqual([
      {
        benchmark: "Statistical neighbours",
        kind: "Statistical neighbours",
        year: "latest",
        value: 0.27,
        numberFormat: "0.0%",
        // H2: row 2, column H
        row: 1,
        column: 7,
      },
    ]);
  });

  it("compares the latest figure, 24.0%, with statistical neighbours: Worse by 3 points", () => {
    expect(care.comparisons).toEqual([
      {
        benchmark: "Statistical neighbours",
        year: "latest",
        value: "27.0%",
        figure: "24.0%",
        period: "2022/23",
        verdict: "Worse",
        difference: "3 points",
        reason: "24.0% is worse than Statistical neighbours (27.0%) by 3 points",
      },
    ]);
  });

  it("writes rules that refer to the SN cell of the same row, with its column fixed", () => {
    expect(plan.rules.length).toBe(3);
    for (const rule of plan.rules)
      expect(rule.formula).toContain("IF(ISNUMBER($H2),$H2,NUMBERVALUE(");
    expect(plan.rules.map((rule) => rule.appliesTo)).toEqual([["E2:G2"], ["E2:G2"], ["E2:G2"]]);
  });

  it("never colours the SN column, whose cells are the benchmark", () => {
    const painted = paintedCells(values, plan.rules);
    expect([...painted.keys()].filter((address) => address.startsWith("H"))).toEqual([]);
    expect(plan.rules.flatMap((rule) => rule.appliesTo).some((area) => /H\d/.test(area))).toBe(
      false
    );
  });

  const paint = (sheet: CellValue[][]): Array<string | undefined> => {
    const painted = paintedCells(sheet, plan.rules);
    return ["E2", "F2", "G2"].map((address) => painted.get(address));
  };

  it("paints what the report says, judged by HyperFormula", () => {
    expect(paint(values)).toEqual([
      ragPalette.Green.fill,
      ragPalette.Amber.fill,
      ragPalette.Red.fill,
    ]);
  });

  it("repaints when the analyst edits the SN figure to 24.5%: Green, Green, Amber, with the same rules", () => {
    const edited = values.map((row) => [...row]);
    edited[1][7] = 0.245;
    expect(paint(edited)).toEqual([
      ragPalette.Green.fill,
      ragPalette.Green.fill,
      ragPalette.Amber.fill,
    ]);
    edited[1][7] = null;
    expect(paint(edited), "a blank SN figure paints nothing").toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("the definition said of a row whose target is written against a benchmark in one year only", () => {
  it("says each year's target: the benchmark in 2024/25, the figure in 2023/24", () => {
    const values: CellValue[][] = [
      [
        "Measure",
        "Polarity",
        "Target 2023/24",
        "Target 2024/25",
        "2023/24",
        "2024/25",
        "England 2024/25",
      ],
      ["Care leavers in EET", "Bigger is better", 0.55, "Above England", 0.58, 0.57, 0.56],
    ];
    const found = findTables(
      grid(
        values,
        values.map((row) => row.map(() => "0%"))
      )
    );
    const { definition } = plannedWithReport(found).tables[0].rows[0];
    expect(definition).toMatch(/^2023\/24: Bigger is better; target 55%/);
    expect(definition).toContain("2024/25: Target Above England: rated against the England figure");
  });
});
