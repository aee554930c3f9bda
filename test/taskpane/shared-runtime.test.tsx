import { webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import * as functions from "../../src/functions/functions";
import { App } from "../../src/taskpane/App";
import { readWorkbookTables } from "../../src/excel/register-table";
import { forgetRegister } from "../../src/excel/workbook-register";
import { ownRulesOf, sheetValues } from "../excel/appendix-host";
import {
  asExcelCalls,
  customFunctionEvaluator,
  loadHostFromXlsx,
  type ExcelHost,
} from "../support";
import { paintedCells } from "../support/rule-engine";
import { fillJsdomGaps } from "./jsdom-gaps";
import { findSpoken } from "./render";

fillJsdomGaps();
const appendixA = path.join(__dirname, "..", "..", "examples", "appendix-a.xlsx");
const green = "#C6EFCE";

let uninstall: (() => void) | undefined;
beforeEach(() => forgetRegister());
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
  forgetRegister();
});

/** Counts the runs that read the KPIRegister (and KPIWords) tables, whoever asks: the judge of "read once for both". */
function countRegisterReads(): { reads: number } {
  const counter = { reads: 0 };
  const excel = Excel as unknown as { run: (...args: unknown[]) => Promise<unknown> };
  const run = excel.run.bind(Excel);
  excel.run = (...args: unknown[]) => {
    if (args.includes(readWorkbookTables)) counter.reads += 1;
    return run(...args);
  };
  return counter;
}

/** The status the pane's table shows for a KPI row's period. */
/** A period's status in a KPI's details, opening its line first (a click, as the analyst would). */
function paneStatus(measure: string, period: string): string {
  const line = screen.getByRole("button", { name: new RegExp(`^${measure}`) });
  if (line.getAttribute("aria-expanded") !== "true") fireEvent.click(line);
  const details = document.getElementById(line.getAttribute("aria-controls")!)!;
  const item = within(within(details).getByRole("list", { name: "Periods, latest first" }))
    .getAllByRole("listitem")
    .find((candidate) => candidate.textContent?.startsWith(`${period}:`));
  return item?.querySelector("span")?.textContent ?? "";
}

describe("the functions and the pane in one shared runtime", () => {
  test("agree after KPI-18's target is edited: KPI.RATE, the pane and a new Apply all say Green, from one read of the register", async () => {
    const host: ExcelHost = await loadHostFromXlsx(appendixA, {
      formulaEvaluator: customFunctionEvaluator(
        asExcelCalls(path.join(__dirname, "..", "..", "src", "functions", "functions.ts"), {
          rate: functions.rate,
        })
      ),
    });
    const sheet = host.sheet("Appendix A");
    const kpi18 = sheet.values("A1:B60").findIndex((row) => row[1] === 18) + 1;
    const measure = String(sheet.cell(`A${kpi18}`).value);
    // Well away from the KPI table, so it is no column of it.
    const formulaCell = `Z${kpi18 + 40}`;
    // 12% placements moves: Amber against the register's 9% target and 15% tolerance (smaller is better).
    sheet.set(`E${kpi18}`, [[0.12]]);
    uninstall = host.install();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Appendix A").getRange(formulaCell).formulas = [
        [`=KPI.RATE(E${kpi18},"KPI-18")`],
      ];
      await context.sync();
    });
    const user = userEvent.setup();
    render(<App theme={webLightTheme} />);
    await screen.findByRole("button", { name: new RegExp(`^${measure}`) }, { timeout: 10_000 });
    await waitFor(() => expect(sheet.cell(formulaCell).value).toBe("Amber"));
    expect(paneStatus(measure, "Jun-21")).toBe("Amber");
    await host.settled();

    const reads = countRegisterReads();
    const targetRow =
      host.table("KPIRegister").rows.findIndex((cells) => cells[0] === "KPI-18") + 2;
    // 13%: 12% now meets the target, so Green.
    await host.type("KPI Register", `F${targetRow}`, "13%");
    await host.settled();

    await waitFor(() => expect(sheet.cell(formulaCell).value).toBe("Green"));
    await waitFor(() => expect(paneStatus(measure, "Jun-21")).toBe("Green"));
    await user.click(screen.getByRole("button", { name: /^Apply RAG formatting/ }));
    await findSpoken(/^Coloured \d+ cells/);
    const painted = paintedCells(sheetValues(host, "Appendix A"), ownRulesOf(host, "Appendix A"));
    expect(painted.get(`E${kpi18}`)).toBe(green);
    expect(reads.reads).toBe(1);
  }, 30_000);
});
