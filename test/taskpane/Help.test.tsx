import { screen } from "@testing-library/react";
import { describe, expect, test, vi } from "vitest";
import { Help } from "../../src/taskpane/components/Help";
import { renderInFluent, seriousAccessibilityProblems } from "./render";

const report =
  "KPI RAG self-check, 2026-12-01 22:40 UTC\nExcel: PC 16.0\n\nPASS  A read of 6,000 rows is split into blocks: 2 blocks\n\nAll 1 checks passed";

describe("Help and Check this Excel", () => {
  test("runs the check when the button is pressed, and not while the pane is busy", async () => {
    const onCheckThisExcel = vi.fn();
    const { user, rerender } = renderInFluent(
      <Help busy={false} selfCheck={{ running: false }} onCheckThisExcel={onCheckThisExcel} />
    );
    await user.click(screen.getByRole("button", { name: "Check this Excel" }));
    expect(onCheckThisExcel).toHaveBeenCalledTimes(1);
    rerender(<Help busy selfCheck={{ running: true }} onCheckThisExcel={onCheckThisExcel} />);
    await user.click(screen.getByRole("button", { name: "Check this Excel" }));
    expect(onCheckThisExcel).toHaveBeenCalledTimes(1);
  });

  test("says the verdict first, in a live region, then shows the report as text to copy, labelled, and copies it", async () => {
    const { user, container } = renderInFluent(
      <Help busy={false} selfCheck={{ running: false, report }} onCheckThisExcel={vi.fn()} />
    );
    const text = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Self-check report" });
    expect(text.value).toBe(report);
    expect(text.readOnly).toBe(true);
    expect(screen.getByRole("status").textContent).toBe("All 1 checks passed");
    expect(
      screen.getByRole("status").compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Copy the report" }));
    expect(await navigator.clipboard.readText()).toBe(report);
    screen.getByRole("button", { name: "Copied" });
    expect(await seriousAccessibilityProblems(container)).toEqual([]);
  });
});
