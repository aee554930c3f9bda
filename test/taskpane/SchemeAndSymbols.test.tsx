/** The pane names the scheme that rates the sheet, and its switch makes Apply show status symbols. */
import { webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test } from "vitest";
import { forgetRegister } from "../../src/excel/workbook-register";
import { App } from "../../src/taskpane/App";
import { Pane } from "../../src/taskpane/components/Pane";
import { createExcelHost } from "../support";
import { paintedCells } from "../support/rule-engine";
import { expected, values } from "../core/schemes-sheet";
import { readyState, recordingActions } from "./appendix";
import { fillJsdomGaps } from "./jsdom-gaps";
import { renderInFluent } from "./render";

fillJsdomGaps();

let uninstall: (() => void) | undefined;
afterEach(() => {
  forgetRegister();
  uninstall?.();
  uninstall = undefined;
});

describe("the scheme and the symbols switch", () => {
  test("names the scheme that rates the sheet beside the formatting", () => {
    renderInFluent(
      <Pane state={readyState({ scheme: "Amber by direction" })} actions={recordingActions()} />
    );
    screen.getByText("Amber by direction");
  });

  test("asks for symbols when the analyst turns the switch on", async () => {
    const actions = recordingActions();
    const { user } = renderInFluent(<Pane state={readyState()} actions={actions} />);
    await user.click(screen.getByRole("switch", { name: /Show status symbols/ }));
    expect(actions.showSymbols).toHaveBeenCalledWith(true);
  });

  test("applies the workbook's Blue scheme with symbols: the colours the judge paints are the hand-worked ones, each rule with its symbol", async () => {
    const host = createExcelHost({
      Scorecard: values,
      "KPI Register": [
        ["Setting", "Value"],
        ["Scheme", "Blue for exceeding"],
        ["Blue at", "5% better than target"],
        ["Symbols", "Yes"],
      ],
    });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("KPI Register").tables.add("A1:B4", true).name =
        "KPISettings";
      context.workbook.worksheets.getItem("Scorecard").activate();
      await context.sync();
    });
    uninstall = host.install();
    const user = userEvent.setup();
    render(<App theme={webLightTheme} />);
    await screen.findByText("Blue for exceeding (Blue at 5% better than target)");
    expect(screen.getByRole("switch", { name: /Show status symbols/ })).toHaveProperty(
      "checked",
      true
    );
    await user.click(screen.getByRole("button", { name: "Apply RAG formatting" }));
    expect(await screen.findAllByText(/^Coloured \d+ cells? of \d+ KPIs?/)).not.toHaveLength(0);
    const rules = host.sheet("Scorecard").conditionalFormats();
    const byFill: Record<string, string> = {
      "#BDD7EE": "Blue",
      "#C6EFCE": "Green",
      "#FFEB9C": "Amber",
      "#FFC7CE": "Red",
    };
    const painted = paintedCells(
      values,
      rules.map((rule) => ({
        formula: rule.formula ?? "",
        appliesTo: rule.appliesTo.split(/,\s*/),
        fill: rule.fill ?? "",
      }))
    );
    const hand = expected["Blue for exceeding, Blue at 5% better than target"];
    expect(
      Object.fromEntries([...painted].map(([address, fill]) => [address, byFill[fill]]))
    ).toEqual(
      Object.fromEntries(
        hand.flatMap((row, index) =>
          row.map((status, column) => [`${"EFG"[column]}${index + 2}`, status])
        )
      )
    );
    const symbolOf = { "#BDD7EE": "★", "#C6EFCE": "✓", "#FFEB9C": "!", "#FFC7CE": "✗" };
    // Excel keeps "95%" typed in a cell as 0.95 formatted 0%: the symbol goes before that format.
    for (const rule of rules)
      expect(rule.numberFormat).toBe(`"${symbolOf[rule.fill as keyof typeof symbolOf]} "0%`);
  });
});

describe("choosing the scheme in the Register view", () => {
  test("inserts the KPISettings table with the scheme chosen, and the pane then rates the sheet by it", async () => {
    const host = createExcelHost({ Scorecard: values });
    uninstall = host.install();
    const user = userEvent.setup();
    render(<App theme={webLightTheme} />);
    await screen.findByText("Standard");
    await user.click(screen.getByRole("tab", { name: "Register" }));
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Scheme" }),
      "Green and Red only"
    );
    await user.click(
      screen.getByRole("button", { name: "Choose this scheme in the KPISettings table" })
    );
    // Said in the message bar and in its live region.
    expect(
      await screen.findAllByText(
        'Inserted the KPISettings table on the sheet "KPI Register": this workbook is rated by Green and Red only.'
      )
    ).not.toHaveLength(0);
    expect(host.table("KPISettings").rows).toEqual([["Scheme", "Green and Red only"]]);
    await user.click(screen.getByRole("tab", { name: "KPIs" }));
    await screen.findByText("Green and Red only");
  });
});
