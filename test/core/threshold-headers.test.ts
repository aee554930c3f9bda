import { describe, expect, it } from "vitest";
import { findTables, type CellValue, type FoundTables, type Grid } from "../../src/core";
import { plannedWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

/** A sheet from rows; figures below 1 in period and threshold columns are shown as percentages. */
function sheet(values: CellValue[][], merges: Grid["merges"] = []): Grid {
  return {
    sheet: "Scorecard",
    origin: { row: 0, column: 0 },
    values,
    numberFormats: values.map((row) =>
      row.map((cell) => (typeof cell === "number" && cell < 1 ? "0%" : "General"))
    ),
    merges,
  };
}

/** Every rated cell as "address status", in reading order. */
function statuses(found: FoundTables): string[] {
  return plannedWithReport(found).tables.flatMap((table) =>
    table.rows.flatMap((row) => row.cells.map((cell) => `${cell.address} ${cell.status}`))
  );
}

/** The fills the formula judge paints, as statuses. */
function painted(grid: Grid, found: FoundTables): string[] {
  const names: Record<string, string> = {
    "#C6EFCE": "Green",
    "#FFEB9C": "Amber",
    "#FFC7CE": "Red",
  };
  return [...paintedCells(grid.values, plannedWithReport(found).rules)]
    .map(([address, fill]) => `${address} ${names[fill.toUpperCase()] ?? fill}`)
    .sort();
}

const measure = "Child protection plans reviewed on time";

describe("a qualifier on a table's only tolerance column", () => {
  for (const header of [
    "Tolerance (amber)",
    "Amber tolerance",
    "Tolerance 23/24",
    "Tolerance (A)",
  ]) {
    it(`reads '${header}' as the standard tolerance: 93% is Amber against a target of 95% and a floor of 92%`, () => {
      const found = findTables(
        sheet([
          ["Measure", "Polarity", "Target", header, "2023/24"],
          [measure, "Bigger is better", 0.95, 0.92, 0.93],
        ])
      );
      expect(statuses(found)).toEqual(["E2 Amber"]);
      expect(found.tables[0].toleranceSets).toEqual(["Standard"]);
    });
  }

  it("reads 3 under 'Tolerance (pp)' as a margin of 3 percentage points: 93% Amber, 91.5% Red against 95%", () => {
    const found = findTables(
      sheet([
        ["Measure", "Polarity", "Target", "Tolerance (pp)", "2022/23", "2023/24"],
        [measure, "Bigger is better", 0.95, 3, 0.93, 0.915],
      ])
    );
    expect(statuses(found)).toEqual(["E2 Amber", "F2 Red"]);
    expect(found.tables[0].columnMap).toContain(
      "D tolerance (Tolerance (pp)) in percentage points"
    );
    // The reason quotes the 3 as the header reads it, not a "±3pp" the cell never held.
    expect(plannedWithReport(found).tables[0].rows[0].cells[0].reason).toContain(
      'the tolerance "3 percentage points" read as 3 percentage points below the target: 92%'
    );
  });

  it("keeps Recovery tolerance as a set of its own beside the standard Tolerance", () => {
    const found = findTables(
      sheet([
        ["Measure", "Polarity", "Target", "Tolerance", "Recovery tolerance", "2023/24"],
        [measure, "Bigger is better", 0.95, 0.92, 0.85, 0.9],
      ])
    );
    expect(found.tables[0].toleranceSets).toEqual(["Standard", "Recovery"]);
    expect(statuses(found)).toEqual(["F2 Red"]);
    expect(
      plannedWithReport(found, "Recovery").tables[0].rows[0].cells.map((cell) => cell.status)
    ).toEqual(["Amber"]);
  });

  it("leaves a table uncoloured, saying why, when it cannot tell which of two tolerance columns is the standard one", () => {
    const found = findTables(
      sheet([
        ["Measure", "Polarity", "Target", "Tolerance (amber)", "Tolerance (pp)", "2023/24"],
        [measure, "Bigger is better", 0.95, 0.92, 3, 0.93],
      ])
    );
    const planned = plannedWithReport(found);
    expect(planned.rules).toEqual([]);
    expect(planned.tables[0].rows[0].cells[0].status).toBe("Check definition");
    expect(found.tables[0].problems.join(" ")).toMatch(
      /cannot tell which of D 'Tolerance \(amber\)' and E 'Tolerance \(pp\)' is the standard tolerance/
    );
  });
});

describe("thresholds for each year", () => {
  const header = [
    "Measure",
    "Polarity",
    "Target 22/23",
    "Tolerance 22/23",
    "Target 23/24",
    "Tolerance 23/24",
    "Q3 2022/23",
    "Q4 2022/23",
    "Q1 2023/24",
    "Q2 2023/24",
    "Q1 2024/25",
  ];
  const grid = sheet([
    header,
    // 2022/23: target 80%, tolerance 70%; 2023/24: target 90%, tolerance 85%; 2024/25 has none.
    [measure, "Bigger is better", 0.8, 0.7, 0.9, 0.85, 0.82, 0.75, 0.82, 0.91, 0.95],
  ]);

  it("rates each period against its own year's target and tolerance, and a year with none as No target", () => {
    const found = findTables(grid);
    expect(statuses(found)).toEqual([
      "G2 Green", // 82% against 2022/23's 80%
      "H2 Amber", // 75%: at or above 2022/23's 70%
      "I2 Red", // 82% against 2023/24's 85% floor
      "J2 Green",
      "K2 No target",
    ]);
    const row = plannedWithReport(found).tables[0].rows[0];
    expect(row.cells[4].reason).toMatch(/no target or tolerance is given for 2024\/25/);
    expect(row.definition).toMatch(/^Q3 2022\/23 to Q4 2022\/23: .*; Q1 2023\/24 to Q2 2023\/24: /);
  });

  it("writes rules that paint each period by its own year's thresholds, as the formula judge sees them", () => {
    const found = findTables(grid);
    expect(painted(grid, found)).toEqual(["G2 Green", "H2 Amber", "I2 Red", "J2 Green"]);
  });

  it("names each year's columns in the column map", () => {
    expect(findTables(grid).tables[0].columnMap).toContain(
      "C target (Target 22/23) for 2022/23's periods, D tolerance (Tolerance 22/23) for 2022/23's periods"
    );
  });

  it("says a context measure is one in every year, not that a year has no target", () => {
    const found = findTables(
      sheet([
        header,
        [measure, "Bigger is better", 0.8, 0.7, 0.9, 0.85, 0.82, 0.75, 0.82, 0.91, 0.95],
        [
          "Children in need per 10,000",
          "Monitoring only",
          null,
          null,
          null,
          null,
          310,
          322,
          305,
          298,
          301,
        ],
      ])
    );
    const row = plannedWithReport(found).tables[0].rows[1];
    expect(row.cells.map((cell) => cell.status)).toEqual(Array(5).fill("No target"));
    for (const cell of row.cells) {
      expect(cell.reason).toContain("Monitoring only");
      expect(cell.reason).not.toMatch(/is given for/);
    }
  });

  it("rates months by their financial year, April to March, and a year without a target by the unqualified one", () => {
    const found = findTables(
      sheet([
        [
          "Measure",
          "Polarity",
          "Target",
          "Target 2023/24",
          "Tolerance",
          "Mar-23",
          "Apr-23",
          "Mar-24",
        ],
        [measure, "Bigger is better", 0.8, 0.9, 0.75, 0.85, 0.85, 0.88],
      ])
    );
    expect(statuses(found)).toEqual(["F2 Green", "G2 Amber", "H2 Amber"]);
  });

  it("names the year of a month before its only target's year, when the table's one unqualified column is a tolerance", () => {
    const found = findTables(
      sheet([
        ["Measure", "Polarity", "Target 24/25", "Amber threshold", "Mar-24", "Apr-24"],
        [measure, "Higher is better", 0.9, 0.8, 0.85, 0.92],
      ])
    );
    expect(statuses(found)).toEqual(["E2 No target", "F2 Green"]);
    const row = plannedWithReport(found).tables[0].rows[0];
    expect(row.cells[0].reason).toBe("Not rated: no target or tolerance is given for 2023/24");
  });

  it("reads a year merged over its Target and Tolerance as that year's thresholds", () => {
    const found = findTables(
      sheet(
        [
          ["Measure", "Polarity", "2022/23", null, "2023/24", null, "2022/23", "2023/24"],
          [null, null, "Target", "Tolerance", "Target", "Tolerance", "Outturn", "Outturn"],
          [measure, "Smaller is better", 0.2, 0.25, 0.15, 0.2, 0.22, 0.22],
        ],
        [
          { top: 0, left: 2, bottom: 0, right: 3 },
          { top: 0, left: 4, bottom: 0, right: 5 },
        ]
      )
    );
    // 22% is Amber against 2022/23's 20% and 25%, Red against 2023/24's 15% and 20%.
    expect(statuses(found)).toEqual(["G3 Amber", "H3 Red"]);
  });
});

describe("tables side by side", () => {
  it("reads two tables separated by a blank column as two, the right one headed by its section name", () => {
    const grid = sheet([
      [
        "Measure",
        "Polarity",
        "Target",
        "Tolerance",
        "2023/24",
        null,
        "Children in care",
        "2023/24",
        "Target",
        "Good is",
      ],
      [measure, "Bigger is better", 0.9, 0.8, 0.85, null, "Placement stability", 0.7, 0.68, "H"],
      [
        measure + " (repeat)",
        "Bigger is better",
        0.9,
        0.8,
        0.95,
        null,
        "Care leavers in EET",
        0.5,
        0.6,
        "H",
      ],
    ]);
    const found = findTables(grid);
    expect(found.tables.map((table) => table.address)).toEqual(["A1:E3", "G1:J3"]);
    expect(statuses(found)).toEqual(["E2 Amber", "E3 Green", "H2 Green", "H3 Red"]);
    expect(found.tables[1].rows.map((row) => row.section)).toEqual([
      "Children in care",
      "Children in care",
    ]);
  });
});

describe("headers the add-in did not understand", () => {
  it("names a second target column beside the Target as not understood, and rates by the Target", () => {
    const found = findTables(
      sheet([
        ["Measure", "Polarity", "Target", "Aspiration target", "Tolerance", "2023/24"],
        [measure, "Bigger is better", 0.9, 0.95, 0.8, 0.93],
      ])
    );
    expect(statuses(found)).toEqual(["F2 Green"]);
    expect(found.tables[0].columnMap).toMatch(
      /D 'Aspiration target' not understood: teach it in KPIWords/
    );
    expect(found.tables[0].problems.join(" ")).toMatch(
      /D 'Aspiration target' stands among the thresholds and was not understood/
    );
  });
});

describe("headers naming the amber boundary in other words", () => {
  const card = (tolerance: string): Grid =>
    sheet([
      ["Indicator", "Polarity", "Target", tolerance, "Q1 2024/25", "Q2 2024/25"],
      [measure, "Higher is better", 0.95, 0.9, 0.9, 0.96],
    ]);

  it.each(["Amber limit", "Red boundary", "Amber level", "Warning level", "Limit"])(
    "reads '%s' as the tolerance: 90% against target 95% and 90% is Amber",
    (header) => {
      expect(statuses(findTables(card(header)))).toEqual(["E2 Amber", "F2 Green"]);
    }
  );

  it("leaves uncoloured a table with a target, no tolerance and a header naming Amber it cannot read, saying why", () => {
    const found = findTables(card("Amber zone"));
    expect(statuses(found)).toEqual(["E2 Check definition", "F2 Check definition"]);
    expect(painted(card("Amber zone"), found)).toEqual([]);
    expect(plannedWithReport(found).tables[0].rows[0].cells[0].reason).toMatch(
      /D 'Amber zone' was not understood and may name the amber boundary, the tolerance, so the table is left uncoloured/
    );
  });

  it.each(["Warning zone", "Alert zone", "Intervention point"])(
    "leaves uncoloured a table with a target, no tolerance and '%s' it cannot read, as it does for Amber",
    (header) => {
      const found = findTables(card(header));
      expect(statuses(found)).toEqual(["E2 Check definition", "F2 Check definition"]);
      expect(plannedWithReport(found).tables[0].problems.join(" ")).toContain(`'${header}'`);
    }
  );

  // No list of words: a column it cannot read that holds figures, as a threshold does, may be the tolerance.
  it.each(["Ceiling", "Cap", "Lower bound", "Worst acceptable", "Bottom line"])(
    "leaves uncoloured a table with a target, no tolerance and a column '%s' it cannot read that holds figures",
    (header) => {
      const found = findTables(card(header));
      expect(statuses(found)).toEqual(["E2 Check definition", "F2 Check definition"]);
      expect(painted(card(header), found)).toEqual([]);
      expect(plannedWithReport(found).tables[0].problems.join(" ")).toContain(
        `D '${header}' was not understood and holds figures that may be the amber boundary, the tolerance`
      );
    }
  );

  it("leaves uncoloured a table whose RAG column holds figures, not RAG words, and rates one whose RAG column holds words", () => {
    const withFigures = findTables(card("RAG trigger"));
    expect(statuses(withFigures)).toEqual(["E2 Check definition", "F2 Check definition"]);
    expect(plannedWithReport(withFigures).tables[0].problems.join(" ")).toContain(
      "D 'RAG trigger' holds figures, not RAG words"
    );
    const withWords = sheet([
      ["Indicator", "Polarity", "Target", "RAG", "Q1 2024/25", "Q2 2024/25"],
      [measure, "Higher is better", 0.95, "Amber", 0.9, 0.96],
    ]);
    expect(statuses(findTables(withWords))).toEqual(["E2 Red", "F2 Green"]);
  });

  it("rates a table whose unread column holds figures no tolerance could be: a cohort of 120 beside a target of 95%", () => {
    const found = findTables(
      sheet([
        ["Indicator", "Polarity", "Target", "Cohort size", "Q1 2024/25", "Q2 2024/25"],
        [measure, "Higher is better", 0.95, 120, 0.9, 0.96],
        ["Re-referrals", "Lower is better", 0.2, 12, 0.1, 0.25],
      ])
    );
    expect(statuses(found)).toEqual(["E2 Red", "F2 Green", "E3 Green", "F3 Red"]);
  });

  it("rates a table with a target and no tolerance whose unread column holds only words", () => {
    const found = findTables(
      sheet([
        ["Indicator", "Polarity", "Target", "Lead officer", "Q1 2024/25", "Q2 2024/25"],
        [measure, "Higher is better", 0.95, "J. Smith", 0.9, 0.96],
      ])
    );
    expect(statuses(found)).toEqual(["E2 Red", "F2 Green"]);
  });

  it("rates by the Tolerance column when a header naming Amber beside it is not understood", () => {
    const found = findTables(
      sheet([
        ["Indicator", "Polarity", "Target", "Tolerance", "Amber zone", "Q1 2024/25"],
        [measure, "Higher is better", 0.95, 0.9, "see note", 0.92],
      ])
    );
    expect(statuses(found)).toEqual(["F2 Amber"]);
  });
});

describe("stretch target headers", () => {
  it.each([
    ["Stretch", "D stretch target (used by Blue for exceeding only)"],
    ["Stretch target", "D stretch target (used by Blue for exceeding only)"],
    [
      "Stretch (2023/24)",
      "D stretch target (Stretch (2023/24)) for 2023/24's periods (used by Blue for exceeding only)",
    ],
  ])(
    "reads %s as the stretch target, rating nothing by it under the Standard scheme",
    (header, said) => {
      const found = findTables(
        sheet([
          ["Measure", "Polarity", "Target", header, "Tolerance", "2023/24"],
          [measure, "Bigger is better", 0.9, 0.95, 0.8, 0.96],
        ])
      );
      expect(statuses(found)).toEqual(["F2 Green"]);
      expect(found.tables[0].columnMap).toContain(said);
      expect(found.tables[0].problems).toEqual([]);
    }
  );

  it("names two stretch columns for one year as not understood, rather than pick one", () => {
    const found = findTables(
      sheet([
        ["Measure", "Polarity", "Target", "Stretch", "Stretch target", "Tolerance", "2023/24"],
        [measure, "Bigger is better", 0.9, 0.95, 0.97, 0.8, 0.96],
      ])
    );
    expect(statuses(found)).toEqual(["G2 Green"]);
    expect(found.tables[0].columnMap).toMatch(
      /D 'Stretch', E 'Stretch target' not understood: teach them in KPIWords/
    );
  });
});

describe("headline columns", () => {
  it("rates Latest and Previous like periods, names them in the column map, and leaves them out of the direction of travel", () => {
    const found = findTables(
      sheet([
        ["Measure", "Polarity", "Target", "Tolerance", "Q1", "Q2", "Q3", "Latest", "Previous"],
        [measure, "Bigger is better", 0.9, 0.8, 0.7, 0.85, 0.95, 0.95, 0.85],
      ])
    );
    expect(statuses(found)).toEqual(["E2 Red", "F2 Amber", "G2 Green", "H2 Green", "I2 Amber"]);
    expect(found.tables[0].columnMap).toContain(
      "E–G periods, H headline figure (Latest), I headline figure (Previous)"
    );
    expect(plannedWithReport(found).tables[0].rows[0].directionOfTravel).toMatch(
      /Improved across 3 periods/
    );
  });
});

describe("a monthly pack of Actual and Target rows", () => {
  it("says in the column map that each Actual row is rated against its own period's Target and Tolerance rows", () => {
    const found = findTables(
      sheet([
        ["Indicator", "Polarity", "Apr-23", "May-23"],
        [measure, "Bigger is better", null, null],
        ["Actual", null, 0.86, 0.84],
        ["Target", null, 0.85, 0.9],
        ["Tolerance", null, 0.8, 0.85],
      ])
    );
    expect(statuses(found)).toEqual(["C3 Green", "D3 Red"]);
    expect(found.tables[0].columnMap).toMatch(
      /; rows: each KPI's Actual row rated against its own period's Target and Tolerance rows$/
    );
  });

  it("paints whole-number figures as the report rates them where the latest month has no Target yet", () => {
    const grid: Grid = {
      sheet: "Scorecard",
      origin: { row: 0, column: 0 },
      values: [
        ["Indicator", "Polarity", "Apr-24", "May-24", "Jun-24"],
        ["Children registered with a family hub", "Bigger is better", null, null, null],
        ["Actual", null, 55, 61, 63],
        ["Target", null, "60%", "60%", null],
        ["Tolerance", null, "55%", "55%", null],
      ],
      numberFormats: [0, 1, 2, 3, 4].map(() => new Array<string>(5).fill("General")),
      merges: [],
    };
    const found = findTables(grid);
    expect(statuses(found)).toEqual(["C3 Amber", "D3 Green", "E3 No target"]);
    expect(painted(grid, found)).toEqual(["C3 Amber", "D3 Green"]);
  });
});

describe("a direction heading qualified by a word of aim or merit", () => {
  const card = (heading: string): Grid =>
    sheet([
      ["Indicator", heading, "Target", "Tolerance", "Q1 2024/25", "Q2 2024/25"],
      [measure, "Higher = good", 0.95, 0.9, 0.92, 0.96],
      ["Days from referral to assessment", "↓", 30, 35, 36, 29],
    ]);

  it.each([
    "Expected direction",
    "Desired direction",
    "Direction of improvement",
    "Good direction",
  ])(
    "reads '%s' as the polarity: 92% Amber, 96% Green against 95%; 36 days Red, 29 Green against 30",
    (heading) => {
      const found = findTables(card(heading));
      expect(statuses(found)).toEqual(["E2 Amber", "F2 Green", "E3 Red", "F3 Green"]);
      expect(found.tables[0].columnMap).toContain(`B polarity (${heading})`);
    }
  );

  it.each(["Direction of travel", "Strategic direction", "Expected direction of travel"])(
    "does not read '%s' as the polarity: with none, the rows are No target",
    (heading) => {
      expect(statuses(findTables(card(heading)))).toEqual([
        "E2 No target",
        "F2 No target",
        "E3 No target",
        "F3 No target",
      ]);
    }
  );
});

describe("a tolerance header that makes its figures a margin around the target", () => {
  const card = (header: string, tolerance: CellValue, percent = false): Grid => {
    const grid = sheet([
      ["Measure", "Polarity", "Target", header, "Q1 2024/25", "Q2 2024/25"],
      ["Average days from entering care to adoption", "L", 400, tolerance, 390, 430],
      [measure, "H", 0.9, percent ? 0.05 : "5%", 0.86, 0.85],
    ]);
    grid.numberFormats[2][3] = percent ? "0%" : "General";
    return grid;
  };

  it.each(["Tolerance (±)", "Tolerance +/-", "Tolerance margin", "± Tolerance"])(
    "reads 40 under '%s' as ±40 days: 390 Green, 430 Amber against 400; 5% as ±5% of 90%: 86% Amber, 85% Red",
    (header) => {
      const found = findTables(card(header, 40));
      expect(statuses(found)).toEqual(["E2 Green", "F2 Amber", "E3 Amber", "F3 Red"]);
      expect(found.tables[0].columnMap).toContain("as a margin around the target");
    }
  );

  it("reads a cell formatted 5% under 'Tolerance (±)' as ±5% of the target, as the text ±5% is read", () => {
    const found = findTables(card("Tolerance (±)", 40, true));
    expect(statuses(found)).toEqual(["E2 Green", "F2 Amber", "E3 Amber", "F3 Red"]);
  });

  it("reads 40 under a plain Tolerance as the amber boundary itself: Check definition, 40 days is better than 400", () => {
    const found = findTables(card("Tolerance", 40));
    expect(statuses(found).slice(0, 2)).toEqual(["E2 Check definition", "F2 Check definition"]);
  });

  it("says Check definition for a days measure under a percentage-point tolerance: which unit its figures are in cannot be told", () => {
    const grid = sheet([
      ["Measure", "Polarity", "Target", "Tolerance (pp)", "Q1 2024/25", "Q2 2024/25"],
      ["Timeliness of initial conferences (days)", "L", 15, 3, 14, 17],
      [measure, "H", 0.9, 5, 0.86, 0.84],
    ]);
    const found = findTables(grid);
    expect(statuses(found)).toEqual([
      "E2 Check definition",
      "F2 Check definition",
      "E3 Amber",
      "F3 Red",
    ]);
    expect(plannedWithReport(found).tables[0].rows[0].problems.join(" ")).toMatch(
      /written in percent but the measure says days/
    );
  });

  it("takes a margin already written in the cell as written: under ±3pp 86% is Red against 90%", () => {
    const grid = card("Tolerance (±)", 40);
    grid.values[2][3] = "±3pp";
    expect(statuses(findTables(grid)).slice(2)).toEqual(["E3 Red", "F3 Red"]);
  });
});

describe("a target written against a benchmark under one year's target column", () => {
  const card = (): Grid =>
    sheet([
      ["Measure", "Polarity", "Target 2023/24", "Target 2024/25", "2023/24", "2024/25", "England"],
      [measure, "Higher is better", "Better than England", 0.95, 0.92, 0.93, 0.9],
    ]);

  it("rates 2023/24 against England (92% beats 90%) and 2024/25 against 95% (93% misses it)", () => {
    const found = findTables(card());
    expect(statuses(found)).toEqual(["E2 Green", "F2 Red"]);
    expect(painted(card(), found)).toEqual(["E2 Green", "F2 Red"]);
  });

  it("rates a year with no target of its own No target, even where another year's target names a benchmark", () => {
    const grid = card();
    grid.values[0][3] = "Target 2022/23";
    const found = findTables(grid);
    expect(statuses(found)).toEqual(["E2 Green", "F2 No target"]);
    expect(painted(grid, found)).toEqual(["E2 Green"]);
  });
});

describe("whole-number percentages under a target for one year and none yet for the next", () => {
  it("paints 55 Amber against 2024/25's 60% target (tolerance 55%), as the report rates it, where 2025/26 says Baseline", () => {
    const grid: Grid = {
      sheet: "Scorecard",
      origin: { row: 0, column: 0 },
      values: [
        [
          "Measure",
          "Polarity",
          "Target 2024-25",
          "Target 2025-26",
          "Tolerance 24-25",
          "Mar-25",
          "Apr-25",
        ],
        [
          "Children registered with a family hub",
          "Higher is better",
          "60%",
          "Baseline",
          "55%",
          55,
          62,
        ],
      ],
      numberFormats: [[], []].map(() => new Array<string>(7).fill("General")),
      merges: [],
    };
    const found = findTables(grid);
    // The row's latest year has no target: its percentages' scale is decided by 2024/25's, from its figures.
    expect(statuses(found)).toEqual(["F2 Amber", "G2 No target"]);
    expect(painted(grid, found)).toEqual(["F2 Amber"]);
  });
});

describe("a headline column beside thresholds for each year", () => {
  it("rates 'Latest (Oct 2024)' in 2024/25, the financial year its month falls in", () => {
    const found = findTables(
      sheet([
        [
          "Measure",
          "Polarity",
          "Target 2023/24",
          "Target 2024/25",
          "Q4 2023/24",
          "Q1 2024/25",
          "Latest (Oct 2024)",
        ],
        [measure, "Higher is better", 0.8, 0.9, 0.85, 0.88, 0.86],
      ])
    );
    // 86% meets 2023/24's 80% but misses 2024/25's 90%: October 2024 is in 2024/25.
    expect(statuses(found)).toEqual(["E2 Green", "F2 Red", "G2 Red"]);
  });

  it("rates Latest where every year gives the row the same target, or as the period whose figure it repeats", () => {
    const found = findTables(
      sheet([
        ["Measure", "Polarity", "Target", "Target 2024/25", "2023/24", "2024/25", "Latest"],
        [measure, "Higher is better", 0.9, null, 0.92, 0.85, 0.95],
        // 93% repeats 2024/25's: Latest is 2024/25, missing its 95% target as 2024/25 does.
        ["Visits on time", "Higher is better", 0.9, 0.95, 0.92, 0.93, 0.93],
        // 97% repeats no period's figure: it may be newer than 2024/25, so its year cannot be told.
        ["Reviews on time", "Higher is better", 0.9, 0.95, 0.92, 0.93, 0.97],
      ])
    );
    expect(statuses(found)).toEqual([
      "E2 Green",
      "F2 Red",
      "G2 Green",
      "E3 Green",
      "F3 Red",
      "G3 Red",
      "E4 Green",
      "F4 Red",
      "G4 No target",
    ]);
    expect(plannedWithReport(found).tables[0].rows[2].cells[2].reason).toMatch(
      /cannot tell which year "Latest" falls in/
    );
  });

  it("rates Year to date in the year of the row's newest figure", () => {
    const found = findTables(
      sheet([
        [
          "Measure",
          "Polarity",
          "Target 2023/24",
          "Target 2024/25",
          "Q4 2023/24",
          "Q1 2024/25",
          "Year to date",
        ],
        [measure, "Higher is better", 0.8, 0.95, 0.85, 0.9, 0.9],
        [measure, "Higher is better", 0.8, 0.95, 0.85, null, 0.85],
      ])
    );
    // Q1 2024/25 is the newest figure: the year to date is 2024/25's (90% misses 95%); where Q1 is blank, the
    // newest is Q4 2023/24, and the year to date is 2023/24's (85% meets 80%).
    expect(statuses(found).filter((status) => status.startsWith("G"))).toEqual([
      "G2 Red",
      "G3 Green",
    ]);
  });

  it("names each unrated period's own year or label, with only a year's target and no unqualified one", () => {
    const found = findTables(
      sheet([
        ["Measure", "Polarity", "Target 2024/25", "2022/23", "2023/24", "Latest"],
        [measure, "Higher is better", 0.9, 0.92, 0.85, 0.95],
      ])
    );
    const reasons = plannedWithReport(found).tables[0].rows[0].cells.map((cell) => cell.reason);
    expect(reasons[0]).toMatch(/no target or tolerance is given for 2022\/23/);
    expect(reasons[1]).toMatch(/no target or tolerance is given for 2023\/24/);
    expect(reasons[2]).toMatch(/cannot tell which year "Latest" falls in/);
  });
});
