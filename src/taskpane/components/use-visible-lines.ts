/**
 * Which lines of a long list are in the pane's view, for a list the page itself scrolls (a task pane scrolls
 * as one page: no box scrolling inside it). Closed lines share one height, measured from any drawn one; an
 * opened line's own height is measured (at once when it opens, then by a ResizeObserver as its text wraps),
 * so the lines below it move down and scrolling stays right.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type RefObject,
} from "react";
import { lineStarts, linesBetween, type LineRange } from "./line-positions";

/** A closed line's height before one is measured: a 20 px line of text, 4 px above and below, a 1 px rule. */
export const closedLineHeight = 29;
/** Lines drawn beyond each edge of the view, so a line is there before it scrolls in. */
export const spareLines = 5;

/** The attribute a drawn line carries with its key, for measuring it. */
const keyAttribute = "data-line-key";

export interface VisibleLines {
  /** For the list element: its place on the page decides which lines are in view. */
  listRef: RefObject<HTMLUListElement>;
  /** For each drawn line's element, with `lineKeyProps(key)` on it: measured as it changes height. */
  lineRef(element: HTMLElement | null): void;
  /** Each line's top within the list, and the list's height last. */
  starts: Float64Array;
  /** The lines in view, with the spare ones. */
  range: LineRange;
}

export const lineKeyProps = (key: number): Record<string, string> => ({
  [keyAttribute]: String(key),
});

/** `keys`: one number a line, the same for the same line after a re-read; `open`: the keys of opened lines. */
export function useVisibleLines(keys: readonly number[], open: ReadonlySet<number>): VisibleLines {
  const listRef = useRef<HTMLUListElement>(null);
  const [closedHeight, setClosedHeight] = useState(closedLineHeight);
  // Opened lines' heights by key, kept in a ref and redrawn by a count: measuring is frequent, changes rare.
  const openedHeights = useRef(new Map<number, number>());
  const [measured, remeasured] = useReducer((count: number) => count + 1, 0);
  const starts = useMemo(
    () => {
      const opened = openedHeights.current;
      // With no line open (as on opening), every line is one height: no lookup per line of 10,000.
      return lineStarts(
        keys.length,
        opened.size === 0 ? () => closedHeight : (index) => opened.get(keys[index]) ?? closedHeight
      );
    },
    // `measured` stands for openedHeights' contents.
    [keys, closedHeight, measured]
  );
  const [range, setRange] = useState<LineRange>(() => ({
    first: 0,
    end: Math.min(keys.length, Math.ceil(window.innerHeight / closedLineHeight) + spareLines),
  }));

  const latest = useRef({ starts, open });
  latest.current = { starts, open };

  const findRange = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const top = list.getBoundingClientRect().top;
    const next = linesBetween(latest.current.starts, -top, window.innerHeight - top, spareLines);
    setRange((shown) => (shown.first === next.first && shown.end === next.end ? shown : next));
  }, []);

  /** Takes the heights of drawn lines: a closed one sets every closed line's, an opened one its own. */
  const takeHeights = useCallback((heights: ReadonlyArray<readonly [number, number]>) => {
    let changed = false;
    let closed: number | undefined;
    for (const [key, height] of heights) {
      if (!(height > 0)) continue; // not laid out (hidden, or no layout at all)
      if (latest.current.open.has(key)) {
        if (Math.abs((openedHeights.current.get(key) ?? 0) - height) >= 0.5) {
          openedHeights.current.set(key, height);
          changed = true;
        }
      } else {
        closed = height;
        changed = openedHeights.current.delete(key) || changed;
      }
    }
    if (closed !== undefined) {
      const height = closed;
      setClosedHeight((before) => (Math.abs(before - height) < 0.5 ? before : height));
    }
    if (changed) remeasured();
  }, []);

  const drawnLines = useRef(new Set<HTMLElement>());
  const resizes = useRef<ResizeObserver | undefined>(undefined);
  const lineRef = useCallback((element: HTMLElement | null) => {
    if (!element) return;
    drawnLines.current.add(element);
    resizes.current?.observe(element);
  }, []);

  /** Measures the drawn lines now, before the browser paints: an opened line pushes the ones below at once. */
  const measureDrawn = useCallback(() => {
    const heights: Array<[number, number]> = [];
    for (const element of drawnLines.current) {
      if (!element.isConnected) {
        drawnLines.current.delete(element);
        resizes.current?.unobserve(element);
        continue;
      }
      heights.push([
        Number(element.getAttribute(keyAttribute)),
        element.getBoundingClientRect().height,
      ]);
    }
    takeHeights(heights);
  }, [takeHeights]);

  useLayoutEffect(measureDrawn, [measureDrawn, open, range, keys]);
  useLayoutEffect(findRange, [findRange, starts]);

  useEffect(() => {
    // Any scroll (the page's, or a box around the list) and any change of the pane's size moves the view.
    document.addEventListener("scroll", findRange, { capture: true, passive: true });
    window.addEventListener("resize", findRange);
    if (typeof ResizeObserver === "undefined") {
      return () => {
        document.removeEventListener("scroll", findRange, { capture: true });
        window.removeEventListener("resize", findRange);
      };
    }
    const lines = new ResizeObserver((entries) =>
      takeHeights(
        entries.map((entry) => [
          Number(entry.target.getAttribute(keyAttribute)),
          entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height,
        ])
      )
    );
    resizes.current = lines;
    drawnLines.current.forEach((element) => lines.observe(element));
    // What is above the list (a message, a warning) moves it down without a scroll.
    const page = new ResizeObserver(findRange);
    page.observe(document.body);
    return () => {
      document.removeEventListener("scroll", findRange, { capture: true });
      window.removeEventListener("resize", findRange);
      lines.disconnect();
      page.disconnect();
      resizes.current = undefined;
    };
  }, [findRange, takeHeights]);

  return { listRef, lineRef, starts, range };
}
