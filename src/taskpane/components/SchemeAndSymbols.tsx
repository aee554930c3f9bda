/**
 * Which scheme rates the sheet (the workbook's KPISettings table chooses it), and the switch that makes
 * Apply also show each status as a symbol beside its figure, for a greyscale print or a colour-blind reader.
 */
import { Switch, makeStyles, tokens } from "@fluentui/react-components";
import { statusSymbols } from "../../core";

const useStyles = makeStyles({
  scheme: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
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
      <Switch
        checked={symbols}
        disabled={busy}
        label={symbolsLabel}
        onChange={(_, data) => onSymbols(data.checked)}
      />
    </div>
  );
}
