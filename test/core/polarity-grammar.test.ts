/**
 * The general polarity rule (PRODUCT.md, "The rating rules"): a direction paired with a word of aim or
 * merit, in any order, with other words between; arrows under a polarity heading; worse, bad and poor read
 * as merit of the other sign; two directions, a negation, or no direction at all is a problem, never a
 * guess. Statuses are worked out by hand from the bands: Green at or beyond the target, Amber up to and
 * including the tolerance, else Red.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findTables, ragPalette, type CellValue, type Status } from "../../src/core";
import { readPolarity } from "../../src/core/definition/polarity";
import { readDefinition } from "../../src/core/definition/read-definition";
import type { Direction } from "../../src/core/definition/words";
import { describeDefinition } from "../../src/core/rating/describe";
import { rate } from "../../src/core/rating/rate";
import { plannedWithReport } from "../support/planned-with-report";
import { paintedCells } from "../support/rule-engine";
import { eachRow } from "./each-row";

interface Case {
  polarity: string;
  value: CellValue;
  status: Status;
}

// Children in need with a plan reviewed in timescale: target 90%, tolerance 80%, higher is better.
const higherIsBetter = { target: "90%", tolerance: "80%" };
// Re-referrals within 12 months: target 22%, tolerance 28%, lower is better.
const lowerIsBetter = { target: "22%", tolerance: "28%" };

const statusOf = (
  polarity: string,
  value: CellValue,
  thresholds: { target: string; tolerance: string }
): Status => rate(value, readDefinition({ polarity, ...thresholds })).status;

describe("wordings with other words between the direction and its word of merit", () => {
  describe("read as Bigger is better (target 90%, tolerance 80%)", () => {
    eachRow(
      [
        { polarity: "The higher the better", value: "85%", status: "Amber" },
        { polarity: "Higher percentage is better", value: "79%", status: "Red" },
        { polarity: "Good performance: higher", value: "90%", status: "Green" },
        { polarity: "More children seen = better", value: "80%", status: "Amber" },
        { polarity: "Less is bad", value: "85%", status: "Amber" },
        { polarity: "A lower figure is worse", value: "95%", status: "Green" },
        // After its aim, a direction may end on what is counted.
        { polarity: "Good: higher attendance", value: "85%", status: "Amber" },
      ] satisfies Case[],
      ({ polarity, value, status }) =>
        `rates ${String(value)} ${status} for polarity "${polarity}", target 90%, tolerance 80%`,
      ({ polarity, value, status }) => {
        expect(statusOf(polarity, value, higherIsBetter)).toBe(status);
      }
    );
  });

  describe("read as Smaller is better (target 22%, tolerance 28%)", () => {
    eachRow(
      [
        { polarity: "Lower figure is better", value: "25%", status: "Amber" },
        { polarity: "Fewer days = better", value: "22%", status: "Green" },
        { polarity: "The lower the rate, the better", value: "28.1%", status: "Red" },
        { polarity: "Fewer re-referrals is better", value: "21%", status: "Green" },
        { polarity: "Higher is worse", value: "28%", status: "Amber" },
        { polarity: "Bad: high", value: "30%", status: "Red" },
        { polarity: "Aim: fewer days", value: "28%", status: "Amber" },
        { polarity: "Target: reduce the number of re-referrals", value: "21%", status: "Green" },
      ] satisfies Case[],
      ({ polarity, value, status }) =>
        `rates ${String(value)} ${status} for polarity "${polarity}", target 22%, tolerance 28%`,
      ({ polarity, value, status }) => {
        expect(statusOf(polarity, value, lowerIsBetter)).toBe(status);
      }
    );
  });

  it("names the wording and the way it was read in the definition the pane shows", () => {
    expect(
      describeDefinition(readDefinition({ polarity: "Higher is worse", ...lowerIsBetter }))
    ).toContain('"Higher is worse" read as Smaller is better');
  });
});

describe("arrows under a polarity heading", () => {
  eachRow(
    [
      { polarity: "↑", value: "85%", status: "Amber" },
      { polarity: "▲", value: "90%", status: "Green" },
      { polarity: "⬆", value: "79%", status: "Red" },
      { polarity: "⇧", value: "80%", status: "Amber" },
    ] satisfies Case[],
    ({ polarity, value, status }) =>
      `rates ${String(value)} ${status} for the arrow ${polarity}, target 90%, tolerance 80%`,
    ({ polarity, value, status }) => {
      expect(statusOf(polarity, value, higherIsBetter)).toBe(status);
    }
  );
  eachRow(
    [
      { polarity: "↓", value: "25%", status: "Amber" },
      { polarity: "▼", value: "21%", status: "Green" },
      { polarity: "⬇", value: "29%", status: "Red" },
      { polarity: "⇩", value: "22%", status: "Green" },
    ] satisfies Case[],
    ({ polarity, value, status }) =>
      `rates ${String(value)} ${status} for the arrow ${polarity}, target 22%, tolerance 28%`,
    ({ polarity, value, status }) => {
      expect(statusOf(polarity, value, lowerIsBetter)).toBe(status);
    }
  );

  it("reads a lone arrow only under a polarity heading; in free text it needs a word of merit", () => {
    expect(readPolarity("↑", undefined, "in free text").ok).toBe(false);
    expect(readPolarity("▼ is good", undefined, "in free text")).toEqual({
      ok: true,
      value: ["lower"],
    });
  });
});

describe("wordings that could mean either way: a problem, never a guess", () => {
  eachRow(
    [
      { polarity: "Higher or lower", why: "it names both directions" },
      { polarity: "Up is bad, down is good", why: "it names both directions" },
      { polarity: "↑ or ↓", why: "it names both directions" },
      { polarity: "Lower is not better", why: "a negation leaves which way is better unsaid" },
      { polarity: "Higher isn't better", why: "a negation leaves which way is better unsaid" },
      { polarity: "Up to 10 is good", why: '"up to" or "down to" is a limit' },
      { polarity: "Higher is good and bad", why: "both good and bad" },
      // A figure after the direction is a threshold, which a polarity does not hold.
      { polarity: "Aim: lower than 10", why: 'the words "10" around its direction are not read' },
      // Words naming what is counted follow the aim and its direction, not the pairing the other way round.
      { polarity: "Fewer is better for days", why: 'the words "for days" around its direction' },
    ],
    ({ polarity, why }) => `rates 85% Check definition for polarity "${polarity}", saying ${why}`,
    ({ polarity, why }) => {
      const rating = rate("85%", readDefinition({ polarity, ...higherIsBetter }));
      expect(rating.status).toBe("Check definition");
      expect(rating.reason).toContain(`"${polarity}" is not wording the add-in knows: `);
      expect(rating.reason).toContain(why);
    }
  );

  eachRow(
    ["Bigger is better, see note 3", "Higher figures", "Biggest is best", "Steady good"],
    (polarity) =>
      `rates 85% Check definition for polarity "${polarity}": words around the pairing, or no pairing, are not read`,
    (polarity) => {
      expect(statusOf(polarity, "85%", higherIsBetter)).toBe("Check definition");
    }
  );

  it('names the words around a direction it did not read: "see note 3" after Bigger is better', () => {
    expect(
      rate("85%", readDefinition({ polarity: "Bigger is better, see note 3", ...higherIsBetter }))
        .reason
    ).toContain(
      'The polarity "Bigger is better, see note 3" is not wording the add-in knows: the words "see note 3" around its direction are not read'
    );
  });
});

describe("a scorecard whose polarity column holds arrows and wordings with other words between", () => {
  const values: CellValue[][] = [
    ["Measure", "Polarity", "Target", "Tolerance", "Q1", "Q2", "DoT"],
    ["Plans reviewed in time", "↑", "90%", "80%", "85%", "91%", "↑"],
    ["Re-referrals within 12 months", "▼", "22%", "28%", "25%", "21%", "↓"],
    ["Days to adoption", "Fewer days = better", "426 days", "480 days", 450, 400, "↑"],
    ["Care leavers in touch", "The higher the better", "95%", "80%", "79%", "96%", "↑"],
    ["Repeat child protection plans", "Lower figure is better", "18%", "23%", "20%", "24%", "↓"],
    ["Placement moves", "Higher or lower", "18%", "23%", "20%", "24%", "↓"],
  ];
  const plan = plannedWithReport(
    findTables({
      sheet: "Scorecard",
      origin: { row: 0, column: 0 },
      values,
      numberFormats: values.map((row) => row.map(() => "General")),
      merges: [],
    })
  );
  // Worked out by hand from each row's bands; the last row names both directions, so it is not rated.
  const expected: Record<string, Status> = {
    E2: "Amber",
    F2: "Green",
    E3: "Amber",
    F3: "Green",
    E4: "Amber",
    F4: "Green",
    E5: "Red",
    F5: "Green",
    E6: "Amber",
    F6: "Red",
    E7: "Check definition",
    F7: "Check definition",
  };

  it("rates every row by its wording as the pane and kpi-rag read the sheet", () => {
    expect(
      Object.fromEntries(
        plan.tables[0].rows.flatMap((row) => row.cells.map((cell) => [cell.address, cell.status]))
      )
    ).toEqual(expected);
  });

  it("paints what the report says, judged by HyperFormula, and leaves the unread row and the DoT arrows uncoloured", () => {
    const painted = paintedCells(values, plan.rules);
    const fills = Object.fromEntries(
      Object.entries(expected).flatMap(([address, status]) =>
        status === "Green" || status === "Amber" || status === "Red"
          ? [[address, ragPalette[status].fill]]
          : []
      )
    );
    expect(Object.fromEntries(painted)).toEqual(fills);
  });
});

describe("properties of the general rule", () => {
  const higher = ["higher", "bigger", "more", "high", "increase", "up", "maximise", "↑", "▲"];
  const lower = ["lower", "smaller", "less", "fewer", "low", "reduce", "down", "minimise", "↓"];
  const good = ["better", "good", "aim", "target", "is good", "="];
  const bad = ["worse", "bad", "poor"];
  // Words that are neither a direction, a merit word nor a negation: anything may stand between the two.
  const meaningless =
    /high|big|more|great|larg|increas|ris|up|max|low|small|less|few|reduc|decreas|fall|down|min|better|best|good|aim|target|worse|bad|poor|not|no|never|nor|desir|prefer|improvement/;
  const between = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          "figure",
          "days",
          "children",
          "rate",
          "%",
          "is",
          "the",
          "a",
          "of",
          "3",
          ":"
        ),
        fc.stringMatching(/^[a-zA-Z]{3,9}$/).filter((word) => !meaningless.test(word.toLowerCase()))
      ),
      { maxLength: 5 }
    )
    .map((words) => ` ${words.join(" ")} `);
  const opposite = (way: Direction): Direction => (way === "higher" ? "lower" : "higher");

  it("reads any direction and any word of merit, in either order with any words between, as that direction (worse, bad or poor as the other)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Direction>("higher", "lower"),
        fc.nat(),
        fc.boolean(),
        fc.nat(),
        between,
        fc.boolean(),
        fc.boolean(),
        (way, pickDirection, isGood, pickMerit, middle, meritFirst, upper) => {
          const directions = way === "higher" ? higher : lower;
          const direction = directions[pickDirection % directions.length];
          const merits = isGood ? good : bad;
          const merit = merits[pickMerit % merits.length];
          const wording = meritFirst
            ? `${merit}${middle}${direction}`
            : `The ${direction}${middle}${merit}.`;
          const cell = upper ? wording.toUpperCase() : wording;
          expect(readPolarity(cell, undefined, "in free text"), cell).toEqual({
            ok: true,
            value: [isGood ? way : opposite(way)],
          });
        }
      ),
      { numRuns: 500, seed: 17 }
    );
  });

  it("never reads a wording once a direction opposite to its own is added anywhere in it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...higher),
        fc.constantFrom(...lower),
        fc.constantFrom(...good, ...bad),
        between,
        fc.nat(3),
        (up, down, merit, middle, place) => {
          const words = [up, middle, merit];
          words.splice(place, 0, down);
          const cell = words.join(" ");
          expect(readPolarity(cell).ok, cell).toBe(false);
        }
      ),
      { numRuns: 500, seed: 17 }
    );
  });

  it("never rates a figure Green, Amber or Red by a wording that names no direction", () => {
    const words = fc.oneof(
      fc.constantFrom(...good, ...bad, "steady", "see", "note", "3", "is", "the", "performance"),
      fc.stringMatching(/^[a-zA-Z]{2,9}$/).filter((word) => !meaningless.test(word.toLowerCase()))
    );
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 6 }), (chosen) => {
        const polarity = chosen.join(" ");
        // A range wording (In range is better, Within range) names no direction but is a polarity of its own.
        fc.pre(!/\brange\b|\bclose\b|\bnear\b|\boutstanding\b|^[a-z]$/i.test(polarity));
        expect(["Green", "Amber", "Red"], polarity).not.toContain(
          statusOf(polarity, "85%", higherIsBetter)
        );
      }),
      { numRuns: 500, seed: 17 }
    );
  });
});
