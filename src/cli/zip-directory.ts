/**
 * The records of a zip's central directory, read and checked before anything is trusted: the end record
 * (zip64's too), each part's directory entry and where its local record may lie, a data descriptor's
 * length, and a directory record moved to a new offset for the package kpi-rag writes.
 */
import type { promises as files } from "node:fs";
import { CommandProblem } from "./problem";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  /** Where the next local record, or the directory, starts: this entry's record must end by then. */
  recordLimit: number;
  /** The central directory record as it stands in the file, for copying. */
  record: Buffer;
}

/** The four bytes that open each kind of zip record. */
export const zipSignatures = {
  localHeader: 0x04034b50,
  centralRecord: 0x02014b50,
  end: 0x06054b50,
  zip64End: 0x06064b50,
  zip64Locator: 0x07064b50,
  dataDescriptor: 0x08074b50,
};

/** The largest size or offset a 32-bit field holds; in a field, it says the zip64 extra field has the value. */
export const full32 = 0xffffffff;

export function damaged(label: string, detail: string): CommandProblem {
  return new CommandProblem(
    `${label} is damaged or is not an .xlsx workbook (${detail}): Excel may be able to repair it`
  );
}

export async function readDirectory(
  handle: files.FileHandle,
  fileSize: number,
  label: string
): Promise<{ entries: ZipEntry[]; comment: Buffer }> {
  const end = await readEndRecord(handle, fileSize, label);
  if (end.directoryOffset + end.directorySize > fileSize)
    throw damaged(label, "its zip directory points past the end of the file");
  const directory = Buffer.alloc(end.directorySize);
  await handle.read(directory, 0, end.directorySize, end.directoryOffset);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < end.count; index++) {
    const entry = entryAt(directory, at, label);
    if (entry.localHeaderOffset + 30 > end.directoryOffset)
      throw damaged(label, `the part ${entry.name} lies outside the file`);
    entries.push(entry);
    at += entry.record.length;
  }
  // Other readers list every record the directory holds: parts past the count would be dropped silently.
  if (at + 4 <= directory.length && directory.readUInt32LE(at) === zipSignatures.centralRecord)
    throw damaged(label, "its zip directory holds more parts than its end record counts");
  setRecordLimits(entries, end.directoryOffset, label);
  return { entries, comment: end.comment };
}

/**
 * Each record ends where the next begins (the last where the directory begins). Overlapping records are
 * refused: many entries on one record is how an overlap bomb makes a small file unpack to gigabytes.
 */
function setRecordLimits(
  entries: readonly ZipEntry[],
  directoryOffset: number,
  label: string
): void {
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  byOffset.forEach((entry, index) => {
    const next = byOffset[index + 1] as ZipEntry | undefined;
    entry.recordLimit = next ? next.localHeaderOffset : directoryOffset;
    const least =
      entry.localHeaderOffset + 30 + entry.record.readUInt16LE(28) + entry.compressedSize;
    if (least > entry.recordLimit)
      throw damaged(
        label,
        next
          ? `the parts ${entry.name} and ${next.name} overlap`
          : `the part ${entry.name} runs into the zip directory`
      );
  });
}

/** What the end of central directory record says: how many entries, where the directory lies, the zip's comment. */
interface EndRecord {
  count: number;
  directorySize: number;
  directoryOffset: number;
  comment: Buffer;
}

/** The end record, found from the end of the file (a comment may follow it), with zip64's sizes where it defers to them. */
async function readEndRecord(
  handle: files.FileHandle,
  fileSize: number,
  label: string
): Promise<EndRecord> {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, fileSize - tailLength);
  const end = endRecordIn(tail);
  if (end < 0) throw damaged(label, "it has no zip directory");
  if (tail.readUInt16LE(end + 4) !== 0 || tail.readUInt16LE(end + 6) !== 0)
    throw damaged(label, "it is split over several files");
  const record: EndRecord = {
    count: tail.readUInt16LE(end + 10),
    directorySize: tail.readUInt32LE(end + 12),
    directoryOffset: tail.readUInt32LE(end + 16),
    comment: Buffer.from(tail.subarray(end + 22, end + 22 + tail.readUInt16LE(end + 20))),
  };
  // Exactly 65,535 parts fill the count with no zip64 record: a locator says whether one follows.
  const locator = end - 20;
  const located = locator >= 0 && tail.readUInt32LE(locator) === zipSignatures.zip64Locator;
  if (
    !(record.count === 0xffff && located) &&
    record.directorySize !== full32 &&
    record.directoryOffset !== full32
  )
    return record;
  return { ...record, ...(await readZip64End(handle, tail, end - 20, label)) };
}

/** Where the last end record starts in the tail whose comment fits inside it; -1 when there is none. */
function endRecordIn(tail: Buffer): number {
  for (let index = tail.length - 22; index >= 0; index--) {
    if (
      tail.readUInt32LE(index) === zipSignatures.end &&
      index + 22 + tail.readUInt16LE(index + 20) <= tail.length
    )
      return index;
  }
  return -1;
}

