/**
 * The built-in catalogue made from both seed tables: every KPI is there, under a stable id, with the
 * sheet's wording, and rates as the appendix says.
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core";
import { withScale } from "../../src/core/definition/definition";
import { readDefinition } from "../../src/core/definition/read-definition";
import { rate } from "../../src/core/rating/rate";
import { catalogue, catalogueEntry, wordingOfEntry } from "../../src/core/register/catalogue";
import { kpiIdOfNumber } from "../../src/core/register/kpi-id";
import { eachRow } from "./each-row";

/** Appendix A (shared/seeds/002_…), transcribed: the KPI number and its measure, by section. */
// prettier-ignore
const appendixA: ReadonlyArray<[number: string, measure: string, section: string]> = [
  ["1", "% of referrals received that were repeat referrals", "Safeguarding and Children in Need"],
  ["2", "Percentage of Section 47s which led to Initial CP Conference in month", "Safeguarding and Children in Need"],
  ["3", "% of CP Plans started that were repeat plans within 2 years", "Safeguarding and Children in Need"],
  ["4", "% of children subject to a CP Plan for 2 years or more", "Safeguarding and Children in Need"],
  ["5a", "% of children subject to a CP Plan visited in the last 2 weeks (all ages)", "Safeguarding and Children in Need"],
  ["5b", "% of children subject to a CP Plan seen alone on at least their second-most recent visit (aged 3+)", "Safeguarding and Children in Need"],
  ["6", "Referrals: decision and authorisation within 1 workday", "Safeguarding and Children in Need"],
  ["7", "Rate of Early Help open cases per 10,000 under-18 population", "Safeguarding and Children in Need"],
  ["8", "Number of cases that stepped up from Early Help to Children's Social Care", "Safeguarding and Children in Need"],
  ["9", "% of contacts leading to referral", "Safeguarding and Children in Need"],
  ["10", "Contacts received and completed", "Safeguarding and Children in Need"],
  ["10a", "Contacts completed - ICS (social care) only", "Safeguarding and Children in Need"],
  ["10b", "Contacts completed - EHM (early help) only", "Safeguarding and Children in Need"],
  ["11", "Referrals received", "Safeguarding and Children in Need"],
  ["12", "Number of children subject to a CP Plan", "Safeguarding and Children in Need"],
  ["13", "Number of full time Looked After Children at month end", "Safeguarding and Children in Need"],
  ["14", "% of children subject to CIN plans for over 12 months", "Safeguarding and Children in Need"],
  ["15", "% of CIN plans reviewed within 6 months", "Safeguarding and Children in Need"],
  ["16", "% of ICPCs held within statutory timescale", "Safeguarding and Children in Need"],
  ["17", "% of RCPCs held within timescale", "Safeguarding and Children in Need"],
  ["18", "% of LAC with 3 or more placements in the last year", "Looked After Children"],
  ["19", "% LAC at month end placed over 20 miles away", "Looked After Children"],
  ["20", "Looked After Children's statutory visits: seen alone", "Looked After Children"],
  ["21", "% of children missing from care who have an independent return interview within timescale", "Looked After Children"],
  ["22", "% of LAC who participated in their LAC review", "Looked After Children"],
  ["23", "% of LAC with a current Care Plan", "Looked After Children"],
  ["24", "Number of approved Trust foster care households", "Fostering"],
  ["25", "% of care leavers in education, employment or training", "Care Leavers"],
  ["26", "% of eligible looked after children with a current Pathway Plan", "Care Leavers"],
  ["27", "% of statutory EHCP assessments completed within 20 weeks (including exceptions)", "LDD and SEN"],
  ["28", "% of statements converted to EHCPs", "LDD and SEN"],
  ["29", "% of children receiving direct payments, personal payments or short breaks as part of their EHCP", "LDD and SEN"],
  ["30", "% of permanent fieldwork staff", "Workforce"],
  ["31", "Average number of cases allocated per social worker", "Workforce"],
  ["32", "% of staff absenteeism", "Workforce"],
  ["33", "% of staff in post 2 years+", "Workforce"],
  ["34", "% of staff 2 years post qualifying", "Workforce"],
];

