import { webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { afterEach, describe, test } from "vitest";
import { forgetRegister } from "../../src/excel/workbook-register";
import { App } from "../../src/taskpane/App";
import { createExcelHost, type ExcelHost } from "../support";
import { fillJsdomGaps } from "./jsdom-gaps";

fillJsdomGaps();

let uninstall: (() => void) | undefined;
afterEach(() => {
  // The register lives in the shared runtime, not in the pane: each test starts on its own workbook.
  forgetRegister();
  uninstall?.();
  uninstall = undefined;
});

function openPane(host: ExcelHost): void {
  uninstall = host.install();
  render(<App theme={webLightTheme} />);
}

/** A council scorecard with its own words, and a dashboard with no thresholds at all. */
function councilWorkbook(): ExcelHost {
  return createExcelHost({
    Scorecard: [
      [
        "Ref",
        "Indicator Description",
        "Good is",
        "Annual target",
        "Floor",
        "Q1",
        "Q2",
        "DoT",
        "RAG",
        "England",
        "SN",
      ],
      [
        "CP-1",
        "Child protection plans reviewed in timescale",
        "Bigger is better",
        "95%",
        "85%",
        "97%",
        "88%",
        "↓",
        "Amber",
        "91%",
        "90%",
      ],
    ],
    Dashboard: [
      ["Indicator Description", "2021/22", "2022/23"],
      ["Children in care", 598, 612],
    ],
  });
}

describe("the pane says what it read", () => {
  test("shows each table's column map under its heading", async () => {
    openPane(councilWorkbook());
    await screen.findByRole("heading", { name: "Table A1:G2: 1 KPI" });
    screen.getByText(
      "Columns read: A row reference (Ref), B measure (Indicator Description), C polarity (Good is), D target (Annual target), E tolerance (Floor), F–G periods; H DoT, I RAG, J England, K SN left alone"
    );
  });

  test("says why a sheet with no KPI table was skipped, naming the nearest miss", async () => {
    const host = councilWorkbook();
    openPane(host);
    await screen.findByRole("heading", { name: "Table A1:G2: 1 KPI" });
    await host.activate("Dashboard");
    await screen.findByText(/No KPI table found on this sheet/);
    screen.getByText(
      "This sheet was skipped: row 1 has a measure column ('Indicator Description') and periods but no polarity, target or KPI number column, so there is nothing to rate its measures against."
    );
  });
});
