/**
 * KPI.COMPARE: a figure against a benchmark, polarity from the register or from wording in the formula;
 * verdicts worked out by hand.
 */
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as implementations from "../../src/functions/functions";
import { forgetRegister } from "../../src/excel/workbook-register";
import { asExcelCalls, createExcelHost } from "../support";
import { registerHeaders } from "../support/register-headers";

/** Each function called as Excel calls it, from the functions.json its JSDoc makes. */
const { compare, rate } = asExcelCalls(
  path.join(__dirname, "..", "..", "src", "functions", "functions.ts"),
  implementations
);

describe("KPI.COMPARE with a KPI of the register", () => {
  it("says Better for KPI-18 at 10% against England's 12%: fewer placement moves is better", async () => {
    expect(await compare(0.1, 0.12, "KPI-18")).toBe("Better");
  });

  it("says Worse for KPI-18 at 12% against England's 10%", async () => {
    expect(await compare(0.12, 0.1, "KPI-18")).toBe("Worse");
  });

  it("says Same for KPI-18 at 10% against England's 10%", async () => {
    expect(await compare(0.1, 0.1, "kpi 18")).toBe("Same");
  });

  it("says No data for a blank figure, and for a benchmark that is N/A or suppressed", async () => {
    expect(await compare(null, 0.1, "KPI-18")).toBe("No data");
    expect(await compare(0.1, "N/A", "KPI-18")).toBe("No data");
    expect(await compare(0.1, "c", "KPI-18")).toBe("No data");
  });

  it("says No polarity for a context measure (SPI-8, case file audits graded good)", async () => {
    expect(await compare(0.66, 0.6, "SPI-8")).toBe("No polarity");
  });

  it("compares a KPI whose thresholds contradict each other (SPI-4) by its polarity, smaller is better", async () => {
    expect(await compare(0.2, 0.3, "SPI-4")).toBe("Better");
  });

  it("names an unknown KPI in its error", async () => {
    await expect(compare(0.1, 0.12, "KPI-99")).rejects.toThrow("KPI-99 is in neither");
  });
});

describe("KPI.COMPARE with the polarity written in the formula", () => {
  it("says Better for 26.2% against 21.6% where bigger is better, Worse where smaller is better", async () => {
    expect(await compare(0.262, 0.216, "Bigger is better")).toBe("Better");
    expect(await compare(0.262, 0.216, "Smaller is better")).toBe("Worse");
  });

  it("says Same for 22 against 21.6: equal at the whole number the figure shows", async () => {
    expect(await compare(22, 21.6, "Smaller is better")).toBe("Same");
  });

  it('says Same for "22%" against "21.6%" written as text, and Worse for "22.0%"', async () => {
    expect(await compare("22%", "21.6%", "Smaller is better")).toBe("Same");
    expect(await compare("22.0%", "21.6%", "Smaller is better")).toBe("Worse");
  });

  it("reads 12 against 10 days by the wording: Better where bigger is better, Worse where smaller is", async () => {
    expect(await compare(12, 10, "Bigger is better")).toBe("Better");
    expect(await compare(12, 10, "smaller is better")).toBe("Worse");
  });

  it('reads a bare 21.6 beside "26.2%" typed as text as 21.6%: the text\'s % says its own figure only, and 2160% is no percentage', async () => {
    expect(await compare("26.2%", 21.6, "Smaller is better")).toBe("Worse");
  });
});

describe("KPI.RATE and KPI.COMPARE with the workbook's register carrying England", () => {
  const registerRows = [
    [...registerHeaders, "England", "Benchmark year"],
    [
      "KPI-40",
      "% of care leavers in suitable accommodation",
      "Care leavers",
      "Bigger is better",
      "%",
      "Above England",
      "within 3 points",
      "-",
      "",
      0.55,
      "2022/23",
    ],
    [
      "KPI-41",
      "% of care leavers in education, employment or training",
      "Care leavers",
      "Bigger is better",
      "%",
      "In line with SN",
      "",
      "-",
      "",
      0.5,
      "",
    ],
  ];
  let uninstall: (() => void) | undefined;
  beforeEach(async () => {
    forgetRegister();
    const host = createExcelHost({ Scorecard: [], "KPI Register": registerRows });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("KPI Register").tables.add("A1:K3", true).name =
        "KPIRegister";
      await context.sync();
    });
    uninstall = host.install();
  });
  afterEach(() => {
    uninstall?.();
    forgetRegister();
  });

  it("rates 58%, 53% and 50% Green, Amber and Red against the register's England 55% for a target Above England", async () => {
    expect(await rate(0.58, "KPI-40")).toBe("Green");
    expect(await rate(0.53, "KPI-40")).toBe("Amber");
    expect(await rate(0.5, "KPI-40")).toBe("Red");
  });

  it("says Check definition for a target In line with SN when the register has no statistical-neighbour figure", async () => {
    expect(await rate(0.5, "KPI-41")).toBe("Check definition");
  });

  it("compares by the register's polarity: 58% against 55% is Better for KPI-40", async () => {
    expect(await compare(0.58, 0.55, "KPI-40")).toBe("Better");
  });
});
