/**
 * Period cells that hold no figure (PRODUCT.md, "Statuses"): the words analysts write while a figure is
 * awaited, the suppression symbols of published statistics, and a formula showing empty text. Each is
 * No data, never a colour and never a zero, with its meaning in the reason.
 */
import { describe, expect, it } from "vitest";
import { notCalculated, type CellValue } from "../../src/core";
import { readDefinition } from "../../src/core/definition/read-definition";
import { readWords } from "../../src/core/definition/read-words";
import { readValue } from "../../src/core/definition/written-figures";
import { rate } from "../../src/core/rating/rate";
import { eachRow } from "./each-row";

// Care leavers in education, employment or training: Bigger is better, target 60%, tolerance 50%.
const definition = readDefinition({
  polarity: "Bigger is better",
  target: "60%",
  tolerance: "50%",
});

describe("words that say a figure is not there yet", () => {
  eachRow(
    [
      { cell: "Data to be supplied", meaning: "the figure is still to be supplied" },
      { cell: "Data not yet available", meaning: "the figure is not available yet" },
      { cell: "Not yet available", meaning: "the figure is not available yet" },
      { cell: "TBC", meaning: "the figure is to be confirmed" },
      { cell: "Awaiting data", meaning: "the figure is awaited" },
      { cell: "Not due", meaning: "the figure is not due yet" },
      { cell: "Data to follow", meaning: "the figure is to follow" },
      { cell: "Pending", meaning: "the figure is awaited" },
      { cell: "not yet due", meaning: "the figure is not due yet" },
    ],
    ({ cell, meaning }) => `rates "${cell}" No data, saying ${meaning}`,
    ({ cell, meaning }) => {
      const rating = rate(cell, definition);
      expect(rating).toEqual({
        status: "No data",
        kind: "no data",
        reason: `No data: "${cell}": ${meaning}`,
        problem: `"${cell}": ${meaning}`,
      });
    }
  );
});

describe("the suppression symbols of published statistics", () => {
  eachRow(
    [
      { cell: "c", meaning: "the figure is suppressed to protect confidentiality" },
      { cell: "z", meaning: "no figure applies (not applicable)" },
      { cell: "k", meaning: "the figure is too small to show: it rounds to zero" },
      { cell: "x", meaning: "the figure is not available" },
      { cell: "u", meaning: "the figure is withheld as of low reliability" },
      { cell: "..", meaning: "the figure is not available for this period" },
      { cell: "[c]", meaning: "the figure is suppressed to protect confidentiality" },
    ],
    ({ cell, meaning }) =>
      `rates "${cell}" No data, saying ${meaning}, and does not report it as an unreadable figure`,
    ({ cell, meaning }) => {
      const rating = rate(cell, definition);
      expect(rating.status).toBe("No data");
      expect(rating.reason).toBe(`No data: "${cell}": ${meaning}`);
      expect(rating.kind).toBe("no data");
    }
  );

  it("still reports other single letters and dots as text that is not a figure", () => {
    for (const cell of ["q", ".", "cc"]) expect(readValue(cell).kind, cell).toBe("unreadable");
  });
});

describe("a formula whose result is empty text", () => {
  it('rates the empty text a formula such as =IF(B5="","",B5) shows as No data because the cell is blank, not as a formula waiting to be calculated', () => {
    const rating = rate("", definition);
    expect(rating).toEqual({
      status: "No data",
      kind: "no data",
      reason: "No data: the cell is blank",
      problem: "the cell is blank",
    });
  });

  it("keeps a formula no spreadsheet has calculated apart: that one says to open and save the workbook", () => {
    const rating = rate({ ...notCalculated } as CellValue, definition);
    expect(rating.status).toBe("No data");
    expect(rating.reason).toContain("has not been calculated yet");
  });
});

describe("no-data words the workbook teaches", () => {
  const { words } = readWords([
    ["Word", "Means"],
    ["NYA", "No data"],
    ["Awaiting sign-off", "No data"],
  ]);

  it("rates a taught NYA No data, saying the KPIWords table taught it, where it is otherwise text that is not a figure", () => {
    const taught = readDefinition(
      { polarity: "Bigger is better", target: "60%", tolerance: "50%" },
      words
    );
    expect(rate("NYA", taught)).toEqual({
      status: "No data",
      kind: "no data",
      reason: 'No data: "NYA" means No data, as the KPIWords table teaches',
      problem: '"NYA" means No data, as the KPIWords table teaches',
    });
    expect(rate("nya", taught).status).toBe("No data");
    expect(rate("NYA", definition).kind).toBe("unreadable");
  });

  it("reads a taught word through readValue too, and still reads figures as figures", () => {
    expect(readValue("Awaiting sign-off", "General", words).kind).toBe("no data");
    expect(readValue("Awaiting sign-off").kind).toBe("unreadable");
    expect(readValue("55%", "General", words)).toEqual({
      kind: "figure",
      value: 0.55,
      percent: true,
    });
  });
});
