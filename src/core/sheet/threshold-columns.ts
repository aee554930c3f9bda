/**
 * A table's threshold columns settled together, as PRODUCT.md's header rules say: a table's only tolerance
 * column is its standard one, whatever follows the word; other words name an alternative set only beside a
 * standard column; a year makes a column that year's threshold. Where the columns do not say which is the
 * standard one (two plain tolerance columns for one year, or only named ones), the table is a problem and
 * is left uncoloured: the reader never picks one.
 */
import { columnLetters } from "../values/grid";
import type { YearKey } from "./period-year";
import type { ThresholdUnit } from "./threshold-header";
import { standardSet, toleranceSetKey } from "../definition/tolerance-set";

/** A target or tolerance column as its header was read. */
export interface ThresholdColumn {
  /** Grid column. */
  column: number;
  header: string;
  year?: YearKey;
  unit?: ThresholdUnit;
  /** Its plain figures are a margin around the target ("Tolerance (±)"). */
  margin?: true;
  /** Words other than the role, a year, a unit or a band word ("Covid19", "Stretch"); "" for none. */
  otherWords: string;
}

/** The threshold columns that rate the periods of one year, or (year undefined) every other period. */
export interface YearThresholds {
  year?: YearKey;
  target?: ThresholdColumn;
  standard?: ThresholdColumn;
  /** The stretch target (Blue for exceeding's edge), where the table has one column of it for the year. */
  stretch?: ThresholdColumn;
  /** Alternative tolerance sets, by the set's name. */
  others: Array<ThresholdColumn & { set: string }>;
}

export interface SettledThresholds {
  /** The thresholds of periods without a year of their own: always there, perhaps empty. */
  unqualified: YearThresholds;
  /** Each year's own thresholds, in the order first met. */
  years: YearThresholds[];
  /** Target columns that are not the table's target ("Goal 2" beside "Target"), and stretch columns that are not one year's one stretch: not understood. */
  notUnderstood: ThresholdColumn[];
  /** Why the table cannot be rated from its threshold columns; [] when it can. */
  problems: string[];
}

/** Settles a table's target, tolerance and stretch columns, in column order. */
export function settleThresholds(
  targets: readonly ThresholdColumn[],
  tolerances: readonly ThresholdColumn[],
  originColumn = 0,
  stretches: readonly ThresholdColumn[] = []
): SettledThresholds {
  const byYear = new Map<string, YearThresholds>([["", { others: [] }]]);
  const yearOf = (year: YearKey | undefined): YearThresholds => {
    const key = year ?? "";
    let found = byYear.get(key);
    if (!found) {
      found = { year, others: [] };
      byYear.set(key, found);
    }
    return found;
  };
  const problems: string[] = [];
  const notUnderstood: ThresholdColumn[] = [];

  for (const [year, columns] of groupByYear(targets)) {
    const plain = columns.filter((column) => column.otherWords === "");
    if (columns.length === 1) yearOf(year).target = columns[0];
    else if (plain.length === 1) {
      yearOf(year).target = plain[0];
      notUnderstood.push(...columns.filter((column) => column !== plain[0]));
    } else problems.push(cannotTell("target", columns, year, originColumn));
  }

  // A stretch only ever adds Blue: where a year has two, or its words say more, neither is used (and the
  // column map names them), rather than the table being left uncoloured under every scheme.
  for (const [year, columns] of groupByYear(stretches)) {
    if (columns.length === 1 && columns[0].otherWords === "") yearOf(year).stretch = columns[0];
    else notUnderstood.push(...columns);
  }

  const plainTolerances = tolerances.filter((column) => column.otherWords === "");
  if (tolerances.length === 1) yearOf(tolerances[0].year).standard = tolerances[0];
  else if (plainTolerances.length === 0) {
    // Only named columns: each is its year's standard where each year has one, else no one can tell.
    const groups = groupByYear(tolerances);
    if (groups.every(([, columns]) => columns.length === 1))
      for (const [year, columns] of groups) yearOf(year).standard = columns[0];
    else
      for (const [year, columns] of groups)
        if (columns.length > 1) problems.push(cannotTell("tolerance", columns, year, originColumn));
  } else {
    for (const [year, columns] of groupByYear(plainTolerances)) {
      if (columns.length === 1) yearOf(year).standard = columns[0];
      else problems.push(cannotTell("tolerance", columns, year, originColumn));
    }
    for (const column of tolerances) {
      if (column.otherWords === "") continue;
      const thresholds = yearOf(column.year);
      const set = column.otherWords;
      // A set named twice for one year keeps its first column, as a sheet's repeated header would.
      if (!thresholds.others.some((other) => toleranceSetKey(other.set) === toleranceSetKey(set)))
        thresholds.others.push({ ...column, set });
    }
  }
  const unqualified = byYear.get("") as YearThresholds;
  byYear.delete("");
  return { unqualified, years: [...byYear.values()], notUnderstood, problems };
}

/** Columns grouped by the year they name ("" for none), groups in the order first met. */
function groupByYear(
  columns: readonly ThresholdColumn[]
): Array<[YearKey | undefined, ThresholdColumn[]]> {
  const groups = new Map<string, ThresholdColumn[]>();
  for (const column of columns) {
    const key = column.year ?? "";
    const group = groups.get(key);
    if (group) group.push(column);
    else groups.set(key, [column]);
  }
  return [...groups.entries()].map(([key, group]) => [key === "" ? undefined : key, group]);
}

function cannotTell(
  role: "target" | "tolerance",
  columns: readonly ThresholdColumn[],
  year: YearKey | undefined,
  originColumn: number
): string {
  const listed = columns
    .map((column) => `${columnLetters(originColumn + column.column)} '${column.header}'`)
    .join(" and ");
  const which = role === "target" ? "the target" : `the ${standardSet.toLowerCase()} tolerance`;
  return `the add-in cannot tell which of ${listed} is ${which}${year === undefined ? "" : ` for ${year}`}, so the table is left uncoloured (teach it in KPIWords: the word, and Means Tolerance or <set> Tolerance)`;
}
