/**
 * The built-in KPI catalogue, made from the two appendix tables in shared/seeds.
 *
 * Ids:
 * - Appendix A keeps its own numbers: KPI-1 … KPI-34, with KPI-5a, KPI-5b, KPI-10a and KPI-10b.
 * - Appendix I has no numbers, so its measures take ids by section, in the order the appendix lists them:
 *   CKPI-1 … CKPI-12 for the Contractual Key Performance Indicators and SPI-1 … SPI-26 for the Strategic
 *   Partnership Indicators; a measure split over sub-rows keeps one number with letters (SPI-5a, 5b, 5c).
 *
 * Joins (an Appendix A number that is the same measure as an Appendix I row takes that row's thresholds):
 * - KPI-18 "% of LAC with 3 or more placements in the last year" = CKPI-5 "Short term stability of
 *   placements … 3 or more placements in the year": the same count over the same year.
 * - KPI-16 "% of ICPCs held within statutory timescale" = CKPI-4 "Initial Child Protection Conferences
 *   achieved within the statutory 15 day timescale": the statutory timescale is the 15 days.
 * - KPI-1 "% of referrals received that were repeat referrals" = SPI-3 "Referrals that are re-referrals
 *   within 12 months": the statutory definition of a repeat referral is one within 12 months.
 * Not joined, on purpose: KPI-3 (repeat CP plans within 2 years) and SPI-6 (second or subsequent plan at
 * any time) count different windows; KPI-4 (current plans open 2 years+) and SPI-11 (ended plans that
 * lasted 2 years+) count different children; KPI-25 (all care leavers in EET) and SPI-24 (aged 19-21 only)
 * count different ages; KPI-26 (a current pathway plan) and CKPI-9 (pathway plans reviewed in time) measure
 * different things. Appendix A measures that are not joined have no target in the catalogue: the workbook's
 * KPIRegister gives them one.
 */
import type { CellValue } from "../values/cell";
import type { DefinitionWording } from "../definition/definition";
import { kpiIdKey } from "./kpi-id";

export type CatalogueSource = "Appendix A" | "Appendix I";

export interface CatalogueEntry {
  id: string;
  measure: string;
  section: string;
  source: CatalogueSource;
  polarity: CellValue;
  unit: string;
  target: CellValue;
  tolerance: CellValue;
  covid19Tolerance: CellValue;
  notes: string;
}

/**
 * The appendices' tables as they stand in shared/seeds, one measure a line, each under its section's
 * heading ("# …"); cells between bars, an empty one for a blank cell.
 * Appendix I: id | measure | polarity | target | tolerance | Covid19 tolerance | unit.
 */
