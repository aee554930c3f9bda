/**
 * What no table can cover: rating never throws on anything a cell or a sheet's wording can hold; the bands
 * of every readable definition cover every number exactly once; a better figure never gets a worse status;
 * a blank is never rated like zero.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { statuses, type CellValue, type Status } from "../../src/core";
import {
  withScale,
  type Definition,
  type DefinitionWording,
} from "../../src/core/definition/definition";
import { readDefinition } from "../../src/core/definition/read-definition";
import { bands, inBand } from "../../src/core/rating/bands";
import { rate } from "../../src/core/rating/rate";
import { trend } from "../../src/core/rating/trend";

// ---------------------------------------------------------------------------------------------------------
// What a cell can hold.

const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.EPSILON
  ),
  fc.integer({ min: -1000, max: 1000 })
);

const sheetishText = fc.constantFrom(
  "91%",
  "173.75",
  "Not Available",
  "N/A",
  "n/a",
  "-",
  "",
  "   ",
  "#N/A",
  "#DIV/0!",
  "TRUE",
  "abc",
  "1,250",
  "-5%",
  "0%",
  "100%",
  "1e3",
  ".5",
  "5.",
  "%",
  "NaN",
  "Infinity"
);

const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  anyNumber,
  fc.string(),
  fc.string({ unit: "binary" }),
  sheetishText,
  fc.boolean(),
  fc.constant(null),
  // A plain object, as the Office.js and ExcelJS adapters hand Excel's errors over.
  fc
    .oneof(fc.string(), fc.constantFrom("#DIV/0!", "#N/A", "#REF!", "#VALUE!"))
    .map((error) => ({ error }))
);

// ---------------------------------------------------------------------------------------------------------
// Well-formed wordings: the phrases and shapes analysts write, consistent with each other or not.

const knownPolarity = fc.constantFrom(
  "Bigger is better",
  "Smaller is better",
  "Outstanding is better",
  "Higher is better",
  "Lower is better",
  "In range is better",
  "In range is better Smaller is better",
  "In range is better Bigger is better",
  "BIGGER IS BETTER",
  "  smaller   is better "
);

const wholePercent = fc.integer({ min: 0, max: 100 });
const percentText = wholePercent.map((points) => `${points}%`);
const decimalPercentText = fc
  .integer({ min: 0, max: 10000 })
  .map((hundredths) => `${hundredths / 100}%`);
const bareFraction = fc.integer({ min: 0, max: 100 }).map((points) => points / 100);
const bareWhole = fc.integer({ min: 2, max: 500 });
const daysText = fc.integer({ min: 0, max: 500 }).map((days) => `${days} days`);
const rangeText = fc
  .tuple(wholePercent, wholePercent)
  .map(([a, b]) => `${Math.min(a, b)}%-${Math.max(a, b)}%`);
const marginText = fc.integer({ min: 0, max: 20 }).map((points) => `±${points}%`);
const comparedText = fc
  .tuple(fc.constantFrom(">=", "<=", ">", "<"), wholePercent)
  .map(([comparator, points]) => `${comparator}${points}%`);

const wellFormedTarget: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: percentText },
  { weight: 1, arbitrary: decimalPercentText },
  { weight: 2, arbitrary: bareFraction },
  { weight: 1, arbitrary: bareWhole },
  { weight: 1, arbitrary: daysText },
  { weight: 2, arbitrary: rangeText },
  { weight: 1, arbitrary: fc.constantFrom("Suspended***", null, "-") }
);

const wellFormedTolerance: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: percentText },
  { weight: 1, arbitrary: decimalPercentText },
  { weight: 2, arbitrary: bareFraction },
  { weight: 1, arbitrary: bareWhole },
  { weight: 1, arbitrary: daysText },
  { weight: 2, arbitrary: rangeText },
  { weight: 2, arbitrary: marginText },
  { weight: 2, arbitrary: comparedText },
  { weight: 1, arbitrary: fc.constantFrom(null, "-", "Suspend") }
);

const wellFormedWording: fc.Arbitrary<DefinitionWording> = fc.record({
  polarity: fc.oneof(
    { weight: 9, arbitrary: knownPolarity },
    { weight: 1, arbitrary: fc.constant(null) }
  ),
  target: wellFormedTarget,
  tolerance: wellFormedTolerance,
  otherTolerances: fc.record({ Covid19: wellFormedTolerance }),
});

/** Wordings for the "never throws" property: anything at all, mixed with well-formed words. */
const anyWording: fc.Arbitrary<DefinitionWording> = fc.record(
  {
    measure: fc.oneof(
      fc.string(),
      fc.constantFrom("Length of intervention (days)", "Rate of first time entrants (per 100,000)")
    ),
    polarity: fc.oneof(anyCell, knownPolarity),
    target: fc.oneof(anyCell, wellFormedTarget),
    tolerance: fc.oneof(anyCell, wellFormedTolerance),
    otherTolerances: fc.dictionary(fc.string(), fc.oneof(anyCell, wellFormedTolerance), {
      maxKeys: 3,
    }),
    unit: fc.oneof(
      anyCell,
      fc.constantFrom("%", "Percent", "days", "per 100,000", "count", "rate")
    ),
    formats: fc.record(
      {
        target: fc.oneof(fc.string(), fc.constantFrom("0%", "General", '0"%"')),
        tolerance: fc.constantFrom("0%", "General", "0.0%"),
      },
      { requiredKeys: [] }
    ),
  },
  { requiredKeys: ["polarity", "target", "tolerance"] }
);

