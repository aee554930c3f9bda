/**
 * Reading the sheet's own words: polarity phrases, thresholds, period values, units, and the definitions
 * that contradict themselves or cannot be read.
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core";
import { definitionProblems } from "../../src/core/definition/definition";
import { readPolarity } from "../../src/core/definition/polarity";
import { readDefinition } from "../../src/core/definition/read-definition";
import { readThreshold } from "../../src/core/definition/wording";
import type { Direction } from "../../src/core/definition/words";
import { readValue } from "../../src/core/definition/written-figures";
import { bands } from "../../src/core/rating/bands";
import { rate } from "../../src/core/rating/rate";
import { catalogueEntry, wordingOfEntry } from "../../src/core/register/catalogue";
import { eachRow } from "./each-row";

function shown(cell: CellValue): string {
  if (cell === null) return "blank (null)";
  if (typeof cell === "object") return `the Excel error ${cell.error}`;
  if (typeof cell === "string") return `"${cell}"`;
  return String(cell);
}

describe("readPolarity", () => {
  eachRow(
    [
      { cell: "Bigger is better", directions: ["higher"] },
      { cell: "Smaller is better", directions: ["lower"] },
      { cell: "Outstanding is better", directions: ["higher"] },
      { cell: "In range is better", directions: ["range"] },
      { cell: "In range is better Smaller is better", directions: ["range", "lower"] },
    ] satisfies Array<{ cell: string; directions: Direction[] }>,
    ({ cell, directions }) => `reads the seed's "${cell}" as ${directions.join(" then ")}`,
    ({ cell, directions }) => {
      expect(readPolarity(cell)).toEqual({ ok: true, value: directions });
    }
  );

  eachRow(
    [
      { cell: "BIGGER IS BETTER", directions: ["higher"] },
      { cell: "smaller is better", directions: ["lower"] },
      { cell: "  Bigger   is  better  ", directions: ["higher"] },
      { cell: "Outstanding\tis\nbetter", directions: ["higher"] },
      { cell: "in range is better  SMALLER IS BETTER", directions: ["range", "lower"] },
      { cell: "In range is better\nSmaller is better", directions: ["range", "lower"] },
      { cell: "In range is better, Smaller is better", directions: ["range", "lower"] },
    ] satisfies Array<{ cell: string; directions: Direction[] }>,
    ({ cell, directions }) =>
      `reads ${JSON.stringify(cell)} as ${directions.join(" then ")} whatever its case and spacing`,
    ({ cell, directions }) => {
      expect(readPolarity(cell)).toEqual({ ok: true, value: directions });
    }
  );

  it("reads a blank polarity as no phrases at all (a context measure), not as a problem", () => {
    expect(readPolarity(null)).toEqual({ ok: true, value: [] });
    expect(readPolarity("")).toEqual({ ok: true, value: [] });
  });

  eachRow(
    [
      { cell: "Bigger is better!", directions: ["higher"] },
      { cell: "better is bigger", directions: ["higher"] },
    ] satisfies Array<{ cell: string; directions: Direction[] }>,
    ({ cell, directions }) =>
      `reads ${JSON.stringify(cell)} as ${directions.join(" then ")}: a direction and a word of merit, in any order or punctuation`,
    ({ cell, directions }) => {
      expect(readPolarity(cell)).toEqual({ ok: true, value: directions });
    }
  );

  it('reads a bare "Bigger" or "Higher" under a polarity heading, but not in free text, where it names no aim', () => {
    expect(readPolarity("Bigger")).toEqual({ ok: true, value: ["higher"] });
    expect(readPolarity("Higher")).toEqual({ ok: true, value: ["higher"] });
    expect(readPolarity("Bigger", undefined, "in free text").ok).toBe(false);
    expect(readPolarity("Higher", undefined, "in free text").ok).toBe(false);
  });

  eachRow(
    [
      "Biggest is best",
      "Good",
      "Bigger is better Banana",
      "Higher or lower is better",
      1,
      true,
      { error: "#N/A" },
    ] as CellValue[],
    (cell) => `reports ${shown(cell)} as a polarity it does not know, never a guess`,
    (cell) => {
      expect(readPolarity(cell)).toEqual({
        ok: false,
        problem: expect.stringMatching(/not wording the add-in knows/),
      });
    }
  );

  it("rates a row whose polarity is unknown wording Check definition, naming the wording it could not read", () => {
    const definition = readDefinition({
      polarity: "Biggest is best",
      target: "90%",
      tolerance: "75%",
    });
    const rating = rate("91%", definition);
    expect(rating.status).toBe("Check definition");
    expect(rating.reason).toContain("Biggest is best");
  });
});

describe("readThreshold", () => {
  eachRow(
    [
      { cell: "90%", read: { kind: "figure", value: 0.9, unit: "percent" } },
      { cell: "9%", read: { kind: "figure", value: 0.09, unit: "percent" } },
      { cell: "100%", read: { kind: "figure", value: 1, unit: "percent" } },
      { cell: "140 days", read: { kind: "figure", value: 140, unit: "days" } },
      { cell: "180 days", read: { kind: "figure", value: 180, unit: "days" } },
      { cell: "212", read: { kind: "figure", value: 212, unit: null } },
      { cell: "Suspended***", read: { kind: "suspended" } },
      { cell: "Suspended", read: { kind: "suspended" } },
      { cell: "suspended*", read: { kind: "suspended" } },
      { cell: "Suspend", read: { kind: "suspended" } },
      { cell: ">=75%", read: { kind: "figure", value: 0.75, unit: "percent", comparator: ">=" } },
      { cell: "<=15%", read: { kind: "figure", value: 0.15, unit: "percent", comparator: "<=" } },
      { cell: ">=70%", read: { kind: "figure", value: 0.7, unit: "percent", comparator: ">=" } },
      { cell: "-", read: { kind: "none" } },
      { cell: null, read: { kind: "none" } },
      { cell: "", read: { kind: "none" } },
      { cell: "   ", read: { kind: "none" } },
      { cell: "10%-20%", read: { kind: "range", low: 0.1, high: 0.2, unit: "percent" } },
      { cell: "10% to 20%", read: { kind: "range", low: 0.1, high: 0.2, unit: "percent" } },
      { cell: "5%-25%", read: { kind: "range", low: 0.05, high: 0.25, unit: "percent" } },
      { cell: "±5%", read: { kind: "margin", value: 0.05, unit: null, relative: true } },
      { cell: "±5pp", read: { kind: "margin", value: 0.05, unit: "percent", relative: false } },
    ] satisfies Array<{ cell: CellValue; read: object }>,
    ({ cell, read }) => `reads ${shown(cell)} as ${JSON.stringify(read)}`,
    ({ cell, read }) => {
      expect(readThreshold(cell)).toEqual({ ok: true, value: expect.objectContaining(read) });
    }
  );

  it("reads 0.9 in a cell formatted 0% as 90%, and 0.9 in a General cell as the bare figure 0.9", () => {
    expect(readThreshold(0.9, "0%")).toEqual({
      ok: true,
      value: expect.objectContaining({ kind: "figure", value: 0.9, unit: "percent" }),
    });
    expect(readThreshold(0.9)).toEqual({
      ok: true,
      value: expect.objectContaining({ kind: "figure", value: 0.9, unit: null }),
    });
  });

  it("rates 91% Green against a target held as 0.9 in a cell formatted 0%, and 89% Amber against a tolerance of 0.75 so formatted", () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: 0.9,
      tolerance: 0.75,
      formats: { target: "0%", tolerance: "0.0%" },
    });
    expect(definition.unit).toBe("percent");
    expect(rate("91%", definition).status).toBe("Green");
    expect(rate("89%", definition).status).toBe("Amber");
    expect(rate("74%", definition).status).toBe("Red");
  });

  eachRow(
    [
      "ninety",
      "90%%",
      "about 90%",
      "90% or so",
      ">=",
      "±",
      "20%-10%",
      true,
      { error: "#REF!" },
      "#N/A",
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ] as CellValue[],
    (cell) => `reports ${shown(cell)} as a threshold it cannot read`,
    (cell) => {
      expect(readThreshold(cell).ok).toBe(false);
    }
  );
});

describe("readValue", () => {
  eachRow(
    [
      { cell: 91, format: undefined, value: 91, percent: false },
      { cell: 0.91, format: "0%", value: 0.91, percent: true },
      { cell: 0.91, format: "0.0%", value: 0.91, percent: true },
      { cell: "91%", format: undefined, value: 0.91, percent: true },
      { cell: "173.75", format: undefined, value: 173.75, percent: false },
      { cell: 173.75, format: undefined, value: 173.75, percent: false },
      { cell: 0, format: undefined, value: 0, percent: false },
      { cell: "0%", format: undefined, value: 0, percent: true },
    ] satisfies Array<{
      cell: CellValue;
      format: string | undefined;
      value: number;
      percent: boolean;
    }>,
    ({ cell, format, value, percent }) =>
      `reads ${shown(cell)}${format ? ` formatted ${format}` : ""} as the figure ${value}${percent ? " (a percentage)" : ""}`,
    ({ cell, format, value, percent }) => {
      expect(readValue(cell, format)).toEqual({ kind: "figure", value, percent });
    }
  );

  eachRow(
    ["Not Available", "not available", "N/A", "n/a", "-", null, "", "   "] as CellValue[],
    (cell) => `reads ${shown(cell)} as no data, never as zero`,
    (cell) => {
      expect(readValue(cell).kind).toBe("no data");
    }
  );

  eachRow(
    [
      { error: "#DIV/0!" },
      { error: "#N/A" },
      "#N/A",
      "#DIV/0!",
      true,
      false,
      "abc",
      "91 percent",
      Number.NaN,
    ] as CellValue[],
    (cell) => `reads ${shown(cell)} as unreadable, not a figure`,
    (cell) => {
      expect(readValue(cell).kind).toBe("unreadable");
    }
  );

  it("rates a blank, Not Available, N/A, n/a and - as No data, not as a zero rated Red", () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: "90%",
      tolerance: "75%",
    });
    expect(rate(0, definition).status).toBe("Red");
    for (const cell of [null, "", "Not Available", "N/A", "n/a", "-"])
      expect(rate(cell, definition).status, shown(cell)).toBe("No data");
  });

  it("rates an Excel error, TRUE or stray text No data and marks it unreadable, saying what it found", () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: "90%",
      tolerance: "75%",
    });
    for (const cell of [{ error: "#DIV/0!" }, "#N/A", true, "abc"] as CellValue[]) {
      const rating = rate(cell, definition);
      expect(rating.status, shown(cell)).toBe("No data");
      expect(rating.kind, shown(cell)).toBe("unreadable");
    }
    expect(rate({ error: "#DIV/0!" }, definition).reason).toContain("#DIV/0!");
    expect(rate("abc", definition).reason).toContain("abc");
  });
});

describe("units", () => {
  it('reads "140 days" as a measure in days', () => {
    const definition = readDefinition({
      polarity: "Smaller is better",
      target: "140 days",
      tolerance: "180 days",
    });
    expect(definition.unit).toBe("days");
    expect(rate(193, definition).reason).toBe("193 days is above the tolerance of 180 days");
  });

  it("reads a target of 121 days written bare as days from the measure's words (Average time in days …)", () => {
    const definition = readDefinition({
      measure:
        "Average time in days between a child entering care and moving in with their adoptive family",
      polarity: "Smaller is better",
      target: "426",
      tolerance: "460",
    });
    expect(definition.unit).toBe("days");
    expect(rate(437, definition).status).toBe("Amber");
  });

  it("reads the per 100,000 rate of first time entrants as a rate, from the catalogue entry", () => {
    const entry = catalogueEntry("SPI-13")!;
    const definition = readDefinition(wordingOfEntry(entry));
    expect(definition.unit).toBe("rate");
    expect(rate(225, definition).status).toBe("Amber");
    expect(rate(225, definition).reason).toBe(
      "225 is above the target of 212 but within the tolerance of 252"
    );
  });

  it("reads the per 100,000 rate as a rate from the measure's own words when no unit is given", () => {
    const definition = readDefinition({
      measure: "Rate of first time entrants to youth justice (per 100,000)",
      polarity: "Smaller is better",
      target: "212",
      tolerance: "252",
    });
    expect(definition.unit).toBe("rate");
    expect(rate(201, definition).status).toBe("Green");
    expect(rate(253, definition).status).toBe("Red");
  });

  it("reads counts as counts: Number of approved Trust foster care households, and a count KPI given a target in the register", () => {
    expect(readDefinition(wordingOfEntry(catalogueEntry("KPI-24")!)).unit).toBe("count");
    const definition = readDefinition({
      measure: "Number of approved Trust foster care households",
      polarity: "Bigger is better",
      target: "120",
      tolerance: "100",
      unit: "count",
    });
    expect(definition.unit).toBe("count");
    expect(rate(99, definition).status).toBe("Red");
    expect(rate(100, definition).status).toBe("Amber");
    expect(rate(120, definition).status).toBe("Green");
    expect(rate(100, definition).reason).toBe(
      "100 is below the target of 120 but within the tolerance of 100"
    );
  });

  it('reads "90%" as a percentage that leaves the figures\' scale to the figures, and 90 with unit % as whole numbers', () => {
    const written = readDefinition({
      polarity: "Bigger is better",
      target: "90%",
      tolerance: "75%",
    });
    expect(written.unit).toBe("percent");
    expect(written.scale).toBeUndefined();
    expect(rate(0.91, written).status).toBe("Green");
    expect(rate(91, written).status).toBe("Green");
    expect(rate(0.89, written).status).toBe("Amber");
    const whole = readDefinition({
      polarity: "Bigger is better",
      target: 90,
      tolerance: 75,
      unit: "%",
    });
    expect(whole.unit).toBe("percent");
    expect(whole.scale).toBe("whole");
    expect(rate(89, whole).status).toBe("Amber");
    expect(rate(91, whole).status).toBe("Green");
    expect(rate(74, whole).status).toBe("Red");
  });

  it("rates Check definition when the register's Unit cell holds an Excel error, naming the error (#N/A) rather than an object", () => {
    const rating = rate(
      "91%",
      readDefinition({
        polarity: "Bigger is better",
        target: "90%",
        tolerance: "75%",
        unit: { error: "#N/A" },
      })
    );
    expect(rating.status).toBe("Check definition");
    expect(rating.reason).toContain("#N/A");
    expect(rating.reason).not.toContain("[object Object]");
  });

  it("rates Check definition when the target and tolerance are written in different units (90% and 180 days)", () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: "90%",
      tolerance: "180 days",
    });
    expect(rate(100, definition).status).toBe("Check definition");
  });
});

describe("definitions that contradict themselves or cannot be read", () => {
  it("rates every figure Check definition for Assessments completed within 20 days: Smaller is better with its tolerance 15% on the better side of its target 25%", () => {
    const definition = readDefinition({
      measure: "Assessments completed within 20 days",
      polarity: "Smaller is better",
      target: "25%",
      tolerance: "15%",
      otherTolerances: { Covid19: "-" },
    });
    for (const value of ["15%", "24%", "30%", "0%", "100%"])
      expect(rate(value, definition).status, value).toBe("Check definition");
    expect(rate("24%", definition, "Covid19").status).toBe("Check definition");
    expect(definitionProblems(definition).join(" ")).toMatch(/better side/);
  });

  it("rates Check definition for Bigger is better with its tolerance 95% above its target 90%", () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: "90%",
      tolerance: "95%",
    });
    expect(rate("92%", definition).status).toBe("Check definition");
    expect(rate("92%", definition).reason).toMatch(/better side/);
  });

  it('rates Check definition for an unreadable target ("ninety")', () => {
    const rating = rate(
      "91%",
      readDefinition({ polarity: "Bigger is better", target: "ninety", tolerance: "75%" })
    );
    expect(rating.status).toBe("Check definition");
    expect(rating.reason).toContain("ninety");
  });

  it('rates Check definition for an unreadable tolerance ("a bit less")', () => {
    expect(
      rate(
        "91%",
        readDefinition({ polarity: "Bigger is better", target: "90%", tolerance: "a bit less" })
      ).status
    ).toBe("Check definition");
  });

  it("rates Check definition for In range is better with a single target (15%) instead of a range", () => {
    const rating = rate(
      "15%",
      readDefinition({ polarity: "In range is better", target: "15%", tolerance: "20%" })
    );
    expect(rating.status).toBe("Check definition");
    expect(rating.reason).toMatch(/range/);
  });

  it("rates Check definition for a target range (10%-20%) under Bigger is better", () => {
    expect(
      rate(
        "15%",
        readDefinition({ polarity: "Bigger is better", target: "10%-20%", tolerance: "5%-25%" })
      ).status
    ).toBe("Check definition");
  });

  it("rates Check definition for In range is better when the tolerance range does not contain the target range (10%-20% within 12%-25%)", () => {
    expect(
      rate(
        "15%",
        readDefinition({ polarity: "In range is better", target: "10%-20%", tolerance: "12%-25%" })
      ).status
    ).toBe("Check definition");
  });

  it("rates Check definition for In range is better with a single-figure tolerance (5%) rather than a range or a margin", () => {
    expect(
      rate(
        "15%",
        readDefinition({ polarity: "In range is better", target: "10%-20%", tolerance: "5%" })
      ).status
    ).toBe("Check definition");
  });

  it("rates a margin (±5%) around a single target of 10% on its worse side: 10.5% Amber, 10.6% Red for Smaller is better", () => {
    const definition = readDefinition({
      polarity: "Smaller is better",
      target: "10%",
      tolerance: "±5%",
    });
    expect(rate("10.5%", definition).status).toBe("Amber");
    expect(rate("10.6%", definition).status).toBe("Red");
  });

  it("rates Check definition for a target <=90% on Bigger is better: the comparator contradicts the polarity", () => {
    expect(
      rate(
        "91%",
        readDefinition({ polarity: "Bigger is better", target: "<=90%", tolerance: "75%" })
      ).status
    ).toBe("Check definition");
  });

  it("rates Check definition under Covid19 only when its tolerance <=15% contradicts Bigger is better; the standard set still rates", () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: "90%",
      tolerance: "75%",
      otherTolerances: { Covid19: "<=15%" },
    });
    expect(rate("80%", definition, "Standard").status).toBe("Amber");
    expect(rate("91%", definition, "Standard").status).toBe("Green");
    expect(rate("80%", definition, "Covid19").status).toBe("Check definition");
    expect(rate("91%", definition, "Covid19").status).toBe("Check definition");
    expect(rate("80%", definition, "Covid19").reason).toMatch(/<=/);
  });

  it("rates Check definition under Covid19 only when its tolerance >=20% contradicts Smaller is better", () => {
    const definition = readDefinition({
      polarity: "Smaller is better",
      target: "9%",
      tolerance: "15%",
      otherTolerances: { Covid19: ">=20%" },
    });
    expect(rate("10%", definition, "Standard").status).toBe("Amber");
    expect(rate("10%", definition, "Covid19").status).toBe("Check definition");
  });

  it("rates Check definition under Covid19 only when its tolerance >=95% is on the better side of the target 90%", () => {
    const definition = readDefinition({
      polarity: "Bigger is better",
      target: "90%",
      tolerance: "75%",
      otherTolerances: { Covid19: ">=95%" },
    });
    expect(rate("80%", definition, "Standard").status).toBe("Amber");
    expect(rate("80%", definition, "Covid19").status).toBe("Check definition");
  });

  it('rates with the standard tolerance under Covid19 "-" and Suspended under Covid19 "Suspend"', () => {
    const dash = readDefinition({
      polarity: "Bigger is better",
      target: "90%",
      tolerance: "75%",
      otherTolerances: { Covid19: "-" },
    });
    expect(rate("80%", dash, "Covid19").status).toBe("Amber");
    expect(rate("74%", dash, "Covid19").status).toBe("Red");
    const suspend = readDefinition({
      polarity: "Bigger is better",
      target: "90%",
      tolerance: "75%",
      otherTolerances: { Covid19: "Suspend" },
    });
    expect(rate("80%", suspend, "Covid19").status).toBe("Suspended");
    expect(rate("80%", suspend, "Standard").status).toBe("Amber");
  });

  it("rates Suspended for a Suspended*** target with or without asterisks, under every tolerance set", () => {
    for (const target of ["Suspended***", "Suspended", "SUSPENDED*"]) {
      const definition = readDefinition({
        polarity: "Bigger is better",
        target,
        tolerance: null,
        otherTolerances: { Covid19: ">=75%" },
      });
      expect(rate("57%", definition).status, target).toBe("Suspended");
      expect(rate("57%", definition, "Covid19").status, target).toBe("Suspended");
    }
  });

  it("rates No target for a row with no polarity and no target, for a polarity with no target, and for a target with no polarity", () => {
    expect(
      rate("66%", readDefinition({ polarity: null, target: null, tolerance: null })).status
    ).toBe("No target");
    expect(
      rate("66%", readDefinition({ polarity: "Bigger is better", target: null, tolerance: null }))
        .status
    ).toBe("No target");
    expect(
      rate("66%", readDefinition({ polarity: "Bigger is better", target: "-", tolerance: "-" }))
        .status
    ).toBe("No target");
    expect(
      rate("66%", readDefinition({ polarity: null, target: "90%", tolerance: "75%" })).status
    ).toBe("No target");
  });

  it("gives bands only to a definition that can be rated", () => {
    expect(
      bands(readDefinition({ polarity: "Bigger is better", target: "90%", tolerance: "75%" })).kind
    ).toBe("bands");
    expect(
      bands(readDefinition({ polarity: "Smaller is better", target: "25%", tolerance: "15%" }))
    ).toMatchObject({ kind: "status", status: "Check definition" });
    expect(
      bands(
        readDefinition({ polarity: "Bigger is better", target: "Suspended***", tolerance: null })
      )
    ).toMatchObject({ kind: "status", status: "Suspended" });
    expect(bands(readDefinition({ polarity: null, target: null, tolerance: null }))).toMatchObject({
      kind: "status",
      status: "No target",
    });
  });
});
