/** Rendering inside Fluent's provider, as index.tsx does, with a user-event session and an axe check. */
import { FluentProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import type { ReactElement } from "react";
import { fillJsdomGaps } from "./jsdom-gaps";

fillJsdomGaps();

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
