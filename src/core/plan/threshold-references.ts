/**
 * Rules that read a row's own thresholds. Where a row's target (and tolerance, and stretch under Blue for
 * exceeding) is a plain number in a cell of its own row that the core read as it is, the rule refers to that
 * cell ($D12, column fixed, row relative) instead of holding its figure. Rows alike in shape then share one
 * rule, adjacent ones merge into rectangles, and an edited target recolours at once. Guards keep an edit the
 * core would read otherwise from painting a wrong colour: a threshold turned into words, a figure on the
 * other side of 1 in a percentage row, thresholds out of order, or a blank threshold filled in all paint
 * nothing until the rules are applied again. Every other row keeps rules holding figures.
 */
import type { Band } from "../rating/band";
import type { Definition } from "../definition/definition";
import { isStandardSet, standardSet, toleranceSetKey } from "../definition/tolerance-set";
import { fractionToPercent } from "../definition/units";
import type { Scheme } from "../rating/scheme";
import type { CellValue } from "../values/cell";
import { columnLetters } from "../values/grid";
import { ragStatuses, type RagStatus } from "../values/status";
import type { KpiRow, KpiTable } from "../sheet/tables";
import { bandCondition, formulaNumber, keptWhole } from "./band-conditions";

type Role = "target" | "tolerance" | "stretch";

/** The columns (0-based) of a table's thresholds, one a role at most. */
export type ThresholdColumns = Partial<Record<Role, number>>;

/** A row's rules in the shape that reads its thresholds: `{target}` and the like stand for the cells on the rule's row. */
export interface ReferencedBands {
  /** The same for rows whose rules read alike: columns, conditions and guards, no figures. */
  key: string;
  statuses: Array<{ status: RagStatus; conditions: string[] }>;
  /** Conditions that must all hold before any colour is painted. */
  guards: string[];
  /** Each token's column letters. */
  columns: ReadonlyArray<readonly [token: string, letters: string]>;
  /** Whether the rows keep whole-number percentages (`keptWhole`), so "91%" typed as text is read as 91. */
  whole: boolean;
}

/**
 * The columns a table's rows read their own thresholds from, where each is one column with no year and no
 * unit in its header (so no year's fallback and no unit scaling stand between the cell and what the core
 * read); undefined where the table has any other threshold column.
 */
export function thresholdColumnsOf(table: KpiTable): ThresholdColumns | undefined {
  const targets: number[] = [];
  const tolerances: Array<{ column: number; standard: boolean }> = [];
  const stretches: number[] = [];
  for (const { column, role } of table.columns) {
    if (role.kind !== "target" && role.kind !== "tolerance" && role.kind !== "stretch") continue;
    if (role.year !== undefined || role.unit !== undefined) return undefined;
    if (role.kind === "target") targets.push(column);
    else if (role.kind === "stretch") stretches.push(column);
    else tolerances.push({ column, standard: isStandardSet(role.set) });
  }
  // A table's only tolerance column is its standard one, whatever its words.
  const standard =
    tolerances.length === 1 ? tolerances : tolerances.filter((column) => column.standard);
  if (targets.length !== 1 || standard.length > 1 || stretches.length > 1) return undefined;
  if (tolerances.length > 0 && standard.length === 0) return undefined;
  return { target: targets[0], tolerance: standard[0]?.column, stretch: stretches[0] };
}

/** The thresholds a scheme rates by. */
function rolesOf(scheme: Scheme): readonly Role[] {
  if (scheme.kind === "green and red") return ["target"];
  if (scheme.kind === "blue for exceeding") return ["target", "tolerance", "stretch"];
  return ["target", "tolerance"];
}

/**
 * The row's bands as conditions on its own threshold cells, or undefined where a rule must hold figures:
 * a row rated from the register or by per-period thresholds, under another tolerance set or scheme than
 * Standard, Green and Red only or Blue for exceeding, or whose bands do not fall exactly on the figures of
 * its plain-number threshold cells.
 */
