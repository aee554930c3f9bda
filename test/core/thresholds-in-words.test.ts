/**
 * Targets and tolerances written in words (PRODUCT.md, "Thresholds in words"): strict words (the figure
 * itself has not met it), inclusive words, words meaning no target, and margins around the target, relative
 * (a share of the target's value, on its worse side) or absolute (points). Each status is worked out by hand.
 */
import { describe, expect, it } from "vitest";
import type { CellValue, Status } from "../../src/core";
import { readDefinition } from "../../src/core/definition/read-definition";
import { readWords } from "../../src/core/definition/read-words";
import { rate } from "../../src/core/rating/rate";
import { eachRow } from "./each-row";

interface Case {
  polarity: string;
  target: CellValue;
  tolerance: CellValue;
  value: CellValue;
  status: Status;
  unit?: string;
}

const named = ({ polarity, target, tolerance, value, status }: Case): string =>
  `rates ${String(value)} ${status} for ${polarity}, target ${JSON.stringify(target)}, tolerance ${JSON.stringify(tolerance)}`;
const check = ({ polarity, target, tolerance, value, status, unit }: Case): void => {
  expect(rate(value, readDefinition({ polarity, target, tolerance, unit })).status).toBe(status);
};

describe("strict words: the figure itself has not met the threshold", () => {
  eachRow(
    [
      // Re-referrals within 12 months.
      {
        polarity: "Smaller is better",
        target: "Less than 22%",
        tolerance: "28%",
        value: "21.9%",
        status: "Green",
      },
      {
        polarity: "Smaller is better",
        target: "Less than 22%",
        tolerance: "28%",
        value: "22%",
        status: "Amber",
      },
      {
        polarity: "Smaller is better",
        target: "Less than 22%",
        tolerance: "28%",
        value: "28%",
        status: "Amber",
      },
      {
        polarity: "Smaller is better",
        target: "Less than 22%",
        tolerance: "28%",
        value: "28.1%",
        status: "Red",
      },
      // Children waiting for an initial health assessment, a count.
      {
        polarity: "Smaller is better",
        target: "Fewer than 85",
        tolerance: "95",
        value: 84,
        status: "Green",
      },
      {
        polarity: "Smaller is better",
        target: "Fewer than 85",
        tolerance: "95",
        value: 85,
        status: "Amber",
      },
      {
        polarity: "Smaller is better",
        target: "Fewer than 85",
        tolerance: "95",
        value: 96,
        status: "Red",
      },
      {
        polarity: "Smaller is better",
        target: "Below 10%",
        tolerance: null,
        value: "9%",
        status: "Green",
      },
      {
        polarity: "Smaller is better",
        target: "Below 10%",
        tolerance: null,
        value: "10%",
        status: "Red",
      },
      {
        polarity: "Bigger is better",
        target: "Above 60%",
        tolerance: "50%",
        value: "60.1%",
        status: "Green",
      },
      {
        polarity: "Bigger is better",
        target: "Above 60%",
        tolerance: "50%",
        value: "60%",
        status: "Amber",
      },
      {
        polarity: "Bigger is better",
        target: "Above 60%",
        tolerance: "50%",
        value: "49%",
        status: "Red",
      },
      {
        polarity: "Smaller is better",
        target: "<22%",
        tolerance: "28%",
        value: "22%",
        status: "Amber",
      },
      {
        polarity: "Bigger is better",
        target: "> 60%",
        tolerance: "50%",
        value: "60%",
        status: "Amber",
      },
      // A strict tolerance: 70% itself is outside it.
      {
        polarity: "Bigger is better",
        target: "80%",
        tolerance: "Above 70%",
        value: "70%",
        status: "Red",
      },
      {
        polarity: "Bigger is better",
        target: "80%",
        tolerance: "Above 70%",
        value: "70.1%",
        status: "Amber",
      },
    ] satisfies Case[],
    named,
    check
  );

  it("says which reading it used: Less than 22% is strict, so 22% itself has not met it", () => {
    const rating = rate(
      "22%",
      readDefinition({ polarity: "Smaller is better", target: "Less than 22%", tolerance: "28%" })
    );
    expect(rating.reason).toBe(
      '22% is not below the target of 22% but within the tolerance of 28% (the target "Less than 22%" is strict: 22% itself has not met it)'
    );
  });
});

