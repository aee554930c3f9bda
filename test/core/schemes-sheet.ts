/**
 * One sheet for the council schemes, and each cell's status under each scheme worked out by hand from
 * PRODUCT.md ("Council schemes"): the core, the functions and kpi-rag are all held to it.
 */
import type { CellValue, Scheme, Status } from "../../src/core";
import { readScheme } from "../../src/core/register/settings";

export const header = [
  "Measure",
  "Polarity",
  "Target",
  "Tolerance",
  "2021/22",
  "2022/23",
  "2023/24",
];
export const values: CellValue[][] = [
  header,
  ["Assessments in 45 days", "Bigger is better", "90%", "75%", "70%", "74%", "95%"],
  ["Re-referrals", "Smaller is better", "20%", "25%", "30%", "22%", "18%"],
  ["Plans reviewed on time", "Bigger is better", "80%", "70%", "85%", "60%", "65%"],
  ["Visits on time", "Bigger is better", "90%", "75%", "84%", "87%", "80%"],
  ["Caseload in range", "In range is better", "10%-20%", "5%-25%", "30%", "27%", "21%"],
];

export function schemeOf(text: string): Scheme {
  const read = readScheme(text);
  if (!read?.ok) throw new Error(`not a scheme: ${text}`);
  return read.value;
}

/** Statuses of E2:G6 row by row, as worked out by hand. */
export const expected: Record<string, Status[][]> = {
  Standard: [
    ["Red", "Red", "Green"],
    ["Red", "Amber", "Green"],
    ["Green", "Red", "Red"],
    ["Amber", "Amber", "Amber"],
    ["Red", "Red", "Amber"],
  ],
  // The tolerance is ignored: 22% against 20% smaller is better is Red, 21% outside 10%-20% is Red.
  "Green and Red only": [
    ["Red", "Red", "Green"],
    ["Red", "Red", "Green"],
    ["Green", "Red", "Red"],
    ["Red", "Red", "Red"],
    ["Red", "Red", "Red"],
  ],
  // Stretch 5% beyond the target: 94.5% (95% is Blue), 19% (18% is Blue), 84% (85% is Blue); none for a range.
  "Blue for exceeding, Blue at 5% better than target": [
    ["Red", "Red", "Blue"],
    ["Red", "Amber", "Blue"],
    ["Blue", "Red", "Red"],
    ["Amber", "Amber", "Amber"],
    ["Red", "Red", "Amber"],
  ],
  // Green from 85.5% / to 21% / from 76%; Amber from 81% / to 22% / from 72%; range Green 9.5%-21%, Amber 9%-22%.
  "Percentage of target: Green within 5%, Amber within 10%": [
    ["Red", "Red", "Green"],
    ["Red", "Amber", "Green"],
    ["Green", "Red", "Red"],
    ["Amber", "Green", "Red"],
    ["Red", "Red", "Green"],
  ],
  // Beyond the tolerance: Amber where better than the period before (74% after 70%, 65% after 60%, 27%
  // nearer the range than 30%), Red for the first period and where no better (2021/22's 30%, 60% after 85%).
  "Amber by direction": [
    ["Red", "Amber", "Green"],
    ["Red", "Amber", "Green"],
    ["Green", "Red", "Amber"],
    ["Amber", "Amber", "Amber"],
    ["Red", "Amber", "Amber"],
  ],
};
