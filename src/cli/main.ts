/**
 * kpi-rag: formats the KPI tables of an .xlsx or .xlsm workbook with RAG conditional formatting, without
 * Excel. The same core finds the tables and plans the rules as the task pane does. The output is the input
 * with the add-in's own rules and their styles replaced, every other part and byte as it was.
 */
import { promises as files } from "node:fs";
import path from "node:path";
import {
  appraise,
  buildRegister,
  findTables,
  lookingFor,
  registerSheetName,
  registerTableName,
  resolveToleranceSet,
  settingsTableOfGrid,
  skippedSheetLine,
  toleranceSetsOf,
  planOf,
  wordsOfGrid,
  workbookSettings,
} from "../core";
import type { FormattingPlan, FoundTables, Register, Settings, Words } from "../core";
import { parseArguments, usage, type CommandOptions } from "./arguments";
import { sheetEdit, sheetRuleXml } from "./edit";
import { boundHeapGrowth, inOwnProcess, longSheetsBytes, stopPretenuring } from "./heap";
import { checkOutput, cleanUpOnSignals, writeWorkbook } from "./output";
import type { PartEdit } from "./package-writer";
import { CommandProblem } from "./problem";
import type { SheetContent, SheetLayout } from "./sheet";
import type { SheetCopy } from "./sheet-copy";
import { withDxfs } from "./styles";
import {
  printLines,
  reportText,
  summarisedPlan,
  visible,
  workbookSummaryLines,
  type ReportedPlan,
  type SkippedSheet,
} from "./summary";
import {
  openWorkbook,
  readSheetContent,
  sheetWithTable,
  tableCells,
  type Workbook,
  type WorkbookSheet,
} from "./workbook";

export { CommandProblem } from "./problem";

export interface Output {
  out: (line: string) => void;
  error: (line: string) => void;
}

/** Runs the command; resolves to the exit code. Never throws: every failure is one line on stderr. */
export async function main(argv: readonly string[], terminal?: Output): Promise<number> {
  if (terminal) return command(argv, terminal);
  // On the console, stdout's lines go out in one write as the command ends: a long sheet's summary is
  // thousands of lines (2,508 on 100,000 rows), and a write each took about 80 ms.
  const lines: string[] = [];
  inOwnProcess();
  try {
    return await command(argv, {
      out: (line) => lines.push(line),
      error: (line) => console.error(line),
    });
  } finally {
    printLines(lines);
  }
}

async function command(argv: readonly string[], terminal: Output): Promise<number> {
  const parsed = parseArguments(argv);
  if (parsed.ok === "help") {
    terminal.out(usage);
    return 0;
  }
  // Every other line may hold text from the workbook or the command line: shown with its control characters escaped.
  const output: Output = {
    out: (line) => terminal.out(visible(line)),
    error: (line) => terminal.error(visible(line)),
  };
  if (!parsed.ok) {
    output.error(`kpi-rag: ${parsed.problem}`);
    output.error("Run kpi-rag --help for how to use it.");
    return 2;
  }
  const uninstall = cleanUpOnSignals();
  try {
    await run(parsed.options, output);
    return 0;
  } catch (error) {
    output.error(
      `kpi-rag: ${error instanceof CommandProblem ? error.message : `something unexpected went wrong (${error instanceof Error ? error.message : String(error)}); nothing was written`}`
    );
    return 1;
  } finally {
    uninstall();
  }
}

const workbookExtensions = [".xlsx", ".xlsm", ".xltx", ".xltm"];

/** <name>.rag.xlsx beside the workbook (.rag.xlsm for a macro-enabled one). */
export function defaultOutput(workbook: string): string {
  const parsed = path.parse(workbook);
  const extension = workbookExtensions.includes(parsed.ext.toLowerCase()) ? parsed.ext : ".xlsx";
  return path.join(parsed.dir, `${parsed.name}.rag${extension}`);
}

