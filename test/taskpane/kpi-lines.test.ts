import { describe, expect, it } from "vitest";
import { findTables } from "../../src/core";
import { appraiseTables } from "../../src/core/appraisal/appraisal";
import { cellFactsOf } from "../../src/taskpane/kpi-lines";
import { appendixGrid } from "./appendix";

describe("the KPI lines' figures", () => {
  const appraisal = () => appraiseTables(findTables(appendixGrid()));

  it.each([
    ["G3", "91%"],
    ["G6", "80%"], // a row with no target is a count, but its figure in a % cell reads as the sheet shows it
    ["G7", "193 days"],
    ["H7", "173.75 days"],
  ])("words Appendix I's %s as %s when a line asks for it", (address, words) => {
    expect(cellFactsOf(appraisal()).figures[address]).toBe(words);
  });

  it("lists every figure of Appendix I once, the same as each line is told, and nothing for a cell with none", () => {
    const figures = cellFactsOf(appraisal()).figures;
    const listed = { ...cellFactsOf(appraisal()).figures };
    expect(Object.keys(listed)).toHaveLength(20);
    for (const [address, words] of Object.entries(listed)) expect(figures[address]).toBe(words);
    expect(figures).toEqual(listed);
    expect(figures.ZZ999).toBeUndefined();
    expect("ZZ999" in figures).toBe(false);
    expect("G3" in figures).toBe(true);
  });
});
