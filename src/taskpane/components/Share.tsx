/** Sharing: a copy of the sheet with KPI. formulas replaced by their values, for people without the add-in. */
import { Button } from "@fluentui/react-components";
import { useHeadingStyles } from "./headings";

export interface ShareProps {
  busy: boolean;
  onShareCopy(): void;
}

export function Share({ busy, onShareCopy }: ShareProps) {
  const headings = useHeadingStyles();
  return (
    <>
      <h2 className={headings.section}>Share this sheet</h2>
      <p>
        The RAG colours are ordinary Excel conditional formatting, so anyone can see them. Formulas
        such as =KPI.RATE need the add-in, so the shareable copy replaces every KPI. formula with
        its value: people without KPI RAG see the same figures and statuses.
      </p>
      <Button disabledFocusable={busy} onClick={onShareCopy}>
        Make a shareable copy of this sheet
      </Button>
    </>
  );
}