async function run(options: CommandOptions, output: Output): Promise<void> {
  const out = options.out ?? defaultOutput(options.workbook);
  await checkInput(options.workbook);
  await checkOutput(options.workbook, out, options.force, "output");
  if (options.report) {
    if (path.resolve(options.report) === path.resolve(out))
      throw new CommandProblem(
        `The report and the output are the same file (${out}): give the report its own name`
      );
    await checkOutput(options.workbook, options.report, options.force, "report");
  }
  const workbook = await openWorkbook(options.workbook);
  try {
    const extension = path.extname(out).toLowerCase();
    if (workbookExtensions.includes(extension) && extension !== `.${workbook.kind}`) {
      throw new CommandProblem(
        `The output ${out} must end in .${workbook.kind}, as the workbook does: Excel will not open a workbook whose name does not match its kind`
      );
    }
    const sheets = chosenSheets(workbook, options.sheet);
    if (options.remove) {
      await remove(workbook, sheets, out, output);
      return;
    }
    await format(workbook, sheets, options, out, output);
  } finally {
    await workbook.zip.close();
  }
}

async function checkInput(file: string): Promise<void> {
  const stats = await files.stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") throw new CommandProblem(`There is no file ${file}`);
    throw new CommandProblem(`${file} cannot be read (${error.code ?? "unknown error"})`);
  });
  if (stats.isDirectory()) throw new CommandProblem(`${file} is a folder, not an .xlsx workbook`);
  if (!stats.isFile())
    throw new CommandProblem(`${file} is not a regular file, not an .xlsx workbook`);
}

function chosenSheets(workbook: Workbook, sheet: string | undefined): WorkbookSheet[] {
  if (sheet === undefined) return workbook.sheets;
  const chosen = workbook.sheets.find(
    (candidate) => candidate.name.toLowerCase() === sheet.toLowerCase()
  );
  if (!chosen)
    throw new CommandProblem(
      workbook.sheets.length === 0
        ? `There is no sheet "${sheet}". ${noWorksheets}`
        : `There is no sheet "${sheet}": the workbook has ${workbook.sheets.map((candidate) => candidate.name).join(", ")}`
    );
  return [chosen];
}

async function remove(
  workbook: Workbook,
  sheets: readonly WorkbookSheet[],
  out: string,
  output: Output
): Promise<void> {
  const edits = new Map<string, PartEdit>();
  const keepCopy = unpackedBytes(workbook, sheets) <= longSheetsBytes;
  let removed = 0;
  for (const sheet of sheets) {
    const { layout, copy } = await readSheetContent(workbook, sheet, keepCopy);
    if (layout.ownRules === 0) {
      copy?.begun.abandon();
      continue;
    }
    removed += layout.ownRules;
    edits.set(sheet.part.toLowerCase(), sheetEdit(workbook, sheet, layout, Buffer.alloc(0), copy));
  }
  await writeWorkbook(workbook, edits, out);
  output.out(
    `Removed ${removed} KPI RAG rule${removed === 1 ? "" : "s"}; the analyst's own rules are kept.`
  );
  output.out(`Wrote ${out}`);
}

