/**
 * KPI.RAG reads its arguments through the rating core, so a formula takes the wordings a scorecard uses:
 * polarity codes H and L (its polarity argument is always a polarity), polarity phrases, and thresholds in
 * words. Statuses are worked out by hand from the bands.
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import * as implementations from "../../src/functions/functions";
import { asExcelCalls } from "../support";

/** KPI.RAG called as Excel calls it, from the functions.json its JSDoc makes. */
const { rag } = asExcelCalls(
  path.join(__dirname, "..", "..", "src", "functions", "functions.ts"),
  implementations
);

describe("KPI.RAG: polarity codes and thresholds in words", () => {
  const cases: Array<
    [value: unknown, target: unknown, tolerance: unknown, polarity: unknown, expected: string]
  > = [
    // Re-referrals within 12 months: L, target "Less than 22%" (22% itself misses it), tolerance 28%.
    [0.21, "Less than 22%", "28%", "L", "Green"],
    [0.22, "Less than 22%", "28%", "L", "Amber"],
    [0.28, "Less than 22%", "28%", "L", "Amber"],
    [0.29, "Less than 22%", "28%", "L", "Red"],
    // Care leavers in touch: H, target 95%, tolerance 80%.
    [0.95, "95%", "80%", "H", "Green"],
    [0.85, "95%", "80%", "H", "Amber"],
    [0.79, "95%", "80%", "H", "Red"],
    // Other wordings through the same core.
    [0.9025, "95%", "±5%", "Good is: High", "Amber"],
    [0.9, "95%", "±5%", "Aim: higher", "Red"],
    [84, "Fewer than 85", "95", "Aim to reduce", "Green"],
    [85, "Fewer than 85", "95", "Aim to reduce", "Amber"],
    [0.8, "At least 80%", null, null, "Green"],
    [0.79, "At least 80%", "", "", "Red"],
    // Days from entering care to an adoptive family: the general rule, other words between.
    [400, "426 days", "480 days", "Fewer days = better", "Green"],
    [450, "426 days", "480 days", "Fewer days = better", "Amber"],
    [481, "426 days", "480 days", "Fewer days = better", "Red"],
    [0.85, "90%", "80%", "↑", "Amber"],
    [0.5, "80%", "70%", "Monitoring only", "No target"],
    [0.5, "TBC", null, "H", "No target"],
    [0.5, "At least 80%", null, "L", "Check definition"],
    [0.15, "15%", "20%", "T", "Check definition"],
    [0.5, "80%", "70%", "Steady good", "Check definition"],
    [0.85, "90%", "80%", "Higher or lower", "Check definition"],
    ["c", "80%", "70%", "H", "No data"],
  ];
  for (const [value, target, tolerance, polarity, expected] of cases) {
    it(`rates ${JSON.stringify(value)} ${expected} for polarity ${JSON.stringify(polarity)}, target ${JSON.stringify(target)}, tolerance ${JSON.stringify(tolerance)}`, async () => {
      expect(await rag(value, target, tolerance, polarity)).toBe(expected);
    });
  }
});
