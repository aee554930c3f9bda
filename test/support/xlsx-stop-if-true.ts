/**
 * The stopIfTrue flag of conditional formatting rules, which ExcelJS drops: read from and written to
 * the sheets' XML in the .xlsx package. Rules are matched by their priority, unique within a sheet.
 * (JSZip comes with ExcelJS.)
 */
import JSZip from "jszip";

/** Sheet name -> priorities of the rules that stop if true. */
export type StopIfTrueRules = Map<string, Set<number>>;

export async function readStopIfTrue(xlsx: Buffer): Promise<StopIfTrueRules> {
  const zip = await JSZip.loadAsync(xlsx);
  const rules: StopIfTrueRules = new Map();
  for (const [sheetName, path] of await sheetPaths(zip)) {
    const xml = (await zip.file(path)?.async("string")) ?? "";
    const priorities = new Set<number>();
    for (const [tag] of xml.matchAll(/<cfRule\b[^>]*>/g)) {
      const attributes = attributesOf(tag);
      if (attributes.stopIfTrue === "1" || attributes.stopIfTrue === "true")
        priorities.add(Number(attributes.priority));
    }
    rules.set(sheetName, priorities);
  }
  return rules;
}

export async function markStopIfTrue(xlsx: Buffer, rules: StopIfTrueRules): Promise<Buffer> {
  if ([...rules.values()].every((priorities) => priorities.size === 0)) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  for (const [sheetName, path] of await sheetPaths(zip)) {
    const priorities = rules.get(sheetName);
    const file = zip.file(path);
    if (!priorities?.size || !file) continue;
    const xml = await file.async("string");
    const marked = xml.replace(/<cfRule\b[^>]*>/g, (tag) => {
      const attributes = attributesOf(tag);
      if (!priorities.has(Number(attributes.priority)) || "stopIfTrue" in attributes) return tag;
      return tag.replace(/^<cfRule\b/, '<cfRule stopIfTrue="1"');
    });
    zip.file(path, marked);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Sheet names and the paths of their XML parts, from xl/workbook.xml and its relationships. */
async function sheetPaths(zip: JSZip): Promise<[string, string][]> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const relationships = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map<string, string>();
  for (const [tag] of relationships.matchAll(/<Relationship\b[^>]*>/g)) {
    const attributes = attributesOf(tag);
    if (attributes.Id && attributes.Target) targets.set(attributes.Id, attributes.Target);
  }
  const paths: [string, string][] = [];
  for (const [tag] of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const attributes = attributesOf(tag);
    const target = targets.get(attributes["r:id"] ?? "");
    if (attributes.name && target) {
      paths.push([
        unescapeXml(attributes.name),
        target.startsWith("/") ? target.slice(1) : `xl/${target}`,
      ]);
    }
  }
  return paths;
}

function attributesOf(tag: string): Record<string, string> {
  return Object.fromEntries(
    [...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((match) => [match[1]!, match[2]!])
  );
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
