/**
 * A pure function of a short text (a number format code, a period label), remembered: a sheet repeats a few
 * such texts for every cell or row. The memo is bounded, since a hostile file may hold millions of distinct
 * texts: past the bound, an answer is worked out each time rather than kept. One structure for every such
 * memo, so its lifetime (the module's) and its bound are written once.
 */
export function rememberedByText<T>(work: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const remembered = known.get(text);
    if (remembered !== undefined || known.has(text)) return remembered as T;
    const value = work(text);
    if (known.size < textMemoBound) known.set(text, value);
    return value;
  };
}

/** More distinct formats or labels than any real workbook holds. */
const textMemoBound = 1000;
