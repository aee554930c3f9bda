/**
 * Every row of Appendix I (shared/seeds/000_…) and every one of its period figures, with the status that
 * PRODUCT.md's rating rules give. The expected statuses were worked out by hand from the seed and the rules,
 * not taken from the code:
 * - Bigger/Outstanding is better: Green at or above the target, Amber at or above the tolerance, else Red.
 * - Smaller is better: Green at or below the target, Amber at or below the tolerance, else Red.
 * - "In range is better Smaller is better" with a single target: the second phrase decides (smaller).
 * - A Suspended*** target is Suspended; no polarity and no target is No target; Not Available is No data.
 * - "Assessments completed within 20 days" has its tolerance (15%) on the better side of its target (25%)
 *   for Smaller is better: Check definition, whatever the figure.
 * - Covid19 "Suspend" is Suspended; Covid19 "-" means the standard tolerance applies.
 *
 * Under the Covid19 set no seed figure changes status: the only Covid19 tolerance that differs from the
 * standard one is "Front line staff receiving Supervision" (>=70% against 80%), and its figures 82%, 84%
 * and 88% are Amber either way. The "what if" cases at the end show where the two sets part.
 */
import { describe, expect, it } from "vitest";
import type { CellValue, Status } from "../../src/core";
import { withScale, type Definition } from "../../src/core/definition/definition";
import { readDefinition } from "../../src/core/definition/read-definition";
import { rate } from "../../src/core/rating/rate";

const periods = ["2019/20 Average", "2020/21 Average", "2021/22 Qtr1"] as const;

type Three<T> = readonly [T, T, T];

interface AppendixRow {
  id: string;
  measure: string;
  polarity: string | null;
  target: string | null;
  tolerance: string | null;
  covid19: string | null;
  /** The three period figures as the seed shows them. */
  values: Three<string>;
  /** Worked out by hand under the Standard tolerance set. */
  standard: Three<Status>;
  /** Worked out by hand under the Covid19 set, only where it differs from the standard statuses. */
  covid19Statuses?: Three<Status>;
}

const G = "Green";
const A = "Amber";
const R = "Red";
const S = "Suspended";
const NT = "No target";
const ND = "No data";
const CD = "Check definition";

