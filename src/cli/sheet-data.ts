/**
 * A scanner made for the bulk of a worksheet, the rows and cells inside <sheetData>: it reads the bytes as
 * they are (never the whole chunk as a string: turning 31 MB into strings cost more than scanning them),
 * finds tags and their attributes, and hands rows, cells and text to the CellReader; text is decoded as
 * UTF-8 and its entities resolved only where a value is kept, and a row's number, a cell's column and a
 * style's index are read from the bytes without a string. Saxes still reads every other part and the rest
 * of each sheet, and checks them. It stops at </sheetData>.
 */
import { lastColumn, lastRow, type CellReader } from "./cells";
import { decimalFigure, decodeText } from "./value-bytes";

/** The bytes the scanner looks for, each named by its character. */
const [
  lessThan,
  greaterThan,
  slash,
  colon,
  equals,
  exclamation,
  question,
  doubleQuote,
  singleQuote,
  zero,
  nine,
] = Buffer.from(`<>/:=!?"'09`, "latin1");

const cdataStart = Buffer.from("<![CDATA[", "latin1");
const commentStart = Buffer.from("<!--", "latin1");
const noBytes = Buffer.alloc(0);
/** How many of a chunk's first bytes are joined to what the last chunk left unfinished. */
const joinedBytes = 4096;

export class SheetDataScanner {
  /** The bytes of a tag or text not yet whole, joined to the next chunk. */
  private carry: Buffer = noBytes;
  private depth = 0; // 1 inside a row, 2 inside a cell, more inside its children
  /**
   * A text run longer than a chunk, kept piece by piece while it is a value's (dropped otherwise) rather
   * than carried and scanned again with each chunk: 100 MB of one run took 48 s that way.
   */
  private pendingText: Buffer[] = [];

  constructor(private readonly cells: CellReader) {}

  /** Scans the next bytes. Returns undefined while still inside <sheetData>, then the bytes from its end tag on. */
  feed(chunk: Buffer): Buffer | undefined {
    const carried = this.carry.length;
    if (carried === 0) return this.scan(chunk, 0);
    // The tag or text carried over mostly ends in the chunk's first bytes: only those are joined to it, not
    // the whole chunk (copying every chunk was a twentieth of reading 100,000 rows).
    const head = Math.min(chunk.length, joinedBytes);
    const joined = Buffer.concat([this.carry, chunk.subarray(0, head)]);
    this.carry = noBytes;
    const rest = this.scan(joined, 0);
    if (head === chunk.length) return rest;
    if (rest) return Buffer.concat([rest, chunk.subarray(head)]);
    const carryStart = joined.length - this.carry.length;
    const carry = this.carry;
    this.carry = noBytes;
    if (carryStart >= carried) return this.scan(chunk, carryStart - carried);
    return this.scan(Buffer.concat([carry, chunk.subarray(head)]), 0);
  }

  /** Scans `bytes` from `from`, the carry taken already. */
  private scan(bytes: Buffer, from: number): Buffer | undefined {
    const cells = this.cells;
    const length = bytes.length;
    let at = from;
    while (at < length) {
      // A loop here, not bytes.indexOf: a call into Node for each of a sheet's millions of tags costs more.
      let open = at;
      while (open < length && bytes[open] !== lessThan) open += 1;
      if (open === length) {
        if (cells.capturing && open > at) this.pendingText.push(bytes.subarray(at));
        return undefined;
      }
      const pending = this.pendingText;
      if (pending.length > 0) {
        this.pendingText = [];
        if (cells.capturing) {
          const text = Buffer.concat([...pending, bytes.subarray(at, open)]);
          this.capture(text, 0, text.length, bytes[open + 1] === slash);
        }
      } else if (open > at && cells.capturing)
        this.capture(bytes, at, open, bytes[open + 1] === slash);
      if (open + 1 >= length) return this.carryFrom(bytes, open);
      const next = bytes[open + 1];
      if (next === exclamation || next === question) {
        const after = this.passMarkup(bytes, open, next);
        if (after < 0) return this.carryFrom(bytes, open);
        at = after;
        continue;
      }
      const close = tagEnd(bytes, open + 1);
      if (close < 0) return this.carryFrom(bytes, open);
      if (next !== slash) this.openElement(bytes, open, close);
      else if (this.depth > 0) this.closeElement(bytes, open + 2, close);
      else if (localNameIs(bytes, open + 2, close, "sheetData")) return bytes.subarray(open);
      at = close + 1;
    }
    return undefined;
  }