async function format(
  workbook: Workbook,
  sheets: readonly WorkbookSheet[],
  options: CommandOptions,
  out: string,
  output: Output
): Promise<void> {
  const sheetBytes = unpackedBytes(workbook, sheets);
  boundHeapGrowth(sheetBytes);
  const { register, words, settings, problems: registerProblems } = await readRegister(workbook);
  const { found, skipped } = await findSheetTables(
    workbook,
    sheets,
    { register, words },
    sheetBytes <= longSheetsBytes
  );
  stopPretenuring();
  if (found.length === 0) throw noTableProblem(options, sheets, skipped);
  // The sets on the sheets are looked for only when a set other than Standard is asked for (the arguments
  // ask for Standard when none is given): gathering every row's sets took a twentieth of 100,000 rows' run.
  const where = "in this workbook";
  let chosen = resolveToleranceSet(options.toleranceSet, [], where);
  if (!chosen.ok) {
    const sets = toleranceSetsOf(found.map((sheet) => sheet.found));
    chosen = resolveToleranceSet(options.toleranceSet, sets, where);
  }
  if (!chosen.ok) throw new CommandProblem(chosen.problem);
  const symbols = options.symbols || settings.symbols;
  // Each sheet's summary is worded as soon as it is planned; its report is kept whole only for --report.
  // Each sheet's tables are let go once planned (taken off `found`): at Excel's maximum they are most of
  // the memory, and the rules are written from the plan and the layout alone.
  const summary: string[] = [];
  const planned: PlannedSheet[] = [];
  for (let next = found.shift(); next !== undefined; next = found.shift()) {
    const appraisal = appraise(next.found, {
      toleranceSet: chosen.value,
      scheme: settings.scheme,
      symbols,
    });
    const { reported, lines } = summarisedPlan(
      planOf(appraisal),
      appraisal,
      options.report !== undefined
    );
    for (const line of lines) summary.push(line);
    const { sheet, layout, copy } = next;
    planned.push({ sheet, layout, copy, plan: reported });
  }
  const plans = planned.map((sheet) => sheet.plan);
  const edits = await ruleEdits(workbook, planned);
  const report = options.report
    ? { file: options.report, text: reportText(options.workbook, plans, registerProblems, skipped) }
    : undefined;
  await writeWorkbook(workbook, edits, out, report);
  for (const line of summary) output.out(line);
  for (const line of workbookSummaryLines(registerProblems, skipped)) output.out(line);
  output.out(`Wrote ${out}${options.report ? ` and ${options.report}` : ""}`);
}

/** The register (the workbook's KPIRegister table over the catalogue) and the words the workbook teaches, with the problems of both. */
async function readRegister(
  workbook: Workbook
): Promise<{ register: Register; words: Words; settings: Settings; problems: string[] }> {
  const registerSheet = sheetWithTable(workbook, registerTableName);
  const registerContent = registerSheet
    ? new Map([[registerSheet.name, await readSheetContent(workbook, registerSheet)]])
    : new Map<string, SheetContent>();
  // The words the workbook teaches (its KPIWords table on the KPI Register sheet) read its headers and rows.
  const wordsSheet = workbook.sheets.find(
    (sheet) => sheet.name.toLowerCase() === registerSheetName.toLowerCase()
  );
  const wordsGrid = wordsSheet
    ? (registerContent.get(wordsSheet.name) ?? (await readSheetContent(workbook, wordsSheet))).grid
    : undefined;
  const taught = wordsOfGrid(wordsGrid);
  // The scheme and symbols the workbook chooses: its KPISettings table on the same sheet.
  const chosen = workbookSettings(
    wordsGrid ? settingsTableOfGrid(wordsGrid) : undefined,
    taught.words
  );
  const register = buildRegister(
    tableCells(workbook, registerContent, registerTableName),
    taught.words
  );
  return {
    register,
    words: taught.words,
    settings: chosen.settings,
    problems: [...register.problems, ...taught.problems, ...chosen.problems],
  };
}

/** A sheet with KPI tables: what it is planned from, then written from (its copy too, where made). */
interface SheetToWrite {
  sheet: WorkbookSheet;
  layout: SheetLayout;
  copy?: SheetCopy;
}

interface FoundSheet extends SheetToWrite {
  found: FoundTables;
}

/** A sheet once planned: what its rules are written from. */
interface PlannedSheet extends SheetToWrite {
  plan: ReportedPlan;
}

/** The unpacked bytes of the sheets to read. */
function unpackedBytes(workbook: Workbook, sheets: readonly WorkbookSheet[]): number {
  return sheets.reduce((bytes, sheet) => bytes + workbook.zip.entry(sheet.part)!.size, 0);
}