describe("inclusive words: the figure itself meets the threshold", () => {
  eachRow(
    [
      {
        polarity: "Bigger is better",
        target: "At least 80%",
        tolerance: "70%",
        value: "80%",
        status: "Green",
      },
      {
        polarity: "Bigger is better",
        target: "At least 80%",
        tolerance: "70%",
        value: "79%",
        status: "Amber",
      },
      {
        polarity: "Bigger is better",
        target: "At least 80%",
        tolerance: "70%",
        value: "69%",
        status: "Red",
      },
      {
        polarity: "Bigger is better",
        target: "No less than 80%",
        tolerance: "70%",
        value: "80%",
        status: "Green",
      },
      {
        polarity: "Smaller is better",
        target: "No more than 15%",
        tolerance: "20%",
        value: "15%",
        status: "Green",
      },
      {
        polarity: "Smaller is better",
        target: "No more than 15%",
        tolerance: "20%",
        value: "16%",
        status: "Amber",
      },
      {
        polarity: "Bigger is better",
        target: "Minimum 80%",
        tolerance: null,
        value: "80%",
        status: "Green",
      },
      {
        polarity: "Bigger is better",
        target: "Minimum: 80%",
        tolerance: null,
        value: "79.9%",
        status: "Red",
      },
      {
        polarity: "Smaller is better",
        target: "Maximum 15%",
        tolerance: null,
        value: "15%",
        status: "Green",
      },
      {
        polarity: "Smaller is better",
        target: "Maximum 15%",
        tolerance: null,
        value: "15.1%",
        status: "Red",
      },
      {
        polarity: "Bigger is better",
        target: "≥ 80%",
        tolerance: null,
        value: "80%",
        status: "Green",
      },
      {
        polarity: "Smaller is better",
        target: "≤ 15%",
        tolerance: null,
        value: "15%",
        status: "Green",
      },
      {
        polarity: "Bigger is better",
        target: "80% or more",
        tolerance: null,
        value: "80%",
        status: "Green",
      },
      {
        polarity: "Bigger is better",
        target: "80%",
        tolerance: "No less than 70%",
        value: "70%",
        status: "Amber",
      },
      {
        polarity: "Smaller is better",
        target: "Less than or equal to 15%",
        tolerance: null,
        value: "15%",
        status: "Green",
      },
      {
        polarity: "Bigger is better",
        target: "Greater than or equal to 80%",
        tolerance: null,
        value: "80%",
        status: "Green",
      },
      {
        polarity: "Bigger is better",
        target: "At or above 80%",
        tolerance: null,
        value: "79%",
        status: "Red",
      },
    ] satisfies Case[],
    named,
    check
  );

  it('reads "At least 80" in a sheet that keeps percentages as whole numbers as 80%, and says so', () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: "At least 80",
      tolerance: 70,
      unit: "%",
    });
    expect(rate(80, definition).status).toBe("Green");
    expect(rate(79, definition).status).toBe("Amber");
    expect(rate(80, definition).reason).toBe(
      '80% is at or above the target of 80% (the target "At least 80" is inclusive: 80% itself meets it)'
    );
  });

  it("says which reading it used: At least 80% includes 80% itself", () => {
    const rating = rate(
      "80%",
      readDefinition({ polarity: "Bigger is better", target: "At least 80%", tolerance: "70%" })
    );
    expect(rating.reason).toBe(
      '80% is at or above the target of 80% (the target "At least 80%" is inclusive: 80% itself meets it)'
    );
  });
});

