/**
 * An .xlsx or .xlsm package opened for reading: its sheets, date system, shared strings, number formats and
 * tables, read from the parts themselves, and each worksheet streamed into the core's grid on demand.
 * Nothing here writes; kpi-rag never changes its input.
 */
import { areaOfAddress, type CellValue, type RegisterTable } from "../core";
import {
  kindOfContentType,
  odsProblem,
  refuseNonZip,
  strictProblem,
  strictRelationships,
  type WorkbookKind,
} from "./package-kind";
import { CommandProblem } from "./problem";
import { presentColumns } from "./cells";
import { readSheet, type SheetContent } from "./sheet";
import { cellNumberFormats, spreadsheetNamespace } from "./styles";
import { localName, prefixFor, unescapeExcelText, XmlEncodingProblem } from "./xml";
import { limits, ZipPackage } from "./zip";
import {
  contentTypeOf,
  guardReading,
  guardSizes,
  parsePart,
  relationshipsOf,
  type Relationship,
} from "./package-parts";
import { damaged, type ZipEntry } from "./zip-directory";

const relationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

export interface WorkbookSheet {
  name: string;
  /** The worksheet part, e.g. xl/worksheets/sheet1.xml. */
  part: string;
  tables: Array<{ name: string; ref: string }>;
}

export interface Workbook {
  file: string;
  label: string;
  zip: ZipPackage;
  kind: WorkbookKind;
  sheets: WorkbookSheet[];
  date1904: boolean;
  stylesPart?: string;
  sharedStrings: string[];
  numberFormats: string[];
}

/** Opens a workbook file, refusing with one line anything kpi-rag cannot format. */
export async function openWorkbook(file: string, label = file): Promise<Workbook> {
  await refuseNonZip(file, label);
  const zip = await ZipPackage.open(file, label);
  try {
    return await readWorkbook(zip, file, label);
  } catch (error) {
    await zip.close();
    if (error instanceof XmlEncodingProblem)
      throw new CommandProblem(
        `${label} has parts saved as UTF-16, which kpi-rag does not edit: save it again in Excel and try again`
      );
    if (error instanceof CommandProblem) throw error;
    throw damaged(label, error instanceof Error ? error.message.split("\n")[0] : String(error));
  }
}

async function readWorkbook(zip: ZipPackage, file: string, label: string): Promise<Workbook> {
  guardSizes(zip, label);
  await refuseOpenDocument(zip, label);
  const { part: workbookPart, entry: workbookEntry, kind } = await findWorkbookPart(zip, label);
  const relationships = await relationshipsOf(zip, workbookPart, label);
  const { listed, date1904 } = await readWorkbookPart(zip, workbookEntry, label);
  const sheets = await worksheetsOf(zip, listed, relationships, label);
  const stylesPart = relationships.find(
    (relationship) => relationship.type === `${relationshipTypes}styles`
  )?.target;
  const stringsPart = relationships.find(
    (relationship) => relationship.type === `${relationshipTypes}sharedStrings`
  )?.target;
  guardReading(zip, [...sheets.map((sheet) => sheet.part), stylesPart, stringsPart], label);
  const stylesEntry = stylesPart ? zip.entry(stylesPart) : undefined;
  const stringsEntry = stringsPart ? zip.entry(stringsPart) : undefined;
  return {
    file,
    label,
    zip,
    kind,
    sheets,
    date1904,
    stylesPart: stylesEntry?.name,
    numberFormats: cellNumberFormats(
      stylesEntry ? await zip.readPart(stylesEntry, label) : undefined
    ),
    sharedStrings: stringsEntry ? await readSharedStrings(zip, stringsEntry, label) : [],
  };
}

/** An OpenDocument spreadsheet is a zip too: the start of its mimetype part says so. */
async function refuseOpenDocument(zip: ZipPackage, label: string): Promise<void> {
  const mimetype = zip.entry("mimetype");
  if (!mimetype) return;
  for await (const chunk of zip.streamPart(mimetype, label)) {
    if (chunk.toString("latin1", 0, 256).includes("opendocument")) throw odsProblem(label);
    return;
  }
}

