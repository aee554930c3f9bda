/**
 * The general polarity rule as a small grammar over a wording's words: a direction (higher, bigger, more,
 * high, increase, up, maximise, an arrow / lower, smaller, less, fewer, low, reduce, down, minimise) paired
 * with a word of aim or merit (better, good, aim, target, =), in either order, with any words between them
 * and only filler around them: `Lower figure is better`, `Fewer days = better`, `The higher the better`;
 * after a direction that follows its aim, the few words naming what is counted (`Aim: fewer days`).
 *
 * Where the wording could mean either way it is not read, never guessed:
 * - two opposite directions (`Higher or lower`, and `Up is bad, down is good` too, though its clauses agree:
 *   a reader that split clauses would have to guess where each ends, so such a wording is taught instead);
 * - a negation (`Lower is not better`): which way it leaves better is not said;
 * - a limit (`Up to 10 is good`): "up to" bounds a figure, it names no direction;
 * - a merit word of each sign (`Higher is better or worse`).
 * A word of the other sign (worse, bad, poor) is read as such: `Higher is worse` is Smaller is better.
 */

/** Which way is better, as a wording of the general rule says it. */
export type Way = "higher" | "lower";

/** A wording read by the rule, or why it could not be. `why` is empty where the rule simply does not apply. */
export type WayReading = { ok: true; way: Way } | { ok: false; why: string };

type Word =
  | { kind: "direction"; way: Way }
  | { kind: "merit"; good: boolean }
  | { kind: "negation" }
  | { kind: "limit" } // "up to": a limit, not a direction
  | { kind: "filler" } // carries nothing, so it may stand around the pairing
  | { kind: "other" }; // may stand only between the direction and its merit word

// Superlatives (highest, biggest, least, most) are left out: "at least" and "at most" are thresholds, and
// "Biggest is better" has long been reported as unknown.
const higherWords = [
  "higher",
  "bigger",
  "more",
  "greater",
  "larger",
  "high",
  "increase",
  "increases",
  "increased",
  "increasing",
  "rise",
  "rising",
  "up",
  "upward",
  "upwards",
  "maximise",
  "maximised",
  "maximising",
  "maximize",
  "maximized",
  "maximizing",
];
const lowerWords = [
  "lower",
  "smaller",
  "less",
  "fewer",
  "low",
  "reduce",
  "reduces",
  "reduced",
  "reducing",
  "reduction",
  "decrease",
  "decreases",
  "decreased",
  "decreasing",
  "fall",
  "falling",
  "down",
  "downward",
  "downwards",
  "minimise",
  "minimised",
  "minimising",
  "minimize",
  "minimized",
  "minimizing",
];
/** Arrows are directions too, read where words are (a lone one, like a lone word, only under a polarity heading). */
const higherArrows = "↑⬆⇧⇑▲△⏶⯅🔼";
const lowerArrows = "↓⬇⇩⇓▼▽⏷⯆🔽";
const goodWords = [
  "better",
  "best",
  "good",
  "aim",
  "aims",
  "aiming",
  "target",
  "targets",
  "=",
  "improvement",
  "desired",
  "desirable",
  "preferred",
];
const badWords = ["worse", "worst", "bad", "poor"];
const negations = ["not", "no", "never", "neither", "nor"];
/** Words that carry no meaning of their own around a pairing ("The higher the better", "Polarity: higher is better"). */
const fillerWords = [
  "is",
  "are",
  "be",
  "to",
  "the",
  "a",
  "an",
  "it",
  "if",
  "when",
  "performance",
  "than",
  "we",
  "should",
  "polarity",
];

const lexicon = new Map<string, Word>([
  ...higherWords.map((word): [string, Word] => [word, { kind: "direction", way: "higher" }]),
  ...[...higherArrows].map((arrow): [string, Word] => [
    arrow,
    { kind: "direction", way: "higher" },
  ]),
  ...lowerWords.map((word): [string, Word] => [word, { kind: "direction", way: "lower" }]),
  ...[...lowerArrows].map((arrow): [string, Word] => [arrow, { kind: "direction", way: "lower" }]),
  ...goodWords.map((word): [string, Word] => [word, { kind: "merit", good: true }]),
  ...badWords.map((word): [string, Word] => [word, { kind: "merit", good: false }]),
  ...negations.map((word): [string, Word] => [word, { kind: "negation" }]),
  ...fillerWords.map((word): [string, Word] => [word, { kind: "filler" }]),
]);