  /** A value's text, read as the number it writes without a string where it is its whole text (`ended`). */
  private capture(bytes: Buffer, start: number, end: number, ended: boolean): void {
    const cells = this.cells;
    const figure = cells.takesFigure && ended ? decimalFigure(bytes, start, end) : NaN;
    if (figure === figure) cells.figure(figure);
    else cells.text(decodeText(bytes, start, end));
  }

  /** Keeps what is not yet whole for the next bytes. */
  private carryFrom(bytes: Buffer, at: number): undefined {
    this.carry = bytes.subarray(at);
    return undefined;
  }

  /**
   * Passes over a comment, processing instruction or declaration, giving a CDATA section's text to the cell
   * being read. Returns where it ends, or -1 when its end is not read yet.
   */
  private passMarkup(bytes: Buffer, open: number, next: number): number {
    const cdata = startsAt(bytes, open, cdataStart);
    const terminator = cdata
      ? "]]>"
      : next === question
        ? "?>"
        : startsAt(bytes, open, commentStart)
          ? "-->"
          : ">";
    const end = bytes.indexOf(terminator, open + 2, "latin1");
    if (end < 0) return -1;
    if (cdata && this.cells.capturing) this.cells.text(bytes.toString("utf8", open + 9, end));
    return end + terminator.length;
  }

  /** A start tag: a row at depth 1, a cell at depth 2, anything deeper inside the cell; a self-closing one is closed at once. */
  private openElement(bytes: Buffer, open: number, close: number): void {
    const nameEnd = nameEndOf(bytes, open + 1, close);
    this.depth += 1;
    if (this.depth === 1) {
      if (localNameIs(bytes, open + 1, nameEnd, "row")) {
        readAttributes(bytes, nameEnd, close);
        const row = found.r < 0 ? -1 : wholeNumber(bytes, found.r, found.rEnd);
        if (row >= 1 && row - 1 <= lastRow) this.cells.openRowAt(row - 1);
        else this.cells.openRow(attribute(bytes, found.r, found.rEnd));
      }
    } else if (this.depth === 2) {
      if (localNameIs(bytes, open + 1, nameEnd, "c")) {
        readAttributes(bytes, nameEnd, close);
        const type = found.t < 0 ? undefined : cellType(bytes, found.t, found.tEnd);
        const style = found.s < 0 ? undefined : styleIndex(bytes, found.s, found.sEnd);
        const column = found.r < 0 ? -1 : columnOf(bytes, found.r, found.rEnd);
        if (column >= 0 && column <= lastColumn) this.cells.openCellAt(column, type, style);
        else this.cells.openCell(attribute(bytes, found.r, found.rEnd), type, style);
      }
    } else this.cells.openInCell(inCellName(bytes, open + 1, nameEnd), this.depth - 2);
    if (bytes[close - 1] === slash) this.closeElement(bytes, open + 1, nameEnd);
  }

  /** The end of a row, a cell or an element inside a cell, whose name stands between `from` and `end`. */
  private closeElement(bytes: Buffer, from: number, end: number): void {
    this.depth -= 1;
    if (this.depth === 0) this.cells.closeRow();
    else if (this.depth === 1) this.cells.closeCell();
    else this.cells.closeInCell(inCellName(bytes, from, end));
  }
}

/** The index of the `>` that ends the tag starting before `from`, outside quoted values; -1 when not yet read. */
function tagEnd(bytes: Buffer, from: number): number {
  let quote = 0;
  for (let at = from; at < bytes.length; at++) {
    const code = bytes[at];
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === doubleQuote || code === singleQuote) quote = code;
    else if (code === greaterThan) return at;
    else if (code === lessThan) throw new Error("a tag is not closed");
  }
  return -1;
}

function nameEndOf(bytes: Buffer, from: number, end: number): number {
  let at = from;
  while (at < end) {
    const code = bytes[at];
    if (code <= 32 || code === slash || code === greaterThan) break;
    at += 1;
  }
  return at;
}

/** Where the local name of the tag name between from and end starts and stops (a prefix dropped; trailing space trimmed). */
function localNameSpan(bytes: Buffer, from: number, end: number): void {
  let start = from;
  let stop = from;
  while (stop < end) {
    const code = bytes[stop];
    if (code <= 32 || code === slash) break;
    if (code === colon) start = stop + 1;
    stop += 1;
  }
  span.start = start;
  span.stop = stop;
}

