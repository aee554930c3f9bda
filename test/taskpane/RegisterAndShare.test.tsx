import { screen } from "@testing-library/react";
import { describe, expect, test, vi } from "vitest";
import { Register } from "../../src/taskpane/components/Register";
import { Share } from "../../src/taskpane/components/Share";
import { renderInFluent, seriousAccessibilityProblems } from "./render";

describe("the KPI register", () => {
  test("explains the KPIRegister table", () => {
    renderInFluent(<Register problems={[]} busy={false} onInsertRegister={vi.fn()} />);
    screen.getByText(/The KPIRegister table, on a sheet called KPI Register/);
  });

  test("inserts or tops up the register when the button is clicked", async () => {
    const onInsertRegister = vi.fn();
    const { user } = renderInFluent(
      <Register problems={[]} busy={false} onInsertRegister={onInsertRegister} />
    );
    await user.click(
      screen.getByRole("button", { name: "Insert or top up the KPI register table" })
    );
    expect(onInsertRegister).toHaveBeenCalledTimes(1);
  });

  test("inserts the register by keyboard: Tab to the button and press Enter", async () => {
    const onInsertRegister = vi.fn();
    const { user } = renderInFluent(
      <Register problems={[]} busy={false} onInsertRegister={onInsertRegister} />
    );
    await user.tab();
    await user.keyboard("{Enter}");
    expect(onInsertRegister).toHaveBeenCalledTimes(1);
  });

  test("lists the register's problems in words", () => {
    const problems = [
      'KPI-18: the polarity "Sideways" is not wording the add-in knows',
      "KPI-4 appears twice; the first row is used",
    ];
    renderInFluent(<Register problems={problems} busy={false} onInsertRegister={vi.fn()} />);
    screen.getByRole("heading", { name: "Problems in the KPI register" });
    expect(screen.getAllByRole("listitem").map((item) => item.textContent)).toEqual(problems);
  });

  test("does not insert while the pane is busy", async () => {
    const onInsertRegister = vi.fn();
    const { user } = renderInFluent(
      <Register problems={[]} busy onInsertRegister={onInsertRegister} />
    );
    await user.click(
      screen.getByRole("button", { name: "Insert or top up the KPI register table" })
    );
    expect(onInsertRegister).not.toHaveBeenCalled();
  });

  test("has no serious accessibility problems", async () => {
    const { container } = renderInFluent(
      <Register
        problems={["KPI-4 appears twice; the first row is used"]}
        busy={false}
        onInsertRegister={vi.fn()}
      />
    );
    expect(await seriousAccessibilityProblems(container)).toEqual([]);
  });
});

describe("sharing the sheet", () => {
  test("explains that KPI. formulas become their values in the copy", () => {
    renderInFluent(<Share busy={false} onShareCopy={vi.fn()} />);
    screen.getByText(
      /replaces every KPI\. formula with its value: people without KPI RAG see the same figures/
    );
  });

  test("makes a shareable copy when the button is clicked, or by Tab and Enter", async () => {
    const onShareCopy = vi.fn();
    const { user } = renderInFluent(<Share busy={false} onShareCopy={onShareCopy} />);
    await user.click(screen.getByRole("button", { name: "Make a shareable copy of this sheet" }));
    (document.activeElement as HTMLElement).blur();
    await user.tab();
    await user.keyboard("{Enter}");
    expect(onShareCopy).toHaveBeenCalledTimes(2);
  });

  test("does not make a copy while the pane is busy", async () => {
    const onShareCopy = vi.fn();
    const { user } = renderInFluent(<Share busy onShareCopy={onShareCopy} />);
    await user.click(screen.getByRole("button", { name: "Make a shareable copy of this sheet" }));
    expect(onShareCopy).not.toHaveBeenCalled();
  });

  test("has no serious accessibility problems", async () => {
    const { container } = renderInFluent(<Share busy={false} onShareCopy={vi.fn()} />);
    expect(await seriousAccessibilityProblems(container)).toEqual([]);
  });
});

describe("the council scheme in the Register view", () => {
  test("offers the schemes by name, Standard first, and chooses the one selected", async () => {
    const onChooseScheme = vi.fn();
    const { user } = renderInFluent(
      <Register
        problems={[]}
        busy={false}
        onInsertRegister={vi.fn()}
        onChooseScheme={onChooseScheme}
      />
    );
    const schemes = screen.getByRole("combobox", { name: "Scheme" });
    expect(Array.from((schemes as HTMLSelectElement).options).map((option) => option.text)).toEqual(
      [
        "Standard",
        "Green and Red only",
        "Blue for exceeding",
        "Percentage of target",
        "Amber by direction",
      ]
    );
    await user.selectOptions(schemes, "Percentage of target");
    await user.click(
      screen.getByRole("button", { name: "Choose this scheme in the KPISettings table" })
    );
    expect(onChooseScheme).toHaveBeenCalledWith("Percentage of target");
  });

  test("chooses nothing while the pane is busy", async () => {
    const onChooseScheme = vi.fn();
    const { user } = renderInFluent(
      <Register problems={[]} busy onInsertRegister={vi.fn()} onChooseScheme={onChooseScheme} />
    );
    await user.click(
      screen.getByRole("button", { name: "Choose this scheme in the KPISettings table" })
    );
    expect(onChooseScheme).not.toHaveBeenCalled();
  });
});