const other: Word = { kind: "other" };
const limit: Word = { kind: "limit" };

const tokenPattern = new RegExp(`[\\p{L}\\p{N}]+|=|[${higherArrows}${lowerArrows}]`, "gu");

/** A wording's tokens, lower case: "isn't" is "is not". */
function tokensOf(wording: string): string[] {
  return (
    wording
      .toLowerCase()
      .replace(/n['’]t\b/g, " not")
      .match(tokenPattern) ?? []
  );
}

/** The class of one token: "up" or "down" before "to" is a limit ("Up to 10 is good"), not a direction. */
function classOf(tokens: readonly string[], index: number): Word {
  const token = tokens[index];
  if ((token === "up" || token === "down") && tokens[index + 1] === "to") return limit;
  return lexicon.get(token) ?? other;
}

/**
 * Reads a wording by the general rule, in one pass over its tokens (the report reads a polarity for every
 * row). Under a polarity heading the heading is the aim, so a direction alone will do (`High` under Good
 * is, `↓` under Polarity); in free text it needs its word of aim or merit.
 */
export function readWay(wording: string, headed: boolean): WayReading {
  const tokens = tokensOf(wording);
  let way: Way | null = null;
  let bothWays = false;
  let good = false;
  let bad = false;
  let negation = false;
  let limited = false;
  let started = false; // a direction, merit word, negation or limit has been met
  const strayBefore: string[] = []; // words of no class before the first of them
  const strayAfter: string[] = []; // those since the last of them (between them once another follows)
  let wordsBetween = false;
  let merit = false; // a merit word has been met
  let endsInDirection = false; // the last word of a class is a direction, after a merit word
  for (let index = 0; index < tokens.length; index++) {
    const word = classOf(tokens, index);
    if (word.kind === "filler") continue;
    if (word.kind === "other") {
      (started ? strayAfter : strayBefore).push(tokens[index]);
      continue;
    }
    if (strayAfter.length > 0) wordsBetween = true;
    strayAfter.length = 0;
    started = true;
    endsInDirection = word.kind === "direction" && merit;
    if (word.kind === "direction") {
      if (way !== null && way !== word.way) bothWays = true;
      way = word.way;
    } else if (word.kind === "merit") {
      merit = true;
      if (word.good) good = true;
      else bad = true;
    } else if (word.kind === "negation") negation = true;
    else limited = true;
  }
  // Around the pairing only filler: "Bigger is better Banana" says more than the rule can read.
  if (!started) return { ok: false, why: "" };
  const around =
    endsInDirection && namesWhatIsCounted(strayAfter)
      ? strayBefore
      : [...strayBefore, ...strayAfter];
  if (around.length > 0)
    return {
      ok: false,
      why: way === null ? "" : `the words "${around.join(" ")}" around its direction are not read`,
    };
  if (negation) return { ok: false, why: "a negation leaves which way is better unsaid" };
  if (limited)
    return { ok: false, why: `"up to" or "down to" is a limit, not which way is better` };
  if (bothWays) return { ok: false, why: "it names both directions" };
  if (good && bad) return { ok: false, why: "it calls the same direction both good and bad" };
  if (way === null) return { ok: false, why: "" };
  // With no merit word only the heading can be the aim, and only for the direction alone.
  if (!good && !bad && (!headed || wordsBetween)) return { ok: false, why: "" };
  return { ok: true, way: bad ? (way === "higher" ? "lower" : "higher") : way };
}

/**
 * Whether the words after a direction that ends a wording, its aim said before it, name what is counted:
 * `Aim: fewer days`, `Good: higher attendance`, `Target: reduce the number of re-referrals`. A few words
 * and no figure: `Aim: lower than 10` is a threshold, which a polarity does not hold.
 */
function namesWhatIsCounted(words: readonly string[]): boolean {
  return words.length <= 5 && words.every((word) => !/\d/.test(word));
}
