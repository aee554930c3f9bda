/** Rendering inside Fluent's provider, as index.tsx does, with a user-event session and an axe check. */
import { FluentProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { expect } from "vitest";
import axe from "axe-core";
import type { ReactElement } from "react";
import { loadLaterViews } from "../../src/taskpane/components/later-views";
import { fillJsdomGaps } from "./jsdom-gaps";

fillJsdomGaps();
// The views the pane loads after opening, loaded before any test draws them, so each is drawn at once.
await loadLaterViews();

export function renderInFluent(element: ReactElement, theme: Theme = webLightTheme) {
  const user = userEvent.setup();
  const rendered = render(<FluentProvider theme={theme}>{element}</FluentProvider>);
  return { user, ...rendered };
}

/** The serious and critical axe violations, as "rule: first offending element" lines (jsdom has no layout, so no contrast check). */
export async function seriousAccessibilityProblems(container: Element): Promise<string[]> {
  const results = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes[0]?.html ?? ""})`);
}

/** A colour as jsdom reports an inline style: "#C6EFCE" becomes "rgb(198, 239, 206)". */
export function asStyleColour(hex: string): string {
  const [red, green, blue] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${red}, ${green}, ${blue})`;
}

/** What the pane's live regions say now: its message (polite or alert) and what it is busy with. */
export function spoken(kind: "message" | "alert" | "busy" = "message"): string {
  return document.querySelector(`[data-live="${kind}"]`)?.textContent ?? "";
}

/** Waits until a live region says these words, and returns what it said. */
export async function findSpoken(
  words: RegExp | string,
  kind: "message" | "alert" = "message"
): Promise<string> {
  const matcher =
    typeof words === "string" ? new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : words;
  await waitFor(() => expect(spoken(kind)).toMatch(matcher), { timeout: 5000 });
  return spoken(kind);
}

/** Opens a view: a tab, or Share and Help inside the More tab. */
export async function openView(user: UserEvent, view: string): Promise<void> {
  const tab = screen.queryByRole("tab", { name: view });
  if (tab) {
    await user.click(tab);
    return;
  }
  await user.click(screen.getByRole("tab", { name: "More" }));
  const more = await screen.findByRole("group", { name: "More" });
  await user.click(within(more).getByRole("button", { name: view }));
}

/** Opens every KPI line's details, as an analyst would one by one. */
export async function openEveryLine(user: UserEvent): Promise<void> {
  for (const line of screen.queryAllByRole("button", { expanded: false })) await user.click(line);
}

/** A list item's words without the reason shown under it. */
export function withoutReason(item: Element): string {
  const copy = item.cloneNode(true) as Element;
  copy.querySelectorAll("[data-reason]").forEach((reason) => reason.remove());
  return copy.textContent ?? "";
}

/** The reason shown under a list item. */
export function reasonOf(item: Element): string {
  return item.querySelector("[data-reason]")?.textContent ?? "";
}
