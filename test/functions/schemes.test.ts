/** KPI.RATE and KPI.RAG under the workbook's scheme, chosen in its KPISettings table. */
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as implementations from "../../src/functions/functions";
import { forgetRegister } from "../../src/excel/workbook-register";
import { asExcelCalls, createExcelHost, fromCells, type ExcelHost } from "../support";

const { rag, rate } = asExcelCalls(
  path.join(__dirname, "..", "..", "src", "functions", "functions.ts"),
  implementations
);

const registerSheet = [
  [
    "ID",
    "Measure",
    "Section",
    "Polarity",
    "Unit",
    "Target",
    "Tolerance",
    "Covid19 Tolerance",
    "Notes",
    "",
    "Setting",
    "Value",
  ],
  [
    "KPI-90",
    "Visits on time",
    "Care",
    "Bigger is better",
    "%",
    "90%",
    "75%",
    "",
    "",
    "",
    "Scheme",
    "Blue for exceeding",
  ],
  [
    "KPI-91",
    "Re-referrals",
    "Care",
    "Smaller is better",
    "%",
    "20%",
    "25%",
    "",
    "",
    "",
    "Blue at",
    "5% better than target",
  ],
];

let host: ExcelHost;
let uninstall: () => void;

beforeEach(async () => {
  forgetRegister();
  host = createExcelHost({ Scorecard: [], "KPI Register": registerSheet });
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("KPI Register");
    sheet.tables.add("A1:I3", true).name = "KPIRegister";
    sheet.tables.add("K1:L3", true).name = "KPISettings";
    await context.sync();
  });
  uninstall = host.install();
});
afterEach(() => {
  uninstall();
  forgetRegister();
});

async function chooseScheme(name: string, figures = ""): Promise<void> {
  await host.type("KPI Register", "L2", name);
  await host.type("KPI Register", "L3", figures);
  await host.settled();
}

describe("the functions under the workbook's scheme", () => {
  it("rates 95% Blue and 92% Green for KPI-90 (target 90%) under Blue for exceeding, Blue at 5% better than target", async () => {
    expect(await rate(0.95, "KPI-90")).toBe("Blue");
    expect(await rate(0.92, "KPI-90")).toBe("Green");
    expect(await rate(0.18, "KPI-91")).toBe("Blue");
    expect(await rag(0.95, "90%", "75%", "Bigger is better")).toBe("Blue");
  });

  it("rates 80% Red, not Amber, for KPI-90 once the workbook chooses Green and Red only", async () => {
    expect(await rate(0.8, "KPI-90")).toBe("Amber");
    await chooseScheme("Green and Red only");
    expect(await rate(0.8, "KPI-90")).toBe("Red");
    expect(await rate(0.95, "KPI-90")).toBe("Green");
  });

  it("rates 87% Green and 84% Amber for KPI-90 under Percentage of target, Green within 5%, Amber within 10%", async () => {
    await chooseScheme("Percentage of target, Green within 5%, Amber within 10%");
    expect(await rate(0.87, "KPI-90")).toBe("Green");
    expect(await rate(0.84, "KPI-90")).toBe("Amber");
    expect(await rate(0.8, "KPI-90")).toBe("Red");
  });

  it("rates 74% Amber after 70% and Red after 80% or with no period before under Amber by direction", async () => {
    await chooseScheme("Amber by direction");
    expect(await rate(0.74, "KPI-90", undefined, 0.7)).toBe("Amber");
    expect(await rate(0.74, "KPI-90", undefined, 0.8)).toBe("Red");
    expect(await rate(0.74, "KPI-90")).toBe("Red");
    expect(await rag(0.74, "90%", "75%", "Bigger is better", 0.7)).toBe("Amber");
    expect(await rag(0.3, "20%", "25%", "Smaller is better", 0.35)).toBe("Amber");
  });

  it("reads a blank period before as no figure, never a zero: 74% stays Red", async () => {
    await chooseScheme("Amber by direction");
    expect(
      await rate(
        0.74,
        "KPI-90",
        undefined,
        0,
        fromCells(undefined, undefined, undefined, "'Scorecard'!A1")
      )
    ).toBe("Red");
  });

  it("keeps the Standard bands when the Scheme row names no scheme the add-in knows", async () => {
    await chooseScheme("Rainbow");
    expect(await rate(0.8, "KPI-90")).toBe("Amber");
    expect(await rate(0.95, "KPI-90")).toBe("Green");
  });
});

describe("the functions with a stretch target, under Blue for exceeding", () => {
  it("rates 95% Blue and 94% Green with KPI.RAG given the stretch of 95% (target 90%), and 99% Green with no stretch given", async () => {
    await chooseScheme("Blue for exceeding");
    expect(await rag(0.95, "90%", "75%", "Bigger is better", undefined, "95%")).toBe("Blue");
    expect(await rag(0.94, "90%", "75%", "Bigger is better", undefined, "95%")).toBe("Green");
    expect(await rag(0.15, "20%", "25%", "Smaller is better", undefined, 0.15)).toBe("Blue");
    // With no margin and no stretch given, nothing is Blue.
    expect(await rag(0.99, "90%", "75%", "Bigger is better")).toBe("Green");
    // A stretch short of the target cannot draw Blue: the definition is to be checked.
    expect(await rag(0.99, "90%", "75%", "Bigger is better", undefined, "85%")).toBe(
      "Check definition"
    );
  });

  it("rates by the stretch only under the Blue scheme: 99% with a stretch of 95% is Green under Standard", async () => {
    await chooseScheme("Standard");
    expect(await rag(0.99, "90%", "75%", "Bigger is better", undefined, "95%")).toBe("Green");
    expect(await rag(0.99, "90%", "75%", "Bigger is better", undefined, "85%")).toBe("Green");
  });
});

describe("KPI.RATE with the register's Stretch column", () => {
  it("rates 96% Blue and 95% Green for KPI-92 (target 90%, stretch 96%) under Blue for exceeding", async () => {
    uninstall();
    forgetRegister();
    host = createExcelHost({
      Scorecard: [],
      "KPI Register": [
        [
          "ID",
          "Measure",
          "Section",
          "Polarity",
          "Unit",
          "Target",
          "Tolerance",
          "Covid19 Tolerance",
          "Notes",
          "Stretch",
          "",
          "Setting",
          "Value",
        ],
        ["KPI-92", "Visits on time", "Care", "Bigger is better", "%", "90%", "75%", "", "", "96%"],
        ["KPI-93", "Re-referrals", "Care", "Smaller is better", "%", "20%", "25%", "", "", ""],
      ].map((row, index) => (index === 1 ? [...row, "", "Scheme", "Blue for exceeding"] : row)),
    });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("KPI Register");
      sheet.tables.add("A1:J3", true).name = "KPIRegister";
      sheet.tables.add("L1:M2", true).name = "KPISettings";
      await context.sync();
    });
    uninstall = host.install();
    expect(await rate(0.96, "KPI-92")).toBe("Blue");
    expect(await rate(0.95, "KPI-92")).toBe("Green");
    // A KPI with no stretch of its own, under a scheme with no margin, has no Blue.
    expect(await rate(0.1, "KPI-93")).toBe("Green");
  });
});
