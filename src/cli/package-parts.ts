/**
 * The parts of an .xlsx package as kpi-rag reads them: each part parsed as it is inflated, the content type
 * and relationships the package gives a part, and the bounds on how much is unpacked before anything is.
 */
import path from "node:path";
import { CommandProblem } from "./problem";
import { localName, XmlStream, type XmlHandlers } from "./xml";
import { limits, type ZipPackage } from "./zip";
import type { ZipEntry } from "./zip-directory";

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** Parses a part as it is inflated, so that no part is ever held whole, nor as one string. */
export async function parsePart(
  zip: ZipPackage,
  entry: ZipEntry,
  label: string,
  handlers: XmlHandlers
): Promise<void> {
  const stream = new XmlStream(handlers);
  try {
    for await (const chunk of zip.streamPart(entry, label)) stream.feed(chunk);
    stream.end();
  } catch (error) {
    // One text, comment or attribute longer than a JavaScript string holds (about 512 million characters).
    if (error instanceof RangeError)
      throw new CommandProblem(
        `${label} holds more text in one place of its part ${entry.name} than kpi-rag reads; kpi-rag stops here`
      );
    throw error;
  }
}

/** The bound on the whole package's unpacked size, from the directory, before anything is unpacked. */
export function guardSizes(zip: ZipPackage, label: string): void {
  let total = 0;
  for (const entry of zip.entries) total += entry.size;
  if (total > limits.packageBytes)
    throw new CommandProblem(
      `${label} unpacks to more than ${gigabytes(limits.packageBytes)}; kpi-rag stops here`
    );
}

/** The bound on what kpi-rag unpacks and reads: the sheets, the shared strings and the styles, together. */
export function guardReading(
  zip: ZipPackage,
  parts: ReadonlyArray<string | undefined>,
  label: string
): void {
  let read = 0;
  for (const part of parts) read += (part ? zip.entry(part)?.size : 0) ?? 0;
  if (read > limits.readBytes)
    throw new CommandProblem(
      `${label} unpacks to more than ${gigabytes(limits.readBytes)} of sheets, strings and styles; kpi-rag stops here`
    );
}

export function gigabytes(bytes: number): string {
  return `${bytes / 1024 ** 3} GB`;
}

/** The content type [Content_Types].xml gives a part: its Override, or the Default for its extension. */
export async function contentTypeOf(
  zip: ZipPackage,
  types: ZipEntry,
  part: string,
  label: string
): Promise<string | undefined> {
  let override: string | undefined;
  let byExtension: string | undefined;
  const extension = path.posix.extname(part).slice(1).toLowerCase();
  await parsePart(zip, types, label, {
    open(tag) {
      const name = localName(tag.name);
      if (
        name === "Override" &&
        String(tag.attributes.PartName ?? "")
          .replace(/^\//, "")
          .toLowerCase() === part.toLowerCase()
      )
        override = tag.attributes.ContentType;
      if (name === "Default" && String(tag.attributes.Extension ?? "").toLowerCase() === extension)
        byExtension = tag.attributes.ContentType;
    },
  });
  return override ?? byExtension;
}

/** The relationships of a part (of the package itself for ""), with targets as part names. */
export async function relationshipsOf(
  zip: ZipPackage,
  part: string,
  label: string
): Promise<Relationship[]> {
  const folder = path.posix.dirname(part);
  const relsName =
    part === ""
      ? "_rels/.rels"
      : path.posix.join(folder, "_rels", `${path.posix.basename(part)}.rels`);
  const entry = zip.entry(relsName);
  if (!entry) return [];
  const relationships: Relationship[] = [];
  await parsePart(zip, entry, label, {
    open(tag) {
      if (localName(tag.name) !== "Relationship" || tag.attributes.TargetMode === "External")
        return;
      const { Id: id, Type: type, Target: target } = tag.attributes;
      if (id === undefined || type === undefined || target === undefined) return;
      relationships.push({ id, type, target: partName(part === "" ? "" : folder, target) });
    },
  });
  return relationships;
}

export function partName(folder: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a target with a stray % stays as written
  }
  if (decoded.startsWith("/")) return decoded.slice(1);
  return path.posix
    .normalize(path.posix.join(folder === "." ? "" : folder, decoded))
    .replace(/^\/+/, "");
}
