import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { limits } from "../../src/cli/zip";
import { kpiRag, scratchPerTest } from "./run-command";
import { problemsOf } from "./verified-output";
import { exampleParts, localRecords, zipOf, type ZipPart } from "./zip-records";

const workspace = scratchPerTest();
const sheet = "xl/worksheets/sheet1.xml";

/** Runs kpi-rag on the package; expects one line on stderr, exit 1, and nothing written beside it. */
async function refused(bytes: Buffer): Promise<string> {
  const { folder } = workspace();
  const input = path.join(folder, "hostile.xlsx");
  writeFileSync(input, bytes);
  const run = await kpiRag(input);
  expect(run.error).toHaveLength(1);
  expect(run.code).toBe(1);
  expect(readdirSync(folder)).toEqual(["hostile.xlsx"]);
  return run.error[0].replace(input, "hostile.xlsx");
}

/** Runs kpi-rag on the package; expects it formatted, and returns the input and the output's path. */
async function formatted(bytes: Buffer): Promise<{ input: string; output: string }> {
  const { folder } = workspace();
  const input = path.join(folder, "package.xlsx");
  writeFileSync(input, bytes);
  const output = path.join(folder, "package.rag.xlsx");
  const run = await kpiRag(input);
  expect(run.error).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.out.some((line) => /\bGreen\b/.test(line))).toBe(true);
  expect(await problemsOf(output)).toEqual([]);
  return { input, output };
}

function replacing(parts: ZipPart[], name: string, change: Partial<ZipPart>): ZipPart[] {
  expect(parts.some((part) => part.name === name)).toBe(true);
  return parts.map((part) => (part.name === name ? { ...part, ...change } : part));
}

describe("kpi-rag refuses a damaged package in one line rather than dropping or passing on its damage", () => {
  it("refuses a package whose end record counts fewer parts than its directory holds", async () => {
    const parts = await exampleParts();
    expect(await refused(zipOf(parts, { endCount: parts.length - 2 }))).toBe(
      "kpi-rag: hostile.xlsx is damaged or is not an .xlsx workbook (its zip directory holds more parts than its end record counts): Excel may be able to repair it"
    );
  });

  it("refuses a bad checksum in a part it does not read (docProps/app.xml), naming the part", async () => {
    const parts = await exampleParts();
    const app = parts.find((part) => part.name === "docProps/app.xml")!;
    expect(
      await refused(
        zipOf(replacing(parts, "docProps/app.xml", { crc: (crc32(app.content) ^ 1) >>> 0 }))
      )
    ).toBe(
      "kpi-rag: hostile.xlsx is damaged or is not an .xlsx workbook (the part docProps/app.xml does not match its checksum): Excel may be able to repair it"
    );
  });

  it("refuses deflate data that cannot be unpacked in a part it does not read", async () => {
    const parts = await exampleParts();
    const app = parts.find((part) => part.name === "docProps/app.xml")!;
    const packed = deflateRawSync(app.content);
    packed[0] = 0xff; // a block type deflate does not have
    expect(await refused(zipOf(replacing(parts, "docProps/app.xml", { packed })))).toBe(
      "kpi-rag: hostile.xlsx is damaged or is not an .xlsx workbook (the part docProps/app.xml cannot be unpacked): Excel may be able to repair it"
    );
  });

  it("refuses a local header whose name disagrees with the directory's", async () => {
    const parts = await exampleParts();
    expect(
      await refused(zipOf(replacing(parts, "docProps/app.xml", { localName: "docProps/APP.xml" })))
    ).toBe(
      "kpi-rag: hostile.xlsx is damaged or is not an .xlsx workbook (the part docProps/app.xml is not the part its directory entry names): Excel may be able to repair it"
    );
  });

  it("refuses an overlap bomb: fifty directory entries sharing one part's record", async () => {
    const parts = await exampleParts();
    const bomb: ZipPart[] = [
      ...parts,
      ...Array.from({ length: 50 }, (_, index) => ({
        name: `xl/media/copy${index}.bin`,
        content: Buffer.alloc(0),
        recordOf: "docProps/app.xml",
      })),
    ];
    expect(await refused(zipOf(bomb))).toMatch(
      /^kpi-rag: hostile\.xlsx is damaged or is not an \.xlsx workbook \(the parts (docProps\/app\.xml|xl\/media\/copy\d+\.bin) and xl\/media\/copy\d+\.bin overlap\): Excel may be able to repair it$/
    );
  });
});

