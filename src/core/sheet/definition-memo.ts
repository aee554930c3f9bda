/**
 * The speed structure of reading rows' definitions: a sheet's rows worded alike share one definition,
 * found by a trie over their wording cells (one step a cell, no key built for a row), and each shared
 * definition's scaled copies, problems and periods without thresholds are made once.
 */
import { readDefinition } from "../definition/read-definition";
import type { CellValue } from "../values/cell";
import {
  definitionProblems,
  withScale,
  type Definition,
  type DefinitionWording,
  type FiguresUnit,
} from "../definition/definition";
import type { PercentScale, Unit } from "../definition/units";
import type { Words } from "../definition/words";
import { noThresholdFor } from "./period-year";

/** A KPI's threshold cells and formats, wherever on the sheet they were found. */
export interface ThresholdCells {
  measure: string;
  polarity: CellValue;
  target: CellValue;
  tolerance: CellValue;
  targetFormat: string;
  toleranceFormat: string;
  unit: CellValue;
  others: ReadonlyArray<{ set: string; cell: CellValue; format: string }>;
  /** The stretch target's cell, where the table has a Stretch column (its root in the trie says so). */
  stretch: { cell: CellValue; format: string } | undefined;
  /** The unit the row's figures are written in, where only they say one (see `DefinitionWording.figuresUnit`). */
  figuresUnit: FiguresUnit | null;
  /** The unit the measure's words imply (`unitFromMeasure`), read once a row by whoever fills these cells. */
  measureUnit: Unit | null;
}

/**
 * Rows with the same wording share one definition object: appendices repeat thresholds ("Bigger is
 * better, 95%, 80%") down the sheet, and a shared definition lets its bands and rules be worked out once.
 * The measure only matters to a definition through the unit its words imply, so that is what the key holds.
 */
export class DefinitionMemo {
  readonly wordings: WordingTrie;
  private readonly byScale = new WeakMap<Definition, Map<string, Definition>>();
  private readonly problemsOf = new WeakMap<Definition, readonly string[]>();

  constructor(words: Words | undefined) {
    this.wordings = new WordingTrie(words);
  }

  /** The definition with the row's percent scale, one object per definition and scale. */
  scaled(definition: Definition, scale: PercentScale | undefined): Definition {
    const byScale = remembered(this.byScale, definition, newMap<string, Definition>);
    let found = byScale.get(scale ?? "");
    if (found === undefined) {
      found = withScale(definition, scale);
      byScale.set(scale ?? "", found);
    }
    return found;
  }

  /** The definition's problems, one list per definition that its rows share. */
  problems(definition: Definition): readonly string[] {
    return remembered(this.problemsOf, definition, definitionProblems);
  }

  private readonly unrated = new WeakMap<Definition, Map<string, Definition>>();

  /** A period's definition where its year has no threshold: one object per row definition and period. */
  withoutThresholds(definition: Definition, period: string): Definition {
    const byPeriod = remembered(this.unrated, definition, newMap<string, Definition>);
    let found = byPeriod.get(period);
    if (found === undefined) {
      found = noThresholdFor(definition, period);
      byPeriod.set(period, found);
    }
    return found;
  }
}

export type WordingNode = Map<unknown, WordingNode | Definition>;

/**
 * A trie of a row's wording cells and formats, one step per cell, so looking a wording up builds no key
 * string, array or closure for every row; at its end, the definition for each unit the measure implies.
 */
class WordingTrie {
  private readonly roots = new Map<string, WordingNode>();

  constructor(private readonly words: Words | undefined) {}

  /**
   * Where a table's rows' wordings start, by the other tolerance sets it has: tables of one sheet share the
   * trie, and tables with the same sets read their rows' wordings alike (the same steps, and the same sets
   * in each definition read). Tables with a stretch column take two more steps a row, so start apart.
   */
  root(otherSets: readonly string[], stretch = false): WordingNode {
    const key = otherSets.join("\u0000") + (stretch ? "\u0001stretch" : "");
    return remembered(this.roots, key, newMap<unknown, WordingNode>);
  }

