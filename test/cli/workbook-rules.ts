/**
 * A written workbook as the tests read it back with ExcelJS (not the command's own reader): its
 * conditional formats, the add-in's own rules among them, and those rules as the formula judge takes them.
 */
import ExcelJS from "exceljs";
import { isOwnRule } from "../../src/core";
import type { RuleToJudge } from "../support/rule-engine";

export async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

export type Formatting = {
  ref: string;
  rules: Array<{
    type: string;
    formulae?: string[];
    style?: { fill?: { bgColor?: { argb?: string } } };
  }>;
};

export function formattingsOf(worksheet: ExcelJS.Worksheet): Formatting[] {
  return (
    (worksheet as unknown as { conditionalFormattings: Formatting[] }).conditionalFormattings ?? []
  );
}

/** The add-in's own rules on a sheet, each with the areas it applies to. */
export function ownRules(worksheet: ExcelJS.Worksheet) {
  return formattingsOf(worksheet).flatMap((formatting) =>
    formatting.rules
      .filter((rule) => (rule.formulae ?? []).some(isOwnRule))
      .map((rule) => ({ ref: formatting.ref, rule }))
  );
}

/** The add-in's own rules on a sheet as the formula judge evaluates them: formula, areas and fill. */
export function rulesToJudge(worksheet: ExcelJS.Worksheet): RuleToJudge[] {
  return ownRules(worksheet).map(({ ref, rule }) => ({
    formula: rule.formulae![0],
    appliesTo: ref.split(" "),
    fill: `#${rule.style!.fill!.bgColor!.argb!.slice(2)}`,
  }));
}
