import fc from "fast-check";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { example, kpiRag, scratchPerTest } from "./run-command";
import { problemsOf } from "./verified-output";

const workspace = scratchPerTest();
const examples = ["appendix-i.xlsx", "appendix-a.xlsx", "council-scorecard.xlsx"].map((name) =>
  readFileSync(example(name))
);

/** Anywhere in a file, evenly: fast-check's default leans to the small values, the first bytes. */
const anywhere = fc.noBias(fc.integer({ min: 0, max: 2 ** 31 - 1 }));

/** A bundled example cut short at some byte (one time in three), or with a few of its bytes flipped. */
const damagedExample = fc
  .record({
    which: fc.nat({ max: examples.length - 1 }),
    cutShort: fc.nat({ max: 2 }).map((draw) => draw === 0),
    cut: anywhere,
    flips: fc.array(
      fc.record({
        at: anywhere,
        mask: fc.integer({ min: 1, max: 255 }),
      }),
      { minLength: 1, maxLength: 6 }
    ),
  })
  .map(({ which, cutShort, cut, flips }) => {
    const bytes = Buffer.from(examples[which]);
    if (cutShort) return bytes.subarray(0, cut % bytes.length);
    for (const { at, mask } of flips) bytes[at % bytes.length] ^= mask;
    return bytes;
  });

describe("kpi-rag on randomly damaged workbooks", () => {
  it("ends every run with a whole output or exactly one line and a non-zero exit, never a crash", async () => {
    const { folder } = workspace();
    const input = path.join(folder, "damaged.xlsx");
    const output = path.join(folder, "damaged.rag.xlsx");
    const outcomes = { written: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(damagedExample, async (bytes) => {
        rmSync(output, { force: true });
        writeFileSync(input, bytes);
        const run = await kpiRag(input);
        if (run.code === 0) {
          outcomes.written += 1;
          expect(run.error).toEqual([]);
          expect(await problemsOf(output)).toEqual([]);
        } else {
          outcomes.refused += 1;
          expect(run.code).toBe(1);
          expect(run.error).toHaveLength(1);
          expect(run.error[0]).not.toMatch(/\n|something unexpected|^kpi-rag: .*\bat .*\.ts:\d+/);
          expect(existsSync(output)).toBe(false);
        }
        expect(readdirSync(folder).filter((name) => name.endsWith(".tmp"))).toEqual([]);
      }),
      { seed: 18, numRuns: 300 }
    );
    // Both ends are reached: some damage (a flipped date, a comment) leaves a workbook to format.
    expect(outcomes.written).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 120_000);
});
