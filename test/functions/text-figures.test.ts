/**
 * KPI.RAG and KPI.RATE read a figure written as text as the pane and the colours do: separators, a unit
 * after the number and a flag of published statistics, through the one core. The formula returns the status;
 * the reason the pane and the report give for the same figure says what the flag means.
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import * as implementations from "../../src/functions/functions";
import { readDefinition } from "../../src/core/definition/read-definition";
import { rate as rateInCore } from "../../src/core/rating/rate";
import { asExcelCalls } from "../support";

const { rag, rate, compare } = asExcelCalls(
  path.join(__dirname, "..", "..", "src", "functions", "functions.ts"),
  implementations
);

describe("KPI.RAG and KPI.RATE on figures written as text", () => {
  it('rates "56p" Green against "At least 50", and the reason for it says provisional', async () => {
    expect(await rag("56p", "At least 50", null, null)).toBe("Green");
    const definition = readDefinition({ polarity: null, target: "At least 50", tolerance: null });
    expect(rateInCore("56p", definition).reason).toMatch(/^56 \(provisional\) is at or above/);
  });

  it('rates "48 r" Red and "1,234" Green against "At least 50"', async () => {
    expect(await rag("48 r", "At least 50", null, null)).toBe("Red");
    expect(await rag("1,234", "At least 50", null, null)).toBe("Green");
  });

  it('rates "150 days e" Amber against 140 days with a tolerance of 180 days, smaller is better', async () => {
    expect(await rag("150 days e", "140 days", "180 days", "Smaller is better")).toBe("Amber");
  });

  it('does not rate "22 days" against a target of 90%: No data, never a colour', async () => {
    expect(await rag("22 days", "90%", "75%", "H")).toBe("No data");
  });

  it('rates "85.3% p" Red and "12.5%*" Amber for KPI-18 (Smaller is better, target 9%, tolerance 15%)', async () => {
    expect(await rate("85.3% p", "KPI-18")).toBe("Red");
    expect(await rate("12.5%*", "KPI-18")).toBe("Amber");
  });

  it('compares "85.3% p" with 85.26% at the one decimal it shows: Same, not Better', async () => {
    expect(await compare("85.3% p", "85.26%", "Bigger is better")).toBe("Same");
    expect(await compare("85.4% p", "85.26%", "Bigger is better")).toBe("Better");
  });
});
