/**
 * Rows under a table that are never KPIs, whatever sits beside them: footnotes ("*Figures for Q2 are
 * provisional", "Note: …", "Source: …"), keys and legends ("Key", "N/A  Data not available", "R = Red",
 * "Data in italics are provisional").
 */
const footnotePattern =
  /^(?:[*†‡]|notes?\b|sources?\b|key\s*(?:[:\-–—]|to\b|$)|(?:data|figures?) (?:shown )?in (?:italics|bold|grey|gray|red|blue)\b|italics\b)/i;
const legendPattern =
  /^(?:n\/a|na|n\.a\.|c|z|k|x|u|\.\.|-|–|r|a|g|b|red|amber|green|blue|↑|↓|→|←|▲|▼|⬆|⬇|↔)(?:\s{2,}|\s*[=:–—]\s*|\t)\S|^(?:n\/a|na|c|z|k|x|u|\.\.)\s+(?:data |figures? )?(?:not available|suppressed|not applicable|not yet available|not due|too small|withheld)/i;

export function isFootnote(text: string): boolean {
  const trimmed = text.trim();
  return mayBeFootnote(trimmed) && (footnotePattern.test(trimmed) || legendPattern.test(trimmed));
}

/** The first characters `footnotePattern` allows ("*", "†", "‡", Note, Source, Key, Data, Figures, Italics). */
const footnoteFirstCharacters: ReadonlySet<number> = new Set(
  [..."*†‡nNsSkKdDfFiI"].map((character) => character.charCodeAt(0))
);

/**
 * The speed structure of footnote rows: whether a trimmed text may match either pattern, by its first six
 * characters. Every row's measure is asked, and most ("Assessments completed within 45 days") can match
 * neither: a footnote starts with one of its first characters, and a legend's symbol or word ("n/a", "R",
 * "amber") is at most five characters followed by a space, "=", ":" or a dash. Anything past U+1680 counts
 * as a space or dash here, so no legend is turned away.
 */
function mayBeFootnote(trimmed: string): boolean {
  if (footnoteFirstCharacters.has(trimmed.charCodeAt(0))) return true;
  const end = Math.min(trimmed.length, 6);
  for (let index = 1; index < end; index++) {
    const code = trimmed.charCodeAt(index);
    if (code <= 32 || code === 61 || code === 58 || code === 0xa0 || code >= 0x1680) return true;
  }
  return false;
}
