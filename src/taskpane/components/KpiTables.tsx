/**
 * The KPIs, answer first: a top line counting each status of the latest figures and the problems, then each
 * table with one compact line per KPI (its measure, latest figure and status in words) that opens, by click
 * or keyboard, to its details (KpiLine.tsx). Only the lines in view are drawn and a line's details are built
 * only when it is opened (KpiList.tsx), so a sheet of thousands of KPIs opens quickly.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { exampleTable } from "../../excel/example-table";
import { memo, useId, useMemo } from "react";
import { lookingFor, type TableReport } from "../../core";
import { describeTopLine, topLineOf, type TopLine as TopLineCounts } from "../kpi-lines";
import { kpiSheetsElsewhere } from "../sentences";
import { useHeadingStyles } from "./headings";
import { KpiList } from "./KpiList";

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
  /** The top line as the pane counted it; counted here from the tables when not given. */
  topLine?: TopLineCounts;
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
      <TopLine tables={tables} headlines={headlineSet} counted={props.topLine} />
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
  counted,
}: {
  tables: TableReport[];
  headlines: ReadonlySet<string>;
  counted?: TopLineCounts;
}) {
  const styles = useStyles();
  // Counted again only for new tables: the pane redraws for each busy message, and a sheet may hold 10,000 KPIs.
  const top = useMemo(() => counted ?? topLineOf(tables, headlines), [counted, tables, headlines]);
  return (
    <div>
      <p className={styles.topLine}>{describeTopLine(top)}</p>
      {top.problems !== undefined && top.problems > 0 && (
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
      <KpiList rows={table.rows} labelledBy={headingId} {...lines} />
    </section>
  );
});

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
