/**
 * XML read as a stream with saxes (well-formedness checked, entities decoded, no DTD expansion), with the
 * byte offset of every tag in the undecoded part, so an edit can splice bytes and leave the rest as it was.
 * saxes counts positions in the JavaScript string it was given; each fed chunk is cut at a whole UTF-8
 * character and remembered with its byte offset until no later tag can start inside it.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";

export type XmlTag = SaxesTagPlain;

const feedBytes = 1024 * 1024;

export interface XmlHandlers {
  open?(tag: XmlTag): void;
  close?(tag: XmlTag): void;
  text?(text: string): void;
}

interface Segment {
  char: number;
  byte: number;
  text: string;
  ascii: boolean;
}

export class XmlStream {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({
    xmlns: false,
    position: true,
  });
  private segments: Segment[] = [];
  private chars = 0;
  private bytes = 0;
  private carry: Buffer | undefined;
  private started = false;
  /** Where the last tag ended, in the string: no later tag starts before it. */
  private floor = 0;

  constructor(handlers: XmlHandlers) {
    const { open, close, text } = handlers;
    this.parser.on("opentag", (tag) => {
      open?.(tag);
      this.floor = this.parser.position;
    });
    this.parser.on("closetag", (tag) => {
      close?.(tag);
      this.floor = this.parser.position;
    });
    if (text) {
      this.parser.on("text", text);
      this.parser.on("cdata", text);
    }
  }

  /** Feeds the next bytes of the part. */
  feed(chunk: Buffer): void {
    // A megabyte at a time: a part larger than a JavaScript string holds is never decoded whole.
    if (chunk.length > feedBytes) {
      for (let at = 0; at < chunk.length; at += feedBytes)
        this.feed(chunk.subarray(at, at + feedBytes));
      return;
    }
    let bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    if (!this.started) {
      if (bytes.length < 3) {
        this.carry = bytes;
        return;
      }
      this.started = true;
      if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe))
        throw new XmlEncodingProblem();
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
        this.bytes = 3;
      }
    }
    const whole = wholeCharacters(bytes);
    if (whole < bytes.length) this.carry = Buffer.from(bytes.subarray(whole));
    if (whole === 0) return;
    const text = bytes.toString("utf8", 0, whole);
    this.segments.push({ char: this.chars, byte: this.bytes, text, ascii: text.length === whole });
    this.chars += text.length;
    this.bytes += whole;
    this.parser.write(text);
    this.forget();
  }

  /** Passes over bytes of the part that another reader has read (the cells of a sheet), keeping offsets true. */
  skip(length: number): void {
    this.bytes += length;
  }

  end(): void {
    if (this.carry) {
      const rest = this.carry;
      this.carry = undefined;
      if (
        !this.started &&
        rest.length >= 2 &&
        ((rest[0] === 0xfe && rest[1] === 0xff) || (rest[0] === 0xff && rest[1] === 0xfe))
      )
        throw new XmlEncodingProblem();
      this.started = true;
      this.parser.write(rest.toString("utf8"));
    }
    this.parser.close();
  }

  /** The byte offset just after the tag the parser has read last (its `>`). */
  get offset(): number {
    return this.byteOf(this.parser.position);
  }

  /** The byte offset of the `<` that opened the start tag being reported now. */
  get tagStart(): number {
    const position = this.parser.position;
    for (let index = this.segments.length - 1; index >= 0; index--) {
      const segment = this.segments[index];
      if (segment.char >= position) continue;
      const found = segment.text.lastIndexOf("<", position - segment.char - 1);
      if (found >= 0) return this.byteOf(segment.char + found);
    }
    throw new Error("no tag start in view");
  }

  private byteOf(position: number): number {
    for (let index = this.segments.length - 1; index >= 0; index--) {
      const segment = this.segments[index];
      if (segment.char > position) continue;
      const within = position - segment.char;
      return (
        segment.byte +
        (segment.ascii ? within : Buffer.byteLength(segment.text.slice(0, within), "utf8"))
      );
    }
    return this.bytes;
  }

  /** Drops the segments that end before the last tag ended. */
  private forget(): void {
    let keep = 0;
    while (
      keep < this.segments.length - 1 &&
      this.segments[keep].char + this.segments[keep].text.length <= this.floor
    )
      keep += 1;
    if (keep > 0) this.segments = this.segments.slice(keep);
  }
}

/** XML parts saved as UTF-16, which kpi-rag does not edit. */
export class XmlEncodingProblem extends Error {}

/** How many leading bytes form whole UTF-8 characters. */
function wholeCharacters(bytes: Buffer): number {
  const length = bytes.length;
  for (let index = length - 1; index >= 0 && index >= length - 4; index--) {
    const byte = bytes[index];
    if ((byte & 0xc0) === 0x80) continue;
    if (byte < 0x80) return length;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return length - index >= needed ? length : index;
  }
  return length;
}

/** A whole small part, parsed at once. */
export function parseXml(bytes: Buffer, handlers: XmlHandlers): XmlStream {
  const stream = new XmlStream(handlers);
  stream.feed(bytes);
  stream.end();
  return stream;
}

/** An element's local name, without its namespace prefix. */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The prefix of a qualified name ("" for none). */
export function prefixOf(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? "" : name.slice(0, colon);
}

/** The prefix an element binds to a namespace, from its xmlns attributes (undefined when it binds none). */
export function prefixFor(tag: XmlTag, namespace: string): string | undefined {
  for (const [name, value] of Object.entries(tag.attributes)) {
    if (value !== namespace) continue;
    if (name === "xmlns") return "";
    if (name.startsWith("xmlns:")) return name.slice(6);
  }
  return undefined;
}

/**
 * The namespace bindings in force where a reader stands, element by element, so an element is known by its
 * namespace and not by its prefix: a part may bind one namespace as the default and to a prefix, or bind
 * it again on a child, and still mean the same elements.
 */
export class NamespaceScopes {
  /** One entry an open element: the bindings its own xmlns attributes make, if any. */
  private readonly scopes: Array<Map<string, string> | undefined> = [];

  /** An element opens: its bindings hold for it and everything inside it. */
  enter(tag: XmlTag): void {
    let bindings: Map<string, string> | undefined;
    for (const name in tag.attributes) {
      if (name === "xmlns") (bindings ??= new Map()).set("", tag.attributes[name]);
      else if (name.startsWith("xmlns:"))
        (bindings ??= new Map()).set(name.slice(6), tag.attributes[name]);
    }
    this.scopes.push(bindings);
  }

  /** The element opened last closes. */
  leave(): void {
    this.scopes.pop();
  }

  /** The namespace of an element's qualified name where the reader stands (undefined when its prefix is unbound). */
  namespaceOf(name: string): string | undefined {
    const prefix = prefixOf(name);
    for (let index = this.scopes.length - 1; index >= 0; index--) {
      const bound = this.scopes[index]?.get(prefix);
      if (bound !== undefined) return bound === "" ? undefined : bound;
    }
    return undefined;
  }

  /** A prefix that names `namespace` where the reader stands ("" for the default), the default first. */
  prefixFor(namespace: string): string | undefined {
    if (this.namespaceOf("") === namespace) return "";
    for (let index = this.scopes.length - 1; index >= 0; index--) {
      for (const [prefix, bound] of this.scopes[index] ?? []) {
        if (bound === namespace && this.namespaceOf(`${prefix}:x`) === namespace) return prefix;
      }
    }
    return undefined;
  }
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Excel's escape for characters XML cannot hold: _x000D_ is a carriage return. */
export function unescapeExcelText(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) =>
        String.fromCharCode(parseInt(hex, 16))
      )
    : text;
}
