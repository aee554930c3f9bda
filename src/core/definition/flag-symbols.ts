/**
 * The flags published statistics put on a figure, as symbols: which they are and how a key or a KPIWords
 * table names each. Kept apart from their meanings (figure-flags.ts), so the taught words can know a flag.
 */

/** The flag letters and symbols, as a pattern (one to three asterisks are one note mark). */
export const flagPattern = String.raw`[pre]|\*{1,3}|†`;

/** The flag as the key and the built-in list name it: "[p]" and "P" are "p", "**" is "*". */
export function flagName(written: string): string {
  const bare = written.replace(/^\[|\]$/g, "").toLowerCase();
  return bare.startsWith("*") ? "*" : bare;
}

/** The asterisks of a note mark as written ("**"), where a key tells them apart; "" for any other flag. */
export function noteMarks(written: string): string {
  const bare = written.replace(/^\[|\]$/g, "");
  return bare.length > 1 && /^\*+$/.test(bare) ? bare : "";
}

const aFlag = new RegExp(String.raw`^\[?(?:${flagPattern})\]?$`, "i");

/** Whether a word is a flag on a figure ("p", "[r]", "**", "†"), which a KPIWords table may give a meaning. */
export function isFlag(word: string): boolean {
  return aFlag.test(word.trim());
}

/**
 * A flag's meaning as a key or a KPIWords table writes it, into `key`: "Revised" reads "72% (revised)" in a
 * reason, "DfE estimate" keeps its capitals. "*" and "**" are one note mark unless each is given its own
 * meaning; the first given keeps "*".
 */
export function defineFlag(key: Map<string, string>, flag: string, means: string): void {
  const written = means.trim().replace(/[.;,]$/, "");
  const meaning = /^[A-Z][a-z]/.test(written)
    ? written[0].toLowerCase() + written.slice(1)
    : written;
  if (meaning === "") return;
  const marks = noteMarks(flag);
  if (marks !== "") key.set(marks, meaning);
  const name = flagName(flag);
  if (marks === "" || !key.has(name)) key.set(name, meaning);
}
