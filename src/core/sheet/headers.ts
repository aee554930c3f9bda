/**
 * Reading a KPI table's header row(s): which column is the measure, the polarity, the target, each
 * tolerance set, the KPI number or row reference, which are periods, and which are read but never rated
 * (comparators, the analyst's RAG, direction of travel, commentary). Case, spacing and punctuation do not
 * matter. Labels may span two rows ("2019/20" over "Average", or "Q1" under a merged "2022/23").
 */
import { dashes } from "../values/dashes";
import { rememberedByText } from "../values/text-memo";
import type { CellValue } from "../values/cell";
import { looseHeader, readComparatorHeader } from "./comparators";
import { monthNames, namedYear, type YearKey } from "./period-year";
import { readThresholdHeader, type ThresholdUnit } from "./threshold-header";
import { standardSet } from "../definition/tolerance-set";
import type { ColumnRole, TaughtHeaders, ThresholdQualifiers } from "./column-role";
import { taughtWithYear } from "./taught-headers";

export type { ColumnRole, TaughtHeaders, ThresholdQualifiers } from "./column-role";
export { taughtHeadersOf } from "./taught-headers";

const monthWord = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
/**
 * "Apr-21", "April 2021", "Sep 21", "Apr": a month, with or without its year; and a run of months, which is
 * how many councils spell a quarter ("Apr-Jun 24", "October to December 2024").
 */
const monthPattern = new RegExp(
  String.raw`^${monthWord}\.?(?:\s*(?:[${dashes}/]|to)\s*${monthWord}\.?)?(?:[\s${dashes}/']*(?:\d{2}|\d{4}))?$`,
  "i"
);
/** Years in every common spelling: "2019/20", "2019-20", "2019–2020", "FY22/23", "FY 2023", "21/22", "2022". */
const yearToken = String.raw`(?:(?:fy\s*)?(?:19|20)\d{2}\s*[/${dashes}]\s*\d{2,4}|fy\s*\d{2}\s*[/${dashes}]\s*\d{2}|fy\s*(?:19|20)?\d{2}|(?:19|20)\d{2})`;
const yearPattern = new RegExp(String.raw`(?:^|[^\d/])${yearToken}(?![\d/])`, "i");
const yearOnly = new RegExp(String.raw`^(?:${yearToken}|\d{2}\s*[/${dashes}]\s*\d{2})$`, "i");
const quarterPattern = /^(?:q|qtr|quarter)\s*[1-4]\b|^[1-4](?:st|nd|rd|th) quarter\b/i;
/** A long table's columns: the period each row is for, and its figure ("Actual" is read so only beside a period column). */
const periodNamePattern =
  /^(?:(?:reporting |time |data )?period|month|quarter|year|date|period ending|month ending|quarter ending|financial year)$/;
const valuePattern = /^(?:value|figure|result|performance figure|actual value|data value)$/;
/** Columns that hold a period's figure under a name of their own: the figure a board looks at first. */
const headlinePattern =
  /^(?:latest|current|previous|prior|last)(?: (?:period|figure|value|position|data|outturn|performance|result|actual|month|quarter|year|reported))?$|^(?:same period )?last year$|^(?:financial )?year to date$|^f?ytd$/;
/** Labels that are periods on their own: a year's summary figure. */
const summaryPeriod = /^(?:average|avg|ytd|year to date|outturn|actual|full year|year end)$/i;
/** A short-written year after a quarter: "Q1 21/22", "Qtr 2 21-22". */
const shortYearAfterQuarter = new RegExp(
  String.raw`^(?:q|qtr|quarter)\s*[1-4]\s+(?:fy\s*)?\d{2}\s*[/${dashes}]\s*\d{2}$`,
  "i"
);

// The roles, tried in order on a header's loose words ("KPI No." is "kpi no", "Good is:" is "good is").
const polarityPattern =
  /\bpolarity\b|^direction(?: of improvement)?$|^good(?: performance)?(?: is)?(?: high or low)?$|^what good looks like$|^(?:is )?better (?:if|is|when)$|^aim$|^higher or lower(?: is better)?$/;
