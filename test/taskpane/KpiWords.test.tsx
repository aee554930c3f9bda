import { webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test } from "vitest";
import { forgetRegister } from "../../src/excel/workbook-register";
import { App } from "../../src/taskpane/App";
import { createExcelHost, type ExcelHost } from "../support";
import { fillJsdomGaps } from "./jsdom-gaps";
import { findSpoken } from "./render";

fillJsdomGaps();

let uninstall: (() => void) | undefined;
afterEach(() => {
  // The register lives in the shared runtime, not in the pane: each test starts on its own workbook.
  forgetRegister();
  uninstall?.();
  uninstall = undefined;
});

const scorecard = [
  ["Measure", "Polarity", "Aspiration", "Tolerance", "Q1", "Q2"],
  [
    "Care leavers in suitable accommodation",
    "Bigger is better",
    "90%",
    "80%",
    "85%",
    "Pending sign-off",
  ],
];

describe("the KPIWords table from the pane", () => {
  test("is inserted from the Register tab with the sheet's unknown words listed for the analyst to fill in", async () => {
    const host = createExcelHost({ Scorecard: scorecard });
    uninstall = host.install();
    const user = userEvent.setup();
    render(<App theme={webLightTheme} />);
    await screen.findByText(
      /Columns read: A measure, B polarity, D tolerance, E–F periods; C 'Aspiration' not understood: teach it in KPIWords/
    );
    await user.click(screen.getByRole("tab", { name: "Register" }));
    await user.click(screen.getByRole("button", { name: /Insert or top up the KPIWords table/ }));
    await findSpoken(
      /Inserted the KPIWords table on the sheet "KPI Register" with 2 words of this sheet the add-in could not read/
    );
    const table = host.table("KPIWords");
    expect(table.sheet).toBe("KPI Register");
    expect(table.headers).toEqual(["Word", "Means", "Seen"]);
    expect(table.rows).toEqual([
      ["Aspiration", "", "a header of the table A1:F2"],
      ["Pending sign-off", "", "cell F2"],
    ]);
    await screen.findByText(/Row 2 of KPIWords: "Aspiration" has no meaning in the Means column/);
  });

  test("reads the sheet with the words the table teaches once the analyst has filled them in", async () => {
    const host = createExcelHost({
      Scorecard: scorecard,
      "KPI Register": [
        ["Word", "Means"],
        ["Aspiration", "Target"],
        ["Pending sign-off", "No data"],
      ],
    });
    await taughtTable(host);
    uninstall = host.install();
    const user = userEvent.setup();
    render(<App theme={webLightTheme} />);
    await screen.findByText(
      /Columns read: A measure, B polarity, C target \(Aspiration\), D tolerance, E–F periods/
    );
    // 85% against a target of 90% and a tolerance of 80%, bigger is better: Amber; Pending sign-off is No data.
    const line = screen.getByRole("button", { name: /^Care leavers in suitable accommodation/ });
    expect(line.textContent).toMatch(/85%Amber$/);
    await user.click(line);
    const details = document.getElementById(line.getAttribute("aria-controls")!)!;
    expect(
      within(within(details).getByRole("list", { name: "Periods, latest first" }))
        .getAllByRole("listitem")
        .map((item) => item.querySelector("span")?.textContent)
    ).toEqual(["No data", "Amber"]);
  });
});

async function taughtTable(host: ExcelHost): Promise<void> {
  const uninstallNow = host.install();
  try {
    await Excel.run(async (context) => {
      context.workbook.worksheets
        .getItem("KPI Register")
        .tables.add("'KPI Register'!A1:B3", true).name = "KPIWords";
      context.workbook.worksheets.getItem("Scorecard").activate();
      await context.sync();
    });
  } finally {
    uninstallNow();
  }
}
