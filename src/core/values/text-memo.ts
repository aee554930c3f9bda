/**
 * A pure function of a short text (a number format code, a period label), remembered: a sheet repeats a few
 * such texts for every cell or row. The memo is bounded, since a hostile file may hold millions of distinct
 * texts: past the bound, an answer is worked out each time rather than kept. One structure for every such
 * memo, so its lifetime (the module's) and its bound are written once.
 */
export function rememberedByText<T>(work: (text: string) => T): (text: string) => T {
  return rememberedByKey((text) => text, work);
}

/** The same for a function of something a short text stands for: `keyOf` must tell apart what `work` does. */
export function rememberedByKey<A, T>(
  keyOf: (argument: A) => string,
  work: (argument: A) => T
): (argument: A) => T {
  const known = new Map<string, T>();
  return (argument) => {
    const key = keyOf(argument);
    const remembered = known.get(key);
    if (remembered !== undefined || known.has(key)) return remembered as T;
    const value = work(argument);
    if (known.size < textMemoBound) known.set(key, value);
    return value;
  };
}

/** More distinct formats or labels than any real workbook holds. */
const textMemoBound = 1000;