/**
 * Appendix I (shared/seeds/000_…), transcribed: the id it takes (by section, in the appendix's order;
 * a measure split over sub-rows keeps one number with letters), its measure as the row shows it, and its
 * polarity, target, tolerance and Covid19 tolerance exactly as written (null for a blank cell).
 */
// prettier-ignore
const appendixI: ReadonlyArray<[id: string, measure: string, polarity: string | null, target: string | null, tolerance: string | null, covid19: string | null]> = [
  ["CKPI-1", "Assessments completed within <45 days", "Bigger is better", "90%", "75%", ">=75%"],
  ["CKPI-2", "Children in need with an appropriate and current plan in place", "Bigger is better", "95%", "80%", ">=80%"],
  ["CKPI-3", "Percentage of cases where the lead social worker has seen the child/young person in accordance with the timescales specified in the child protection plan", "Bigger is better", "80%", "75%", ">=75%"],
  ["CKPI-4", "Initial Child Protection Conferences acheived within the statutory 15 day timescale", "Bigger is better", "95%", "80%", ">=80%"],
  ["CKPI-5", "Short term stability of placements of children in care: % of children experiencing 3 or more placements in the year", "Smaller is better", "9%", "15%", "<=15%"],
  ["CKPI-6", "Statutory Looked After reviews completed in time scale", "Bigger is better", "95%", "80%", ">=80%"],
  ["CKPI-7", "Children who wait less than 14 months between entering care and moving in with their adoptive family.", "Bigger is better", "Suspended***", null, "Suspend"],
  ["CKPI-8", "Care leavers the Trust is in touch with", "Bigger is better", "95%", "75%", ">=75%"],
  ["CKPI-9", "Care Leavers with pathway plans which have been reviewed in timescale", "Bigger is better", "95%", "80%", ">=80%"],
  ["CKPI-10", "Front line staff receiving Supervision in Timescale", "Bigger is better", "90%", "80%", ">=70%"],
  ["CKPI-11", "Freedom of Information Requests responded to within timescale", "Bigger is better", "Suspended***", null, "Suspend"],
  ["CKPI-12", "Case file audits graded good or better", "Bigger is better", "Suspended***", null, "Suspend"],
  ["SPI-1", "Length of intervention for family support services (days)", "Smaller is better", "140 days", "180 days", "-"],
  ["SPI-2", "Families demonstrating improved outcomes at point of closure to Parenting and Family Support Team", "Bigger is better", "60%", "40%", "-"],
  ["SPI-3", "Referrals that are re-referrals within 12 months", "Smaller is better", "22%", "28%", "-"],
  ["SPI-4", "Assessments completed within 20 days", "Smaller is better", "25%", "15%", "-"],
  ["SPI-5a", "a) >6 months < 1 year", "In range is better Smaller is better", "15%", "20%", "-"],
  ["SPI-5b", "b) >1 year < 2 years", "In range is better Smaller is better", "15%", "20%", "-"],
  ["SPI-5c", "c) > 2 years", "In range is better Smaller is better", "25%", "30%", "-"],
  ["SPI-6", "Children becoming the subject of Child Protection Plan for a second or subsequent time", "Smaller is better", "10%", "16%", "-"],
  ["SPI-7", "Case file audits graded outstanding", "Outstanding is better", "Suspended***", null, "Suspend"],
  ["SPI-8", "Case file audits graded good", null, null, null, null],
  ["SPI-9", "Case file audits graded requires improvement", null, null, null, null],
  ["SPI-10", "Case file audits graded inadequate", null, null, null, null],
  ["SPI-11", "Child Protection Plans lasting two years or more for child protection plans which have ended during the year", "Smaller is better", "3%", "5%", "-"],
  ["SPI-12", "Young offenders aged 10-17 who reoffend", "Smaller is better", "37%", "50%", "-"],
  ["SPI-13", "Rate of first time entrants to youth justice (per 100,000)", "Smaller is better", "212", "252", "-"],
  ["SPI-14", "Care proceedings on track to be completed within 26 weeks", "Bigger is better", "80%", "70%", "-"],
  ["SPI-15", "Long term stability of placement of children in care: %of long term children in care in stable placements", "Bigger is better", "70%", "60%", "-"],
  ["SPI-16", "Trust residential settings rated good or better", "Bigger is better", "100%", "80%", "-"],
  ["SPI-17", "Average time in days between Local Authority receiving court authority to place a child and deciding on a match to an adoptive family", "Smaller is better", "121", "200", "-"],
  ["SPI-18", "Average time in days between a child entering care and moving in with their adoptive family", "Smaller is better", "426", "460", "-"],
  ["SPI-19", "Children ceasing care to be looked after under a Special Guardianship Order (SGO)", "Bigger is better", "15%", "10%", "-"],
  ["SPI-20", "Children ceasing care to be looked after under a Child Arrangement Order (CAO)", "Bigger is better", "10%", "7%", "-"],
  ["SPI-21", "Rate of children adopted from care", "Bigger is better", "19%", "14%", "-"],
  ["SPI-22", "Rate of 19 & 20 year olds Staying Put with their foster carers after their 18th birthday", "Bigger is better", "25%", "20%", "-"],
  ["SPI-23", "Care Leavers in suitable accommodation (age 19-21)", "Bigger is better", "85%", "80%", "-"],
  ["SPI-24", "Care Leavers in Employment, Training and Education (age 19-21)", "Bigger is better", "48%", "40%", "-"],
  ["SPI-25", "Full time equivalent posts covered by agency staff", "Smaller is better", "8%", "12%", "-"],
  ["SPI-26", "Staff turnover rate", "Smaller is better", "16%", "18%", "-"],
];

