/**
 * xl/styles.xml: read for each cell format's number format code, and edited only in <dxfs>, where the
 * rules' differential formats go. Existing dxf entries keep their bytes and their indices; an entry the
 * rules need that is already there, byte for byte, is reused, so formatting twice adds nothing twice.
 */
import {
  escapeXml,
  localName,
  NamespaceScopes,
  parseXml,
  prefixOf,
  XmlStream,
  type XmlTag,
} from "./xml";

export const spreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Excel's built-in number formats by id (ECMA-376 18.8.30), as ExcelJS names them. */
const builtInFormats: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** The number format code of each cell format (the `s` of a cell), "General" where it names none. */
export function cellNumberFormats(styles: Buffer | undefined): string[] {
  if (!styles) return [];
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  const path: string[] = [];
  parseXml(styles, {
    open(tag) {
      const name = localName(tag.name);
      const parent = path[path.length - 1];
      if (name === "numFmt" && parent === "numFmts")
        custom.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ""));
      if (name === "xf" && parent === "cellXfs")
        formatIds.push(Number(tag.attributes.numFmtId ?? 0));
      path.push(name);
    },
    close() {
      path.pop();
    },
  });
  return formatIds.map((id) => custom.get(id) ?? builtInFormats[id] ?? "General");
}

/** A rule's look: fill and font colours as "#RRGGBB", and a number format where status symbols are shown. */
export interface RuleStyle {
  fill: string;
  font: string;
  numberFormat?: string;
}

/** The dxf element for a rule's fill and font, written as the old ExcelJS writer did and Excel reads. */
export function dxfXml(style: RuleStyle, prefix: string): string {
  const p = prefix ? `${prefix}:` : "";
  const argb = (colour: string): string => escapeXml(`FF${colour.slice(1).toUpperCase()}`);
  // CT_Dxf's sequence: font, numFmt, fill.
  const numberFormat =
    style.numberFormat === undefined
      ? ""
      : `<${p}numFmt numFmtId="${dxfFormatId(style.numberFormat)}" formatCode="${escapeXml(style.numberFormat)}"/>`;
  return `<${p}dxf><${p}font><${p}color rgb="${argb(style.font)}"/></${p}font>${numberFormat}<${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(style.fill)}"/></${p}patternFill></${p}fill></${p}dxf>`;
}

/**
 * A dxf number format's id, worked out from its code so the same format always gets the same id (and
 * formatting twice reuses the dxf): far above the ids workbooks give their own formats (164 upwards).
 */
function dxfFormatId(code: string): number {
  let hash = 0;
  for (const character of code) hash = (hash * 31 + character.codePointAt(0)!) % 20_000;
  return 10_000 + hash;
}

/** Elements of CT_Stylesheet that come before <dxfs>, in the schema's sequence. */
const beforeDxfs = new Set([
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
]);

/**
 * Adds the dxf entries `styles` need to styles.xml, reusing identical ones. Returns the new part (the
 * same bytes when nothing was added) and each style's dxf index, in the order given.
 */
export function withDxfs(
  part: Buffer,
  styles: readonly RuleStyle[]
): { part: Buffer; dxfIds: number[] } {
  const layout = readStylesLayout(part);
  const prefix = layout.dxfs ? layout.dxfs.prefix : layout.prefix;
  const entries = layout.dxfs ? [...layout.dxfs.entries] : [];
  const added: string[] = [];
  const dxfIds = styles.map((style) => {
    const xml = dxfXml(style, prefix);
    const found = entries.indexOf(xml);
    if (found >= 0) return found;
    entries.push(xml);
    added.push(xml);
    return entries.length - 1;
  });
  if (added.length === 0) return { part, dxfIds };
  return { part: withAddedDxfs(part, layout, added.join(""), entries.length), dxfIds };
}

/** Where styles.xml's <dxfs> stands, or where it would go. */
interface StylesLayout {
  /** A prefix that names SpreadsheetML's namespace in the root ("" when it is the default namespace). */
  prefix: string;
  /** The root's start tag: where it ends, its name, and whether it is all there is (`<styleSheet …/>`). */
  root: { start: number; end: number; name: string; selfClosing: boolean };
  /** Just after the last element the schema puts before <dxfs>; -1 when there is none. */
  lastBefore: number;
  dxfs?: {
    start: number;
    /** Just after its start tag. */
    tagEnd: number;
    /** Its qualified name and a prefix that names SpreadsheetML's namespace inside it. */
    name: string;
    prefix: string;
    selfClosing: boolean;
    /** Just after its end tag. */
    end: number;
    /** Each dxf entry's XML, as it stands. */
    entries: string[];
  };
}

