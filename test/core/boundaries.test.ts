/**
 * Values exactly at a threshold and just either side of it. PRODUCT.md: bands are "value inclusive towards
 * the better side", so a figure exactly at the target is Green and exactly at the tolerance is Amber.
 */
import { describe, expect, it } from "vitest";
import { eachRow } from "./each-row";
import type { Status } from "../../src/core";
import { withScale, type Definition } from "../../src/core/definition/definition";
import { readDefinition } from "../../src/core/definition/read-definition";
import { bands } from "../../src/core/rating/bands";
import { rate } from "../../src/core/rating/rate";

interface Edge {
  value: number;
  status: Status;
}

/** 0.8999 as an analyst reads it: 89.99%. */
function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(6))}%`;
}

function checkEdges(definition: Definition, edges: readonly Edge[]): void {
  for (const { value, status } of edges) {
    expect(
      rate(value, definition, "Standard", "0%").status,
      `${value} in a cell formatted 0%`
    ).toBe(status);
  }
}

describe("Bigger is better, target 90%, tolerance 75%", () => {
  const definition = readDefinition({
    polarity: "Bigger is better",
    target: "90%",
    tolerance: "75%",
  });

  eachRow(
    [
      { value: 0.9, status: "Green" },
      { value: 0.9001, status: "Green" },
      { value: 0.8999, status: "Amber" },
      { value: 0.75, status: "Amber" },
      { value: 0.7501, status: "Amber" },
      { value: 0.7499, status: "Red" },
      { value: 0, status: "Red" },
      { value: 1, status: "Green" },
    ] as const,
    ({ value, status }) => `rates ${value} in a cell formatted as % (${percent(value)}) ${status}`,
    ({ value, status }) => {
      checkEdges(definition, [{ value, status }]);
    }
  );

  it("rates 90% Green and 75% Amber when written as text: exactly at a threshold is the better side", () => {
    expect(rate("90%", definition).status).toBe("Green");
    expect(rate("75%", definition).status).toBe("Amber");
    expect(rate("74.99%", definition).status).toBe("Red");
  });

  it("rates 90 Green, 75 Amber and 74.99 Red in a sheet that keeps percentages as whole numbers", () => {
    const whole = withScale(definition, "whole");
    expect(rate(90, whole).status).toBe("Green");
    expect(rate(89.99, whole).status).toBe("Amber");
    expect(rate(75, whole).status).toBe("Amber");
    expect(rate(74.99, whole).status).toBe("Red");
  });
});

describe("Smaller is better, target 9%, tolerance 15%", () => {
  const definition = readDefinition({
    polarity: "Smaller is better",
    target: "9%",
    tolerance: "15%",
  });

  eachRow(
    [
      { value: 0.09, status: "Green" },
      { value: 0.0899, status: "Green" },
      { value: 0.0901, status: "Amber" },
      { value: 0.15, status: "Amber" },
      { value: 0.1499, status: "Amber" },
      { value: 0.1501, status: "Red" },
      { value: 0, status: "Green" },
      { value: 1, status: "Red" },
    ] as const,
    ({ value, status }) => `rates ${value} in a cell formatted as % (${percent(value)}) ${status}`,
    ({ value, status }) => {
      checkEdges(definition, [{ value, status }]);
    }
  );

  it("rates 9% Green and 15% Amber when written as text: exactly at a threshold is the better side", () => {
    expect(rate("9%", definition).status).toBe("Green");
    expect(rate("15%", definition).status).toBe("Amber");
    expect(rate("15.01%", definition).status).toBe("Red");
  });
});

describe("Smaller is better in days, target 140 days, tolerance 180 days", () => {
  const definition = readDefinition({
    measure: "Length of intervention for family support services (days)",
    polarity: "Smaller is better",
    target: "140 days",
    tolerance: "180 days",
  });

  eachRow(
    [
      { value: 140, status: "Green" },
      { value: 140.01, status: "Amber" },
      { value: 180, status: "Amber" },
      { value: 180.01, status: "Red" },
    ] as const,
    ({ value, status }) => `rates ${value} days ${status}`,
    ({ value, status }) => {
      expect(rate(value, definition).status).toBe(status);
    }
  );
});

describe("In range is better, target range 10%-20%", () => {
  const edges: readonly Edge[] = [
    { value: 0.1, status: "Green" },
    { value: 0.15, status: "Green" },
    { value: 0.2, status: "Green" },
    { value: 0.1001, status: "Green" },
    { value: 0.1999, status: "Green" },
    { value: 0.0999, status: "Amber" },
    { value: 0.2001, status: "Amber" },
    { value: 0.05, status: "Amber" },
    { value: 0.25, status: "Amber" },
    { value: 0.0501, status: "Amber" },
    { value: 0.2499, status: "Amber" },
    { value: 0.0499, status: "Red" },
    { value: 0.2501, status: "Red" },
  ];

  describe("with tolerance range 5%-25%", () => {
    const definition = readDefinition({
      polarity: "In range is better",
      target: "10%-20%",
      tolerance: "5%-25%",
    });
    eachRow(
      edges,
      ({ value, status }) =>
        `rates ${value} in a cell formatted as % (${percent(value)}) ${status}`,
      ({ value, status }) => {
        checkEdges(definition, [{ value, status }]);
      }
    );
  });

  describe("with margin ±5pp (five percentage points)", () => {
    const definition = readDefinition({
      polarity: "In range is better",
      target: "10%-20%",
      tolerance: "±5pp",
    });
    eachRow(
      edges,
      ({ value, status }) =>
        `rates ${value} in a cell formatted as % (${percent(value)}) ${status}`,
      ({ value, status }) => {
        checkEdges(definition, [{ value, status }]);
      }
    );
  });

  describe('written "10% to 20%" with the two-phrase polarity In range is better Smaller is better', () => {
    const definition = readDefinition({
      polarity: "In range is better Smaller is better",
      target: "10% to 20%",
      tolerance: "5% to 25%",
    });
    eachRow(
      edges,
      ({ value, status }) =>
        `rates ${value} in a cell formatted as % (${percent(value)}) ${status}`,
      ({ value, status }) => {
        checkEdges(definition, [{ value, status }]);
      }
    );
  });

  it("rates 10% and 20% Green, 5% and 25% Amber, 4% and 26% Red when written as text, margin ±5pp", () => {
    const definition = readDefinition({
      polarity: "In range is better",
      target: "10%-20%",
      tolerance: "±5pp",
    });
    expect(
      ["10%", "20%", "5%", "25%", "4%", "26%"].map((value) => rate(value, definition).status)
    ).toEqual(["Green", "Green", "Amber", "Amber", "Red", "Red"]);
  });
});

describe("In range is better: a margin in percentage points lands exactly on the percentage the analyst would work out", () => {
  // The tolerance edge of "20%-30%" with "±5pp" is 15% and 35%; of "30%-35%" with "±5pp" it is 25% and 40%.
  // An analyst checks these by subtraction and addition in whole percentages, so a figure exactly there is Amber.
  eachRow(
    [
      { range: "20%-30%", margin: "±5pp", value: "15%", status: "Amber" },
      { range: "20%-30%", margin: "±5pp", value: "35%", status: "Amber" },
      { range: "30%-35%", margin: "±5pp", value: "25%", status: "Amber" },
      { range: "30%-35%", margin: "±5pp", value: "40%", status: "Amber" },
      { range: "40%-60%", margin: "±10pp", value: "30%", status: "Amber" },
      { range: "70%-80%", margin: "±10pp", value: "90%", status: "Amber" },
      { range: "20%-30%", margin: "±5pp", value: "14%", status: "Red" },
      { range: "30%-35%", margin: "±5pp", value: "41%", status: "Red" },
    ] as const,
    ({ range, margin, value, status }) =>
      `rates ${value} ${status} for In range is better, target range ${range}, margin ${margin}`,
    ({ range, margin, value, status }) => {
      const definition = readDefinition({
        polarity: "In range is better",
        target: range,
        tolerance: margin,
      });
      expect(rate(value, definition).status).toBe(status);
    }
  );

  it("rates 15% Amber for target range 20%-30% with margin ±5pp in a whole-number sheet too", () => {
    const definition = withScale(
      readDefinition({ polarity: "In range is better", target: "20%-30%", tolerance: "±5pp" }),
      "whole"
    );
    expect(rate(15, definition).status).toBe("Amber");
  });
});

describe("a target with no tolerance gives two bands, Green and Red", () => {
  eachRow(
    [
      { polarity: "Bigger is better", tolerance: null },
      { polarity: "Bigger is better", tolerance: "-" },
      { polarity: "Smaller is better", tolerance: null },
      { polarity: "Smaller is better", tolerance: "" },
    ],
    ({ polarity, tolerance }) =>
      `has two bands for ${polarity}, target 90%, tolerance ${tolerance === null ? "blank" : `"${tolerance}"`}`,
    ({ polarity, tolerance }) => {
      const banding = bands(readDefinition({ polarity, target: "90%", tolerance }));
      expect(banding.kind).toBe("bands");
      if (banding.kind !== "bands") return;
      expect(banding.bands.map((band) => band.status).sort()).toEqual(["Green", "Red"]);
    }
  );

  it("rates 90% Green and 89.99% Red for Bigger is better, target 90%, no tolerance", () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: "90%",
      tolerance: null,
    });
    expect(rate("90%", definition).status).toBe("Green");
    expect(rate(0.8999, definition, "Standard", "0%").status).toBe("Red");
    expect(rate(0.9001, definition, "Standard", "0%").status).toBe("Green");
  });

  it("rates 9% Green and 9.01% Red for Smaller is better, target 9%, no tolerance", () => {
    const definition = readDefinition({
      polarity: "Smaller is better",
      target: "9%",
      tolerance: "-",
    });
    expect(rate("9%", definition).status).toBe("Green");
    expect(rate("9.01%", definition).status).toBe("Red");
    expect(rate(0.0899, definition, "Standard", "0%").status).toBe("Green");
  });

  it("rates nothing Amber for In range is better, target range 10%-20% with no tolerance", () => {
    const definition = readDefinition({
      polarity: "In range is better",
      target: "10%-20%",
      tolerance: null,
    });
    expect(
      ["9.99%", "10%", "20%", "20.01%"].map((value) => rate(value, definition).status)
    ).toEqual(["Red", "Green", "Green", "Red"]);
    const banding = bands(definition);
    expect(banding.kind === "bands" && banding.bands.some((band) => band.status === "Amber")).toBe(
      false
    );
  });

  it("rates a tolerance equal to the target as two bands: 90% Green, 89% Red for target 90%, tolerance 90%", () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: "90%",
      tolerance: "90%",
    });
    expect(rate("90%", definition).status).toBe("Green");
    expect(rate("89%", definition).status).toBe("Red");
  });
});

describe("a strict comparator leaves the threshold itself on the worse side", () => {
  it("rates 75% Red and 75.01% Amber for Bigger is better, target 90%, tolerance >75%", () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: "90%",
      tolerance: ">75%",
    });
    expect(rate("75%", definition).status).toBe("Red");
    expect(rate("75.01%", definition).status).toBe("Amber");
  });

  it("rates 75% Amber for Bigger is better, target 90%, tolerance >=75%", () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: "90%",
      tolerance: ">=75%",
    });
    expect(rate("75%", definition).status).toBe("Amber");
    expect(rate("74.99%", definition).status).toBe("Red");
  });

  it("rates 15% Amber and 15.01% Red for Smaller is better, target 9%, tolerance <=15%", () => {
    const definition = readDefinition({
      polarity: "Smaller is better",
      target: "9%",
      tolerance: "<=15%",
    });
    expect(rate("15%", definition).status).toBe("Amber");
    expect(rate("15.01%", definition).status).toBe("Red");
  });
});

describe("the reasons read as sentences an analyst would accept", () => {
  const higher = readDefinition({ polarity: "Bigger is better", target: "90%", tolerance: "75%" });
  const lower = readDefinition({ polarity: "Smaller is better", target: "9%", tolerance: "15%" });
  const days = readDefinition({
    measure: "Length of intervention for family support services (days)",
    polarity: "Smaller is better",
    target: "140 days",
    tolerance: "180 days",
  });
  const perHundredThousand = readDefinition({
    measure: "Rate of first time entrants to youth justice (per 100,000)",
    polarity: "Smaller is better",
    target: "212",
    tolerance: "252",
  });
  const range = readDefinition({
    polarity: "In range is better",
    target: "10%-20%",
    tolerance: "5%-25%",
  });
  const twoBands = readDefinition({ polarity: "Bigger is better", target: "90%", tolerance: null });

  eachRow(
    [
      { definition: higher, value: "74%", reason: "74% is below the tolerance of 75%" },
      {
        definition: higher,
        value: "75%",
        reason: "75% is below the target of 90% but within the tolerance of 75%",
      },
      {
        definition: higher,
        value: "89%",
        reason: "89% is below the target of 90% but within the tolerance of 75%",
      },
      { definition: higher, value: "91%", reason: "91% is at or above the target of 90%" },
      { definition: lower, value: "16%", reason: "16% is above the tolerance of 15%" },
      {
        definition: lower,
        value: "10%",
        reason: "10% is above the target of 9% but within the tolerance of 15%",
      },
      { definition: lower, value: "9%", reason: "9% is at or below the target of 9%" },
      { definition: days, value: "193", reason: "193 days is above the tolerance of 180 days" },
      {
        definition: days,
        value: "173.75",
        reason: "173.75 days is above the target of 140 days but within the tolerance of 180 days",
      },
      {
        definition: perHundredThousand,
        value: "225",
        reason: "225 is above the target of 212 but within the tolerance of 252",
      },
      { definition: range, value: "15%", reason: "15% is inside the target range 10%-20%" },
      {
        definition: range,
        value: "22%",
        reason: "22% is outside the target range 10%-20% but inside the tolerance range 5%-25%",
      },
      { definition: range, value: "30%", reason: "30% is above the tolerance range 5%-25%" },
      { definition: range, value: "4%", reason: "4% is below the tolerance range 5%-25%" },
      { definition: twoBands, value: "89%", reason: "89% is below the target of 90%" },
    ],
    ({ reason }) => `says "${reason}"`,
    ({ definition, value, reason }) => {
      expect(rate(value, definition).reason).toBe(reason);
    }
  );

  it("says the same sentence for 74% whether the cell holds 0.74 formatted as %, the text 74%, or 74 in a whole-number sheet", () => {
    expect(rate(0.74, higher, "Standard", "0%").reason).toBe("74% is below the tolerance of 75%");
    expect(rate(74, withScale(higher, "whole")).reason).toBe("74% is below the tolerance of 75%");
  });

  it("says why a blank, a suspended target, a context measure and a contradiction are not coloured", () => {
    expect(rate(null, higher).reason).toMatch(/blank/i);
    expect(rate("Not Available", higher).reason).toMatch(/Not Available/);
    expect(
      rate(
        "50%",
        readDefinition({ polarity: "Bigger is better", target: "Suspended***", tolerance: null })
      ).reason
    ).toMatch(/suspended/i);
    expect(
      rate("50%", readDefinition({ polarity: null, target: null, tolerance: null })).reason
    ).toMatch(/no polarity|not rated until the row has a target/i);
    const contradiction = rate(
      "15%",
      readDefinition({ polarity: "Smaller is better", target: "25%", tolerance: "15%" })
    ).reason;
    expect(contradiction).toMatch(/better side/);
    expect(contradiction).toContain("15%");
    expect(contradiction).toContain("25%");
  });
});
