/**
 * The KPI register: what the workbook's KPIRegister table is for, a button to insert it, and its problems;
 * the KPIWords table; and the workbook's council scheme, chosen by name into its KPISettings table.
 */
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { schemeNames, type SchemeChoice } from "../../core";
import { useHeadingStyles } from "./headings";

const useStyles = makeStyles({
  problems: {
    color: tokens.colorStatusWarningForeground1,
    paddingInlineStart: tokens.spacingHorizontalL,
  },
  scheme: {
    marginBlockEnd: tokens.spacingVerticalS,
  },
});

export interface RegisterProps {
  problems: string[];
  /** Rows of the KPIWords table left out, and words still waiting for a meaning. */
  wordsProblems?: string[];
  busy: boolean;
  onInsertRegister(): void;
  onInsertWords?(): void;
  /** Chooses the workbook's scheme by name; without it the view offers no schemes. */
  onChooseScheme?(scheme: SchemeChoice): void;
}

/** A table's problems under their heading; nothing where there are none. */
function Problems({ title, problems }: { title: string; problems: string[] }) {
  const styles = useStyles();
  const headings = useHeadingStyles();
  if (problems.length === 0) return null;
  return (
    <>
      <h3 className={headings.subsection}>{title}</h3>
      <ul className={styles.problems}>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </>
  );
}

export function Register({
  problems,
  wordsProblems = [],
  busy,
  onInsertRegister,
  onInsertWords,
  onChooseScheme,
}: RegisterProps) {
  const headings = useHeadingStyles();
  return (
    <>
      <h2 className={headings.section}>KPI register</h2>
      <p>
        The KPIRegister table, on a sheet called KPI Register, holds each KPI&apos;s id, measure,
        polarity, unit, target and tolerances in the same wording as the appendix sheets. Formulas
        such as =KPI.RATE(H12,&quot;KPI-18&quot;) and rows that carry only a KPI number are rated
        from it, and what you write there wins over the built-in catalogue.
      </p>
      <Button disabledFocusable={busy} onClick={onInsertRegister}>
        Insert or top up the KPI register table
      </Button>
      <Problems title="Problems in the KPI register" problems={problems} />
      <h2 className={headings.section}>Words this workbook uses</h2>
      <p>
        Where a sheet uses words the add-in does not know (a polarity written Up, a target column
        headed Aspiration, a figure written Awaiting), the KPIWords table on the KPI Register sheet
        teaches them: one word a row, with what it means (Bigger is better, No data, Target,
        Tolerance, Not a period). Its words win over the built-in ones, in this workbook only.
      </p>
      {onInsertWords && (
        <Button disabledFocusable={busy} onClick={onInsertWords}>
          Insert or top up the KPIWords table with this sheet&apos;s unknown words
        </Button>
      )}
      <Problems title="Problems in the KPIWords table" problems={wordsProblems} />
      {onChooseScheme && <SchemeChooser busy={busy} onChooseScheme={onChooseScheme} />}
    </>
  );
}

/** The schemes by name, Standard first, and a button that writes the one chosen into the KPISettings table. */
function SchemeChooser({
  busy,
  onChooseScheme,
}: {
  busy: boolean;
  onChooseScheme(scheme: SchemeChoice): void;
}) {
  const styles = useStyles();
  const headings = useHeadingStyles();
  const [scheme, setScheme] = useState<SchemeChoice>(schemeNames[0]);
  return (
    <>
      <h2 className={headings.section}>Council scheme</h2>
      <p>
        The KPISettings table on the KPI Register sheet chooses how every sheet of this workbook is
        rated: the Standard bands, or your council&apos;s scheme. Without it, the Standard bands
        apply.
      </p>
      <Field label="Scheme" className={styles.scheme}>
        <Select
          value={scheme}
          disabled={busy}
          onChange={(_, data) =>
            setScheme(schemeNames.find((name) => name === data.value) ?? schemeNames[0])
          }
        >
          {schemeNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Button disabledFocusable={busy} onClick={() => onChooseScheme(scheme)}>
        Choose this scheme in the KPISettings table
      </Button>
    </>
  );
}
