/** A simulated Excel holding the bundled Appendix I workbook, installed as the globals Office.js code sees. */
import path from "node:path";
import { afterEach } from "vitest";
import type { CellValue } from "../../src/core";
import { loadHostFromXlsx, type ExcelHost } from "../support";
import type { RuleToJudge } from "../support/rule-engine";

export const examples = path.join(__dirname, "..", "..", "examples");

let uninstalls: Array<() => void> = [];
afterEach(() => {
  for (const uninstall of uninstalls) uninstall();
  uninstalls = [];
});

export async function installedHost(
  workbook = "appendix-i.xlsx",
  options?: Parameters<typeof loadHostFromXlsx>[1]
): Promise<ExcelHost> {
  const host = await loadHostFromXlsx(path.join(examples, workbook), options);
  uninstalls.push(host.install());
  return host;
}

/** The sheet's cells from A1, blanks as null, for the formula engine. */
export function sheetValues(host: ExcelHost, sheet: string): CellValue[][] {
  const used = host.sheet(sheet).usedAddress();
  if (!used) return [];
  const last = used.split(":").pop()!;
  return host
    .sheet(sheet)
    .values(`A1:${last}`)
    .map((row) => row.map((cell) => (cell === "" ? null : (cell as CellValue))));
}

/** The add-in's own rules on a sheet, as the formula engine judges them. */
export function ownRulesOf(host: ExcelHost, sheet: string): RuleToJudge[] {
  return host
    .sheet(sheet)
    .conditionalFormats()
    .filter((format) => format.formula?.includes('N("KPI RAG")'))
    .map((format) => ({
      formula: format.formula!,
      appliesTo: format.appliesTo.split(/,\s*/),
      fill: format.fill!,
    }));
}
