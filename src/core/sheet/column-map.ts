/**
 * The column map: every column of a found table with the role it was read in, and the one line that says
 * so to the analyst ("B measure, C polarity coded H/L, N target, O tolerance (Floor), F–K periods; L DoT,
 * M RAG, P England, Q SN left alone"), in the report, the pane and the kpi-rag summary alike.
 */
import { columnLetters } from "../values/grid";
import type { ColumnRole, ThresholdQualifiers } from "./headers";
import { describeQualifiers } from "./threshold-header";
import { isStandardSet } from "../definition/tolerance-set";

export interface TableColumn {
  /** Sheet column, 0-based. */
  column: number;
  /** The header as read, its rows joined ("2022/23 Q1", "Latest benchmarks (2021/22) England"). */
  header: string;
  /** The header's own label, its lowest row ("England" under "Latest benchmarks (2021/22)"). */
  label: string;
  role: ColumnRole;
}

/** What the map adds: the polarity codes the column holds ("coded H/L"). */
export interface ColumnNotes {
  polarityCodes?: string[];
  /** Columns inside the table with no header whose KPI rows hold something: left alone, and said so. */
  unheaded?: readonly number[];
}

/** The columns that are read into each row's definition and ratings, in the words the line uses. */
function readAs(column: TableColumn, notes: ColumnNotes): string | null {
  const { role, label } = column;
  const named = (word: string, plain: RegExp): string =>
    plain.test(label.trim()) ? word : `${word} (${shorten(label)})`;
  switch (role.kind) {
    case "measure":
      return named("measure", /^measures?$/i);
    case "section":
      return "section";
    case "polarity":
      // The codes follow the header's own name, so "H/L" is not taken for what the header says.
      return notes.polarityCodes && notes.polarityCodes.length > 0
        ? `${named("polarity", /^polarity$/i)} coded ${notes.polarityCodes.join("/")}`
        : named("polarity", /^polarity$/i);
    case "target":
      return withQualifiers(named("target", /^target$/i), role);
    case "tolerance":
      return withQualifiers(
        isStandardSet(role.set)
          ? named("tolerance", /^tolerance$/i)
          : `tolerance set ${shorten(role.set)} (${shorten(label)})`,
        role
      );
    case "stretch":
      // Read under every scheme but rated by only one: the map says so, so no one expects Blue without it.
      return `${withQualifiers(named("stretch target", /^stretch(?: target)?$/i), role)} (used by Blue for exceeding only)`;
    case "kpi number":
      return "KPI number";
    case "reference":
      return `row reference (${shorten(label)})`;
    case "unit":
      return "unit";
    case "period":
    case "comparator":
    case "comparator text":
    case "rag":
    case "direction of travel":
    case "commentary":
    case "other":
      return null;
    case "period name":
      return named("period of each row", /^period$/i);
    case "value":
      return named("figure of each row", /^value$/i);
  }
}

/** "tolerance (Tolerance 23/24) for 2023/24's periods", "tolerance (Tolerance (pp)) in percentage points". */
function withQualifiers(words: string, qualifiers: ThresholdQualifiers): string {
  const said = describeQualifiers(qualifiers);
  return said === "" ? words : `${words} ${said}`;
}

function shorten(text: string): string {
  const plain = text.replace(/\s+/g, " ").trim();
  return plain.length > 28 ? `${plain.slice(0, 27)}…` : plain;
}

/** Runs of adjacent columns as "F–K" or "F". */
function runsOf(columns: readonly number[]): string[] {
  const runs: string[] = [];
  let start = -1;
  let last = -1;
  const close = (): void => {
    if (start >= 0)
      runs.push(
        start === last ? columnLetters(start) : `${columnLetters(start)}–${columnLetters(last)}`
      );
  };
  for (const column of columns) {
    if (column === last + 1 && start >= 0) last = column;
    else {
      close();
      start = column;
      last = column;
    }
  }
  close();
  return runs;
}

/** A column whose header the add-in does not understand: left alone, and named so the analyst can teach it. */
function notUnderstood(column: TableColumn): boolean {
  return column.role.kind === "other" && column.role.understood === false && column.label !== "";
}

/** The one-line column map of a table. */
export function describeColumns(columns: readonly TableColumn[], notes: ColumnNotes = {}): string {
  const ordered = [...columns].sort((a, b) => a.column - b.column);
  const read: string[] = [];
  const periods = ordered
    .filter((column) => column.role.kind === "period" && !column.role.headline)
    .map((column) => column.column);
  let periodsSaid = false;
  for (const column of ordered) {
    if (column.role.kind === "period" && column.role.headline) {
      read.push(`${columnLetters(column.column)} headline figure (${shorten(column.label)})`);
      continue;
    }
    if (column.role.kind === "period") {
      if (!periodsSaid) {
        const runs = runsOf(periods);
        read.push(`${runs.join(", ")} ${periods.length === 1 ? "period" : "periods"}`);
        periodsSaid = true;
      }
      continue;
    }
    const words = readAs(column, notes);
    if (words) read.push(`${columnLetters(column.column)} ${words}`);
  }
  const aside = [
    ...ordered.flatMap((column) =>
      readAs(column, notes) === null &&
      column.role.kind !== "period" &&
      column.label !== "" &&
      !notUnderstood(column)
        ? [
            {
              column: column.column,
              said: `${columnLetters(column.column)} ${shorten(column.label)}`,
            },
          ]
        : []
    ),
    ...(notes.unheaded ?? []).map((column) => ({
      column,
      said: `${columnLetters(column)} (no header)`,
    })),
  ]
    .sort((a, b) => a.column - b.column)
    .map((column) => column.said);
  const unknown = ordered
    .filter(notUnderstood)
    .map((column) => `${columnLetters(column.column)} '${shorten(column.header)}'`);
  const line =
    aside.length === 0 ? read.join(", ") : `${read.join(", ")}; ${aside.join(", ")} left alone`;
  return unknown.length === 0
    ? line
    : `${line}; ${unknown.join(", ")} not understood: teach ${unknown.length === 1 ? "it" : "them"} in KPIWords`;
}
