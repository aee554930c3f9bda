/**
 * Figures written as text (PRODUCT.md, "Figures written as text"): thousands separators, a unit after the
 * number and the flags of published statistics are read as the figure they are, with the flag's meaning in
 * the reason and the sheet's own key winning where it defines a flag. Statuses are worked out by hand from
 * the bands; the colours are judged by HyperFormula from the rules the plan writes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  appraise,
  ragPalette,
  reportOf,
  isRagStatus,
  type CellValue,
  type Grid,
  type Status,
} from "../../src/core";
import type { DefinitionWording } from "../../src/core/definition/definition";
import { readDefinition } from "../../src/core/definition/read-definition";
import { percentToFraction } from "../../src/core/definition/units";
import { readWords } from "../../src/core/definition/read-words";
import { readValue } from "../../src/core/definition/written-figures";
import { formattingPlan } from "../../src/core/plan/plan";
import { rate } from "../../src/core/rating/rate";
import { flagKeyOf } from "../../src/core/sheet/sheet-key";
import { paintedCells } from "../support/rule-engine";
import { eachRow } from "./each-row";

const percentRow: DefinitionWording = {
  polarity: "Bigger is better",
  target: "90%",
  tolerance: "75%",
};
const daysRow: DefinitionWording = {
  polarity: "Smaller is better",
  target: "140 days",
  tolerance: "180 days",
};
const rateRow: DefinitionWording = {
  measure: "Rate of children in need per 10,000",
  polarity: "Smaller is better",
  target: "350",
  tolerance: "400",
};
const countRow: DefinitionWording = { polarity: null, target: "At least 50", tolerance: null };
const moneyRow: DefinitionWording = {
  measure: "Average cost per placement (£)",
  polarity: "Smaller is better",
  target: "500",
  tolerance: "550",
};

describe("figures written as text, rated by hand", () => {
  eachRow(
    [
      // Bigger is better, target 90%, tolerance 75%.
      { row: percentRow, cell: "91%", status: "Green", says: "91% is at or above" },
      { row: percentRow, cell: "85.3% p", status: "Amber", says: "85.3% (provisional) is below" },
      { row: percentRow, cell: "72%*", status: "Red", says: "72% (see note) is below" },
      { row: percentRow, cell: "74.9% [r]", status: "Red", says: "74.9% (revised)" },
      { row: percentRow, cell: "90 %", status: "Green", says: "90% is at or above" },
      { row: percentRow, cell: "75%e", status: "Amber", says: "75% (estimated)" },
      // Smaller is better, target 140 days, tolerance 180 days.
      { row: daysRow, cell: "139.5 days", status: "Green", says: "139.5 days is at or below" },
      { row: daysRow, cell: "150 Days e", status: "Amber", says: "150 days (estimated)" },
      { row: daysRow, cell: "1,234 days", status: "Red", says: "1234 days is above" },
      { row: daysRow, cell: "181 days †", status: "Red", says: "181 days (see note)" },
      // Smaller is better per 10,000: target 350, tolerance 400.
      { row: rateRow, cell: "342.5 per 10,000", status: "Green", says: "342.5 is at or below" },
      { row: rateRow, cell: "380 per 10,000 children", status: "Amber", says: "380 is above" },
      { row: rateRow, cell: "1,020 per 10,000 r", status: "Red", says: "1020 (revised)" },
      { row: rateRow, cell: "380", status: "Amber", says: "380 is above" },
      {
        row: { ...rateRow, measure: "Rate of children in need", unit: "per 10,000" },
        cell: "349 per 10,000",
        status: "Green",
        says: "349 is at or below",
      },
      // At least 50, no tolerance: Green or Red.
      { row: countRow, cell: "56p", status: "Green", says: "56 (provisional) is at or above" },
      { row: countRow, cell: "48 r", status: "Red", says: "48 (revised) is below" },
      { row: countRow, cell: "1,234", status: "Green", says: "1234 is at or above" },
      { row: countRow, cell: "12,345.5", status: "Green", says: "12345.5 is at or above" },
      { row: countRow, cell: "-1,250", status: "Red", says: "-1250 is below" },
      { row: countRow, cell: "50 **", status: "Green", says: "50 (see note)" },
      { row: countRow, cell: "22.5 days", status: "Red", says: "22.5 is below" },
      // A money row: "[p]" is provisional, "r" revised.
      { row: moneyRow, cell: "520 [p]", status: "Amber", says: "520 (provisional)" },
      { row: moneyRow, cell: "480 r", status: "Green", says: "480 (revised)" },
    ] satisfies Array<{ row: DefinitionWording; cell: string; status: Status; says: string }>,
    ({ row, cell, status, says }) =>
      `rates "${cell}" ${status} against target ${String(row.target)}, saying "${says}"`,
    ({ row, cell, status, says }) => {
      const rating = rate(cell, readDefinition(row));
      expect(rating.status).toBe(status);
      expect(rating.reason).toContain(says);
    }
  );

  eachRow(
    [
      {
        row: percentRow,
        cell: "22 days",
        says: '"22 days" is in days but this row\'s figures are percentages',
      },
      {
        row: percentRow,
        cell: "35 per 10,000",
        says: "is a rate per 10,000 but this row's figures are percentages",
      },
      { row: daysRow, cell: "22%", says: "is a percentage but this row's figures are in days" },
      {
        row: rateRow,
        cell: "35 per 100,000",
        says: "is per 100,000 but this row's figures are per 10,000",
      },
      {
        row: { ...rateRow, measure: "Rate of children in need", unit: "per 10,000" },
        cell: "35 per 100,000",
        says: "is per 100,000 but this row's figures are per 10,000",
      },
      { row: moneyRow, cell: "5p", says: "could be pence or a provisional figure" },
      {
        row: percentRow,
        cell: "e",
        says: '"e" is not a figure: a flag (estimated) needs a figure',
      },
      { row: percentRow, cell: "[p]", says: '"[p]" is not a figure: a flag (provisional) needs' },
      { row: countRow, cell: "1,23", says: '"1,23" is not a figure' },
      { row: countRow, cell: "56 (p)", says: '"56 (p)" is not a figure' },
      { row: countRow, cell: "1 day", says: '"1 day" is not a figure' },
      { row: countRow, cell: "12u", says: '"12u" is not a figure' },
      { row: countRow, cell: "1\u00a0234", says: "has a non-breaking space in it" },
    ],
    ({ cell, says }) => `does not rate "${cell}" but says: ${says}`,
    ({ row, cell, says }) => {
      const rating = rate(cell, readDefinition(row));
      expect(rating.status).toBe("No data");
      expect(rating.kind).toBe("unreadable");
      expect(rating.reason).toContain(says);
    }
  );

  eachRow(
    [
      { cell: "c", says: "suppressed to protect confidentiality" },
      { cell: "x", says: "the figure is not available" },
      { cell: "..", says: "not available for this period" },
      { cell: "u", says: "withheld as of low reliability" },
      { cell: "[c]", says: "suppressed to protect confidentiality" },
    ],
    ({ cell, says }) => `keeps "${cell}" No data, saying ${says}`,
    ({ cell, says }) => {
      const rating = rate(cell, readDefinition(percentRow));
      expect(rating.kind).toBe("no data");
      expect(rating.reason).toContain(says);
    }
  );

  it('rates "50%" in a rate row with no target No target, as any figure of a context measure', () => {
    const context = readDefinition({ ...rateRow, target: null, tolerance: null });
    expect(rate("50%", context).status).toBe("No target");
  });

  it('reads "1,234 days" as 1234 in days and "56p" as 56, provisional', () => {
    expect(readValue("1,234 days")).toEqual({
      kind: "figure",
      value: 1234,
      percent: false,
      unit: "days",
    });
    expect(readValue("56p")).toEqual({
      kind: "figure",
      value: 56,
      percent: false,
      flag: { written: "p", meaning: "provisional" },
    });
  });
});

function gridOf(rows: CellValue[][], format: (cell: CellValue) => string = () => "General"): Grid {
  const width = Math.max(...rows.map((row) => row.length));
  const values = rows.map((row) => [...row, ...Array<CellValue>(width - row.length).fill(null)]);
  return {
    sheet: "Scorecard",
    origin: { row: 0, column: 0 },
    values,
    numberFormats: values.map((row) => row.map(format)),
    merges: [],
  };
}

describe("the sheet's own key of flags", () => {
  it("reads key entries written as p = …, * …, r  …, Key: …, and not a RAG legend (R = Red) or other rows", () => {
    const key = flagKeyOf(
      gridOf([
        ["p = provisional figure"],
        ["* Figure includes late returns"],
        ["r  Revised"],
        ["Key: [e] = estimated by the service; † = see appendix"],
        ["Re-referrals within 12 months", "Bigger is better"],
        ["e-learning completion", null],
        ["c = confidential"],
        ["R = Red, A = Amber, G = Green"],
        ["R: Red (below tolerance)"],
        ["p: provisional", "and more text", "on the row"],
      ])
    );
    expect(Object.fromEntries(key)).toEqual({
      p: "provisional",
      "*": "figure includes late returns",
      r: "revised",
      e: "estimated by the service",
      "†": "see appendix",
    });
  });

  it("reads several notes written as sentences on one line, each flag with its own meaning, * apart from **", () => {
    const key = flagKeyOf(
      gridOf([
        ["* Provisional figure, subject to validation. ** Suspended during the system migration."],
        ["p = provisional; r = revised. e Estimated from a sample"],
      ])
    );
    expect(Object.fromEntries(key)).toEqual({
      "*": "provisional figure, subject to validation",
      "**": "suspended during the system migration",
      p: "provisional",
      r: "revised",
      e: "estimated from a sample",
    });
  });

  it("reads a flag written in one cell and its meaning in the next, when the row holds nothing else", () => {
    const key = flagKeyOf(
      gridOf([
        ["r", "Revised after audit"],
        ["p", "Provisional", "20"],
      ])
    );
    expect(Object.fromEntries(key)).toEqual({ r: "revised after audit" });
  });

  const scorecard = (keyRow: CellValue[], below: boolean): Grid => {
    const table: CellValue[][] = [
      ["Measure", "Polarity", "Target", "Tolerance", "2022/23", "2023/24"],
      ["Assessments completed within 45 days", "Bigger is better", "90%", "75%", "91%", "72%*"],
      ["Average cost per placement (£)", "Smaller is better", "500", "550", "480", "5p"],
    ];
    return gridOf(below ? [...table, [], keyRow] : [keyRow, [], ...table]);
  };

  it("says the key's meaning of a flag in the reason, with the key below the table", () => {
    const appraisal = appraise(
      scorecard(["* Figure includes late returns; p = provisional"], true)
    );
    const [percent, money] = appraisal.rows;
    expect(percent.ratings[1].status).toBe("Red");
    expect(percent.ratings[1].reason).toContain("72% (figure includes late returns) is below");
    expect(money.ratings[1].status, "the key makes 5p provisional, not pence").toBe("Green");
    expect(money.ratings[1].reason).toContain("5 (provisional) is at or below");
    const grid = scorecard(["* Figure includes late returns; p = provisional"], true);
    for (const { address, status, painted } of ratedAndPainted(grid))
      expect(painted, `${address} is ${status}`).toBe(fillOf(status));
  });

  it("reads the key above the table as well", () => {
    const appraisal = appraise(scorecard(["* = includes estimates from two districts"], false));
    expect(appraisal.rows[0].ratings[1].reason).toContain(
      "72% (includes estimates from two districts)"
    );
  });

  it("without a key, leaves 5p in a money row unrated and lists it as a problem", () => {
    const appraisal = appraise(scorecard([], true));
    const money = appraisal.rows[1];
    expect(money.ratings[1].kind).toBe("unreadable");
    expect(reportOf(appraisal).rows[1].problems).toContain(
      'F3: "5p" could be pence or a provisional figure: write the amount in pounds, or the flag as [p]'
    );
    expect(appraisal.rows[0].ratings[1].reason).toContain("72% (see note)");
  });
});

/** The fill each status paints, and nothing for the statuses the sheet does not colour. */
function fillOf(status: Status): string | undefined {
  return isRagStatus(status) ? ragPalette[status].fill : undefined;
}