/** The zip64 end record's count and directory, through the locator just before the end record. */
async function readZip64End(
  handle: files.FileHandle,
  tail: Buffer,
  locator: number,
  label: string
): Promise<Omit<EndRecord, "comment">> {
  if (locator < 0 || tail.readUInt32LE(locator) !== zipSignatures.zip64Locator)
    throw damaged(label, "its zip64 directory is missing");
  const record = Buffer.alloc(56);
  await handle.read(record, 0, 56, Number(tail.readBigUInt64LE(locator + 8)));
  if (record.readUInt32LE(0) !== zipSignatures.zip64End)
    throw damaged(label, "its zip64 directory is missing");
  return {
    count: Number(record.readBigUInt64LE(32)),
    directorySize: Number(record.readBigUInt64LE(40)),
    directoryOffset: Number(record.readBigUInt64LE(48)),
  };
}

/** The central directory record at `at`, read into an entry (zip64's sizes applied); an encrypted part is refused. */
function entryAt(directory: Buffer, at: number, label: string): ZipEntry {
  if (at + 46 > directory.length || directory.readUInt32LE(at) !== zipSignatures.centralRecord)
    throw damaged(label, "its zip directory is cut short");
  const nameLength = directory.readUInt16LE(at + 28);
  const extraLength = directory.readUInt16LE(at + 30);
  const commentLength = directory.readUInt16LE(at + 32);
  const length = 46 + nameLength + extraLength + commentLength;
  if (at + length > directory.length) throw damaged(label, "its zip directory is cut short");
  const record = Buffer.from(directory.subarray(at, at + length));
  const entry: ZipEntry = {
    name: record.subarray(46, 46 + nameLength).toString("utf8"),
    flags: record.readUInt16LE(8),
    method: record.readUInt16LE(10),
    crc32: record.readUInt32LE(16),
    compressedSize: record.readUInt32LE(20),
    size: record.readUInt32LE(24),
    localHeaderOffset: record.readUInt32LE(42),
    recordLimit: 0, // set once every entry is read
    record,
  };
  applyZip64(entry, record.subarray(46 + nameLength, 46 + nameLength + extraLength));
  if ((entry.flags & 0x01) !== 0)
    throw new CommandProblem(
      `${label} has encrypted parts (${entry.name}): remove the password in Excel and try again`
    );
  return entry;
}

/** Sizes and offsets too big for 32 bits stand in the zip64 extra field, in this order. */
function applyZip64(entry: ZipEntry, extra: Buffer): void {
  const field = zip64Field(extra);
  if (!field) return;
  let at = field.start;
  const take = (): number => {
    const value = Number(extra.readBigUInt64LE(at));
    at += 8;
    return value;
  };
  if (entry.size === full32 && at + 8 <= field.end) entry.size = take();
  if (entry.compressedSize === full32 && at + 8 <= field.end) entry.compressedSize = take();
  if (entry.localHeaderOffset === full32 && at + 8 <= field.end) entry.localHeaderOffset = take();
}

export function zip64Field(extra: Buffer): { start: number; end: number } | undefined {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) return { start: at + 4, end: Math.min(extra.length, at + 4 + length) };
    at += 4 + length;
  }
  return undefined;
}

/**
 * How many bytes the data descriptor after a part's data takes: with or without its signature, its sizes in
 * 4 or 8 bytes. Eight where the local header has a zip64 field, even when the directory has none (as
 * Python's streaming writer has it); the layout taken is the one holding the directory's CRC-32 and sizes.
 */
export function descriptorLength(
  bytes: Buffer,
  entry: ZipEntry,
  zip64: boolean,
  label: string
): number {
  for (const signed of [4, 0]) {
    if (signed > 0 && (bytes.length < 4 || bytes.readUInt32LE(0) !== zipSignatures.dataDescriptor))
      continue;
    for (const width of zip64 ? [8, 4] : [4, 8]) {
      const length = signed + 4 + 2 * width;
      if (bytes.length < length) continue;
      const size = (at: number): number =>
        width === 4 ? bytes.readUInt32LE(at) : Number(bytes.readBigUInt64LE(at));
      if (
        bytes.readUInt32LE(signed) === entry.crc32 &&
        size(signed + 4) === entry.compressedSize &&
        size(signed + 4 + width) === entry.size
      )
        return length;
    }
  }
  throw damaged(
    label,
    `the part ${entry.name} has a data descriptor that disagrees with its directory entry`
  );
}

/** A copy of a central directory record pointing at a new local header offset. */
export function movedRecord(entry: ZipEntry, offset: number): Buffer {
  const record = Buffer.from(entry.record);
  if (record.readUInt32LE(42) !== full32) {
    record.writeUInt32LE(offset, 42);
    return record;
  }
  const nameLength = record.readUInt16LE(28);
  const extraStart = 46 + nameLength;
  const field = zip64Field(record.subarray(extraStart, extraStart + record.readUInt16LE(30)));
  if (field) {
    let at = extraStart + field.start;
    if (record.readUInt32LE(24) === full32) at += 8;
    if (record.readUInt32LE(20) === full32) at += 8;
    record.writeBigUInt64LE(BigInt(offset), at);
  }
  return record;
}
