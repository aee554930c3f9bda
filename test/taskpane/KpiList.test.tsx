/**
 * The virtualised KPI list: of 10,000 KPIs only the lines in the pane's view are drawn, each saying its place
 * among all of them; scrolling draws later lines; the keyboard moves between lines and opens them; and a
 * line's details exist only while it is open. jsdom lays nothing out, so where a test needs the list to be
 * scrolled or a line to have a height, it gives the element that position or height, as a browser would.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { act, fireEvent, screen } from "@testing-library/react";
import type { RowReport } from "../../src/core";
import { latestFirst } from "../../src/taskpane/kpi-lines";
import { KpiTables } from "../../src/taskpane/components/KpiTables";
import { closedLineHeight, spareLines } from "../../src/taskpane/components/use-visible-lines";
import { readyState } from "./appendix";
import { renderInFluent, seriousAccessibilityProblems } from "./render";

// Counts the work of building a line's details: each period latest first.
vi.mock("../../src/taskpane/kpi-lines", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/taskpane/kpi-lines")>();
  return { ...actual, latestFirst: vi.fn(actual.latestFirst) };
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.mocked(latestFirst).mockClear();
});

/** A table of `count` KPIs made from Appendix I's rows, numbered "KPI number 1" onwards. */
function drawnKpis(count: number) {
  const state = readyState();
  const [table] = state.tables;
  const rows: RowReport[] = Array.from({ length: count }, (_, index) => ({
    ...table.rows[index % table.rows.length],
    row: index + 3,
    measure: `KPI number ${index + 1}`,
  }));
  const drawn = renderInFluent(
    <KpiTables tables={[{ ...table, rows }]} figures={state.figures} headlines={state.headlines} />
  );
  const list = screen.getByRole("list", { name: `Table ${table.address}: ${count} KPIs` });
  return { ...drawn, list, rows };
}

/** The drawn lines' places in the list (aria-posinset), in the order they are in the page. */
function drawnPlaces(list: HTMLElement): number[] {
  return [...list.querySelectorAll(":scope > li")].map((line) =>
    Number(line.getAttribute("aria-posinset"))
  );
}

/** The line button at a place in the list (from 1), if it is drawn. */
function lineAt(list: HTMLElement, place: number): HTMLButtonElement | null {
  return list.querySelector(`:scope > li[aria-posinset="${place}"] > button`);
}

/** Tabs into the list, from the table's "How the columns were read" just above it. */
async function tabIntoList(user: ReturnType<typeof drawnKpis>["user"]): Promise<void> {
  screen.getByText("How the columns were read").focus();
  await user.tab();
}

/** Scrolls the page so the list's top is `top` pixels from the view's top (negative: scrolled past). */
function scrollListTo(list: HTMLElement, top: number): void {
  vi.spyOn(list, "getBoundingClientRect").mockReturnValue(
    DOMRect.fromRect({ x: 0, y: top, width: 350, height: 290_000 })
  );
  fireEvent.scroll(document);
}