const span = { start: 0, stop: 0 };

function localNameIs(bytes: Buffer, from: number, end: number, name: string): boolean {
  localNameSpan(bytes, from, end);
  if (span.stop - span.start !== name.length) return false;
  for (let index = 0; index < name.length; index++)
    if (bytes[span.start + index] !== name.charCodeAt(index)) return false;
  return true;
}

/** The names the CellReader tells apart inside a cell; any other reads as "". */
const inCellNames = ["v", "f", "t", "rPh"];

function inCellName(bytes: Buffer, from: number, end: number): string {
  for (const name of inCellNames) if (localNameIs(bytes, from, end, name)) return name;
  return "";
}

function startsAt(bytes: Buffer, at: number, prefix: Buffer): boolean {
  if (at + prefix.length > bytes.length) return false;
  for (let index = 0; index < prefix.length; index++)
    if (bytes[at + index] !== prefix[index]) return false;
  return true;
}

/** Where the attributes the cells need stand, read into one reused record: a row's r, a cell's r, s and t (-1 when absent). */
const found = { r: -1, rEnd: -1, s: -1, sEnd: -1, t: -1, tEnd: -1 };

function readAttributes(bytes: Buffer, from: number, end: number): void {
  found.r = found.s = found.t = -1;
  let at = from;
  while (at < end) {
    while (at < end && bytes[at] <= 32) at += 1;
    let nameStart = at;
    while (at < end && bytes[at] !== equals && bytes[at] > 32) {
      if (bytes[at] === colon) nameStart = at + 1; // a prefix's colon
      at += 1;
    }
    const nameLength = at - nameStart;
    while (at < end && bytes[at] !== doubleQuote && bytes[at] !== singleQuote) at += 1;
    const quote = bytes[at];
    let valueEnd = at + 1;
    while (valueEnd < end && bytes[valueEnd] !== quote) valueEnd += 1;
    if (nameLength === 0 || valueEnd >= end) return;
    const first = bytes[nameStart];
    if (nameLength === 1) {
      if (first === 114) {
        found.r = at + 1;
        found.rEnd = valueEnd;
      } else if (first === 115) {
        found.s = at + 1;
        found.sEnd = valueEnd;
      } else if (first === 116) {
        found.t = at + 1;
        found.tEnd = valueEnd;
      }
    }
    at = valueEnd + 1;
  }
}

/** An attribute's value as text, or undefined when it is absent. */
function attribute(bytes: Buffer, start: number, end: number): string | undefined {
  return start < 0 ? undefined : decodeText(bytes, start, end);
}

/** The digits between start and end as a number, or -1 unless they are 1 to 9 plain digits. */
function wholeNumber(bytes: Buffer, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let number = 0;
  for (let at = start; at < end; at++) {
    const code = bytes[at];
    if (code < zero || code > nine) return -1;
    number = number * 10 + (code - zero);
  }
  return number;
}

/** The column of a cell reference such as "AB12", as CellReader reads it from text; -1 where the bytes are not plain letters and digits. */
function columnOf(bytes: Buffer, start: number, end: number): number {
  let index = 0;
  let at = start;
  for (; at < end && at < start + 4; at++) {
    const code = bytes[at] & ~0x20;
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  // The rest must be digits: an entity or a byte past ASCII is read from its text.
  for (; at < end; at++) if (bytes[at] < zero || bytes[at] > nine) return -1;
  return index - 1;
}

/** The cell types Excel writes, as the same strings every time. */
const cellTypes = ["s", "n", "str", "b", "e", "inlineStr", "d"];

function cellType(bytes: Buffer, start: number, end: number): string {
  for (const type of cellTypes) {
    if (type.length !== end - start) continue;
    let same = true;
    for (let index = 0; index < type.length && same; index++)
      same = bytes[start + index] === type.charCodeAt(index);
    if (same) return type;
  }
  return decodeText(bytes, start, end);
}

/** A style's index as text, one string for each index up to this many. */
const styleNames: string[] = [];
const namedStyles = 4096;

function styleIndex(bytes: Buffer, start: number, end: number): string {
  const index = wholeNumber(bytes, start, end);
  // Only digits written as String(index) writes them (no leading zero) share a string.
  if (index < 0 || index >= namedStyles || (bytes[start] === zero && end - start > 1))
    return decodeText(bytes, start, end);
  return (styleNames[index] ??= String(index));
}