/** The Appendix A number that takes Appendix I's short term stability thresholds (CKPI-5). */
const kpi18 = "KPI-18";

describe("the catalogue holds every KPI of both seed tables", () => {
  it("has 37 Appendix A KPIs: KPI-1 to KPI-34 without a plain KPI-5, plus KPI-5a, KPI-5b, KPI-10a and KPI-10b", () => {
    const ids = catalogue.filter((entry) => entry.source === "Appendix A").map((entry) => entry.id);
    const expected = [
      ...["1", "2", "3", "4", "5a", "5b", "6", "7", "8", "9", "10", "10a", "10b"],
      ...Array.from({ length: 24 }, (_, index) => String(index + 11)),
    ].map((number) => `KPI-${number}`);
    expect(appendixA).toHaveLength(37);
    expect(ids).toEqual(expected);
    expect(catalogueEntry("KPI-5")).toBeUndefined();
  });

  it("has 40 Appendix I measures: CKPI-1 to CKPI-12 and SPI-1 to SPI-26 with SPI-5a, SPI-5b and SPI-5c", () => {
    const ids = catalogue.filter((entry) => entry.source === "Appendix I").map((entry) => entry.id);
    expect(ids).toEqual(appendixI.map(([id]) => id));
    expect(ids).toHaveLength(40);
    expect(ids.filter((id) => id.startsWith("CKPI-"))).toHaveLength(12);
    expect(ids.filter((id) => id.startsWith("SPI-"))).toHaveLength(28);
    expect(catalogueEntry("SPI-5")).toBeUndefined();
  });

  it("has 77 entries in all, and no id twice, whatever its case or spacing", () => {
    expect(catalogue).toHaveLength(77);
    const keys = catalogue.map((entry) => entry.id.toUpperCase().replace(/[\s_-]+/g, ""));
    expect(new Set(keys).size).toBe(catalogue.length);
  });

  eachRow(
    appendixA,
    ([number, measure, section]) => `has KPI-${number} "${measure}" in ${section}`,
    ([number, measure, section]) => {
      const entry = catalogueEntry(`KPI-${number}`);
      expect(entry).toMatchObject({ id: `KPI-${number}`, measure, section, source: "Appendix A" });
    }
  );

  eachRow(
    appendixI,
    ([id, measure, polarity, target, tolerance, covid19]) =>
      `has ${id} "${measure.length > 60 ? `${measure.slice(0, 57)}…` : measure}" with ${polarity ?? "no polarity"}, target ${target ?? "(blank)"}, tolerance ${tolerance ?? "(blank)"}, Covid19 ${covid19 ?? "(blank)"}`,
    ([id, measure, polarity, target, tolerance, covid19]) => {
      const entry = catalogueEntry(id);
      expect(entry).toBeDefined();
      expect(entry!.source).toBe("Appendix I");
      expect(entry!.measure).toContain(measure);
      expect({
        polarity: entry!.polarity,
        target: entry!.target,
        tolerance: entry!.tolerance,
        covid19: entry!.covid19Tolerance,
      }).toEqual({ polarity, target, tolerance, covid19 });
    }
  );

  it("names the sub-rows b) and c) after the measure that opens them with a)", () => {
    expect(catalogueEntry("SPI-5b")!.measure).toMatch(
      /^Percentage of Children in Need open for b\)/
    );
    expect(catalogueEntry("SPI-5c")!.measure).toMatch(
      /^Percentage of Children in Need open for c\)/
    );
  });

  it("puts Appendix I measures in their sections: Contractual Key Performance Indicators and Strategic Partnership Indicators", () => {
    expect(catalogueEntry("CKPI-1")!.section).toBe("Contractual Key Performance Indicators");
    expect(catalogueEntry("SPI-26")!.section).toBe("Strategic Partnership Indicators");
  });
});

