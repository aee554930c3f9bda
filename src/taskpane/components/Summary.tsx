/**
 * The summary: for each period, a small bar chart of how many figures are in each status; how the KPIs
 * stand against each benchmark; the exceptions committees ask for first (Red or Amber and worse than a
 * benchmark); and the watch list of KPIs whose latest figure is Red or Amber, which can be narrowed to
 * those that are Red and worse than one benchmark. Each item selects its row in the sheet.
 */
import {
  Button,
  Field,
  makeStyles,
  mergeClasses,
  Select,
  tokens,
} from "@fluentui/react-components";
import { borderSides } from "./border-sides";
import { useId, useState } from "react";
import {
  describeBenchmarkSummary,
  isRagStatus,
  ragPalette,
  statuses,
  type BenchmarkSummary,
  type PeriodSummary,
  type Status,
  type WatchItem,
} from "../../core";
import { useHeadingStyles } from "./headings";
import { StatusBadge } from "./StatusBadge";

const useStyles = makeStyles({
  chart: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr max-content",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  track: { height: "12px" },
  barRow: { display: "contents" },
  bar: {
    display: "block",
    height: "100%",
    minWidth: "2px",
    borderRadius: tokens.borderRadiusSmall,
    ...borderSides("Width", tokens.strokeWidthThin),
    ...borderSides("Style", "solid"),
  },
  neutralBar: {
    backgroundColor: tokens.colorNeutralStroke1,
    ...borderSides("Color", tokens.colorNeutralStrokeAccessible),
  },
  count: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    width: "100%",
    height: "auto",
    justifyContent: "flex-start",
    alignItems: "flex-start",
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
  },
  itemText: { display: "block" },
  measure: { display: "block", fontWeight: tokens.fontWeightSemibold },
  detail: { display: "block", color: tokens.colorNeutralForeground3 },
  hint: { color: tokens.colorNeutralForeground3, marginBlock: `0 ${tokens.spacingVerticalXS}` },
  benchmarks: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  // A native select is as wide as its longest option: held to the pane's width so the pane never scrolls sideways.
  filter: { marginBlockEnd: tokens.spacingVerticalS, maxWidth: "100%", minWidth: 0 },
  select: { maxWidth: "100%", minWidth: 0, "& select": { maxWidth: "100%", minWidth: 0 } },
});

export interface SummaryProps {
  summary: PeriodSummary[];
  watchList: WatchItem[];
  /** How the KPIs stand against each benchmark on the sheet; none when it has no benchmark columns. */
  benchmarks?: BenchmarkSummary[];
  /** While the pane is busy the watch-list buttons are disabled (still focusable). */
  busy: boolean;
  onSelectRow(item: WatchItem): void;
}

export function Summary({ summary, watchList, benchmarks = [], busy, onSelectRow }: SummaryProps) {
  const headings = useHeadingStyles();
  const styles = useStyles();
  return (
    <>
      <h2 className={headings.section}>Statuses by period</h2>
      {summary.length === 0 ? (
        <p>No KPI table on this sheet, so nothing to summarise.</p>
      ) : (
        <PeriodCharts summary={summary} />
      )}
      {benchmarks.length > 0 && (
        <>
          <h2 className={headings.section}>Against benchmarks</h2>
          <ul className={styles.benchmarks}>
            {benchmarks.map((benchmark) => (
              <li key={benchmark.benchmark}>{describeBenchmarkSummary(benchmark)}</li>
            ))}
          </ul>
          <Exceptions
            items={watchList.filter((item) => item.worseThan.length > 0)}
            busy={busy}
            onSelectRow={onSelectRow}
          />
        </>
      )}
      {summary.length > 0 && (
        <WatchList
          items={watchList}
          benchmarks={benchmarks.map((benchmark) => benchmark.benchmark)}
          busy={busy}
          onSelectRow={onSelectRow}
        />
      )}
    </>
  );
}

/** Whether a period has any figure to chart (cells with no data are not figures). */
const hasFigures = (period: PeriodSummary): boolean =>
  statuses.some((status) => status !== "No data" && period.counts[status] > 0);

/**
 * Every period's chart on one scale (the largest count of any status in any period), so 21 and 17 are not
 * both full width; a period with no figures yet says so in a line instead of drawing empty bars.
 */
function PeriodCharts({ summary }: { summary: PeriodSummary[] }) {
  const largest = Math.max(
    1,
    ...summary.flatMap((period) => shownStatuses(period.counts).map((s) => period.counts[s]))
  );
  const styles = useStyles();
  return (
    <>
      {summary.map((period) =>
        hasFigures(period) ? (
          <PeriodChart key={period.period} period={period} largest={largest} />
        ) : (
          <p key={period.period} className={styles.hint}>
            {period.period}: no figures yet.
          </p>
        )
      )}
    </>
  );
}

