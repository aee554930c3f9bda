/**
 * The kpi-rag command's ExcelJS adapter: a worksheet in, a plain grid out; a formatting plan in, native
 * conditional formats out. Only the add-in's own rules are ever removed; everything else is left as read.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as files } from "node:fs";
import path from "node:path";
import { areaOfAddress, isOwnRule, notCalculated, registerTableName, type CellValue, type FormattingPlan, type Grid, type GridArea, type RegisterTable } from "../core";

/** Something the analyst must be told in one line; the command prints it and exits non-zero. */
export class CommandProblem extends Error {}

const excelEpoch = Date.UTC(1899, 11, 30);
const excel1904Epoch = Date.UTC(1904, 0, 1);

/** Reads an .xlsx workbook, turning every way it can fail into one plain sentence. */
export async function readWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  let bytes: Buffer;
  try {
    bytes = await files.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CommandProblem(`There is no file ${file}`);
    if (code === "EISDIR") throw new CommandProblem(`${file} is a folder, not an .xlsx workbook`);
    throw new CommandProblem(`${file} cannot be read (${code ?? "unknown error"})`);
  }
  return loadWorkbook(bytes, file);
}

/** An .xlsx workbook from its bytes; `name` is how the analyst knows it, for the messages. */
export async function loadWorkbook(bytes: Buffer, name: string): Promise<ExcelJS.Workbook> {
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new CommandProblem(`${name} is password-protected or an old .xls workbook: save it as an unprotected .xlsx and try again`);
  }
  if (!bytes.subarray(0, 2).equals(Buffer.from("PK"))) {
    throw new CommandProblem(`${name} is not an .xlsx workbook${path.extname(name).toLowerCase() === ".csv" ? " (it is a CSV file: open it in Excel and save it as .xlsx)" : ""}`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new CommandProblem(`${name} is damaged or is not an .xlsx workbook: Excel may be able to repair it`);
  }
  const unkept = [...partsExcelJsDrops(bytes), ...(await sheetFeaturesExcelJsDrops(bytes))];
  if (unkept.length > 0) {
    throw new CommandProblem(`${name} has ${unkept.join(" and ")}, which kpi-rag cannot copy without losing them: nothing was written. Use the KPI RAG pane in Excel for this workbook`);
  }
  return workbook;
}

/**
 * Parts of a workbook that ExcelJS does not write back: copying such a workbook would silently lose them.
 * Their folder names stand uncompressed in the zip's directory, so a byte search finds them.
 */
const droppedParts: ReadonlyArray<[folder: string, words: string]> = [
  ["xl/charts/", "charts"],
  ["xl/chartsheets/", "chart sheets"],
  ["xl/pivotTables/", "pivot tables"],
  ["xl/slicers/", "slicers"],
  ["xl/timelines/", "timelines"],
  ["xl/vbaProject.bin", "macros"],
  ["xl/activeX/", "ActiveX controls"],
  ["xl/ctrlProps/", "form controls"],
  ["xl/embeddings/", "embedded objects"],
];

function partsExcelJsDrops(bytes: Buffer): string[] {
  return droppedParts.filter(([folder]) => bytes.includes(folder)).map(([, words]) => words);
}

/**
 * Features written inside a sheet's own XML that ExcelJS drops (sparklines) or cannot write back (the
 * Excel 2010 form of conditional formatting, used for rules that refer to another sheet).
 */
const droppedSheetFeatures: ReadonlyArray<[tag: string, words: string]> = [
  ["<x14:sparklineGroups", "sparklines"],
  ["<x14:conditionalFormatting", "conditional formatting of the Excel 2010 kind (rules that refer to another sheet)"],
];

async function sheetFeaturesExcelJsDrops(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name));
  const texts = await Promise.all(sheets.map((name) => zip.files[name].async("string")));
  return droppedSheetFeatures.filter(([tag]) => texts.some((text) => text.includes(tag))).map(([, words]) => words);
}

/** An ExcelJS cell's value as the core reads cells (dates as Excel serial numbers, formulas as their results). */
export function cellValueOf(value: ExcelJS.CellValue, date1904 = false): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return (value.getTime() - (date1904 ? excel1904Epoch : excelEpoch)) / 86_400_000;
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    return "result" in value && value.result !== undefined ? cellValueOf(value.result as ExcelJS.CellValue, date1904) : { ...notCalculated };
  }
  if ("text" in value) return typeof value.text === "string" ? value.text : cellValueOf(value.text as ExcelJS.CellValue, date1904);
  return null;
}

/** A worksheet as a plain grid, from A1 to its last used cell. */
export function gridOf(worksheet: ExcelJS.Worksheet): Grid {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const hiddenRows: number[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const rowValues: CellValue[] = [];
    const rowFormats: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      rowValues[columnNumber - 1] = cell.isMerged && cell.master !== cell ? null : cellValueOf(cell.value);
      rowFormats[columnNumber - 1] = cell.numFmt || "General";
    });
    for (let column = 0; column < rowValues.length; column++) {
      if (rowValues[column] === undefined) rowValues[column] = null;
      if (rowFormats[column] === undefined) rowFormats[column] = "General";
    }
    values[rowNumber - 1] = rowValues;
    numberFormats[rowNumber - 1] = rowFormats;
    if (row.hidden) hiddenRows.push(rowNumber - 1);
  });
  for (let row = 0; row < values.length; row++) {
    values[row] ??= [];
    numberFormats[row] ??= [];
  }
  return { sheet: worksheet.name, origin: { row: 0, column: 0 }, values, numberFormats, merges: mergesOf(worksheet), hiddenRows };
}

