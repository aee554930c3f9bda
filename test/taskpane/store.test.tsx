import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { App, themeOfOffice } from "../../src/taskpane/App";
import { beginOpening } from "../../src/taskpane/opening";
import { changePause } from "../../src/taskpane/store";
import { appraise, reportOf, isRagStatus, ragPalette, type Grid } from "../../src/core";
import { catalogue } from "../../src/core/register/catalogue";
import type { RagStatus } from "../../src/core/values/status";
import * as functions from "../../src/functions/functions";
import { forgetRegister } from "../../src/excel/workbook-register";
import {
  asExcelCalls,
  createExcelHost,
  customFunctionEvaluator,
  loadHostFromXlsx,
  type ExcelHost,
} from "../support";
import { paintedCells } from "../support/rule-engine";
import { fillJsdomGaps } from "./jsdom-gaps";
import { findSpoken, openView, spoken } from "./render";

fillJsdomGaps();
const appendixI = path.join(__dirname, "..", "..", "examples", "appendix-i.xlsx");
/** The heading of Appendix I's first table: its header block A5:J6 over the KPI rows 7-18, counted by hand. */
const firstTable = "Table A5:J18: 12 KPIs";

let uninstall: (() => void) | undefined;
afterEach(() => {
  // The register lives in the shared runtime, not in the pane: each test starts on its own workbook.
  forgetRegister();
  uninstall?.();
  uninstall = undefined;
});

async function openPane(host: ExcelHost) {
  uninstall = host.install();
  const user = userEvent.setup();
  render(<App theme={webLightTheme} />);
  return user;
}

