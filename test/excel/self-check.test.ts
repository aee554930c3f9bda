/** "Check this Excel" against the simulated host, with the add-in's KPI.RATE calculated as Excel calls it. */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as functions from "../../src/functions/functions";
import { forgetRegister } from "../../src/excel/workbook-register";
import { checkThisExcel } from "../../src/excel/self-check";
import {
  asExcelCalls,
  createExcelHost,
  customFunctionEvaluator,
  WEB_PAYLOAD_LIMIT,
  type ExcelHostOptions,
} from "../support";

const source = path.join(__dirname, "..", "..", "src", "functions", "functions.ts");
let uninstall: (() => void) | undefined;
let current: ReturnType<typeof createExcelHost> | undefined;
afterEach(async () => {
  // The functions the check started may still be answering: let them finish while Excel is there.
  await current?.settled().catch(() => undefined);
  uninstall?.();
  forgetRegister();
});

function excelWith(options: ExcelHostOptions = {}) {
  forgetRegister();
  const host = createExcelHost(
    { Appendix: [["Measure", "Target"]] },
    {
      ...options,
      formulaEvaluator: customFunctionEvaluator(asExcelCalls(source, { rate: functions.rate })),
    }
  );
  uninstall = host.install();
  current = host;
  return host;
}

/** A real pause, short: the functions answer on timers of their own. */
const instantly = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

describe("Check this Excel", () => {
  it("passes every item on an Excel that behaves as the add-in assumes, and leaves no sheet behind", async () => {
    const host = excelWith({ requirementSets: { ExcelApi: "1.14" } });
    const sheets = host.snapshot().sheets.map((sheet) => sheet.name);
    const report = await Excel.run((context) => checkThisExcel(context, { pause: instantly }));
    expect(report.items.filter((item) => !item.passed)).toEqual([]);
    expect(report.items.map((item) => item.name)).toEqual([
      '=KPI.RATE(A1,"KPI-18") on an empty A1 says No data, not Green',
      '=KPI.RATE(A2,"KPI-18") on 0.1 in a cell formatted as % says Amber',
      "A read of 6,000 rows is split into blocks",
      "A rule over several areas is added and read back with its marker intact",
      "A rule added after an existing one keeps its own colours, and the existing one its own",
      "The add-in's rules are deleted by id, and only they",
    ]);
    expect(report.text).toMatch(
      /^KPI RAG self-check, \d{4}-\d\d-\d\d \d\d:\d\d UTC\nExcel: PC 16\.0/
    );
    expect(report.text).toContain(
      "Requirement sets: ExcelApi 1.14, SharedRuntime none, CustomFunctionsRuntime none"
    );
    expect(report.text).toContain('Locale: en-GB, decimal separator "."');
    expect(report.text).toContain("All 6 checks passed");
    expect(host.snapshot().sheets.map((sheet) => sheet.name)).toEqual(sheets);
  });

  it("passes on Excel on the web with its payload limit and on a German Windows Excel", async () => {
    excelWith({ behaviour: { platform: "OfficeOnline", responsePayloadLimit: WEB_PAYLOAD_LIMIT } });
    expect(
      (await Excel.run((context) => checkThisExcel(context, { pause: instantly }))).items.every(
        (item) => item.passed
      )
    ).toBe(true);
    uninstall?.();
    excelWith({ behaviour: { culture: { name: "de-DE", decimalSeparator: "," } } });
    expect(
      (await Excel.run((context) => checkThisExcel(context, { pause: instantly }))).items.every(
        (item) => item.passed
      )
    ).toBe(true);
  });

  it("fails the empty-cell item where a blank reaches KPI.RATE as 0 without its address, as on Windows without a matrix result", async () => {
    forgetRegister();
    const blind = (value: unknown, kpi: unknown) => functions.rate(value, kpi);
    const host = createExcelHost(undefined, {
      formulaEvaluator: customFunctionEvaluator(asExcelCalls(source, { rate: blind })),
    });
    uninstall = host.install();
    current = host;
    const report = await Excel.run((context) => checkThisExcel(context, { pause: instantly }));
    expect(report.items[0]).toMatchObject({ passed: false, detail: 'it says "Green"' });
  });

  it("fails the rating items, saying what Excel showed, where the functions never answer", async () => {
    forgetRegister();
    let answer: (value: string) => void = () => undefined;
    const never = new Promise<string>((resolve) => (answer = resolve));
    const host = createExcelHost(undefined, { formulaEvaluator: () => () => never });
    uninstall = host.install();
    current = host;
    const report = await Excel.run((context) =>
      checkThisExcel(context, { pause: instantly, patience: 1000 })
    );
    answer("too late");
    expect(report.items.slice(0, 2).map((item) => [item.passed, item.detail])).toEqual([
      [false, 'it says "#BUSY!"'],
      [false, 'it says "#BUSY!"'],
    ]);
    expect(report.text).toContain("2 of 6 checks failed");
  });

  it("says so and still removes its sheet when Excel stops the check part-way", async () => {
    const host = excelWith();
    const sheets = host.snapshot().sheets.length;
    const report = await Excel.run(async (context) => {
      const running = checkThisExcel(context, {
        pause: async () => host.rejectSyncs(1, "GeneralException"),
      });
      return running;
    });
    expect(report.items.some((item) => !item.passed)).toBe(true);
    expect(host.snapshot().sheets).toHaveLength(sheets);
  });
});