describe("looking up a KPI id", () => {
  eachRow(
    [
      { id: "kpi-18", found: "KPI-18" },
      { id: "KPI-18", found: "KPI-18" },
      { id: "KPI 18", found: "KPI-18" },
      { id: "kpi18", found: "KPI-18" },
      { id: " KPI-18 ", found: "KPI-18" },
      { id: "kpi-5A", found: "KPI-5a" },
      { id: "KPI-10b", found: "KPI-10b" },
      { id: "ckpi-10", found: "CKPI-10" },
      { id: "spi-5c", found: "SPI-5c" },
      { id: "Spi-13", found: "SPI-13" },
    ],
    ({ id, found }) => `finds "${id}" as ${found}`,
    ({ id, found }) => {
      expect(catalogueEntry(id)?.id).toBe(found);
    }
  );

  eachRow(
    [
      "KPI-35",
      "KPI-0",
      "KPI-5",
      "CKPI-13",
      "SPI-27",
      "18",
      "",
      "Assessments completed within <45 days",
    ],
    (id) => `finds nothing for "${id}"`,
    (id) => {
      expect(catalogueEntry(id)).toBeUndefined();
    }
  );
});

describe("kpiIdOfNumber: Appendix A's KPI column", () => {
  eachRow(
    [
      { cell: 18, id: "KPI-18" },
      { cell: "18", id: "KPI-18" },
      { cell: " 18 ", id: "KPI-18" },
      { cell: "5a", id: "KPI-5a" },
      { cell: "5A", id: "KPI-5a" },
      { cell: "10b", id: "KPI-10b" },
      { cell: "KPI-18", id: "KPI-18" },
      { cell: 1, id: "KPI-1" },
    ] satisfies Array<{ cell: CellValue; id: string }>,
    ({ cell, id }) => `reads ${typeof cell === "number" ? cell : `"${cell}"`} as ${id}`,
    ({ cell, id }) => {
      expect(kpiIdOfNumber(cell)).toBe(id);
    }
  );

  eachRow(
    [
      null,
      "",
      "abc",
      18.5,
      "18.5",
      true,
      { error: "#N/A" },
      "Safeguarding and Children in Need",
    ] as CellValue[],
    (cell) =>
      `reads ${cell === null ? "a blank" : typeof cell === "object" ? cell.error : JSON.stringify(cell)} as no KPI number`,
    (cell) => {
      expect(kpiIdOfNumber(cell)).toBeNull();
    }
  );

  it("reads every Appendix A number as the id of a catalogue entry", () => {
    for (const [number] of appendixA)
      expect(catalogueEntry(kpiIdOfNumber(number)!)?.id, number).toBe(`KPI-${number}`);
  });
});