/** A list of Red and Amber KPIs whose rows the analyst can select. */
interface WatchListProps {
  items: WatchItem[];
  busy: boolean;
  onSelectRow(item: WatchItem): void;
}

function Exceptions({ items, busy, onSelectRow }: WatchListProps) {
  const headings = useHeadingStyles();
  return (
    <>
      <h2 className={headings.section}>Exceptions: Red or Amber and worse than a benchmark</h2>
      {items.length === 0 ? (
        <p>No Red or Amber KPI is worse than a benchmark.</p>
      ) : (
        <WatchItems items={items} busy={busy} onSelectRow={onSelectRow} />
      )}
    </>
  );
}

/** The statuses a chart shows: Green, Amber and Red always (a zero says something), the others (Blue among them) when present. */
function shownStatuses(counts: Record<Status, number>): Status[] {
  // Blue belongs to one scheme only: shown where a cell is Blue, like the statuses outside the RAG ones.
  return statuses.filter(
    (status) => (isRagStatus(status) && status !== "Blue") || counts[status] > 0
  );
}

/** "2021/22 Qtr1: 1 Green, 2 Amber, 0 Red, 1 Suspended" */
function describeCounts(period: PeriodSummary): string {
  return `${period.period}: ${shownStatuses(period.counts)
    .map((status) => `${period.counts[status]} ${status}`)
    .join(", ")}`;
}

function PeriodChart({ period, largest }: { period: PeriodSummary; largest: number }) {
  const styles = useStyles();
  const headings = useHeadingStyles();
  const shown = shownStatuses(period.counts);
  return (
    <>
      <h3 className={headings.subsection}>{period.period}</h3>
      <div role="img" aria-label={describeCounts(period)} className={styles.chart}>
        {shown.map((status) => {
          const count = period.counts[status];
          const colours = isRagStatus(status)
            ? { backgroundColor: ragPalette[status].fill, borderColor: ragPalette[status].font }
            : undefined;
          return (
            <div key={status} className={styles.barRow}>
              <span>{status}</span>
              <span className={styles.track}>
                {count > 0 && (
                  <span
                    className={mergeClasses(styles.bar, !colours && styles.neutralBar)}
                    style={{ width: `${(count / largest) * 100}%`, ...colours }}
                  />
                )}
              </span>
              <span className={styles.count}>{count}</span>
            </div>
          );
        })}
      </div>
    </>
  );
}

const everyItem = "";

function WatchList({
  items,
  benchmarks,
  busy,
  onSelectRow,
}: {
  items: WatchItem[];
  benchmarks: string[];
  busy: boolean;
  onSelectRow(item: WatchItem): void;
}) {
  const styles = useStyles();
  const headings = useHeadingStyles();
  const [worseThan, setWorseThan] = useState(everyItem);
  const shown =
    worseThan === everyItem
      ? items
      : items.filter((item) => item.status === "Red" && item.worseThan.includes(worseThan));
  return (
    <>
      <h2 className={headings.section}>Watch list: Red and Amber KPIs</h2>
      {benchmarks.length > 0 && items.length > 0 && (
        <Field label="Show" className={styles.filter}>
          <Select
            className={styles.select}
            value={worseThan}
            disabled={busy}
            onChange={(_, data) => setWorseThan(data.value)}
          >
            <option value={everyItem}>All Red and Amber KPIs</option>
            {benchmarks.map((benchmark) => (
              <option key={benchmark} value={benchmark}>
                Red and worse than {benchmark}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {items.length === 0 ? (
        <p>No KPI is Red or Amber in its latest period.</p>
      ) : shown.length === 0 ? (
        <p>No KPI is Red and worse than {worseThan}.</p>
      ) : (
        <WatchItems items={shown} busy={busy} onSelectRow={onSelectRow} />
      )}
    </>
  );
}

function WatchItems({ items, busy, onSelectRow }: WatchListProps) {
  const styles = useStyles();
  const hintId = useId();
  return (
    <>
      <p id={hintId} className={styles.hint}>
        Choose a KPI to select its row in the sheet.
      </p>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={`${item.sheet}!${item.address}`}>
            <Button
              className={styles.item}
              appearance="subtle"
              disabledFocusable={busy}
              aria-describedby={hintId}
              onClick={() => onSelectRow(item)}
            >
              <StatusBadge status={item.status} />
              <span className={styles.itemText}>
                <span className={styles.measure}>
                  {item.id ? `${item.measure} (${item.id})` : item.measure}
                </span>
                <span className={styles.detail}>
                  {item.period} · {item.address} · {item.gap}
                </span>
                {item.worseThan.length > 0 && (
                  <span className={styles.detail}>Worse than {item.worseThan.join(", ")}</span>
                )}
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}
