/**
 * Direction of travel, polarity-aware: Improved, Declined or No change, between two periods (the last
 * step) or across a whole row of periods (the trend of the series, not the last step).
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core";
import { withScale } from "../../src/core/definition/definition";
import { readDefinition } from "../../src/core/definition/read-definition";
import { trend, type DirectionOfTravel } from "../../src/core/rating/trend";
import { eachRow } from "./each-row";

const bigger = readDefinition({ polarity: "Bigger is better", target: "90%", tolerance: "75%" });
const smaller = readDefinition({ polarity: "Smaller is better", target: "9%", tolerance: "15%" });
const inRange = readDefinition({
  polarity: "In range is better",
  target: "10%-20%",
  tolerance: "5%-25%",
});
const days = readDefinition({
  measure: "Length of intervention for family support services (days)",
  polarity: "Smaller is better",
  target: "140 days",
  tolerance: "180 days",
});

const definitions = {
  "Bigger is better": bigger,
  "Smaller is better": smaller,
  "In range is better 10%-20%": inRange,
  "Smaller is better (days)": days,
};

function shown(periods: readonly CellValue[]): string {
  return periods
    .map((value) =>
      value === null
        ? "(blank)"
        : typeof value === "string"
          ? value.trim() === ""
            ? `"${value}"`
            : value
          : String(value)
    )
    .join(", ");
}

function directionOf(
  periods: readonly CellValue[],
  polarity: keyof typeof definitions,
  numberFormats?: readonly string[]
): DirectionOfTravel | string {
  const travel = trend(periods, definitions[polarity], numberFormats);
  return travel.ok ? travel.direction : travel.status;
}

describe("between two periods", () => {
  eachRow(
    [
      { polarity: "Bigger is better", periods: ["80%", "85%"], direction: "Improved" },
      { polarity: "Bigger is better", periods: ["85%", "80%"], direction: "Declined" },
      { polarity: "Bigger is better", periods: ["85%", "85%"], direction: "No change" },
      { polarity: "Smaller is better", periods: ["10%", "8%"], direction: "Improved" },
      { polarity: "Smaller is better", periods: ["8%", "10%"], direction: "Declined" },
      { polarity: "Smaller is better", periods: ["8%", "8%"], direction: "No change" },
      { polarity: "In range is better 10%-20%", periods: ["30%", "22%"], direction: "Improved" },
      { polarity: "In range is better 10%-20%", periods: ["3%", "8%"], direction: "Improved" },
      { polarity: "In range is better 10%-20%", periods: ["15%", "25%"], direction: "Declined" },
      { polarity: "In range is better 10%-20%", periods: ["12%", "18%"], direction: "No change" },
      { polarity: "Smaller is better (days)", periods: [193, 173.75], direction: "Improved" },
      { polarity: "Smaller is better (days)", periods: [173.75, 188], direction: "Declined" },
    ] satisfies Array<{
      polarity: keyof typeof definitions;
      periods: CellValue[];
      direction: DirectionOfTravel;
    }>,
    ({ polarity, periods, direction }) =>
      `says ${direction} for ${shown(periods)} where ${polarity}`,
    ({ polarity, periods, direction }) => {
      expect(directionOf(periods, polarity)).toBe(direction);
    }
  );

  it("says Improved since the previous period in words", () => {
    const travel = trend(["80%", "85%"], bigger);
    expect(travel).toMatchObject({ ok: true, direction: "Improved" });
    expect(travel.reason).toMatch(/previous period/);
  });

  it("reads the figures as the sheet keeps them: 0.8 then 0.85 formatted as %, or 80 then 85 in a whole-number sheet, is Improved", () => {
    expect(directionOf([0.8, 0.85], "Bigger is better", ["0%", "0%"])).toBe("Improved");
    const travel = trend([80, 85], withScale(bigger, "whole"));
    expect(travel.ok && travel.direction).toBe("Improved");
  });

  it("says No change for 85% and 0.85 formatted as %: the same figure written two ways", () => {
    expect(directionOf(["85%", 0.85], "Bigger is better", ["General", "0%"])).toBe("No change");
  });
});

describe("across a whole series: the trend of all the periods, not the last step", () => {
  eachRow(
    [
      {
        polarity: "Bigger is better",
        periods: ["10%", "20%", "30%", "25%"],
        direction: "Improved",
      },
      {
        polarity: "Smaller is better",
        periods: ["10%", "20%", "30%", "25%"],
        direction: "Declined",
      },
      {
        polarity: "Bigger is better",
        periods: ["30%", "20%", "10%", "15%"],
        direction: "Declined",
      },
      {
        polarity: "Smaller is better",
        periods: ["30%", "20%", "10%", "15%"],
        direction: "Improved",
      },
      { polarity: "Bigger is better", periods: ["77%", "91%", "82%"], direction: "Improved" },
      { polarity: "Smaller is better (days)", periods: [193, 173.75, 188], direction: "Improved" },
      { polarity: "Bigger is better", periods: ["50%", "60%", "50%"], direction: "No change" },
      {
        polarity: "Bigger is better",
        periods: ["50%", "50%", "50%", "50%"],
        direction: "No change",
      },
      {
        polarity: "In range is better 10%-20%",
        periods: ["35%", "30%", "24%", "26%"],
        direction: "Improved",
      },
    ] satisfies Array<{
      polarity: keyof typeof definitions;
      periods: CellValue[];
      direction: DirectionOfTravel;
    }>,
    ({ polarity, periods, direction }) =>
      `says ${direction} for ${shown(periods)} where ${polarity}`,
    ({ polarity, periods, direction }) => {
      expect(directionOf(periods, polarity)).toBe(direction);
    }
  );

  it("says Improved for 10%, 20%, 30%, 25% (Bigger is better) although the last step went down, and says so across 4 periods", () => {
    const lastStep = trend(["30%", "25%"], bigger);
    expect(lastStep.ok && lastStep.direction).toBe("Declined");
    const series = trend(["10%", "20%", "30%", "25%"], bigger);
    expect(series).toMatchObject({ ok: true, direction: "Improved" });
    expect(series.reason).toMatch(/4 periods/);
  });

  it("says Improved for Care Leavers with pathway plans reviewed 77%, 91%, 82% although the last step went down", () => {
    expect(directionOf(["91%", "82%"], "Bigger is better")).toBe("Declined");
    expect(directionOf(["77%", "91%", "82%"], "Bigger is better")).toBe("Improved");
  });
});

describe("blanks and missing figures are skipped, never read as zero", () => {
  eachRow(
    [
      { polarity: "Bigger is better", periods: ["20%", "30%", null], direction: "Improved" },
      { polarity: "Bigger is better", periods: ["20%", "30%", ""], direction: "Improved" },
      { polarity: "Bigger is better", periods: ["20%", "30%", "   "], direction: "Improved" },
      {
        polarity: "Bigger is better",
        periods: ["20%", "30%", "Not Available"],
        direction: "Improved",
      },
      {
        polarity: "Bigger is better",
        periods: ["20%", null, "30%", "N/A", "-"],
        direction: "Improved",
      },
      { polarity: "Smaller is better", periods: [null, "10%", "8%"], direction: "Improved" },
      { polarity: "Smaller is better", periods: ["10%", "8%", null], direction: "Improved" },
      {
        polarity: "Bigger is better",
        periods: ["20%", "30%", { error: "#DIV/0!" }],
        direction: "Improved",
      },
    ] satisfies Array<{
      polarity: keyof typeof definitions;
      periods: CellValue[];
      direction: DirectionOfTravel;
    }>,
    ({ polarity, periods, direction }) =>
      `says ${direction} for ${shown(periods)} where ${polarity}`,
    ({ polarity, periods, direction }) => {
      expect(directionOf(periods, polarity)).toBe(direction);
    }
  );

  it("compares the two figures left when the blanks are skipped: 20%, (blank), 30% is the step from 20% to 30%", () => {
    const travel = trend(["20%", null, "30%"], bigger);
    expect(travel).toMatchObject({ ok: true, direction: "Improved" });
    expect(travel.reason).toMatch(/previous period/);
  });

  it("keeps each figure at its own period when blanks sit between them: 60%, 40%, (blank), (blank), (blank), 55% is Improved (Bigger is better)", () => {
    // Over periods 1, 2 and 6 the least-squares slope is up (the 40% is early, the 55% late). Packing the
    // three figures into periods 1, 2, 3 would make it 60% → 55%, Declined.
    expect(directionOf(["60%", "40%", null, null, null, "55%"], "Bigger is better")).toBe(
      "Improved"
    );
    expect(directionOf(["60%", "40%", "55%"], "Bigger is better")).toBe("Declined");
  });
});

describe("too few figures, no polarity, or a definition to check", () => {
  eachRow(
    [
      [],
      ["10%"],
      ["10%", null],
      [null, null, null],
      ["Not Available", "10%", "N/A"],
      ["", "   ", "-"],
    ] as CellValue[][],
    (periods) =>
      `says No data for ${periods.length === 0 ? "no periods" : shown(periods)}: a direction of travel needs two figures`,
    (periods) => {
      const travel = trend(periods, bigger);
      expect(travel).toMatchObject({ ok: false, status: "No data" });
    }
  );

  it("says No target for a context measure with no polarity (Case file audits graded good: 66%, 52%, 49%)", () => {
    const travel = trend(
      ["66%", "52%", "49%"],
      readDefinition({
        measure: "Case file audits graded good",
        polarity: null,
        target: null,
        tolerance: null,
      })
    );
    expect(travel).toMatchObject({ ok: false, status: "No target" });
  });

  it("still tells the direction of a suspended measure from its polarity (Case file audits graded outstanding: 14%, 10%, 7% is Declined)", () => {
    const travel = trend(
      ["14%", "10%", "7%"],
      readDefinition({
        polarity: "Outstanding is better",
        target: "Suspended***",
        tolerance: null,
        otherTolerances: { Covid19: "Suspend" },
      })
    );
    expect(travel).toMatchObject({ ok: true, direction: "Declined" });
  });

  it("says Check definition for a definition that contradicts itself (Smaller is better, target 25%, tolerance 15%)", () => {
    const travel = trend(
      ["15%", "24%", "30%"],
      readDefinition({ polarity: "Smaller is better", target: "25%", tolerance: "15%" })
    );
    expect(travel).toMatchObject({ ok: false, status: "Check definition" });
  });
});