describe("the pane talking to Excel through its store", () => {
  test("reads the active sheet on opening and shows its KPI tables", async () => {
    await openPane(await loadHostFromXlsx(appendixI));
    await screen.findByRole("heading", { name: firstTable });
    expect(screen.getByText(/Sheet: Appendix I/)).toBeTruthy();
  });

  test("says plainly when Excel is too old, and reads nothing", async () => {
    const host = await loadHostFromXlsx(appendixI);
    host.setRequirementSets({ ExcelApi: "1.5" });
    await openPane(host);
    await findSpoken(/too old for the KPI RAG pane/, "alert");
    expect(host.syncCount).toBe(0);
  });

  test("reads the sheet again when the analyst switches to another", async () => {
    const host = await loadHostFromXlsx(appendixI);
    await openPane(host);
    await screen.findByRole("heading", { name: firstTable });
    await host.run(async (context) => {
      context.workbook.worksheets.add("Notes");
      await context.sync();
    });
    await host.activate("Notes");
    await screen.findByText(/Sheet: Notes/);
    await screen.findByRole("heading", { name: "This sheet is empty" });
  });

  test("applies RAG formatting that colours every cell the report rates Green, Amber or Red in that colour and no other, then removes only its own rules", async () => {
    const host = await loadHostFromXlsx(appendixI);
    const sheet = host.sheet("Appendix I");
    const analysts = sheet.conditionalFormats();
    const user = await openPane(host);
    await screen.findByRole("heading", { name: firstTable });
    await user.click(screen.getByRole("button", { name: "Apply RAG formatting" }));
    const said = await findSpoken(/Coloured \d+ cells of \d+ KPIs by tolerance set Standard/);
    const [cells] = (said.match(/\d+/g) ?? []).map(Number);
    screen.getByText("The sheet is coloured by tolerance set Standard.", { exact: false });

    const analystsIds = new Set(analysts.map((format) => format.id));
    const ours = sheet.conditionalFormats().filter((format) => !analystsIds.has(format.id));
    expect(ours.length).toBeGreaterThan(0);
    const corner = sheet.usedAddress()?.split(":")[1] ?? "A1";
    const values = sheet.values(`A1:${corner}`);
    const painted = paintedCells(
      values,
      ours.map((format) => ({
        formula: format.formula ?? "",
        appliesTo: format.appliesTo.split(/,\s*/),
        fill: format.fill ?? "",
      }))
    );
    const grid: Grid = {
      sheet: "Appendix I",
      origin: { row: 0, column: 0 },
      values,
      numberFormats: sheet.numberFormats(`A1:${corner}`),
      merges: [],
    };
    const rated = reportOf(appraise(grid))
      .tables.flatMap((table) => table.rows.flatMap((row) => row.cells))
      .filter((cell) => isRagStatus(cell.status));
    expect(rated.length).toBe(cells);
    expect(Object.fromEntries(painted)).toEqual(
      Object.fromEntries(
        rated.map((cell) => [cell.address, ragPalette[cell.status as RagStatus].fill])
      )
    );

    await user.click(screen.getByRole("button", { name: "Remove" }));
    await findSpoken("Removed KPI RAG's colours from this sheet.");
    screen.getByText("No KPI RAG colours on this sheet yet.");
    expect(sheet.conditionalFormats()).toEqual(analysts);
  });

  test("inserts the KPIRegister table from the Register tab and says what it did", async () => {
    const host = await loadHostFromXlsx(appendixI);
    const user = await openPane(host);
    await screen.findByRole("heading", { name: firstTable });
    await user.click(screen.getByRole("tab", { name: "Register" }));
    await user.click(
      screen.getByRole("button", { name: /Insert or top up the KPI register table/ })
    );
    await findSpoken(
      new RegExp(
        `Inserted the KPIRegister table on the sheet "KPI Register" with ${catalogue.length} KPIs`
      )
    );
    expect(host.table("KPIRegister").rows.map((row) => row[0])).toEqual(
      catalogue.map((entry) => entry.id)
    );
  });

  test("makes no shareable copy of a sheet without KPI. formulas, and says it can be shared as it is", async () => {
    const host = await loadHostFromXlsx(appendixI);
    const sheets = host.snapshot().sheets.map((sheet) => sheet.name);
    const user = await openPane(host);
    await screen.findByRole("heading", { name: firstTable });
    await openView(user, "Share");
    await user.click(screen.getByRole("button", { name: /Make a shareable copy of this sheet/ }));
    // Appendix I holds figures only, no KPI. formulas.
    await findSpoken(/has no KPI\. formulas, so no copy was made/);
    expect(host.snapshot().sheets.map((sheet) => sheet.name)).toEqual(sheets);
  });

  test("goes back to Standard, saying why, when the analyst moves from a sheet with a Winter set to one without, and applies Standard there", async () => {
    const host = createExcelHost({
      Winter: [
        ["Measure", "Polarity", "Target", "Tolerance", "Winter Tolerance", "2022/23 Q3"],
        ["Assessments completed within 45 days", "Bigger is better", "90%", "80%", "70%", "75%"],
      ],
      Summer: [
        ["Measure", "Polarity", "Target", "Tolerance", "2022/23 Q1"],
        ["Assessments completed within 45 days", "Bigger is better", "90%", "80%", "75%"],
      ],
    });
    const user = await openPane(host);
    await user.click(await screen.findByRole("radio", { name: "Winter" }));
    await host.activate("Summer");
    await findSpoken(
      'There is no tolerance set "Winter" on the sheet "Summer": it has Standard. Rated with Standard.'
    );
    await user.click(screen.getByRole("button", { name: "Apply RAG formatting" }));
    await findSpoken("Coloured 1 cell of 1 KPI by tolerance set Standard.");
  });

  test("waits while the analyst is typing in a cell instead of failing", async () => {
    const host = createExcelHost({
      Sheet1: [
        ["Measure", "Polarity", "Target", "Tolerance", "2021/22 Qtr1"],
        ["Assessments", "Bigger is better", "90%", "75%", "89%"],
      ],
    });
    host.beginCellEdit();
    await openPane(host);
    await screen.findByText("Waiting for you to finish editing the cell…");
    host.endCellEdit();
    await waitFor(
      () => expect(screen.getByRole("heading", { name: /Table A1:E2: 1 KPI/ })).toBeTruthy(),
      { timeout: 3000 }
    );
  });
});