/** The layout of styles.xml, its elements known by namespace (whatever prefix, or none, a part gives it). */
function readStylesLayout(part: Buffer): StylesLayout {
  const scopes = new NamespaceScopes();
  let prefix: string | undefined;
  let root: StylesLayout["root"] = { start: -1, end: -1, name: "styleSheet", selfClosing: false };
  let depth = 0;
  let lastBefore = -1;
  let dxfs: StylesLayout["dxfs"];
  let entryStart = -1;
  const ours = (tag: XmlTag): boolean => scopes.namespaceOf(tag.name) === spreadsheetNamespace;
  const stream: XmlStream = new XmlStream({
    open(tag: XmlTag) {
      depth += 1;
      scopes.enter(tag);
      if (depth === 1) {
        prefix = scopes.prefixFor(spreadsheetNamespace) ?? prefixOf(tag.name);
        root = {
          start: stream.tagStart,
          end: stream.offset,
          name: tag.name,
          selfClosing: tag.isSelfClosing,
        };
      } else if (depth === 2 && ours(tag) && localName(tag.name) === "dxfs") {
        dxfs = {
          start: stream.tagStart,
          tagEnd: stream.offset,
          name: tag.name,
          prefix: scopes.prefixFor(spreadsheetNamespace) ?? prefixOf(tag.name),
          selfClosing: tag.isSelfClosing,
          end: stream.offset,
          entries: [],
        };
      } else if (depth === 3 && dxfs && dxfs.end === dxfs.tagEnd && !dxfs.selfClosing)
        entryStart = stream.tagStart;
    },
    close(tag: XmlTag) {
      if (depth === 3 && entryStart >= 0 && dxfs) {
        dxfs.entries.push(part.toString("utf8", entryStart, stream.offset));
        entryStart = -1;
      }
      if (depth === 2 && ours(tag)) {
        const name = localName(tag.name);
        if (beforeDxfs.has(name)) lastBefore = stream.offset;
        if (dxfs && name === "dxfs" && !dxfs.selfClosing) dxfs.end = stream.offset;
      }
      scopes.leave();
      depth -= 1;
    },
  });
  stream.feed(part);
  stream.end();
  return { prefix: prefix ?? "", root, lastBefore, dxfs };
}

/** The part with `added` (dxf entries' XML) in its <dxfs>, made where there is none, and the count made `count`. */
function withAddedDxfs(part: Buffer, layout: StylesLayout, added: string, count: number): Buffer {
  const { dxfs, root } = layout;
  if (!dxfs) {
    const p = layout.prefix ? `${layout.prefix}:` : "";
    const made = `<${p}dxfs count="${count}">${added}</${p}dxfs>`;
    if (root.selfClosing) {
      // <styleSheet …/> holds nothing: it opens, takes the <dxfs> and closes, so the part keeps one root.
      const open = part.toString("utf8", root.start, root.end).replace(/\s*\/>$/, ">");
      return Buffer.concat([
        part.subarray(0, root.start),
        Buffer.from(`${open}${made}</${root.name}>`),
        part.subarray(root.end),
      ]);
    }
    const at = layout.lastBefore >= 0 ? layout.lastBefore : root.end;
    return Buffer.concat([part.subarray(0, at), Buffer.from(made), part.subarray(at)]);
  }
  const open = part.toString("utf8", dxfs.start, dxfs.tagEnd);
  if (dxfs.selfClosing) {
    const replacement = `${withCount(open.replace(/\s*\/>$/, ">"), count)}${added}</${dxfs.name}>`;
    return Buffer.concat([
      part.subarray(0, dxfs.start),
      Buffer.from(replacement),
      part.subarray(dxfs.tagEnd),
    ]);
  }
  // The new entries go just before </dxfs>; the start tag's count is the only other change.
  const closeStart = part.lastIndexOf("<", dxfs.end - 1);
  return Buffer.concat([
    part.subarray(0, dxfs.start),
    Buffer.from(withCount(open, count)),
    part.subarray(dxfs.tagEnd, closeStart),
    Buffer.from(added),
    part.subarray(closeStart),
  ]);
}

function withCount(startTag: string, count: number): string {
  if (/\scount\s*=\s*(["'])[^"']*\1/.test(startTag))
    return startTag.replace(/(\scount\s*=\s*)(["'])[^"']*\2/, `$1"${count}"`);
  return startTag.replace(/^(<[^\s/>]+)/, `$1 count="${count}"`);
}
