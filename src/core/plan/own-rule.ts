/**
 * The add-in's own conditional-format rules, known by the exact shape of their formula rather than by the
 * marker text alone: AND(N("KPI RAG")=0,A1<>"",NOT(ISLOGICAL(A1)),…) as one call, closed at the very end.
 * An analyst's formula that merely holds the marker (NOT(N("KPI RAG")=0)) is theirs, and stays.
 */
/** Always TRUE: it marks a rule as the add-in's own, so applying again replaces only these and removing deletes only these. */
export const ruleMarker = 'N("KPI RAG")=0';

/** A formula squeezed as Excel reads it: no spaces or line breaks outside its strings, names in capitals. */
function squeezed(formula: string): string {
  return formula
    .split('"')
    .map((part, index) => (index % 2 === 0 ? part.replace(/\s+/g, "").toUpperCase() : part))
    .join('"');
}

const marker = squeezed(ruleMarker);
/** The start of every rule the add-in writes: the marker, then the anchor cell is neither blank nor TRUE/FALSE. */
const ownStart = new RegExp(
  `^=?AND\\(${marker.replace(/[()]/g, "\\$&")},(\\$?[A-Z]{1,3}\\$?[0-9]+)<>"",NOT\\(ISLOGICAL\\(\\1\\)\\),`
);

/** Whether a conditional-format formula has the exact shape of the add-in's own rules. */
export function isOwnRule(formula: string): boolean {
  const text = squeezed(formula);
  const start = ownStart.exec(text);
  if (!start) return false;
  // The AND opened first must be the one closed last: nothing may stand outside it.
  let depth = 0;
  let quoted = false;
  const open = text.indexOf("(");
  for (let at = open; at < text.length; at++) {
    const character = text[at];
    if (character === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (character === "(") depth += 1;
    else if (character === ")") {
      depth -= 1;
      if (depth === 0) return at === text.length - 1;
    }
  }
  return false;
}
