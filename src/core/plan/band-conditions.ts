/**
 * A rule's Excel conditions: each status's bands as conditions on the figure in the sheet's scale, the
 * test of "better than the period before" for Amber by direction, and the formula that guards them so a
 * cell that is not a figure gets no colour.
 */
import type { Band } from "../rating/bands";
import type { Definition, Polarity } from "../definition/definition";
import { columnLetters, parseCellAddress } from "../values/grid";
import { ragStatuses, type RagStatus } from "../values/status";
import { fractionToPercent } from "../definition/units";
import { formulaStrippedWords } from "../definition/figure-flags";
import { ruleMarker } from "./own-rule";

export interface StatusConditions {
  status: RagStatus;
  conditions: string[];
  key: string;
}

/** Conditions by set of bands, then by scale and whether a period before is compared: one per plan. */
export type ConditionsMemo = WeakMap<readonly Band[], Map<string, StatusConditions[]>>;

/**
 * Stands in a condition for "the figure is better than the period before's", filled in per rule by
 * `improvedTest` once the rule's cell is known (it holds no X or Y, which `ruleFormula` fills in).
 */
export const betterThanBefore = "BETTERTHANBEFORE";

/**
 * Each status's conditions in the sheet's scale, worked out once per set of bands and scale (rows share
 * them). A band Amber by direction is Amber where the figure is better than the period before and Red
 * otherwise; with no period before (`comparesBefore` false) it is Red.
 */
export function conditionsOf(
  memo: ConditionsMemo,
  statusBands: readonly Band[],
  definition: Definition,
  comparesBefore = false
): StatusConditions[] {
  const whole = keptWhole(definition);
  let byScale = memo.get(statusBands);
  if (!byScale) {
    byScale = new Map();
    memo.set(statusBands, byScale);
  }
  const cacheKey = `${whole}|${comparesBefore}`;
  const cached = byScale.get(cacheKey);
  if (cached) return cached;
  const toSheet = whole ? fractionToPercent : (value: number) => value;
  const result = ragStatuses.flatMap((status) => {
    const conditions = statusBands.flatMap((band) => {
      const condition = bandCondition(band, (value) => formulaNumber(toSheet(value)));
      if (!band.byDirection || !comparesBefore) return band.status === status ? [condition] : [];
      if (status === "Amber") return [`AND(${condition},${betterThanBefore})`];
      return status === band.status ? [`AND(${condition},NOT(${betterThanBefore}))`] : [];
    });
    return conditions.length === 0
      ? []
      : [{ status, conditions, key: `${status}|${conditions.join(";")}` }];
  });
  byScale.set(cacheKey, result);
  return result;
}

/** How far back the period before a cell lies: columns back on its row, or (a long table) rows away. */
export interface Back {
  readonly rows: number;
  readonly columns: number;
}

/**
 * Whether the rule's cell is better than the period before it, `back` away (a relative reference, so it
 * moves with each cell): strictly, polarity-aware, as `rate` compares them. A period before with no figure
 * (blank, a word, an error, TRUE) makes it FALSE, so the cell is Red.
 */
export function improvedTest(
  anchor: string,
  back: Back,
  polarity: Polarity,
  definition: Definition
): string {
  const at = parseCellAddress(anchor);
  if (!at || at.row - back.rows < 0 || at.column - back.columns < 0) return "FALSE()";
  const before = `${columnLetters(at.column - back.columns)}${at.row - back.rows + 1}`;
  const whole = keptWhole(definition);
  const now = figureOf(anchor, whole);
  const then = figureOf(before, whole);
  const toSheet = (value: number): string =>
    formulaNumber(whole ? fractionToPercent(value) : value);
  let better: string;
  if (polarity.kind === "higher") better = `${now}>${then}`;
  else if (polarity.kind === "lower") better = `${now}<${then}`;
  else {
    const distance = (figure: string): string =>
      `MAX(${toSheet(polarity.low)}-${figure},0,${figure}-${toSheet(polarity.high)})`;
    better = `${distance(now)}<${distance(then)}`;
  }
  return `IFERROR(AND(${before}<>"",NOT(ISLOGICAL(${before})),${better}),FALSE())`;
}

