/**
 * How the add-in read every KPI row: its measure, its definition in words, its status in each period and
 * anything it could not read. One real table per KPI table on the sheet, so a screen reader can move by
 * column header (the measure as read, then the periods). The definition sits under the measure, so the
 * statuses fit beside it in a narrow pane.
 */
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { describeComparison, lookingFor, verdictGlyph, type RowReport, type TableReport } from "../../core";
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
  aside: { display: "block", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  definition: { display: "block", marginBlockStart: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightRegular },
  problems: {
    marginBlock: `${tokens.spacingVerticalXS} 0`,
    paddingInlineStart: tokens.spacingHorizontalL,
    color: tokens.colorStatusWarningForeground1,
  },
  problemsLabel: { display: "block", fontWeight: tokens.fontWeightSemibold, color: tokens.colorStatusWarningForeground1 },
  caption: { textAlign: "start", padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
  comparisons: { listStyle: "none", margin: `${tokens.spacingVerticalXXS} 0 0`, padding: 0, fontWeight: tokens.fontWeightRegular },
  glyph: { display: "inline-block", width: "1.2em" },
  columnMap: { marginBlock: `0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
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
      <div className={styles.scroller} role="region" aria-labelledby={headingId} tabIndex={0}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.columnHeader, styles.corner)}>
                Measure and definition
              </th>
              {table.periods.map((period) => (
                <th key={period} scope="col" className={styles.columnHeader}>
                  {period}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <KpiRow key={row.row} row={row} periods={table.periods} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function KpiRow({ row, periods }: { row: RowReport; periods: string[] }) {
  const styles = useStyles();
  return (
    <tr>
      <th scope="row" className={styles.measure}>
        {row.measure}
        <span className={styles.aside}>{[row.id, row.section, `row ${row.row}`].filter(Boolean).join(" · ")}</span>
        <span className={styles.definition}>{row.definition}</span>
        <span className={styles.definition}>Direction of travel: {row.directionOfTravel}</span>
        {row.comparisons.length + row.rankings.length > 0 && (
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
        )}
        {row.problems.length > 0 && (
          <>
            <span className={styles.problemsLabel}>{row.problems.length === 1 ? "Problem" : "Problems"}</span>
            <ul className={styles.problems}>
              {row.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </>
        )}
      </th>
      {periods.map((period) => {
        const cell = row.cells.find((candidate) => candidate.period === period);
        return <td key={period} title={cell?.reason}>{cell ? <StatusBadge status={cell.status} /> : null}</td>;
      })}
    </tr>
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
      <h2 className={headings.section}>
        No KPI table found on this sheet
      </h2>
      {skipped !== undefined && <p>This sheet was skipped: {skipped}.</p>}
      <p>KPI RAG looks for {lookingFor.charAt(0).toLowerCase() + lookingFor.slice(1)}</p>
      <p>For example:</p>
      <div className={styles.scroller} role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className={styles.table}>
          <caption id={captionId} className={styles.caption}>
            An example KPI table
          </caption>
          <thead>
            <tr>
              {example.headers.map((header) => (
                <th key={header} scope="col" className={styles.columnHeader}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {example.row.map((cell) => (
                <td key={cell}>{cell}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
