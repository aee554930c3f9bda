/**
 * The zip container of an .xlsx package, read from its central directory without loading the file.
 * kpi-rag copies every part it does not edit as the exact bytes of its local record (header, compressed
 * data, data descriptor), so those parts come out byte for byte; only the parts it edits are inflated,
 * and those as streams. Compression is node:zlib (zlib itself, native, with its CRC-32): on the 31 MB sheet
 * of a 100,000-row workbook it inflates in about 35 ms of CPU against fflate's 80-200 ms, and deflates at
 * level 1 in about 90 ms against fflate's 330 ms. No zip library copies a local record verbatim (fflate
 * and zip.js rewrite the headers, with data descriptors), which is why the container records, a few
 * fixed-layout structures, are read and written here.
 */
import { promises as files, type Stats } from "node:fs";
import { createInflateRaw, crc32, inflateRawSync } from "node:zlib";
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

/** Guards: how much kpi-rag unpacks before it stops, and the ratio no real part of a workbook reaches. */
export const limits = {
  /** The parts kpi-rag reads (sheets, shared strings, styles), unpacked, together. */
  readBytes: 1024 ** 3,
  /** The whole package, as its directory declares it. */
  packageBytes: 4 * 1024 ** 3,
  /** Unpacked over packed size of a part, above which a part of some size is a zip bomb. */
  ratio: 200,
  ratioFloorBytes: 16 * 1024 ** 2,
  /**
   * Shared strings: more than a sheet of 16 million unique text cells. Each costs a slot in memory however
   * short, and 140 million empty ones (707 MB, inside the byte guards) abort V8.
   */
  sharedStrings: 2 ** 24,
};

/** A part at most this size, packed and unpacked, is inflated in one call: a stream costs more than its data. */
const smallPartBytes = 1024 * 1024;

const windowBytes = 1024 * 1024;

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

/** Where an entry's local record lies in the file, and its bytes when it is small enough to read whole. */
export interface LocalRecord {
  start: number;
  dataStart: number;
  end: number;
  whole?: Buffer;
}

/** A package open for reading; `close` it when done. */
export class ZipPackage {
  private constructor(
    readonly file: string,
    private readonly handle: files.FileHandle,
    readonly size: number,
    readonly entries: ZipEntry[],
    readonly comment: Buffer,
    private readonly byName: Map<string, ZipEntry>
  ) {}

