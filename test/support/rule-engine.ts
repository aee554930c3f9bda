/**
 * An independent judge of conditional formatting: HyperFormula evaluates each rule's formula for each cell
 * it applies to, as Excel would (relative references move from the rule's top-left cell to each cell).
 * Tests use it to check that the colours Excel would paint are exactly the statuses the report gives.
 */
import { HyperFormula } from "hyperformula";
import "./numbervalue.js";
import "./excel-round.js";
import type { CellValue } from "../../src/core";
import { cellAddress, parseAddress } from "./a1.js";
import { shiftReferences } from "./shift-references.js";

export interface RuleToJudge {
  formula: string;
  appliesTo: string[];
  fill: string;
}

/** Every cell of a set of rectangular areas ("G9:I9", "K4"), in reading order. */
export function cellsOfAreas(areas: readonly string[]): string[] {
  return areas.flatMap((area) => {
    const parsed = parseAddress(area);
    if (!parsed) throw new Error(`not an area: ${area}`);
    const { top, left, bottom, right } = parsed.area;
    const cells: string[] = [];
    for (let row = top; row <= bottom; row++)
      for (let column = left; column <= right; column++) cells.push(cellAddress(row, column));
    return cells;
  });
}

/** The fill each cell would get, by address; a cell that two rules colour keeps the first (Excel's priority). */
export function paintedCells(
  values: CellValue[][],
  rules: readonly RuleToJudge[]
): Map<string, string> {
  // Text stays text ("173.75" typed as text is not the number 173.75 to Excel), as HyperFormula keeps text after "'".
  const sheet = values.map((row) =>
    row.map((cell) =>
      cell === null
        ? null
        : typeof cell === "object"
          ? cell.error
          : typeof cell === "string" && cell !== ""
            ? `'${cell}`
            : cell
    )
  );
  const engine = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3" });
  const painted = new Map<string, string>();
  try {
    for (const rule of rules) {
      // Excel reads a rule's formula as written for the top-left cell of its first area.
      const anchor = parseAddress(rule.appliesTo[0])?.area;
      if (!anchor) throw new Error(`rule has no anchor: ${rule.appliesTo[0]}`);
      for (const address of cellsOfAreas(rule.appliesTo)) {
        if (painted.has(address)) continue;
        const cell = parseAddress(address)!.area;
        const formula = shiftReferences(
          rule.formula,
          cell.top - anchor.top,
          cell.left - anchor.left
        );
        const result = engine.calculateFormula(
          formula.startsWith("=") ? formula : `=${formula}`,
          0
        );
        if (result === true) painted.set(address, rule.fill);
      }
    }
  } finally {
    engine.destroy();
  }
  return painted;
}
