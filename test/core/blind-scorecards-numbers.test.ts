/**
 * Blind judge, round 3: a MONTHLY and an ANNUAL children's services scorecard, written from PRODUCT.md alone.
 * Every period cell's status was worked out by hand from PRODUCT.md's rules; the HyperFormula judge
 * (`paintedCells`) checks that the plan's rules paint exactly the Green / Amber / Red cells expected.
 * Both cards use the default (Standard) scheme: a KPISettings table cannot sit on a single grid, so the
 * Stretch columns must be left alone (no Blue), and the periods rated against Target / Tolerance only.
 */
import { describe, expect, it } from "vitest";
import { findTables, type CellValue } from "../../src/core";
import type { Grid } from "../../src/core/values/grid";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";

type Expected =
  "Green" | "Amber" | "Red" | "Blue" | "No target" | "No data" | "Suspended" | "Check definition";
const G = "Green",
  A = "Amber",
  R = "Red",
  NT = "No target",
  ND = "No data",
  S = "Suspended",
  CD = "Check definition";
const fills: Record<string, string> = {
  Green: "C6EFCE",
  Amber: "FFEB9C",
  Red: "FFC7CE",
  Blue: "BLUE",
};

function letter(column: number): string {
  return String.fromCharCode(65 + column);
}

/** A grid from rows of [value, format] pairs or bare values (format "General"). */
function grid(
  sheet: string,
  rows: (CellValue | [CellValue, string])[][],
  merges: Grid["merges"] = []
): Grid {
  const width = Math.max(...rows.map((row) => row.length));
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (const row of rows) {
    const v: CellValue[] = [];
    const f: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = row[c] ?? null;
      if (Array.isArray(cell)) {
        v.push(cell[0]);
        f.push(cell[1]);
      } else {
        v.push(cell);
        f.push("General");
      }
    }
    values.push(v);
    numberFormats.push(f);
  }
  return { sheet, origin: { row: 0, column: 0 }, values, numberFormats, merges };
}

const pct = (x: number): [number, string] => [x, "0%"];
const pct1 = (x: number): [number, string] => [x, "0.0%"];