/**
 * A direction heading is a polarity heading when a word of aim or merit qualifies it, in any order
 * ("Expected direction", "Desired direction of performance", "Good direction"); a direction of travel,
 * trend or change is the direction of travel, and a direction with no such word ("Strategic direction")
 * is not read.
 */
const directionWord = /\bdirection\b/;
const aimOrMeritWord =
  /\b(?:expected|desired|preferred|intended|target(?:ed)?|required|ideal|optimal|wanted|good|better|best|positive|favourable|favorable|improvement|improving|aim(?:ed)?)\b/;
const notMeritDirection = /\b(?:travel|trend|change|dot)\b/;
function isDirectionOfMerit(loose: string): boolean {
  return directionWord.test(loose) && aimOrMeritWord.test(loose) && !notMeritDirection.test(loose);
}
const ragPattern = /\brag\b|\bstatus\b|^rating$|^red amber green$/;
const unitPattern = /^units?(?: of measure(?:ment)?)?$|^measure(?:ment)? unit$/;
const measurePattern =
  /\bmeasures?\b|^(?:key )?(?:performance )?indicators?(?: (?:description|name|title))?$|^kpi (?:name|description|title)$|^(?:description|metrics?)$/;
const kpiNumberPattern = /^kpi(?: no| number| num)?$/;
const referencePattern =
  /^(?:ref(?:erence)?(?: no| number| code| id)?|no|number|num|id|code|kpi (?:ref|reference|id|code)|(?:indicator|measure|pi) (?:ref|reference|no|number|id|code))$/;
const sectionPattern =
  /^(?:type|section|category|area|theme|service|service area|domain|priority|outcome|group)$/;
const directionPattern = /\bdot\b|\bdirection of travel\b|\btrend\b|\btravel\b/;
const commentaryPattern =
  /\bcomment(?:s|ary)?\b|\bnotes?\b|\bnarrative\b|\bexplanation\b|\bactions?\b/;
/** Columns beside the periods that are read as context, whatever year or quarter their label names. */
const notPeriodPattern =
  /\bdata period\b|\bperiod covered\b|\bfrequency\b|\bsources?\b|\bowners?\b|\blead\b|\bnumerator\b|\bdenominator\b|\bchange\b|\bvariance\b|\bdifference\b|\bbaseline\b|\bforecast\b|\bprojection\b/;

/** What an export adds to each row: when and by whom it was last written ("Last updated", "Modified by"). */
const recordKeepingPattern =
  /^(?:date )?(?:last )?(?:updated|modified|edited|reviewed|refreshed|changed|created|published|uploaded)(?: (?:on|by|at|date|time))?$|^(?:date|time) (?:of )?(?:last )?(?:update|modification|edit|review|refresh|upload)$/;

/** The text of a header cell, with a date (a month header stored as an Excel date) written "Apr-21". */
export function headerText(cell: CellValue, numberFormat = "General"): string {
  if (typeof cell === "number" && isDateFormat(numberFormat)) return monthLabel(cell);
  if (cell === null || typeof cell === "object") return "";
  return String(cell).replace(/\s+/g, " ").trim();
}

/** Whether a number format shows a date: a d, y or mmm outside quotes, escapes and brackets. */
export const isDateFormat: (numberFormat: string) => boolean = rememberedByText((numberFormat) => {
  const plain = numberFormat.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "").toLowerCase();
  return /[dy]/.test(plain) || /mmm/.test(plain);
});

/** An Excel date serial as "Apr-21", the way analysts label monthly periods. */
export function monthLabel(serial: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
  const month = monthNames[date.getUTCMonth()];
  return `${month.charAt(0).toUpperCase()}${month.slice(1)}-${String(date.getUTCFullYear() % 100).padStart(2, "0")}`;
}

/** Whether a label names a period: a year, quarter, month or a year's summary figure. */
export function isPeriodLabel(label: string): boolean {
  const text = label.replace(/\s+/g, " ").trim();
  return (
    yearPattern.test(text) ||
    quarterPattern.test(text) ||
    monthPattern.test(text) ||
    summaryPeriod.test(text) ||
    shortYearAfterQuarter.test(text) ||
    yearOnly.test(text)
  );
}

/** Whether a label is a year and nothing else ("2022/23", "FY23/24"): one that can stand over its quarters. */
export function isYearLabel(label: string): boolean {
  return yearOnly.test(label.trim());
}