// prettier-ignore
const appendixI: readonly AppendixRow[] = [
  // Contractual Key Performance Indicators
  { id: "CKPI-1", measure: "Assessments completed within <45 days", polarity: "Bigger is better", target: "90%", tolerance: "75%", covid19: ">=75%", values: ["91%", "89%", "89%"], standard: [G, A, A] },
  { id: "CKPI-2", measure: "Children in need with an appropriate and current plan in place", polarity: "Bigger is better", target: "95%", tolerance: "80%", covid19: ">=80%", values: ["95%", "93%", "97%"], standard: [G, A, G] },
  { id: "CKPI-3", measure: "Percentage of cases where the lead social worker has seen the child/young person in accordance with the timescales specified in the child protection plan. For all children who were the subject of a child protection plan during the year", polarity: "Bigger is better", target: "80%", tolerance: "75%", covid19: ">=75%", values: ["90%", "93%", "88%"], standard: [G, G, G] },
  { id: "CKPI-4", measure: "Initial Child Protection Conferences acheived within the statutory 15 day timescale", polarity: "Bigger is better", target: "95%", tolerance: "80%", covid19: ">=80%", values: ["99%", "100%", "98%"], standard: [G, G, G] },
  { id: "CKPI-5", measure: "Short term stability of placements of children in care: % of children experiencing 3 or more placements in the year", polarity: "Smaller is better", target: "9%", tolerance: "15%", covid19: "<=15%", values: ["10%", "8%", "7%"], standard: [A, G, G] },
  { id: "CKPI-6", measure: "Statutory Looked After reviews completed in time scale", polarity: "Bigger is better", target: "95%", tolerance: "80%", covid19: ">=80%", values: ["93%", "93%", "93%"], standard: [A, A, A] },
  { id: "CKPI-7", measure: "Children who wait less than 14 months between entering care and moving in with their adoptive family.", polarity: "Bigger is better", target: "Suspended***", tolerance: null, covid19: "Suspend", values: ["57%", "45%", "45%"], standard: [S, S, S] },
  { id: "CKPI-8", measure: "Care leavers the Trust is in touch with", polarity: "Bigger is better", target: "95%", tolerance: "75%", covid19: ">=75%", values: ["98%", "96%", "100%"], standard: [G, G, G] },
  { id: "CKPI-9", measure: "Care Leavers with pathway plans which have been reviewed in timescale", polarity: "Bigger is better", target: "95%", tolerance: "80%", covid19: ">=80%", values: ["77%", "91%", "82%"], standard: [R, A, A] },
  { id: "CKPI-10", measure: "Front line staff receiving Supervision in Timescale", polarity: "Bigger is better", target: "90%", tolerance: "80%", covid19: ">=70%", values: ["82%", "84%", "88%"], standard: [A, A, A] },
  { id: "CKPI-11", measure: "Freedom of Information Requests responded to within timescale", polarity: "Bigger is better", target: "Suspended***", tolerance: null, covid19: "Suspend", values: ["91%", "97%", "92%"], standard: [S, S, S] },
  { id: "CKPI-12", measure: "Case file audits graded good or better", polarity: "Bigger is better", target: "Suspended***", tolerance: null, covid19: "Suspend", values: ["80%", "62%", "56%"], standard: [S, S, S] },
  // Strategic Partnership Indicators (page 2)
  { id: "SPI-1", measure: "Length of intervention for family support services (days)", polarity: "Smaller is better", target: "140 days", tolerance: "180 days", covid19: "-", values: ["193", "173.75", "188"], standard: [R, A, R] },
  { id: "SPI-2", measure: "Families demonstrating improved outcomes at point of closure to Parenting and Family Support Team", polarity: "Bigger is better", target: "60%", tolerance: "40%", covid19: "-", values: ["80%", "87%", "86%"], standard: [G, G, G] },
  { id: "SPI-3", measure: "Referrals that are re-referrals within 12 months", polarity: "Smaller is better", target: "22%", tolerance: "28%", covid19: "-", values: ["27%", "26%", "27%"], standard: [A, A, A] },
  { id: "SPI-4", measure: "Assessments completed within 20 days", polarity: "Smaller is better", target: "25%", tolerance: "15%", covid19: "-", values: ["15%", "24%", "30%"], standard: [CD, CD, CD] },
  { id: "SPI-5a", measure: "Percentage of Children in Need open for a) >6 months < 1 year", polarity: "In range is better Smaller is better", target: "15%", tolerance: "20%", covid19: "-", values: ["15%", "13%", "16%"], standard: [G, G, A] },
  { id: "SPI-5b", measure: "b) >1 year < 2 years", polarity: "In range is better Smaller is better", target: "15%", tolerance: "20%", covid19: "-", values: ["14%", "11%", "12%"], standard: [G, G, G] },
  { id: "SPI-5c", measure: "c) > 2 years", polarity: "In range is better Smaller is better", target: "25%", tolerance: "30%", covid19: "-", values: ["32%", "30%", "33%"], standard: [R, A, R] },
  { id: "SPI-6", measure: "Children becoming the subject of Child Protection Plan for a second or subsequent time", polarity: "Smaller is better", target: "10%", tolerance: "16%", covid19: "-", values: ["9%", "8%", "9%"], standard: [G, G, G] },
  { id: "SPI-7", measure: "Case file audits graded outstanding", polarity: "Outstanding is better", target: "Suspended***", tolerance: null, covid19: "Suspend", values: ["14%", "10%", "7%"], standard: [S, S, S] },
  { id: "SPI-8", measure: "Case file audits graded good", polarity: null, target: null, tolerance: null, covid19: null, values: ["66%", "52%", "49%"], standard: [NT, NT, NT] },
  { id: "SPI-9", measure: "Case file audits graded requires improvement", polarity: null, target: null, tolerance: null, covid19: null, values: ["18%", "33%", "39%"], standard: [NT, NT, NT] },
  { id: "SPI-10", measure: "Case file audits graded inadequate", polarity: null, target: null, tolerance: null, covid19: null, values: ["2%", "6%", "5%"], standard: [NT, NT, NT] },
  { id: "SPI-11", measure: "Child Protection Plans lasting two years or more for child protection plans which have ended during the year", polarity: "Smaller is better", target: "3%", tolerance: "5%", covid19: "-", values: ["1%", "1%", "10%"], standard: [G, G, R] },
  // Strategic Partnership Indicators (page 3)
  { id: "SPI-12", measure: "Young offenders aged 10-17 who reoffend", polarity: "Smaller is better", target: "37%", tolerance: "50%", covid19: "-", values: ["34%", "26%", "Not Available"], standard: [G, G, ND] },
  { id: "SPI-13", measure: "Rate of first time entrants to youth justice (per 100,000)", polarity: "Smaller is better", target: "212", tolerance: "252", covid19: "-", values: ["201", "225", "Not Available"], standard: [G, A, ND] },
  { id: "SPI-14", measure: "Care proceedings on track to be completed within 26 weeks", polarity: "Bigger is better", target: "80%", tolerance: "70%", covid19: "-", values: ["64%", "57%", "58%"], standard: [R, R, R] },
  { id: "SPI-15", measure: "Long term stability of placement of children in care: %of long term children in care in stable placements", polarity: "Bigger is better", target: "70%", tolerance: "60%", covid19: "-", values: ["57%", "59%", "70%"], standard: [R, R, G] },
  { id: "SPI-16", measure: "Trust residential settings rated good or better", polarity: "Bigger is better", target: "100%", tolerance: "80%", covid19: "-", values: ["82%", "80%", "80%"], standard: [A, A, A] },
  { id: "SPI-17", measure: "Average time in days between Local Authority receiving court authority to place a child and deciding on a match to an adoptive family", polarity: "Smaller is better", target: "121", tolerance: "200", covid19: "-", values: ["92", "152.5", "220"], standard: [G, A, R] },
  { id: "SPI-18", measure: "Average time in days between a child entering care and moving in with their adoptive family", polarity: "Smaller is better", target: "426", tolerance: "460", covid19: "-", values: ["350", "397", "437"], standard: [G, G, A] },
  { id: "SPI-19", measure: "Children ceasing care to be looked after under a Special Guardianship Order (SGO)", polarity: "Bigger is better", target: "15%", tolerance: "10%", covid19: "-", values: ["18%", "15%", "29%"], standard: [G, G, G] },
  { id: "SPI-20", measure: "Children ceasing care to be looked after under a Child Arrangement Order (CAO)", polarity: "Bigger is better", target: "10%", tolerance: "7%", covid19: "-", values: ["12%", "1%", "7%"], standard: [G, R, A] },
  { id: "SPI-21", measure: "Rate of children adopted from care", polarity: "Bigger is better", target: "19%", tolerance: "14%", covid19: "-", values: ["16%", "17%", "45%"], standard: [A, A, G] },
  { id: "SPI-22", measure: "Rate of 19 & 20 year olds Staying Put with their foster carers after their 18th birthday", polarity: "Bigger is better", target: "25%", tolerance: "20%", covid19: "-", values: ["28%", "25%", "23%"], standard: [G, G, A] },
  { id: "SPI-23", measure: "Care Leavers in suitable accommodation (age 19-21)", polarity: "Bigger is better", target: "85%", tolerance: "80%", covid19: "-", values: ["95%", "93%", "95%"], standard: [G, G, G] },
  { id: "SPI-24", measure: "Care Leavers in Employment, Training and Education (age 19-21)", polarity: "Bigger is better", target: "48%", tolerance: "40%", covid19: "-", values: ["50%", "50%", "56%"], standard: [G, G, G] },
  { id: "SPI-25", measure: "Full time equivalent posts covered by agency staff", polarity: "Smaller is better", target: "8%", tolerance: "12%", covid19: "-", values: ["6%", "6%", "8%"], standard: [G, G, G] },
  { id: "SPI-26", measure: "Staff turnover rate", polarity: "Smaller is better", target: "16%", tolerance: "18%", covid19: "-", values: ["13%", "15%", "14%"], standard: [G, G, G] },
];