export function referencedBands(
  columns: ThresholdColumns,
  row: KpiRow,
  statusBands: readonly Band[],
  toleranceSet: string,
  scheme: Scheme
): ReferencedBands | undefined {
  const { definition } = row;
  const { standing } = definition;
  if (!mayReadItsCells(row) || standing.kind !== "rated" || standing.polarity.kind === "range")
    return undefined;
  if (
    !isStandardSet(toleranceSet) ||
    !["standard", "green and red", "blue for exceeding"].includes(scheme.kind)
  )
    return undefined;
  const toSheet = sheetScale(definition);
  if (toSheet === undefined) return undefined;
  const referenced: Array<{ token: string; letters: string; core: number; sheet: number }> = [];
  const guards: string[] = [];
  for (const role of rolesOf(scheme)) {
    const cell: CellValue | undefined = definition.wording[role];
    const column = columns[role];
    if (column === undefined) {
      if (cell !== null && cell !== undefined) return undefined;
      continue;
    }
    const token = `{${role}}`;
    if (cell === null || cell === undefined) {
      // A blank threshold the rule does not read: filled in later, it would change the bands.
      if (role !== "target") guards.push(`TRIM(${token})=""`);
      continue;
    }
    const core = coreValue(definition, role);
    if (typeof cell !== "number" || core === undefined) return undefined;
    const literal = formulaNumber(toSheet(core));
    if (Number(literal) !== cell || formulaNumber(cell) !== literal) return undefined;
    referenced.push({ token, letters: columnLetters(column), core, sheet: cell });
  }
  const used = new Set<string>();
  let unplaced = false;
  const boundary = (value: number): string => {
    const found = referenced.find((threshold) => threshold.core === value);
    if (!found) unplaced = true;
    else used.add(found.token);
    return found ? found.token : "";
  };
  const statuses = ragStatuses.flatMap((status) => {
    const conditions = statusBands
      .filter((band) => band.status === status)
      .map((band) => bandCondition(band, boundary));
    return conditions.length === 0 ? [] : [{ status, conditions }];
  });
  // Every band edge is one threshold cell, each cell an edge, and no two cells alike (else which moved?).
  if (unplaced || used.size !== referenced.length) return undefined;
  const ordered = [...referenced].sort((a, b) => a.sheet - b.sheet);
  for (let index = 1; index < ordered.length; index++)
    if (ordered[index].sheet === ordered[index - 1].sheet) return undefined;
  for (const { token } of referenced) guards.push(`ISNUMBER(${token})`);
  if (definition.unit === "percent")
    for (const { token } of referenced)
      guards.push(definition.scale === "whole" ? `ABS(${token})>1` : `ABS(${token})<=1`);
  for (let index = 1; index < ordered.length; index++)
    guards.push(`${ordered[index - 1].token}<${ordered[index].token}`);
  const letters = referenced.map(({ token, letters }) => [token, letters] as const);
  for (const role of rolesOf(scheme))
    if (columns[role] !== undefined && !referenced.some(({ token }) => token === `{${role}}`))
      letters.push([`{${role}}`, columnLetters(columns[role])]);
  const key = `${letters.map((pair) => pair.join("=")).join(",")}|${guards.join(",")}|${statuses
    .map(({ status, conditions }) => `${status}:${conditions.join(";")}`)
    .join("|")}`;
  const whole = keptWhole(definition);
  return { key: whole ? `whole|${key}` : key, statuses, guards, columns: letters, whole };
}

/**
 * Whether a row's own cells can hold what rates it: read from the sheet, not the register, with no period
 * rated by thresholds of its own. A fact of the row, not of its definition, which rows may share.
 */
export function mayReadItsCells(row: KpiRow): boolean {
  if (row.source !== "sheet") return false;
  const { cells } = row;
  for (let index = 0; index < cells.length; index++)
    if (cells[index].definition !== undefined) return false;
  return true;
}

/** How the core's figures are written in the sheet: whole-number percentages times 100; undefined where a percentage row's scale is not decided. */
function sheetScale(definition: Definition): ((core: number) => number) | undefined {
  if (definition.unit !== "percent") return (core) => core;
  if (definition.scale === "whole") return fractionToPercent;
  return definition.scale === "fraction" ? (core) => core : undefined;
}

/** The figure the core read from a role's cell as it is: no words, no margin, no reading to explain. */
function coreValue(definition: Definition, role: Role): number | undefined {
  const { standing } = definition;
  if (standing.kind !== "rated") return undefined;
  if (role === "target") return standing.targetReading === undefined ? standing.target : undefined;
  if (role === "stretch")
    return standing.stretch?.kind === "figure" ? standing.stretch.value : undefined;
  const tolerance = standing.tolerances[toleranceSetKey(standardSet)];
  return tolerance?.kind === "figure" && tolerance.reading === undefined
    ? tolerance.value
    : undefined;
}

/** A referenced rule's text for its anchor's row: each token as the cell in its column on that row. */
export function withReferences(
  formula: string,
  columns: ReferencedBands["columns"],
  row: number
): string {
  let filled = formula;
  for (const [token, letters] of columns) filled = filled.split(token).join(`$${letters}${row}`);
  return filled;
}
