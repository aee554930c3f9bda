import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { example, kpiRag, scratchPerTest } from "./run-command";

const workspace = scratchPerTest();

/**
 * The package with its directory's count, size and offset moved into a zip64 end record, as a zip writer does
 * for a package too large for 32 bits: the classic end record then holds 0xFFFF and 0xFFFFFFFF, and a locator
 * just before it says where the zip64 record is. Written here, byte by byte, from the ZIP specification (4.3.14-16).
 */
function withZip64End(bytes: Buffer, { locator = true } = {}): Buffer {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  const zip64End = Buffer.alloc(56);
  zip64End.writeUInt32LE(0x06064b50, 0);
  zip64End.writeBigUInt64LE(44n, 4); // the size of the rest of the record
  zip64End.writeUInt16LE(45, 12);
  zip64End.writeUInt16LE(45, 14);
  zip64End.writeBigUInt64LE(BigInt(count), 24);
  zip64End.writeBigUInt64LE(BigInt(count), 32);
  zip64End.writeBigUInt64LE(BigInt(directorySize), 40);
  zip64End.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const zip64Locator = Buffer.alloc(20);
  zip64Locator.writeUInt32LE(0x07064b50, 0);
  zip64Locator.writeBigUInt64LE(BigInt(end), 8);
  zip64Locator.writeUInt32LE(1, 16);
  const classicEnd = Buffer.alloc(22);
  classicEnd.writeUInt32LE(0x06054b50, 0);
  classicEnd.writeUInt16LE(0xffff, 8);
  classicEnd.writeUInt16LE(0xffff, 10);
  classicEnd.writeUInt32LE(0xffffffff, 12);
  classicEnd.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([
    bytes.subarray(0, end),
    zip64End,
    ...(locator ? [zip64Locator] : []),
    classicEnd,
  ]);
}

describe("kpi-rag reads a zip directory given in a zip64 end record", () => {
  it("formats the Appendix I workbook the same when its directory stands in a zip64 end record", async () => {
    const { folder, copies } = workspace(example("appendix-i.xlsx"));
    const zip64 = path.join(folder, "appendix-i-zip64.xlsx");
    writeFileSync(zip64, withZip64End(readFileSync(copies[0])));
    const plain = await kpiRag(copies[0], "--out", path.join(folder, "plain.xlsx"));
    const read = await kpiRag(zip64, "--out", path.join(folder, "zip64.xlsx"));
    expect(read.error).toEqual([]);
    expect(read.code).toBe(0);
    expect(read.out.slice(0, -1)).toEqual(plain.out.slice(0, -1)); // all but the "Wrote …" line
    expect(read.out.some((line) => /\bGreen\b/.test(line))).toBe(true);
  });

  it("refuses, as damaged, a zip64 end record without the locator that says where it is", async () => {
    const { folder, copies } = workspace(example("appendix-i.xlsx"));
    const broken = path.join(folder, "no-locator.xlsx");
    writeFileSync(broken, withZip64End(readFileSync(copies[0]), { locator: false }));
    const run = await kpiRag(broken);
    expect(run.code).toBe(1);
    expect(run.error).toEqual([
      `kpi-rag: ${broken} is damaged or is not an .xlsx workbook (its zip64 directory is missing): Excel may be able to repair it`,
    ]);
  });
});