/**
 * The role of one label, or null when the label names nothing the add-in knows (a section name, a
 * council's own column). Taught words win over the built-in ones.
 */
export function knownRoleOfLabel(label: string, taught?: TaughtHeaders): ColumnRole | null {
  const plain = label.replace(/\s+/g, " ").trim();
  if (plain === "") return null;
  const loose = looseHeader(plain);
  const learnt =
    taught === undefined ? undefined : (taught.get(loose) ?? taughtWithYear(plain, taught));
  if (learnt === "not a period") return { kind: "other" };
  if (learnt === "period") return { kind: "period", label: plain };
  if (learnt)
    return learnt.kind === "tolerance" && learnt.set === ""
      ? { kind: "tolerance", set: standardSet }
      : learnt;
  const threshold = readThresholdHeader(plain);
  if (threshold?.role === "tolerance") {
    const { year, unit, otherWords, margin } = threshold;
    return {
      kind: "tolerance",
      set: otherWords === "" ? standardSet : otherWords,
      ...qualifiers(year, unit, otherWords),
      ...(margin ? { margin } : {}),
    };
  }
  if (polarityPattern.test(loose) || isDirectionOfMerit(loose)) return { kind: "polarity" };
  if (ragPattern.test(loose)) return { kind: "rag" };
  if (directionPattern.test(loose)) return { kind: "direction of travel" };
  if (commentaryPattern.test(loose)) return { kind: "commentary" };
  if (notPeriodPattern.test(loose) || recordKeepingPattern.test(loose)) return { kind: "other" };
  if (threshold?.role === "target" || threshold?.role === "stretch")
    return {
      kind: threshold.role,
      ...qualifiers(threshold.year, threshold.unit, threshold.otherWords),
    };
  const comparator = readComparatorHeader(plain);
  if (comparator) return comparator;
  if (unitPattern.test(loose)) return { kind: "unit" };
  if (measurePattern.test(loose)) return { kind: "measure" };
  if (kpiNumberPattern.test(loose)) return { kind: "kpi number" };
  if (referencePattern.test(loose)) return { kind: "reference" };
  if (sectionPattern.test(loose)) return { kind: "section" };
  if (periodNamePattern.test(loose)) return { kind: "period name" };
  if (valuePattern.test(loose)) return { kind: "value" };
  if (headlinePattern.test(loose)) return { kind: "period", label: plain, headline: true };
  if (isPeriodLabel(plain)) return { kind: "period", label: plain };
  return null;
}

/** Only the qualifiers a header has, so a plain header's role stays { kind: "target" }. */
function qualifiers(
  year: YearKey | undefined,
  unit: ThresholdUnit | undefined,
  otherWords: string
): ThresholdQualifiers {
  return {
    ...(year === undefined ? {} : { year }),
    ...(unit === undefined ? {} : { unit }),
    ...(otherWords === "" ? {} : { otherWords }),
  };
}

/** The role a column plays, from its header label (both header rows joined). */
export function roleOfLabel(label: string, taught?: TaughtHeaders): ColumnRole {
  return knownRoleOfLabel(label, taught) ?? { kind: "other", understood: false };
}

const thresholdKinds = new Set<ColumnRole["kind"]>(["polarity", "target", "tolerance", "stretch"]);
const readAsideKinds = new Set<ColumnRole["kind"]>([
  "rag",
  "direction of travel",
  "commentary",
  "other",
]);

/**
 * The role of a column whose header spans rows, its labels top to bottom. A comparator or a column read
 * aside (RAG, commentary) anywhere in the stack decides; thresholds are named by their lowest label
 * ("Target Range" over "Tolerance"); periods are joined with the year first, whichever row holds it
 * ("2022/23" merged over "Q1" gives "2022/23 Q1", and so does "Q1" over "2022/23").
 */
