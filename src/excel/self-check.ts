/**
 * "Check this Excel": runs the add-in's own Office.js calls on a temporary hidden sheet and says, item by
 * item, whether this Excel behaves as the add-in assumes (docs/real-excel-checks.md lists what each item
 * confirms). The sheet is deleted afterwards, whatever happened. One Excel.run; the result is plain text to copy.
 */
import { appraise, isOwnRule, planOf, ragPalette } from "../core";
import { queueDeletions } from "./rules";
import { readActiveSheet, replaceRules, type SheetLocator } from "./active-sheet";
import { detectCapabilities, supportsExcelApi, type Capabilities } from "./requirements";

export interface CheckItem {
  name: string;
  passed: boolean;
  detail: string;
}

export interface SelfCheckReport {
  items: CheckItem[];
  /** The whole report as text, to copy into an e-mail or a ticket. */
  text: string;
}

export interface SelfCheckOptions {
  /** How long to wait for the KPI.RATE formulas to calculate, in milliseconds. */
  patience?: number;
  pause?: (milliseconds: number) => Promise<void>;
  now?: () => Date;
}

/** Rows of the large block: more than the first block the reading takes, so it must come in blocks. */
const largeRows = 6000;
const analystFill = "#BDD7EE";
const analystFormula = '=F1="never this"';
const ragFills = new Set(Object.values(ragPalette).map((colours) => colours.fill.toUpperCase()));

const wait = (milliseconds: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, milliseconds));

export async function checkThisExcel(
  context: Excel.RequestContext,
  options: SelfCheckOptions = {}
): Promise<SelfCheckReport> {
  const { patience = 20_000, pause = wait, now = () => new Date() } = options;
  const capabilities = detectCapabilities();
  const environment = await describeExcel(context, capabilities);
  const sheetName = `KPI RAG check ${now().getTime().toString(36).slice(-6)}`;
  const locate: SheetLocator = (inContext) => inContext.workbook.worksheets.getItem(sheetName);
  const items: CheckItem[] = [];
  try {
    await setUpCheckSheet(context, sheetName);
    items.push(...(await checkRatings(context, locate, { patience, pause })));
    items.push(...(await checkRules(context, locate, capabilities)));
  } catch (error) {
    items.push({
      name: "The check itself ran to the end",
      passed: false,
      detail: `Excel stopped it: ${describeError(error)}`,
    });
  } finally {
    context.workbook.worksheets.getItemOrNullObject(sheetName).delete();
    await context.sync().catch(() => undefined);
  }
  return { items, text: reportText(now(), environment, items) };
}

/** The version, platform, requirement sets and locale. */
async function describeExcel(
  context: Excel.RequestContext,
  capabilities: Capabilities
): Promise<string[]> {
  const diagnostics = Office.context.diagnostics;
  const highest = (set: string, versions: string[]) =>
    [...versions]
      .reverse()
      .find((version) => Office.context.requirements.isSetSupported(set, version)) ?? "none";
  const excelApi = highest(
    "ExcelApi",
    Array.from({ length: 20 }, (_, index) => `1.${index + 1}`)
  );
  const lines = [
    `Excel: ${diagnostics?.platform ?? Office.context.platform} ${diagnostics?.version ?? "(version not given)"}`,
    `Requirement sets: ExcelApi ${excelApi}, SharedRuntime ${highest("SharedRuntime", ["1.1"])}, CustomFunctionsRuntime ${highest("CustomFunctionsRuntime", ["1.1", "1.2", "1.3", "1.4", "1.5"])}`,
  ];
  if (capabilities.cultureInfo) {
    const culture = context.workbook.application.cultureInfo;
    culture.load("name,numberFormat/numberDecimalSeparator");
    await context.sync();
    lines.push(
      `Locale: ${culture.name}, decimal separator "${culture.numberFormat.numberDecimalSeparator}"`
    );
  } else lines.push("Locale: this Excel cannot say (before ExcelApi 1.11)");
  return lines;
}

