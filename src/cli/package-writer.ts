/**
 * Writes the output package: every part that is not edited as the exact bytes of its local record in the
 * input (compressed data untouched), every edited part deflated afresh, then the directory. `verifyPackage`
 * compares the written directory with the input's before the file is renamed into place.
 */
import { once } from "node:events";
import type { promises as files } from "node:fs";
import { finished } from "node:stream/promises";
import { createDeflateRaw, crc32, type DeflateRaw, type ZlibOptions } from "node:zlib";
import { CommandProblem } from "./problem";
import { untilDone } from "./partial-io";
import { ZipPackage } from "./zip";
import { full32, movedRecord, zipSignatures, type ZipEntry } from "./zip-directory";

/** A part's new content, unpacked, as a stream of chunks. */
export type PartContent = () => AsyncIterable<Buffer>;

/** A part whose first bytes were deflated early (BegunDeflate), with the content that follows them. */
export interface ContinuedPart {
  begun: BegunDeflate;
  rest: PartContent;
}

/** How an edited part is given: its content whole, or continued from a deflate begun earlier. */
export type PartEdit = PartContent | ContinuedPart;

/** Level 1: a third of level 6's time on a large sheet, for a part about a half larger. */
const deflateOptions = { level: 1, chunkSize: 1024 * 1024 };

/**
 * How far zlib may fall behind the cells being read before reading waits for it: on two cores zlib shares
 * the second with V8's compiler and collector, and waiting for it at each chunk kept the command idle (a
 * tenth of 100,000 rows' run); what it has not taken by the end of reading it deflates while the tables are
 * found. A bound all the same, so that a sheet at Excel's maximum never waits in memory whole.
 */
const behindBytes = 8 * 1024 * 1024;

/**
 * A part's first bytes deflated while the command does other work, its output gathered (a seventh of the
 * bytes or less), and the rest of the part later deflated into the same stream, so the bytes form one
 * deflate stream. zlib deflates on a thread of its own, which any machine with two cores runs beside the
 * command's: a sheet's cells are deflated as they are read, while the scanner reads them and the core
 * finds the tables, instead of at the end with the command idle, waiting on it (on 100,000 rows about a
 * quarter of a second of a run of two).
 */
export class BegunDeflate {
  crc = 0;
  size = 0;
  private readonly deflater: DeflateRaw = createDeflateRaw({
    ...deflateOptions,
    writableHighWaterMark: behindBytes,
  } as ZlibOptions);
  private readonly output: Buffer[] = [];
  /** Until zlib has taken all but `behindBytes` of the bytes given: the next are given only then. */
  private taken: Promise<unknown> | undefined;

  constructor() {
    this.deflater.on("data", (chunk: Buffer) => this.output.push(chunk));
    // A failure is kept for finish(), which meets it through `finished`.
    this.deflater.on("error", () => undefined);
  }

  /** Deflates the next bytes of the part, given in pieces, waiting (once) while zlib is too far behind. */
  async add(...pieces: Buffer[]): Promise<void> {
    await this.taken;
    let taking = true;
    for (const bytes of pieces) {
      this.crc = crc32(bytes, this.crc);
      this.size += bytes.length;
      taking = this.deflater.write(bytes);
    }
    this.taken = taking ? undefined : once(this.deflater, "drain");
  }

