/** Heading styles shared by the pane's panels, from Fluent's type ramp so they follow the theme. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useHeadingStyles = makeStyles({
  /** A panel's sections: "Statuses by period", "Table A1:I14: 12 KPIs". */
  section: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    marginBlock: `${tokens.spacingVerticalM} ${tokens.spacingVerticalXS}`,
  },
  /** Within a section: a period, the register's problems. */
  subsection: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    marginBlock: `${tokens.spacingVerticalS} ${tokens.spacingVerticalXXS}`,
  },
});
