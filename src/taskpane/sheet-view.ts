/**
 * What the pane shows of a sheet's tables: the appraisal under the chosen tolerance set and scheme, the KPI
 * lines first, and the Summary's counts, watch list and comparisons worked out once the lines are drawn.
 */
import {
  appraise,
  resolveToleranceSet,
  schemeName,
  sheetColours,
  standardSet,
  summarise,
  summariseComparisons,
  toleranceSetsOf,
  watchListOf,
  type Appraisal,
  type FoundTables,
  type Scheme,
  type SheetColours,
} from "../core";
import type { PaneState } from "./model";
import { cellFactsOf, statusTopLineOf, topLineOf } from "./kpi-lines";
import { reportsOnDemand } from "./row-reports";

type SheetView = Pick<
  PaneState,
  | "sheet"
  | "tables"
  | "topLine"
  | "figures"
  | "headlines"
  | "skipped"
  | "summary"
  | "watchList"
  | "benchmarks"
  | "toleranceSets"
  | "toleranceSet"
  | "scheme"
  | "colouredBy"
>;

/**
 * The tolerance sets of a sheet's tables, worked out once per reading of the sheet: a first read needs them
 * to find the set that coloured the sheet and again to show it (a pass over every row of 10,000 KPIs).
 */
const toleranceSetsRead = new WeakMap<FoundTables, string[]>();
function toleranceSetsOfSheet(found: FoundTables): string[] {
  const known = toleranceSetsRead.get(found);
  if (known) return known;
  const toleranceSets = toleranceSetsOf([found]);
  toleranceSetsRead.set(found, toleranceSets);
  return toleranceSets;
}

/**
 * What coloured the sheet, worked out once for an appraisal and the rules read: a sheet read for the first time
 * asks it to find the set to show, and its view asks it again of the same appraisal, each time planning every
 * row of a sheet that carries the add-in's rules.
 */
const coloursKnown = new WeakMap<Appraisal, { onSheet: string; colours: SheetColours }>();
export function coloursOfSheet(
  found: FoundTables,
  onSheet: readonly string[],
  toleranceSets: readonly string[],
  appraisal: Appraisal
): SheetColours {
  const rules = onSheet.join("\n");
  const known = coloursKnown.get(appraisal);
  if (known?.onSheet === rules) return known.colours;
  const colours = sheetColours(found, onSheet, toleranceSets, appraisal);
  coloursKnown.set(appraisal, { onSheet: rules, colours });
  return colours;
}

/**
 * The sheet's tables appraised under a tolerance set, or under Standard where the sheet has no such set (with
 * the problem to say); an appraisal already made under that set and scheme (Apply's) is taken as it is.
 */
export function appraisalOf(
  found: FoundTables,
  toleranceSet: string,
  appraised: Appraisal | undefined,
  scheme: Scheme
): { appraisal: Appraisal; toleranceSets: string[]; toleranceSetProblem?: string } {
  const toleranceSets = toleranceSetsOfSheet(found);
  const resolved = resolveToleranceSet(
    toleranceSet,
    toleranceSets,
    `on the sheet "${found.sheet}"`
  );
  const chosen = resolved.ok ? resolved.value : standardSet;
  const appraisal =
    appraised?.toleranceSet === chosen &&
    appraised.scheme === scheme &&
    appraised.tables.length === found.tables.length &&
    appraised.tables.every((table, index) => table.table === found.tables[index])
      ? appraised
      : appraise(found, { toleranceSet: chosen, scheme });
  return {
    appraisal,
    toleranceSets,
    ...(resolved.ok
      ? {}
      : { toleranceSetProblem: `${resolved.problem}. Rated with ${standardSet}.` }),
  };
}

/** What only the Summary shows: worked out after the KPI lines are drawn, with the top line's problems. */
type Overview = Pick<SheetView, "summary" | "watchList" | "benchmarks">;

/** The view of the KPI lines, and the Summary's part of it to work out when wanted. */
export function linesOf(
  found: FoundTables,
  toleranceSet: string,
  onSheet: readonly string[],
  appraised: Appraisal | undefined,
  scheme: Scheme
): {
  view: Omit<SheetView, keyof Overview> & { toleranceSetProblem?: string };
  overview: () => Overview & Pick<SheetView, "topLine">;
} {
  const { appraisal, toleranceSets, toleranceSetProblem } = appraisalOf(
    found,
    toleranceSet,
    appraised,
    scheme
  );
  // The lines and the top line come from the appraisal; each row's report is made when its line is drawn, and
  // the whole report (the Summary's, the problems at the top) once the first lines are on screen.
  const reports = reportsOnDemand(appraisal);
  const facts = cellFactsOf(appraisal);
  return {
    view: {
      ...(toleranceSetProblem === undefined ? {} : { toleranceSetProblem }),
      sheet: found.sheet,
      tables: reports.tables,
      topLine: statusTopLineOf(appraisal),
      ...facts,
      skipped: found.skipped,
      toleranceSets,
      toleranceSet: appraisal.toleranceSet,
      scheme: schemeName(scheme),
      colouredBy: coloursOfSheet(found, onSheet, toleranceSets, appraisal),
    },
    overview: () => {
      const report = reports.whole();
      return {
        summary: summarise(report.tables),
        watchList: watchListOf(appraisal, report),
        benchmarks: summariseComparisons(report.rows),
        topLine: topLineOf(report.tables, new Set(facts.headlines)),
      };
    },
  };
}

/** Runs `work` once the browser has painted what was just rendered (in a test without frames, at the next task). */
export function afterPaint(work: () => void): void {
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(work, 0));
  else setTimeout(work, 0);
}

/** The Summary's part before it is worked out: nothing, rather than the last sheet's or set's counts. */
export const noOverview: Overview = { summary: [], watchList: [], benchmarks: [] };