/**
 * The hidden sheet: A1 empty and A2 0.1 formatted as %, with =KPI.RATE beside them; a KPI table at F1 whose
 * first and last rows share thresholds and the middle one does not (so their rules have two areas), under one
 * rule of the analyst's; and a block of rows below, larger than the reading's first block.
 */
async function setUpCheckSheet(context: Excel.RequestContext, sheetName: string): Promise<void> {
  const sheet = context.workbook.worksheets.add(sheetName);
  sheet.visibility = Excel.SheetVisibility.hidden;
  sheet.getRange("A2").numberFormat = [["0%"]];
  sheet.getRange("A2").values = [[0.1]];
  sheet.getRange("B1:B2").formulas = [['=KPI.RATE(A1,"KPI-18")'], ['=KPI.RATE(A2,"KPI-18")']];
  sheet.getRange("F1:K4").values = [
    ["Measure", "Polarity", "Target", "Tolerance", "2022/23", "2023/24"],
    ["% of LAC with 3 or more placements", "Smaller is better", "9%", "15%", "10%", "7%"],
    ["% of CP visits in time", "Bigger is better", "90%", "75%", "88%", "93%"],
    ["% of LAC placed over 20 miles from home", "Smaller is better", "9%", "15%", "7%", "10%"],
  ];
  const analysts = sheet
    .getRange("J2:K4")
    .conditionalFormats.add(Excel.ConditionalFormatType.custom);
  analysts.custom.rule.formula = analystFormula;
  analysts.custom.format.fill.color = analystFill;
  sheet.getRange(`A10:D${9 + largeRows}`).values = Array.from({ length: largeRows }, (_, row) => [
    `Check row ${row + 1}`,
    row + 1,
    "Looked-after children reviewed on time",
    (row + 1) / largeRows,
  ]);
  await context.sync();
}

/** How long the check waits for the custom functions to answer, and how it waits. */
interface Patience {
  patience: number;
  pause: (milliseconds: number) => Promise<void>;
}

async function checkRatings(
  context: Excel.RequestContext,
  locate: SheetLocator,
  waiting: Patience
): Promise<CheckItem[]> {
  const shown = await calculated(context, locate, waiting);
  const said = (value: unknown) => (value === undefined ? "nothing" : `"${String(value)}"`);
  return [
    {
      name: '=KPI.RATE(A1,"KPI-18") on an empty A1 says No data, not Green',
      passed: shown[0] === "No data",
      detail: `it says ${said(shown[0])}`,
    },
    {
      name: '=KPI.RATE(A2,"KPI-18") on 0.1 in a cell formatted as % says Amber',
      passed: shown[1] === "Amber",
      detail: `it says ${said(shown[1])}`,
    },
  ];
}

/** B1:B2 once the custom functions have answered (#BUSY! while they work), or as they are when patience runs out. */
async function calculated(
  context: Excel.RequestContext,
  locate: SheetLocator,
  { patience, pause }: Patience
): Promise<unknown[]> {
  const range = locate(context).getRange("B1:B2");
  range.load("values");
  await context.sync();
  const values = range.values.map((row) => row[0]);
  if (!values.some((value) => value === "#BUSY!") || patience <= 0) return values;
  await pause(250);
  return calculated(context, locate, { patience: patience - 250, pause });
}

