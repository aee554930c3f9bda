/**
 * Hostile and careless workbooks, built in the test from the bundled Appendix I: a part edited as text, or
 * a package made from scratch, written to a scratch folder and run through kpi-rag.
 */
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { example, kpiRag, type CommandRun } from "./run-command";

export const sheetPart = "xl/worksheets/sheet1.xml";
export const spreadsheetMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Appendix I with each named part's XML changed by its edit; an edit that changes nothing is a mistake in the test. */
export async function appendixEdited(
  edits: Record<string, (xml: string) => string>
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(example("appendix-i.xlsx")));
  for (const [part, edit] of Object.entries(edits)) {
    const xml = await zip.file(part)!.async("string");
    const changed = edit(xml);
    if (changed === xml) throw new Error(`the edit of ${part} changed nothing`);
    zip.file(part, changed);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A workbook of one sheet whose <sheetData> is `rows`, with shared strings `strings`, made from scratch. */
export async function oneSheetWorkbook(
  rows: string,
  options: {
    sheetName?: string;
    strings?: string[];
    tables?: string[];
    sheetHead?: string;
    sheetTail?: string;
  } = {}
): Promise<Buffer> {
  const zip = new JSZip();
  const tables = options.tables ?? [];
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${tables.map((_, index) => `<Override PartName="/xl/tables/table${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`).join("")}</Types>`
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${spreadsheetMain}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${options.sheetName ?? "KPI Register"}" sheetId="1" r:id="rId1"/></sheets></workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
  );
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${spreadsheetMain}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`
  );
  const strings = options.strings ?? [];
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${spreadsheetMain}" count="${strings.length}">${strings.map((text) => `<si><t>${text}</t></si>`).join("")}</sst>`
  );
  zip.file(
    sheetPart,
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${spreadsheetMain}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.sheetHead ?? ""}<sheetData>${rows}</sheetData>${options.sheetTail ?? ""}${tables.length > 0 ? `<tableParts count="${tables.length}">${tables.map((_, index) => `<tablePart r:id="rIdT${index + 1}"/>`).join("")}</tableParts>` : ""}</worksheet>`
  );
  if (tables.length > 0)
    zip.file(
      "xl/worksheets/_rels/sheet1.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${tables.map((_, index) => `<Relationship Id="rIdT${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table${index + 1}.xml"/>`).join("")}</Relationships>`
    );
  tables.forEach((table, index) => zip.file(`xl/tables/table${index + 1}.xml`, table));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Runs kpi-rag on `bytes` saved as `name` in `folder`, with the output beside it. */
export async function runOn(
  folder: string,
  bytes: Buffer,
  name = "hostile.xlsx",
  ...argv: string[]
): Promise<CommandRun & { input: string; output: string }> {
  const input = path.join(folder, name);
  writeFileSync(input, bytes);
  const output = path.join(folder, `out${path.extname(name)}`);
  const run = await kpiRag(input, "--out", output, ...argv);
  return { ...run, input, output };
}

/** The text of a part of a written workbook. */
export async function partOf(file: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return zip.file(part)!.async("string");
}