/** The statuses the core gives a sheet's period cells and the fills the plan's rules paint there, by address. */
function ratedAndPainted(grid: Grid): Array<{ address: string; status: Status; painted?: string }> {
  const appraisal = appraise(grid);
  const painted = paintedCells(grid.values, formattingPlan(appraisal).rules);
  return appraisal.rows.flatMap((row) =>
    row.kpi.cells.map((cell, index) => {
      const address = `${String.fromCharCode(65 + cell.column)}${cell.row + 1}`;
      return { address, status: row.ratings[index].status, painted: painted.get(address) };
    })
  );
}

describe("a row whose figures alone say their unit", () => {
  it("rates 13 days Green and 19 days Amber against a plain target of 15 and tolerance 20, its reasons in days", () => {
    const grid = gridOf([
      ["Measure", "Polarity", "Target", "Tolerance", "Q1 2024/25", "Q2 2024/25", "Q3 2024/25"],
      ["Time to allocate a social worker", "Lower is better", 15, 20, "13 days", "19 days", 22],
    ]);
    const [row] = reportOf(appraise(grid)).rows;
    expect(row.cells.map((cell) => cell.status)).toEqual(["Green", "Amber", "Red"]);
    expect(row.cells[0].reason).toMatch(/^13 days is at or below the target of 15 days/);
    expect(row.cells[2].reason).toMatch(/^22 days /);
    expect(ratedAndPainted(grid).map(({ painted }) => painted)).toEqual([
      ragPalette.Green.fill,
      ragPalette.Amber.fill,
      ragPalette.Red.fill,
    ]);
  });
});

