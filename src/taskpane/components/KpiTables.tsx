/**
 * How the add-in read every KPI row: its measure, its definition in words, its status in each period and
 * anything it could not read. One real table per KPI table on the sheet, so a screen reader can move by
 * column header (the measure as read, then the periods). The definition sits under the measure, so the
 * statuses fit beside it in a narrow pane.
 */
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import {
  describeComparison,
  lookingFor,
  verdictGlyph,
  type RowReport,
  type TableReport,
} from "../../core";
import { useHeadingStyles } from "./headings";
import { StatusBadge } from "./StatusBadge";

const useStyles = makeStyles({
  kpiTable: { marginBlockEnd: tokens.spacingVerticalL },
  scroller: {
    overflow: "auto",
    maxHeight: "60vh",
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    width: "100%",
    "& th, & td": {
      textAlign: "start",
      verticalAlign: "top",
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottomWidth: tokens.strokeWidthThin,
      borderBottomStyle: "solid",
      borderBottomColor: tokens.colorNeutralStroke2,
    },
  },
  columnHeader: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  /** The measure stays in view while the periods scroll sideways, like Excel's frozen first column. */
  measure: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    fontWeight: tokens.fontWeightSemibold,
    minWidth: "10em",
    maxWidth: "13em",
  },
  corner: { left: 0, zIndex: 2 },
  aside: {
    display: "block",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
  },
  definition: {
    display: "block",
    marginBlockStart: tokens.spacingVerticalXXS,
    fontWeight: tokens.fontWeightRegular,
  },
  problems: {
    marginBlock: `${tokens.spacingVerticalXS} 0`,
    paddingInlineStart: tokens.spacingHorizontalL,
    color: tokens.colorStatusWarningForeground1,
  },
  problemsLabel: {
    display: "block",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorStatusWarningForeground1,
  },
  caption: {
    textAlign: "start",
    padding: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
  },
  comparisons: {
    listStyle: "none",
    margin: `${tokens.spacingVerticalXXS} 0 0`,
    padding: 0,
    fontWeight: tokens.fontWeightRegular,
  },
  glyph: { display: "inline-block", width: "1.2em" },
  columnMap: {
    marginBlock: `0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
});

export function KpiTables({ tables, skipped }: { tables: TableReport[]; skipped?: string }) {
  if (tables.length === 0) return <NothingFound skipped={skipped} />;
  return (
    <>
      {tables.map((table) => (
        <KpiTable key={table.address} table={table} />
      ))}
    </>
  );
}

function KpiTable({ table }: { table: TableReport }) {
  const styles = useStyles();
  const headings = useHeadingStyles();
  const headingId = useId();
  const kpis = table.rows.length === 1 ? "1 KPI" : `${table.rows.length} KPIs`;
  return (
    <div className={styles.kpiTable}>
      <h2 id={headingId} className={headings.section}>
        Table {table.address}: {kpis}
      </h2>
      <p className={styles.columnMap}>Columns read: {table.columnMap}</p>
      {table.problems.map((problem) => (
        <p key={problem} className={styles.columnMap}>
          <strong>Problem:</strong> {problem}
        </p>
      ))}
      <ScrollingTable labelledBy={headingId}>
        <ColumnHeaders corner="Measure and definition" names={table.periods} />
        <tbody>
          {table.rows.map((row) => (
            <KpiRow key={row.row} row={row} periods={table.periods} />
          ))}
        </tbody>
      </ScrollingTable>
    </div>
  );
}

/** A table that scrolls inside its own bordered region, which the keyboard can reach and a screen reader names. */
function ScrollingTable({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.scroller} role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className={styles.table}>{children}</table>
    </div>
  );
}

/** The header row: a column header for each name, after the corner's (the first column's, which stays in view). */
function ColumnHeaders({ corner, names }: { corner?: string; names: readonly string[] }) {
  const styles = useStyles();
  return (
    <thead>
      <tr>
        {corner !== undefined && (
          <th scope="col" className={mergeClasses(styles.columnHeader, styles.corner)}>
            {corner}
          </th>
        )}
        {names.map((name) => (
          <th key={name} scope="col" className={styles.columnHeader}>
            {name}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function KpiRow({ row, periods }: { row: RowReport; periods: string[] }) {
  const styles = useStyles();
  return (
    <tr>
      <th scope="row" className={styles.measure}>
        {row.measure}
        <span className={styles.aside}>
          {[row.id, row.section, `row ${row.row}`].filter(Boolean).join(" · ")}
        </span>
        <span className={styles.definition}>{row.definition}</span>
        <span className={styles.definition}>Direction of travel: {row.directionOfTravel}</span>
        <AgainstBenchmarks row={row} />
        <Problems problems={row.problems} />
      </th>
      {periods.map((period) => {
        const cell = row.cells.find((candidate) => candidate.period === period);
        return (
          <td key={period} title={cell?.reason}>
            {cell ? <StatusBadge status={cell.status} /> : null}
          </td>
        );
      })}
    </tr>
  );
}

/** How the KPI stands against each benchmark beside it, and its rankings; nothing where it has none. */
function AgainstBenchmarks({ row }: { row: RowReport }) {
  const styles = useStyles();
  if (row.comparisons.length + row.rankings.length === 0) return null;
  return (
    <ul className={styles.comparisons} aria-label="Against benchmarks">
      {row.comparisons.map((comparison) => (
        <li key={`${comparison.benchmark}|${comparison.year}`} title={comparison.reason}>
          <span className={styles.glyph} aria-hidden="true">
            {verdictGlyph(comparison.verdict)}
          </span>
          {describeComparison(comparison)}
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
    <>
      <span className={styles.problemsLabel}>{problems.length === 1 ? "Problem" : "Problems"}</span>
      <ul className={styles.problems}>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </>
  );
}

const example = {
  headers: ["Measure", "Polarity", "Target", "Tolerance", "2021/22 Qtr1"],
  row: ["Assessments completed within 45 days", "Bigger is better", "90%", "75%", "89%"],
};

function NothingFound({ skipped }: { skipped?: string }) {
  const styles = useStyles();
  const headings = useHeadingStyles();
  const captionId = useId();
  return (
    <div>
      <h2 className={headings.section}>No KPI table found on this sheet</h2>
      {skipped !== undefined && <p>This sheet was skipped: {skipped}.</p>}
      <p>KPI RAG looks for {lookingFor.charAt(0).toLowerCase() + lookingFor.slice(1)}</p>
      <p>For example:</p>
      <ScrollingTable labelledBy={captionId}>
        <caption id={captionId} className={styles.caption}>
          An example KPI table
        </caption>
        <ColumnHeaders names={example.headers} />
        <tbody>
          <tr>
            {example.row.map((cell) => (
              <td key={cell}>{cell}</td>
            ))}
          </tr>
        </tbody>
      </ScrollingTable>
    </div>
  );
}
