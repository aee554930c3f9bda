/**
 * A table's KPI lines as one list, drawing only the lines in (and just around) the pane's view, so a sheet of
 * 10,000 KPIs draws about thirty. The list keeps its whole height, so the page scrolls as if every line were
 * there; a screen reader hears each line's place among all of them (aria-posinset of aria-setsize).
 * Keyboard: Tab reaches one line (a roving tabindex), the arrow keys, Home and End move between lines, Enter
 * or Space opens one. The focused line stays drawn while it is scrolled out of view, so it keeps its focus.
 */
import { makeStyles } from "@fluentui/react-components";
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { RowReport } from "../../core";
import { KpiLine } from "./KpiLine";
import { useVisibleLines } from "./use-visible-lines";

const useStyles = makeStyles({
  lines: { position: "relative", listStyle: "none", margin: 0, padding: 0 },
});

export interface KpiListProps {
  rows: readonly RowReport[];
  /** The id of the table's heading, which names the list. */
  labelledBy: string;
  figures: Record<string, string>;
  headlines: ReadonlySet<string>;
}

/** The line a key moves to from `index`, of `count`; undefined for a key that does not move. */
function lineAfterKey(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case "ArrowDown":
      return Math.min(index + 1, count - 1);
    case "ArrowUp":
      return Math.max(index - 1, 0);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return undefined;
  }
}

export function KpiList({ rows, labelledBy, figures, headlines }: KpiListProps) {
  const styles = useStyles();
  // A line is known by its sheet row, so an opened line stays open when the sheet is read again.
  const keys = useMemo(() => rows.map((row) => row.row), [rows]);
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  const [active, setActive] = useState(0);
  const { listRef, lineRef, starts, range } = useVisibleLines(keys, open);
  const focused = Math.min(active, rows.length - 1);
  const focusOnDraw = useRef(false);

  const toggle = useCallback(
    (index: number) => {
      const key = keys[index];
      setOpen((before) => {
        const after = new Set(before);
        if (!after.delete(key)) after.add(key);
        return after;
      });
      setActive(index);
    },
    [keys]
  );
  const move = useCallback(
    (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
      const to = lineAfterKey(event.key, index, rows.length);
      if (to === undefined) return;
      event.preventDefault(); // the page does not scroll by itself: focusing the line brings it into view
      if (to === index) return;
      focusOnDraw.current = true;
      setActive(to);
    },
    [rows.length]
  );
  // The line moved to may have been drawn just now: focus it once it is in the page.
  useLayoutEffect(() => {
    if (!focusOnDraw.current) return;
    focusOnDraw.current = false;
    listRef.current?.querySelector<HTMLElement>(`[data-index="${focused}"] > button`)?.focus();
  }, [focused, listRef]);

  const drawn: number[] = [];
  if (focused >= 0 && focused < range.first) drawn.push(focused);
  // The range found for the lines before a re-read, until it is found again for these.
  const end = Math.min(range.end, rows.length);
  for (let index = range.first; index < end; index += 1) drawn.push(index);
  if (focused >= end) drawn.push(focused);

  return (
    <ul
      ref={listRef}
      className={styles.lines}
      aria-labelledby={labelledBy}
      style={{ height: starts[rows.length] }}
    >
      {drawn.map((index) => (
        <KpiLine
          key={keys[index]}
          row={rows[index]}
          figures={figures}
          headlines={headlines}
          index={index}
          count={rows.length}
          top={starts[index]}
          open={open.has(keys[index])}
          tabbable={index === focused}
          onToggle={toggle}
          onKeyDown={move}
          onFocus={setActive}
          lineRef={lineRef}
        />
      ))}
    </ul>
  );
}