describe("rating through the catalogue", () => {
  const definition = readDefinition(wordingOfEntry(catalogueEntry(kpi18)!));

  it("gives KPI-18 (% of LAC with 3 or more placements) Smaller is better, target 9%, tolerance 15%, from Appendix I's short term stability measure", () => {
    const entry = catalogueEntry(kpi18)!;
    expect(entry).toMatchObject({
      polarity: "Smaller is better",
      target: "9%",
      tolerance: "15%",
      covid19Tolerance: "<=15%",
    });
    expect(entry.notes).toMatch(/CKPI-5/);
  });

  eachRow(
    [
      { value: "9%", status: "Green" },
      { value: "8%", status: "Green" },
      { value: "10%", status: "Amber" },
      { value: "15%", status: "Amber" },
      { value: "16%", status: "Red" },
      { value: "Not Available", status: "No data" },
    ],
    ({ value, status }) =>
      `rates ${value} ${status} for KPI-18 (target 9%, tolerance 15%, smaller is better)`,
    ({ value, status }) => {
      expect(rate(value, definition).status).toBe(status);
      expect(rate(value, definition, "Covid19").status).toBe(status);
    }
  );

  it("rates 10% Amber for KPI-18 whether held as 0.1 in a % cell or as 10 in a whole-number sheet", () => {
    expect(rate(0.1, definition, "Standard", "0%").status).toBe("Amber");
    expect(rate(10, withScale(definition, "whole")).status).toBe("Amber");
    expect(rate(16, withScale(definition, "whole")).status).toBe("Red");
    expect(rate(9, withScale(definition, "whole")).status).toBe("Green");
  });

  it("gives every joined Appendix A KPI the same wording as the Appendix I measure its notes name", () => {
    const joined = catalogue.filter(
      (entry) => entry.source === "Appendix A" && entry.target !== null
    );
    expect(joined.map((entry) => entry.id)).toContain(kpi18);
    for (const entry of joined) {
      const from = /Appendix I ((?:CKPI|SPI)-\d+[a-z]?)/.exec(entry.notes)?.[1];
      expect(from, entry.id).toBeDefined();
      const source = catalogueEntry(from!)!;
      expect(
        {
          polarity: entry.polarity,
          target: entry.target,
          tolerance: entry.tolerance,
          covid19: entry.covid19Tolerance,
        },
        entry.id
      ).toEqual({
        polarity: source.polarity,
        target: source.target,
        tolerance: source.tolerance,
        covid19: source.covid19Tolerance,
      });
    }
  });

  const notJoined = catalogue.filter(
    (entry) => entry.source === "Appendix A" && entry.target === null
  );

  it("leaves most of Appendix A without a target: the appendix gives none", () => {
    expect(notJoined.length).toBeGreaterThan(30);
  });

  eachRow(
    notJoined,
    (entry) =>
      `rates 50% No target for ${entry.id} "${entry.measure}", which no appendix gives a target`,
    (entry) => {
      const unjoined = readDefinition(wordingOfEntry(entry));
      expect(rate("50%", unjoined).status).toBe("No target");
      expect(rate(12, unjoined).status).toBe("No target");
      expect(rate(null, unjoined).status).toBe("No data");
    }
  );

  eachRow(
    appendixI.filter(
      ([, , polarity, target]) => polarity !== null && target !== null && !/^Suspended/.test(target)
    ),
    ([id, , polarity, target, tolerance]) =>
      `reads ${id} (${polarity}, target ${target}, tolerance ${tolerance}) into a definition that rates a figure`,
    ([id]) => {
      const entryDefinition = readDefinition(wordingOfEntry(catalogueEntry(id)!));
      const expectedKind = id === "SPI-4" ? "check" : "rated";
      expect(entryDefinition.standing.kind).toBe(expectedKind);
    }
  );
});
