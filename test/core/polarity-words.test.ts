/**
 * Polarity as other councils' and trusts' scorecards word it (PRODUCT.md, "The rating rules"): a direction
 * paired with a word of aim or merit in any order or punctuation, the codes H, L and T under a polarity
 * heading, "for information" wordings, the target's operator where there is no polarity, and words the
 * workbook teaches. Every expected status below is worked out by hand from the bands: Green at or beyond
 * the target, Amber up to and including the tolerance, else Red.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue, Status } from "../../src/core";
import { readPolarity } from "../../src/core/definition/polarity";
import { readDefinition } from "../../src/core/definition/read-definition";
import { readWords } from "../../src/core/definition/read-words";
import { describeDefinition } from "../../src/core/rating/describe";
import { rate } from "../../src/core/rating/rate";
import { eachRow } from "./each-row";

interface Case {
  polarity: CellValue;
  target: CellValue;
  tolerance: CellValue;
  value: CellValue;
  status: Status;
}

const named = ({ polarity, target, tolerance, value, status }: Case): string =>
  `rates ${String(value)} ${status} for polarity ${JSON.stringify(polarity)}, target ${String(target)}, tolerance ${String(tolerance)}`;
const check = ({ polarity, target, tolerance, value, status }: Case): void => {
  expect(rate(value, readDefinition({ polarity, target, tolerance })).status).toBe(status);
};

describe("wordings that pair a direction with a word of aim or merit", () => {
  // Children in need with a plan reviewed in timescale: target 90%, tolerance 80%, higher is better.
  describe("higher is better (target 90%, tolerance 80%)", () => {
    eachRow(
      [
        {
          polarity: "Higher is better",
          target: "90%",
          tolerance: "80%",
          value: "85%",
          status: "Amber",
        },
        { polarity: "High is good", target: "90%", tolerance: "80%", value: "79%", status: "Red" },
        {
          polarity: "Good is: High",
          target: "90%",
          tolerance: "80%",
          value: "90%",
          status: "Green",
        },
        { polarity: "Aim: higher", target: "90%", tolerance: "80%", value: "80%", status: "Amber" },
        {
          polarity: "Aim to increase",
          target: "90%",
          tolerance: "80%",
          value: "95%",
          status: "Green",
        },
        {
          polarity: "Higher = better",
          target: "90%",
          tolerance: "80%",
          value: "85%",
          status: "Amber",
        },
        {
          polarity: "Good performance: higher",
          target: "90%",
          tolerance: "80%",
          value: "60%",
          status: "Red",
        },
        {
          polarity: "better when higher",
          target: "90%",
          tolerance: "80%",
          value: "91%",
          status: "Green",
        },
        {
          polarity: "The more the better",
          target: "90%",
          tolerance: "80%",
          value: "79.9%",
          status: "Red",
        },
        {
          polarity: "GOOD IS HIGH.",
          target: "90%",
          tolerance: "80%",
          value: "89.9%",
          status: "Amber",
        },
      ] satisfies Case[],
      named,
      check
    );
  });

  // Re-referrals within 12 months: target 22%, tolerance 28%, lower is better.
  describe("lower is better (target 22%, tolerance 28%)", () => {
    eachRow(
      [
        {
          polarity: "Good is: Low",
          target: "22%",
          tolerance: "28%",
          value: "25%",
          status: "Amber",
        },
        { polarity: "Aim: lower", target: "22%", tolerance: "28%", value: "29%", status: "Red" },
        {
          polarity: "Aim to reduce",
          target: "22%",
          tolerance: "28%",
          value: "22%",
          status: "Green",
        },
        {
          polarity: "Lower = better",
          target: "22%",
          tolerance: "28%",
          value: "28%",
          status: "Amber",
        },
        {
          polarity: "Good performance: lower",
          target: "22%",
          tolerance: "28%",
          value: "20%",
          status: "Green",
        },
        {
          polarity: "The lower the better",
          target: "22%",
          tolerance: "28%",
          value: "30%",
          status: "Red",
        },
        {
          polarity: "Less is good",
          target: "22%",
          tolerance: "28%",
          value: "23%",
          status: "Amber",
        },
        {
          polarity: "Aim to minimise",
          target: "22%",
          tolerance: "28%",
          value: "21%",
          status: "Green",
        },
      ] satisfies Case[],
      named,
      check
    );
  });

  it("names the wording it read in the definition the pane shows", () => {
    expect(
      describeDefinition(
        readDefinition({ polarity: "Good is: Low", target: "22%", tolerance: "28%" })
      )
    ).toContain('"Good is: Low" read as Smaller is better');
  });
});

describe("codes and bare directions under a polarity heading", () => {
  eachRow(
    [
      { polarity: "H", target: "90%", tolerance: "80%", value: "85%", status: "Amber" },
      { polarity: "h", target: "90%", tolerance: "80%", value: "90%", status: "Green" },
      { polarity: "L", target: "22%", tolerance: "28%", value: "25%", status: "Amber" },
      { polarity: "L", target: "22%", tolerance: "28%", value: "28.1%", status: "Red" },
      { polarity: "High", target: "90%", tolerance: "80%", value: "90%", status: "Green" },
      { polarity: "Low", target: "22%", tolerance: "28%", value: "29%", status: "Red" },
      { polarity: "Increase", target: "90%", tolerance: "80%", value: "79%", status: "Red" },
      { polarity: "Reduce", target: "22%", tolerance: "28%", value: "21%", status: "Green" },
    ] satisfies Case[],
    named,
    check
  );

  it("reads H and L only under a polarity heading: in free text a lone letter or direction names no aim", () => {
    expect(readPolarity("H")).toEqual({ ok: true, value: ["higher"] });
    expect(readPolarity("L")).toEqual({ ok: true, value: ["lower"] });
    for (const cell of ["H", "L", "T", "High", "Reduce"])
      expect(readPolarity(cell, undefined, "in free text").ok, cell).toBe(false);
    expect(readPolarity("Good is: High", undefined, "in free text")).toEqual({
      ok: true,
      value: ["higher"],
    });
  });

  it("rates Check definition for a Bigger is better code H whose tolerance 28% is on the better side of its target 22%", () => {
    expect(
      rate("25%", readDefinition({ polarity: "H", target: "22%", tolerance: "28%" })).status
    ).toBe("Check definition");
  });
});

describe("T and stay close to target: in range is better", () => {
  // Children in need open for 6 to 12 months: target range 10%-20%, tolerance range 5%-25%.
  eachRow(
    [
      { polarity: "T", target: "10%-20%", tolerance: "5%-25%", value: "22%", status: "Amber" },
      { polarity: "T", target: "10%-20%", tolerance: "5%-25%", value: "15%", status: "Green" },
      {
        polarity: "Stay close to target",
        target: "10%-20%",
        tolerance: "5%-25%",
        value: "26%",
        status: "Red",
      },
      {
        polarity: "Within range",
        target: "10%-20%",
        tolerance: "5%-25%",
        value: "5%",
        status: "Amber",
      },
    ] satisfies Case[],
    named,
    check
  );

  it("rates Check definition for T with a single target 15%, saying T means stay close to target and needs a target range", () => {
    const rating = rate("15%", readDefinition({ polarity: "T", target: "15%", tolerance: "20%" }));
    expect(rating.status).toBe("Check definition");
    expect(rating.reason).toContain('"T" means stay close to target');
    expect(rating.reason).toContain("needs a target range");
  });
});

describe("wordings of a context measure: No target", () => {
  eachRow(
    [
      "Measure for information",
      "For information only",
      "Monitoring only",
      "Context",
      "N/A",
      "-",
      "None",
    ],
    (polarity) =>
      `rates 50% No target for polarity "${polarity}", even with a target of 80% beside it, and says why`,
    (polarity) => {
      const rating = rate("50%", readDefinition({ polarity, target: "80%", tolerance: "70%" }));
      expect(rating.status).toBe("No target");
      expect(rating.reason).toContain(`"${polarity}"`);
    }
  );
});

describe("wordings that name no direction: a problem, never a guess", () => {
  eachRow(
    ["Steady good", "See note 3", "Higher or lower", "Good", "Target"],
    (polarity) => `rates 85% Check definition for polarity "${polarity}", naming the wording`,
    (polarity) => {
      const rating = rate("85%", readDefinition({ polarity, target: "90%", tolerance: "80%" }));
      expect(rating.status).toBe("Check definition");
      expect(rating.reason).toContain(`"${polarity}" is not wording the add-in knows`);
    }
  );
});

describe("with no polarity, the target's operator decides", () => {
  eachRow(
    [
      { polarity: null, target: "≥ 80%", tolerance: "70%", value: "75%", status: "Amber" },
      { polarity: null, target: "≥ 80%", tolerance: "70%", value: "80%", status: "Green" },
      { polarity: null, target: "≥ 80%", tolerance: "70%", value: "69%", status: "Red" },
      { polarity: null, target: "At least 80%", tolerance: null, value: "80%", status: "Green" },
      { polarity: null, target: "At least 80%", tolerance: null, value: "79.9%", status: "Red" },
      // Children missing from care episodes, a count: lower is better and the target strict.
      { polarity: null, target: "< 40", tolerance: null, value: 39, status: "Green" },
      { polarity: null, target: "< 40", tolerance: null, value: 40, status: "Red" },
      { polarity: null, target: "Fewer than 40", tolerance: "45", value: 39, status: "Green" },
      { polarity: null, target: "Fewer than 40", tolerance: "45", value: 40, status: "Amber" },
      { polarity: null, target: "Fewer than 40", tolerance: "45", value: 45, status: "Amber" },
      { polarity: null, target: "Fewer than 40", tolerance: "45", value: 46, status: "Red" },
      { polarity: null, target: "80%", tolerance: "70%", value: "75%", status: "No target" },
    ] satisfies Case[],
    named,
    check
  );

  it("says in the reason that the target's words set the polarity", () => {
    const rating = rate(
      40,
      readDefinition({ polarity: null, target: "Fewer than 40", tolerance: "45" })
    );
    expect(rating.reason).toBe(
      '40 is not below the target of 40 but within the tolerance of 45 (no polarity is given, so the target "Fewer than 40" says Smaller is better, and 40 itself has not met it)'
    );
  });
});

describe("a polarity that contradicts the target's operator: Check definition", () => {
  eachRow(
    [
      {
        polarity: "Higher is better",
        target: "< 40",
        tolerance: null,
        value: 30,
        status: "Check definition",
      },
      {
        polarity: "L",
        target: "At least 80%",
        tolerance: null,
        value: "85%",
        status: "Check definition",
      },
      {
        polarity: "Aim to reduce",
        target: "≥ 80%",
        tolerance: null,
        value: "85%",
        status: "Check definition",
      },
      {
        polarity: "H",
        target: "Fewer than 40",
        tolerance: null,
        value: 30,
        status: "Check definition",
      },
    ] satisfies Case[],
    named,
    check
  );

  it("names both wordings in the reason", () => {
    const rating = rate(
      "85%",
      readDefinition({ polarity: "L", target: "At least 80%", tolerance: null })
    );
    expect(rating.reason).toBe(
      'The target says "At least 80%" but the polarity "L" says smaller is better'
    );
  });
});

describe("words the workbook teaches win over the built-in ones", () => {
  const { words } = readWords([
    ["Word", "Means"],
    ["↑", "Bigger is better"],
    ["H", "Smaller is better"],
    ["Info", "No target"],
  ]);

  it("rates 85% Amber for a taught ↑ (Bigger is better), target 90%, tolerance 80%, and says the KPIWords table taught it", () => {
    const definition = readDefinition({ polarity: "↑", target: "90%", tolerance: "80%" }, words);
    expect(rate("85%", definition).status).toBe("Amber");
    expect(describeDefinition(definition)).toContain(
      '"↑" means Bigger is better, as the KPIWords table teaches'
    );
  });

  it("rates 25% Amber for H taught as Smaller is better (target 22%, tolerance 28%), where the built-in H would contradict its tolerance", () => {
    expect(
      rate("25%", readDefinition({ polarity: "H", target: "22%", tolerance: "28%" }, words)).status
    ).toBe("Amber");
    expect(
      rate("25%", readDefinition({ polarity: "H", target: "22%", tolerance: "28%" })).status
    ).toBe("Check definition");
  });

  it("rates No target for a polarity taught to mean No target", () => {
    const rating = rate(
      "25%",
      readDefinition({ polarity: "Info", target: "22%", tolerance: "28%" }, words)
    );
    expect(rating.status).toBe("No target");
    expect(rating.reason).toContain("KPIWords");
  });

  it("rates Check definition for +ve in a workbook that does not teach it", () => {
    expect(
      rate("85%", readDefinition({ polarity: "+ve", target: "90%", tolerance: "80%" })).status
    ).toBe("Check definition");
  });
});

describe("the general rule, whatever the order, case and punctuation", () => {
  const higher = ["higher", "bigger", "more", "high", "increase", "up", "maximise"];
  const lower = ["lower", "smaller", "less", "fewer", "low", "reduce", "down", "minimise"];
  const merit = ["better", "good", "aim", "target", "is good", "="];
  const punctuation = [" ", ": ", " - ", ", ", " is ", " = ", "; "];
  const wording = (
    direction: string,
    aim: string,
    between: string,
    aimFirst: boolean,
    upper: boolean
  ): string => {
    const text = aimFirst ? `${aim}${between}${direction}` : `${direction}${between}${aim}`;
    return upper ? text.toUpperCase() : text;
  };

  it("reads any direction word paired with any word of aim or merit as that direction, in free text too", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.nat(),
        fc.constantFrom(...merit),
        fc.constantFrom(...punctuation),
        fc.boolean(),
        fc.boolean(),
        (isHigher, pick, aim, between, aimFirst, upper) => {
          const words = isHigher ? higher : lower;
          const cell = wording(words[pick % words.length], aim, between, aimFirst, upper);
          expect(readPolarity(cell, undefined, "in free text"), cell).toEqual({
            ok: true,
            value: [isHigher ? "higher" : "lower"],
          });
        }
      ),
      { numRuns: 300 }
    );
  });

  it("never reads a wording that names both directions, or that says more than the rule around its pairing, under any heading", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...higher),
        fc.constantFrom(...lower),
        fc.constantFrom(...merit),
        fc.constantFrom("steady", "note", "3", "ideally", "banana"),
        fc.boolean(),
        (up, down, aim, stranger, both) => {
          const cell = both ? `${up} ${down} ${aim}` : `${up} ${aim} ${stranger}`;
          expect(readPolarity(cell).ok, cell).toBe(false);
        }
      ),
      { numRuns: 300 }
    );
  });
});
