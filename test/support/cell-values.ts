/**
 * What a cell holds and how Excel reads what is typed or written into it.
 * Values are what Office.js returns in `range.values`: numbers, strings, booleans,
 * error values as their text ("#N/A"), and "" for a blank cell.
 */

export type CellValue = number | string | boolean;

export const ERROR_VALUES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
] as const;

export function isErrorValue(value: unknown): boolean {
  return typeof value === "string" && (ERROR_VALUES as readonly string[]).includes(value);
}

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

export function valueTypeOf(value: CellValue): ValueType {
  if (value === "") return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return isErrorValue(value) ? "Error" : "String";
}

/** How Excel takes one element of a `values`/`formulas` array, or one typed entry. */
export type CellInput =
  | { kind: "unchanged" }
  | { kind: "formula"; formula: string }
  | { kind: "value"; value: CellValue; numberFormat?: string }
  | { kind: "invalid" };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads an element the way Excel does: null (and what JSON turns into null: undefined, NaN,
 * Infinity) leaves the cell as it is; "=..." is a formula; numeric, TRUE/FALSE, percent and
 * error text become numbers, booleans and errors unless the cell is formatted as text ("@").
 */
export function interpretInput(input: unknown, numberFormat: string): CellInput {
  if (input === null || input === undefined) return { kind: "unchanged" };
  if (typeof input === "number")
    return Number.isFinite(input) ? { kind: "value", value: input } : { kind: "unchanged" };
  if (typeof input === "boolean") return { kind: "value", value: input };
  if (typeof input !== "string") return { kind: "invalid" };
  if (numberFormat === "@") return { kind: "value", value: input };
  if (input.startsWith("=") && input.length > 1) return { kind: "formula", formula: input };
  if (input.startsWith("'")) return { kind: "value", value: input.slice(1) };
  return { kind: "value", ...readTypedText(input, numberFormat) };
}

function readTypedText(
  text: string,
  numberFormat: string
): { value: CellValue; numberFormat?: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { value: text === "" ? "" : text };
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  if (isErrorValue(upper)) return { value: upper };
  if (NUMBER.test(trimmed) || GROUPED_NUMBER.test(trimmed))
    return { value: Number(trimmed.replace(/,/g, "")) };
  const percent = /^(.*)%$/.exec(trimmed);
  if (percent && NUMBER.test(percent[1]!.trim())) {
    const digits = percent[1]!.trim();
    const value = Number(digits) / 100;
    if (numberFormat !== "General") return { value };
    return { value, numberFormat: digits.includes(".") ? "0.00%" : "0%" };
  }
  return { value: text };
}

/** The cell's text as Excel shows it: a small formatter for the number formats KPI sheets use. */
export function displayText(value: CellValue, numberFormat: string): string {
  if (value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  return formatNumber(value, numberFormat);
}

function formatNumber(value: number, numberFormat: string): string {
  const sections = splitSections(numberFormat);
  if (numberFormat === "General" || numberFormat === "" || sections.length === 0)
    return generalText(value);
  let section = sections[0]!;
  let magnitude = value;
  if (value < 0 && sections[1] !== undefined) {
    section = sections[1];
    magnitude = -value;
  } else if (value === 0 && sections[2] !== undefined) {
    section = sections[2];
  }
  if (section === "@" || /^general$/i.test(section)) return generalText(value);
  if (isDateFormat(section)) return formatDate(value, section);
  return formatWithPattern(magnitude, section);
}

function splitSections(numberFormat: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (const character of numberFormat) {
    if (character === '"') quoted = !quoted;
    if (character === ";" && !quoted) {
      sections.push(current);
      current = "";
    } else {
      current += character;
    }
  }
  sections.push(current);
  return sections;
}

function generalText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const text = String(Number(value.toPrecision(10)));
  return text.replace("e+", "E+").replace("e-", "E-");
}

function formatWithPattern(value: number, section: string): string {
  const literal = section.replace(/\[[^\]]*\]/g, "");
  const core = /[#0?,.]*[0#?](?:[.][0#?]*)?[,]*/.exec(literal);
  if (!core) return literal.replace(/"/g, "");
  const pattern = core[0];
  const percent = literal.includes("%");
  const scaled = percent ? value * 100 : value;
  const decimals = pattern.includes(".") ? pattern.split(".")[1]!.replace(/[^0#?]/g, "").length : 0;
  const grouped = pattern.split(".")[0]!.includes(",");
  const number = Math.abs(scaled).toLocaleString("en-GB", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  });
  const sign = scaled < 0 && Number(number.replace(/,/g, "")) !== 0 ? "-" : "";
  const before = literal.slice(0, core.index).replace(/["\\]/g, "");
  const after = literal.slice(core.index + pattern.length).replace(/["\\]/g, "");
  return `${sign}${before}${number}${after}`;
}

function isDateFormat(section: string): boolean {
  const unquoted = section.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(unquoted) && !/[0#]/.test(unquoted);
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Dates as Excel serial numbers (days since 30 December 1899). */
function formatDate(serial: number, section: string): string {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
  const parts: Record<string, string> = {
    yyyy: String(date.getUTCFullYear()),
    yy: String(date.getUTCFullYear()).slice(-2),
    mmmm: MONTHS[date.getUTCMonth()]!,
    mmm: MONTHS[date.getUTCMonth()]!.slice(0, 3),
    mm: String(date.getUTCMonth() + 1).padStart(2, "0"),
    m: String(date.getUTCMonth() + 1),
    dd: String(date.getUTCDate()).padStart(2, "0"),
    d: String(date.getUTCDate()),
  };
  return section
    .replace(/\[[^\]]*\]/g, "")
    .replace(/"([^"]*)"|yyyy|yy|mmmm|mmm|mm|m|dd|d/gi, (token, quoted: string | undefined) =>
      quoted !== undefined ? quoted : (parts[token.toLowerCase()] ?? token)
    )
    .replace(/\\/g, "");
}

const NAMED_COLOURS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  purple: "#800080",
  gray: "#808080",
  grey: "#808080",
};

/**
 * Excel takes "#RRGGBB" or an HTML colour name and reports "#RRGGBB" in capitals.
 * Answers null for anything else, which Excel refuses with InvalidArgument.
 */
export function normaliseColour(input: unknown): string | null {
  if (typeof input !== "string") return null;
  if (/^#[0-9a-fA-F]{6}$/.test(input)) return input.toUpperCase();
  return NAMED_COLOURS[input.toLowerCase()] ?? null;
}

/** "#C6EFCE" from an ExcelJS ARGB colour ("FFC6EFCE"). */
export function colourFromArgb(argb: string | undefined): string | undefined {
  if (!argb || !/^[0-9a-fA-F]{6,8}$/.test(argb)) return undefined;
  return `#${argb.slice(-6).toUpperCase()}`;
}

/** "FFC6EFCE" for ExcelJS from "#C6EFCE". */
export function argbFromColour(colour: string): string {
  return `FF${colour.slice(1).toUpperCase()}`;
}
