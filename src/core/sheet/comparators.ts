/**
 * Comparator headers: the columns beside the periods that hold someone else's figure (England, a region,
 * statistical neighbours) or a standing against them (a quartile, a rank). They are read, never rated or
 * coloured. A comparator takes its year from its own header ("England 2021/22") or from a merged parent
 * ("Latest benchmarks (2021/22)"); with neither it is the latest.
 */
import { dashes } from "../values/dashes";
import type { BenchmarkKind } from "../definition/definition";
import { isNamedRegion, namedRegions } from "./regions";

export { isNamedRegion } from "./regions";

/**
 * What a comparator header names: someone else's figure (England, a region, statistical neighbours; `year`
 * null means the latest), or a standing against a benchmark, shown as text ("Top quartile", "12th of 152").
 */
export type ComparatorHeader =
  | { kind: "comparator"; benchmark: string; year: string | null }
  | {
      kind: "comparator text";
      what: "quartile" | "rank";
      benchmark: string | null;
      year: string | null;
    };

/** A header's words as compared: lower case, punctuation as spaces ("Stat. neighbours" is "stat neighbours"). */
export function looseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%±/]+/gu, " ")
    .trim();
}

/** The benchmarks a figure column can name, in the order they are tried. */
const benchmarks: ReadonlyArray<{ pattern: RegExp; name: string }> = [
  {
    pattern: /\bstat(?:istical)? ?neighbou?rs?\b|\bsns?\b|\bsn (?:average|avg|mean)\b/,
    name: "Statistical neighbours",
  },
  { pattern: /\bsimilar (?:authorities|authority|las|councils)\b/, name: "Similar authorities" },
  { pattern: /\bfamily group\b/, name: "Family group" },
  { pattern: /\bcore cities\b/, name: "Core cities" },
  { pattern: /\bengland\b|\beng (?:average|avg)\b/, name: "England" },
  { pattern: /\bnational\b|\bnat (?:average|avg)\b/, name: "National" },
  { pattern: /\bregion(?:al)?\b/, name: "Region" },
];

const benchmarkWords = /\bbenchmarks?\b|\bcomparators?\b|\bcomparisons?\b/;

const yearPattern = new RegExp(
  String.raw`\b(?:fy\s*)?(?:19|20)\d{2}\s*[/${dashes}]\s*\d{2,4}\b|\bfy\s*\d{2}\s*[/${dashes}]\s*\d{2}\b|\b(?:19|20)\d{2}\b`,
  "i"
);

/** The year a header names ("2021/22", "FY22/23", "2022"), as written; null when it names none. */
export function yearOf(text: string): string | null {
  const match = yearPattern.exec(text);
  return match ? match[0].replace(/\s+/g, "") : null;
}

/** The benchmark a header names ("England", "North West", "Statistical neighbours"), or null. */
export function benchmarkOf(loose: string): string | null {
  // A region named after England ("East of England") is that region, not England.
  const region = namedRegions.find(({ pattern }) => pattern.test(loose));
  if (region && region.name.includes("England")) return region.name;
  for (const { pattern, name } of benchmarks) if (pattern.test(loose)) return name;
  for (const { pattern, name } of namedRegions) if (pattern.test(loose)) return name;
  return benchmarkWords.test(loose) ? "Benchmark" : null;
}

/**
 * What a comparator header names, from its own label and, where it sits under one, its merged parent
 * (whose year it takes when its own label has none). Null when neither names a comparator.
 */
export function readComparatorHeader(label: string, parent = ""): ComparatorHeader | null {
  const own = looseHeader(label);
  const above = looseHeader(parent);
  const year = yearOf(label) ?? (parent === "" ? null : yearOf(parent));
  const text = /\bquartile\b/.test(own)
    ? "quartile"
    : /\brank(?:ing|ed)?\b/.test(own)
      ? "rank"
      : null;
  if (text)
    return {
      kind: "comparator text",
      what: text,
      benchmark: benchmarkOf(own) ?? (above === "" ? null : benchmarkOf(above)),
      year,
    };
  const named = benchmarkOf(own);
  if (named && named !== "Benchmark") return { kind: "comparator", benchmark: named, year };
  // Under a "Latest benchmarks (2021/22)" parent, every column is a comparator, however it is headed.
  const parentNamed = above === "" ? null : benchmarkOf(above);
  if (parentNamed)
    return {
      kind: "comparator",
      benchmark:
        named ??
        (own === "" || yearOf(label) === label.trim()
          ? parentNamed
          : label.replace(/\s+/g, " ").trim()),
      year,
    };
  return named ? { kind: "comparator", benchmark: named, year } : null;
}

/**
 * The kind of a benchmark as the comparator headers name it: England and National are England, a named
 * region is a Region; similar authorities, family groups and core cities are compared but no target names them.
 */
export function benchmarkKindOf(benchmark: string): BenchmarkKind | undefined {
  if (benchmark === "England" || benchmark === "National") return "England";
  if (benchmark === "Statistical neighbours") return "Statistical neighbours";
  if (benchmark === "Region" || isNamedRegion(benchmark)) return "Region";
  return undefined;
}