describe("words meaning no target", () => {
  eachRow(
    ["No target", "None", "Not set", "TBC"],
    (target) => `rates 85% No target for a target of "${target}", naming it in the reason`,
    (target) => {
      const rating = rate(
        "85%",
        readDefinition({ polarity: "Bigger is better", target, tolerance: null })
      );
      expect(rating.status).toBe("No target");
      expect(rating.reason).toContain(`"${target}"`);
    }
  );

  eachRow(
    ["Baseline", "Baseline year", "In measurement", "M"],
    (target) => `rates 85% No target for a target of "${target}", saying the target is yet to come`,
    (target) => {
      const rating = rate(
        "85%",
        readDefinition({ polarity: "Bigger is better", target, tolerance: "75%" })
      );
      expect(rating.status).toBe("No target");
      expect(rating.reason).toBe(`Not rated: it has no target yet ("${target}")`);
    }
  );

  it("reads a lone M as no target yet, but not a figure that happens to hold an M", () => {
    expect(
      rate("85%", readDefinition({ polarity: "Bigger is better", target: "5M", tolerance: null }))
        .status
    ).toBe("Check definition");
  });

  it('rates No target for a target the workbook\'s KPIWords table teaches to mean No target ("Awaiting agreement"), and Check definition without it', () => {
    const { words } = readWords([
      ["Word", "Means"],
      ["Awaiting agreement", "No target"],
    ]);
    expect(
      rate(
        "85%",
        readDefinition(
          { polarity: "Bigger is better", target: "Awaiting agreement", tolerance: null },
          words
        )
      ).status
    ).toBe("No target");
    expect(
      rate(
        "85%",
        readDefinition({
          polarity: "Bigger is better",
          target: "Awaiting agreement",
          tolerance: null,
        })
      ).status
    ).toBe("Check definition");
  });
});

describe("relative margins: a share of the target's value, on its worse side", () => {
  eachRow(
    [
      // 95% ± 5% of 95% gives an amber floor of 90.25%.
      {
        polarity: "Bigger is better",
        target: "95%",
        tolerance: "±5%",
        value: "95%",
        status: "Green",
      },
      {
        polarity: "Bigger is better",
        target: "95%",
        tolerance: "±5%",
        value: "90.25%",
        status: "Amber",
      },
      {
        polarity: "Bigger is better",
        target: "95%",
        tolerance: "±5%",
        value: "90.24%",
        status: "Red",
      },
      // 90% ± 5% of 90% gives 85.5%, however the margin is written.
      {
        polarity: "Bigger is better",
        target: "90%",
        tolerance: "±5%",
        value: "85.5%",
        status: "Amber",
      },
      {
        polarity: "Bigger is better",
        target: "90%",
        tolerance: "±5%",
        value: "85.4%",
        status: "Red",
      },
      {
        polarity: "Bigger is better",
        target: "90%",
        tolerance: "+/- 5%",
        value: "85.5%",
        status: "Amber",
      },
      {
        polarity: "Bigger is better",
        target: "90%",
        tolerance: "+/- 5%",
        value: "85.4%",
        status: "Red",
      },
      {
        polarity: "Bigger is better",
        target: "90%",
        tolerance: "5% tolerance",
        value: "85.5%",
        status: "Amber",
      },
      {
        polarity: "Bigger is better",
        target: "90%",
        tolerance: "5% tolerance",
        value: "85.4%",
        status: "Red",
      },
      {
        polarity: "Bigger is better",
        target: "90%",
        tolerance: "within 5% of target",
        value: "85.5%",
        status: "Amber",
      },
      {
        polarity: "Bigger is better",
        target: "90%",
        tolerance: "within 5% of target",
        value: "85.4%",
        status: "Red",
      },
      // Smaller is better: the worse side is above. 20% + 10% of 20% is 22%.
      {
        polarity: "Smaller is better",
        target: "20%",
        tolerance: "±10%",
        value: "22%",
        status: "Amber",
      },
      {
        polarity: "Smaller is better",
        target: "20%",
        tolerance: "±10%",
        value: "22.1%",
        status: "Red",
      },
      // Length of intervention for family support: 140 days + 5% is 147 days.
      {
        polarity: "Smaller is better",
        target: "140 days",
        tolerance: "±5%",
        value: 147,
        status: "Amber",
      },
      {
        polarity: "Smaller is better",
        target: "140 days",
        tolerance: "±5%",
        value: 148,
        status: "Red",
      },
      // A whole-number sheet: 90 ± 5% is 85.5.
      {
        polarity: "Bigger is better",
        target: 90,
        tolerance: "±5%",
        value: 85.5,
        status: "Amber",
        unit: "%",
      },
      {
        polarity: "Bigger is better",
        target: 90,
        tolerance: "±5%",
        value: 85.4,
        status: "Red",
        unit: "%",
      },
    ] satisfies Case[],
    named,
    check
  );

  describe("around a target range, each end: 10%-20% ± 10% gives 9%-22%", () => {
    eachRow(
      [
        {
          polarity: "In range is better",
          target: "10%-20%",
          tolerance: "±10%",
          value: "15%",
          status: "Green",
        },
        {
          polarity: "In range is better",
          target: "10%-20%",
          tolerance: "±10%",
          value: "9%",
          status: "Amber",
        },
        {
          polarity: "In range is better",
          target: "10%-20%",
          tolerance: "±10%",
          value: "8.9%",
          status: "Red",
        },
        {
          polarity: "In range is better",
          target: "10%-20%",
          tolerance: "±10%",
          value: "22%",
          status: "Amber",
        },
        {
          polarity: "In range is better",
          target: "10%-20%",
          tolerance: "±10%",
          value: "22.1%",
          status: "Red",
        },
      ] satisfies Case[],
      named,
      check
    );
  });

  it("says which reading it used: ±5% of the target's value, with the floor it gives", () => {
    const rating = rate(
      "88%",
      readDefinition({ polarity: "Bigger is better", target: "90%", tolerance: "±5%" })
    );
    expect(rating.reason).toBe(
      '88% is below the target of 90% but within the tolerance of 85.5% (the tolerance "±5%" read as 5% of the target\'s value below the target: 85.5%)'
    );
  });

  it("says which reading it used around a range: 9%-22%", () => {
    const rating = rate(
      "22%",
      readDefinition({ polarity: "In range is better", target: "10%-20%", tolerance: "±10%" })
    );
    expect(rating.reason).toContain(
      '"±10%" read as 10% of the target\'s value either side: 9%-22%'
    );
  });
});

