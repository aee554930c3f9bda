/**
 * Each appraisal keeps its definitions' bands in a memo of its own, for as long as it lives: its ratings,
 * plan and report read those bands, which are the ones `bands` draws. A definition and its bands are
 * read-only all the way down, so a memo of them cannot go stale.
 */
import { describe, expect, it } from "vitest";
import { appraiseTables } from "../../src/core/appraisal/appraisal";
import { reportOf } from "../../src/core/appraisal/report";
import type { Definition } from "../../src/core/definition/definition";
import { bands, BandsMemo, type Bands } from "../../src/core/rating/bands";
import { readDefinition } from "../../src/core/definition/read-definition";
import type { Scheme } from "../../src/core/rating/scheme";
import { findTables } from "../../src/core/sheet/tables";
import type { CellValue, Grid } from "../../src/core";

/** A quarterly scorecard with a Winter tolerance set that is looser than the standard one. */
const scorecard: Grid = (() => {
  const values: CellValue[][] = [
    ["Measure", "Polarity", "Target", "Tolerance", "Winter Tolerance", "Q1", "Q2", "Q3"],
    ["% of plans reviewed on time", "Bigger is better", "90%", "80%", "70%", 0.92, 0.85, 0.75],
    ["% of re-referrals", "Smaller is better", "22%", "25%", "30%", 0.2, 0.24, 0.27],
    ["% of visits in time", "Bigger is better", "90%", "80%", "70%", 0.95, 0.79, 0.72],
  ];
  return {
    sheet: "Scorecard",
    origin: { row: 0, column: 0 },
    values,
    numberFormats: values.map((row) => row.map((cell) => (typeof cell === "number" ? "0%" : ""))),
    merges: [],
  };
})();

const amberByDirection: Scheme = { kind: "amber by direction" };

describe("an appraisal's memo of bands", () => {
  it("gives each row's definition the bands `bands` draws under the appraisal's set and scheme, worked out once", () => {
    const appraisal = appraiseTables(findTables(scorecard), "Winter", amberByDirection);
    expect(appraisal.rows).toHaveLength(3);
    for (const { kpi } of appraisal.rows) {
      const kept = appraisal.bands.of(kpi.definition);
      expect(kept).toEqual(bands(kpi.definition, "Winter", amberByDirection));
      expect(appraisal.bands.of(kpi.definition)).toBe(kept);
    }
  });

  it("keeps two appraisals of the same tables under two tolerance sets apart: 0.75 is Amber under Winter, Red under Standard", () => {
    const found = findTables(scorecard);
    const winter = appraiseTables(found, "Winter");
    const standard = appraiseTables(found, "Standard");
    expect(winter.rows[0].ratings[2].status).toBe("Amber");
    expect(standard.rows[0].ratings[2].status).toBe("Red");
    const { definition } = found.tables[0].rows[0];
    expect(winter.bands.of(definition)).not.toEqual(standard.bands.of(definition));
  });

  it("makes a report that reads the appraisal's own bands: a Winter report says 0.75 is Amber", () => {
    const report = reportOf(appraiseTables(findTables(scorecard), "Winter"));
    expect(report.rows[0].cells[2]).toMatchObject({ period: "Q3", status: "Amber" });
    expect(
      reportOf(appraiseTables(findTables(scorecard), "Standard")).rows[0].cells[2]
    ).toMatchObject({ period: "Q3", status: "Red" });
  });

  it("works out a definition's bands in a memo of its own set and scheme only", () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: "90%",
      tolerance: "75%",
    });
    const memo = new BandsMemo();
    expect(memo.toleranceSet).toBe("Standard");
    expect(memo.of(definition)).toEqual(bands(definition));
    expect(memo.of(definition)).toBe(memo.of(definition));
  });

  it("holds a definition and its bands read-only all the way down (tsc fails this file otherwise)", () => {
    const definitionIsReadOnly: Equal<Definition, ReadOnlyDeep<Definition>> = true;
    const bandsAreReadOnly: Equal<Bands, ReadOnlyDeep<Bands>> = true;
    expect([definitionIsReadOnly, bandsAreReadOnly]).toEqual([true, true]);
  });
});

/** Whether two types are the same type (read-only modifiers included). */
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** A type with every property, element and map value read-only, at every depth. */
type ReadOnlyDeep<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends ReadonlyMap<infer K, infer V>
    ? ReadonlyMap<K, ReadOnlyDeep<V>>
    : T extends ReadonlyArray<infer U>
      ? ReadonlyArray<ReadOnlyDeep<U>>
      : { readonly [P in keyof T]: ReadOnlyDeep<T[P]> };