describe("the colours of text figures, judged by HyperFormula", () => {
  it("paints every text figure the core reads as the core rates it, and leaves what it cannot read uncoloured and listed", () => {
    const grid = gridOf([
      [
        "Measure",
        "Polarity",
        "Target",
        "Tolerance",
        "2020/21",
        "2021/22",
        "2022/23",
        "2023/24",
        "2024/25",
      ],
      ["% timely", "Bigger is better", "90%", "75%", "91% p", "85.3%[r]", "72%*", "22 days", "u"],
      [
        "Days to adoption",
        "Smaller is better",
        "140 days",
        "180 days",
        "139 Days",
        "150 days e",
        null,
        null,
        "181 days",
      ],
      ["Rate per 10,000", "Smaller is better", "350", "400", "342.5 per 10,000", "1,020 r"],
      ["Visits", "Bigger is better", "At least 50", null, "56p", "48 r", "1,234", "e", "[p]"],
      // Percentages kept as whole numbers: 85 is 85%.
      ["% seen on time", "Bigger is better", "90", "75", 91, "85 p", "72*", "90 [r]", "74.9"],
    ]);
    const cells = ratedAndPainted(grid);
    for (const { address, status, painted } of cells)
      expect(painted, `${address} is ${status}`).toBe(fillOf(status));
    expect(cells.map(({ status }) => status)).toEqual([
      ...["Green", "Amber", "Red", "No data", "No data"],
      ...["Green", "Amber", "No data", "No data", "Red"],
      ...["Green", "Red", "No data", "No data", "No data"],
      ...["Green", "Red", "Green", "No data", "No data"],
      ...["Green", "Amber", "Red", "Green", "Red"],
    ]);
    const problems = reportOf(appraise(grid)).rows.flatMap((row) => row.problems);
    expect(problems).toContain(
      'H2: "22 days" is in days but this row\'s figures are percentages: the add-in does not convert one into the other'
    );
    expect(problems).toContain(
      'H5: "e" is not a figure: a flag (estimated) needs a figure before it'
    );
  });

  it('rates "91%" typed among whole-number percentages as 91% and paints it so; a number formatted as % among them needs checking', () => {
    const grid = gridOf(
      [
        ["Measure", "Polarity", "Target (%)", "Tolerance (%)", "Apr", "May", "Jun", "Jul", "Aug"],
        // Target 88, floor 80, both written whole: 85 is 85%, and "91%" says 91% itself.
        ["Suitable accommodation", "Bigger is better", 88, 80, 85, "91%", "79.5%", "88 %", 80],
        ["Visits on time", "Bigger is better", 88, 80, 0.85, "91%", 89, null, null],
      ],
      (cell) => (cell === 0.85 ? "0%" : "General")
    );
    const cells = ratedAndPainted(grid);
    for (const { address, status, painted } of cells)
      expect(painted, `${address} is ${status}`).toBe(fillOf(status));
    expect(cells.slice(0, 5).map(({ status }) => status)).toEqual([
      "Amber",
      "Green",
      "Red",
      "Green",
      "Amber",
    ]);
    // A number formatted as % is the row keeping fractions: 89 beside it could be 89% or 8900%.
    expect(cells.slice(5, 8).map(({ status }) => status)).toEqual([
      "Check definition",
      "Check definition",
      "Check definition",
    ]);
  });

  it("paints nothing on a No data word made of flags (a taught *), which NUMBERVALUE would read as 0 once its flags are out", () => {
    // Smaller is better with target 5: a 0 would be painted Green.
    const grid = gridOf([
      ["Measure", "Polarity", "Target", "2021", "2022", "2023", "2024", "2025"],
      ["Complaints", "Smaller is better", "5", "*", "[*]", "u", "[u]", "4"],
    ]);
    const { words } = readWords([
      ["Word", "Means"],
      ["*", "No data"],
      ["[*]", "No data"],
    ]);
    const appraisal = appraise(grid, { words });
    expect(appraisal.rows[0].ratings.map(({ kind }) => kind)).toEqual([
      ...["no data", "no data", "no data", "no data", "band"],
    ]);
    const painted = paintedCells(grid.values, formattingPlan(appraisal).rules);
    expect([...painted]).toEqual([["H2", ragPalette.Green.fill]]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// A text figure and the same figure as a number give the same status, in the core and as painted.

interface Kind {
  wording: DefinitionWording;
  /** The figure as text and as the number a sheet would hold, with its number format. */
  written: (points: number, decoration: Decoration) => string;
  number: (points: number) => { value: number; format: string };
}

interface Decoration {
  separators: boolean;
  flag: string;
  upper: boolean;
}

const grouped = (value: number, separators: boolean): string =>
  separators
    ? value.toLocaleString("en-GB", { maximumFractionDigits: 2 })
    : String(Math.round(value * 100) / 100);

const kinds: Kind[] = [
  {
    wording: percentRow,
    // 0% to 100.00%, in hundredths of a point.
    written: (points, { flag }) => `${Math.round(points * 5) / 100}%${flag}`,
    number: (points) => ({
      value: percentToFraction(Math.round(points * 5) / 100),
      format: "0.00%",
    }),
  },
  {
    wording: daysRow,
    // A letter flag after "days" is a word of its own: "150 days p".
    written: (points, { separators, flag, upper }) =>
      `${grouped(points, separators)} ${upper ? "Days" : "days"}${/^[a-z]/i.test(flag) ? " " : ""}${flag}`,
    number: (points) => ({ value: points, format: "General" }),
  },
  {
    wording: rateRow,
    written: (points, { separators, flag, upper }) =>
      `${grouped(points, separators)} ${upper ? "Per" : "per"} 10,000${flag}`,
    number: (points) => ({ value: points, format: "General" }),
  },
  {
    wording: { polarity: "Smaller is better", target: "1,200", tolerance: "1,500" },
    written: (points, { separators, flag }) => `${grouped(points, separators)}${flag}`,
    number: (points) => ({ value: points, format: "General" }),
  },
];

const decoration: fc.Arbitrary<Decoration> = fc.record({
  separators: fc.boolean(),
  flag: fc.constantFrom("", "p", "P", " r", " [e]", "[p]", "*", " **", "†", " [*]"),
  upper: fc.boolean(),
});

// A figure in hundredths around the thresholds: 0 to 2,000.00.
const hundredths = fc.integer({ min: 0, max: 200000 }).map((value) => value / 100);

describe("a text figure and the same figure as a number", () => {
  it("give the same status in the core, whatever separators, unit and flag the text carries", () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), hundredths, decoration, (kind, points, decorated) => {
        const definition = readDefinition(kind.wording);
        const { value, format } = kind.number(points);
        const text = kind.written(points, decorated);
        expect(rate(text, definition).status, text).toBe(
          rate(value, definition, undefined, format).status
        );
      }),
      { seed: 17, numRuns: 500 }
    );
  });

  it("are painted alike by the rule formulas, and as the core rates them", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.array(fc.tuple(hundredths, decoration), { minLength: 1, maxLength: 6 }),
        (kind, figures) => {
          const periods = figures.map((_, index) => `${2019 + index}/${20 + index}`);
          const wording = [kind.wording.polarity, kind.wording.target, kind.wording.tolerance];
          const numbers = figures.map(([points]) => kind.number(points));
          const grid = gridOf(
            [
              ["Measure", "Polarity", "Target", "Tolerance", ...periods],
              ["As numbers", ...wording, ...numbers.map(({ value }) => value)],
              ["As text", ...wording, ...figures.map(([points, how]) => kind.written(points, how))],
            ],
            () => "General"
          );
          grid.numberFormats[1] = grid.numberFormats[1].map((format, column) =>
            column >= 4 ? numbers[column - 4].format : format
          );
          const cells = ratedAndPainted(grid);
          const asNumbers = cells.filter(({ address }) => address.endsWith("2"));
          const asText = cells.filter(({ address }) => address.endsWith("3"));
          expect(asText.map(({ status }) => status)).toEqual(asNumbers.map(({ status }) => status));
          for (const { address, status, painted } of cells)
            expect(painted, `${address} is ${status}`).toBe(fillOf(status));
        }
      ),
      { seed: 17, numRuns: 60 }
    );
  });
});