/** A KPI with a Winter tolerance: 75% is Red under Standard's 80% and Amber under Winter's 70%. */
function winterHost(): ExcelHost {
  return createExcelHost({
    Winter: [
      ["Measure", "Polarity", "Target", "Tolerance", "Winter Tolerance", "2022/23 Q3"],
      ["Assessments completed within 45 days", "Bigger is better", "90%", "80%", "70%", "75%"],
    ],
  });
}

/** The status badge on the KPI's compact line, read as the analyst reads it. */
function lineStatus(measure: string): string {
  const line = screen.getByRole("button", { name: new RegExp(measure) });
  return line.textContent ?? "";
}

describe("the pane in step with the sheet", () => {
  test("shows Green without a click when the analyst types a figure over target after Apply", async () => {
    const host = winterHost();
    const user = await openPane(host);
    await user.click(await screen.findByRole("button", { name: "Apply RAG formatting" }));
    const applied = await findSpoken("Coloured 1 cell of 1 KPI by tolerance set Standard.");
    expect(lineStatus("Assessments completed")).toMatch(/75%\s*Red$/);
    await host.type("Winter", "F2", "95%");
    await waitFor(() => expect(lineStatus("Assessments completed")).toMatch(/95%\s*Green$/), {
      timeout: 3000,
    });
    // Nothing was said about the read: only the first message stays in the live region.
    expect(spoken()).toBe(applied);
  });

  test("says the sheet is coloured by Standard when the analyst switches to Winter after applying Standard, and Apply again colours it by Winter", async () => {
    const host = winterHost();
    const user = await openPane(host);
    await user.click(await screen.findByRole("button", { name: "Apply RAG formatting" }));
    await findSpoken("Coloured 1 cell of 1 KPI by tolerance set Standard.");
    await user.click(screen.getByRole("radio", { name: "Winter" }));
    screen.getByText(
      "The sheet is coloured by tolerance set Standard; the pane shows Winter. Apply again to colour the sheet by Winter."
    );
    expect(lineStatus("Assessments completed")).toMatch(/75%\s*Amber$/);
    await user.click(screen.getByRole("button", { name: "Apply again" }));
    await findSpoken("Coloured 1 cell of 1 KPI by tolerance set Winter.");
    screen.getByText(/The sheet is coloured by tolerance set Winter\./);
    expect(host.sheet("Winter").conditionalFormats().length).toBeGreaterThan(0);
  });

  test("opens on the tolerance set whose colours the sheet carries", async () => {
    const host = winterHost();
    const user = await openPane(host);
    await user.click(await screen.findByRole("radio", { name: "Winter" }));
    await user.click(screen.getByRole("button", { name: "Apply RAG formatting" }));
    await findSpoken("Coloured 1 cell of 1 KPI by tolerance set Winter.");
    cleanup();
    forgetRegister();
    render(<App theme={webLightTheme} />);
    await screen.findByText(/The sheet is coloured by tolerance set Winter\./);
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "Winter" }).checked).toBe(true);
  });

  test("takes the sheet its opening read while the pane was being built, and reads it no more", async () => {
    const host = winterHost();
    uninstall = host.install();
    const opening = beginOpening();
    expect(opening, "this Excel can run the pane").toBeDefined();
    await opening?.sheet;
    await opening?.watches;
    const syncs = host.syncCount;
    render(<App theme={webLightTheme} />);
    await screen.findByRole("button", { name: /Assessments completed/ });
    expect(lineStatus("Assessments completed")).toMatch(/75%\s*Red$/);
    await host.settled();
    expect(host.syncCount, "the pane read nothing the opening had read").toBe(syncs);
  });

  test("hears a figure typed after its opening read the sheet but before the pane was built, and shows it", async () => {
    const host = winterHost();
    uninstall = host.install();
    const opening = beginOpening();
    await opening?.sheet;
    await opening?.watches;
    await host.type("Winter", "F2", "95%");
    render(<App theme={webLightTheme} />);
    await waitFor(() => expect(lineStatus("Assessments completed")).toMatch(/95%\s*Green$/), {
      timeout: 3000,
    });
  });

  test("reads nothing more when the sheet is edited after the pane is closed", async () => {
    const host = winterHost();
    await openPane(host);
    await screen.findByRole("button", { name: /Assessments completed/ });
    await host.settled();
    cleanup();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const syncs = host.syncCount;
    await host.type("Winter", "F2", "60%");
    await new Promise((resolve) => setTimeout(resolve, changePause * 2));
    expect(host.syncCount).toBe(syncs);
  });

  test("says it could not read the sheet, changes nothing, and offers to try again with Apply held back", async () => {
    const host = winterHost();
    const user = await openPane(host);
    await screen.findByRole("button", { name: /Assessments completed/ });
    // The first failure sends the read into guarded steps; the second fails those too.
    host.rejectSyncs(2);
    await user.click(screen.getByRole("button", { name: "Read again" }));
    const said = await findSpoken(/^The sheet could not be read/, "alert");
    expect(said).toContain("Nothing was changed. Try again");
    expect(said).not.toMatch(/applying again/);
    const apply = screen.getByRole("button", { name: "Apply RAG formatting" });
    expect(apply.getAttribute("aria-disabled")).toBe("true");
    await user.click(screen.getByRole("button", { name: "Try reading again" }));
    await screen.findByRole("button", { name: /Assessments completed/ });
    expect(
      screen.getByRole("button", { name: "Apply RAG formatting" }).getAttribute("aria-disabled")
    ).not.toBe("true");
  });
});