  /** The whole part deflated: the rest added and the stream ended; its compressed chunks, in order. */
  async finish(rest: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<Buffer[]> {
    for await (const chunk of rest) await this.add(chunk);
    this.deflater.end();
    await finished(this.deflater);
    return this.output;
  }

  /** Lets the stream go, where the part is not written from it. */
  abandon(): void {
    this.deflater.destroy();
  }
}

/** Writes in order, gathering small writes into one call: a package of 70,000 tiny parts is mostly calls. */
class Writer {
  position = 0;
  private gathered: Buffer[] = [];
  private gatheredBytes = 0;
  constructor(private readonly handle: files.FileHandle) {}
  async write(bytes: Buffer): Promise<void> {
    this.gathered.push(bytes);
    this.gatheredBytes += bytes.length;
    this.position += bytes.length;
    if (this.gatheredBytes >= gatherBytes) await this.flush();
  }
  /** Writes out what is gathered. */
  async flush(): Promise<void> {
    const bytes = this.gathered.length === 1 ? this.gathered[0] : Buffer.concat(this.gathered);
    const position = this.position - this.gatheredBytes;
    this.gathered = [];
    this.gatheredBytes = 0;
    const done = await untilDone(
      bytes.length,
      async (at) =>
        (await this.handle.write(bytes, at, bytes.length - at, position + at)).bytesWritten
    );
    // A write that takes nothing leaves no room to finish: told as a full disk.
    if (done < bytes.length) throw Object.assign(new Error("no space left"), { code: "ENOSPC" });
  }
  async writeAt(bytes: Buffer, position: number): Promise<void> {
    await this.flush();
    await this.handle.write(bytes, 0, bytes.length, position);
  }
}

const gatherBytes = 1024 * 1024;

/** Writes the package to `handle`; `edits` maps part names (lower case) to their new content. */
export async function writePackage(
  input: ZipPackage,
  edits: ReadonlyMap<string, PartEdit>,
  handle: files.FileHandle,
  label: string
): Promise<void> {
  const writer = new Writer(handle);
  const directory: Buffer[] = [];
  for (const entry of input.entries) {
    const offset = writer.position;
    const edit = edits.get(entry.name.toLowerCase());
    if (edit) {
      directory.push(await writeEdited(writer, entry, edit));
    } else {
      await input.copyRecord(entry, label, (bytes) => writer.write(bytes));
      directory.push(movedRecord(entry, offset));
    }
    if (writer.position > full32)
      throw new CommandProblem(`The output would be larger than 4 GB, more than kpi-rag writes`);
  }
  const directoryOffset = writer.position;
  for (const record of directory) await writer.write(record);
  await writer.write(
    endRecords(
      input.entries.length,
      writer.position - directoryOffset,
      directoryOffset,
      input.comment
    )
  );
  await writer.flush();
}

/**
 * The end of central directory record, after a zip64 end record and its locator where the count of parts
 * fills the end record's 16 bits (65,535 or more): the end record then holds 0xFFFF, which says "see zip64".
 */
function endRecords(
  count: number,
  directorySize: number,
  directoryOffset: number,
  comment: Buffer
): Buffer {
  const zip64 = count >= 0xffff;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(zipSignatures.end, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryOffset, 16);
  end.writeUInt16LE(comment.length, 20);
  if (!zip64) return Buffer.concat([end, comment]);
  const zip64End = Buffer.alloc(56);
  zip64End.writeUInt32LE(zipSignatures.zip64End, 0);
  zip64End.writeBigUInt64LE(44n, 4); // the size of the rest of the record
  zip64End.writeUInt16LE(45, 12); // made by, and needed to read: version 4.5, zip64
  zip64End.writeUInt16LE(45, 14);
  zip64End.writeBigUInt64LE(BigInt(count), 24);
  zip64End.writeBigUInt64LE(BigInt(count), 32);
  zip64End.writeBigUInt64LE(BigInt(directorySize), 40);
  zip64End.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(zipSignatures.zip64Locator, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
  locator.writeUInt32LE(1, 16); // the number of disks
  return Buffer.concat([zip64End, locator, end, comment]);
}

/** Deflates an edited part after a local header written last, once its CRC-32 and sizes are known. */
async function writeEdited(writer: Writer, entry: ZipEntry, edit: PartEdit): Promise<Buffer> {
  const nameLength = entry.record.readUInt16LE(28);
  const name = entry.record.subarray(46, 46 + nameLength);
  const headerOffset = writer.position;
  await writer.write(Buffer.concat([Buffer.alloc(30), name]));
  const deflated =
    typeof edit === "function"
      ? await writeDeflated(writer, edit)
      : await writeContinued(writer, edit);
  if (deflated.size > full32 || deflated.compressedSize > full32)
    throw new CommandProblem(
      `The part ${entry.name} would be larger than 4 GB, more than kpi-rag writes`
    );
  await writer.writeAt(localHeader(entry, deflated), headerOffset);
  return centralRecord(entry, deflated, headerOffset);
}

/** What the local header and the central directory record say of a deflated part. */
interface Deflated {
  crc: number;
  size: number;
  compressedSize: number;
}

/** Streams the content through deflate into the writer, counting and checksumming as it goes. */
async function writeDeflated(writer: Writer, content: PartContent): Promise<Deflated> {
  const deflater = createDeflateRaw(deflateOptions);
  const deflated: Deflated = { crc: 0, size: 0, compressedSize: 0 };
  const feeding = (async () => {
    for await (const chunk of content()) {
      deflated.crc = crc32(chunk, deflated.crc);
      deflated.size += chunk.length;
      if (!deflater.write(chunk)) await new Promise((resolve) => deflater.once("drain", resolve));
    }
    deflater.end();
  })();
  feeding.catch((error: unknown) => deflater.destroy(error as Error));
  for await (const chunk of deflater) {
    deflated.compressedSize += (chunk as Buffer).length;
    await writer.write(chunk as Buffer);
  }
  await feeding;
  return deflated;
}

/** Finishes a deflate begun earlier with the rest of the part, then writes its chunks. */
async function writeContinued(writer: Writer, { begun, rest }: ContinuedPart): Promise<Deflated> {
  const chunks = await begun.finish(rest());
  let compressedSize = 0;
  for (const chunk of chunks) {
    compressedSize += chunk.length;
    await writer.write(chunk);
  }
  return { crc: begun.crc, size: begun.size, compressedSize };
}

/** Only "the name is UTF-8" of the part's flags stays: the part is deflated afresh, without a data descriptor. */
function keptFlags(entry: ZipEntry): number {
  return entry.flags & 0x0800;
}

function localHeader(entry: ZipEntry, deflated: Deflated): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(zipSignatures.localHeader, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(keptFlags(entry), 6);
  header.writeUInt16LE(8, 8);
  entry.record.copy(header, 10, 12, 16); // the part's time and date, as they were
  header.writeUInt32LE(deflated.crc >>> 0, 14);
  header.writeUInt32LE(deflated.compressedSize, 18);
  header.writeUInt32LE(deflated.size, 22);
  header.writeUInt16LE(entry.record.readUInt16LE(28), 26);
  header.writeUInt16LE(0, 28);
  return header;
}

/** The entry's central directory record for its new local header, its extra fields left out, its comment kept. */
function centralRecord(entry: ZipEntry, deflated: Deflated, headerOffset: number): Buffer {
  const nameLength = entry.record.readUInt16LE(28);
  const commentStart = 46 + nameLength + entry.record.readUInt16LE(30);
  const record = Buffer.concat([
    entry.record.subarray(0, 46 + nameLength),
    entry.record.subarray(commentStart),
  ]);
  record.writeUInt16LE(20, 6);
  record.writeUInt16LE(keptFlags(entry), 8);
  record.writeUInt16LE(8, 10);
  record.writeUInt32LE(deflated.crc >>> 0, 16);
  record.writeUInt32LE(deflated.compressedSize, 20);
  record.writeUInt32LE(deflated.size, 24);
  record.writeUInt16LE(0, 30);
  record.writeUInt32LE(headerOffset, 42);
  return record;
}

/**
 * The written package against the input, through both directories: the same parts in the same order, and
 * every part not edited with the same CRC-32, sizes and method. A difference is a CommandProblem naming it.
 * An edited part is not inflated again: its CRC-32 and size were taken from its bytes on their way into
 * deflate, and a long sheet's third inflation cost as much as its deflation.
 */
export async function verifyPackage(
  input: ZipPackage,
  output: string,
  edited: ReadonlySet<string>
): Promise<void> {
  const written = await ZipPackage.open(output, "the written copy");
  try {
    const problem = (detail: string): CommandProblem =>
      new CommandProblem(
        `The written copy does not match the workbook (${detail}): nothing was written`
      );
    if (written.entries.length !== input.entries.length)
      throw problem(`it has ${written.entries.length} parts, the workbook ${input.entries.length}`);
    input.entries.forEach((entry, index) => {
      const copy = written.entries[index];
      if (copy.name !== entry.name) throw problem(`the part ${entry.name} is missing`);
      if (edited.has(entry.name.toLowerCase())) return;
      if (
        copy.crc32 !== entry.crc32 ||
        copy.size !== entry.size ||
        copy.compressedSize !== entry.compressedSize ||
        copy.method !== entry.method
      ) {
        throw problem(`the part ${entry.name} differs`);
      }
    });
  } finally {
    await written.close();
  }
}