describe("a margin written in the target cell, with the tolerance column left blank", () => {
  eachRow(
    [
      { polarity: "H", target: "95% ± 5%", tolerance: null, value: "95%", status: "Green" },
      { polarity: "H", target: "95% ± 5%", tolerance: null, value: "90.25%", status: "Amber" },
      { polarity: "H", target: "95% ± 5%", tolerance: null, value: "90.2%", status: "Red" },
      {
        polarity: "Smaller is better",
        target: "20% (±10%)",
        tolerance: null,
        value: "22%",
        status: "Amber",
      },
      {
        polarity: "Smaller is better",
        target: "20% (±10%)",
        tolerance: null,
        value: "22.1%",
        status: "Red",
      },
      {
        polarity: "Bigger is better",
        target: "90% ±5pp",
        tolerance: "-",
        value: "85%",
        status: "Amber",
      },
      {
        polarity: "Bigger is better",
        target: "90% ±5pp",
        tolerance: "-",
        value: "84.9%",
        status: "Red",
      },
      {
        polarity: "In range is better",
        target: "10%-20% +/- 10%",
        tolerance: null,
        value: "9%",
        status: "Amber",
      },
      {
        polarity: "In range is better",
        target: "10%-20% +/- 10%",
        tolerance: null,
        value: "22.1%",
        status: "Red",
      },
    ] satisfies Case[],
    named,
    check
  );

  it("rates Check definition when the tolerance column has a tolerance of its own besides the target's margin", () => {
    const rating = rate(
      "91%",
      readDefinition({ polarity: "H", target: "95% ± 5%", tolerance: "80%" })
    );
    expect(rating.status).toBe("Check definition");
    expect(rating.reason).toContain("the target carries its own margin (± 5%)");
  });
});