/** The workbook part the package's relationships name, and the kind of workbook its content type says it is. */
async function findWorkbookPart(
  zip: ZipPackage,
  label: string
): Promise<{ part: string; entry: ZipEntry; kind: WorkbookKind }> {
  const types = zip.entry("[Content_Types].xml");
  if (!types)
    throw new CommandProblem(
      `${label} is a zip file but not an Excel workbook (it has no [Content_Types].xml)`
    );
  const office = (await relationshipsOf(zip, "", label)).find((relationship) =>
    relationship.type.endsWith("/officeDocument")
  );
  if (!office) {
    const backslashed = zip.entries.find((entry) => entry.name.includes("\\"));
    throw damaged(
      label,
      backslashed
        ? `its parts are named with backslashes, as "${backslashed.name}", where a workbook's names use "/"`
        : "it names no workbook part"
    );
  }
  if (office.type.startsWith(strictRelationships)) throw strictProblem(label);
  const part = office.target;
  const kind = kindOfContentType(await contentTypeOf(zip, types, part, label), label);
  const entry = zip.entry(part);
  if (!entry) throw damaged(label, `the part ${part} is missing`);
  return { part, entry, kind };
}

/** The sheets the workbook part lists (name and relationship id) and its date system; a Strict workbook is refused. */
async function readWorkbookPart(
  zip: ZipPackage,
  entry: ZipEntry,
  label: string
): Promise<{ listed: Array<{ name: string; id: string }>; date1904: boolean }> {
  const listed: Array<{ name: string; id: string }> = [];
  let date1904 = false;
  let strict = false;
  await parsePart(zip, entry, label, {
    open(tag) {
      const name = localName(tag.name);
      if (name === "workbook" && prefixFor(tag, spreadsheetNamespace) === undefined) strict = true;
      if (name === "workbookPr")
        date1904 = tag.attributes.date1904 === "1" || tag.attributes.date1904 === "true";
      if (name === "sheet") {
        const id = Object.entries(tag.attributes).find(
          ([key]) => localName(key) === "id" && key !== "sheetId"
        )?.[1];
        if (tag.attributes.name !== undefined && id) listed.push({ name: tag.attributes.name, id });
      }
    },
  });
  if (strict) throw strictProblem(label);
  return { listed, date1904 };
}

/** The listed sheets that are worksheets, each with its part and its tables. */
async function worksheetsOf(
  zip: ZipPackage,
  listed: ReadonlyArray<{ name: string; id: string }>,
  relationships: readonly Relationship[],
  label: string
): Promise<WorkbookSheet[]> {
  const byId = new Map(relationships.map((relationship) => [relationship.id, relationship]));
  const sheets: WorkbookSheet[] = [];
  // Each sheet is a part of its own: Excel opens no workbook that lists one part twice, and read once per
  // listing (10,000 listings of one small part) the command would read and hold it 10,000 times.
  const sheetOfPart = new Map<string, string>();
  for (const { name, id } of listed) {
    const relationship = byId.get(id);
    if (!relationship || !relationship.type.endsWith("/worksheet")) continue; // chart sheets and dialog sheets hold no cells
    if (!zip.entry(relationship.target)) throw damaged(label, `the sheet ${name} is missing`);
    const other = sheetOfPart.get(relationship.target);
    if (other !== undefined)
      throw damaged(
        label,
        `the sheets "${other}" and "${name}" are one part, ${relationship.target}`
      );
    sheetOfPart.set(relationship.target, name);
    sheets.push({
      name,
      part: relationship.target,
      tables: await tablesOf(zip, relationship.target, label),
    });
  }
  return sheets;
}

