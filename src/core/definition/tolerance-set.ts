/**
 * Tolerance sets: every KPI's own tolerance is the Standard set; a sheet or register may name others
 * (the seeds happen to have Covid19). One resolver turns the set an analyst asked for into a set the sheet
 * has, or one sentence saying it has none, which the pane, kpi-rag and the functions all say alike.
 */
import type { Read } from "../values/status";

/** The name of a tolerance set as the sheet spells it ("Covid19", "Winter 2021"). */
export type ToleranceSet = string;

/** The set every KPI has: its own Tolerance column. */
export const standardSet: ToleranceSet = "Standard";

/** "Covid19 Tolerance", "Covid-19", "covid19" all name one set: compared by this key. */
export function toleranceSetKey(name: string): string {
  const key = name
    .toLowerCase()
    .replace(/tolerance/g, "")
    .replace(/[^a-z0-9]/g, "");
  return key === "" ? "standard" : key;
}

export function isStandardSet(name: string): boolean {
  return toleranceSetKey(name) === "standard";
}

/** Standard first, then the others in the order they came, each set once however spelled. */
export function standardFirst(sets: Iterable<ToleranceSet>): ToleranceSet[] {
  const byKey = new Map<string, ToleranceSet>([["standard", standardSet]]);
  for (const set of sets)
    if (!byKey.has(toleranceSetKey(set))) byKey.set(toleranceSetKey(set), set);
  return [...byKey.values()];
}

/**
 * The set the analyst asked for among the sets there are, matched however spelled; blank asks for
 * Standard. `where` names the place in the sentence: "in this workbook", "on the sheet Dashboard", "for KPI-18".
 */
export function resolveToleranceSet(
  asked: string | undefined,
  available: readonly ToleranceSet[],
  where: string
): Read<ToleranceSet> {
  const name = (asked ?? "").trim();
  if (name === "" || isStandardSet(name)) return { ok: true, value: standardSet };
  const known = available.find((set) => toleranceSetKey(set) === toleranceSetKey(name));
  if (known !== undefined) return { ok: true, value: known };
  return {
    ok: false,
    problem: `There is no tolerance set "${name}" ${where}: it has ${listSets(standardFirst(available))}`,
  };
}

function listSets(sets: readonly ToleranceSet[]): string {
  return sets.length <= 1
    ? (sets[0] ?? standardSet)
    : `${sets.slice(0, -1).join(", ")} and ${sets[sets.length - 1]}`;
}