  /** The definition of threshold cells, shared with every KPI worded alike: looked up one trie step a cell. */
  definitionOf(root: WordingNode, cells: ThresholdCells): Definition {
    const { polarity, target, tolerance, targetFormat, toleranceFormat, unit } = cells;
    const { others, stretch } = cells;
    let node = this.step(root, polarity);
    node = this.step(node, target);
    node = this.step(node, tolerance);
    node = this.step(node, unit);
    // By index: a for…of makes an iterator and a result a step until V8 compiles it.
    for (let index = 0; index < others.length; index++) node = this.step(node, others[index].cell);
    node = this.step(node, targetFormat);
    node = this.step(node, toleranceFormat);
    for (let index = 0; index < others.length; index++)
      node = this.step(node, others[index].format);
    if (stretch) {
      node = this.step(node, stretch.cell);
      node = this.step(node, stretch.format);
    }
    // The measure only matters to a definition through the unit its words imply; the figures through the
    // unit they are written in, which counts only where the measure implies none.
    const measureUnit =
      cells.measureUnit ?? (cells.figuresUnit === null ? "" : `figures in ${cells.figuresUnit}`);
    const known = this.known(node, measureUnit);
    if (known) return known;
    return this.keep(node, measureUnit, wordingOf(cells));
  }

  /** The node after one more cell (its value, an error by its code) or format. */
  step(node: WordingNode, cell: CellValue): WordingNode {
    const key = cell !== null && typeof cell === "object" ? `#${cell.error}` : cell;
    return remembered(node as Map<unknown, WordingNode>, key, newMap<unknown, WordingNode>);
  }

  /** The definition already read at a node for a measure's unit, if any. */
  known(node: WordingNode, unit: string): Definition | undefined {
    return node.get(unit) as Definition | undefined;
  }

  /** Reads a wording first met at a node, and keeps its definition there. */
  keep(node: WordingNode, unit: string, wording: DefinitionWording): Definition {
    const definition = readDefinition(wording, this.words);
    node.set(unit, definition);
    return definition;
  }
}

/** The wording of threshold cells first met, copied out of the row's cells that are written over. */
function wordingOf(cells: ThresholdCells): DefinitionWording {
  const { measure, polarity, target, tolerance, targetFormat, toleranceFormat, unit } = cells;
  const { others, stretch } = cells;
  return {
    measure,
    polarity,
    target,
    tolerance,
    otherTolerances: Object.fromEntries(others.map((other) => [other.set, other.cell])),
    unit,
    formats: {
      target: targetFormat,
      tolerance: toleranceFormat,
      otherTolerances: Object.fromEntries(others.map((other) => [other.set, other.format])),
      ...(stretch ? { stretch: stretch.format } : {}),
    },
    ...(stretch ? { stretch: stretch.cell } : {}),
    ...(cells.figuresUnit === null ? {} : { figuresUnit: cells.figuresUnit }),
  };
}

/**
 * The settled shape of a wording: made first with blank and plain-number thresholds, so a first target of
 * 0.9 does not give its fields a number's shape that the first text target ("90%") throws away, with the
 * compiled row reading (the reason is `settledPeriodCells`').
 */
export const settledWordings = [null, 0].map((threshold) =>
  wordingOf({
    measure: "",
    polarity: null,
    target: threshold,
    tolerance: threshold,
    targetFormat: "General",
    toleranceFormat: "General",
    unit: null,
    others: [],
    stretch: undefined,
    figuresUnit: null,
    measureUnit: null,
  })
);

/** A new, empty map: one function for every miss, so looking up a row makes no closure. */
function newMap<K, V>(): Map<K, V> {
  return new Map<K, V>();
}

/** The value a map holds for a key, made from the key and kept the first time it is asked for. */
function remembered<K, V>(
  map: { get(key: K): V | undefined; set(key: K, value: V): unknown },
  key: K,
  make: (key: K) => V
): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make(key);
    map.set(key, value);
  }
  return value;
}
