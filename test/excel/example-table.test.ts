import { afterEach, describe, expect, test } from "vitest";
import { insertExampleTable } from "../../src/excel/example-table";
import { AnalystProblem } from "../../src/excel/run";
import { createExcelHost } from "../support";

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

describe("the example table", () => {
  test("is written at A1 of an empty sheet as an analyst types it: 90% becomes 0.9", async () => {
    const host = createExcelHost();
    uninstall = host.install();
    await Excel.run(insertExampleTable);
    expect(host.sheet("Sheet1").values("C2:E2")).toEqual([[0.9, 0.75, 0.89]]);
  });

  test("refuses a sheet with cells, in words, and writes nothing", async () => {
    const host = createExcelHost({
      Notes: [
        [null, null],
        [null, "Board notes"],
      ],
    });
    uninstall = host.install();
    const before = host.snapshot();
    const refused = await Excel.run(insertExampleTable).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AnalystProblem);
    expect((refused as Error).message).toBe(
      "the example goes only on an empty sheet, and this one has cells"
    );
    expect(host.snapshot()).toEqual(before);
  });
});