const appendixI = `
# Contractual Key Performance Indicators
CKPI-1 | Assessments completed within <45 days | Bigger is better | 90% | 75% | >=75% | %
CKPI-2 | Children in need with an appropriate and current plan in place | Bigger is better | 95% | 80% | >=80% | %
CKPI-3 | Percentage of cases where the lead social worker has seen the child/young person in accordance with the timescales specified in the child protection plan. For all children who were the subject of a child protection plan during the year | Bigger is better | 80% | 75% | >=75% | %
CKPI-4 | Initial Child Protection Conferences acheived within the statutory 15 day timescale | Bigger is better | 95% | 80% | >=80% | %
CKPI-5 | Short term stability of placements of children in care: % of children experiencing 3 or more placements in the year | Smaller is better | 9% | 15% | <=15% | %
CKPI-6 | Statutory Looked After reviews completed in time scale | Bigger is better | 95% | 80% | >=80% | %
CKPI-7 | Children who wait less than 14 months between entering care and moving in with their adoptive family. | Bigger is better | Suspended*** |  | Suspend | %
CKPI-8 | Care leavers the Trust is in touch with | Bigger is better | 95% | 75% | >=75% | %
CKPI-9 | Care Leavers with pathway plans which have been reviewed in timescale | Bigger is better | 95% | 80% | >=80% | %
CKPI-10 | Front line staff receiving Supervision in Timescale | Bigger is better | 90% | 80% | >=70% | %
CKPI-11 | Freedom of Information Requests responded to within timescale | Bigger is better | Suspended*** |  | Suspend | %
CKPI-12 | Case file audits graded good or better | Bigger is better | Suspended*** |  | Suspend | %
# Strategic Partnership Indicators
SPI-1 | Length of intervention for family support services (days) | Smaller is better | 140 days | 180 days | - | days
SPI-2 | Families demonstrating improved outcomes at point of closure to Parenting and Family Support Team | Bigger is better | 60% | 40% | - | %
SPI-3 | Referrals that are re-referrals within 12 months | Smaller is better | 22% | 28% | - | %
SPI-4 | Assessments completed within 20 days | Smaller is better | 25% | 15% | - | %
SPI-5a | Percentage of Children in Need open for a) >6 months < 1 year | In range is better Smaller is better | 15% | 20% | - | %
SPI-5b | Percentage of Children in Need open for b) >1 year < 2 years | In range is better Smaller is better | 15% | 20% | - | %
SPI-5c | Percentage of Children in Need open for c) > 2 years | In range is better Smaller is better | 25% | 30% | - | %
SPI-6 | Children becoming the subject of Child Protection Plan for a second or subsequent time | Smaller is better | 10% | 16% | - | %
SPI-7 | Case file audits graded outstanding | Outstanding is better | Suspended*** |  | Suspend | %
SPI-8 | Case file audits graded good |  |  |  |  | %
SPI-9 | Case file audits graded requires improvement |  |  |  |  | %
SPI-10 | Case file audits graded inadequate |  |  |  |  | %
SPI-11 | Child Protection Plans lasting two years or more for child protection plans which have ended during the year | Smaller is better | 3% | 5% | - | %
SPI-12 | Young offenders aged 10-17 who reoffend | Smaller is better | 37% | 50% | - | %
SPI-13 | Rate of first time entrants to youth justice (per 100,000) | Smaller is better | 212 | 252 | - | rate
SPI-14 | Care proceedings on track to be completed within 26 weeks | Bigger is better | 80% | 70% | - | %
SPI-15 | Long term stability of placement of children in care: %of long term children in care in stable placements | Bigger is better | 70% | 60% | - | %
SPI-16 | Trust residential settings rated good or better | Bigger is better | 100% | 80% | - | %
SPI-17 | Average time in days between Local Authority receiving court authority to place a child and deciding on a match to an adoptive family | Smaller is better | 121 | 200 | - | days
SPI-18 | Average time in days between a child entering care and moving in with their adoptive family | Smaller is better | 426 | 460 | - | days
SPI-19 | Children ceasing care to be looked after under a Special Guardianship Order (SGO) | Bigger is better | 15% | 10% | - | %
SPI-20 | Children ceasing care to be looked after under a Child Arrangement Order (CAO) | Bigger is better | 10% | 7% | - | %
SPI-21 | Rate of children adopted from care | Bigger is better | 19% | 14% | - | %
SPI-22 | Rate of 19 & 20 year olds Staying Put with their foster carers after their 18th birthday | Bigger is better | 25% | 20% | - | %
SPI-23 | Care Leavers in suitable accommodation (age 19-21) | Bigger is better | 85% | 80% | - | %
SPI-24 | Care Leavers in Employment, Training and Education (age 19-21) | Bigger is better | 48% | 40% | - | %
SPI-25 | Full time equivalent posts covered by agency staff | Smaller is better | 8% | 12% | - | %
SPI-26 | Staff turnover rate | Smaller is better | 16% | 18% | - | %
`;

