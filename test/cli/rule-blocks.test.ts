import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlannedRule } from "../../src/core";
import { areasOf } from "../../src/core/plan/rule-areas";
import { blocksOf, ruleBlocks as blocksWithIds, writtenRuleCount } from "../../src/cli/edit";
import type { SheetLayout } from "../../src/cli/sheet";
// Blocks are read back with the simulated host's own A1 and reference-moving code, not the command's.
import { cellAddress, parseAddress } from "../support/a1";
import { shiftReferences } from "../support/shift-references";

const layout: SheetLayout = {
  prefix: "",
  insertAt: 0,
  ownRanges: [],
  ownRules: 0,
  highestPriority: 4,
};

/** The plan's rules as kpi-rag writes them, grouped into blocks by the areas they colour. */
function ruleBlocks(rules: PlannedRule[], dxfIds: number[], sheetLayout: SheetLayout): string {
  return blocksWithIds(rules, blocksOf(rules), dxfIds, sheetLayout);
}

function rule(status: PlannedRule["status"], appliesTo: string[]): PlannedRule {
  return {
    status,
    formula: `=AND(N("KPI RAG")=0,${appliesTo[0].split(":")[0]}${status === "Green" ? ">=" : "<"}0.9)`,
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
  it("writes a Green rule two definitions share in each of their blocks, so every row is listed once", () => {
    const rules = [
      rule("Green", ["G3:J3", "G12:J12"]),
      rule("Amber", ["G3:J3"]),
      rule("Red", ["G12:J12"]),
    ];
    const xml = ruleBlocks(rules, [7, 8, 9], layout);
    expect([...xml.matchAll(/sqref="([^"]*)"/g)].map((m) => m[1])).toEqual(["G3:J3", "G12:J12"]);
    // Green keeps the plan's first place: priorities 5 and 6 in its two blocks, then Amber, then Red.
    expect(
      [...xml.matchAll(/dxfId="(\d+)" priority="(\d+)"><formula>([^<]*)</g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
        m[3]
          .replace(/&gt;/g, ">")
          .replace(/&lt;/g, "<")
          .replace(/&quot;/g, '"'),
      ])
    ).toEqual([
      [7, 5, 'AND(N("KPI RAG")=0,G3>=0.9)'],
      [8, 7, 'AND(N("KPI RAG")=0,G3<0.9)'],
      [7, 6, 'AND(N("KPI RAG")=0,G12>=0.9)'],
      [9, 8, 'AND(N("KPI RAG")=0,G12<0.9)'],
    ]);
    expect(writtenRuleCount(blocksOf(rules))).toBe(4);
  });
});

/** Random plans: each rule colours a random set of cells, some of them shared with other rules. */
const cellSets = fc.uniqueArray(
  fc.record({ row: fc.integer({ min: 0, max: 14 }), column: fc.integer({ min: 0, max: 5 }) }),
  { minLength: 1, maxLength: 30, selector: (cell) => `${cell.row},${cell.column}` }
);
const plans = fc.array(cellSets, { minLength: 1, maxLength: 6 }).map((sets) =>
  sets.map((cells, index): PlannedRule => {
    const appliesTo = areasOf([...cells].sort((a, b) => a.row - b.row || a.column - b.column));
    const anchor = appliesTo[0].split(":")[0];
    return {
      status: index % 2 === 0 ? "Green" : "Red",
      // A relative reference, one fixed in its column and one fixed altogether, as the plan's rules hold.
      formula: `=AND(N("KPI RAG")=0,${anchor}>$C${anchor.replace(/^[A-Z]+/, "")},$A$1<>${index})`,
      appliesTo,
      fill: "#C6EFCE",
      font: "#006100",
    };
  })
);

function unescaped(xmlText: string): string {
  return xmlText
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, ">")
    .replace(/&lt;/g, "<")
    .replace(/&amp;/g, "&");
}

/** Each cell's rules as written: dxf and formula read at that cell, in the order of their priorities. */
function rulesAtEachCell(xml: string): Map<string, Array<{ priority: number; rule: string }>> {
  const atCell = new Map<string, Array<{ priority: number; rule: string }>>();
  for (const block of xml.matchAll(/sqref="([^"]*)">(.*?)<\/conditionalFormatting>/g)) {
    const areas = block[1].split(" ").map((address) => parseAddress(address)!.area);
    const corner = areas[0];
    for (const written of block[2].matchAll(/dxfId="(\d+)" priority="(\d+)"><formula>([^<]*)</g))
      for (const area of areas)
        for (let row = area.top; row <= area.bottom; row++)
          for (let column = area.left; column <= area.right; column++) {
            const key = cellAddress(row, column);
            const formula = shiftReferences(
              unescaped(written[3]),
              row - corner.top,
              column - corner.left
            );
            const list = atCell.get(key) ?? [];
            list.push({ priority: Number(written[2]), rule: `${written[1]} ${formula}` });
            atCell.set(key, list);
          }
  }
  for (const list of atCell.values()) list.sort((a, b) => a.priority - b.priority);
  return atCell;
}

describe("rules written in blocks by the areas they colour", () => {
  it("colour every cell with the plan's rules, each read at that cell, in the plan's order", () => {
    fc.assert(
      fc.property(plans, (rules) => {
        const dxfIds = rules.map((_, index) => 10 + index);
        const written = rulesAtEachCell(ruleBlocks(rules, dxfIds, layout));
        const planned = new Map<string, string[]>();
        rules.forEach((rule, index) => {
          const anchor = parseAddress(rule.appliesTo[0])!.area;
          for (const address of rule.appliesTo) {
            const area = parseAddress(address)!.area;
            for (let row = area.top; row <= area.bottom; row++)
              for (let column = area.left; column <= area.right; column++) {
                const key = cellAddress(row, column);
                const formula = shiftReferences(
                  rule.formula.slice(1),
                  row - anchor.top,
                  column - anchor.left
                );
                planned.set(key, [...(planned.get(key) ?? []), `${dxfIds[index]} ${formula}`]);
              }
          }
        });
        expect(
          new Map([...written].map(([cell, list]) => [cell, list.map((r) => r.rule)]))
        ).toEqual(planned);
        const priorities = [...written.values()].flat().map((r) => r.priority);
        expect(Math.min(...priorities)).toBeGreaterThan(layout.highestPriority);
      }),
      { seed: 20, numRuns: 300 }
    );
  });

  it("list each area once and number their rules from the analyst's highest on, without a gap", () => {
    fc.assert(
      fc.property(plans, (rules) => {
        const xml = ruleBlocks(
          rules,
          rules.map(() => 0),
          layout
        );
        const areas = [...xml.matchAll(/sqref="([^"]*)"/g)].flatMap((m) => m[1].split(" "));
        expect(new Set(areas).size).toBe(areas.length);
        const priorities = [...xml.matchAll(/priority="(\d+)"/g)].map((m) => Number(m[1]));
        expect([...priorities].sort((a, b) => a - b)).toEqual(
          priorities.map((_, index) => layout.highestPriority + 1 + index)
        );
        expect(priorities.length).toBe(writtenRuleCount(blocksOf(rules)));
      }),
      { seed: 20, numRuns: 300 }
    );
  });
});