describe("absolute margins: points, not a share", () => {
  eachRow(
    [
      {
        polarity: "Bigger is better",
        target: "90%",
        tolerance: "±5pp",
        value: "85%",
        status: "Amber",
      },
      {
        polarity: "Bigger is better",
        target: "90%",
        tolerance: "±5pp",
        value: "84.9%",
        status: "Red",
      },
      {
        polarity: "Bigger is better",
        target: "90%",
        tolerance: "5 points",
        value: "85%",
        status: "Amber",
      },
      {
        polarity: "Bigger is better",
        target: "90%",
        tolerance: "5 points",
        value: "84.9%",
        status: "Red",
      },
      {
        polarity: "Bigger is better",
        target: "90%",
        tolerance: "5 percentage points",
        value: "85%",
        status: "Amber",
      },
      {
        polarity: "Bigger is better",
        target: "90%",
        tolerance: "± 5 percentage points",
        value: "84.9%",
        status: "Red",
      },
      {
        polarity: "Smaller is better",
        target: "140 days",
        tolerance: "±10 days",
        value: 150,
        status: "Amber",
      },
      {
        polarity: "Smaller is better",
        target: "140 days",
        tolerance: "±10 days",
        value: 151,
        status: "Red",
      },
    ] satisfies Case[],
    named,
    check
  );

  it("says which reading it used: 5 percentage points below the target", () => {
    expect(
      rate(
        "86%",
        readDefinition({ polarity: "Bigger is better", target: "90%", tolerance: "±5pp" })
      ).reason
    ).toContain('"±5pp" read as 5 percentage points below the target: 85%');
  });

  it("rates Check definition for percentage points around a target in days", () => {
    expect(
      rate(
        150,
        readDefinition({ polarity: "Smaller is better", target: "140 days", tolerance: "±5pp" })
      ).status
    ).toBe("Check definition");
  });

  it('rates Check definition for a margin it cannot read ("± a few"), naming it', () => {
    const rating = rate(
      "86%",
      readDefinition({ polarity: "Bigger is better", target: "90%", tolerance: "± a few" })
    );
    expect(rating.status).toBe("Check definition");
    expect(rating.reason).toContain('"± a few" is not a margin the add-in can read');
  });
});

describe("a target range said in words, and a range with no polarity", () => {
  eachRow(
    [
      {
        polarity: "In range is better",
        target: "between 25% and 35%",
        tolerance: "+/- 5pp",
        value: "35%",
        status: "Green",
      },
      {
        polarity: "In range is better",
        target: "between 25% and 35%",
        tolerance: "+/- 5pp",
        value: "40%",
        status: "Amber",
      },
      {
        polarity: "In range is better",
        target: "between 25% and 35%",
        tolerance: "+/- 5pp",
        value: "19%",
        status: "Red",
      },
      {
        polarity: "In range is better",
        target: "from 10 to 20 days",
        tolerance: null,
        value: "21 days",
        status: "Red",
      },
      // No polarity: a target range says a figure is best within it, as "≥ 80%" says higher is better.
      {
        polarity: "",
        target: "10%-20%",
        tolerance: "within 3 points of target",
        value: "23%",
        status: "Amber",
      },
      { polarity: "", target: "between 10% and 20%", tolerance: null, value: "6%", status: "Red" },
      // A range joined by an em dash, as a word processor writes it.
      {
        polarity: "In range is better",
        target: "10% \u2014 20%",
        tolerance: null,
        value: "21%",
        status: "Red",
      },
      {
        polarity: "In range is better",
        target: "10% \u2014 20%",
        tolerance: null,
        value: "20%",
        status: "Green",
      },
      // A range with its unit written after it, a rate: 40 to 50 per 10,000, ±10% of each end gives 36 to 55.
      {
        polarity: "In range is better",
        target: "40 to 50 per 10,000",
        tolerance: "±10%",
        value: 36,
        status: "Amber",
      },
      {
        polarity: "In range is better",
        target: "40-50 per 10,000 children",
        tolerance: "±10%",
        value: "55.1 per 10,000",
        status: "Red",
      },
      {
        polarity: "In range is better",
        target: "between 40 and 50 per 10,000",
        tolerance: null,
        value: 50,
        status: "Green",
      },
      {
        polarity: "",
        target: "between 10% and 20%",
        tolerance: null,
        value: "10%",
        status: "Green",
      },
    ] satisfies Case[],
    named,
    check
  );

  it("says where a range in words runs from high to low, and reads no range from 'between' alone", () => {
    expect(
      readDefinition({
        polarity: "In range is better",
        target: "between 35% and 25%",
        tolerance: null,
      }).standing
    ).toMatchObject({
      kind: "check",
      problems: [expect.stringContaining("runs from high to low")],
    });
    expect(
      readDefinition({ polarity: "In range is better", target: "between 25%", tolerance: null })
        .standing.kind
    ).toBe("check");
  });
});