// ---------------------------------------------------------------- MONTHLY card
// A Ref | B Indicator | C Polarity | D Target 24/25 | E Amber threshold | F Stretch | G Mar-24 | H Apr-24 | I May-24 | J Jun-24 | K England | L Commentary
// Mar-24 falls in 2023/24 (April-to-March financial year): the only target column names 2024/25 and the table
// has no unqualified one, so Mar-24 is "No target" ("a period whose year has no threshold of its own takes an
// unqualified one if the table has one, and is otherwise No target").
const monthly = grid("Monthly scorecard", [
  [
    "Ref",
    "Indicator",
    "Polarity",
    "Target 24/25",
    "Amber threshold",
    "Stretch",
    "Mar-24",
    "Apr-24",
    "May-24",
    "Jun-24",
    "England",
    "Commentary",
  ],
  [
    "CS01",
    "Re-referrals within 12 months of a previous referral",
    "Lower is better",
    pct(0.22),
    pct(0.25),
    pct(0.2),
    pct(0.2),
    pct(0.21),
    "23%*",
    pct(0.26),
    pct(0.22),
    "Rising in June",
  ],
  [
    "CS02",
    "Single assessments completed within 45 working days",
    "Higher = better",
    90,
    85,
    95,
    pct1(0.91),
    pct1(0.92),
    pct1(0.88),
    pct1(0.845),
    pct1(0.82),
    "",
  ],
  [
    "CS03",
    "Average days from strategy discussion to ICPC",
    "Fewer days = better",
    15,
    20,
    null,
    "12 days",
    15,
    "18.5 days",
    21,
    null,
    "Days are calendar days",
  ],
  [
    "CS04",
    "Children in need visits on time",
    "Aim: higher",
    "at least 85%",
    pct(0.8),
    null,
    pct(0.9),
    pct(0.85),
    pct(0.84),
    pct(0.79),
    null,
    "",
  ],
  [
    "CS05",
    "Children subject to a CP plan for a second or subsequent time",
    "Smaller is better",
    pct(0.09),
    null,
    null,
    pct(0.1),
    pct(0.08),
    pct(0.09),
    pct(0.1),
    pct(0.23),
    "No tolerance set",
  ],
  [
    "CS06",
    "Initial health assessments within 20 working days",
    "H",
    pct(0.6),
    pct(0.65),
    null,
    null,
    pct(0.62),
    pct(0.66),
    pct(0.5),
    null,
    "",
  ],
  ["CS07", "Children missing education", "Aim to reduce", 30, 30, 25, 25, 28, 30, 31, null, ""],
  [
    "CS08",
    "Care leavers with an up-to-date pathway plan",
    "Higher is better",
    "Suspended**",
    pct(0.8),
    null,
    pct(0.7),
    pct(0.75),
    "n/a",
    pct(0.8),
    null,
    "System change",
  ],
  [
    "CS09",
    "Contacts received",
    "Monitoring only",
    "n/a",
    null,
    null,
    1200,
    "1,310",
    "1,250p",
    1400,
    null,
    "",
  ],
  [
    "CS10",
    "Early help episodes closed",
    "Higher is better",
    "TBC",
    null,
    null,
    40,
    42,
    "45p",
    47,
    null,
    "",
  ],
  [
    "CS11",
    "Average social worker caseload",
    "Low is good",
    18,
    20,
    null,
    17,
    18,
    "19 r",
    22,
    16.5,
    "",
  ],
  [
    "CS12",
    "Audits graded good or better (%)",
    "↑",
    "90%",
    85,
    null,
    88,
    91,
    84,
    90,
    87,
    "Kept as whole numbers",
  ],
  [
    "CS13",
    "Care plans reviewed within timescale",
    "Aim to increase",
    pct(0.7),
    "5 points",
    pct(0.8),
    pct(0.6),
    pct(0.72),
    pct(0.66),
    pct(0.64),
    null,
    "",
  ],
  [
    "CS14",
    "Children waiting over 10 days for allocation",
    "Aim: lower",
    "No more than 10",
    12,
    8,
    12,
    10,
    11,
    13,
    null,
    "",
  ],
  [],
  ["Key: p = provisional, r = revised, * = see note"],
  ["Note: targets are for 2024/25; figures for June are provisional."],
]);
const monthlyPeriods = [6, 7, 8, 9];
const monthlyExpected: Record<string, { rows: number; statuses: Expected[]; why: string }> = {
  CS01: {
    rows: 2,
    statuses: [NT, G, A, R],
    why: "Lower is better, 22% / 25%; '23%*' is 23% with a flag",
  },
  CS02: {
    rows: 3,
    statuses: [NT, G, A, R],
    why: "target 90 and tolerance 85 are 90% / 85% among fractions formatted 0.0%",
  },
  CS03: {
    rows: 4,
    statuses: [NT, G, A, R],
    why: "days: 15 / 20, '18.5 days' is 18.5, 15 is Green (inclusive)",
  },
  CS04: { rows: 5, statuses: [NT, G, A, R], why: "at least 85% inclusive, tolerance 80%" },
  CS05: { rows: 6, statuses: [NT, G, G, R], why: "blank tolerance: two bands, 9% inclusive" },
  CS06: {
    rows: 7,
    statuses: [ND, CD, CD, CD],
    why: "higher is better with tolerance 65% above target 60%: Check definition",
  },
  CS07: {
    rows: 8,
    statuses: [NT, G, G, R],
    why: "target equals tolerance 30: Green at or below 30, else Red",
  },
  CS08: { rows: 9, statuses: [NT, S, ND, S], why: "Suspended** target; n/a is No data" },
  CS09: { rows: 10, statuses: [NT, NT, NT, NT], why: "Monitoring only: a context measure" },
  CS10: { rows: 11, statuses: [NT, NT, NT, NT], why: "TBC target means no target" },
  CS11: { rows: 12, statuses: [NT, G, A, R], why: "Low is good, 18 / 20; '19 r' is 19 revised" },
  CS12: {
    rows: 13,
    statuses: [NT, G, R, G],
    why: "up arrow; target '90%' with whole-number figures: 90 is 90%, tolerance 85",
  },
  CS13: {
    rows: 14,
    statuses: [NT, G, A, R],
    why: "Aim to increase; 70% with '5 points' tolerance: amber floor 65%",
  },
  CS14: {
    rows: 15,
    statuses: [NT, G, A, R],
    why: "Aim: lower; 'No more than 10' inclusive, tolerance 12",
  },
};