const toleranceSet = fc.oneof(
  fc.constantFrom("Standard", "Covid19", "covid-19 tolerance", "Winter"),
  fc.string()
);
const numberFormat = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom("General", "0%", "0.0%", "0.00", '0"%"', "@"),
  fc.string()
);

const rank: Partial<Record<Status, number>> = { Red: 0, Amber: 1, Green: 2 };

function finiteThresholds(definition: Definition, set: string): number[] {
  const banding = bands(definition, set);
  if (banding.kind !== "bands") return [];
  return banding.bands
    .flatMap((band) => [band.low, band.high])
    .filter((edge) => Number.isFinite(edge));
}

/** A finite number near a threshold: the threshold itself and its neighbouring doubles. */
function around(edge: number): number[] {
  const step = Math.max(Math.abs(edge) * Number.EPSILON, Number.MIN_VALUE);
  return [edge, edge - step, edge + step, edge - 1e-9, edge + 1e-9];
}

// ---------------------------------------------------------------------------------------------------------

describe("rating never throws", () => {
  it("rates any cell value against any wording, under any tolerance set and number format, with a status from the vocabulary and a reason", () => {
    fc.assert(
      fc.property(
        anyCell,
        anyWording,
        toleranceSet,
        numberFormat,
        (value, wording, set, format) => {
          const definition = readDefinition(wording);
          const rating = rate(value, definition, set, format);
          expect(statuses).toContain(rating.status);
          expect(typeof rating.reason).toBe("string");
          expect(rating.reason.length).toBeGreaterThan(0);
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("tells a direction of travel, or why not, for any row of cell values against any wording", () => {
    fc.assert(
      fc.property(fc.array(anyCell, { maxLength: 8 }), anyWording, (periods, wording) => {
        const travel = trend(periods, readDefinition(wording));
        expect(
          travel.ok
            ? ["Improved", "Declined", "No change"]
            : ["No data", "No target", "Check definition"]
        ).toContain(travel.ok ? travel.direction : travel.status);
      }),
      { numRuns: 1000 }
    );
  });
});

describe("the bands of every readable definition cover every number exactly once", () => {
  it("puts every finite number, and every threshold and its neighbours, in exactly one band", () => {
    fc.assert(
      fc.property(
        wellFormedWording,
        fc.constantFrom("Standard", "Covid19"),
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
          minLength: 1,
          maxLength: 20,
        }),
        (wording, set, values) => {
          const definition = readDefinition(wording);
          const banding = bands(definition, set);
          fc.pre(banding.kind === "bands");
          if (banding.kind !== "bands") return;
          const probes = [
            ...values,
            ...finiteThresholds(definition, set).flatMap(around),
            0,
            -0,
            1,
            -1,
          ];
          for (const value of probes) {
            const containing = banding.bands.filter((band) => inBand(value, band));
            expect(containing, `${value} for ${JSON.stringify(wording)} under ${set}`).toHaveLength(
              1
            );
          }
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("rates a finite figure Green, Amber or Red whenever the definition has bands", () => {
    fc.assert(
      fc.property(
        wellFormedWording,
        fc.constantFrom("Standard", "Covid19"),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (wording, set, value) => {
          const definition = readDefinition(wording);
          fc.pre(bands(definition, set).kind === "bands");
          expect(["Green", "Amber", "Red"]).toContain(rate(value, definition, set).status);
        }
      ),
      { numRuns: 1000 }
    );
  });
});

describe("a better figure never gets a worse status (Red < Amber < Green)", () => {
  it("for Bigger and Smaller is better, moving a figure in the better direction never lowers its status", () => {
    fc.assert(
      fc.property(
        wellFormedWording,
        fc.constantFrom("Standard", "Covid19"),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
        (wording, set, first, second) => {
          const definition = readDefinition(wording);
          const { standing } = definition;
          fc.pre(
            standing.kind === "rated" &&
              standing.polarity.kind !== "range" &&
              bands(definition, set).kind === "bands"
          );
          if (standing.kind !== "rated") return;
          const [worse, better] =
            standing.polarity.kind === "higher"
              ? [Math.min(first, second), Math.max(first, second)]
              : [Math.max(first, second), Math.min(first, second)];
          const worseStatus = rate(worse, definition, set).status;
          const betterStatus = rate(better, definition, set).status;
          expect(
            rank[betterStatus],
            `${better} (${betterStatus}) against ${worse} (${worseStatus}) for ${JSON.stringify(wording)} under ${set}`
          ).toBeGreaterThanOrEqual(rank[worseStatus]!);
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("for Bigger and Smaller is better, the threshold figures themselves keep the order too", () => {
    fc.assert(
      fc.property(wellFormedWording, fc.constantFrom("Standard", "Covid19"), (wording, set) => {
        const definition = readDefinition(wording);
        const { standing } = definition;
        fc.pre(
          standing.kind === "rated" &&
            standing.polarity.kind !== "range" &&
            bands(definition, set).kind === "bands"
        );
        if (standing.kind !== "rated") return;
        const probes = [...new Set(finiteThresholds(definition, set).flatMap(around))].sort(
          (a, b) => a - b
        );
        const inOrder = standing.polarity.kind === "higher" ? probes : [...probes].reverse();
        // Rate in the core's scale: a figure in a % cell is already a fraction.
        const statusesInOrder = inOrder.map(
          (value) =>
            rank[
              rate(value, definition, set, definition.unit === "percent" ? "0%" : undefined).status
            ]!
        );
        // Bands of a Bigger or Smaller is better definition meet at a finite threshold, so there are figures to compare.
        expect(statusesInOrder.length).toBeGreaterThan(1);
        for (let index = 1; index < statusesInOrder.length; index += 1) {
          expect(
            statusesInOrder[index],
            `${inOrder[index]} after ${inOrder[index - 1]} for ${JSON.stringify(wording)}`
          ).toBeGreaterThanOrEqual(statusesInOrder[index - 1]);
        }
      }),
      { numRuns: 1000 }
    );
  });
});

describe("a blank is never a zero", () => {
  it('rates a blank (null, "", spaces) No data, saying the cell is blank, under every definition and tolerance set', () => {
    fc.assert(
      fc.property(
        fc.oneof(wellFormedWording, anyWording),
        toleranceSet,
        fc.constantFrom<CellValue>(null, "", "   ", "\t", " \n "),
        (wording, set, blank) => {
          const definition = readDefinition(wording);
          const blankRating = rate(blank, definition, set);
          // No data because the cell is empty, not because it held something unreadable.
          expect(blankRating).toMatchObject({
            status: "No data",
            kind: "no data",
            problem: "the cell is blank",
          });
        }
      ),
      { numRuns: 1000 }
    );
  });

  it("rates 0 Green, Amber or Red wherever the definition has bands, so a blank (No data) and a zero always differ there", () => {
    fc.assert(
      fc.property(wellFormedWording, fc.constantFrom("Standard", "Covid19"), (wording, set) => {
        const definition = readDefinition(wording);
        fc.pre(bands(definition, set).kind === "bands");
        expect(["Green", "Amber", "Red"]).toContain(rate(0, definition, set).status);
        expect(rate(null, definition, set).status).toBe("No data");
      }),
      { numRuns: 500 }
    );
  });
});

describe("In range is better: a figure exactly at the edge of the tolerance is Amber", () => {
  it("rates (low - m)% and (high + m)% Amber, and a hundredth of a point further out Red, for target range low%-high% with margin ±m percentage points", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 20 }),
        (a, b, margin) => {
          const [low, high] = [Math.min(a, b), Math.max(a, b)];
          fc.pre(low - margin >= 0);
          const definition = readDefinition({
            polarity: "In range is better",
            target: `${low}%-${high}%`,
            tolerance: `±${margin}pp`,
          });
          const edges = {
            below: `${low - margin}%`,
            above: `${high + margin}%`,
            outBelow: `${low - margin - 0.01}%`,
            outAbove: `${high + margin + 0.01}%`,
          };
          expect(
            rate(edges.below, definition).status,
            `${edges.below} for ${low}%-${high}% ±${margin}pp`
          ).toBe("Amber");
          expect(
            rate(edges.above, definition).status,
            `${edges.above} for ${low}%-${high}% ±${margin}pp`
          ).toBe("Amber");
          expect(
            rate(edges.outBelow, definition).status,
            `${edges.outBelow} for ${low}%-${high}% ±${margin}pp`
          ).toBe("Red");
          expect(
            rate(edges.outAbove, definition).status,
            `${edges.outAbove} for ${low}%-${high}% ±${margin}pp`
          ).toBe("Red");
        }
      ),
      { numRuns: 500, examples: [[20, 30, 5]] }
    );
  });

  it("rates (low)% and (high)% Green and the tolerance range's own ends Amber for target range low%-high% within lo%-hi%", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
        (ends) => {
          const [outerLow, low, high, outerHigh] = [...ends].sort((x, y) => x - y);
          const definition = readDefinition({
            polarity: "In range is better",
            target: `${low}%-${high}%`,
            tolerance: `${outerLow}%-${outerHigh}%`,
          });
          expect(rate(`${low}%`, definition).status).toBe("Green");
          expect(rate(`${high}%`, definition).status).toBe("Green");
          // A tolerance range that ends where the target range ends leaves that end Green.
          expect(
            rate(`${outerLow}%`, definition).status,
            `${outerLow}% for ${low}%-${high}% within ${outerLow}%-${outerHigh}%`
          ).toBe(outerLow < low ? "Amber" : "Green");
          expect(
            rate(`${outerHigh}%`, definition).status,
            `${outerHigh}% for ${low}%-${high}% within ${outerLow}%-${outerHigh}%`
          ).toBe(outerHigh > high ? "Amber" : "Green");
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe("one figure, three ways of keeping it", () => {
  it("rates N% the same as N/100 in a cell formatted 0% and as N in a whole-number sheet", () => {
    fc.assert(
      fc.property(
        wellFormedWording,
        fc.constantFrom("Standard", "Covid19"),
        fc.integer({ min: 0, max: 200 }),
        (wording, set, points) => {
          const definition = readDefinition(wording);
          fc.pre(definition.unit === "percent");
          const written = rate(`${points}%`, definition, set).status;
          expect(rate(points / 100, definition, set, "0%").status).toBe(written);
          expect(rate(points, withScale(definition, "whole"), set).status).toBe(written);
        }
      ),
      { numRuns: 1000 }
    );
  });
});

describe("tolerance sets", () => {
  it('rates every figure under Covid19 "-" (or blank) as under the standard tolerance', () => {
    fc.assert(
      fc.property(
        wellFormedWording,
        fc.constantFrom<CellValue>("-", null, ""),
        fc.integer({ min: 0, max: 200 }),
        (wording, covid, points) => {
          const definition = readDefinition({ ...wording, otherTolerances: { Covid19: covid } });
          expect(rate(`${points}%`, definition, "Covid19").status).toBe(
            rate(`${points}%`, definition, "Standard").status
          );
        }
      ),
      { numRuns: 500 }
    );
  });

  it("rates every figure under a tolerance set the sheet does not have as under the standard tolerance", () => {
    fc.assert(
      fc.property(
        wellFormedWording,
        fc.oneof(
          fc.string(),
          fc.constantFrom(
            "Winter",
            "Recovery Tolerance",
            "constructor",
            "Constructor Tolerance",
            "__proto__",
            "toString",
            "hasOwnProperty",
            "valueOf"
          )
        ),
        fc.integer({ min: 0, max: 200 }),
        (wording, set, points) => {
          const definition = readDefinition(wording);
          fc.pre(
            !["standard", "covid19"].includes(
              set
                .toLowerCase()
                .replace(/tolerance/g, "")
                .replace(/[^a-z0-9]/g, "")
            )
          );
          expect(rate(`${points}%`, definition, set).status, `tolerance set "${set}"`).toBe(
            rate(`${points}%`, definition, "Standard").status
          );
        }
      ),
      {
        numRuns: 1000,
        examples: [
          [
            {
              polarity: "Bigger is better",
              target: "90%",
              tolerance: "75%",
              otherTolerances: { Covid19: ">=70%" },
            },
            "constructor",
            80,
          ],
        ],
      }
    );
  });
});
