/**
 * The header words a workbook's KPIWords table teaches, as the header readers look them up, and a taught
 * threshold word read with a year qualifying it.
 */
import { looseHeader, yearOf } from "./comparators";
import { namedYear, type YearKey } from "./period-year";
import { standardSet } from "../definition/tolerance-set";
import type { HeaderMeaning, Words } from "../definition/words";
import type { ColumnRole, TaughtHeaders } from "./column-role";

/**
 * The header words a workbook's KPIWords table teaches, as the header readers look them up: made once by
 * each reading of a sheet (`findTables`, `unknownWords`) and held by it for that reading alone.
 */
export function taughtHeadersOf(words: Words | undefined): TaughtHeaders | undefined {
  if (!words || words.entries.size === 0) return undefined;
  const taught = new Map<string, ColumnRole | "not a period" | "period">();
  for (const entry of words.entries.values()) {
    if (entry.meaning.kind !== "header") continue;
    taught.set(looseHeader(entry.word), roleOfMeaning(entry.meaning.header, entry.word));
  }
  return taught;
}

function roleOfMeaning(
  meaning: HeaderMeaning,
  word: string
): ColumnRole | "not a period" | "period" {
  switch (meaning.role) {
    case "tolerance":
      return meaning.set === "" || meaning.set === standardSet
        ? { kind: "tolerance", set: standardSet }
        : { kind: "tolerance", set: meaning.set, otherWords: meaning.set };
    case "comparator":
      return {
        kind: "comparator",
        benchmark: word.replace(/\s+/g, " ").trim(),
        year: yearOf(word),
      };
    case "period":
    case "not a period":
      return meaning.role;
    case "measure":
    case "section":
    case "polarity":
    case "target":
    case "stretch":
    case "unit":
    case "kpi number":
    case "reference":
    case "rag":
    case "direction of travel":
    case "commentary":
      return { kind: meaning.role };
  }
}

/**
 * A taught threshold word with a year after or before it ("Intervention level 24/25" where "Intervention
 * level" is taught as Tolerance): that year's threshold, as the year qualifies a built-in role word.
 */
export function taughtWithYear(plain: string, taught: TaughtHeaders): ColumnRole | undefined {
  let year: YearKey | undefined;
  const rest: string[] = [];
  for (const word of plain.split(" ")) {
    const bare = word.replace(/^[([]+|[)\],.:;]+$/g, "");
    const named = /\d{2}/.test(bare) ? namedYear(bare) : null;
    if (named === null) rest.push(word);
    else if (year === undefined || year === named) year = named;
    else return undefined;
  }
  if (year === undefined || rest.length === 0) return undefined;
  const learnt = taught.get(looseHeader(rest.join(" ")));
  if (typeof learnt !== "object") return undefined;
  return learnt.kind === "target" || learnt.kind === "tolerance" || learnt.kind === "stretch"
    ? { ...learnt, year }
    : undefined;
}
