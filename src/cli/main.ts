/**
 * kpi-rag: formats the KPI tables of an .xlsx workbook with RAG conditional formatting, without Excel.
 * The same core finds the tables and plans the rules as the task pane does.
 */
import { promises as files } from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import { buildRegister, findTables, planFormatting, registerSheetName, skippedSheetLine, toleranceSetKey, toleranceSetsOf, wordsOfGrid, type FormattingPlan, type FoundTables } from "../core";
import { parseArguments, usage, type CommandOptions } from "./arguments";
import { summaryLines, type SkippedSheet } from "./summary";
import { applyPlan, CommandProblem, gridOf, readWorkbookFile, registerTableOf, removeOwnRules, workbookBytes, writeOutputs, type Output as FileOutput } from "./xlsx";

export interface Output {
  out: (line: string) => void;
  error: (line: string) => void;
}

const consoleOutput: Output = { out: (line) => console.log(line), error: (line) => console.error(line) };

/** Runs the command; resolves to the exit code. Never throws: every failure is one line on stderr. */
export async function main(argv: readonly string[], output: Output = consoleOutput): Promise<number> {
  const parsed = parseArguments(argv);
  if (parsed.ok === "help") {
    output.out(usage);
    return 0;
  }
  if (!parsed.ok) {
    output.error(`kpi-rag: ${parsed.problem}`);
    output.error("Run kpi-rag --help for how to use it.");
    return 2;
  }
  try {
    await run(parsed.options, output);
    return 0;
  } catch (error) {
    output.error(`kpi-rag: ${error instanceof CommandProblem ? error.message : `something unexpected went wrong (${error instanceof Error ? error.message : String(error)}); nothing was written`}`);
    return 1;
  }
}

export function defaultOutput(workbook: string): string {
  const parsed = path.parse(workbook);
  return path.join(parsed.dir, `${parsed.name}.rag.xlsx`);
}

async function run(options: CommandOptions, output: Output): Promise<void> {
  const out = options.out ?? defaultOutput(options.workbook);
  await checkOutput(options.workbook, out, options.force);
  if (options.report) {
    await checkOutput(options.workbook, options.report, options.force);
    if (path.resolve(options.report) === path.resolve(out)) throw new CommandProblem(`The report and the output are the same file (${out}): give the report its own name`);
  }

  const workbook = await readWorkbookFile(options.workbook);
  const sheets = chosenSheets(workbook, options.sheet);
  if (options.remove) {
    const removed = sheets.reduce((count, worksheet) => count + removeOwnRules(worksheet), 0);
    await writeOutputs([{ file: out, bytes: await workbookBytes(workbook), what: "output" }]);
    output.out(`Removed ${removed} KPI RAG rule${removed === 1 ? "" : "s"}; the analyst's own rules are kept.`);
    output.out(`Wrote ${out}`);
    return;
  }

  // The words the workbook teaches (its KPIWords table on the KPI Register sheet) read its headers and rows.
  const registerSheet = workbook.worksheets.find((worksheet) => worksheet.name.toLowerCase() === registerSheetName.toLowerCase());
  const taught = wordsOfGrid(registerSheet ? gridOf(registerSheet) : undefined);
  const register = buildRegister(registerTableOf(workbook), taught.words);
  const registerProblems = [...register.problems, ...taught.problems];
  const read = sheets.map((worksheet) => ({ worksheet, found: findTables(gridOf(worksheet), register, { words: taught.words }) }));
  const found = read.filter(({ found }) => found.tables.length > 0);
  const skipped = skippedSheets(read.map((sheet) => sheet.found));
  if (found.length === 0) {
    const reasons = skipped.map((sheet) => skippedSheetLine(sheet.sheet, sheet.reason)).join(" ");
    throw new CommandProblem(`${options.workbook} has no KPI table${options.sheet ? ` on the sheet ${options.sheet}` : ""}. ${reasons} The add-in looks for a header row with a Measure column, a Polarity and Target column (or a KPI number column), and one column per period such as 2019/20 or Apr-21.`);
  }
  const sets = toleranceSetsOf(found.map((sheet) => sheet.found));
  const toleranceSet = sets.find((set) => toleranceSetKey(set) === toleranceSetKey(options.toleranceSet));
  if (!toleranceSet) throw new CommandProblem(`There is no tolerance set "${options.toleranceSet}" in this workbook: it has ${sets.join(" and ")}`);

  const plans: FormattingPlan[] = found.map(({ worksheet, found }) => {
    const plan = planFormatting(found, toleranceSet);
    applyPlan(worksheet, plan);
    return plan;
  });
  const outputs: FileOutput[] = [{ file: out, bytes: await workbookBytes(workbook), what: "output" }];
  if (options.report) outputs.push({ file: options.report, bytes: reportText(options.workbook, plans, registerProblems, skipped), what: "report" });
  await writeOutputs(outputs);
  for (const line of summaryLines(plans, registerProblems, skipped)) output.out(line);
  output.out(`Wrote ${out}${options.report ? ` and ${options.report}` : ""}`);
}

function chosenSheets(workbook: ExcelJS.Workbook, sheet: string | undefined): ExcelJS.Worksheet[] {
  if (sheet === undefined) return workbook.worksheets;
  const worksheet = workbook.worksheets.find((candidate) => candidate.name.toLowerCase() === sheet.toLowerCase());
  if (!worksheet) throw new CommandProblem(`There is no sheet "${sheet}": the workbook has ${workbook.worksheets.map((candidate) => candidate.name).join(", ")}`);
  return [worksheet];
}

async function checkOutput(input: string, out: string, force: boolean): Promise<void> {
  if (path.resolve(out) === path.resolve(input)) throw new CommandProblem(`The output must not be the workbook itself (${input}): kpi-rag never changes its input`);
  const [inputReal, outReal] = await Promise.all([files.realpath(input).catch(() => null), files.realpath(out).catch(() => null)]);
  if (inputReal !== null && inputReal === outReal) throw new CommandProblem(`The output must not be the workbook itself (${input}): kpi-rag never changes its input`);
  if (outReal !== null && !force) throw new CommandProblem(`${out} already exists: add --force to replace it`);
}

/** The sheets with no KPI table, each with why. */
function skippedSheets(found: readonly FoundTables[]): SkippedSheet[] {
  return found.flatMap((sheet) => (sheet.skipped === undefined ? [] : [{ sheet: sheet.sheet, reason: sheet.skipped }]));
}

function reportText(workbook: string, plans: FormattingPlan[], registerProblems: string[], skipped: SkippedSheet[]): string {
  const report = {
    workbook: path.basename(workbook),
    toleranceSet: plans[0]?.toleranceSet ?? "Standard",
    registerProblems,
    skippedSheets: skipped,
    sheets: plans.map((plan) => ({ sheet: plan.sheet, rules: plan.rules.length, tables: plan.tables })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
