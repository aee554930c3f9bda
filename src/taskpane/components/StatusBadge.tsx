/**
 * A status as a small badge: the word always, and for Green, Amber and Red the sheet's own colours from the
 * core's palette, so the pane and the formatted cells look alike. Colour is never the only cue. Check
 * definition is a warning (the row needs the analyst), so it is styled as one; the other statuses are neutral.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { borderSides } from "./border-sides";
import { isRagStatus, ragPalette, type Status } from "../../core";

const useStyles = makeStyles({
  badge: {
    display: "inline-block",
    whiteSpace: "nowrap",
    // Green, Amber and Red badges take one width, so what follows them lines up in a list.
    minWidth: "3.6em",
    textAlign: "center",
    paddingBlock: "0",
    paddingInline: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
    ...borderSides("Width", tokens.strokeWidthThin),
    ...borderSides("Style", "solid"),
    ...borderSides("Color", "transparent"),
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  neutral: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    ...borderSides("Color", tokens.colorNeutralStroke2),
  },
  warning: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    color: tokens.colorStatusWarningForeground3,
    ...borderSides("Color", tokens.colorStatusWarningBorder2),
  },
});

export function StatusBadge({ status }: { status: Status }) {
  const styles = useStyles();
  if (isRagStatus(status)) {
    const { fill, font } = ragPalette[status];
    return (
      <span
        className={styles.badge}
        style={{ backgroundColor: fill, color: font, borderColor: font }}
      >
        {status}
      </span>
    );
  }
  return (
    <span
      className={mergeClasses(
        styles.badge,
        status === "Check definition" ? styles.warning : styles.neutral
      )}
      data-warning={status === "Check definition" ? "true" : undefined}
    >
      {status}
    </span>
  );
}
