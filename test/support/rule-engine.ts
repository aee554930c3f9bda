/**
 * An independent judge of conditional formatting: HyperFormula evaluates each rule's formula for each cell
 * it applies to, as Excel would (relative references move from the rule's top-left cell to each cell).
 * Tests use it to check that the colours Excel would paint are exactly the statuses the report gives.
 */
import { HyperFormula } from "hyperformula";
import "./numbervalue.js";
import { cellAddress, moveFormula, parseCellAddress, type CellValue } from "../../src/core";

export interface RuleToJudge {
  formula: string;
  appliesTo: string[];
  fill: string;
}

/** Every cell of a set of rectangular areas ("G9:I9", "K4"), in reading order. */
export function cellsOfAreas(areas: readonly string[]): string[] {
  return areas.flatMap((area) => {
    const [first, last = first] = area.replace(/\$/g, "").split(":");
    const from = parseCellAddress(first);
    const to = parseCellAddress(last);
    if (!from || !to) throw new Error(`not an area: ${area}`);
    const cells: string[] = [];
    for (let row = from.row; row <= to.row; row++) for (let column = from.column; column <= to.column; column++) cells.push(cellAddress({ row, column }));
    return cells;
  });
}

/** The fill each cell would get, by address; a cell that two rules colour keeps the first (Excel's priority). */
export function paintedCells(values: CellValue[][], rules: readonly RuleToJudge[]): Map<string, string> {
  // Text stays text ("173.75" typed as text is not the number 173.75 to Excel), as HyperFormula keeps text after "'".
  const sheet = values.map((row) => row.map((cell) => (cell === null ? null : typeof cell === "object" ? cell.error : typeof cell === "string" && cell !== "" ? `'${cell}` : cell)));
  const engine = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3" });
  const painted = new Map<string, string>();
  try {
    for (const rule of rules) {
      const anchor = parseCellAddress(rule.appliesTo[0].replace(/\$/g, "").split(":")[0]);
      if (!anchor) throw new Error(`rule has no anchor: ${rule.appliesTo[0]}`);
      for (const address of cellsOfAreas(rule.appliesTo)) {
        if (painted.has(address)) continue;
        const cell = parseCellAddress(address);
        if (!cell) continue;
        const formula = moveFormula(rule.formula, cell.row - anchor.row, cell.column - anchor.column);
        const result = engine.calculateFormula(formula.startsWith("=") ? formula : `=${formula}`, 0);
        if (result === true) painted.set(address, rule.fill);
      }
    }
  } finally {
    engine.destroy();
  }
  return painted;
}
