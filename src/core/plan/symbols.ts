/**
 * Status symbols in the sheet: where the analyst chooses them, each rule also applies a number format that
 * puts its status's symbol before the figure, so a greyscale print or a colour-blind reader still sees the
 * status. The format keeps the figure's own (0.0% stays 0.0%) and never changes its value; taking the
 * rules away takes the symbols with them.
 */
import type { Appraisal } from "../appraisal/appraisal";
import { moveFormula } from "./formula";
import { areaOfAddress, cellAddress, parseCellAddress } from "../values/grid";
import { formattingPlan, type FormattingPlan, type PlannedRule } from "./plan";
import { areasOf } from "./rule-areas";
import type { RagStatus } from "../values/status";

/** The symbol each colour status shows beside its figure. */
export const statusSymbols: Readonly<Record<RagStatus, string>> = {
  Blue: "★",
  Green: "✓",
  Amber: "!",
  Red: "✗",
};

/**
 * A number format that shows `symbol` and a space before the figure as `format` shows it: every section
 * of the format gets the symbol, after its colour or condition in brackets ([Red], [>=100]).
 */
export function symbolFormat(format: string, symbol: string): string {
  return sectionsOf(format)
    .map((section) => {
      if (section === "") return section;
      const brackets = /^(?:\[[^\]]*\])*/.exec(section)?.[0] ?? "";
      return `${brackets}"${symbol} "${section.slice(brackets.length)}`;
    })
    .join(";");
}

/** A format's sections, split at semicolons outside quotes, brackets and escapes. */
function sectionsOf(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  let bracketed = false;
  for (let index = 0; index < format.length; index++) {
    const character = format[index];
    if (character === "\\" && !quoted) {
      current += character + (format[index + 1] ?? "");
      index += 1;
      continue;
    }
    if (character === '"') quoted = !quoted;
    else if (!quoted && character === "[") bracketed = true;
    else if (!quoted && character === "]") bracketed = false;
    if (character === ";" && !quoted && !bracketed) {
      sections.push(current);
      current = "";
    } else current += character;
  }
  sections.push(current);
  return sections;
}

/**
 * The plan with symbols: each rule split by its cells' own number formats, each part applying its status's
 * symbol before that format. A rule whose cells share one format stays one rule.
 */
export function withSymbols(plan: FormattingPlan, appraisal: Appraisal): FormattingPlan {
  const formats = new Map<string, string>();
  for (const { kpi } of appraisal.rows)
    for (const cell of kpi.cells) formats.set(cellAddress(cell), cell.numberFormat);
  return { ...plan, rules: plan.rules.flatMap((rule) => symbolRules(rule, formats)) };
}

function symbolRules(rule: PlannedRule, formats: ReadonlyMap<string, string>): PlannedRule[] {
  const byFormat = new Map<string, Array<{ row: number; column: number }>>();
  for (const area of rule.appliesTo) {
    const { top, left, bottom, right } = areaOfAddress(area);
    for (let row = top; row <= bottom; row++)
      for (let column = left; column <= right; column++) {
        const format = formats.get(cellAddress({ row, column })) ?? "General";
        const cells = byFormat.get(format);
        if (cells) cells.push({ row, column });
        else byFormat.set(format, [{ row, column }]);
      }
  }
  const symbol = statusSymbols[rule.status];
  if (byFormat.size === 1) {
    const [format] = byFormat.keys();
    return [{ ...rule, numberFormat: symbolFormat(format, symbol) }];
  }
  const anchor = parseCellAddress(rule.appliesTo[0].split(":")[0]);
  return [...byFormat].map(([format, cells]) => {
    cells.sort((a, b) => a.row - b.row || a.column - b.column);
    const appliesTo = areasOf(cells);
    const first = cells[0];
    return {
      ...rule,
      formula: anchor
        ? moveFormula(rule.formula, first.row - anchor.row, first.column - anchor.column)
        : rule.formula,
      appliesTo,
      numberFormat: symbolFormat(format, symbol),
    };
  });
}

/** The rules of an appraisal as the workbook asks for them: with each status's symbol where it shows them. */
export function planOf(appraisal: Appraisal): FormattingPlan {
  const plan = formattingPlan(appraisal);
  return appraisal.symbols ? withSymbols(plan, appraisal) : plan;
}
