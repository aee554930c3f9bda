/**
 * A scorecard sheet in other councils' wordings, read end to end as the pane and kpi-rag read it (table
 * detection, then the formatting plan): polarity codes and phrases, thresholds in words, margins, context
 * measures, no-data symbols, and the words its KPIWords table teaches. Statuses worked out by hand.
 */
import { describe, expect, it } from "vitest";
import {
  buildRegister,
  findTables,
  registerColumns,
  type CellValue,
  type Grid,
} from "../../src/core";
import { readWords } from "../../src/core/definition/read-words";
import { rate } from "../../src/core/rating/rate";
import { lookUp } from "../../src/core/register/register";
import { scorecardRows, scorecardStatuses } from "./wordings-scorecard";
import { plannedWithReport } from "../support/planned-with-report";

function grid(values: CellValue[][]): Grid {
  return {
    sheet: "Scorecard",
    origin: { row: 0, column: 0 },
    values,
    numberFormats: values.map((row) => row.map(() => "General")),
    merges: [],
  };
}

// The shared scorecard, and a row whose polarity and first figure only the workbook's KPIWords table explains.
const scorecard = grid([
  ...scorecardRows,
  ["Initial health assessments within 20 working days", "+ve", "90%", "80%", "NYA", "85%"],
]);

const statuses = (found: ReturnType<typeof findTables>): Record<string, string> =>
  Object.fromEntries(
    plannedWithReport(found).tables.flatMap((table) =>
      table.rows.flatMap((row) => row.cells.map((cell) => [cell.address, cell.status]))
    )
  );

describe("a scorecard in other councils' wordings", () => {
  const { words } = readWords([
    ["Word", "Means"],
    ["+ve", "Bigger is better"],
    ["NYA", "No data"],
  ]);

  it("rates every row by its own wording, with the words its KPIWords table teaches", () => {
    expect(statuses(findTables(scorecard, undefined, { words }))).toEqual({
      ...scorecardStatuses,
      E7: "No data",
      F7: "Amber",
    });
  });

  it("rates the row whose polarity only the KPIWords table explains Check definition without it, and its NYA as a problem", () => {
    const found = findTables(scorecard);
    const row = found.tables[0].rows.find((candidate) =>
      candidate.measure.startsWith("Initial health")
    )!;
    expect(row.problems.join(" ")).toContain('"+ve" is not wording the add-in knows');
    expect(statuses(found)).toEqual({
      ...scorecardStatuses,
      E7: "No data",
      F7: "Check definition",
    });
  });

  it("says how the margin and the strict target were read in the definition the pane shows", () => {
    const plan = plannedWithReport(findTables(scorecard, undefined, { words }));
    const definitions = plan.tables[0].rows.map((row) => row.definition);
    expect(definitions[0]).toContain(
      'the tolerance "±5%" read as 5% of the target\'s value below the target: 90.25%'
    );
    expect(definitions[1]).toContain('the target "Less than 22%" is strict');
    expect(definitions[5]).toContain("as the KPIWords table teaches");
  });
});

describe("the workbook's KPIRegister table in the same wordings", () => {
  it("rates a register entry whose polarity is a taught word, and refuses it when the word is not taught", () => {
    const { words } = readWords([
      ["Word", "Means"],
      ["-ve", "Smaller is better"],
    ]);
    const table = {
      values: [
        [...registerColumns],
        [
          "KPI-40",
          "Re-referrals within 12 months",
          "Early help",
          "-ve",
          "%",
          "Less than 22%",
          "28%",
          null,
          null,
        ],
      ],
    };
    const entry = lookUp(buildRegister(table, words), "KPI-40")!;
    expect(rate("22%", entry.definition).status).toBe("Amber");
    expect(rate("21%", entry.definition).status).toBe("Green");
    expect(lookUp(buildRegister(table), "KPI-40")).toBeUndefined();
    expect(buildRegister(table).problems.join(" ")).toContain(
      '"-ve" is not wording the add-in knows'
    );
  });
});
