/**
 * A council scorecard in other wordings, as an analyst types it into Excel, and the status of each of its
 * period cells worked out by hand from PRODUCT.md: shared by the core, Office.js and kpi-rag tests, so all
 * three surfaces are held to the same answers.
 */
import type { CellValue, Status } from "../../src/core";

export const scorecardRows: CellValue[][] = [
  ["Measure", "Polarity", "Target", "Tolerance", "2021/22", "2022/23"],
  // H under a Polarity heading; 95% less 5% of 95% is an amber floor of 90.25%.
  ["Care leavers the council is in touch with", "H", "95%", "±5%", "96%", "91%"],
  // L; 22% itself has not met the strict "Less than 22%", and 28% is the tolerance.
  ["Re-referrals within 12 months", "L", "Less than 22%", "28%", "22%", "21%"],
  // A context measure: not rated.
  ["Children in care", "Monitoring only", null, null, 612, 598],
  // c is a suppressed figure: No data.
  ["Children on a plan for a second time", "Aim to reduce", "No more than 15%", "20%", "c", "15%"],
  // TBC is a figure still to come; 60% less 5 points is an amber floor of 55%.
  ["EHC plans issued within 20 weeks", "Good is: High", "At least 60%", "5 points", "TBC", "55%"],
];

export const scorecardStatuses: Readonly<Record<string, Status>> = {
  E2: "Green",
  F2: "Amber",
  E3: "Amber",
  F3: "Green",
  E4: "No target",
  F4: "No target",
  E5: "No data",
  F5: "Green",
  E6: "No data",
  F6: "Amber",
};
