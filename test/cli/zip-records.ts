/**
 * Zip packages written record by record from the ZIP specification (APPNOTE 4.3), so a test can build the
 * hostile and unusual ones other writers make: a short count in the end record, Python's streaming
 * records, a local header that disagrees with the directory, directory entries sharing one record.
 */
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { crc32, deflateRawSync } from "node:zlib";
import { example } from "./run-command";

export interface ZipPart {
  name: string;
  content: Buffer;
  /** 8 deflates the content (the default), 0 stores it. */
  method?: 0 | 8;
  /** The packed data, when not what the content packs to (damaged deflate data). */
  packed?: Buffer;
  /** The CRC-32 declared, when not the content's. */
  crc?: number;
  /** The unpacked size declared, when not the content's (with `packed`, for a part too large to hold). */
  size?: number;
  /** The name in the local header, when not the directory's. */
  localName?: string;
  /** A directory entry for the record of the named part, with no record of its own (an overlap bomb). */
  recordOf?: string;
}

export interface Layout {
  /**
   * As Python's zipfile writes to a stream: a zip64 field in the local header, the CRC-32 and sizes in a
   * 24-byte data descriptor after the data, and no zip64 field in the directory.
   */
  streaming?: boolean;
  /** The count of parts the end record gives, when not the directory's. */
  endCount?: number;
  /** A zip64 end record and locator before the end record. */
  zip64End?: boolean;
}

/** The parts of a bundled example, in the order of its directory. */
export async function exampleParts(name = "appendix-i.xlsx"): Promise<ZipPart[]> {
  const zip = await JSZip.loadAsync(readFileSync(example(name)));
  const parts: ZipPart[] = [];
  for (const file of Object.values(zip.files)) {
    if (!file.dir) parts.push({ name: file.name, content: await file.async("nodebuffer") });
  }
  return parts;
}

/** The package of the parts, laid out as asked. */
export function zipOf(parts: readonly ZipPart[], layout: Layout = {}): Buffer {
  const records: Buffer[] = [];
  const directory: Buffer[] = [];
  const offsets = new Map<string, number>();
  const written = new Map<string, Buffer>();
  let position = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const method = part.method ?? 8;
    const packed = part.packed ?? (method === 8 ? deflateRawSync(part.content) : part.content);
    const crc = part.crc ?? crc32(part.content);
    const size = part.size ?? part.content.length;
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(layout.streaming ? 0x08 : 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    if (part.recordOf !== undefined) {
      const shared = written.get(part.recordOf)!;
      shared.copy(central, 16, 16, 28); // the shared record's CRC-32 and sizes
      central.writeUInt32LE(offsets.get(part.recordOf)!, 42);
      directory.push(Buffer.concat([central, name]));
      continue;
    }
    central.writeUInt32LE(position, 42);
    offsets.set(part.name, position);
    written.set(part.name, central);
    directory.push(Buffer.concat([central, name]));
    const localName = Buffer.from(part.localName ?? part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(layout.streaming ? 45 : 20, 4);
    local.writeUInt16LE(layout.streaming ? 0x08 : 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(localName.length, 26);
    let extra = Buffer.alloc(0);
    let descriptor = Buffer.alloc(0);
    if (layout.streaming) {
      // Sizes unknown when the header is written: 0xFFFFFFFF and a zip64 field of zeros, then the descriptor.
      local.writeUInt32LE(0xffffffff, 18);
      local.writeUInt32LE(0xffffffff, 22);
      extra = Buffer.alloc(20);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      descriptor = Buffer.alloc(24);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeBigUInt64LE(BigInt(packed.length), 8);
      descriptor.writeBigUInt64LE(BigInt(size), 16);
    } else {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(packed.length, 18);
      local.writeUInt32LE(size, 22);
    }
    local.writeUInt16LE(extra.length, 28);
    const record = Buffer.concat([local, localName, extra, packed, descriptor]);
    records.push(record);
    position += record.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const count = layout.endCount ?? directory.length;
  const zip64 = Buffer.alloc(layout.zip64End ? 76 : 0);
  if (layout.zip64End) {
    zip64.writeUInt32LE(0x06064b50, 0);
    zip64.writeBigUInt64LE(44n, 4);
    zip64.writeUInt16LE(45, 12);
    zip64.writeUInt16LE(45, 14);
    zip64.writeBigUInt64LE(BigInt(count), 24);
    zip64.writeBigUInt64LE(BigInt(count), 32);
    zip64.writeBigUInt64LE(BigInt(directoryBytes.length), 40);
    zip64.writeBigUInt64LE(BigInt(position), 48);
    zip64.writeUInt32LE(0x07064b50, 56);
    zip64.writeBigUInt64LE(BigInt(position + directoryBytes.length), 64);
    zip64.writeUInt32LE(1, 72);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(position, 16);
  return Buffer.concat([...records, directoryBytes, zip64, end]);
}

/** The local record of each part, from its header to the next record or the directory, by name. */
export function localRecords(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const directoryOffset = zip.readUInt32LE(end + 16);
  const entries: Array<{ name: string; offset: number }> = [];
  for (let at = directoryOffset; zip.readUInt32LE(at) === 0x02014b50;) {
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
      offset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  const starts = [...entries.map((entry) => entry.offset), directoryOffset].sort((a, b) => a - b);
  return new Map(
    entries.map((entry) => [
      entry.name,
      zip.subarray(entry.offset, starts[starts.indexOf(entry.offset) + 1]),
    ])
  );
}