/**
 * One sheet's grid at a time: once its tables are found, only its layout is kept, and its copy where
 * `keepCopy` (sheets short enough to hold: writing them then inflates none a second time).
 */
async function findSheetTables(
  workbook: Workbook,
  sheets: readonly WorkbookSheet[],
  { register, words }: { register: Register; words: Words },
  keepCopy: boolean
): Promise<{ found: FoundSheet[]; skipped: SkippedSheet[] }> {
  const found: FoundSheet[] = [];
  const skipped: SkippedSheet[] = [];
  for (const sheet of sheets) {
    const { grid, layout, copy } = await readSheetContent(workbook, sheet, keepCopy);
    const tables = findTables(grid, register, { words });
    if (tables.tables.length > 0) found.push({ sheet, layout, copy, found: tables });
    else copy?.begun.abandon();
    if (tables.skipped !== undefined) skipped.push({ sheet: tables.sheet, reason: tables.skipped });
  }
  return { found, skipped };
}

function noTableProblem(
  options: CommandOptions,
  sheets: readonly WorkbookSheet[],
  skipped: readonly SkippedSheet[]
): CommandProblem {
  const reasons =
    sheets.length === 0
      ? [noWorksheets]
      : skipped.map((sheet) => skippedSheetLine(sheet.sheet, sheet.reason));
  return new CommandProblem(
    [
      `${options.workbook} has no KPI table${options.sheet ? ` on the sheet ${options.sheet}` : ""}.`,
      ...reasons,
      `The add-in looks for ${lookingFor.charAt(0).toLowerCase()}${lookingFor.slice(1)}`,
    ].join(" ")
  );
}

const noWorksheets = "Its workbook lists no worksheets.";

/** The parts to edit: styles.xml where the rules need new dxfs, and each sheet with rules to write or to take out. */
async function ruleEdits(
  workbook: Workbook,
  planned: readonly PlannedSheet[]
): Promise<Map<string, PartEdit>> {
  const edits = new Map<string, PartEdit>();
  const dxfIds = await addRuleStyles(
    workbook,
    planned.map((sheet) => sheet.plan),
    edits
  );
  let next = 0;
  for (const { sheet, layout, plan, copy } of planned) {
    const rules = plan.rules;
    const ids = dxfIds.slice(next, next + rules.length);
    next += rules.length;
    // As bytes at once: the rule XML of a long sheet is tens of megabytes, better outside the JavaScript heap.
    const xml = Buffer.from(sheetRuleXml(sheet.name, rules, ids, layout), "utf8");
    if (rules.length > 0 || layout.ownRules > 0)
      edits.set(sheet.part.toLowerCase(), sheetEdit(workbook, sheet, layout, xml, copy));
    else copy?.begun.abandon();
  }
  return edits;
}

/** The dxf index of every rule's colours, in the plans' order; styles.xml goes into `edits` where it gains entries. */
async function addRuleStyles(
  workbook: Workbook,
  plans: readonly FormattingPlan[],
  edits: Map<string, PartEdit>
): Promise<number[]> {
  const styles = plans.flatMap((plan) =>
    plan.rules.map((rule) => ({
      fill: rule.fill,
      font: rule.font,
      numberFormat: rule.numberFormat,
    }))
  );
  if (styles.length === 0) return [];
  const stylesEntry = workbook.stylesPart ? workbook.zip.entry(workbook.stylesPart) : undefined;
  if (!stylesEntry)
    throw new CommandProblem(
      `${workbook.file} has no styles part for the rules' colours: open and save it in Excel, then try again`
    );
  const before = await workbook.zip.readPart(stylesEntry, workbook.label);
  const styled = withDxfs(before, styles);
  if (styled.part !== before) edits.set(stylesEntry.name.toLowerCase(), () => once(styled.part));
  return styled.dxfIds;
}

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}