export function roleOfHeader(parts: readonly string[], taught?: TaughtHeaders): ColumnRole {
  const labels = distinctLabels(parts);
  if (labels.length === 0) return { kind: "other" };
  if (labels.length === 1) return roleOfLabel(labels[0], taught);
  const roles = labels.map((label) => knownRoleOfLabel(label, taught));
  if (roles.some((role) => role?.kind === "comparator" || role?.kind === "comparator text")) {
    const own = labels[labels.length - 1];
    return (
      readComparatorHeader(own, labels.slice(0, -1).join(" ")) ??
      readComparatorHeader(labels[0], labels.slice(1).join(" ")) ?? { kind: "other" }
    );
  }
  const aside = roles.find((role) => role !== null && readAsideKinds.has(role.kind));
  if (aside) return aside;
  if (roles.some((role) => role !== null && thresholdKinds.has(role.kind))) {
    // The lowest label names the column where it is a threshold itself ("Target" under "Target Range",
    // "Amber threshold" under a year); otherwise the labels together do ("Tolerance" over "Covid19").
    const lowest = roles[roles.length - 1];
    return lowest !== null && thresholdKinds.has(lowest.kind)
      ? withYearAbove(lowest, labels)
      : roleOfLabel(labels.join(" "), taught);
  }
  const named = roles.find((role) => role !== null && role.kind !== "period");
  if (named) return named;
  if (roles.some((role) => role?.kind === "period")) {
    // A group header over the periods ("Our performance") is no part of a period's name.
    const named = labels.filter((_, index) => roles[index] !== null);
    // "Year to date" under its year repeats a period's figure still: the column map names it so.
    const lowest = roles[roles.length - 1];
    return lowest?.kind === "period" && lowest.headline
      ? { kind: "period", label: periodLabel(named), headline: true }
      : { kind: "period", label: periodLabel(named) };
  }
  return roleOfLabel(labels.join(" "), taught);
}

/** A target or tolerance under a year merged over it ("2023/24" over "Target") is that year's. */
function withYearAbove(role: ColumnRole, labels: readonly string[]): ColumnRole {
  if (
    (role.kind !== "target" && role.kind !== "tolerance" && role.kind !== "stretch") ||
    role.year !== undefined
  )
    return role;
  const yearLabel = labels.find((label) => yearOnly.test(label));
  const year = yearLabel === undefined ? null : namedYear(yearLabel);
  return year === null ? role : { ...role, year };
}

/** Labels stacked over a column, year first: "2022/23 Q1"; a month keeps its place before the year, "Apr 2022". */
function periodLabel(labels: readonly string[]): string {
  const yearAt = labels.findIndex((label) => yearOnly.test(label));
  if (yearAt < 0 || labels.some((label, index) => index !== yearAt && yearPattern.test(label))) {
    return labels.join(" ");
  }
  const others = labels.filter((_, index) => index !== yearAt);
  if (others.every((label) => monthPattern.test(label)))
    return [...others, labels[yearAt]].join(" ");
  return [labels[yearAt], ...others].join(" ");
}

function distinctLabels(parts: readonly string[]): string[] {
  const labels: string[] = [];
  for (const part of parts) {
    const label = part.replace(/\s+/g, " ").trim();
    if (label !== "" && labels[labels.length - 1] !== label) labels.push(label);
  }
  return labels;
}

/**
 * Whether a label can sit above the main header row, spanning columns: a year merged over its quarters,
 * a "Latest benchmarks (2021/22)" over England and SN, a "RAG" over its quarters.
 */
export function isHeaderParent(label: string, taught?: TaughtHeaders): boolean {
  if (label === "") return true;
  const role = knownRoleOfLabel(label, taught);
  if (role === null) return false;
  return (
    role.kind === "period" ||
    role.kind === "comparator" ||
    role.kind === "comparator text" ||
    readAsideKinds.has(role.kind) ||
    role.kind === "target" ||
    role.kind === "tolerance"
  );
}

/** Whether a cell's text could be the lower half of a two-row header ("Target", "Average", "Qtr1", "England"). */
export function isHeaderContinuation(text: string, taught?: TaughtHeaders): boolean {
  if (text === "" || /^(?:target|tolerance|range|standard|actual|average)$/i.test(text))
    return true;
  const role = knownRoleOfLabel(text, taught);
  if (role === null) return false;
  return (
    role.kind !== "measure" &&
    role.kind !== "section" &&
    role.kind !== "kpi number" &&
    role.kind !== "reference"
  );
}
