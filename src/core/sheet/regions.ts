/** The English regions scorecards compare with, for reading comparator headers and for comparing with a region. */

/** English regions as scorecards name them, longest first so "Inner London" wins over "London". */
export const namedRegions: ReadonlyArray<{ pattern: RegExp; name: string }> = [
  { pattern: /\byorkshire (?:and )?(?:the )?humber\b/, name: "Yorkshire and the Humber" },
  { pattern: /\binner london\b/, name: "Inner London" },
  { pattern: /\bouter london\b/, name: "Outer London" },
  { pattern: /\bnorth east\b/, name: "North East" },
  { pattern: /\bnorth west\b/, name: "North West" },
  { pattern: /\beast midlands\b/, name: "East Midlands" },
  { pattern: /\bwest midlands\b/, name: "West Midlands" },
  { pattern: /\beast of england\b|\beastern region\b/, name: "East of England" },
  { pattern: /\bsouth east\b/, name: "South East" },
  { pattern: /\bsouth west\b/, name: "South West" },
  { pattern: /\blondon\b/, name: "London" },
  { pattern: /\byorkshire\b/, name: "Yorkshire and the Humber" },
];

/** Whether a benchmark as `benchmarkOf` names it is an English region ("North East", "Inner London"). */
export function isNamedRegion(benchmark: string): boolean {
  return namedRegions.some((region) => region.name === benchmark);
}