async function tablesOf(
  zip: ZipPackage,
  sheetPart: string,
  label: string
): Promise<WorkbookSheet["tables"]> {
  const tables: WorkbookSheet["tables"] = [];
  for (const relationship of await relationshipsOf(zip, sheetPart, label)) {
    if (!relationship.type.endsWith("/table")) continue;
    const entry = zip.entry(relationship.target);
    if (!entry) continue;
    await parsePart(zip, entry, label, {
      open(tag) {
        if (localName(tag.name) !== "table") return;
        const name = tag.attributes.displayName ?? tag.attributes.name;
        if (name && tag.attributes.ref) tables.push({ name, ref: tag.attributes.ref });
      },
    });
  }
  return tables;
}

/** The shared strings, rich text as its plain text, phonetic guides left out, as Excel shows them. */
async function readSharedStrings(
  zip: ZipPackage,
  entry: ZipEntry,
  label: string
): Promise<string[]> {
  const strings: string[] = [];
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  await parsePart(zip, entry, label, {
    open(tag) {
      const name = localName(tag.name);
      if (name === "si") current = "";
      else if (name === "rPh") phonetic += 1;
      else if (name === "t" && phonetic === 0) inText = true;
    },
    text(text) {
      if (inText) current += text;
    },
    close(tag) {
      const name = localName(tag.name);
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic -= 1;
      else if (name === "si") {
        if (strings.length === limits.sharedStrings)
          throw new CommandProblem(
            `${label} holds more than ${limits.sharedStrings.toLocaleString("en-GB")} different texts (shared strings), more than kpi-rag reads; kpi-rag stops here`
          );
        strings.push(unescapeExcelText(current ?? ""));
        current = undefined;
      }
    },
  });
  return strings;
}

/** Streams one worksheet into a grid, with where its conditional formats stand (and its bytes, when kept). */
export async function readSheetContent(
  workbook: Workbook,
  sheet: WorkbookSheet,
  keepCopy = false
): Promise<SheetContent> {
  const entry = workbook.zip.entry(sheet.part)!;
  try {
    return await readSheet(workbook.zip.streamPart(entry, workbook.label), {
      name: sheet.name,
      sharedStrings: workbook.sharedStrings,
      numberFormats: workbook.numberFormats,
      date1904: workbook.date1904,
      keepCopy,
    });
  } catch (error) {
    if (error instanceof CommandProblem) throw error;
    if (error instanceof XmlEncodingProblem)
      throw new CommandProblem(
        `${workbook.label} has parts saved as UTF-16, which kpi-rag does not edit: save it again in Excel and try again`
      );
    throw damaged(
      workbook.label,
      `the sheet ${sheet.name} cannot be read: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`
    );
  }
}

/** The cells of a named table (header row first), from its sheet's grid; undefined when there is none. */
export function tableCells(
  workbook: Workbook,
  contents: ReadonlyMap<string, SheetContent>,
  tableName: string
): RegisterTable | undefined {
  for (const sheet of workbook.sheets) {
    const table = sheet.tables.find(
      (candidate) => candidate.name.toLowerCase() === tableName.toLowerCase()
    );
    const content = contents.get(sheet.name);
    if (!table || !content) continue;
    const { top, left, bottom, right } = areaOfAddress(table.ref);
    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    // Only the rows and cells the sheet holds: a table may claim the whole sheet.
    const last = Math.min(bottom, content.grid.values.length - 1);
    for (let row = top; row <= last; row++) {
      const cells = content.grid.values[row];
      const formats = content.grid.numberFormats[row];
      const rowValues: CellValue[] = [];
      const rowFormats: string[] = [];
      for (const column of presentColumns(cells, left, right)) {
        rowValues[column - left] = cells[column] ?? null;
        rowFormats[column - left] = formats[column] ?? "General";
      }
      values.push(rowValues);
      numberFormats.push(rowFormats);
    }
    return { values, numberFormats };
  }
  return undefined;
}

/** The sheet that holds a named table, if any. */
export function sheetWithTable(workbook: Workbook, tableName: string): WorkbookSheet | undefined {
  return workbook.sheets.find((sheet) =>
    sheet.tables.some((table) => table.name.toLowerCase() === tableName.toLowerCase())
  );
}
