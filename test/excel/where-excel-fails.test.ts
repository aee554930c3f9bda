/**
 * The add-in's Office.js code against a simulated Excel that fails where real Excel fails: a German Windows
 * locale, Excel on the web's payload limit, rules Excel cannot describe, too many merged areas, area lists too
 * long for getRanges, ids that have gone. test/support/README.md gives each behaviour's source.
 */
import { describe, expect, it } from "vitest";
import { builtInRegister, findTables, reportOf, type TableReport } from "../../src/core";
import {
  applyRagFormatting,
  readActiveSheet,
  removeRagFormatting,
  writePlan,
} from "../../src/excel/active-sheet";
import { detectCapabilities } from "../../src/excel/requirements";
import { activeSheet } from "../../src/excel/sheet-reading";
import { areaLists, longestAreaList } from "../../src/excel/rules";
import { createExcelHost, WEB_PAYLOAD_LIMIT } from "../support";
import { cellsOfAreas, paintedCells } from "../support/rule-engine";
import { installedHost, ownRulesOf, sheetValues } from "./appendix-host";
import { plannedWithReport, type PlanWithReport } from "../support/planned-with-report";

const colours: Record<string, string> = { Green: "#C6EFCE", Amber: "#FFEB9C", Red: "#FFC7CE" };

/** The fill Excel should show on each cell the report rates Green, Amber or Red. */
function expectedPaint({ tables }: { tables: TableReport[] }): Record<string, string> {
  const cells = tables
    .flatMap((table) => table.rows.flatMap((row) => row.cells))
    .filter((cell) => colours[cell.status]);
  return Object.fromEntries(cells.map((cell) => [cell.address, colours[cell.status]]).sort());
}

const painted = (host: Awaited<ReturnType<typeof installedHost>>) =>
  Object.fromEntries(
    [...paintedCells(sheetValues(host, "Appendix I"), ownRulesOf(host, "Appendix I"))].sort()
  );
const apply = () =>
  Excel.run((context) =>
    applyRagFormatting(context, builtInRegister, "Standard", detectCapabilities())
  );

describe("a German Excel on Windows, whose getRanges takes ';' between areas (office-js #1167, #1985)", () => {
  it("joins the areas with ';' where Excel says its decimal separator is ',' (ExcelApi 1.11), in two syncs", async () => {
    const host = await installedHost("appendix-i.xlsx", {
      behaviour: { culture: { name: "de-DE", decimalSeparator: "," } },
    });
    const applied = await apply();
    expect(host.syncCount).toBe(2);
    expect(painted(host)).toEqual(expectedPaint(reportOf(applied.appraisal)));
  });

  it("tries again with ';' where Excel cannot say its locale and refuses ','", async () => {
    const host = await installedHost("appendix-i.xlsx", {
      requirementSets: { ExcelApi: "1.10" },
      behaviour: { culture: { name: "de-DE", decimalSeparator: "," } },
    });
    const applied = await apply();
    expect(host.syncCount).toBe(4);
    expect(ownRulesOf(host, "Appendix I")).toHaveLength(applied.plan.rules.length);
    expect(painted(host)).toEqual(expectedPaint(reportOf(applied.appraisal)));
  });

  it("uses ',' on Excel on the web, whatever the locale", async () => {
    const host = await installedHost("appendix-i.xlsx", {
      behaviour: { platform: "OfficeOnline", culture: { name: "de-DE", decimalSeparator: "," } },
    });
    const applied = await apply();
    expect(host.syncCount).toBe(2);
    expect(painted(host)).toEqual(expectedPaint(reportOf(applied.appraisal)));
  });
});

/** A plan of one Red rule over many single cells of Appendix I, written with its formula at the first. */
function redRuleOver(appliesTo: string[], formula: string): PlanWithReport {
  return {
    sheet: "Appendix I",
    toleranceSet: "Standard",
    scheme: "Standard",
    tables: [],
    rules: [{ status: "Red", formula, appliesTo, fill: colours.Red, font: "#9C0006" }],
  };
}

describe("a rule over more areas than getRanges takes in one address (office-js #5198)", () => {
  it("splits the areas into lists under 8 KB, each rule's formula moved to its own first cell, and colours the same cells", async () => {
    const host = await installedHost();
    const cells = Array.from({ length: 1500 }, (_, index) => `M${index * 2 + 60}`);
    const plan = redRuleOver(cells, '=AND(N("KPI RAG")=0,M60="")');
    const lists = areaLists(plan.rules[0], ",");
    expect(lists.length).toBeGreaterThan(1);
    for (const list of lists) expect(list.address.length).toBeLessThanOrEqual(longestAreaList);
    await Excel.run((context) => writePlan(context, plan, [], detectCapabilities()));
    const rules = ownRulesOf(host, "Appendix I");
    expect(rules).toHaveLength(lists.length);
    expect([...paintedCells(sheetValues(host, "Appendix I"), rules).keys()].sort()).toEqual(
      [...cellsOfAreas(cells)].sort()
    );
  });

  it("moves a rule reading its row's threshold cell ($D60) to each list's first cell, so every cell reads its own row", async () => {
    const host = await installedHost();
    const rows = Array.from({ length: 1500 }, (_, index) => index * 2 + 60);
    // Every third row's threshold cell holds words: only the other rows' cells may be painted.
    for (const row of rows) host.sheet("Appendix I").set(`D${row}`, [[row % 3 === 0 ? "TBC" : 1]]);
    const plan = redRuleOver(
      rows.map((row) => `M${row}`),
      '=AND(N("KPI RAG")=0,M60="",ISNUMBER($D60))'
    );
    expect(areaLists(plan.rules[0], ",").length).toBeGreaterThan(1);
    await Excel.run((context) => writePlan(context, plan, [], detectCapabilities()));
    const painted = paintedCells(sheetValues(host, "Appendix I"), ownRulesOf(host, "Appendix I"));
    expect([...painted.keys()].sort()).toEqual(
      rows
        .filter((row) => row % 3 !== 0)
        .map((row) => `M${row}`)
        .sort()
    );
  });
});

