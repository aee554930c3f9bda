/**
 * One worksheet part, streamed once: its cells into the core's grid (values, number formats, merges, hidden
 * rows) and, for the edit, where its conditional formats stand: the byte ranges of the add-in's own rules,
 * the offset where the schema wants new <conditionalFormatting> blocks, and the highest priority any other
 * rule has (Excel 2010 rules in extLst too), so the add-in's rules come after every rule of the analyst's.
 */
import { columnIndex, isOwnRule, notCalculated, type CellValue, type Grid, type GridArea } from "../core";
import { localName, prefixFor, prefixOf, unescapeExcelText, XmlStream, type XmlTag } from "./xml";
import { spreadsheetNamespace } from "./styles";

/** CT_Worksheet's elements up to and including conditionalFormatting, in the schema's sequence. */
const upToConditionalFormatting = new Set([
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
]);

export interface SheetLayout {
  /** The prefix the part gives SpreadsheetML's namespace ("" when it is the default namespace). */
  prefix: string;
  /** Where new <conditionalFormatting> blocks go: after every element the schema puts before them. */
  insertAt: number;
  /** Byte ranges to take out: the add-in's own rules, or whole blocks holding nothing else. */
  ownRanges: Array<[start: number, end: number]>;
  ownRules: number;
  /** The highest priority of any rule that stays. */
  highestPriority: number;
}

export interface SheetContent {
  grid: Grid;
  layout: SheetLayout;
  /** The relationship ids of the sheet's table parts. */
  tableParts: string[];
}

export interface SheetContext {
  name: string;
  sharedStrings: readonly string[];
  numberFormats: readonly string[];
  date1904: boolean;
}

const excelDays = 2_958_466; // 31 December 9999 is Excel's last date, serial 2,958,465
const days1904 = 1462;

