import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { appendixEdited, partOf, runOn, sheetPart } from "./hostile-workbook";
import { scratchPerTest } from "./run-command";

const workspace = scratchPerTest();

const withAnalystPriority = (priority: string): Promise<Buffer> =>
  appendixEdited({ [sheetPart]: (xml) => xml.replace('priority="1"', `priority="${priority}"`) });

describe("kpi-rag keeps its rules' priorities within Excel's 32-bit limit", () => {
  it("refuses in one line, writing nothing, a sheet whose analyst's rule already has priority 2147483647", async () => {
    const { folder } = workspace();
    const run = await runOn(folder, await withAnalystPriority("2147483647"));
    expect(run.code).toBe(1);
    expect(run.error).toEqual([
      expect.stringMatching(
        /^kpi-rag: The sheet "Appendix I" has a conditional-format rule with priority 2147483647, too near Excel's highest \(2147483647\) for kpi-rag's \d+ rules to come after it: open and save the workbook in Excel/
      ),
    ]);
    expect(readdirSync(folder)).toEqual(["hostile.xlsx"]);
  });

  it("numbers its rules after an analyst's priority of 2,000,000,000, every one within the limit", async () => {
    const run = await runOn(workspace().folder, await withAnalystPriority("2000000000"));
    expect(run.code).toBe(0);
    const priorities = [...(await partOf(run.output, sheetPart)).matchAll(/priority="(\d+)"/g)].map(
      (match) => Number(match[1])
    );
    expect(priorities[0]).toBe(2_000_000_000);
    expect(Math.max(...priorities)).toBeLessThanOrEqual(2_147_483_647);
    expect(Math.min(...priorities.slice(1))).toBe(2_000_000_001);
  });
});
