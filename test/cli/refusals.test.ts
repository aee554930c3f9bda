import JSZip from "jszip";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSheet } from "../../src/cli/sheet";
import { verifyPackage } from "../../src/cli/package-writer";
import { ZipPackage } from "../../src/cli/zip";
import { example, kpiRag, scratchPerTest } from "./run-command";

const workspace = scratchPerTest();
const folder = (): string => workspace().folder;

/** An OLE compound file whose directory names the given streams, as Excel's encrypted and .xls files do. */
function compoundFile(...streams: string[]): Buffer {
  const header = Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
  ]);
  return Buffer.concat([
    header,
    ...streams.map((name) =>
      Buffer.concat([Buffer.from(name, "utf16le"), Buffer.alloc(128 - name.length * 2)])
    ),
  ]);
}

async function appendixWith(change: (zip: JSZip) => Promise<void> | void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(example("appendix-i.xlsx")));
  await change(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Sets the declared unpacked size of a part in the zip's central directory. */
function declareSize(bytes: Buffer, part: string, size: number): Buffer {
  const copy = Buffer.from(bytes);
  const name = Buffer.from(part);
  for (let at = copy.length - 22; at >= 0; at--) {
    if (copy.readUInt32LE(at) !== 0x02014b50) continue;
    if (copy.subarray(at + 46, at + 46 + copy.readUInt16LE(at + 28)).equals(name)) {
      copy.writeUInt32LE(size, at + 24);
      return copy;
    }
  }
  throw new Error(`no ${part} in the directory`);
}

async function refused(file: string, bytes: Buffer): Promise<string> {
  const dir = folder();
  const input = path.join(dir, file);
  writeFileSync(input, bytes);
  const run = await kpiRag(input);
  expect(run.code).toBe(1);
  expect(run.error).toHaveLength(1);
  expect(readdirSync(dir)).toEqual([file]);
  return run.error[0];
}

describe("kpi-rag refuses, in one line naming what the file is, what it truly cannot format", () => {
  it("names an encrypted workbook as password-protected", async () => {
    expect(
      await refused("locked.xlsx", compoundFile("EncryptionInfo", "EncryptedPackage"))
    ).toMatch(
      /locked\.xlsx is password-protected \(encrypted\): open it in Excel, remove the password/
    );
  });

  it("names an Excel 97-2003 workbook as an .xls", async () => {
    expect(await refused("old.xls", compoundFile("Workbook", "SummaryInformation"))).toMatch(
      /old\.xls is an Excel 97-2003 workbook \(\.xls\): save it as \.xlsx/
    );
  });

  it("names an Excel binary workbook as an .xlsb", async () => {
    const xlsb = await appendixWith((zip) => {
      const types =
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>';
      zip.file("[Content_Types].xml", types);
    });
    expect(await refused("binary.xlsb", xlsb)).toMatch(
      /binary\.xlsb is an Excel binary workbook \(\.xlsb\)/
    );
  });

  it("names an OpenDocument spreadsheet as an .ods", async () => {
    const zip = new JSZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", {
      compression: "STORE",
    });
    zip.file("content.xml", "<office:document-content/>");
    expect(await refused("calc.ods", await zip.generateAsync({ type: "nodebuffer" }))).toMatch(
      /calc\.ods is an OpenDocument spreadsheet \(\.ods\)/
    );
  });

  it("names a CSV file as one", async () => {
    expect(
      await refused("figures.csv", Buffer.from("Measure,2019/20\nRe-referrals,0.22\n"))
    ).toMatch(/figures\.csv is not an \.xlsx workbook \(it is a CSV file/);
  });

  it("refuses a Strict Open XML workbook, which it does not read", async () => {
    const strict = await appendixWith(async (zip) => {
      const rels = await zip.file("_rels/.rels")!.async("string");
      zip.file(
        "_rels/.rels",
        rels.replace(
          "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
          "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
        )
      );
    });
    expect(await refused("strict.xlsx", strict)).toMatch(
      /strict\.xlsx is saved as Strict Open XML, which kpi-rag does not read/
    );
  });

  it("refuses a zip cut short as damaged", async () => {
    const whole = readFileSync(example("appendix-i.xlsx"));
    expect(await refused("cut.xlsx", whole.subarray(0, Math.floor(whole.length / 2)))).toMatch(
      /cut\.xlsx is damaged or is not an \.xlsx workbook \(it has no zip directory\)/
    );
  });

  it("refuses a part whose bytes do not match its checksum as damaged, naming it", async () => {
    const bytes = await appendixWith(() => undefined);
    const copy = Buffer.from(bytes);
    const at = copy.indexOf(Buffer.from("xl/sharedStrings.xml")) + 30;
    copy[at] ^= 0xff;
    expect(await refused("flipped.xlsx", copy)).toMatch(
      /flipped\.xlsx is damaged .*xl\/sharedStrings\.xml/
    );
  });
});

