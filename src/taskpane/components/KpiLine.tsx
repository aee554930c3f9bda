/**
 * One KPI on one line (its measure, latest figure and status in words) that opens to its details: its
 * definition, every period latest first with the figure and the reason, its direction of travel, its
 * comparisons and its problems. The details are built only while the line is open.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { memo, useId, type KeyboardEvent } from "react";
import { describeComparison, verdictGlyph, type RowReport } from "../../core";
import { latestCell, latestFirst } from "../kpi-lines";
import { StatusBadge } from "./StatusBadge";
import { lineKeyProps } from "./use-visible-lines";

const useStyles = makeStyles({
  // Placed by the list at its own top, so only the lines in view need to be drawn.
  line: {
    position: "absolute",
    insetInline: 0,
    boxSizing: "border-box",
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: "solid",
    borderBottomColor: tokens.colorNeutralStroke2,
  },
  toggle: {
    display: "grid",
    gridTemplateColumns: "1em minmax(0, 1fr) auto",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalXS,
    width: "100%",
    padding: `${tokens.spacingVerticalXS} 0`,
    border: "none",
    backgroundColor: "transparent",
    color: "inherit",
    font: "inherit",
    textAlign: "start",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  chevron: { color: tokens.colorNeutralForeground3 },
  // One line a KPI, cut short with an ellipsis: the whole measure is in its details and its accessible name.
  measure: { overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis" },
  answer: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  figure: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  problemMark: {
    color: tokens.colorStatusWarningForeground3,
    fontWeight: tokens.fontWeightSemibold,
  },
  details: {
    paddingBlock: `0 ${tokens.spacingVerticalS}`,
    paddingInlineStart: "1.25em",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
    "& p": { margin: `${tokens.spacingVerticalXXS} 0` },
  },
  periods: { listStyle: "none", margin: 0, padding: 0 },
  period: { marginBlock: tokens.spacingVerticalXXS },
  reason: { display: "block", color: tokens.colorNeutralForeground3 },
  warning: { color: tokens.colorStatusWarningForeground3, margin: 0 },
  list: { margin: `${tokens.spacingVerticalXXS} 0`, paddingInlineStart: tokens.spacingHorizontalL },
  glyph: { display: "inline-block", width: "1.2em" },
});

export interface KpiLineProps {
  row: RowReport;
  /** Figures in words by address; headline cells by address (see kpi-lines.ts). */
  figures: Record<string, string>;
  headlines: ReadonlySet<string>;
  /** The line's place in its table (from 0), the table's number of KPIs, and its top within the list. */
  index: number;
  count: number;
  top: number;
  open: boolean;
  /** The one line of the list that Tab reaches (a roving tabindex). */
  tabbable: boolean;
  onToggle(index: number): void;
  onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number): void;
  onFocus(index: number): void;
  lineRef(element: HTMLElement | null): void;
}

/** Drawn again only when its own facts change, not when the list scrolls to other lines. */
export const KpiLine = memo(function KpiLine(props: KpiLineProps) {
  const { row, figures, headlines, index, open } = props;
  const styles = useStyles();
  const detailsId = useId();
  const latest = latestCell(row, headlines);
  const figure = latest ? figures[latest.address] : undefined;
  return (
    <li
      ref={props.lineRef}
      {...lineKeyProps(row.row)}
      data-index={index}
      // Most lines are not in the page: these say where this one is among all of them.
      aria-setsize={props.count}
      aria-posinset={index + 1}
      className={styles.line}
      style={{ top: props.top }}
    >
      <button
        type="button"
        className={styles.toggle}
        tabIndex={props.tabbable ? 0 : -1}
        aria-expanded={open}
        aria-controls={open ? detailsId : undefined}
        onClick={() => props.onToggle(index)}
        onKeyDown={(event) => props.onKeyDown(event, index)}
        onFocus={() => props.onFocus(index)}
      >
        <span className={styles.chevron} aria-hidden="true">
          {open ? "▾" : "▸"}
        </span>
        <span className={styles.measure}>
          {row.measure}
          {row.problems.length > 0 && <span className={styles.problemMark}> · Problem</span>}
        </span>
        <span className={styles.answer}>
          {latest ? (
            <>
              {figure !== undefined && <span className={styles.figure}>{figure}</span>}
              <StatusBadge status={latest.status} />
            </>
          ) : (
            <StatusBadge status="No data" />
          )}
        </span>
      </button>
      {open && <KpiDetails id={detailsId} row={row} figures={figures} headlines={headlines} />}
    </li>
  );
});

function KpiDetails({
  id,
  row,
  figures,
  headlines,
}: {
  id: string;
  row: RowReport;
  figures: Record<string, string>;
  headlines: ReadonlySet<string>;
}) {
  const styles = useStyles();
  return (
    <div id={id} className={styles.details}>
      <p className={styles.reason}>
        {[row.id, row.section, `row ${row.row}`].filter(Boolean).join(" · ")}
      </p>
      <p>{row.definition}</p>
      <Problems problems={row.problems} />
      <ul className={styles.periods} aria-label="Periods, latest first">
        {latestFirst(row, headlines).map((cell) => (
          <li key={cell.address} className={styles.period}>
            {cell.period}: {figures[cell.address] !== undefined && `${figures[cell.address]} `}
            <StatusBadge status={cell.status} />
            <span className={styles.reason}>{cell.reason}</span>
          </li>
        ))}
      </ul>
      <p>Direction of travel: {row.directionOfTravel}</p>
      <AgainstBenchmarks row={row} />
    </div>
  );
}

/** How the KPI stands against each benchmark beside it, and its rankings; nothing where it has none. */
function AgainstBenchmarks({ row }: { row: RowReport }) {
  const styles = useStyles();
  if (row.comparisons.length + row.rankings.length === 0) return null;
  return (
    <ul className={styles.periods} aria-label="Against benchmarks">
      {row.comparisons.map((comparison) => (
        <li key={`${comparison.benchmark}|${comparison.year}`}>
          <span className={styles.glyph} aria-hidden="true">
            {verdictGlyph(comparison.verdict)}
          </span>
          {describeComparison(comparison)}
          <span className={styles.reason} data-reason="">
            {comparison.reason}
          </span>
        </li>
      ))}
      {row.rankings.map((ranking) => (
        <li key={ranking.label}>
          <span className={styles.glyph} aria-hidden="true" />
          {ranking.label}: {ranking.text}
        </li>
      ))}
    </ul>
  );
}

function Problems({ problems }: { problems: readonly string[] }) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <div className={styles.warning}>
      <strong>⚠ {problems.length === 1 ? "Problem" : "Problems"}</strong>
      <ul className={styles.list}>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