/** ExcelJS's test for a date format, so dates read as the same serial numbers they always did. */
function isDateFormat(format: string): boolean {
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

export async function readSheet(chunks: AsyncIterable<Buffer>, context: SheetContext): Promise<SheetContent> {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const hiddenRows: number[] = [];
  const merges: GridArea[] = [];
  const tableParts: string[] = [];
  const layout: SheetLayout = { prefix: "", insertAt: -1, ownRanges: [], ownRules: 0, highestPriority: 0 };
  const dateFormat = new Map<string, boolean>();

  let prefix: string | undefined;
  let depth = 0;
  let section = ""; // the depth-1 element we are in
  let sectionIsOurs = false;

  // The row and cell being read.
  let rowIndex = -1;
  let rowHidden = false;
  let rowValues: CellValue[] | undefined;
  let rowFormats: string[] | undefined;
  let column = -1;
  let cellType = "";
  let cellStyle = 0;
  let hasFormula = false;
  let valueText: string | undefined;
  let inlineText: string | undefined;
  let capture: "value" | "inline" | undefined;
  let phonetic = 0;

  // The conditional-format block being read.
  let blockStart = -1;
  let blockRules: Array<{ start: number; end: number; own: boolean; priority: number }> = [];
  let ruleStart = -1;
  let rulePriority = 0;
  let ruleOwn = false;
  let formulaText: string | undefined;

  const finishRow = (): void => {
    if (rowValues && rowValues.length > 0) {
      values[rowIndex] = rowValues;
      numberFormats[rowIndex] = rowFormats!;
      if (rowHidden) hiddenRows.push(rowIndex);
    }
    rowValues = undefined;
    rowFormats = undefined;
  };

  const finishCell = (): void => {
    const value = cellValue();
    if (value === null) return;
    let format = context.numberFormats[cellStyle] ?? "General";
    let figure = value;
    if (typeof value === "number" && format !== "General") {
      let dated = dateFormat.get(format);
      if (dated === undefined) dateFormat.set(format, (dated = isDateFormat(format)));
      if (dated) figure = asDate(value);
    }
    if (!format) format = "General";
    rowValues ??= [];
    rowFormats ??= [];
    for (let gap = rowValues.length; gap < column; gap++) {
      rowValues.push(null);
      rowFormats.push("General");
    }
    rowValues[column] = figure;
    rowFormats[column] = format;
  };

  const asDate = (serial: number): number => {
    const shifted = context.date1904 ? serial + days1904 : serial;
    if (!(shifted >= 0 && shifted < excelDays)) return serial; // no date Excel can show: the figure as it is
    return Math.round(shifted * 86_400_000) / 86_400_000;
  };

  const cellValue = (): CellValue => {
    switch (cellType) {
      case "s": {
        if (valueText === undefined) return null;
        return context.sharedStrings[Number(valueText)] ?? null;
      }
      case "inlineStr":
        return inlineText ?? (hasFormula && valueText === undefined ? { ...notCalculated } : (valueText ?? null));
      case "b":
        return valueText === undefined ? (hasFormula ? { ...notCalculated } : null) : valueText.trim() === "1" || valueText.trim().toLowerCase() === "true";
      case "e":
        return valueText === undefined ? (hasFormula ? { ...notCalculated } : null) : { error: valueText.trim() };
      case "str":
        return valueText === undefined ? (hasFormula ? { ...notCalculated } : null) : unescapeExcelText(valueText);
      case "d": {
        if (valueText === undefined) return hasFormula ? { ...notCalculated } : null;
        const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(valueText) ? valueText : `${valueText}Z`);
        return Number.isNaN(time) ? valueText : (time - Date.UTC(1899, 11, 30)) / 86_400_000;
      }
      default: {
        if (valueText === undefined || valueText.trim() === "") return hasFormula ? (valueText === undefined ? { ...notCalculated } : "") : null;
        const number = Number(valueText);
        return Number.isFinite(number) ? number : valueText;
      }
    }
  };

  const stream: XmlStream = new XmlStream({
    open(tag: XmlTag) {
      depth += 1;
      const name = tag.name;
      if (depth === 1) {
        prefix = prefixFor(tag, spreadsheetNamespace) ?? prefixOf(name);
        layout.prefix = prefix;
        layout.insertAt = stream.offset;
        return;
      }
      if (depth === 2) {
        sectionIsOurs = prefixOf(name) === prefix;
        section = sectionIsOurs ? localName(name) : "";
        if (section === "conditionalFormatting") {
          blockStart = stream.tagStart;
          blockRules = [];
        } else if (section === "mergeCells" || section === "tableParts") {
          // their children are read below
        }
        return;
      }
      if (section === "sheetData") {
        const local = prefix ? localName(name) : name;
        if (depth === 3 && local === "row") {
          const r = tag.attributes.r;
          rowIndex = r !== undefined ? Number(r) - 1 : rowIndex + 1;
          rowHidden = tag.attributes.hidden === "1" || tag.attributes.hidden === "true";
        } else if (depth === 4 && local === "c") {
          const r = tag.attributes.r;
          column = r !== undefined ? columnOf(r) : column + 1;
          cellType = tag.attributes.t ?? "n";
          cellStyle = tag.attributes.s !== undefined ? Number(tag.attributes.s) : 0;
          hasFormula = false;
          valueText = undefined;
          inlineText = undefined;
          phonetic = 0;
        } else if (depth === 5) {
          if (local === "v") {
            capture = "value";
            valueText = "";
          } else if (local === "f") hasFormula = true;
        } else if (local === "t" && phonetic === 0 && depth >= 6) {
          capture = "inline";
          inlineText ??= "";
        } else if (local === "rPh") phonetic += 1;
        return;
      }
      const local = localName(name);
      if (depth === 3 && section === "mergeCells" && local === "mergeCell" && tag.attributes.ref) {
        const area = areaOf(tag.attributes.ref);
        if (area) merges.push(area);
      } else if (depth === 3 && section === "tableParts" && local === "tablePart") {
        const id = tag.attributes["r:id"] ?? Object.entries(tag.attributes).find(([key]) => localName(key) === "id")?.[1];
        if (id) tableParts.push(id);
      } else if (local === "cfRule") {
        ruleStart = stream.tagStart;
        rulePriority = Number(tag.attributes.priority ?? 0) || 0;
        ruleOwn = false;
      } else if (local === "formula" || local === "f") {
        formulaText = "";
      }
    },
    text(text: string) {
      if (capture === "value") valueText += text;
      else if (capture === "inline") inlineText += text;
      else if (formulaText !== undefined) formulaText += text;
    },
    close(tag: XmlTag) {
      if (section === "sheetData" && depth >= 3) {
        if (depth === 3) finishRow();
        else if (depth === 4) finishCell();
        else capture = undefined;
        if (depth > 5 && localName(tag.name) === "rPh") phonetic -= 1;
        depth -= 1;
        return;
      }
      if (depth > 2) {
        const local = localName(tag.name);
        if ((local === "formula" || local === "f") && formulaText !== undefined) {
          if (isOwnRule(formulaText)) ruleOwn = true;
          formulaText = undefined;
        } else if (local === "cfRule" && ruleStart >= 0) {
          const own = ruleOwn && depth === 3 && section === "conditionalFormatting" && sectionIsOurs;
          if (depth === 3 && section === "conditionalFormatting") blockRules.push({ start: ruleStart, end: stream.offset, own, priority: rulePriority });
          else layout.highestPriority = Math.max(layout.highestPriority, rulePriority);
          ruleStart = -1;
        }
      } else if (depth === 2) {
        if (section === "conditionalFormatting") {
          const own = blockRules.filter((rule) => rule.own);
          for (const rule of blockRules) if (!rule.own) layout.highestPriority = Math.max(layout.highestPriority, rule.priority);
          layout.ownRules += own.length;
          if (own.length > 0 && own.length === blockRules.length) layout.ownRanges.push([blockStart, stream.offset]);
          else for (const rule of own) layout.ownRanges.push([rule.start, rule.end]);
        }
        if (sectionIsOurs && upToConditionalFormatting.has(section)) layout.insertAt = stream.offset;
        section = "";
      }
      depth -= 1;
    },
  });
  for await (const chunk of chunks) stream.feed(chunk);
  stream.end();

  for (let row = 0; row < values.length; row++) {
    values[row] ??= [];
    numberFormats[row] ??= [];
  }
  clearMergedCells(values, merges);
  const grid: Grid = { sheet: context.name, origin: { row: 0, column: 0 }, values, numberFormats, merges, hiddenRows };
  return { grid, layout, tableParts };
}

/** Only the top-left cell of a merged area holds its value, as Excel shows it. */
function clearMergedCells(values: CellValue[][], merges: readonly GridArea[]): void {
  for (const area of merges) {
    const bottom = Math.min(area.bottom, values.length - 1);
    for (let row = area.top; row <= bottom; row++) {
      const cells = values[row];
      const right = Math.min(area.right, cells.length - 1);
      for (let column = area.left; column <= right; column++) {
        if (row !== area.top || column !== area.left) cells[column] = null;
      }
    }
  }
}

/** The column of a cell reference such as "AB12", without building strings. */
function columnOf(reference: string): number {
  let index = 0;
  for (let at = 0; at < reference.length; at++) {
    const code = reference.charCodeAt(at) & ~0x20;
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

function areaOf(reference: string): GridArea | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(reference.trim());
  if (!match) return undefined;
  const top = Number(match[2]) - 1;
  const left = columnIndex(match[1]);
  return { top, left, bottom: match[4] ? Number(match[4]) - 1 : top, right: match[3] ? columnIndex(match[3]) : left };
}