// ---------------------------------------------------------------- ANNUAL card
// A No. | B Outcome measure | C Good is | D 2021/22 | E 2022/23 | F 2023/24 | G 2024/25 | H Target | I Target 2024/25
// | J Stretch target 2024/25 | K Floor | L Stat neighbours 2023/24 | M England 2023/24 | N RAG
// 2024/25 is rated against Target 2024/25 where the row has one, else the unqualified Target; earlier years against Target.
const annual = grid("Annual outcomes", [
  [
    "No.",
    "Outcome measure",
    "Good is",
    "2021/22",
    "2022/23",
    "2023/24",
    "2024/25",
    "Target",
    "Target 2024/25",
    "Stretch target 2024/25",
    "Floor",
    "Stat neighbours 2023/24",
    "England 2023/24",
    "RAG",
  ],
  [
    1,
    "Care leavers aged 19-21 in education, employment or training",
    "High",
    pct(0.48),
    pct(0.55),
    pct(0.58),
    pct(0.59),
    pct(0.55),
    pct(0.6),
    pct(0.65),
    pct(0.5),
    pct(0.54),
    pct(0.56),
    "A",
  ],
  [
    2,
    "Children in need per 10,000 children",
    "Low",
    360,
    "345 per 10,000",
    330,
    325,
    330,
    320,
    300,
    350,
    335,
    333,
    "A",
  ],
  [
    3,
    "Children in care with 3 or more placements in the year",
    "Low",
    pct1(0.11),
    pct1(0.1),
    pct1(0.095),
    pct1(0.092),
    10,
    9,
    8,
    12,
    pct1(0.1),
    pct1(0.1),
    "A",
  ],
  [
    4,
    "Average days between entering care and moving in with an adoptive family",
    "Low",
    "480 days",
    430,
    426,
    400,
    426,
    null,
    400,
    null,
    450,
    475,
    "G",
  ],
  [
    5,
    "EHC plans issued within 20 weeks",
    "High",
    pct(0.45),
    pct(0.5),
    pct(0.6),
    "62%p",
    "at least 60%",
    null,
    null,
    pct(0.5),
    pct(0.55),
    pct(0.5),
    "G",
  ],
  [
    6,
    "Children looked after per 10,000 children",
    "Context",
    70,
    72,
    71,
    73,
    "n/a",
    null,
    null,
    null,
    69,
    70,
    "",
  ],
  [
    7,
    "Return home interviews offered within 72 hours",
    "High",
    pct(0.8),
    pct(0.82),
    "x",
    null,
    "Suspended",
    null,
    null,
    pct(0.7),
    null,
    null,
    "",
  ],
  [
    8,
    "Re-referrals to children's social care",
    "Low",
    pct(0.14),
    pct(0.16),
    pct(0.13),
    pct(0.12),
    pct(0.15),
    null,
    null,
    pct(0.12),
    pct(0.2),
    pct(0.22),
    "",
  ],
  [
    9,
    "Family hub users satisfied",
    "See note 3",
    pct(0.7),
    pct(0.75),
    pct(0.8),
    pct(0.82),
    pct(0.75),
    null,
    null,
    pct(0.7),
    null,
    null,
    "",
  ],
  [],
  ["Note 3: satisfaction is measured by an annual survey."],
  ["Source: local data; statistical neighbours and England from DfE, 2023/24."],
]);
const annualPeriods = [3, 4, 5, 6];
const annualExpected: Record<string, { rows: number; statuses: Expected[]; why: string }> = {
  "1": {
    rows: 2,
    statuses: [R, G, G, A],
    why: "High; 55%/50% for earlier years, 60%/50% for 2024/25; Stretch left alone (Standard scheme)",
  },
  "2": {
    rows: 3,
    statuses: [R, A, G, A],
    why: "Low; 330/350, 2024/25 320/350; '345 per 10,000' is 345",
  },
  "3": {
    rows: 4,
    statuses: [A, G, G, A],
    why: "Low; whole numbers 10 / 9 / 12 are 10% / 9% / 12% among fractions",
  },
  "4": {
    rows: 5,
    statuses: [R, R, G, G],
    why: "Low, days; no floor: two bands; blank Target 2024/25 falls back to 426",
  },
  "5": {
    rows: 6,
    statuses: [R, A, G, G],
    why: "at least 60% (inclusive), floor 50%; '62%p' is 62% provisional",
  },
  "6": { rows: 7, statuses: [NT, NT, NT, NT], why: "Context: a context measure" },
  "7": {
    rows: 8,
    statuses: [S, S, ND, ND],
    why: "Suspended; x is a suppression symbol; blank is No data",
  },
  "8": {
    rows: 9,
    statuses: [CD, CD, CD, CD],
    why: "Low with floor 12% below target 15%: tolerance on the better side",
  },
  "9": {
    rows: 10,
    statuses: [CD, CD, CD, CD],
    why: "'See note 3' names no direction: unknown, never a guess",
  },
};

