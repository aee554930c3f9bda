// The core's wings (src/core's folders) and the order imports must follow through them, for
// check-direction.mjs (npm run lint) and docs/architecture.md.

/**
 * The wings, lowest first: a module may import from its own wing or any wing listed before it, never
 * from one listed after. `holds` is the line docs/architecture.md shows for the folder.
 */
export const wings = [
  {
    name: "values",
    holds:
      "the plain values every wing shares: a cell's value, a sheet's grid of cells and its addresses, a status and a rating",
  },
  {
    name: "definition",
    holds:
      "reading a KPI's definition: its wording, polarity and its grammar, thresholds, units and scale, tolerance sets, text figures' flags and the words a workbook teaches",
  },
  {
    name: "rating",
    holds:
      "rating a figure: the council schemes and the bands they draw, `rate`, direction of travel, a definition in words, and benchmarks (comparing with one, and a target written against one)",
  },
  {
    name: "register",
    holds:
      "which definition rates a row: the built-in catalogue, the KPIRegister table, the KPISettings table, and a row's own definition or its register entry's",
  },
  {
    name: "sheet",
    holds:
      "reading a sheet: headers (threshold and comparator headers, the year a period falls in), layouts, tables, the column map, a sheet's key of flags, the KPIWords table, and why a sheet was skipped",
  },
  {
    name: "appraisal",
    holds:
      "the appraisal of a sheet and its views: the report, the summaries, a benchmark target in the report's words, gaps and the watch list",
  },
  {
    name: "plan",
    holds:
      "the formatting plan: conditional-format rules from an appraisal, their colours, conditions and symbols, moving formulas, and the marker that knows the add-in's own rules",
  },
];

export const knownAgainstTheOrder = {};