describe("Excel on the web's response payload limit", () => {
  it("reads a sheet too large for one response in blocks of rows, and finds what one read finds", async () => {
    const host = await installedHost();
    const whole = await Excel.run((context) => readActiveSheet(context));
    host.behave({ responsePayloadLimit: 4000 });
    const before = host.syncCount;
    const blocks = await Excel.run((context) => readActiveSheet(context));
    expect(blocks.blocks).toBeGreaterThan(1);
    expect(host.syncCount - before).toBeGreaterThan(2);
    expect(blocks.grid).toEqual(whole.grid);
    expect(plannedWithReport(findTables(blocks.grid)).rules).toEqual(
      plannedWithReport(findTables(whole.grid)).rules
    );
  });

  it("reads ahead rows 5,001 to 15,000 of a 17,000-row sheet when the pane opens, and finds what one read finds, with or without the web's limit", async () => {
    const host = await installedHost();
    host.sheet("Appendix I").set(
      "N60",
      Array.from({ length: 17_000 }, (_, row) => [`Note ${row}`, row])
    );
    const whole = await Excel.run((context) => readActiveSheet(context));
    const readAhead = () =>
      Excel.run((context) =>
        readActiveSheet(context, detectCapabilities(), activeSheet, { readAhead: true })
      );
    const ahead = await readAhead();
    expect(ahead.grid).toEqual(whole.grid);
    expect(ahead.blocks, "rows 1-5,000, 5,001-15,000 (read ahead), and the rest").toBe(3);
    // Too little room for 5,000 rows in one answer: the read ahead fails, and the blocks are read in turn.
    host.behave({ responsePayloadLimit: 40_000 });
    const limited = await readAhead();
    expect(limited.grid).toEqual(whole.grid);
    expect(limited.blocks).toBeGreaterThan(3);
  });

  it("reads a sheet of under 5,000 rows in one block when the pane opens, the read ahead finding nothing", async () => {
    await installedHost();
    const whole = await Excel.run((context) => readActiveSheet(context));
    const ahead = await Excel.run((context) =>
      readActiveSheet(context, detectCapabilities(), activeSheet, { readAhead: true })
    );
    expect(ahead.grid).toEqual(whole.grid);
    expect(ahead.blocks).toBe(1);
  });

  it("applies on a sheet over 5 MB with the web's limit on, as it does without", async () => {
    const host = await installedHost("appendix-i.xlsx", {
      behaviour: { responsePayloadLimit: WEB_PAYLOAD_LIMIT },
    });
    const commentary =
      "Placement moves reviewed with the independent reviewing officer each quarter; ".repeat(4);
    host.sheet("Appendix I").set(
      "N60",
      Array.from({ length: 12_000 }, (_, row) => [
        `Note ${row}: ${commentary}`,
        `${commentary} ${row}`,
      ])
    );
    const applied = await apply();
    expect(applied.blocks).toBeGreaterThan(1);
    expect(painted(host)).toEqual(expectedPaint(reportOf(applied.appraisal)));
  });
});

describe("rules Excel cannot describe to an add-in", () => {
  it("leaves a rule of its own the analyst duplicated (office-js #6835) as it is, counts it, and replaces the others", async () => {
    const host = await installedHost();
    const first = await apply();
    const duplicated = host
      .sheet("Appendix I")
      .conditionalFormats()
      .find((format) => format.formula === first.plan.rules[0].formula)!;
    host.sheet("Appendix I").breakRules((format) => format.id === duplicated.id, "duplicated");
    const again = await apply();
    expect(again.unreadableRules).toBe(1);
    expect(again.removed).toBe(first.plan.rules.length - 1);
    const formats = host.sheet("Appendix I").conditionalFormats();
    expect(formats.some((format) => format.id === duplicated.id)).toBe(true);
    expect(ownRulesOf(host, "Appendix I")).toHaveLength(first.plan.rules.length + 1);
  });

  it("reads past a rule brought back by Undo (office-js #6396), whose very id cannot be read, and removes the others", async () => {
    const host = await installedHost();
    const first = await apply();
    const undone = host
      .sheet("Appendix I")
      .conditionalFormats()
      .find((format) => format.formula === first.plan.rules[1].formula)!;
    host.sheet("Appendix I").breakRules((format) => format.id === undone.id, "undone");
    const { removed, unreadableRules } = await Excel.run((context) => removeRagFormatting(context));
    expect([removed, unreadableRules]).toEqual([first.plan.rules.length - 1, 1]);
    expect(
      host
        .sheet("Appendix I")
        .conditionalFormats()
        .map((format) => format.id)
    ).toContain(undone.id);
  });
});

