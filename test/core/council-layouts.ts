/**
 * Council scorecards in the layouts and header wordings of issue 17, as plain grids, with invented
 * measures and figures. Every status is worked out by hand from PRODUCT.md's bands (inclusive towards
 * the better side; a relative margin is a share of the target's value, a pp margin is absolute), never
 * by running the core: these are the acceptance answers the core is held to.
 *
 * Each expectation is [measure, period, sheet address, status] for one rated cell. The period is the
 * header's own words; a period label that contains every one of them is the same period (so "2023/24 Q1"
 * and "Q1 2023/24" both name a Q1 under a merged 2023/24).
 */
import type { CellValue, Grid, GridArea, Status } from "../../src/core";

export type Expected = readonly [measure: string, period: string, address: string, status: Status];

export interface Scorecard {
  /** The layout or wording, as a test name says it: "a table whose only tolerance column is 'Tolerance (amber)'". */
  title: string;
  grid: Grid;
  expected: readonly Expected[];
}

function sheetOf(
  sheet: string,
  values: CellValue[][],
  options: { merges?: GridArea[]; formats?: Record<string, string> } = {}
): Grid {
  const formats = options.formats ?? {};
  return {
    sheet,
    origin: { row: 0, column: 0 },
    values,
    numberFormats: values.map((row, r) => row.map((_, c) => formats[`${r},${c}`] ?? "General")),
    merges: options.merges ?? [],
  };
}

