import { describe, expect, it } from "vitest";
import type { PlannedRule } from "../../src/core";
import { ruleBlocks } from "../../src/cli/edit";
import type { SheetLayout } from "../../src/cli/sheet";

const layout: SheetLayout = {
  prefix: "",
  insertAt: 0,
  ownRanges: [],
  ownRules: 0,
  highestPriority: 4,
};

function rule(status: PlannedRule["status"], appliesTo: string[]): PlannedRule {
  return {
    status,
    formula: `=AND(N("KPI RAG")=0,G3${status === "Green" ? ">=" : "<"}0.9)`,
    appliesTo,
    fill: "#C6EFCE",
    font: "#006100",
  };
}

describe("the <conditionalFormatting> blocks kpi-rag writes", () => {
  it("lists the areas once for a definition's Green and Red rules that colour the same cells", () => {
    const xml = ruleBlocks(
      [rule("Green", ["G3:J3", "G12:J12"]), rule("Red", ["G3:J3", "G12:J12"])],
      [7, 8],
      layout
    );
    expect(xml).toBe(
      '<conditionalFormatting sqref="G3:J3 G12:J12">' +
        '<cfRule type="expression" dxfId="7" priority="5"><formula>AND(N(&quot;KPI RAG&quot;)=0,G3&gt;=0.9)</formula></cfRule>' +
        '<cfRule type="expression" dxfId="8" priority="6"><formula>AND(N(&quot;KPI RAG&quot;)=0,G3&lt;0.9)</formula></cfRule>' +
        "</conditionalFormatting>"
    );
  });

  it("gives rules that colour other cells blocks of their own, numbered on after the analyst's rules", () => {
    const xml = ruleBlocks(
      [rule("Green", ["G3:J3"]), rule("Red", ["G3:J3"]), rule("Green", ["G4:J4"])],
      [0, 1, 0],
      { ...layout, prefix: "x" }
    );
    expect(
      [...xml.matchAll(/<x:conditionalFormatting sqref="([^"]*)">/g)].map((m) => m[1])
    ).toEqual(["G3:J3", "G4:J4"]);
    expect([...xml.matchAll(/priority="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([5, 6, 7]);
    expect(xml.endsWith("</x:conditionalFormatting>")).toBe(true);
  });

  it("writes nothing for a plan with no rules", () => {
    expect(ruleBlocks([], [], layout)).toBe("");
  });
});
