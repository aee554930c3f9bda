/**
 * A threshold header read by its grammar: a role word (target or tolerance) plus qualifiers, each read for
 * what it is and never turned into something else. The word "stretch" names a stretch target (what the Blue
 * for exceeding scheme calls Blue). A year makes it that year's threshold; a unit sets the
 * unit of the column's plain numbers; a band or aim word adds nothing; any other words name an alternative
 * tolerance set (or, on a target, are words the add-in does not understand). Which tolerance column is the
 * standard one is decided for the whole table, in `layout.ts`.
 */
import { dashes } from "../values/dashes";
import { namedYear, type YearKey } from "./period-year";

/** The unit a threshold header gives its column's plain numbers. */
export type ThresholdUnit = "percentage points" | "percent" | "days" | "rate";

export interface ThresholdHeader {
  role: "target" | "tolerance" | "stretch";
  year?: YearKey;
  unit?: ThresholdUnit;
  /** A tolerance whose plain figures are a margin around the target: "Tolerance (±)", "Tolerance margin". */
  margin?: true;
  /** The header's other words as written ("Covid19", "Stretch"), or "" when every word was understood. */
  otherWords: string;
}

const tolerances = new Set(["tolerance", "tolerances", "floor", "floors"]);
/** Nouns of a boundary: beside amber or red they name the tolerance ("Amber limit", "Red boundary"). */
const thresholdWords = new Set([
  "threshold",
  "thresholds",
  "trigger",
  "triggers",
  "limit",
  "limits",
  "boundary",
  "boundaries",
  "cutoff",
]);
const toleranceWords = new Set([...tolerances, ...thresholdWords]);
const targetWords = new Set(["target", "targets", "goal", "goals", "ambition"]);
/** Words of a band or an aim: they add nothing to the threshold the role word names. */
const bandWords = new Set([
  "amber",
  "warning",
  "green",
  "red",
  "rag",
  "annual",
  "annually",
  "yearly",
  "year",
  "years",
  "end",
  "full",
  "standard",
  "agreed",
  "level",
  "levels",
  "value",
  "values",
  "figure",
  "the",
  "our",
  "local",
  "council",
  "kpi",
  "performance",
  "minimum",
  "maximum",
  "min",
  "max",
  "acceptable",
  "range",
  "set",
  "for",
  "of",
  "in",
  "fy",
  "and",
  "&",
  "current",
]);
/** Which side of a boundary a band lies: "Red below", "Green above". */
const sideWords = new Set(["below", "under", "above", "over"]);
/** Words that make a header about a threshold, not the threshold itself: "Target met?", "Gap to target". */
const aboutThreshold =
  /\b(?:met|achieved|hit|missed|reached|gap|distance|variance|difference|vs|versus|against|to target|from target|rag)\b/;
const minimumPhrase = /^minimum (?:standard|acceptable|acceptable level|level)$/;
/** Words that make a tolerance's figures a distance from the target: "±", "+/-", "margin". */
const marginWord = /^(?:±|\+\s*\/\s*[-−–]|\+[-−–]|margins?)$/;

const wordDash = new RegExp(String.raw`(\p{L})[${dashes}]|[${dashes}](\p{L})`, "gu");
const notLoose = new RegExp(String.raw`[^\p{L}\p{N}%±/${dashes},&]+`, "gu");
const anyDash = new RegExp(`[${dashes}]`, "g");

