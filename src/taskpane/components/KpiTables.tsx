/**
 * The KPIs, answer first: a top line counting each status of the latest figures and the problems, then one
 * compact line per KPI (its measure, latest figure and status in words) that opens, by click or keyboard, to
 * its details: its definition, every period latest first with the figure and the reason, its direction of
 * travel, its comparisons and its problems. A line's details are built only when it is opened, and a long
 * table draws its lines a page at a time, so a sheet of thousands of KPIs opens quickly.
 */
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { exampleTable } from "../../excel/example-table";
import { memo, useId, useMemo, useState } from "react";
import {
  describeComparison,
  lookingFor,
  verdictGlyph,
  type RowReport,
  type TableReport,
} from "../../core";
import { describeTopLine, latestCell, latestFirst, topLineOf } from "../kpi-lines";
import { kpiSheetsElsewhere } from "../wording";
import { useHeadingStyles } from "./headings";
import { StatusBadge } from "./StatusBadge";

/** KPI lines drawn at first and at each "Show more": a screenful several times over. */
export const linesPerPage = 50;

const useStyles = makeStyles({
  topLine: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  warning: { color: tokens.colorStatusWarningForeground3, margin: 0 },
  quiet: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflowWrap: "anywhere",
  },
  lines: { listStyle: "none", margin: 0, padding: 0 },
  line: {
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
  list: { margin: `${tokens.spacingVerticalXXS} 0`, paddingInlineStart: tokens.spacingHorizontalL },
  glyph: { display: "inline-block", width: "1.2em" },
  elsewhere: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginBlockEnd: tokens.spacingVerticalM,
    "& p": { margin: 0, flexBasis: "100%" },
  },
  example: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    "& dt": { fontWeight: tokens.fontWeightSemibold },
    "& dd": { marginInlineStart: 0, marginBlockEnd: tokens.spacingVerticalXXS },
  },
});

export interface KpiTablesProps {
  tables: TableReport[];
  skipped?: string;
  /** Figures in words by address; headline cells by address (see kpi-lines.ts). */
  figures?: Record<string, string>;
  headlines?: string[];
  /** On an empty sheet: insert the example table (disabled while busy). */
  onInsertExample?(): void;
  /** Where the sheet has no KPI table: the workbook's sheets that have one, and going to one. */
  kpiSheets?: string[];
  onGoToSheet?(sheet: string): void;
  busy?: boolean;
}

export function KpiTables(props: KpiTablesProps) {
  const { tables, skipped, figures = {}, headlines = [] } = props;
  const headlineSet = useMemo(() => new Set(headlines), [headlines]);
  if (tables.length === 0)
    return (
      <>
        <KpiSheetsElsewhere
          sheets={props.kpiSheets ?? []}
          busy={props.busy ?? false}
          onGoToSheet={props.onGoToSheet}
        />
        <NothingFound
          skipped={skipped}
          busy={props.busy ?? false}
          onInsertExample={props.onInsertExample}
        />
      </>
    );
  return (
    <>
      <TopLine tables={tables} headlines={headlineSet} />
      {tables.map((table) => (
        <KpiTable key={table.address} table={table} figures={figures} headlines={headlineSet} />
      ))}
    </>
  );
}

/** The answer: the latest figures' statuses counted, and the problems counted as a warning. */
export function TopLine({
  tables,
  headlines,
}: {
  tables: TableReport[];
  headlines: ReadonlySet<string>;
}) {
  const styles = useStyles();
  // Counted again only for new tables: the pane redraws for each busy message, and a sheet may hold 10,000 KPIs.
  const top = useMemo(() => topLineOf(tables, headlines), [tables, headlines]);
  return (
    <div>
      <p className={styles.topLine}>{describeTopLine(top)}</p>
      {top.problems > 0 && (
        <p className={styles.warning}>
          ⚠ {top.problems === 1 ? "1 problem" : `${top.problems} problems`}: see the lines marked
          Problem.
        </p>
      )}
    </div>
  );
}

interface Lines {
  figures: Record<string, string>;
  headlines: ReadonlySet<string>;
}

