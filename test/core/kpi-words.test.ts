/**
 * The KPIWords table as detection uses it: read from the KPI Register sheet's grid, its header words
 * placing a council's own columns, and the words a sheet uses that the add-in could not read listed for
 * the analyst to teach. Statuses worked out by hand.
 */
import { describe, expect, it } from "vitest";
import {
  appraise,
  findTables,
  reportOf,
  registerColumns,
  unknownWords,
  wordsOfGrid,
  type CellValue,
  type Grid,
} from "../../src/core";
import { wordsTableOfGrid } from "../../src/core/sheet/words-table";
import { plannedWithReport } from "../support/planned-with-report";

function grid(sheet: string, values: CellValue[][]): Grid {
  return {
    sheet,
    origin: { row: 0, column: 0 },
    values,
    numberFormats: values.map((row) => row.map(() => "General")),
    merges: [],
  };
}

/** The KPI Register sheet: the KPIRegister table at A1, the KPIWords table beside it at K1. */
const registerSheet = grid("KPI Register", [
  [...registerColumns, null, "Word", "Means"],
  [
    "KPI-40",
    "Care leavers in touch",
    "Care leavers",
    "Bigger is better",
    "%",
    "90%",
    "80%",
    "-",
    "",
    null,
    "Aspiration",
    "Target",
  ],
  [null, null, null, null, null, null, null, null, null, null, "Benchmark", "Target"],
  [null, null, null, null, null, null, null, null, null, null, "Lowest acceptable", "Tolerance"],
  [
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    "2021/22 (old definition)",
    "Not a period",
  ],
  [null, null, null, null, null, null, null, null, null, null, "Awaiting", "No data"],
  [null, null, null, null, null, null, null, null, null, null, null, null],
  [null, null, null, null, null, null, null, null, null, null, "Stray", "Target"],
]);

const scorecard = (target: string): Grid =>
  grid("Scorecard", [
    [
      "Measure",
      "Polarity",
      target,
      "Lowest acceptable",
      "2021/22 (old definition)",
      "2022/23",
      "2023/24",
    ],
    [
      "Care leavers in suitable accommodation",
      "Bigger is better",
      "90%",
      "80%",
      "70%",
      "85%",
      "Awaiting",
    ],
    ["Re-referrals within 12 months", "Smaller is better", "22%", "28%", "35%", "30%", "21%"],
  ]);

describe("the KPIWords table on the KPI Register sheet", () => {
  it("reads a taught threshold header with a year after it as that year's threshold: Aspiration 2022/23", () => {
    const { words } = wordsOfGrid(registerSheet);
    const card = scorecard("Aspiration 2022/23");
    card.values[0][3] = "Lowest acceptable 2022/23";
    const found = findTables(card, undefined, { words });
    expect(found.tables[0].columnMap).toContain(
      "C target (Aspiration 2022/23) for 2022/23's periods, D tolerance (Lowest acceptable 2022/23) for 2022/23's periods"
    );
    const statuses = plannedWithReport(found).tables[0].rows.map((row) =>
      row.cells.map((cell) => cell.status)
    );
    // 2022/23 by its own year's thresholds; 2023/24 has none, so it is No target (no figure: No data).
    expect(statuses).toEqual([
      ["Amber", "No data"],
      ["Red", "No target"],
    ]);
  });

  it("reads the Word and Means columns beside the KPIRegister table, down to the first blank row", () => {
    expect(wordsTableOfGrid(registerSheet)).toEqual([
      ["Word", "Means"],
      ["Aspiration", "Target"],
      ["Benchmark", "Target"],
      ["Lowest acceptable", "Tolerance"],
      ["2021/22 (old definition)", "Not a period"],
      ["Awaiting", "No data"],
    ]);
    expect(wordsOfGrid(registerSheet).problems).toEqual([]);
    expect(wordsOfGrid(grid("KPI Register", [[...registerColumns]])).words.entries.size).toBe(0);
  });

  it("places a council's own header words where the workbook teaches them, and rates by them", () => {
    const { words } = wordsOfGrid(registerSheet);
    const found = findTables(scorecard("Aspiration"), undefined, { words });
    expect(found.tables[0].columnMap).toBe(
      "A measure, B polarity, C target (Aspiration), D tolerance (Lowest acceptable), F–G periods; E 2021/22 (old definition) left alone"
    );
    // 85% against 90% and 80%, bigger is better: Amber; 30% against 22% and 28%, smaller is better: Red.
    const rows = plannedWithReport(found).tables[0].rows.map((row) => [
      row.measure,
      ...row.cells.map((cell) => `${cell.period}: ${cell.status}`),
    ]);
    expect(rows).toEqual([
      ["Care leavers in suitable accommodation", "2022/23: Amber", "2023/24: No data"],
      ["Re-referrals within 12 months", "2022/23: Red", "2023/24: Green"],
    ]);
  });

  it("lets a taught word win over the built-in one: Benchmark taught as Target is the target, not a comparator", () => {
    const { words } = wordsOfGrid(registerSheet);
    const taught = findTables(scorecard("Benchmark"), undefined, { words });
    expect(taught.tables[0].columns.find((column) => column.label === "Benchmark")?.role).toEqual({
      kind: "target",
    });
    const builtIn = findTables(scorecard("Benchmark"));
    expect(builtIn.tables[0].columns.find((column) => column.label === "Benchmark")?.role).toEqual({
      kind: "comparator",
      benchmark: "Benchmark",
      year: null,
    });
  });

  it("reads a header taught as Stretch as the stretch target the Blue for exceeding scheme rates by", () => {
    const { words } = wordsOfGrid(
      grid("KPI Register", [
        [...registerColumns, null, "Word", "Means"],
        [...registerColumns.map(() => null), null, "Reach", "Stretch"],
      ])
    );
    const card = grid("Scorecard", [
      ["Measure", "Polarity", "Target", "Tolerance", "Reach", "2023/24", "2024/25"],
      [
        "Care leavers in suitable accommodation",
        "Bigger is better",
        "90%",
        "80%",
        "95%",
        "96%",
        "92%",
      ],
    ]);
    const found = findTables(card, undefined, { words });
    expect(found.tables[0].columns.find((column) => column.label === "Reach")?.role).toEqual({
      kind: "stretch",
    });
    const rated = reportOf(
      appraise(found, { scheme: { kind: "blue for exceeding" } })
    ).tables[0].rows[0].cells.map((cell) => `${cell.period}: ${cell.status}`);
    // 96% is at or beyond the stretch target of 95%: Blue; 92% meets the target of 90% only: Green.
    expect(rated).toEqual(["2023/24: Blue", "2024/25: Green"]);
  });

  it("without the table, reads the rows as context measures and says which columns it left alone", () => {
    const [table] = findTables(scorecard("Aspiration")).tables;
    expect(table.columnMap).toBe(
      "A measure, B polarity, E–G periods; C 'Aspiration', D 'Lowest acceptable' not understood: teach them in KPIWords"
    );
    expect(
      plannedWithReport(findTables(scorecard("Aspiration"))).tables[0].rows[1].cells.map(
        (cell) => cell.status
      )
    ).toEqual(["No target", "No target", "No target"]);
  });
});

