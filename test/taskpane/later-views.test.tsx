import { screen } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { later } from "../../src/taskpane/components/later-views";
import { renderInFluent } from "./render";

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe("a view loaded after the pane opens", () => {
  test("says Loading… until its script arrives, then draws the view", async () => {
    let arrive: (view: typeof Greeting) => void = () => undefined;
    const { View } = later<{ name: string }>(() => new Promise((resolve) => (arrive = resolve)));
    renderInFluent(<View name="analyst" />);
    screen.getByText("Loading…");
    arrive(Greeting);
    await screen.findByText("Hello analyst");
    expect(screen.queryByText("Loading…")).toBeNull();
  });

  test("says it could not be loaded, and draws it when Try again succeeds", async () => {
    let attempts = 0;
    const { View } = later<{ name: string }>(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("Loading chunk summary failed");
      return Greeting;
    });
    const { user } = renderInFluent(<View name="analyst" />);
    expect((await screen.findByRole("alert")).textContent).toContain(
      "This view could not be loaded."
    );
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await screen.findByText("Hello analyst");
    expect(attempts).toBe(2);
  });

  test("is drawn at once, with no Loading…, once loaded", async () => {
    const { View, load } = later<{ name: string }>(async () => Greeting);
    await load();
    renderInFluent(<View name="analyst" />);
    screen.getByText("Hello analyst");
  });
});