/** Drawn again only when its table, figures or headlines change, not for each busy message of the pane. */
const KpiTable = memo(function KpiTable({ table, ...lines }: { table: TableReport } & Lines) {
  const styles = useStyles();
  const headings = useHeadingStyles();
  const headingId = useId();
  const [shown, setShown] = useState(linesPerPage);
  const kpis = table.rows.length === 1 ? "1 KPI" : `${table.rows.length} KPIs`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className={headings.section}>
        Table {table.address}: {kpis}
      </h2>
      <details className={styles.quiet}>
        <summary>How the columns were read</summary>
        Columns read: {table.columnMap}
      </details>
      {table.problems.map((problem) => (
        <p key={problem} className={styles.warning}>
          ⚠ Problem: {problem}
        </p>
      ))}
      <ul className={styles.lines} aria-labelledby={headingId}>
        {table.rows.slice(0, shown).map((row) => (
          <KpiLine key={row.row} row={row} {...lines} />
        ))}
      </ul>
      {shown < table.rows.length && (
        <Button appearance="subtle" onClick={() => setShown(shown + linesPerPage)}>
          Show {Math.min(linesPerPage, table.rows.length - shown)} more of {table.rows.length} KPIs
        </Button>
      )}
    </section>
  );
});

/** One KPI on one line; its details are drawn only while it is open. */
function KpiLine({ row, figures, headlines }: { row: RowReport } & Lines) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const latest = latestCell(row, headlines);
  const figure = latest ? figures[latest.address] : undefined;
  return (
    <li className={styles.line}>
      <button
        type="button"
        className={styles.toggle}
        aria-expanded={open}
        aria-controls={open ? detailsId : undefined}
        onClick={() => setOpen(!open)}
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
      {open && <KpiDetails id={detailsId} row={row} figures={figures} />}
    </li>
  );
}

function KpiDetails({
  id,
  row,
  figures,
}: {
  id: string;
  row: RowReport;
  figures: Record<string, string>;
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
        {latestFirst(row).map((cell) => (
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
    <ul className={mergeClasses(styles.periods)} aria-label="Against benchmarks">
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

/** First, on a dashboard or a new sheet: where in the workbook the KPI tables are, with a way there. */
function KpiSheetsElsewhere({
  sheets,
  busy,
  onGoToSheet,
}: {
  sheets: readonly string[];
  busy: boolean;
  onGoToSheet?(sheet: string): void;
}) {
  const styles = useStyles();
  const saidId = useId();
  if (sheets.length === 0) return null;
  return (
    <div role="group" aria-labelledby={saidId} className={styles.elsewhere}>
      <p id={saidId}>{kpiSheetsElsewhere(sheets)}</p>
      {onGoToSheet &&
        sheets.map((sheet) => (
          <Button key={sheet} disabledFocusable={busy} onClick={() => onGoToSheet(sheet)}>
            Go to {sheet}
          </Button>
        ))}
    </div>
  );
}

/** The sheet the core skips as empty: a first run, where the pane says what it does and offers the example. */
const emptySheet = "it is empty";

/** The example as a list of header and value, which reflows in a narrow pane where a table would not. */
function NothingFound({
  skipped,
  busy,
  onInsertExample,
}: {
  skipped?: string;
  busy: boolean;
  onInsertExample?(): void;
}) {
  const styles = useStyles();
  const headings = useHeadingStyles();
  const exampleId = useId();
  const example = exampleTable;
  if (skipped === emptySheet)
    return (
      <div>
        <h2 className={headings.section}>This sheet is empty</h2>
        <p>
          KPI RAG rates each KPI of a table Red, Amber or Green against its target and tolerance,
          colours the sheet with ordinary conditional formatting, and says every status in words.
        </p>
        <p>It looks for {lookingFor.charAt(0).toLowerCase() + lookingFor.slice(1)}</p>
        {onInsertExample && (
          <Button disabledFocusable={busy} onClick={onInsertExample}>
            Insert an example table
          </Button>
        )}
      </div>
    );
  return (
    <div>
      <h2 className={headings.section}>No KPI table found on this sheet</h2>
      {skipped !== undefined && <p>This sheet was skipped: {skipped}.</p>}
      <p>KPI RAG looks for {lookingFor.charAt(0).toLowerCase() + lookingFor.slice(1)}</p>
      <p id={exampleId}>For example, a header row and one KPI row:</p>
      <dl className={styles.example} aria-labelledby={exampleId}>
        {example.headers.map((header, index) => (
          <div key={header}>
            <dt>{header}</dt>
            <dd>{example.row[index]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
