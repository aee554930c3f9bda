/** Choosing a tolerance set: one resolver, one answer and one sentence on every surface. */
import { describe, expect, it } from "vitest";
import { resolveToleranceSet, standardFirst, standardSet } from "../../src/core";

describe("resolving the tolerance set an analyst asks for", () => {
  const sets = ["Standard", "Covid19"];

  it("gives Standard for a blank, and for Standard however written", () => {
    for (const asked of [undefined, "", "  ", "standard", "Standard tolerance"])
      expect(resolveToleranceSet(asked, sets, "in this workbook"), String(asked)).toEqual({
        ok: true,
        value: standardSet,
      });
  });

  it("finds Covid19 however spelled, and answers with the sheet's spelling", () => {
    for (const asked of ["covid19", "Covid-19", "COVID19 Tolerance"])
      expect(resolveToleranceSet(asked, sets, "in this workbook"), asked).toEqual({
        ok: true,
        value: "Covid19",
      });
  });

  it("says in one sentence that a set is not there, naming where and the sets there are", () => {
    expect(resolveToleranceSet("Winter", sets, "in this workbook")).toEqual({
      ok: false,
      problem: 'There is no tolerance set "Winter" in this workbook: it has Standard and Covid19',
    });
    expect(resolveToleranceSet("Winter", ["Standard"], "for KPI-18")).toEqual({
      ok: false,
      problem: 'There is no tolerance set "Winter" for KPI-18: it has Standard',
    });
    expect(
      resolveToleranceSet("Covid19", ["Standard", "Winter", "Recovery"], 'on the sheet "Q3"')
    ).toEqual({
      ok: false,
      problem:
        'There is no tolerance set "Covid19" on the sheet "Q3": it has Standard, Winter and Recovery',
    });
  });

  it("lists Standard first, then the others once each in the order they came", () => {
    expect(standardFirst(["Winter", "Standard", "covid-19", "Covid19", "winter"])).toEqual([
      "Standard",
      "Winter",
      "covid-19",
    ]);
  });
});
