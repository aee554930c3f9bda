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
import { createInflateRaw, crc32, inflateRawSync, type ZlibOptions } from "node:zlib";
import { untilDone } from "./partial-io";
import { CommandProblem } from "./problem";
import {
  damaged,
  descriptorLength,
  readDirectory,
  zip64Field,
  zipSignatures,
  type ZipEntry,
} from "./zip-directory";

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
    const done = await untilDone(
      buffer.length,
      async (at) =>
        (await this.handle.read(buffer, at, buffer.length - at, position + at)).bytesRead
    );
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
  // zlib may inflate a few megabytes ahead of the reader: on two cores it shares the second with V8's
  // compiler and collector, and kept a chunk ahead the reader waited for it (20 ms of 100,000 rows' run).
  const inflater = createInflateRaw({
    chunkSize: 256 * 1024,
    readableHighWaterMark: 4 * 1024 * 1024,
  } as ZlibOptions);
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
