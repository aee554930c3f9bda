/**
 * A value's bytes read as what they write, without a string where none is kept: a plain decimal as its
 * number, and text as UTF-8 with XML's entities and character references resolved.
 */
const [ampersand, zero, nine, minus, point] = Buffer.from("&09-.", "latin1");

/** Powers of ten a plain decimal's digits are divided by: each exact, as is every integer below 10^15. */
const tens = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number a plain decimal such as "-0.95" or "12" writes, exactly as Number() reads its text: at most 15
 * digits (so they are an exact integer) divided by an exact power of ten is rounded once, as Number() rounds.
 * NaN for anything else (spaces, a sign of +, an exponent, a point without digits on both sides), read from text.
 */
export function decimalFigure(bytes: Uint8Array, start: number, end: number): number {
  let at = start;
  const negative = bytes[at] === minus;
  if (negative) at += 1;
  let digits = 0;
  let places = -1;
  let whole = 0;
  for (; at < end; at++) {
    const code = bytes[at];
    if (code >= zero && code <= nine) {
      whole = whole * 10 + (code - zero);
      digits += 1;
      if (places >= 0) places += 1;
    } else if (code === point && places < 0 && digits > 0) places = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || places === 0) return NaN;
  const figure = places > 0 ? whole / tens[places] : whole;
  return negative ? -figure : figure;
}

const entities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** The bytes between start and end as the UTF-8 text they are, with XML's entities and character references resolved. */
export function decodeText(bytes: Uint8Array, start: number, end: number): string {
  let ascii = true;
  let entity = false;
  for (let at = start; at < end; at++) {
    const code = bytes[at];
    if (code >= 0x80) ascii = false;
    else if (code === ampersand) entity = true;
  }
  const text = ascii
    ? asciiText(bytes, start, end)
    : Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("utf8");
  if (!entity) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name] ?? whole;
  });
}

/** ASCII bytes as a string, built here for a short run: a call into Node for each cell's few bytes cost more than the scan. */
function asciiText(bytes: Uint8Array, start: number, end: number): string {
  const at = start;
  switch (end - start) {
    case 0:
      return "";
    case 1:
      return String.fromCharCode(bytes[at]);
    case 2:
      return String.fromCharCode(bytes[at], bytes[at + 1]);
    case 3:
      return String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2]);
    case 4:
      return String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
    case 5:
      return String.fromCharCode(
        bytes[at],
        bytes[at + 1],
        bytes[at + 2],
        bytes[at + 3],
        bytes[at + 4]
      );
    case 6:
      return String.fromCharCode(
        bytes[at],
        bytes[at + 1],
        bytes[at + 2],
        bytes[at + 3],
        bytes[at + 4],
        bytes[at + 5]
      );
    default:
      return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1");
  }
}