describe("a long list of KPIs, drawn only where the pane shows it", () => {
  test("draws fewer than 60 lines of a table of 10,000 KPIs, the first ones, each saying its place among 10,000", () => {
    const { list } = drawnKpis(10_000);
    const places = drawnPlaces(list);
    expect(places.length).toBeLessThan(60);
    expect(places.length).toBeGreaterThan(window.innerHeight / closedLineHeight);
    expect(places.slice(0, 3)).toEqual([1, 2, 3]);
    const lines = [...list.querySelectorAll(":scope > li")];
    expect(lines.every((line) => line.getAttribute("aria-setsize") === "10000")).toBe(true);
    screen.getByRole("button", { name: /^KPI number 1\b/ });
    expect(screen.queryByRole("button", { name: /^KPI number 100\b/ })).toBeNull();
  });

  test("keeps the list as tall as all its lines, so the page scrolls as if every KPI were drawn", () => {
    const { list } = drawnKpis(10_000);
    expect(list.style.height).toBe(`${10_000 * closedLineHeight}px`);
    expect(lineAt(list, 3)?.parentElement?.style.top).toBe(`${2 * closedLineHeight}px`);
  });

  test("draws the lines around the middle of the list when the pane is scrolled there, and the focused line still", () => {
    const { list } = drawnKpis(10_000);
    scrollListTo(list, -5000 * closedLineHeight);
    const inView = Math.ceil(window.innerHeight / closedLineHeight);
    const places = drawnPlaces(list);
    expect(places[0]).toBe(1); // the line Tab reaches
    expect(places[1]).toBe(5001 - spareLines);
    expect(places[places.length - 1]).toBe(5000 + inView + spareLines);
    screen.getByRole("button", { name: /^KPI number 5001\b/ });
    expect(screen.queryByRole("button", { name: /^KPI number 2\b/ })).toBeNull();
  });

  test("draws the last lines when scrolled to the end of 10,000", () => {
    const { list } = drawnKpis(10_000);
    scrollListTo(list, -(10_000 * closedLineHeight - window.innerHeight));
    expect(drawnPlaces(list).slice(-2)).toEqual([9999, 10_000]);
    screen.getByRole("button", { name: /^KPI number 10000\b/ });
  });

  test("lets Tab reach one line only, and moves between lines with the arrow keys, Home and End", async () => {
    const { list, user } = drawnKpis(10_000);
    const tabbable = list.querySelectorAll('button[tabindex="0"]');
    expect(tabbable).toHaveLength(1);
    expect(tabbable[0]).toBe(lineAt(list, 1));
    await tabIntoList(user);
    expect(document.activeElement).toBe(lineAt(list, 1));
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(document.activeElement).toBe(lineAt(list, 3));
    expect(lineAt(list, 3)?.tabIndex).toBe(0);
    expect(lineAt(list, 1)?.tabIndex).toBe(-1);
    await user.keyboard("{ArrowUp}");
    expect(document.activeElement).toBe(lineAt(list, 2));
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(lineAt(list, 10_000));
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(lineAt(list, 10_000));
    await user.keyboard("{Home}");
    expect(document.activeElement).toBe(lineAt(list, 1));
    await user.keyboard("{ArrowUp}");
    expect(document.activeElement).toBe(lineAt(list, 1));
  });

  test("opens the focused line with Enter and closes it with Space", async () => {
    const { list, user } = drawnKpis(10_000);
    await tabIntoList(user);
    await user.keyboard("{ArrowDown}{Enter}");
    const line = lineAt(list, 2)!;
    expect(line.getAttribute("aria-expanded")).toBe("true");
    expect(document.getElementById(line.getAttribute("aria-controls")!)?.textContent).toContain(
      "Direction of travel"
    );
    await user.keyboard(" ");
    expect(line.getAttribute("aria-expanded")).toBe("false");
  });

  test("keeps focus on a line while it is scrolled out of view and back", async () => {
    const { list, user } = drawnKpis(10_000);
    await user.click(lineAt(list, 4)!);
    const focused = document.activeElement;
    expect(focused).toBe(lineAt(list, 4));
    scrollListTo(list, -7000 * closedLineHeight);
    expect(lineAt(list, 5)).toBeNull();
    expect(document.activeElement).toBe(focused);
    expect(focused?.isConnected).toBe(true);
    scrollListTo(list, 0);
    expect(document.activeElement).toBe(focused);
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(lineAt(list, 5));
  });

  test("has no serious accessibility problems with most lines not drawn and one opened far down", async () => {
    const { container, list, user } = drawnKpis(10_000);
    scrollListTo(list, -4000 * closedLineHeight);
    await user.click(lineAt(list, 4001)!);
    expect(await seriousAccessibilityProblems(container)).toEqual([]);
  });

  test("keeps an opened line open after it is scrolled out of view and back", async () => {
    const { list, user } = drawnKpis(10_000);
    await user.click(lineAt(list, 6)!);
    await user.click(lineAt(list, 1)!);
    scrollListTo(list, -3000 * closedLineHeight);
    expect(lineAt(list, 6)).toBeNull();
    scrollListTo(list, 0);
    expect(lineAt(list, 6)?.getAttribute("aria-expanded")).toBe("true");
  });
});

describe("a KPI's details, built only when its line is opened", () => {
  test("builds no details, and lists no period, for any of 10,000 closed lines", () => {
    drawnKpis(10_000);
    expect(screen.queryAllByRole("list", { name: "Periods, latest first" })).toHaveLength(0);
    expect(screen.queryByText(/Direction of travel/)).toBeNull();
    expect(latestFirst).not.toHaveBeenCalled();
  });

  test("builds the details of the one line opened, and only of that line", async () => {
    const { list, rows, user } = drawnKpis(10_000);
    await user.click(lineAt(list, 2)!);
    expect(screen.getAllByRole("list", { name: "Periods, latest first" })).toHaveLength(1);
    expect(new Set(vi.mocked(latestFirst).mock.calls.map(([row]) => row))).toEqual(
      new Set([rows[1]])
    );
  });
});

describe("lines placed by their measured heights", () => {
  test("moves the lines below an opened line down by its details' measured height", async () => {
    // A closed line 30 px tall, an opened one 200 px, as a browser would lay them out.
    vi.spyOn(HTMLLIElement.prototype, "getBoundingClientRect").mockImplementation(function (
      this: HTMLLIElement
    ) {
      const open = this.querySelector(':scope > button[aria-expanded="true"]') !== null;
      return DOMRect.fromRect({ x: 0, y: 0, width: 350, height: open ? 200 : 30 });
    });
    const { list, user } = drawnKpis(10_000);
    expect(lineAt(list, 3)?.parentElement?.style.top).toBe("60px");
    await user.click(lineAt(list, 2)!);
    expect(lineAt(list, 3)?.parentElement?.style.top).toBe("230px");
    expect(list.style.height).toBe(`${9_999 * 30 + 200}px`);
    await user.click(lineAt(list, 2)!);
    expect(lineAt(list, 3)?.parentElement?.style.top).toBe("60px");
  });

  test("moves the lines below an opened line again when a ResizeObserver reports its new height", async () => {
    const observed: Array<(entries: ResizeObserverEntry[]) => void> = [];
    vi.stubGlobal(
      "ResizeObserver",
      class {
        constructor(report: (entries: ResizeObserverEntry[]) => void) {
          observed.push(report);
        }
        observe(): void {}
        unobserve(): void {}
        disconnect(): void {}
      }
    );
    const { list, user } = drawnKpis(10_000);
    await user.click(lineAt(list, 1)!);
    const opened = lineAt(list, 1)!.parentElement!;
    const entry = {
      target: opened,
      borderBoxSize: [{ blockSize: 321, inlineSize: 350 }],
      contentRect: DOMRect.fromRect({ height: 321 }),
    } as unknown as ResizeObserverEntry;
    act(() => observed.forEach((report) => report([entry])));
    expect(lineAt(list, 2)?.parentElement?.style.top).toBe("321px");
  });
});
