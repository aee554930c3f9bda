/**
 * One worksheet part, streamed once: its cells into the core's grid (values, number formats, merges) and, for the edit, where its conditional formats stand: the byte ranges of the add-in's own rules,
 * the offset where the schema wants new <conditionalFormatting> blocks, and the highest priority any other
 * rule has (Excel 2010 rules in extLst too), so the add-in's rules come after every rule of the analyst's.
 */
import { columnIndex, type CellValue, type Grid, type GridArea } from "../core";
import { isOwnRule } from "../core/plan/own-rule";
import { CellReader, lastColumn, lastRow, presentColumns, SheetBoundsProblem } from "./cells";
import { SheetCopy } from "./sheet-copy";
import { SheetDataScanner } from "./sheet-data";
import { spreadsheetNamespace } from "./styles";
import { localName, NamespaceScopes, prefixOf, XmlStream, type XmlTag } from "./xml";

/** CT_Worksheet's elements up to and including conditionalFormatting, in the schema's sequence. */
const upToConditionalFormatting = new Set([
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
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
  /** The part's bytes gathered for writing the sheet again, where its reader asked for them. */
  copy?: SheetCopy;
}

export interface SheetContext {
  name: string;
  sharedStrings: readonly string[];
  numberFormats: readonly string[];
  date1904: boolean;
  /** Gathers the part's bytes (a SheetCopy), so writing the sheet does not inflate it a second time. */
  keepCopy?: boolean;
}

export async function readSheet(
  chunks: AsyncIterable<Buffer>,
  context: SheetContext
): Promise<SheetContent> {
  const cells = new CellReader(context);
  const worksheet = new WorksheetReader(cells);
  const bytes = new SheetBytes(worksheet.stream, new SheetDataScanner(cells));
  const copy = context.keepCopy ? new SheetCopy() : undefined;
  try {
    for await (const chunk of chunks) {
      bytes.feed(chunk);
      await copy?.add(chunk, bytes.restFrom);
    }
    bytes.end();
  } catch (error) {
    copy?.begun.abandon();
    throw error;
  }
  cells.finish();
  const { values, numberFormats } = cells;
  clearMergedCells(values, worksheet.merges);
  const grid: Grid = {
    sheet: context.name,
    origin: { row: 0, column: 0 },
    values,
    numberFormats,
    merges: worksheet.merges,
  };
  return { grid, layout: worksheet.layout, copy };
}

/**
 * Sends each byte of the sheet to its reader: the head to saxes up to the <sheetData> start tag, the rows
 * and cells to the scanner, and everything from </sheetData> on to saxes again. A sheet whose start tag is
 * not found early (or is empty) goes to saxes whole.
 */
class SheetBytes {
  private mode: "head" | "cells" | "rest" = "head";
  private head: Buffer = Buffer.alloc(0);
  private scanned = 0;
  private fed = 0;
  /** Where the bytes saxes reads after the cells begin (</sheetData>), once the scanner has met it. */
  restFrom: number | undefined;

  constructor(
    private readonly stream: XmlStream,
    private readonly scanner: SheetDataScanner
  ) {}

  feed(chunk: Buffer): void {
    this.fed += chunk.length;
    if (this.mode === "rest") this.stream.feed(chunk);
    else if (this.mode === "cells") this.scan(chunk);
    else this.feedHead(chunk);
  }

  end(): void {
    if (this.mode === "head") this.stream.feed(this.head);
    if (this.mode === "cells") throw new Error("the sheet ends inside its cells");
    this.stream.end();
  }

  /** Gathers the head until the <sheetData> start tag is in it, then hands each side to its reader. */
  private feedHead(chunk: Buffer): void {
    this.head = this.head.length > 0 ? Buffer.concat([this.head, chunk]) : chunk;
    const text = this.head.toString("latin1");
    const start = sheetDataStart.exec(text);
    if (start && !start[0].endsWith("/>")) {
      const end = start.index + start[0].length;
      this.stream.feed(this.head.subarray(0, end));
      this.mode = "cells";
      this.scan(this.head.subarray(end));
    } else if (emptySheetData.test(text) || this.head.length > headLimit) {
      this.mode = "rest";
      this.stream.feed(this.head);
    }
  }

  /** Cells to the scanner; once it meets </sheetData>, saxes takes the rest, its offsets moved past the cells. */
  private scan(bytes: Buffer): void {
    const rest = this.scanner.feed(bytes);
    this.scanned += bytes.length;
    if (!rest) return;
    this.restFrom = this.fed - rest.length;
    this.stream.skip(this.scanned - rest.length);
    this.mode = "rest";
    this.stream.feed(rest);
  }
}

const sheetDataStart = /<(?:[A-Za-z_][\w.-]*:)?sheetData(?:\s[^>]*)?>/;
const emptySheetData = /<(?:[A-Za-z_][\w.-]*:)?sheetData\s*\/>/;
/** How much of the head is searched for <sheetData> before saxes reads the whole sheet. */
const headLimit = 4 * 1024 * 1024;

/**
 * What saxes reads of the sheet: the root's prefix, the sections before conditionalFormatting (for where
 * new blocks go), merged areas, the conditional formats' rules, and the cells where the scanner did not
 * take over.
 */
class WorksheetReader {
  readonly layout: SheetLayout = {
    prefix: "",
    insertAt: -1,
    ownRanges: [],
    ownRules: 0,
    highestPriority: 0,
  };
  readonly merges: GridArea[] = [];
  readonly stream: XmlStream;
  private readonly rules: RuleReader;
  private readonly scopes = new NamespaceScopes();
  private depth = 0;
  private section = ""; // the depth-1 element we are in, when it is SpreadsheetML's
  private sectionIsOurs = false;

  constructor(private readonly cells: CellReader) {
    this.stream = new XmlStream({
      open: (tag) => this.open(tag),
      text: (text) => this.text(text),
      close: (tag) => this.close(tag),
    });
    this.rules = new RuleReader(this.layout);
  }

  private open(tag: XmlTag): void {
    this.depth += 1;
    this.scopes.enter(tag);
    if (this.depth === 1) this.openRoot(tag);
    else if (this.depth === 2) this.openSection(tag);
    else if (this.section === "sheetData") this.openInCells(tag);
    else this.openInSection(tag);
  }

  private text(text: string): void {
    if (this.cells.capturing) this.cells.text(text);
    else this.rules.text(text);
  }

  private close(tag: XmlTag): void {
    if (this.section === "sheetData" && this.depth >= 3) this.closeInCells(tag);
    else if (this.depth > 2) this.closeInSection(tag);
    else if (this.depth === 2) this.closeSection();
    this.scopes.leave();
    this.depth -= 1;
  }

  private openRoot(tag: XmlTag): void {
    this.layout.prefix = this.scopes.prefixFor(spreadsheetNamespace) ?? prefixOf(tag.name);
    this.layout.insertAt = this.stream.offset;
  }

  private openSection(tag: XmlTag): void {
    this.sectionIsOurs = this.scopes.namespaceOf(tag.name) === spreadsheetNamespace;
    this.section = this.sectionIsOurs ? localName(tag.name) : "";
    if (this.section === "conditionalFormatting") this.rules.openBlock(this.stream.tagStart);
  }

  private closeSection(): void {
    if (this.section === "conditionalFormatting") this.rules.closeBlock(this.stream.offset);
    if (this.sectionIsOurs && upToConditionalFormatting.has(this.section))
      this.layout.insertAt = this.stream.offset;
    this.section = "";
  }

  /** Only where the scanner could not take over: saxes reads the cells. */
  private openInCells(tag: XmlTag): void {
    const local = localName(tag.name);
    if (this.depth === 3 && local === "row") this.cells.openRow(tag.attributes.r);
    else if (this.depth === 4 && local === "c")
      this.cells.openCell(tag.attributes.r, tag.attributes.t, tag.attributes.s);
    else if (this.depth >= 5) this.cells.openInCell(local, this.depth - 4);
  }

  private closeInCells(tag: XmlTag): void {
    if (this.depth === 3) this.cells.closeRow();
    else if (this.depth === 4) this.cells.closeCell();
    else this.cells.closeInCell(localName(tag.name));
  }

  private openInSection(tag: XmlTag): void {
    const local = localName(tag.name);
    if (
      this.depth === 3 &&
      this.section === "mergeCells" &&
      local === "mergeCell" &&
      tag.attributes.ref
    ) {
      const area = areaOf(tag.attributes.ref);
      if (area) this.merges.push(area);
    } else if (local === "cfRule")
      this.rules.openRule(this.stream.tagStart, Number(tag.attributes.priority ?? 0) || 0);
    else if (local === "formula" || local === "f") this.rules.openFormula();
  }

  private closeInSection(tag: XmlTag): void {
    const local = localName(tag.name);
    if (local === "formula" || local === "f") this.rules.closeFormula();
    else if (local === "cfRule")
      this.rules.closeRule(
        this.stream.offset,
        this.depth === 3 && this.section === "conditionalFormatting"
      );
  }
}

/**
 * The rules of the sheet's conditional formats, as they are read: which are the add-in's (their formula
 * has the exact shape of the add-in's rules) and where they lie, and the highest priority of every other rule, extLst's too.
 */
class RuleReader {
  private blockStart = -1;
  private blockRules: Array<{ start: number; end: number; own: boolean; priority: number }> = [];
  private rule: { start: number; priority: number; own: boolean } | undefined;
  private formula: string | undefined;

  constructor(private readonly layout: SheetLayout) {}

  openBlock(start: number): void {
    this.blockStart = start;
    this.blockRules = [];
  }

  openRule(start: number, priority: number): void {
    this.rule = { start, priority, own: false };
  }

  openFormula(): void {
    this.formula = "";
  }

  text(text: string): void {
    if (this.formula !== undefined) this.formula += text;
  }

  closeFormula(): void {
    if (this.formula === undefined) return;
    if (this.rule && isOwnRule(this.formula)) this.rule.own = true;
    this.formula = undefined;
  }

  /** A rule of a SpreadsheetML <conditionalFormatting> block may be the add-in's; any other only raises the priority. */
  closeRule(end: number, inBlock: boolean): void {
    const rule = this.rule;
    if (!rule) return;
    if (inBlock)
      this.blockRules.push({ start: rule.start, end, own: rule.own, priority: rule.priority });
    else this.raisePriority(rule.priority);
    this.rule = undefined;
  }

  /** A block holding only the add-in's rules goes whole; otherwise only its rules go. */
  closeBlock(end: number): void {
    const own = this.blockRules.filter((rule) => rule.own);
    for (const rule of this.blockRules) if (!rule.own) this.raisePriority(rule.priority);
    this.layout.ownRules += own.length;
    if (own.length > 0 && own.length === this.blockRules.length)
      this.layout.ownRanges.push([this.blockStart, end]);
    else for (const rule of own) this.layout.ownRanges.push([rule.start, rule.end]);
  }

  private raisePriority(priority: number): void {
    this.layout.highestPriority = Math.max(this.layout.highestPriority, priority);
  }
}

/** Only the top-left cell of a merged area holds its value, as Excel shows it. */
function clearMergedCells(values: CellValue[][], merges: readonly GridArea[]): void {
  for (const area of merges) {
    const bottom = Math.min(area.bottom, values.length - 1);
    for (let row = area.top; row <= bottom; row++) {
      const cells = values[row];
      for (const column of presentColumns(cells, area.left, area.right))
        if (row !== area.top || column !== area.left) cells[column] = null;
    }
  }
}

function areaOf(reference: string): GridArea | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(
    reference.trim()
  );
  if (!match) return undefined;
  const top = Number(match[2]) - 1;
  const left = columnIndex(match[1]);
  const area = {
    top,
    left,
    bottom: match[4] ? Number(match[4]) - 1 : top,
    right: match[3] ? columnIndex(match[3]) : left,
  };
  if (area.bottom > lastRow || area.right > lastColumn || area.top < 0)
    throw new SheetBoundsProblem(
      `the merged area ${reference.trim()} lies past Excel's last row or column (XFD1048576)`
    );
  return area;
}