/** The Excel date serial of the first of a month, as a month header typed as a date holds it. */
export function firstOfMonth(year: number, month: number): number {
  return (Date.UTC(year, month - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const assessments = "Assessments completed within 45 working days";
const reReferrals = "Re-referrals within 12 months";
const careLeavers = "Care leavers aged 19-21 in education, employment or training";
const placements = "Children in care with 3 or more placements in the year";

// ---------------------------------------------------------------------------------------------
// a. Qualifiers on a tolerance header
// ---------------------------------------------------------------------------------------------

/** A band word adds nothing: "Tolerance (amber)" is the standard tolerance. */
export const toleranceAmber: Scorecard = {
  title: "a table whose only tolerance column is 'Tolerance (amber)'",
  grid: sheetOf("Tolerance amber", [
    ["Measure", "Polarity", "Target", "Tolerance (amber)", "2022/23", "2023/24"],
    [assessments, "Bigger is better", "95%", "92%", "93%", "96%"],
    [reReferrals, "Smaller is better", "20%", "24%", "25%", "24%"],
    [
      "Child protection plans reviewed in timescale",
      "Bigger is better",
      "98%",
      "92%",
      "91.5%",
      "92%",
    ],
  ]),
  expected: [
    // 93% is below 95% but at or above the amber floor of 92%: the case issue 17 saw painted Red.
    [assessments, "2022/23", "E2", "Amber"],
    [assessments, "2023/24", "F2", "Green"],
    [reReferrals, "2022/23", "E3", "Red"],
    // 24% is the tolerance itself: inclusive towards the better side.
    [reReferrals, "2023/24", "F3", "Amber"],
    ["Child protection plans reviewed in timescale", "2022/23", "E4", "Red"],
    ["Child protection plans reviewed in timescale", "2023/24", "F4", "Amber"],
  ],
};

/** A unit word sets the unit of the column's plain numbers: 3 under "Tolerance (pp)" is a margin of 3 points. */
export const tolerancePoints: Scorecard = {
  title: "a table whose only tolerance column is 'Tolerance (pp)' with plain numbers",
  grid: sheetOf("Tolerance pp", [
    ["Measure", "Polarity", "Target", "Tolerance (pp)", "2022/23", "2023/24"],
    [careLeavers, "Bigger is better", "60%", 3, "58%", "56.5%"],
    [placements, "Smaller is better", "10%", 3, "13%", "13.5%"],
    ["Care leavers in suitable accommodation", "Bigger is better", "90%", 3, "90%", "86%"],
  ]),
  expected: [
    // 60% less 3 points is an amber floor of 57% (3% of 60% would be 58.2%, which 58% misses).
    [careLeavers, "2022/23", "E2", "Amber"],
    [careLeavers, "2023/24", "F2", "Red"],
    // 10% plus 3 points is an amber ceiling of 13%: 13% itself is Amber (read as 3%, the row would contradict itself).
    [placements, "2022/23", "E3", "Amber"],
    [placements, "2023/24", "F3", "Red"],
    ["Care leavers in suitable accommodation", "2022/23", "E4", "Green"],
    // 86% is below the floor of 87%.
    ["Care leavers in suitable accommodation", "2023/24", "F4", "Red"],
  ],
};

/**
 * A year makes it that year's tolerance: every period here falls in 2023/24, so each is rated with it
 * (the unqualified target being the table's only target).
 */
export const toleranceOfAYear: Scorecard = {
  title: "a table whose only tolerance column is 'Tolerance 23/24', periods in 2023/24",
  grid: sheetOf("Tolerance 23-24", [
    ["Measure", "Polarity", "Target", "Tolerance 23/24", "Q1 2023/24", "Q2 2023/24"],
    [assessments, "Bigger is better", "90%", "85%", "88%", "84%"],
    [reReferrals, "Smaller is better", "22%", "25%", "21%", "23%"],
  ]),
  expected: [
    [assessments, "Q1 2023/24", "E2", "Amber"],
    [assessments, "Q2 2023/24", "F2", "Red"],
    [reReferrals, "Q1 2023/24", "E3", "Green"],
    [reReferrals, "Q2 2023/24", "F3", "Amber"],
  ],
};

/** A band word before the role word: "Amber tolerance" is the standard tolerance. */
export const amberTolerance: Scorecard = {
  title: "a table whose only tolerance column is 'Amber tolerance'",
  grid: sheetOf("Amber tolerance", [
    ["Measure", "Polarity", "Target", "Amber tolerance", "2022/23", "2023/24"],
    [
      "Initial child protection conferences within 15 working days",
      "Bigger is better",
      "85%",
      "75%",
      "80%",
      "74%",
    ],
    ["Average days to complete an assessment", "Smaller is better", 35, 40, 38, 33],
  ]),
  expected: [
    ["Initial child protection conferences within 15 working days", "2022/23", "E2", "Amber"],
    ["Initial child protection conferences within 15 working days", "2023/24", "F2", "Red"],
    ["Average days to complete an assessment", "2022/23", "E3", "Amber"],
    ["Average days to complete an assessment", "2023/24", "F3", "Green"],
  ],
};

const returnInterviews = "Return home interviews within 72 hours";

/** "Recovery tolerance" beside a plain "Tolerance" names an alternative set; Standard rates by the plain one. */
export const recoveryTolerance: Scorecard = {
  title: "a table with 'Tolerance' and 'Recovery tolerance', under the standard set",
  grid: sheetOf("Recovery", [
    ["Measure", "Polarity", "Target", "Tolerance", "Recovery tolerance", "2022/23", "2023/24"],
    [careLeavers, "Bigger is better", "60%", "55%", "45%", "52%", "58%"],
    [reReferrals, "Smaller is better", "20%", "24%", "-", "23%", "26%"],
    [returnInterviews, "Bigger is better", "80%", "70%", "Suspend", "75%", "82%"],
  ]),
  expected: [
    [careLeavers, "2022/23", "F2", "Red"],
    [careLeavers, "2023/24", "G2", "Amber"],
    [reReferrals, "2022/23", "F3", "Amber"],
    [reReferrals, "2023/24", "G3", "Red"],
    [returnInterviews, "2022/23", "F4", "Amber"],
    [returnInterviews, "2023/24", "G4", "Green"],
  ],
};

/** The same sheet under the Recovery set: 45% widens amber; "-" means none (Standard applies); Suspend suspends. */
export const recoveryStatuses: readonly Expected[] = [
  [careLeavers, "2022/23", "F2", "Amber"],
  [careLeavers, "2023/24", "G2", "Amber"],
  [reReferrals, "2022/23", "F3", "Amber"],
  [reReferrals, "2023/24", "G3", "Red"],
  [returnInterviews, "2022/23", "F4", "Suspended"],
  [returnInterviews, "2023/24", "G4", "Suspended"],
];

/** Two tolerance columns qualified by words the reader does not know: neither can be the standard one. */
export const twoUnknownTolerances = sheetOf("Two tolerances", [
  [
    "Measure",
    "Polarity",
    "Target",
    "Tolerance (Board)",
    "Tolerance (Partnership)",
    "2022/23",
    "2023/24",
  ],
  [assessments, "Bigger is better", "90%", "85%", "80%", "87%", "82%"],
  [reReferrals, "Smaller is better", "20%", "23%", "25%", "22%", "24%"],
]);

/** Two tolerance columns that would each be the standard one (a plain one and one in %): no way to choose. */
export const twoStandardTolerances = sheetOf("Two standard tolerances", [
  ["Measure", "Polarity", "Target", "Tolerance", "Tolerance (%)", "2022/23", "2023/24"],
  [assessments, "Bigger is better", "90%", "85%", "80%", "87%", "82%"],
]);

// ---------------------------------------------------------------------------------------------
// b. Thresholds per year
// ---------------------------------------------------------------------------------------------

/** A target and a tolerance per year, each period rated by its own financial year's pair. */
export const targetsPerYear: Scorecard = {
  title: "targets and tolerances for 22/23, 23/24 and 24/25 with quarters of three years",
  grid: sheetOf("Targets by year", [
    [
      "Measure",
      "Polarity",
      "Target 22/23",
      "Tolerance 22/23",
      "Target 23/24",
      "Tolerance 23/24",
      "Target 24/25",
      "Tolerance 24/25",
      "Q4 2022/23",
      "Q1 2023/24",
      "Q2 2023/24",
      "Q1 2024/25",
    ],
    [
      assessments,
      "Bigger is better",
      "85%",
      "80%",
      "88%",
      "83%",
      "90%",
      "85%",
      "86%",
      "86%",
      "82%",
      "88%",
    ],
    [
      reReferrals,
      "Smaller is better",
      "22%",
      "25%",
      "20%",
      "23%",
      "18%",
      "21%",
      "21%",
      "21%",
      "24%",
      "19%",
    ],
  ]),
  expected: [
    // 86% meets 2022/23's 85% but only the amber floor of 2023/24 (88%, 83%).
    [assessments, "Q4 2022/23", "I2", "Green"],
    [assessments, "Q1 2023/24", "J2", "Amber"],
    [assessments, "Q2 2023/24", "K2", "Red"],
    // 88% is below 2024/25's 90% and above its 85%; it would be Green by 2023/24's target.
    [assessments, "Q1 2024/25", "L2", "Amber"],
    [reReferrals, "Q4 2022/23", "I3", "Green"],
    // 21% is Green in 2022/23 (22%) but Amber in 2023/24 (20%, 23%).
    [reReferrals, "Q1 2023/24", "J3", "Amber"],
    [reReferrals, "Q2 2023/24", "K3", "Red"],
    [reReferrals, "Q1 2024/25", "L3", "Amber"],
  ],
};

const longPlans = "Child protection plans lasting 2 years or more";
const suitableAccommodation = "Care leavers in suitable accommodation";

/**
 * Years merged over their quarters; 2024/25 has its own target and tolerance, 2023/24 has none and takes
 * the unqualified pair. The fixed headers are written in the first header row only.
 */
export const yearsOverQuarters: Scorecard = {
  title:
    "years merged over quarters, with thresholds for 2024/25 and unqualified ones for the rest",
  grid: sheetOf(
    "Quarters by year",
    [
      [
        "Measure",
        "Polarity",
        "Target",
        "Tolerance",
        "Target 2024/25",
        "Tolerance 2024/25",
        "2023/24",
        null,
        "2024/25",
        null,
      ],
      [null, null, null, null, null, null, "Q1", "Q2", "Q1", "Q2"],
      [longPlans, "Smaller is better", "5%", "7%", "4%", "6%", "5%", "6.5%", "5%", "6.5%"],
      [
        suitableAccommodation,
        "Bigger is better",
        "90%",
        "85%",
        "92%",
        "88%",
        "91%",
        "84%",
        "91%",
        "87%",
      ],
    ],
    {
      merges: [
        { top: 0, left: 6, bottom: 0, right: 7 },
        { top: 0, left: 8, bottom: 0, right: 9 },
      ],
    }
  ),
  expected: [
    // 2023/24 by the unqualified 5% / 7%.
    [longPlans, "2023/24 Q1", "G3", "Green"],
    [longPlans, "2023/24 Q2", "H3", "Amber"],
    // 2024/25 by its own 4% / 6%: the same figures one band worse.
    [longPlans, "2024/25 Q1", "I3", "Amber"],
    [longPlans, "2024/25 Q2", "J3", "Red"],
    [suitableAccommodation, "2023/24 Q1", "G4", "Green"],
    [suitableAccommodation, "2023/24 Q2", "H4", "Red"],
    [suitableAccommodation, "2024/25 Q1", "I4", "Amber"],
    [suitableAccommodation, "2024/25 Q2", "J4", "Red"],
  ],
};

const firstDayReferrals = "Referral decisions within 1 working day";
const vacancies = "Social worker vacancy rate";

function monthsOfAYear(
  sheet: string,
  months: CellValue[],
  formats: Record<string, string> = {}
): Grid {
  return sheetOf(
    sheet,
    [
      ["Measure", "Polarity", "Target 2023/24", "Tolerance 2023/24", ...months],
      [firstDayReferrals, "Bigger is better", "95%", "90%", "97%", "93%", "89%", "96%"],
      [vacancies, "Smaller is better", "15%", "20%", "12%", "15%", "20%", "25%"],
    ],
    { formats }
  );
}

/**
 * Only 2023/24 has thresholds and there is no unqualified pair: Mar-23 (2022/23) and Apr-24 (2024/25)
 * are No target; Apr-23 and Mar-24 both fall in 2023/24 (April to March).
 */
const monthsExpected: readonly Expected[] = [
  [firstDayReferrals, "Mar-23", "E2", "No target"],
  [firstDayReferrals, "Apr-23", "F2", "Amber"],
  [firstDayReferrals, "Mar-24", "G2", "Red"],
  [firstDayReferrals, "Apr-24", "H2", "No target"],
  [vacancies, "Mar-23", "E3", "No target"],
  [vacancies, "Apr-23", "F3", "Green"],
  [vacancies, "Mar-24", "G3", "Amber"],
  [vacancies, "Apr-24", "H3", "No target"],
];

export const monthsAsText: Scorecard = {
  title: "thresholds for 2023/24 only, months written as text either side of the financial year",
  grid: monthsOfAYear("Months as text", ["Mar-23", "Apr-23", "Mar-24", "Apr-24"]),
  expected: monthsExpected,
};

export const monthsAsDates: Scorecard = {
  title:
    "thresholds for 2023/24 only, months typed as Excel dates either side of the financial year",
  grid: monthsOfAYear(
    "Months as dates",
    [firstOfMonth(2023, 3), firstOfMonth(2023, 4), firstOfMonth(2024, 3), firstOfMonth(2024, 4)],
    { "0,4": "mmm-yy", "0,5": "mmm-yy", "0,6": "mmm-yy", "0,7": "mmm-yy" }
  ),
  expected: monthsExpected,
};

// ---------------------------------------------------------------------------------------------
// c. A benchmarking report
// ---------------------------------------------------------------------------------------------

const secondPlans = "Children subject to a child protection plan for a second time";
const childrenInCare = "Children in care per 10,000 children";

export const benchmarkingReport: Scorecard = {
  title: "a benchmarking report with fixed headers merged down two rows and merged group headers",
  grid: sheetOf(
    "Benchmarking",
    [
      [
        "Ref",
        "Measure",
        "Polarity",
        "Target",
        "Threshold",
        "Our performance",
        null,
        null,
        "Comparators (2022/23)",
        null,
      ],
      [
        null,
        null,
        null,
        null,
        null,
        "2021/22",
        "2022/23",
        "2023/24",
        "England",
        "Statistical neighbours",
      ],
      [
        "CS01",
        reReferrals,
        "Smaller is better",
        "20%",
        "23%",
        "19%",
        "22%",
        "24%",
        "21.5%",
        "22.3%",
      ],
      ["CS02", assessments, "Bigger is better", "90%", "85%", "91%", "85%", "84.9%", "84%", "86%"],
      ["CS03", secondPlans, "Smaller is better", "18%", "22%", "c", "17%", "23%", "23.3%", "21%"],
      ["CS04", childrenInCare, "Context", null, null, 68.2, 70.1, 71.5, 70, 74.3],
    ],
    {
      merges: [
        ...[0, 1, 2, 3, 4].map((column) => ({ top: 0, left: column, bottom: 1, right: column })),
        { top: 0, left: 5, bottom: 0, right: 7 },
        { top: 0, left: 8, bottom: 0, right: 9 },
      ],
    }
  ),
  expected: [
    [reReferrals, "2021/22", "F3", "Green"],
    [reReferrals, "2022/23", "G3", "Amber"],
    [reReferrals, "2023/24", "H3", "Red"],
    [assessments, "2021/22", "F4", "Green"],
    // 85% is the threshold itself: Amber; 84.9% is below it.
    [assessments, "2022/23", "G4", "Amber"],
    [assessments, "2023/24", "H4", "Red"],
    // c is a suppressed figure.
    [secondPlans, "2021/22", "F5", "No data"],
    [secondPlans, "2022/23", "G5", "Green"],
    [secondPlans, "2023/24", "H5", "Red"],
    [childrenInCare, "2021/22", "F6", "No target"],
    [childrenInCare, "2022/23", "G6", "No target"],
    [childrenInCare, "2023/24", "H6", "No target"],
  ],
};

// ---------------------------------------------------------------------------------------------
// d. Two tables side by side
// ---------------------------------------------------------------------------------------------

const healthAssessments = "Children in care with an up-to-date health assessment";
const longAssessments = "Child and family assessments taking over 45 days";
const agencyWorkers = "Agency social workers";

/** The right-hand table puts its periods before its thresholds and its polarity after them. */
export const sideBySide: Scorecard = {
  title: "two tables side by side, a blank column between, their columns in different orders",
  grid: sheetOf("Side by side", [
    [
      "Measure",
      "Polarity",
      "Target",
      "Tolerance",
      "2022/23",
      "2023/24",
      null,
      "Ref",
      "Indicator",
      "2022/23",
      "2023/24",
      "Polarity",
      "Target",
      "Tolerance",
    ],
    [
      careLeavers,
      "Bigger is better",
      "60%",
      "55%",
      "62%",
      "57%",
      null,
      "R1",
      reReferrals,
      "21%",
      "26%",
      "Smaller is better",
      "22%",
      "25%",
    ],
    [
      healthAssessments,
      "Bigger is better",
      "90%",
      "80%",
      "79%",
      "90%",
      null,
      "R2",
      longAssessments,
      "12%",
      "9%",
      "Smaller is better",
      "10%",
      "12%",
    ],
    [
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      "R3",
      agencyWorkers,
      "30%",
      "27%",
      "Smaller is better",
      "20%",
      "25%",
    ],
  ]),
  expected: [
    [careLeavers, "2022/23", "E2", "Green"],
    [careLeavers, "2023/24", "F2", "Amber"],
    [healthAssessments, "2022/23", "E3", "Red"],
    [healthAssessments, "2023/24", "F3", "Green"],
    [reReferrals, "2022/23", "J2", "Green"],
    [reReferrals, "2023/24", "K2", "Red"],
    // 12% is the tolerance itself.
    [longAssessments, "2022/23", "J3", "Amber"],
    [longAssessments, "2023/24", "K3", "Green"],
    [agencyWorkers, "2022/23", "J4", "Red"],
    [agencyWorkers, "2023/24", "K4", "Red"],
  ],
};

// ---------------------------------------------------------------------------------------------
// e. A monthly pack of Actual / Target / Tolerance rows
// ---------------------------------------------------------------------------------------------

/** Each KPI's name row carries its polarity; only the Actual rows are rated, month by month. */
export const monthlyPack: Scorecard = {
  title: "a monthly pack of Actual, Target and Tolerance rows under each KPI's name",
  grid: sheetOf("Monthly pack", [
    ["Indicator", "Polarity", "Apr-23", "May-23", "Jun-23"],
    [assessments, "Bigger is better", null, null, null],
    ["Actual", null, "88%", "84%", "87%"],
    ["Target", null, "85%", "88%", "90%"],
    ["Tolerance", null, "80%", "85%", "85%"],
    [placements, "Smaller is better", null, null, null],
    ["Actual", null, "9%", "11%", "12.5%"],
    ["Target", null, "10%", "10%", "10%"],
    ["Tolerance", null, "12%", "12%", "12%"],
    [reReferrals, "Smaller is better", null, null, null],
    ["Actual", null, "21%", "23%", "c"],
    ["Target", null, "22%", "22%", "22%"],
  ]),
  expected: [
    [assessments, "Apr-23", "C3", "Green"],
    // 84% against May's 88% / 85% is Red; against April's 85% / 80% it would have been Amber.
    [assessments, "May-23", "D3", "Red"],
    [assessments, "Jun-23", "E3", "Amber"],
    [placements, "Apr-23", "C7", "Green"],
    [placements, "May-23", "D7", "Amber"],
    [placements, "Jun-23", "E7", "Red"],
    // No Tolerance row: two bands.
    [reReferrals, "Apr-23", "C11", "Green"],
    [reReferrals, "May-23", "D11", "Red"],
    [reReferrals, "Jun-23", "E11", "No data"],
  ],
};

// ---------------------------------------------------------------------------------------------
// f. A long ("tidy") table
// ---------------------------------------------------------------------------------------------

export const longTable: Scorecard = {
  title: "a long table of one row per KPI per period",
  grid: sheetOf("Long table", [
    ["KPI", "Period", "Value", "Target", "Tolerance", "Polarity"],
    [reReferrals, "2022/23", "23%", "22%", "25%", "Smaller is better"],
    [reReferrals, "2023/24", "21%", "20%", "23%", "Smaller is better"],
    [reReferrals, "Q1 2024/25", "24%", "20%", "23%", "Smaller is better"],
    [assessments, "2022/23", "91%", "90%", "85%", "Bigger is better"],
    [assessments, "2023/24", "84%", "90%", "85%", "Bigger is better"],
    [careLeavers, "2023/24", "N/A", "60%", "55%", "Bigger is better"],
    ["Children in care", "2023/24", 612, null, null, "Context"],
  ]),
  expected: [
    [reReferrals, "2022/23", "C2", "Amber"],
    // 21% against this row's own 20% / 23%, not the 2022/23 row's 22%.
    [reReferrals, "2023/24", "C3", "Amber"],
    [reReferrals, "Q1 2024/25", "C4", "Red"],
    [assessments, "2022/23", "C5", "Green"],
    [assessments, "2023/24", "C6", "Red"],
    [careLeavers, "2023/24", "C7", "No data"],
    ["Children in care", "2023/24", "C8", "No target"],
  ],
};

// ---------------------------------------------------------------------------------------------
// g. Headline columns
// ---------------------------------------------------------------------------------------------

export const headlineColumns: Scorecard = {
  title: "Latest, Previous and Year to date columns beside the quarters",
  grid: sheetOf("Headline", [
    [
      "Measure",
      "Polarity",
      "Target",
      "Tolerance",
      "Q1",
      "Q2",
      "Q3",
      "Latest",
      "Previous",
      "Year to date",
    ],
    [assessments, "Bigger is better", "90%", "85%", "88%", "91%", "84%", "84%", "91%", "87.5%"],
    [reReferrals, "Smaller is better", "20%", "24%", "19%", "22%", "25%", "25%", "22%", "21.9%"],
  ]),
  expected: [
    [assessments, "Q1", "E2", "Amber"],
    [assessments, "Q2", "F2", "Green"],
    [assessments, "Q3", "G2", "Red"],
    [assessments, "Latest", "H2", "Red"],
    [assessments, "Previous", "I2", "Green"],
    [assessments, "Year to date", "J2", "Amber"],
    [reReferrals, "Q1", "E3", "Green"],
    [reReferrals, "Q2", "F3", "Amber"],
    [reReferrals, "Q3", "G3", "Red"],
    [reReferrals, "Latest", "H3", "Red"],
    [reReferrals, "Previous", "I3", "Amber"],
    [reReferrals, "Year to date", "J3", "Amber"],
  ],
};

// ---------------------------------------------------------------------------------------------
// h. Polarity wordings
// ---------------------------------------------------------------------------------------------

const assessmentDays = "Average days to complete an assessment";
const stability = "Children in care in the same placement for 2 years";
const visits = "Visits to children in care within timescale";

export const polarityWordings: Scorecard = {
  title: "polarity written as phrases and arrows under a Polarity heading",
  grid: sheetOf("Polarity words", [
    ["Measure", "Polarity", "Target", "Tolerance", "2022/23", "2023/24"],
    [reReferrals, "Lower figure is better", "22%", "25%", "23%", "21%"],
    [assessmentDays, "Fewer days = better", 35, 40, 41, 35],
    [careLeavers, "The higher the better", "60%", "55%", "55%", "54%"],
    [stability, "↑", "70%", "65%", "72%", "66%"],
    [placements, "↓", "10%", "12%", "12%", "12.1%"],
    // A wording with no direction: unknown, never a guess.
    [visits, "Steady good", "95%", "90%", "96%", "91%"],
  ]),
  expected: [
    [reReferrals, "2022/23", "E2", "Amber"],
    [reReferrals, "2023/24", "F2", "Green"],
    [assessmentDays, "2022/23", "E3", "Red"],
    [assessmentDays, "2023/24", "F3", "Green"],
    [careLeavers, "2022/23", "E4", "Amber"],
    [careLeavers, "2023/24", "F4", "Red"],
    [stability, "2022/23", "E5", "Green"],
    [stability, "2023/24", "F5", "Amber"],
    [placements, "2022/23", "E6", "Amber"],
    [placements, "2023/24", "F6", "Red"],
    [visits, "2022/23", "E7", "Check definition"],
    [visits, "2023/24", "F7", "Check definition"],
  ],
};

// ---------------------------------------------------------------------------------------------
// i. Figures written as text
// ---------------------------------------------------------------------------------------------

const contacts = "Contacts to the front door";

export const textFigures: Scorecard = {
  title: "figures written as text with separators, units and flags",
  grid: sheetOf("Text figures", [
    ["Measure", "Polarity", "Target", "Tolerance", "Q1", "Q2", "Q3"],
    [contacts, "Smaller is better", 1200, 1300, "1,234", "1,150", "1,301"],
    [assessmentDays, "Smaller is better", "25 days", "30 days", "22.5 days", "30 days", "31 days"],
    [careLeavers, "Bigger is better", 60, 55, "56p", "48 r", "61"],
    [assessments, "Bigger is better", "70%", "65%", "72%*", "c", "x"],
  ]),
  expected: [
    [contacts, "Q1", "E2", "Amber"],
    [contacts, "Q2", "F2", "Green"],
    [contacts, "Q3", "G2", "Red"],
    [assessmentDays, "Q1", "E3", "Green"],
    [assessmentDays, "Q2", "F3", "Amber"],
    [assessmentDays, "Q3", "G3", "Red"],
    // 56 provisional, 48 revised: the flags say how sure the figure is, not what it is.
    [careLeavers, "Q1", "E4", "Amber"],
    [careLeavers, "Q2", "F4", "Red"],
    [careLeavers, "Q3", "G4", "Green"],
    // 72% with a note mark; c and x are suppression symbols.
    [assessments, "Q1", "E5", "Green"],
    [assessments, "Q2", "F5", "No data"],
    [assessments, "Q3", "G5", "No data"],
  ],
};

/** The flag each text figure carries and a word its reason must use for it. */
export const flagWords: ReadonlyArray<readonly [address: string, word: string]> = [
  ["E4", "provisional"],
  ["F4", "revised"],
  ["E5", "note"],
  ["F5", "suppressed"],
];

// ---------------------------------------------------------------------------------------------
// j. Layouts skipped with a reason
// ---------------------------------------------------------------------------------------------

/** One column per KPI and one row per period: the product does not read it. */
export const periodsDownTheRows = sheetOf("Periods down", [
  ["Period", reReferrals, assessments],
  ["Polarity", "Smaller is better", "Bigger is better"],
  ["Target", "22%", "90%"],
  ["Tolerance", "25%", "85%"],
  ["2021/22", "23%", "88%"],
  ["2022/23", "21%", "91%"],
]);

/** A sheet given to one KPI: its definition as label and value pairs, then its figures month by month. */
export const oneKpiASheet = sheetOf("KPI 7", [
  [reReferrals, null],
  ["Polarity", "Smaller is better"],
  ["Target", "22%"],
  ["Tolerance", "25%"],
  [null, null],
  ["Month", "Figure"],
  ["Apr-23", "21%"],
  ["May-23", "24%"],
  ["Jun-23", "26%"],
]);

/** Every scorecard with cells to rate, in the order of issue 17's families. */
export const ratedScorecards: readonly Scorecard[] = [
  toleranceAmber,
  tolerancePoints,
  toleranceOfAYear,
  amberTolerance,
  recoveryTolerance,
  targetsPerYear,
  yearsOverQuarters,
  monthsAsText,
  monthsAsDates,
  benchmarkingReport,
  sideBySide,
  monthlyPack,
  longTable,
  headlineColumns,
  polarityWordings,
  textFigures,
];