describe("kpi-rag copies the records other writers make, byte for byte", () => {
  it("copies Python's streaming records (zip64 field in the local header, 24-byte descriptors) whole", async () => {
    const { input, output } = await formatted(zipOf(await exampleParts(), { streaming: true }));
    const before = localRecords(readFileSync(input));
    const after = localRecords(readFileSync(output));
    const copied = [...before.keys()].filter((name) => name !== sheet && name !== "xl/styles.xml");
    expect(copied.length).toBeGreaterThan(5);
    for (const name of copied) expect(after.get(name), name).toEqual(before.get(name));
  });
});

describe("kpi-rag reads and writes packages of many parts", () => {
  /** The example with tiny stored parts added to make `count` parts in all. */
  async function withParts(count: number): Promise<ZipPart[]> {
    const parts = await exampleParts();
    const extra = count - parts.length;
    return [
      ...parts,
      ...Array.from({ length: extra }, (_, index) => ({
        name: `customXml/n${index}.txt`,
        content: Buffer.from(String(index)),
        method: 0 as const,
      })),
    ];
  }

  it("formats a package of 70,000 parts, writing the zip64 end record their count needs", async () => {
    const { output } = await formatted(zipOf(await withParts(70_000), { zip64End: true }));
    const bytes = readFileSync(output);
    const end = bytes.length - 22;
    expect(bytes.readUInt32LE(end)).toBe(0x06054b50);
    expect(bytes.readUInt16LE(end + 10)).toBe(0xffff);
    expect(bytes.readUInt32LE(end - 20)).toBe(0x07064b50); // the zip64 locator
    expect(localRecords(bytes).size).toBe(70_000);
  }, 120_000);

  it("formats a package of exactly 65,535 parts, whose count fills the end record with no zip64 record", async () => {
    const { output } = await formatted(zipOf(await withParts(65_535)));
    expect(localRecords(readFileSync(output)).size).toBe(65_535);
  }, 120_000);
});

describe("kpi-rag stops, in one line, before a package's size runs V8 out of room", () => {
  it(`stops at more than ${limits.sharedStrings.toLocaleString("en-GB")} shared strings, the way to 140 million empty ones`, async () => {
    const parts = await exampleParts();
    const strings = Buffer.concat([
      Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
      ),
      Buffer.alloc((limits.sharedStrings + 1) * 5, "<si/>"),
      Buffer.from("</sst>"),
    ]);
    const line = await refused(
      zipOf(replacing(parts, "xl/sharedStrings.xml", { content: strings, method: 0 }))
    );
    expect(line).toBe(
      "kpi-rag: hostile.xlsx holds more than 16,777,216 different texts (shared strings), more than kpi-rag reads; kpi-rag stops here"
    );
  }, 120_000);

  it("formats a workbook whose workbook part is 606 MB, longer than a JavaScript string, reading it as a stream", async () => {
    const parts = await exampleParts();
    const workbook = parts.find((part) => part.name === "xl/workbook.xml")!;
    const text = workbook.content.toString("utf8");
    const close = text.lastIndexOf("</workbook>");
    const head = Buffer.from(text.slice(0, close));
    const tail = Buffer.from(text.slice(close));
    // A megabyte of white space, varied enough that the part stays under the zip bomb ratio.
    const block = Buffer.alloc(1024 * 1024, " ");
    for (let at = 0; at < block.length; at += 509) block[at] = 0x0a;
    for (let at = 0; at < block.length; at += 1021) block[at] = 0x09;
    const blocks = 606;
    const flush = { finishFlush: constants.Z_FULL_FLUSH };
    const packedBlock = deflateRawSync(block, { ...flush, level: 1 });
    const packed = Buffer.concat([
      deflateRawSync(head, flush),
      ...Array.from({ length: blocks }, () => packedBlock),
      deflateRawSync(tail),
    ]);
    let crc = crc32(head);
    for (let index = 0; index < blocks; index++) crc = crc32(block, crc);
    crc = crc32(tail, crc);
    const size = head.length + blocks * block.length + tail.length;
    expect(size / packed.length).toBeLessThan(limits.ratio);
    await formatted(
      zipOf(replacing(parts, "xl/workbook.xml", { content: Buffer.alloc(0), packed, crc, size }))
    );
  }, 120_000);
});
