import { afterEach, describe, expect, test } from "vitest";
import { watchCellChanges, watchSheetActivation } from "../../src/excel/events";
import { createExcelHost, type ExcelHost } from "../support";

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function installed(): ExcelHost {
  const host = createExcelHost({
    KPIs: [
      ["Measure", "Polarity", "Target", "2022/23 Q3"],
      ["Assessments completed within 45 days", "Bigger is better", "90%", "75%"],
    ],
    Notes: [["Notes"]],
  });
  uninstall = host.install();
  return host;
}

describe("the pane's watches on the workbook", () => {
  test("tells the pane which sheet's cells changed, and nothing once stopped", async () => {
    const host = installed();
    const changed: string[] = [];
    const watch = await Excel.run((context) =>
      watchCellChanges(context, (sheetId) => changed.push(sheetId))
    );
    await host.type("KPIs", "D2", "80%");
    expect(changed).toEqual([host.sheet("KPIs").id]);
    await watch.stop();
    await host.type("KPIs", "D2", "85%");
    expect(changed).toHaveLength(1);
  });

  test("tells the pane of a sheet switch, and nothing once stopped", async () => {
    const host = installed();
    let switches = 0;
    const watch = await Excel.run((context) =>
      watchSheetActivation(context, () => {
        switches += 1;
      })
    );
    await host.activate("Notes");
    expect(switches).toBe(1);
    await watch.stop();
    await host.activate("KPIs");
    expect(switches).toBe(1);
  });
});