describe("the pane while a cell is being edited", () => {
  test("offers to stop waiting, and then ends the action with nothing done, saying so", async () => {
    const host = winterHost();
    const user = await openPane(host);
    await screen.findByRole("button", { name: /Assessments completed/ });
    host.beginCellEdit();
    await user.click(screen.getByRole("button", { name: "Apply RAG formatting" }));
    await screen.findByText("Waiting for you to finish editing the cell…");
    await user.click(screen.getByRole("button", { name: "Stop waiting" }));
    const said = await findSpoken(/^RAG formatting was not applied: you stopped waiting/, "alert");
    expect(said).toContain("nothing was done");
    expect(screen.queryByRole("button", { name: "Stop waiting" })).toBeNull();
    host.endCellEdit();
    expect(host.sheet("Winter").conditionalFormats()).toEqual([]);
  });
});

describe("the pane's first run", () => {
  test("says what the add-in does on an empty sheet and inserts an example table, which it then reads and rates", async () => {
    const host = createExcelHost();
    const user = await openPane(host);
    await screen.findByRole("heading", { name: "This sheet is empty" });
    expect(screen.queryByText(/was skipped/)).toBeNull();
    await user.click(screen.getByRole("button", { name: "Insert an example table" }));
    await findSpoken(/^Inserted an example KPI table at A1/);
    expect(host.sheet("Sheet1").values("A1:E2")).toEqual([
      ["Measure", "Polarity", "Target", "Tolerance", "2021/22 Qtr1"],
      ["Assessments completed within 45 days", "Bigger is better", 0.9, 0.75, 0.89],
    ]);
    // 89% against a target of 90% and a tolerance of 75%, bigger is better: Amber.
    expect(
      (await screen.findByRole("button", { name: /^Assessments completed within 45 days/ }))
        .textContent
    ).toMatch(/89%\s*Amber$/);
  });

  test("on a dashboard with no KPI table, names the visible sheet of the workbook that has one and goes there in one click", async () => {
    const scorecard = [
      ["Measure", "Polarity", "Target", "Tolerance", "2022/23 Q1"],
      ["Assessments completed within 45 days", "Bigger is better", "90%", "75%", "89%"],
    ];
    const host = createExcelHost({
      Dashboard: [["Children in care", 598]],
      Scorecard: scorecard,
      Notes: [["Board notes"]],
      "Last year": scorecard,
    });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Last year").visibility = "Hidden";
      await context.sync();
    });
    const user = await openPane(host);
    await screen.findByRole("heading", { name: "No KPI table found on this sheet" });
    const pointer = await screen.findByRole("group", {
      name: 'The sheet "Scorecard" of this workbook has a KPI table.',
    });
    const before = host.syncCount;
    await user.click(within(pointer).getByRole("button", { name: "Go to Scorecard" }));
    await screen.findByRole("heading", { name: "Table A1:E2: 1 KPI" });
    expect(screen.getByText(/Sheet: Scorecard/)).toBeTruthy();
    expect(host.activeSheet.name).toBe("Scorecard");
    // One sync to go there, then the sheet's own read, as switching sheets by hand would.
    expect(host.syncCount - before).toBeLessThanOrEqual(2);
    expect(screen.queryByRole("button", { name: /^Go to / })).toBeNull();
  });

  test("on a dashboard, the Summary says there is nothing to summarise, not that no KPI is Red", async () => {
    const host = createExcelHost({
      Dashboard: [["Children in care", 598]],
      Scorecard: [
        ["Measure", "Polarity", "Target", "Tolerance", "2022/23 Q1"],
        ["Assessments completed within 45 days", "Bigger is better", "90%", "75%", "70%"],
      ],
    });
    const user = await openPane(host);
    await screen.findByRole("group", { name: /"Scorecard" of this workbook has a KPI table/ });
    await openView(user, "Summary");
    screen.getByText("No KPI table on this sheet, so nothing to summarise.");
    expect(screen.queryByText(/No KPI is Red/)).toBeNull();
  });

  test("inserts no example over the analyst's cells", async () => {
    const host = createExcelHost({ Notes: [["Board notes"]] });
    await openPane(host);
    await screen.findByRole("heading", { name: "No KPI table found on this sheet" });
    expect(screen.queryByRole("button", { name: "Insert an example table" })).toBeNull();
    expect(host.sheet("Notes").values("A1:A1")).toEqual([["Board notes"]]);
  });
});