function definitionOf(row: AppendixRow): Definition {
  return readDefinition({
    measure: row.measure,
    polarity: row.polarity,
    target: row.target,
    tolerance: row.tolerance,
    otherTolerances: { Covid19: row.covid19 },
  });
}

/** The figure as the sheet shows it: "91%" stays text; "173.75" is the number 173.75; "Not Available" stays text. */
function asShown(text: string): CellValue {
  return /%$/.test(text) || Number.isNaN(Number(text)) ? text : Number(text);
}

/** "91%" as Excel keeps it in a cell formatted as %: 0.91 (n / 100 is the double nearest n%, as Excel stores it). */
function asFraction(text: string): number {
  return Number(text.slice(0, -1)) / 100;
}

/** "91%" as a sheet that keeps percentages as whole numbers keeps it: 91. */
function asWholeNumber(text: string): number {
  return Number(text.slice(0, -1));
}

function wordingOf(row: AppendixRow): string {
  if (row.polarity === null && row.target === null) return "no polarity and no target";
  if (row.tolerance === null) return `${row.polarity}, target ${row.target}`;
  return `${row.polarity}, target ${row.target}, tolerance ${row.tolerance}`;
}

function shortMeasure(row: AppendixRow): string {
  return row.measure.length > 60 ? `${row.measure.slice(0, 57)}…` : row.measure;
}

const cases = appendixI.flatMap((row) =>
  periods.map((period, index) => ({
    row,
    period,
    value: row.values[index],
    standard: row.standard[index],
    covid19: (row.covid19Statuses ?? row.standard)[index],
    wording: wordingOf(row),
    measure: shortMeasure(row),
  }))
);

describe("Appendix I, every row and every period, under the Standard tolerance set", () => {
  it("has the seed's 40 rows and 120 period figures", () => {
    expect(appendixI).toHaveLength(40);
    expect(cases).toHaveLength(120);
  });

  for (const { row, period, value, standard, wording, measure } of cases) {
    it(`${row.id} ${period}: rates ${value} ${standard} for ${wording} (${measure})`, () => {
      expect(rate(asShown(value), definitionOf(row), "Standard").status).toBe(standard);
    });
  }
});