const cards = [
  { name: "monthly", grid: monthly, periods: monthlyPeriods, expected: monthlyExpected },
  { name: "annual", grid: annual, periods: annualPeriods, expected: annualExpected },
];

const plans = new Map<string, PlanWithReport>();
function planOfCard(name: string): PlanWithReport {
  const known = plans.get(name);
  if (known) return known;
  const card = cards.find((c) => c.name === name)!;
  const plan = plannedWithReport(findTables(card.grid));
  plans.set(name, plan);
  return plan;
}
function statusesOf(plan: PlanWithReport): Map<string, string> {
  const map = new Map<string, string>();
  for (const table of plan.tables)
    for (const row of table.rows) for (const cell of row.cells) map.set(cell.address, cell.status);
  return map;
}
const paintCache = new Map<string, Map<string, string>>();
function paintOf(name: string): Map<string, string> {
  const known = paintCache.get(name);
  if (known) return known;
  const card = cards.find((c) => c.name === name)!;
  const painted = paintedCells(card.grid.values, planOfCard(name).rules);
  const normal = new Map<string, string>();
  for (const [address, fill] of painted) normal.set(address, fill.replace("#", "").toUpperCase());
  paintCache.set(name, normal);
  return normal;
}

function checkRow(cardName: string, key: string) {
  const card = cards.find((c) => c.name === cardName)!;
  const { rows: excelRow, statuses } = card.expected[key];
  const got = statusesOf(planOfCard(cardName));
  const painted = paintOf(cardName);
  const addresses = card.periods.map((column) => `${letter(column)}${excelRow}`);
  const statusGot = addresses.map((address) => got.get(address) ?? "(not rated)");
  expect(statusGot, `${cardName} ${key} statuses`).toEqual(statuses);
  const paintGot = addresses.map((address) => painted.get(address) ?? "-");
  const paintWant = statuses.map((status) => fills[status] ?? "-");
  expect(paintGot, `${cardName} ${key} painted`).toEqual(paintWant);
  // Nothing else on the row is coloured (Target, Stretch, Floor, comparators, RAG, commentary).
  const others = [...painted.keys()].filter(
    (address) => /\d+$/.exec(address)![0] === String(excelRow) && !addresses.includes(address)
  );
  expect(others, `${cardName} ${key} cells painted off the periods`).toEqual([]);
}

for (const card of cards) {
  describe(`blind ${card.name} scorecard`, () => {
    it("finds one table, reports no header problem, and rates under the Standard scheme", () => {
      const plan = planOfCard(card.name);
      expect(plan.skipped).toBeUndefined();
      expect(plan.tables.length).toBe(1);
      expect(plan.scheme).toBe("Standard");
      expect(plan.tables[0].periods.length).toBe(4);
    });
    it("paints nothing outside the table's period cells", () => {
      const painted = paintOf(card.name);
      const periodCells = new Set(
        Object.values(card.expected).flatMap(({ rows }) =>
          card.periods.map((c) => `${letter(c)}${rows}`)
        )
      );
      expect([...painted.keys()].filter((address) => !periodCells.has(address))).toEqual([]);
    });
    for (const [key, { why }] of Object.entries(card.expected)) {
      it(`row ${key}: ${why}`, () => checkRow(card.name, key));
    }
  });
}