describe("the pane's theme", () => {
  test("follows Office: dark where Office's background is dark, light otherwise", () => {
    const office = globalThis as unknown as { Office?: unknown };
    const before = office.Office;
    try {
      office.Office = { context: { officeTheme: { bodyBackgroundColor: "#262626" } } };
      expect(themeOfOffice()).toBe(webDarkTheme);
      office.Office = { context: { officeTheme: { bodyBackgroundColor: "#FFFFFF" } } };
      expect(themeOfOffice()).toBe(webLightTheme);
    } finally {
      office.Office = before;
    }
  });
});

describe("edits to tables", () => {
  test("read the sheet again only when the register changes, not when another table does", async () => {
    const host = await loadHostFromXlsx(appendixI);
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Placements");
      sheet.getRange("A1:B2").values = [
        ["Team", "Moves"],
        ["North", 3],
      ];
      sheet.tables.add("'Placements'!A1:B2", true).name = "Placements";
      await context.sync();
    });
    await openPane(host);
    await screen.findByRole("heading", { name: firstTable });
    await waitFor(() => expect(screen.queryByRole("status")?.textContent ?? "").toBe(""));
    await host.settled();
    const syncs = host.syncCount;
    await host.type("Placements", "B2", "4");
    await host.settled();
    expect(host.syncCount).toBe(syncs);
  });
});

describe("Check this Excel, from the pane's Help", () => {
  test("runs on a hidden sheet, shows its report and leaves the workbook's sheets as they were", async () => {
    forgetRegister();
    const host = await loadHostFromXlsx(appendixI, {
      formulaEvaluator: customFunctionEvaluator(
        asExcelCalls(path.join(__dirname, "..", "..", "src", "functions", "functions.ts"), {
          rate: functions.rate,
        })
      ),
    });
    const sheets = host.snapshot().sheets.map((sheet) => sheet.name);
    const user = await openPane(host);
    await screen.findByRole("heading", { name: firstTable });
    await openView(user, "Help");
    await user.click(screen.getByRole("button", { name: "Check this Excel" }));
    const report = await screen.findByRole<HTMLTextAreaElement>(
      "textbox",
      { name: "Self-check report" },
      { timeout: 15_000 }
    );
    expect(report.value).toContain("All 6 checks passed");
    await host.settled();
    expect(host.snapshot().sheets.map((sheet) => sheet.name)).toEqual(sheets);
    forgetRegister();
  }, 30_000);
});