describe("kpi-rag's resource guards stop before memory runs out", () => {
  it("stops at a zip bomb: a sheet that unpacks to a thousand times its packed size", async () => {
    const bomb = await appendixWith(async (zip) => {
      const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      zip.file(
        "xl/worksheets/sheet1.xml",
        xml.replace("<sheetData>", `<sheetData>${" ".repeat(64 * 1024 * 1024)}`),
        { compression: "DEFLATE", compressionOptions: { level: 9 } }
      );
    });
    expect(await refused("bomb.xlsx", bomb)).toMatch(
      /bomb\.xlsx looks like a zip bomb: its part xl\/worksheets\/sheet1\.xml unpacks to \d+ times its packed size; kpi-rag stops here/
    );
  }, 60_000);

  it("stops at a package its directory says unpacks to more than 4 GB", async () => {
    const bytes = await appendixWith((zip) => {
      zip.file("xl/media/a.bin", Buffer.alloc(1000, 1));
      zip.file("xl/media/b.bin", Buffer.alloc(1000, 2));
    });
    const declared = declareSize(
      declareSize(bytes, "xl/media/a.bin", 0xc0000000),
      "xl/media/b.bin",
      0xc0000000
    );
    expect(await refused("huge.xlsx", declared)).toMatch(
      /huge\.xlsx unpacks to more than 4 GB; kpi-rag stops here/
    );
  });

  it("stops at sheets its directory says unpack to more than 1 GB, before reading any", async () => {
    const bytes = await appendixWith(() => undefined);
    expect(
      await refused("wide.xlsx", declareSize(bytes, "xl/worksheets/sheet1.xml", 0x48000000))
    ).toMatch(
      /wide\.xlsx unpacks to more than 1 GB of sheets, strings and styles; kpi-rag stops here/
    );
  });

  it("stops reading a part that unpacks to more than its directory declares", async () => {
    const bytes = await appendixWith(() => undefined);
    expect(await refused("lying.xlsx", declareSize(bytes, "xl/sharedStrings.xml", 100))).toMatch(
      /lying\.xlsx is damaged .*xl\/sharedStrings\.xml unpacks to more than its directory says/
    );
  });

  it("reads a date-formatted number beyond Excel's last date, or before its first, as the figure it is", async () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="1"><v>99999999999</v></c><c r="B1" s="1"><v>-5</v></c><c r="C1" s="1"><v>44287</v></c></row></sheetData></worksheet>';
    async function* chunks(): AsyncGenerator<Buffer> {
      yield Buffer.from(xml);
    }
    const { grid } = await readSheet(chunks(), {
      name: "Dates",
      sharedStrings: [],
      numberFormats: ["General", "d-mmm-yy"],
      date1904: false,
    });
    expect(grid.values[0]).toEqual([99999999999, -5, 44287]);
  });
});

describe("kpi-rag checks what it wrote against the input before renaming it into place", () => {
  it("finds a part whose bytes differ from the input's, and names it", async () => {
    const dir = folder();
    const input = path.join(dir, "input.xlsx");
    const other = path.join(dir, "other.xlsx");
    writeFileSync(input, readFileSync(example("appendix-i.xlsx")));
    writeFileSync(
      other,
      await appendixWith(async (zip) => {
        const core = await zip.file("docProps/core.xml")!.async("string");
        zip.file(
          "docProps/core.xml",
          core.replace(
            "</cp:coreProperties>",
            "<dc:subject>Children in care</dc:subject></cp:coreProperties>"
          )
        );
      })
    );
    const package_ = await ZipPackage.open(input, "input.xlsx");
    try {
      await expect(
        verifyPackage(package_, other, new Set(["xl/worksheets/sheet1.xml", "xl/styles.xml"]))
      ).rejects.toThrow(
        /The written copy does not match the workbook \(the part docProps\/core\.xml differs\): nothing was written/
      );
      await expect(verifyPackage(package_, input, new Set())).resolves.toBeUndefined();
    } finally {
      await package_.close();
    }
    expect(existsSync(path.join(dir, "input.rag.xlsx"))).toBe(false);
  });
});