/** Reads a header as a threshold header, or null when it is none. */
export function readThresholdHeader(label: string): ThresholdHeader | null {
  // A hyphen inside words is a space ("amber-threshold"); between figures it joins a year ("23-24").
  const spaced = label.replace(wordDash, (_, before = "", after = "") => `${before} ${after}`);
  const loose = spaced.toLowerCase().replace(notLoose, " ").trim();
  if (loose === "") return null;
  const tokens = loose.split(" ");
  const role = roleOfTokens(tokens, loose);
  if (role === null || aboutThreshold.test(loose.replace(anyDash, " "))) return null;
  let year: YearKey | undefined;
  let unit: ThresholdUnit | undefined;
  let margin = false;
  const others: string[] = [];
  // "Red (if) below": the side of a band's boundary adds nothing, as a band word does.
  const banded = tokens.includes("red") || tokens.includes("green");
  const written = spaced.split(/[\s()[\]:;]+/).filter((word) => word !== "");
  for (let index = 0; index < written.length; index++) {
    const word = written[index];
    const plain = word.toLowerCase().replace(/[.,]+$/, "");
    const named = namedYear(word);
    if (named !== null && /\d{2}/.test(word)) {
      if (year !== undefined && year !== named) return null;
      year = named;
      continue;
    }
    const wordUnit = unitOfWord(plain, written[index + 1]?.toLowerCase());
    if (wordUnit !== undefined) {
      // "percentage points", "% points": the second word settles it.
      if (wordUnit.consumesNext) index++;
      unit =
        unit === "percent" && wordUnit.unit === "percentage points"
          ? wordUnit.unit
          : (unit ?? wordUnit.unit);
      continue;
    }
    if (role === "tolerance" && marginWord.test(plain)) {
      margin = true;
      continue;
    }
    const bare = plain.replace(/[^\p{L}\p{N}&]+/gu, "");
    if (
      bare === "" ||
      toleranceWords.has(bare) ||
      targetWords.has(bare) ||
      bandWords.has(bare) ||
      (role === "stretch" && bare === "stretch") ||
      (banded && (sideWords.has(bare) || bare === "if"))
    )
      continue;
    others.push(word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));
  }
  return {
    role,
    ...(year === undefined ? {} : { year }),
    ...(unit === undefined ? {} : { unit }),
    ...(margin ? { margin: true as const } : {}),
    otherWords: others.filter((word) => word !== "").join(" "),
  };
}

/**
 * The role the words name. A tolerance word or a minimum standard names the amber boundary; so does a band
 * word for amber or red beside a threshold word ("Amber target", "Red threshold"), while green names the
 * target ("Green threshold"); otherwise a target word names the target.
 */
function roleOfTokens(tokens: readonly string[], loose: string): ThresholdHeader["role"] | null {
  const has = (words: ReadonlySet<string>): boolean => tokens.some((token) => words.has(token));
  if (has(tolerances) || minimumPhrase.test(loose) || loose === "amber") return "tolerance";
  if (tokens.includes("stretch")) return "stretch";
  // "Amber level", "Red below", "Green above": a level or a side is a boundary only beside a band's colour
  // (red's boundary is the tolerance, green's the target; "Amber below" says neither, so it is not read).
  const colour = tokens.includes("red") || tokens.includes("green");
  // A warning is the amber band in other words: "Warning level", "Warning threshold".
  const amber = tokens.includes("amber") || tokens.includes("warning");
  const threshold =
    has(thresholdWords) ||
    ((tokens.includes("level") || tokens.includes("levels")) && (colour || amber)) ||
    (colour && tokens.some((token) => sideWords.has(token)));
  if (!threshold && !has(targetWords)) return null;
  if (tokens.includes("green")) return "target";
  if (amber || tokens.includes("red")) return "tolerance";
  return threshold ? "tolerance" : "target";
}

/** The unit a word names, and whether the next word is part of it ("percentage points", "per 10,000"). */
function unitOfWord(
  word: string,
  next: string | undefined
): { unit: ThresholdUnit; consumesNext: boolean } | undefined {
  const nextIsPoints = next !== undefined && /^(?:points?|pts?)\b/.test(next);
  if (word === "pp" || word === "ppts" || word === "points" || word === "pts")
    return { unit: "percentage points", consumesNext: false };
  if (word === "%" || word === "percent" || word === "percentage" || word === "per cent")
    return { unit: nextIsPoints ? "percentage points" : "percent", consumesNext: nextIsPoints };
  if (word === "days" || word === "day") return { unit: "days", consumesNext: false };
  if (word === "per" && next !== undefined && /^[\d,]+$/.test(next))
    return { unit: "rate", consumesNext: true };
  if (word === "rate") return { unit: "rate", consumesNext: false };
  return undefined;
}

/** A threshold header's qualifiers in words, for the column map: "for 2023/24's periods, in percentage points". */
export function describeQualifiers(header: {
  year?: YearKey;
  unit?: ThresholdUnit;
  margin?: true;
}): string {
  const parts: string[] = [];
  if (header.year !== undefined) parts.push(`for ${header.year}'s periods`);
  if (header.margin) parts.push("as a margin around the target");
  if (header.unit !== undefined) parts.push(`in ${header.unit}`);
  return parts.join(", ");
}
