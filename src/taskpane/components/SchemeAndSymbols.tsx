/**
 * Which scheme rates the sheet (the workbook's KPISettings table chooses it), and the switch that makes
 * Apply also show each status as a symbol beside its figure, for a greyscale print or a colour-blind reader.
 * The switch is the browser's own checkbox in the switch role, drawn with Fluent's tokens: Fluent's Switch
 * would add 2.5 KB to the pane's bundle, which is at its 150 KB goal.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { statusSymbols } from "../../core";

const useStyles = makeStyles({
  scheme: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  symbols: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    cursor: "pointer",
  },
  check: { accentColor: tokens.colorBrandBackground, margin: 0 },
});

const symbolsLabel = `Show status symbols beside figures (${statusSymbols.Green} Green, ${statusSymbols.Amber} Amber, ${statusSymbols.Red} Red, ${statusSymbols.Blue} Blue)`;

export function SchemeAndSymbols(props: {
  scheme: string;
  symbols: boolean;
  busy: boolean;
  onSymbols(on: boolean): void;
}) {
  const styles = useStyles();
  const { scheme, symbols, busy, onSymbols } = props;
  return (
    <div className={styles.scheme}>
      <span>
        Scheme: <strong>{scheme}</strong>
      </span>
      <span className={styles.note}>
        Chosen in the KPISettings table on the KPI Register sheet (Setting: Scheme).
      </span>
      <label className={styles.symbols}>
        <input
          type="checkbox"
          role="switch"
          className={styles.check}
          checked={symbols}
          disabled={busy}
          onChange={(event) => onSymbols(event.currentTarget.checked)}
        />
        {symbolsLabel}
      </label>
    </div>
  );
}