  /** Opens `file` and reads its central directory; a damaged directory is a CommandProblem naming `label`. */
  static async open(file: string, label: string): Promise<ZipPackage> {
    const handle = await files.open(file, "r");
    try {
      const stats: Stats = await handle.stat();
      const { entries, comment } = await readDirectory(handle, stats.size, label);
      const byName = new Map<string, ZipEntry>();
      for (const entry of entries) {
        const key = entry.name.toLowerCase();
        if (byName.has(key)) throw damaged(label, `it holds ${entry.name} twice`);
        byName.set(key, entry);
      }
      return new ZipPackage(file, handle, stats.size, entries, comment, byName);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  /** A part by name; part names are case-insensitive in a package. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** The last megabyte read for small reads: records are mostly read in order, one after the next. */
  private window: { start: number; bytes: Buffer } = { start: 0, bytes: Buffer.alloc(0) };

  /** The `length` bytes at `position` (fewer at the end of the file); not to be changed, as they may be shared. */
  async bytesAt(position: number, length: number): Promise<Buffer> {
    const { start, bytes } = this.window;
    if (position >= start && position + length <= start + bytes.length)
      return bytes.subarray(position - start, position - start + length);
    if (length > windowBytes / 4) return this.read(position, length);
    this.window = { start: position, bytes: await this.read(position, windowBytes) };
    return this.window.bytes.subarray(0, length);
  }

  private async read(position: number, length: number): Promise<Buffer> {
    const buffer = Buffer.alloc(Math.max(0, Math.min(length, this.size - position)));
    let done = 0;
    while (done < buffer.length) {
      const { bytesRead } = await this.handle.read(
        buffer,
        done,
        buffer.length - done,
        position + done
      );
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done === buffer.length ? buffer : buffer.subarray(0, done);
  }

  /**
   * Where the entry's local record lies: its header, data and descriptor, to copy as they are. The header
   * must name the part and its packing as the directory does, and the record must end before the next.
   */
  async localRecord(entry: ZipEntry, label: string): Promise<LocalRecord> {
    const start = entry.localHeaderOffset;
    // A small record is read in one call: a package of 70,000 tiny parts is mostly the cost of each read.
    const span = Math.min(entry.recordLimit, this.size) - start;
    const whole = span <= smallPartBytes ? await this.bytesAt(start, span) : undefined;
    const bytesAt = async (position: number, length: number): Promise<Buffer> =>
      whole
        ? whole.subarray(position - start, position - start + length)
        : this.bytesAt(position, length);
    const nameLength = entry.record.readUInt16LE(28);
    const header = await bytesAt(start, 30 + nameLength);
    if (header.length < 30 || header.readUInt32LE(0) !== zipSignatures.localHeader)
      throw damaged(label, `the part ${entry.name} is missing`);
    if (
      header.readUInt16LE(26) !== nameLength ||
      !header.subarray(30).equals(entry.record.subarray(46, 46 + nameLength)) ||
      header.readUInt16LE(8) !== entry.method
    )
      throw damaged(label, `the part ${entry.name} is not the part its directory entry names`);
    const extraLength = header.readUInt16LE(28);
    const dataStart = start + 30 + nameLength + extraLength;
    let end = dataStart + entry.compressedSize;
    if ((header.readUInt16LE(6) & 0x08) !== 0) {
      const extra = await bytesAt(start + 30 + nameLength, extraLength);
      const descriptor = await bytesAt(end, 24);
      end += descriptorLength(descriptor, entry, zip64Field(extra) !== undefined, label);
    }
    if (end > this.size) throw damaged(label, `the part ${entry.name} is cut short`);
    if (end > entry.recordLimit)
      throw damaged(label, `the part ${entry.name} runs into the record after it`);
    return { start, dataStart, end, whole: whole?.subarray(0, end - start) };
  }

  /** The bytes of [from, from + length) of a record, from the record read whole where it was. */
  private recordChunks(record: LocalRecord, from: number, length: number): AsyncIterable<Buffer> {
    const whole = record.whole;
    if (!whole) return this.rawChunks(from, length);
    return (async function* () {
      yield whole.subarray(from - record.start, from - record.start + length);
    })();
  }

  /** Reads a small part whole, inflated and checked against its CRC-32. */
  async readPart(entry: ZipEntry, label: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.streamPart(entry, label)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  /**
   * The part's bytes, inflated as they are read. It stops the moment the part unpacks to more than its
   * directory says (how a zip bomb lies) and checks the CRC-32 at the end.
   */
  async *streamPart(entry: ZipEntry, label: string): AsyncGenerator<Buffer> {
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.size > limits.ratioFloorBytes && ratio > limits.ratio) {
      throw new CommandProblem(
        `${label} looks like a zip bomb: its part ${entry.name} unpacks to ${Math.round(ratio)} times its packed size; kpi-rag stops here`
      );
    }
    const record = await this.localRecord(entry, label);
    yield* this.unpacked(
      entry,
      this.recordChunks(record, record.dataStart, entry.compressedSize),
      label
    );
  }

  /**
   * Copies the entry's local record through `write` exactly as it stands, inflating its data on the way
   * (and dropping what it inflates to) to check it against the part's CRC-32 and size: a damaged part the
   * command does not read is refused like one it reads.
   */
  async copyRecord(
    entry: ZipEntry,
    label: string,
    write: (bytes: Buffer) => Promise<void>
  ): Promise<void> {
    const record = await this.localRecord(entry, label);
    const { start, dataStart, end } = record;
    const dataEnd = dataStart + entry.compressedSize;
    for await (const chunk of this.recordChunks(record, start, dataStart - start))
      await write(chunk);
    const data = this.recordChunks(record, dataStart, entry.compressedSize);
    const written = (async function* () {
      for await (const chunk of data) {
        await write(chunk);
        yield chunk;
      }
    })();
    for await (const chunk of this.unpacked(entry, written, label)) void chunk;
    for await (const chunk of this.recordChunks(record, dataEnd, end - dataEnd)) await write(chunk);
  }

  /** The part's data inflated from its packed chunks, checked against its size and CRC-32 as it goes. */
  private async *unpacked(
    entry: ZipEntry,
    source: AsyncIterable<Buffer>,
    label: string
  ): AsyncGenerator<Buffer> {
    if (entry.method !== 0 && entry.method !== 8)
      throw damaged(label, `the part ${entry.name} is packed in a way Excel does not use`);
    const tooLarge = (): CommandProblem =>
      damaged(label, `the part ${entry.name} unpacks to more than its directory says`);
    const cannot = (): CommandProblem =>
      damaged(label, `the part ${entry.name} cannot be unpacked`);
    let crc = 0;
    let size = 0;
    const check = (chunk: Buffer): Buffer => {
      size += chunk.length;
      if (size > entry.size) throw tooLarge();
      crc = crc32(chunk, crc);
      return chunk;
    };
    if (entry.compressedSize <= smallPartBytes && entry.size <= smallPartBytes) {
      const packed: Buffer[] = [];
      for await (const chunk of source) packed.push(chunk);
      yield check(
        entry.method === 8
          ? inflatedWhole(Buffer.concat(packed), entry, tooLarge, cannot)
          : Buffer.concat(packed)
      );
    } else if (entry.method === 0) {
      for await (const chunk of source) yield check(chunk);
    } else {
      yield* inflatedStream(source, check, cannot);
    }
    if (size !== entry.size || crc >>> 0 !== entry.crc32)
      throw damaged(label, `the part ${entry.name} does not match its checksum`);
  }

  /** The bytes of [start, start + length), in chunks, for copying. */
  async *rawChunks(start: number, length: number): AsyncGenerator<Buffer> {
    const chunkSize = 1024 * 1024;
    for (let done = 0; done < length;) {
      const chunk = await this.bytesAt(start + done, Math.min(chunkSize, length - done));
      if (chunk.length === 0) throw new Error("the file ended early");
      done += chunk.length;
      yield chunk;
    }
  }
}

export function damaged(label: string, detail: string): CommandProblem {
  return new CommandProblem(
    `${label} is damaged or is not an .xlsx workbook (${detail}): Excel may be able to repair it`
  );
}

async function readDirectory(
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

function zip64Field(extra: Buffer): { start: number; end: number } | undefined {
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
function descriptorLength(bytes: Buffer, entry: ZipEntry, zip64: boolean, label: string): number {
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

/** A part's data inflated in one call, at most its declared size. */
function inflatedWhole(
  packed: Buffer,
  entry: ZipEntry,
  tooLarge: () => CommandProblem,
  cannot: () => CommandProblem
): Buffer {
  try {
    return inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" ? tooLarge() : cannot();
  }
}

/**
 * A part's data inflated as a stream, each chunk through `check`. A failure of the source (the output's
 * disk, when copying) is passed on as it is; a failure of zlib is the part's damage.
 */
async function* inflatedStream(
  source: AsyncIterable<Buffer>,
  check: (chunk: Buffer) => Buffer,
  cannot: () => CommandProblem
): AsyncGenerator<Buffer> {
  const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
  let sourceFailure: { error: unknown } | undefined;
  const feeding = (async () => {
    for await (const chunk of source) {
      if (!inflater.write(chunk)) await new Promise((resolve) => inflater.once("drain", resolve));
    }
    inflater.end();
  })();
  feeding.catch((error: unknown) => {
    sourceFailure = { error };
    inflater.destroy();
  });
  try {
    for await (const chunk of inflater) yield check(chunk as Buffer);
    await feeding;
  } catch (error) {
    if (sourceFailure) throw sourceFailure.error;
    if (error instanceof CommandProblem) throw error;
    throw cannot();
  } finally {
    inflater.destroy();
  }
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