describe("Appendix I under the Covid19 tolerance set", () => {
  for (const { row, period, value, covid19, wording, measure } of cases) {
    it(`${row.id} ${period}: rates ${value} ${covid19} under Covid19 tolerance ${row.covid19 ?? "(blank)"} for ${wording} (${measure})`, () => {
      expect(rate(asShown(value), definitionOf(row), "Covid19").status).toBe(covid19);
    });
  }
});

describe("Appendix I percentages kept as fractions in % cells or as whole numbers get the same status", () => {
  const percentCases = cases.filter(({ value }) => /%$/.test(value));

  it("covers every percentage figure of the seed (all but the days, rate and Not Available figures)", () => {
    // SPI-1, SPI-17 and SPI-18 are days, SPI-13 is a rate (two figures and one Not Available), SPI-12 has one Not Available.
    expect(percentCases).toHaveLength(120 - 3 - 3 - 3 - 3 - 1);
  });

  for (const { row, period, value, standard, covid19, wording } of percentCases) {
    it(`${row.id} ${period}: rates ${value} kept as ${asFraction(value)} in a cell formatted 0% ${standard} (Covid19: ${covid19}) for ${wording}`, () => {
      const definition = definitionOf(row);
      expect(rate(asFraction(value), definition, "Standard", "0%").status).toBe(standard);
      expect(rate(asFraction(value), definition, "Covid19", "0%").status).toBe(covid19);
    });
  }

  for (const { row, period, value, standard, covid19, wording } of percentCases) {
    it(`${row.id} ${period}: rates ${value} kept as ${asWholeNumber(value)} in a whole-number sheet ${standard} (Covid19: ${covid19}) for ${wording}`, () => {
      const definition = withScale(definitionOf(row), "whole");
      expect(rate(asWholeNumber(value), definition, "Standard").status).toBe(standard);
      expect(rate(asWholeNumber(value), definition, "Covid19").status).toBe(covid19);
    });
  }
});

describe("Appendix I figures in other forms the sheet may hold them", () => {
  it("rates 173.75 Amber for Length of intervention whether the cell holds the number or the text", () => {
    const definition = definitionOf(appendixI.find((row) => row.id === "SPI-1")!);
    expect(rate(173.75, definition).status).toBe("Amber");
    expect(rate("173.75", definition).status).toBe("Amber");
    expect(rate("173.75", definition).reason).toBe(
      "173.75 days is above the target of 140 days but within the tolerance of 180 days"
    );
  });

  it("rates Not Available No data for Young offenders, with the standard and the Covid19 set alike", () => {
    const definition = definitionOf(appendixI.find((row) => row.id === "SPI-12")!);
    expect(rate("Not Available", definition, "Standard").status).toBe("No data");
    expect(rate("Not Available", definition, "Covid19").status).toBe("No data");
  });
});

describe("where the Covid19 tolerance set parts from the standard one (what if the figures were different)", () => {
  const supervision = appendixI.find((row) => row.id === "CKPI-10")!;

  it.each([
    { value: "90%", standard: "Green", covid19: "Green" },
    { value: "80%", standard: "Amber", covid19: "Amber" },
    { value: "79%", standard: "Red", covid19: "Amber" },
    { value: "75%", standard: "Red", covid19: "Amber" },
    { value: "70%", standard: "Red", covid19: "Amber" },
    { value: "69%", standard: "Red", covid19: "Red" },
  ])(
    "rates $value $standard for Front line staff receiving Supervision under the standard 80% and $covid19 under Covid19 >=70%",
    ({ value, standard, covid19 }) => {
      const definition = definitionOf(supervision);
      expect(rate(value, definition, "Standard").status).toBe(standard);
      expect(rate(value, definition, "Covid19").status).toBe(covid19);
    }
  );

  it('rates 60% Suspended under Covid19 "Suspend" for a measure whose target is not suspended (Bigger is better, 90%, 75%)', () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: "90%",
      tolerance: "75%",
      otherTolerances: { Covid19: "Suspend" },
    });
    expect(rate("60%", definition, "Standard").status).toBe("Red");
    expect(rate("60%", definition, "Covid19").status).toBe("Suspended");
  });

  it('rates 16% Amber and 17% Red under Covid19 "-" for Children becoming the subject of a CP Plan again, as the standard tolerance of 16% does', () => {
    const definition = definitionOf(appendixI.find((row) => row.id === "SPI-6")!);
    expect(rate("16%", definition, "Covid19").status).toBe("Amber");
    expect(rate("17%", definition, "Covid19").status).toBe("Red");
  });
});