async function checkRules(
  context: Excel.RequestContext,
  locate: SheetLocator,
  capabilities: Capabilities
): Promise<CheckItem[]> {
  const items: CheckItem[] = [];
  const reading = await readActiveSheet(context, capabilities, locate);
  const rows = reading.grid.values.length;
  items.push({
    name: `A read of ${largeRows.toLocaleString("en-GB")} rows is split into blocks`,
    passed:
      reading.blocks > 1 &&
      rows >= largeRows + 9 &&
      reading.grid.values[rows - 1]?.[0] === `Check row ${largeRows}`,
    detail: `${reading.blocks} block${reading.blocks === 1 ? "" : "s"}, ${rows} rows read, the last row ${reading.grid.values[rows - 1]?.[0] === `Check row ${largeRows}` ? "intact" : "wrong"}`,
  });
  const plan = planOf(appraise(reading.grid));
  await replaceRules(context, plan, reading, capabilities, locate);
  const written = await rulesOn(context, locate);
  const own = written.filter((rule) => isOwnRule(rule.formula));
  const multiArea = own.filter((rule) => rule.areas > 1);
  items.push({
    name: "A rule over several areas is added and read back with its marker intact",
    passed:
      plan.rules.length > 0 &&
      own.length === plan.rules.length &&
      multiArea.length > 0 &&
      own.every((rule) => plan.rules.some((planned) => planned.formula === rule.formula)),
    detail: `${own.length} of ${plan.rules.length} rules read back with the marker, ${multiArea.length} over more than one area (${multiArea.map((rule) => rule.address).join("; ")})`,
  });
  const analysts = written.find((rule) => rule.formula === analystFormula);
  items.push({
    name: "A rule added after an existing one keeps its own colours, and the existing one its own",
    passed:
      analysts !== undefined &&
      analysts.fill === analystFill &&
      written.indexOf(analysts) === 0 &&
      own.every((rule) => ragFills.has(rule.fill)),
    detail: analysts
      ? `the existing rule is at priority ${written.indexOf(analysts)} with fill ${analysts.fill}; the add-in's fills: ${[...new Set(own.map((rule) => rule.fill))].join(", ")}`
      : "the existing rule is gone",
  });
  const again = await readActiveSheet(context, capabilities, locate);
  queueDeletions(context, again.ownRules, capabilities, locate);
  await context.sync();
  const left = await rulesOn(context, locate);
  items.push({
    name: "The add-in's rules are deleted by id, and only they",
    passed: left.length === 1 && left[0].formula === analystFormula,
    detail: `${left.length} rule${left.length === 1 ? "" : "s"} left: ${left.map((rule) => rule.formula).join("; ")}`,
  });
  return items;
}

interface WrittenRule {
  formula: string;
  fill: string;
  address: string;
  areas: number;
}

/** Every custom rule on the sheet in priority order, with its fill and areas: two syncs. */
async function rulesOn(
  context: Excel.RequestContext,
  locate: SheetLocator
): Promise<WrittenRule[]> {
  const formats = locate(context).getRange().conditionalFormats;
  formats.load("items/id,items/type");
  await context.sync();
  const customs = formats.items
    .filter((format) => format.type === Excel.ConditionalFormatType.custom)
    .map((format) => {
      format.custom.load("rule/formula,format/fill/color");
      const ranges = supportsExcelApi("1.9") ? format.getRanges() : null;
      ranges?.load("address,areaCount");
      return { format, ranges };
    });
  await context.sync();
  return customs.map(({ format, ranges }) => ({
    formula: format.custom.rule.formula,
    fill: String(format.custom.format.fill.color).toUpperCase(),
    address: ranges?.address ?? "",
    areas: ranges?.areaCount ?? 1,
  }));
}

function describeError(error: unknown): string {
  const code =
    typeof error === "object" && error !== null ? (error as { code?: string }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message}` : message;
}

function reportText(when: Date, environment: string[], items: CheckItem[]): string {
  const passed = items.filter((item) => item.passed).length;
  return [
    `KPI RAG self-check, ${when.toISOString().replace("T", " ").slice(0, 16)} UTC`,
    ...environment,
    "",
    ...items.map((item) => `${item.passed ? "PASS" : "FAIL"}  ${item.name}: ${item.detail}`),
    "",
    passed === items.length
      ? `All ${items.length} checks passed: this Excel behaves as KPI RAG assumes.`
      : `${items.length - passed} of ${items.length} checks failed: send this report to whoever looks after KPI RAG.`,
  ].join("\n");
}
