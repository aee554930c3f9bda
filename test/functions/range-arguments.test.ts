import path from "node:path";
import { describe, expect, it } from "vitest";
import * as implementations from "../../src/functions/functions";
import { asExcelCalls } from "../support";

const { compare, gap, rag, rate, trend } = asExcelCalls(
  path.join(__dirname, "..", "..", "src", "functions", "functions.ts"),
  implementations
);

/** A whole column as Excel hands it (1,048,576 rows of one cell), counting the rows read past the first. */
function wholeColumn(): { column: unknown[][]; rowsRead: () => number } {
  const rows: unknown[][] = Array.from({ length: 1_048_576 }, () => [null]);
  rows[0] = [0.5];
  rows[1] = [0.6];
  let read = 0;
  const column = new Proxy(rows, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key) && key !== "0") read += 1;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { column, rowsRead: () => read };
}

describe("the functions answer a range argument at once, without reading its cells", () => {
  it("refuses a whole column as KPI.RAG's figure, reading none of its rows", async () => {
    const { column, rowsRead } = wholeColumn();
    await expect(rag(column, "90%", "75%", "Bigger is better")).rejects.toThrow(
      "Give one cell for the figure, such as H12, not a range of 1,048,576 cells"
    );
    expect(rowsRead()).toBe(0);
  });

  it("refuses a range as the figure of KPI.RATE, KPI.GAP and KPI.COMPARE", async () => {
    const twoCells = [[0.5, 0.6]];
    const message = "Give one cell for the figure, such as H12, not a range of 2 cells";
    await expect(rate(twoCells, "KPI-18")).rejects.toThrow(message);
    await expect(gap(twoCells, "KPI-18")).rejects.toThrow(message);
    await expect(compare(0.5, twoCells, "Bigger is better")).rejects.toThrow(message);
  });

  it("still reads a one-cell range as its cell", async () => {
    expect(await rag([[0.74]], "90%", "75%", "Bigger is better")).toBe("Red");
  });

  it("refuses a whole column as KPI.TREND's periods, reading none of its rows", async () => {
    const { column, rowsRead } = wholeColumn();
    await expect(trend(column, "KPI-18")).rejects.toThrow(
      "Give the KPI's period figures, such as G5:I5: at most 1,000 cells, not 1,048,576"
    );
    expect(rowsRead()).toBe(0);
  });

  it("reads 1,000 period cells, blanks skipped, as a trend", async () => {
    const periods: unknown[][] = [Array.from({ length: 1_000 }, () => null)];
    periods[0][0] = 0.1;
    periods[0][999] = 0.08;
    expect(await trend(periods, "KPI-18")).toBe("Improved");
  });
});

describe("KPI.GAP never answers NaN", () => {
  it.each([
    ["a 400-digit number", "9".repeat(400)],
    ["a 400-digit percentage", `${"9".repeat(400)}%`],
    ["a negative 400-digit number", `-${"9".repeat(400)}`],
  ])("says %s is larger than any number Excel can hold", async (_case, figure) => {
    await expect(gap(figure, "KPI-18")).rejects.toThrow(
      "KPI-18: the figure is larger than any number Excel can hold"
    );
  });

  it("gives the gap of the largest figure Excel holds as a number", async () => {
    expect(Number.isFinite(await gap(1e308, "KPI-18"))).toBe(true);
  });
});
