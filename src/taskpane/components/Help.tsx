/**
 * Help, and "Check this Excel": the self-check runs the add-in's own Office.js calls on a temporary hidden
 * sheet and shows its report as text the analyst (or an IT tester) can copy.
 */
import { Button, Field, Textarea } from "@fluentui/react-components";
import { useRef, useState, type RefObject } from "react";
import { useHeadingStyles } from "./headings";

export interface HelpProps {
  busy: boolean;
  selfCheck: { running: boolean; report?: string };
  onCheckThisExcel(): void;
}

export function Help({ busy, selfCheck, onCheckThisExcel }: HelpProps) {
  const headings = useHeadingStyles();
  const report = useRef<HTMLTextAreaElement>(null);
  const { copied, copy } = useCopy(report, selfCheck.report ?? "");
  return (
    <>
      <h2 className={headings.section}>Help</h2>
      <p>
        KPI RAG reads the KPI tables on the sheet you are on, rates every figure against its target
        and tolerance, and colours them with ordinary conditional formatting. Formulas such as
        =KPI.RATE(H12,"KPI-18") give the same statuses in cells.
      </p>
      <h3 className={headings.subsection}>Check this Excel</h3>
      <p>
        Runs the add-in's own steps on a temporary hidden sheet, which it deletes afterwards, and
        says whether this Excel behaves as KPI RAG assumes: blanks read as blanks, percentages as
        percentages, rules added, read back and deleted, large sheets read in blocks. It takes under
        a minute and changes nothing else.
      </p>
      <Button disabledFocusable={busy || selfCheck.running} onClick={onCheckThisExcel}>
        Check this Excel
      </Button>
      <p role="status">{selfCheck.report === undefined ? "" : verdictOf(selfCheck.report)}</p>
      {selfCheck.report !== undefined && (
        <>
          <Field label="Self-check report">
            <Textarea ref={report} readOnly value={selfCheck.report} rows={12} resize="vertical" />
          </Field>
          <Button onClick={() => void copy()}>{copied ? "Copied" : "Copy the report"}</Button>
        </>
      )}
    </>
  );
}

/** The report's verdict, its last line ("All 6 checks passed…"), shown and announced above the report. */
function verdictOf(report: string): string {
  return report.trim().split("\n").pop() ?? "";
}

/** Copies the text to the clipboard, and says so; `area` holds the text, for hosts without the clipboard API. */
function useCopy(
  area: RefObject<HTMLTextAreaElement | null>,
  text: string
): { copied: boolean; copy(): Promise<void> } {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Some Office hosts refuse the clipboard API: select the text so Ctrl+C copies it.
      area.current?.select();
      document.execCommand?.("copy");
    }
    setCopied(true);
  };
  return { copied, copy };
}