/**
 * One band as an Excel condition on the figure `X` (replaced by the anchor cell), each edge written by
 * `edge`: its figure in the sheet's scale ("X>=0.9", "AND(X>0.09,X<=0.15)") or the cell holding it.
 */
export function bandCondition(band: Band, edge: (value: number) => string): string {
  const parts: string[] = [];
  if (band.low !== -Infinity) parts.push(`X${band.lowInclusive ? ">=" : ">"}${edge(band.low)}`);
  if (band.high !== Infinity) parts.push(`X${band.highInclusive ? "<=" : "<"}${edge(band.high)}`);
  if (parts.length === 0) return "TRUE";
  return parts.length === 1 ? parts[0] : `AND(${parts.join(",")})`;
}

/**
 * The rule's formula. A blank cell is not zero (A1<>""), TRUE/FALSE are not figures, and the figure
 * expression reads text figures ("91%", "1,234", "22.5 days", "56p") as the core does, in every locale;
 * text that is nothing but flags ("u", "[p]") would read as 0, so the rule requires some text to be left.
 * Text that is not a figure makes the formula an error, and Excel paints nothing for an error.
 */
export function ruleFormula(
  anchor: string,
  conditions: string[],
  benchmark?: string,
  guards: readonly string[] = [],
  whole = false
): string {
  const figure = figureOf(anchor, whole);
  const test = conditions.length === 1 ? conditions[0] : `OR(${conditions.join(",")})`;
  // The benchmark (Y in the conditions) is the register's figure, written as a number, or a cell on the row,
  // which must hold a figure too: a blank or suppressed benchmark paints nothing.
  const literal = benchmark === undefined || /^-?\d/.test(benchmark);
  const benchmarkGuard = literal ? "" : `${figureGuard(benchmark)},`;
  const benchmarkFigure = literal ? (benchmark ?? "") : figureOf(benchmark);
  // One pass, so a column named X or Y in a reference is never taken for a placeholder.
  const filled = test.replace(/[XY]/g, (placeholder) =>
    placeholder === "X" ? figure : benchmarkFigure
  );
  // Guards on the row's threshold cells (see threshold-references.ts) come before the test, read as written.
  const thresholdGuards = guards.length === 0 ? "" : `${guards.join(",")},`;
  return `=AND(${ruleMarker},${figureGuard(anchor)},${benchmarkGuard}${thresholdGuards}${filled})`;
}

/**
 * A cell's figure in every locale: a number as it is; text with its units and flags taken out, read with "."
 * as the decimal point. In a row of whole-number percentages (`whole`) a "91%" typed as text is 91, as the
 * core reads it, so its % is taken out too (NUMBERVALUE would make it 0.91).
 */
function figureOf(cell: string, whole = false): string {
  const text = whole
    ? `SUBSTITUTE(${strippedTextFormula(cell)},"%","")`
    : strippedTextFormula(cell);
  return `IF(ISNUMBER(${cell}),${cell},NUMBERVALUE(${text},".",","))`;
}

/** Whether a definition's percentages are kept as whole numbers (90 for 90%) in the sheet. */
export function keptWhole(definition: Definition): boolean {
  return definition.unit === "percent" && definition.scale === "whole";
}

/** That a cell may hold a figure: not blank, not TRUE or FALSE, and not text of flags alone. */
function figureGuard(cell: string): string {
  return `${cell}<>"",NOT(ISLOGICAL(${cell})),${strippedTextFormula(cell)}<>""`;
}

export function formulaNumber(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/**
 * The rule formula's text of a cell with what `formulaStrippedWords` lists taken out, and all from "per" on,
 * for NUMBERVALUE: "56p" gives "56", "22.5 Days" "22.5", "35 per 10,000 [r]" "35". Text that is nothing but
 * flags comes out empty, which the rule must refuse (NUMBERVALUE reads empty text as 0).
 */
export function strippedTextFormula(cell: string): string {
  const lower = `LOWER(${cell})`;
  let text = `LEFT(${lower},FIND("per",${lower}&"per")-1)`;
  for (const word of formulaStrippedWords) text = `SUBSTITUTE(${text},"${word}","")`;
  return text;
}