describe("merged areas", () => {
  it("reads more merged areas than the 512 Excel gives in one answer, block by block (ExcelApi 1.13)", async () => {
    const host = await installedHost("appendix-i.xlsx", { requirementSets: { ExcelApi: "1.13" } });
    const before = (await Excel.run((context) => readActiveSheet(context))).grid.merges.length;
    for (let row = 60; row < 660; row++)
      host
        .sheet("Appendix I")
        .set(`M${row}`, [["Commentary", null]])
        .merge(`M${row}:N${row}`);
    const reading = await Excel.run((context) => readActiveSheet(context));
    expect(reading.grid.merges).toHaveLength(before + 600);
    expect(reading.grid.merges).toContainEqual({
      top: 658 - reading.grid.origin.row,
      left: 12 - reading.grid.origin.column,
      bottom: 658 - reading.grid.origin.row,
      right: 13 - reading.grid.origin.column,
    });
  });

  it("places merged areas right on a sheet whose name has a comma", async () => {
    await installedHost("appendix-i.xlsx", { requirementSets: { ExcelApi: "1.13" } });
    const plain = await Excel.run((context) => readActiveSheet(context));
    await Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().name = "Q1, Q2 KPIs";
      await context.sync();
    });
    const renamed = await Excel.run((context) => readActiveSheet(context));
    expect(renamed.grid.sheet).toBe("Q1, Q2 KPIs");
    expect(renamed.grid.merges).toEqual(plain.grid.merges);
    expect(renamed.grid.merges.length).toBeGreaterThan(0);
  });
});

describe("deleting the add-in's old rules by id", () => {
  it("lets a rule that has gone since the reading pass where Excel has getItemOrNullObject (ExcelApi 1.14), and fails on an older Excel", async () => {
    const host = await installedHost("appendix-i.xlsx", { requirementSets: { ExcelApi: "1.14" } });
    const applied = await apply();
    const reading = await Excel.run((context) => readActiveSheet(context));
    await Excel.run((context) => removeRagFormatting(context));
    await expect(
      Excel.run((context) =>
        writePlan(context, applied.plan, reading.ownRules, {
          ...detectCapabilities(),
          formatById: false,
        })
      )
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await Excel.run((context) => removeRagFormatting(context));
    await Excel.run((context) =>
      writePlan(context, applied.plan, reading.ownRules, detectCapabilities())
    );
    expect(ownRulesOf(host, "Appendix I")).toHaveLength(applied.plan.rules.length);
    expect(painted(host)).toEqual(expectedPaint(reportOf(applied.appraisal)));
  });

  it("deletes them the last-applied first", async () => {
    await installedHost();
    await apply();
    const reading = await Excel.run((context) => readActiveSheet(context));
    const priorities = reading.ownRules.map((rule) => rule.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
  });
});

describe("text figures in the rules", () => {
  it('colours a figure typed as text ("173.75", "91%") as the report rates it, through NUMBERVALUE with its separators given', async () => {
    const host = createExcelHost({
      Scorecard: [
        ["Measure", "Polarity", "Target", "Tolerance", "2022/23", "2023/24"],
        [
          "Average days from entering care to moving in with adoptive family",
          "Smaller is better",
          "140 days",
          "180 days",
          null,
          120,
        ],
        ["% of CP visits in time", "Bigger is better", "90%", "75%", null, 0.8],
      ],
    });
    const uninstall = host.install();
    try {
      host
        .sheet("Scorecard")
        .format("E2:E3", { numberFormat: "@" })
        .set("E2", [["173.75"], ["91%"]]);
      expect(host.sheet("Scorecard").cell("E2").value).toBe("173.75");
      const applied = await apply();
      const statuses = Object.fromEntries(
        reportOf(applied.appraisal)
          .tables.flatMap((table) => table.rows.flatMap((row) => row.cells))
          .map((cell) => [cell.address, cell.status])
      );
      expect(statuses).toMatchObject({ E2: "Amber", E3: "Green" });
      expect(
        Object.fromEntries(
          [...paintedCells(sheetValues(host, "Scorecard"), ownRulesOf(host, "Scorecard"))].sort()
        )
      ).toEqual(expectedPaint(reportOf(applied.appraisal)));
      expect(
        ownRulesOf(host, "Scorecard").every(
          (rule) => rule.formula.includes("NUMBERVALUE(") && !rule.formula.includes("--")
        )
      ).toBe(true);
    } finally {
      uninstall();
    }
  });
});
