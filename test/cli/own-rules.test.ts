import { describe, expect, it } from "vitest";
import { isOwnRule } from "../../src/core/plan/own-rule";
import { appendixEdited, partOf, runOn, sheetPart } from "./hostile-workbook";
import { kpiRag, scratchPerTest } from "./run-command";

const workspace = scratchPerTest();

/** The formulas of a sheet's rules, as written (entities resolved). */
function formulasOf(sheet: string): string[] {
  return [...sheet.matchAll(/<formula>(.*?)<\/formula>/g)].map((match) =>
    match[1]
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
  );
}

const analystBlock =
  '<conditionalFormatting sqref="K7:K54"><cfRule type="expression" dxfId="0" priority="2"><formula>NOT(N("KPI RAG")=0)</formula></cfRule></conditionalFormatting>';

describe("kpi-rag knows its own rules by their exact shape, not by the marker text", () => {
  it("recognises every rule it writes on Appendix I, and no rule of the analyst's", async () => {
    const run = await runOn(workspace().folder, await appendixEdited({}));
    expect(run.code).toBe(0);
    const formulas = formulasOf(await partOf(run.output, sheetPart));
    const own = formulas.filter(isOwnRule);
    expect(own.length).toBeGreaterThan(0);
    expect(formulas.filter((formula) => !isOwnRule(formula))).toEqual([
      'ISNUMBER(SEARCH("late",K7))',
    ]);
  });

  it.each([
    'NOT(N("KPI RAG")=0)',
    'AND(N("KPI RAG")=0,G7<>"",NOT(ISLOGICAL(G7)),G7>0.9)*0',
    'OR(AND(N("KPI RAG")=0,G7<>"",NOT(ISLOGICAL(G7)),G7>0.9),TRUE)',
    'AND(N("KPI RAG")=0,G7>0.9)',
    'AND(N("KPI RAG")=0,G7<>"",NOT(ISLOGICAL(H7)),G7>0.9)',
  ])("takes the analyst's formula %s as theirs", (formula) => {
    expect(isOwnRule(formula)).toBe(false);
  });

  it("keeps an analyst's rule whose formula holds the marker, when formatting and when removing", async () => {
    const bytes = await appendixEdited({
      [sheetPart]: (xml) =>
        xml.replace(/(<\/conditionalFormatting>)/, (block) => `${block}${analystBlock}`),
    });
    const formatted = await runOn(workspace().folder, bytes);
    expect(formatted.code).toBe(0);
    expect(formulasOf(await partOf(formatted.output, sheetPart))).toContain('NOT(N("KPI RAG")=0)');
    const removedOut = `${formatted.output}.removed.xlsx`;
    const removed = await kpiRag(formatted.output, "--remove", "--out", removedOut);
    expect(removed.code).toBe(0);
    expect(formulasOf(await partOf(removedOut, sheetPart))).toEqual([
      'ISNUMBER(SEARCH("late",K7))',
      'NOT(N("KPI RAG")=0)',
    ]);
  });
});
