import { describe, expect, it } from "vitest";
import path from "node:path";
import * as implementations from "../../src/functions/functions";
import { asExcelCalls } from "../support";

/** Each function called as Excel calls it, from the functions.json its JSDoc makes. */
const { gap, name, polarity, rag, rate, target, tolerance, trend } = asExcelCalls(
  path.join(__dirname, "..", "..", "src", "functions", "functions.ts"),
  implementations
);

describe("KPI.RAG: thresholds written in the formula, in the sheet's wording", () => {
  const cases: Array<[unknown, unknown, unknown, unknown, string]> = [
    [0.74, "90%", "75%", "Bigger is better", "Red"],
    [0.75, "90%", "75%", "Bigger is better", "Amber"],
    [0.9, 0.9, 0.75, "Bigger is better", "Green"],
    ["91%", "90%", ">=75%", "bigger IS better", "Green"],
    [0.1, "9%", "15%", "Smaller is better", "Amber"],
    [0.16, "9%", "15%", "In range is better Smaller is better", "Red"],
    [193, "140 days", "180 days", "Smaller is better", "Red"],
    [225, 212, 252, "Smaller is better", "Amber"],
    [0.57, "Suspended***", null, "Bigger is better", "Suspended"],
    [0.66, null, null, null, "No target"],
    [null, "90%", "75%", "Bigger is better", "No data"],
    ["", "90%", "75%", "Bigger is better", "No data"],
    ["Not Available", "90%", "75%", "Bigger is better", "No data"],
    [0.15, "25%", "15%", "Smaller is better", "Check definition"],
    [0.5, "90%", "75%", "Biggest is better", "Check definition"],
    [0.95, "90%", null, "Bigger is better", "Green"],
    [0.89, "90%", null, "Bigger is better", "Red"],
  ];
  for (const [value, targetWords, toleranceWords, polarityWords, expected] of cases) {
    it(`rates ${JSON.stringify(value)} ${expected} for ${String(polarityWords)}, target ${String(targetWords)}, tolerance ${String(toleranceWords)}`, async () => {
      expect(await rag(value, targetWords, toleranceWords, polarityWords)).toBe(expected);
    });
  }

  it("rates a blank as No data while a zero is a figure", async () => {
    expect(await rag(null, "9%", "15%", "Smaller is better")).toBe("No data");
    expect(await rag(0, "9%", "15%", "Smaller is better")).toBe("Green");
  });
});

describe("KPI functions that read the register (here the built-in catalogue)", () => {
  it("rates 10% Amber for KPI-18 (target 9%, tolerance 15%, smaller is better), with any case of id", async () => {
    expect(await rate(0.1, "KPI-18")).toBe("Amber");
    expect(await rate(0.07, "kpi-18")).toBe("Green");
    expect(await rate("16%", "Kpi 18")).toBe("Red");
  });

  it('takes Appendix A\'s KPI number, 18 or "5a", as the id KPI-18 or KPI-5a', async () => {
    expect(await rate(0.1, 18)).toBe("Amber");
    expect(await name("5a")).toBe(
      "% of children subject to a CP Plan visited in the last 2 weeks (all ages)"
    );
  });

  it("rates against the Covid19 tolerance set when asked", async () => {
    expect(await rate(0.75, "CKPI-10")).toBe("Red");
    expect(await rate(0.75, "CKPI-10", "Covid19")).toBe("Amber");
    expect(await rate(0.75, "CKPI-10", "covid-19")).toBe("Amber");
    expect(await rate(0.99, "CKPI-7", "Covid19")).toBe("Suspended");
  });

  it("says No data for blanks and Not Available, No target for a context measure, Check definition for a contradiction", async () => {
    expect(await rate(null, "KPI-18")).toBe("No data");
    expect(await rate("Not Available", "SPI-12")).toBe("No data");
    expect(await rate(0.66, "SPI-8")).toBe("No target");
    expect(await rate(0.15, "SPI-4")).toBe("Check definition");
  });

  it("answers #VALUE! naming the id for an unknown KPI, and for an unknown tolerance set", async () => {
    await expect(rate(0.5, "KPI-99")).rejects.toThrow(
      "KPI-99 is in neither the workbook's KPIRegister table nor the built-in catalogue"
    );
    await expect(rate(0.5, "KPI-18", "Winter")).rejects.toThrow(
      'There is no tolerance set "Winter"'
    );
    await expect(rate(0.5, "")).rejects.toThrow("Name a KPI");
  });

  it("gives KPI-18's target 0.09, tolerance 0.15, polarity and name", async () => {
    expect(await target("KPI-18")).toBe(0.09);
    expect(await tolerance("KPI-18")).toBe(0.15);
    expect(await tolerance("CKPI-10", "Covid19")).toBe(0.7);
    expect(await polarity("KPI-18")).toBe("Smaller is better");
    expect(await polarity("SPI-5a")).toBe("Smaller is better");
    expect(await name("KPI-18")).toBe("% of LAC with 3 or more placements in the last year");
  });

  it("refuses a target for a suspended KPI and a tolerance for one without", async () => {
    await expect(target("CKPI-7")).rejects.toThrow("its target is suspended");
    await expect(tolerance("SPI-8")).rejects.toThrow("context measure");
  });

  it("gives the gap to target, positive when better", async () => {
    expect(await gap(0.07, "KPI-18")).toBeCloseTo(0.02, 10);
    expect(await gap(0.12, "KPI-18")).toBeCloseTo(-0.03, 10);
    expect(await gap(0.95, "CKPI-1")).toBeCloseTo(0.05, 10);
    await expect(gap(null, "KPI-18")).rejects.toThrow("blank");
  });

  it("gives the direction of travel of a row of periods, oldest first, skipping blanks", async () => {
    expect(await trend([[0.1, 0.08, 0.07]], "KPI-18")).toBe("Improved");
    expect(await trend([[0.07, null, 0.1]], "KPI-18")).toBe("Declined");
    expect(await trend([[0.91], [0.89]], "CKPI-1")).toBe("Declined");
    expect(await trend([[0.89, 0.89]], "CKPI-1")).toBe("No change");
    expect(await trend([[0.1, 0.2, 0.3, 0.25]], "CKPI-1")).toBe("Improved");
    expect(await trend([[0.1, null, ""]], "CKPI-1")).toBe("No data");
  });
});

describe("a lone figure in a formula, with no row to say how percentages are kept", () => {
  it("reads a whole number above 1 as a whole-number percentage: 10 is 10% for KPI-18, Amber", async () => {
    expect(await rate(10, "KPI-18")).toBe("Amber");
    expect(await rate(0.1, "KPI-18")).toBe("Amber");
    expect(await rag(91, "90%", "75%", "Bigger is better")).toBe("Green");
  });
});
