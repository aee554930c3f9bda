import { describe, expect, it } from "vitest";
import {
  buildRegister,
  findTables,
  registerTableName,
  type Status,
  type TableReport,
} from "../../src/core";
import { openWorkbook, readSheetContent, tableCells } from "../../src/cli/workbook";
import { example, fixture } from "./run-command";
import { plannedWithReport } from "../support/planned-with-report";

async function reportOf(file: string, toleranceSet = "Standard"): Promise<TableReport[]> {
  const workbook = await openWorkbook(file);
  try {
    const contents = new Map();
    for (const sheet of workbook.sheets)
      contents.set(sheet.name, await readSheetContent(workbook, sheet));
    const register = buildRegister(tableCells(workbook, contents, registerTableName));
    return [...contents.values()].flatMap(
      (content) => plannedWithReport(findTables(content.grid, register), toleranceSet).tables
    );
  } finally {
    await workbook.zip.close();
  }
}

function statusesByMeasure(tables: TableReport[], periods = 3): Map<string, Status[]> {
  return new Map(
    tables.flatMap((table) =>
      table.rows.map(
        (row) => [row.measure, row.cells.slice(0, periods).map((cell) => cell.status)] as const
      )
    )
  );
}

describe("finding KPI tables on layouts the seeds do not show verbatim", () => {
  it("finds Appendix I's three header blocks on one sheet, 40 KPI rows, with two-row period labels", async () => {
    const tables = await reportOf(example("appendix-i.xlsx"));
    expect(tables.map((table) => table.address)).toEqual(["A5:J18", "A21:J35", "A38:J54"]);
    expect(tables.map((table) => table.rows.length)).toEqual([12, 13, 15]);
    expect(tables[0].periods).toEqual([
      "2019/20 Average",
      "2020/21 Average",
      "2021/22 Qtr1",
      "2021/22 Qtr2",
    ]);
    expect(tables[0].toleranceSets).toEqual(["Standard", "Covid19"]);
    expect(tables[1].rows.map((row) => row.section)).toContain("Strategic Partnership Indicators");
  });

  it("gives each KPI row its direction of travel across its periods, polarity-aware, skipping the empty quarter", async () => {
    const rows = new Map(
      (await reportOf(example("appendix-i.xlsx"))).flatMap((table) =>
        table.rows.map((row) => [row.measure, row.directionOfTravel] as const)
      )
    );
    // 91%, 89%, 89% for Bigger is better; 10%, 8%, 7% for Smaller is better; 34%, 26%, Not Available.
    expect(rows.get("Assessments completed within <45 days")).toBe("Declined across 3 periods");
    expect(
      rows.get(
        "Short term stability of placements of children in care: % of children experiencing 3 or more placements in the year"
      )
    ).toBe("Improved across 3 periods");
    expect(rows.get("Young offenders aged 10-17 who reoffend")).toBe(
      "Improved since the previous period"
    );
    expect(rows.get("Case file audits graded good")).toBe(
      "No direction of travel without a polarity"
    );
  });

  it("names sub-rows b) and c) after the measure that opens them with a)", async () => {
    const tables = await reportOf(example("appendix-i.xlsx"));
    const measures = tables[1].rows.map((row) => row.measure);
    expect(measures).toContain("Percentage of Children in Need open for b) >1 year < 2 years");
    expect(measures).toContain("Percentage of Children in Need open for c) > 2 years");
  });

  const reference = reportOf(example("appendix-i.xlsx")).then((tables) =>
    statusesByMeasure(tables)
  );
  // How many KPI rows each holds, from test/fixtures/README.md: Appendix I's first page has 12, all three pages 40.
  const variants: Array<[string, string, number]> = [
    ["columns in another order, no merges", "columns-reordered.xlsx", 12],
    ["percentages kept as whole numbers with targets 90 and 75", "whole-percentages.xlsx", 12],
    ["targets, tolerances and figures typed as text", "text-targets.xlsx", 12],
    ["one block per sheet, starting at C4 under titles", "one-block-per-sheet.xlsx", 40],
  ];
  for (const [layout, file, count] of variants) {
    it(`rates ${layout} exactly as the bundled Appendix I`, async () => {
      const found = statusesByMeasure(await reportOf(fixture(file)));
      const expected = await reference;
      expect(found.size).toBe(count);
      for (const [measure, statuses] of found)
        expect([measure, statuses]).toEqual([measure, expected.get(measure)]);
    });
  }

  it("reads month columns whether the header is a real date or text, Apr-21 to Mar-22", async () => {
    const [table] = await reportOf(fixture("months.xlsx"));
    expect(table.periods).toEqual([
      "Apr-21",
      "May-21",
      "Jun-21",
      "Jul-21",
      "Aug-21",
      "Sep-21",
      "Oct-21",
      "Nov-21",
      "Dec-21",
      "Jan-22",
      "Feb-22",
      "Mar-22",
    ]);
    expect(table.rows).toHaveLength(5);
    expect(
      table.rows.every((row) => row.cells.slice(9).every((cell) => cell.status === "No data"))
    ).toBe(true);
  });

  it("lists bad values and unknown wording as problems, rates hidden rows, and colours none of them", async () => {
    const [table] = await reportOf(fixture("bad-values.xlsx"));
    const problems = table.rows.flatMap((row) => row.problems).join("\n");
    expect(problems).toContain("H7: #DIV/0! is an Excel error, not a figure");
    expect(problems).toContain("H8: TRUE is not a figure");
    expect(problems).toContain('G9: "abc" is not a figure');
    expect(problems).toContain('the polarity "Biggest is better" is not wording the add-in knows');
    const byAddress = new Map(
      table.rows.flatMap((row) => row.cells.map((cell) => [cell.address, cell.status] as const))
    );
    expect(byAddress.get("H7")).toBe("No data");
    expect(byAddress.get("G12")).toBe("Check definition");
    expect(byAddress.get("G11")).toMatch(/Green|Amber|Red/);
  });

  it("rates Appendix A's numbered rows from the workbook's KPIRegister table, and the catalogue where the table is silent", async () => {
    const tables = await reportOf(example("appendix-a.xlsx"));
    const rows = tables.flatMap((table) => table.rows);
    // Rows 5-46 of the sheet hold a KPI number each but the five section rows (25, 32, 34, 37, 41).
    expect(rows).toHaveLength(37);
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get("KPI-22")?.source).toBe("workbook");
    expect(byId.get("KPI-22")?.definition).toMatch(/^Bigger is better; target 90%; tolerance 80%/);
    expect(byId.get("KPI-18")?.definition).toMatch(/^Smaller is better; target 9%; tolerance 15%/);
    expect(byId.get("KPI-2")?.cells[0].status).toBe("No target");
    expect(byId.get("KPI-5a")?.section).toBe("Safeguarding and Children in Need");
    expect(byId.get("KPI-24")?.section).toBe("Fostering");
  });
});
