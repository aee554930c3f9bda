import { describe, expect, it } from "vitest";
import { readDefinition } from "../../src/core/definition/read-definition";
import { decideScale } from "../../src/core/definition/scale";
import { readValue } from "../../src/core/definition/written-figures";
import { rate } from "../../src/core/rating/rate";
import { roleOfLabel } from "../../src/core/sheet/headers";
import type { PeriodCell } from "../../src/core/sheet/kpi-row";

const cellsOf = (values: number[], numberFormat = "General"): PeriodCell[] =>
  values.map((value, index) => ({
    period: `P${index + 1}`,
    row: 0,
    column: index,
    value,
    numberFormat,
  }));

describe("percentages written without a % sign", () => {
  it("reads a margin of ±5 around 10%-20% as 5 points, so 50% is Red and 22% Amber", () => {
    const definition = readDefinition({
      polarity: "In range is better",
      target: "10%-20%",
      tolerance: "±5",
    });
    expect(rate(0.5, definition).status).toBe("Red");
    expect(rate(0.22, definition).status).toBe("Amber");
  });

  it("reads a target range 10-20 with tolerance 5-25 in a % KPI as 10%-20% and 5%-25%, kept as whole numbers", () => {
    const definition = readDefinition({
      polarity: "In range is better",
      target: "10-20",
      tolerance: "5-25",
      unit: "%",
    });
    expect(definition.scale).toBe("whole");
    expect(rate(15, definition).status).toBe("Green");
    expect(rate(22, definition).status).toBe("Amber");
    expect(rate(30, definition).status).toBe("Red");
  });
});

describe("a row whose figures straddle 1 without a % format", () => {
  it("says Check definition rather than guess whether 0.82 and 1.05 are fractions or whole numbers", () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: "100%",
      tolerance: "80%",
    });
    const scale = decideScale(definition, cellsOf([0.82, 1.05, 0.9]));
    expect(scale.ok).toBe(false);
    expect(scale.ok ? "" : scale.problem).toMatch(/mix fractions \(0\.82\) with figures above 1/);
  });

  it("keeps fractions formatted as % as fractions, 105% included", () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: "100%",
      tolerance: "80%",
    });
    expect(decideScale(definition, cellsOf([0.82, 1.05, 0.9], "0%"))).toEqual({
      ok: true,
      value: "fraction",
    });
  });
});

describe("figures a hair's breadth from a threshold, as formulas produce them", () => {
  it("rates 0.1+0.2 Green against a target of 30% (Smaller is better), as Excel's comparison does", () => {
    const definition = readDefinition({
      polarity: "Smaller is better",
      target: "30%",
      tolerance: "40%",
    });
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(rate(0.1 + 0.2, definition).status).toBe("Green");
    expect(rate(0.30001, definition).status).toBe("Amber");
  });
});

describe("text pasted from the web or a PDF", () => {
  it("does not read 91 % with a non-breaking space as a figure, since Excel cannot colour it", () => {
    expect(readValue("91\u00a0%")).toMatchObject({
      kind: "unreadable",
      reason: expect.stringContaining("non-breaking space"),
    });
    expect(readValue(" 91% ")).toEqual({ kind: "figure", value: 0.91, percent: true });
  });
});

describe("columns beside the periods", () => {
  it("reads commentary, RAG and direction-of-travel columns as what they are, not periods", () => {
    const kinds = [
      "Q1 commentary",
      "2021/22 Commentary",
      "RAG 2020/21",
      "Direction of travel",
      "DoT",
      "Notes",
      "Change since 2019/20",
    ].map((label) => [label, roleOfLabel(label).kind]);
    expect(kinds).toEqual([
      ["Q1 commentary", "commentary"],
      ["2021/22 Commentary", "commentary"],
      ["RAG 2020/21", "rag"],
      ["Direction of travel", "direction of travel"],
      ["DoT", "direction of travel"],
      ["Notes", "commentary"],
      ["Change since 2019/20", "other"],
    ]);
    for (const label of ["2021/22 Qtr1", "Qtr2", "Q3", "Apr-21", "2019/20 Average", "Average"]) {
      expect([label, roleOfLabel(label).kind]).toEqual([label, "period"]);
    }
  });
});

describe("a strict target over an inclusive tolerance at the same figure", () => {
  it("rates exactly 90% Amber for target >90% and tolerance >=90%, Bigger is better", () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: ">90%",
      tolerance: ">=90%",
    });
    expect(rate(0.9, definition)).toEqual({
      status: "Amber",
      kind: "band",
      reason: "90% is not above the target of 90% but within the tolerance of 90%",
    });
    expect(rate(0.9001, definition).status).toBe("Green");
    expect(rate(0.8999, definition).status).toBe("Red");
  });

  it("rates exactly 10% Amber for target <10% and tolerance <=10%, Smaller is better", () => {
    const definition = readDefinition({
      polarity: "Smaller is better",
      target: "<10%",
      tolerance: "<=10%",
    });
    expect(rate(0.1, definition).status).toBe("Amber");
  });
});

describe("more of the sheets' own words", () => {
  it("reads Q1 21/22 and Qtr 2 21-22 as periods", () => {
    expect(roleOfLabel("Q1 21/22")).toEqual({ kind: "period", label: "Q1 21/22" });
    expect(roleOfLabel("Qtr 2 21-22").kind).toBe("period");
  });

  it("rates a target of Not set or TBC as No target, a context measure until it is set", () => {
    for (const target of ["Not set", "TBC", "tbd"]) {
      expect(
        rate(0.5, readDefinition({ polarity: "Bigger is better", target, tolerance: null })).status
      ).toBe("No target");
    }
  });

  it("takes a measure called '% of …' as a percentage, so whole-number figures beside 0.9 and 0.75 thresholds read as 91%, 80%, 70%", () => {
    const definition = readDefinition({
      measure: "% of assessments in 45 days",
      polarity: "Bigger is better",
      target: 0.9,
      tolerance: 0.75,
    });
    expect(definition.unit).toBe("percent");
    const scale = decideScale(definition, cellsOf([91, 80, 70]));
    expect(scale).toEqual({ ok: true, value: "whole" });
  });

  it("says Check definition for a '% of …' row that mixes 0.5 with 30 and 25", () => {
    const definition = readDefinition({
      measure: "% re-referrals",
      polarity: "Smaller is better",
      target: 22,
      tolerance: 28,
    });
    expect(decideScale(definition, cellsOf([0.5, 30, 25])).ok).toBe(false);
  });
});