function mergesOf(worksheet: ExcelJS.Worksheet): GridArea[] {
  const merges = (worksheet.model as { merges?: string[] }).merges ?? [];
  return merges.map(areaOfAddress);
}

/** The workbook's KPIRegister table, header row first, when it has one. */
export function registerTableOf(workbook: ExcelJS.Workbook): RegisterTable | undefined {
  for (const worksheet of workbook.worksheets) {
    for (const table of worksheet.getTables() as unknown as Array<{ table?: { name?: string; tableRef?: string; ref?: string } } & { name?: string; tableRef?: string }>) {
      const model = table.table ?? table;
      if (model.name?.toLowerCase() !== registerTableName.toLowerCase()) continue;
      const reference = model.tableRef ?? (table.table?.ref as string | undefined);
      if (!reference) continue;
      const { top, left, bottom, right } = areaOfAddress(reference);
      const values: CellValue[][] = [];
      const numberFormats: string[][] = [];
      for (let row = top; row <= bottom; row++) {
        const rowValues: CellValue[] = [];
        const rowFormats: string[] = [];
        for (let column = left; column <= right; column++) {
          const cell = worksheet.getCell(row + 1, column + 1);
          rowValues.push(cellValueOf(cell.value));
          rowFormats.push(cell.numFmt || "General");
        }
        values.push(rowValues);
        numberFormats.push(rowFormats);
      }
      return { values, numberFormats };
    }
  }
  return undefined;
}

type ConditionalFormatting = ExcelJS.ConditionalFormattingOptions;

function conditionalFormattingsOf(worksheet: ExcelJS.Worksheet): ConditionalFormatting[] {
  const holder = worksheet as unknown as { conditionalFormattings?: ConditionalFormatting[] };
  holder.conditionalFormattings ??= [];
  return holder.conditionalFormattings;
}

function formulaeOf(rule: ExcelJS.ConditionalFormattingRule): string[] {
  return "formulae" in rule && Array.isArray(rule.formulae) ? rule.formulae.map(String) : [];
}

/** Removes the add-in's own rules from a worksheet; the analyst's stay. Returns how many went. */
export function removeOwnRules(worksheet: ExcelJS.Worksheet): number {
  const formattings = conditionalFormattingsOf(worksheet);
  let removed = 0;
  const kept = formattings.flatMap((formatting) => {
    const rules = formatting.rules.filter((rule) => {
      const own = formulaeOf(rule).some(isOwnRule);
      if (own) removed += 1;
      return !own;
    });
    return rules.length > 0 ? [{ ...formatting, rules }] : [];
  });
  formattings.splice(0, formattings.length, ...kept);
  return removed;
}

/** Replaces the add-in's rules on a worksheet with the plan's, after (below) the analyst's own rules. */
export function applyPlan(worksheet: ExcelJS.Worksheet, plan: FormattingPlan): void {
  removeOwnRules(worksheet);
  const formattings = conditionalFormattingsOf(worksheet);
  let priority = Math.max(0, ...formattings.flatMap((formatting) => formatting.rules.map((rule) => rule.priority ?? 0)));
  for (const rule of plan.rules) {
    priority += 1;
    formattings.push({
      ref: rule.appliesTo.join(" "),
      rules: [
        {
          type: "expression",
          priority,
          formulae: [rule.formula.replace(/^=/, "")],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${rule.fill.slice(1)}` } },
            font: { color: { argb: `FF${rule.font.slice(1)}` } },
          },
        },
      ],
    });
  }
}

/** A workbook as the bytes of its .xlsx file. One buffer is quicker to write than ExcelJS's file stream. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export interface Output {
  file: string;
  bytes: Uint8Array | string;
  /** What the file is, for the message if it cannot be written: "output", "report". */
  what: string;
}

/**
 * Writes every output whole or none of them: each into a temporary file beside it, then all renamed into
 * place once every one is written. A failure removes the temporary files and says which output failed.
 */
export async function writeOutputs(outputs: readonly Output[]): Promise<void> {
  const temporaries = outputs.map((output) => path.join(path.dirname(output.file), `.${path.basename(output.file)}.${process.pid}.tmp`));
  const removeTemporaries = (): Promise<unknown> => Promise.all(temporaries.map((temporary) => files.rm(temporary, { force: true })));
  for (const [index, output] of outputs.entries()) {
    try {
      await files.writeFile(temporaries[index], output.bytes);
    } catch (error) {
      await removeTemporaries();
      throw new CommandProblem(`The ${output.what} ${output.file} cannot be written (${describeFailure(error)}): nothing was written`);
    }
  }
  for (const [index, output] of outputs.entries()) {
    try {
      await files.rename(temporaries[index], output.file);
    } catch (error) {
      await removeTemporaries();
      throw new CommandProblem(`The ${output.what} ${output.file} cannot be written (${describeFailure(error)})`);
    }
  }
}

function describeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "its folder does not exist";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a folder";
  return code ?? "unknown error";
}
