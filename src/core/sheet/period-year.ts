/**
 * The year a period falls in, and the year a threshold header names, in one spelling so the two can be
 * matched: "2023/24" for a financial year (April to March), "2023" for a calendar year. A month or a
 * quarter falls in its financial year unless the sheet's thresholds are all named by calendar years. A
 * period whose year has no threshold in its table is No target, saying which year.
 */
import { dashes } from "../values/dashes";
import type { Definition } from "../definition/definition";

/** A year as the core compares them: "2023/24" (financial) or "2023" (calendar). */
export type YearKey = string;

/** The months by their first three letters, January first: how labels and dates name them. */
export const monthNames = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
] as const;

/** "2023/24", "2023-24", "2023–2024", "FY23/24", "FY 2023/24", "23/24", "23-24": a financial year. */
const financialYear = new RegExp(
  String.raw`(?:^|[^\d])(?:fy\s*)?((?:19|20)?\d{2})\s*[/${dashes}]\s*(\d{2}|(?:19|20)\d{2})(?![\d])`,
  "i"
);
/** A lone calendar year: "2023". */
const calendarYear = new RegExp(
  String.raw`(?:^|[^\d/${dashes}])((?:19|20)\d{2})(?![\d/${dashes}])`
);
/** "FY24": a financial year written by its closing year. */
const closingYear = /\bfy\s*(\d{2}|(?:19|20)\d{2})\b/i;

function fullYear(written: string): number {
  const year = Number(written);
  return written.length === 2 ? 2000 + year : year;
}

/** "2023/24" for the financial year starting in April 2023. */
export function financialYearKey(startYear: number): YearKey {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/**
 * The year a label names, or null when it names none: a financial year ("2023/24", "FY23/24", "23-24",
 * "FY24" is the year ending March 2024) or a calendar year ("2023"). A pair of years that do not follow one
 * another ("2019/21") names no single year.
 */
export function namedYear(label: string): YearKey | null {
  const text = label.trim();
  const financial = financialYear.exec(text);
  if (financial) {
    const start = fullYear(financial[1]);
    const end =
      financial[2].length === 2 ? closingOf(start, Number(financial[2])) : Number(financial[2]);
    return end === start + 1 ? financialYearKey(start) : null;
  }
  const closingOnly = closingYear.exec(text);
  if (closingOnly) return financialYearKey(fullYear(closingOnly[1]) - 1);
  const calendar = calendarYear.exec(text);
  return calendar ? calendar[1] : null;
}

/** The full closing year of a financial year written "2023/24": 2024. */
function closingOf(start: number, twoDigits: number): number {
  const century = start - (start % 100);
  const end = century + twoDigits;
  return end < start ? end + 100 : end;
}

/**
 * The year a period falls in. A period labelled with a year ("2023/24", "Q1 2023/24", "2023/24 Q1") is in
 * that year; a month ("Apr-23", "March 2024") is in its financial year, or its calendar year when
 * `calendarMonths` (the sheet's thresholds are named by calendar years). Null when the label names no year
 * ("Q1", "YTD", "Latest").
 */
export function yearOfPeriod(label: string, calendarMonths = false): YearKey | null {
  const text = periodAfterHeadline(label.trim().toLowerCase());
  const month = monthOf(text);
  if (month !== null) {
    const year = /(?:^|[^\d])((?:19|20)\d{2}|\d{2})$/.exec(text.replace(/[\s\-/'.]+$/, ""));
    if (!year) return null;
    // A run of months ("Apr-Jun 24", "Dec-Feb 25") is written with the year of its last month, and falls
    // in a year only when its first and last months do.
    const last = lastMonthOf(text) ?? month;
    const lastYear = fullYear(year[1]);
    const firstYear = last >= month ? lastYear : lastYear - 1;
    const yearOf = (monthOfYear: number, calendar: number): YearKey =>
      calendarMonths
        ? String(calendar)
        : financialYearKey(monthOfYear >= 4 ? calendar : calendar - 1);
    const first = yearOf(month, firstYear);
    return first === yearOf(last, lastYear) ? first : null;
  }
  return namedYear(text);
}

/** A headline column's word before the period it names: "Latest (Oct 2024)", "Current: May-25". */
const headlineWord =
  /^(?:latest|current|previous|prior|ytd|year to date)(?: (?:period|figure|month|quarter))?\s*[(:,–—-]?\s*/;

/** The period a headline label names after its word ("Latest (Oct 2024)" names Oct 2024), or the label. */
function periodAfterHeadline(text: string): string {
  const word = headlineWord.exec(text);
  return word && word[0].length < text.length
    ? text.slice(word[0].length).replace(/\)\s*$/, "")
    : text;
}

const monthRun = new RegExp(String.raw`^[a-z]+\.?\s*(?:[${dashes}/]|to)\s*([a-z]{3})`);

/** The last month of a run of months ("Apr-Jun 24" ends in June), or null when the label names one month. */
function lastMonthOf(text: string): number | null {
  const run = monthRun.exec(text);
  return run ? monthOf(run[1]) : null;
}

/** The month a label starts with (1 to 12), or null. */
function monthOf(text: string): number | null {
  if (!/^[a-z]{3}/.test(text)) return null;
  if (/^(?:fy|qtr|q\d|quarter)/.test(text)) return null;
  const month = monthNames.indexOf(text.slice(0, 3) as (typeof monthNames)[number]);
  return month < 0 ? null : month + 1;
}

/**
 * Where a period stands in time among periods of its kind, for finding the period before one in a long
 * table, whose rows need not run in order: a month by its calendar month, a quarter by its first month
 * (in its financial year, or its calendar year where the label names only that), a year by its start.
 * Null for a label that names no time ("Latest", "Q1" alone): such a period is compared with none.
 */
export function periodOrder(label: string): { kind: string; order: number } | null {
  const text = label.trim().toLowerCase();
  // Anywhere in the label: a quarter under its merged year reads "2024-25 Q3 (Oct-Dec)".
  const quarter = /(?:^|[^a-z])(?:q|qtr|quarter)\s*([1-4])(?!\d)|\bq([1-4])$/.exec(text);
  if (quarter) {
    const year = namedYear(text.replace(/\(.*?\)/g, " "));
    if (year === null) return null;
    const number = Number(quarter[1] ?? quarter[2]) - 1;
    const financial = year.includes("/");
    const start = Number(year.slice(0, 4)) * 12 + (financial ? 3 : 0);
    return { kind: financial ? "quarter" : "calendar quarter", order: start + number * 3 };
  }
  const month = monthOf(text);
  if (month !== null) {
    const year = /(?:^|[^\d])((?:19|20)\d{2}|\d{2})$/.exec(text.replace(/[\s\-/'.]+$/, ""));
    if (!year || lastMonthOf(text) !== null) return null;
    return { kind: "month", order: fullYear(year[1]) * 12 + month - 1 };
  }
  const year = namedYear(label);
  if (year === null) return null;
  return { kind: year.includes("/") ? "financial year" : "year", order: Number(year.slice(0, 4)) };
}

/** A period whose year has no target or tolerance in the table: No target, saying so. */
export function noThresholdFor(definition: Definition, period: string): Definition {
  // A context measure is one in every year: its own reason says more than a year's empty columns.
  if (definition.standing.kind === "no target" && definition.standing.context) return definition;
  const year = yearOfPeriod(period);
  return {
    ...definition,
    standing: {
      kind: "no target",
      reason:
        year === null
          ? `the table names its targets by year, and the add-in cannot tell which year "${period}" falls in`
          : `no target or tolerance is given for ${year}`,
    },
  };
}
