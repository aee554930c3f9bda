/**
 * What a file is, before kpi-rag reads it as a workbook: every file it cannot format is named as what it
 * is (an encrypted workbook, an .xls, an .xlsb, an .ods, a CSV, a Strict Open XML workbook) in one line.
 */
import { promises as files } from "node:fs";
import path from "node:path";
import { CommandProblem } from "./problem";

const compoundFile = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Refuses anything that is not a zip package, naming it; resolves when the file starts like a zip. */
export async function refuseNonZip(file: string, label: string): Promise<void> {
  const handle = await files.open(file, "r");
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    if (bytesRead >= 4 && head.readUInt32LE(0) === 0x04034b50) return;
    if (bytesRead >= 4 && head.readUInt32LE(0) === 0x06054b50) return;
    if (bytesRead === 8 && head.equals(compoundFile))
      throw new CommandProblem(await compoundFileProblem(handle, label));
    const csv = path.extname(file).toLowerCase() === ".csv";
    throw new CommandProblem(
      `${label} is not an .xlsx workbook${csv ? " (it is a CSV file: open it in Excel and save it as .xlsx)" : ""}`
    );
  } finally {
    await handle.close();
  }
}

/**
 * An OLE compound file is either an encrypted (password-protected) .xlsx or an Excel 97-2003 workbook.
 * Their stream names stand in UTF-16 in the file's directory sectors.
 */
async function compoundFileProblem(handle: files.FileHandle, label: string): Promise<string> {
  const { size } = await handle.stat();
  const length = Math.min(size, 64 * 1024 * 1024);
  const bytes = Buffer.alloc(length);
  await handle.read(bytes, 0, length, 0);
  const has = (name: string): boolean => bytes.includes(Buffer.from(name, "utf16le"));
  if (has("EncryptedPackage") || has("EncryptionInfo")) {
    return `${label} is password-protected (encrypted): open it in Excel, remove the password (File > Info > Protect Workbook) and save it, then try again`;
  }
  if (has("Workbook") || has("Book"))
    return `${label} is an Excel 97-2003 workbook (.xls): save it as .xlsx in Excel and try again`;
  return `${label} is password-protected or an old .xls workbook: save it as an unprotected .xlsx and try again`;
}

export type WorkbookKind = "xlsx" | "xlsm" | "xltx" | "xltm";

const mainContentTypes: Record<string, WorkbookKind | "xlsb" | "xlam"> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
  "application/vnd.ms-excel.sheet.macroenabled.main+xml": "xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xltx",
  "application/vnd.ms-excel.template.macroenabled.main+xml": "xltm",
  "application/vnd.ms-excel.sheet.binary.macroenabled.main": "xlsb",
  "application/vnd.ms-excel.addin.macroenabled.main+xml": "xlam",
};

export const strictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

/** The kind of workbook a main part's content type says, or the sentence refusing it. */
export function kindOfContentType(contentType: string | undefined, label: string): WorkbookKind {
  const kind = contentType ? mainContentTypes[contentType.trim().toLowerCase()] : undefined;
  if (kind === "xlsb")
    throw new CommandProblem(
      `${label} is an Excel binary workbook (.xlsb): save it as .xlsx in Excel and try again`
    );
  if (kind === "xlam")
    throw new CommandProblem(`${label} is an Excel add-in (.xlam), not a workbook`);
  if (!kind)
    throw new CommandProblem(
      `${label} is a package but not an Excel workbook (its main part is ${contentType ?? "of no known type"})`
    );
  return kind;
}

export function odsProblem(label: string): CommandProblem {
  return new CommandProblem(
    `${label} is an OpenDocument spreadsheet (.ods): save it as .xlsx and try again`
  );
}

export function strictProblem(label: string): CommandProblem {
  return new CommandProblem(
    `${label} is saved as Strict Open XML, which kpi-rag does not read: save it in Excel as an Excel Workbook (.xlsx) and try again`
  );
}