describe("the sheet's unknown words, listed for the analyst to teach", () => {
  it("lists the header words, polarity wordings and period texts the add-in could not read, once each", () => {
    const sheet = grid("Scorecard", [
      ["Measure", "Polarity", "Target", "Tolerance", "Q1", "Q2", "Cabinet portfolio"],
      ["Care leavers in touch", "Steady good", "90%", "80%", "Pending sign-off", "85%", "Children"],
      [
        "Care leavers in touch with a pathway plan",
        "Steady good",
        "90%",
        "80%",
        "91%",
        "Pending sign-off",
        "Children",
      ],
    ]);
    expect(unknownWords(sheet, findTables(sheet))).toEqual([
      { word: "Cabinet portfolio", seen: "a header of the table A1:F3" },
      { word: "Steady good", seen: "the polarity in row 2" },
      { word: "Pending sign-off", seen: "cell E2" },
    ]);
  });

  it("lists a skipped sheet's unknown header words, and leaves out the words the workbook already teaches", () => {
    const dashboard = grid("Dashboard", [
      ["Measure", "Aspiration", "2022/23", "2023/24"],
      ["Care leavers in suitable accommodation", "90%", "85%", "88%"],
    ]);
    expect(findTables(dashboard).skipped).toBe(
      "row 1 has a measure column ('Measure') and periods but no polarity, target or KPI number column, so there is nothing to rate its measures against"
    );
    expect(unknownWords(dashboard, findTables(dashboard))).toEqual([
      { word: "Aspiration", seen: "a header in row 1" },
    ]);
    const sheet = scorecard("Aspiration");
    expect(unknownWords(sheet, findTables(sheet)).map((word) => word.word)).toEqual([
      "Aspiration",
      "Lowest acceptable",
      "Awaiting",
    ]);
    const { words } = wordsOfGrid(registerSheet);
    expect(unknownWords(sheet, findTables(sheet, undefined, { words }), words)).toEqual([]);
  });
});

describe("a flag on figures taught in the KPIWords table", () => {
  const taught = (...rows: CellValue[][]) =>
    wordsOfGrid(grid("KPI Register", [["Word", "Means"], ...rows]));
  const card = (...extra: CellValue[][]): Grid =>
    grid("Scorecard", [
      ["Measure", "Polarity", "Target", "Tolerance", "Q1 2024/25", "Q2 2024/25"],
      ["Plans reviewed on time", "Bigger is better", "90%", "85%", "88%†", "91%"],
      ...extra,
    ]);

  it("says what the workbook says the flag means: 88%† is Amber, (provisional data) in its reason", () => {
    const { words, problems } = taught(["†", "Provisional data"], ["~", "Steady good"]);
    expect(problems).toHaveLength(1); // "Steady good" is no meaning the add-in knows; a flag's meaning is free
    const [row] = plannedWithReport(findTables(card(), undefined, { words })).tables[0].rows;
    expect(row.cells.map((cell) => cell.status)).toEqual(["Amber", "Green"]);
    expect(row.cells[0].reason).toContain("88% (provisional data)");
  });

  it("lets the sheet's own key win over the KPIWords table for the same flag", () => {
    const { words } = taught(["†", "Provisional data"]);
    const found = findTables(card([null], ["† Figure includes late returns"]), undefined, {
      words,
    });
    const [row] = plannedWithReport(found).tables[0].rows;
    expect(row.cells[0].reason).toContain("88% (figure includes late returns)");
  });
});