/** Appendix A, in its order: number | measure | unit. */
const appendixA = `
# Safeguarding and Children in Need
1 | % of referrals received that were repeat referrals | %
2 | Percentage of Section 47s which led to Initial CP Conference in month | %
3 | % of CP Plans started that were repeat plans within 2 years | %
4 | % of children subject to a CP Plan for 2 years or more | %
5a | % of children subject to a CP Plan visited in the last 2 weeks (all ages) | %
5b | % of children subject to a CP Plan seen alone on at least their second-most recent visit (aged 3+) | %
6 | Referrals: decision and authorisation within 1 workday | %
7 | Rate of Early Help open cases per 10,000 under-18 population | rate
8 | Number of cases that stepped up from Early Help to Children's Social Care | count
9 | % of contacts leading to referral | %
10 | Contacts received and completed | count
10a | Contacts completed - ICS (social care) only | count
10b | Contacts completed - EHM (early help) only | count
11 | Referrals received | count
12 | Number of children subject to a CP Plan | count
13 | Number of full time Looked After Children at month end | count
14 | % of children subject to CIN plans for over 12 months | %
15 | % of CIN plans reviewed within 6 months | %
16 | % of ICPCs held within statutory timescale | %
17 | % of RCPCs held within timescale | %
# Looked After Children
18 | % of LAC with 3 or more placements in the last year | %
19 | % LAC at month end placed over 20 miles away | %
20 | Looked After Children's statutory visits: seen alone | %
21 | % of children missing from care who have an independent return interview within timescale | %
22 | % of LAC who participated in their LAC review | %
23 | % of LAC with a current Care Plan | %
# Fostering
24 | Number of approved Trust foster care households | count
# Care Leavers
25 | % of care leavers in education, employment or training | %
26 | % of eligible looked after children with a current Pathway Plan | %
# LDD and SEN
27 | % of statutory EHCP assessments completed within 20 weeks (including exceptions) | %
28 | % of statements converted to EHCPs | %
29 | % of children receiving direct payments, personal payments or short breaks as part of their EHCP | %
# Workforce
30 | % of permanent fieldwork staff | %
31 | Average number of cases allocated per social worker | count
32 | % of staff absenteeism | %
33 | % of staff in post 2 years+ | %
34 | % of staff 2 years post qualifying | %
`;

/** A table's rows as written above, each with the section it stands in. */
function rowsOf(table: string): Array<{ section: string; cells: string[] }> {
  const rows: Array<{ section: string; cells: string[] }> = [];
  let section = "";
  for (const line of table.trim().split("\n")) {
    if (line.startsWith("# ")) section = line.slice(2);
    else rows.push({ section, cells: line.split("|").map((cell) => cell.trim()) });
  }
  return rows;
}

/** A blank cell of the appendix is null, as a blank cell of a sheet is. */
function cellOf(text: string): string | null {
  return text === "" ? null : text;
}

/** Appendix A numbers that take an Appendix I measure's thresholds (see the comment at the top). */
const joins: Readonly<Record<string, string>> = {
  "KPI-18": "CKPI-5",
  "KPI-16": "CKPI-4",
  "KPI-1": "SPI-3",
};

function buildCatalogue(): CatalogueEntry[] {
  const fromAppendixI: CatalogueEntry[] = rowsOf(appendixI).map(
    ({ section, cells: [id, measure, polarity, target, tolerance, covid, unit] }) => ({
      id,
      measure,
      section,
      source: "Appendix I" as const,
      polarity: cellOf(polarity),
      unit,
      target: cellOf(target),
      tolerance: cellOf(tolerance),
      covid19Tolerance: cellOf(covid),
      notes: "",
    })
  );
  const byId = new Map(fromAppendixI.map((entry) => [entry.id, entry]));
  const fromAppendixA: CatalogueEntry[] = rowsOf(appendixA).map(
    ({ section, cells: [number, measure, unit] }) => {
      const id = `KPI-${number}`;
      const joined = joins[id] ? byId.get(joins[id]) : undefined;
      return joined
        ? {
            ...joined,
            id,
            measure,
            section,
            source: "Appendix A" as const,
            notes: `Thresholds from Appendix I ${joined.id}: ${joined.measure}`,
          }
        : {
            id,
            measure,
            section,
            source: "Appendix A" as const,
            polarity: null,
            unit,
            target: null,
            tolerance: null,
            covid19Tolerance: null,
            notes: "No target in the appendices: set one in the KPIRegister table",
          };
    }
  );
  return [...fromAppendixA, ...fromAppendixI];
}

export const catalogue: readonly CatalogueEntry[] = buildCatalogue();

const catalogueByKey = new Map(catalogue.map((entry) => [kpiIdKey(entry.id), entry]));

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return catalogueByKey.get(kpiIdKey(id));
}

/** A catalogue entry's wording, for `readDefinition`: the same words an appendix row or register row has. */
export function wordingOfEntry(entry: CatalogueEntry): DefinitionWording {
  return {
    measure: entry.measure,
    polarity: entry.polarity,
    target: entry.target,
    tolerance: entry.tolerance,
    otherTolerances: { Covid19: entry.covid19Tolerance },
    unit: entry.unit,
  };
}
