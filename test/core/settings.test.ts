/** The workbook's settings: its scheme and status symbols, from a KPISettings table or a KPIWords word. */
import { describe, expect, it } from "vitest";
import { schemeName, settingsTableOfGrid, workbookSettings, type CellValue } from "../../src/core";
import { readWords } from "../../src/core/definition/read-words";
import { readScheme } from "../../src/core/register/settings";
import { eachRow } from "./each-row";

const table = (...rows: CellValue[][]): CellValue[][] => [["Setting", "Value"], ...rows];

describe("reading a scheme's name", () => {
  eachRow(
    [
      ["Standard", "Standard"],
      ["Green and Red only", "Green and Red only"],
      ["green & red only", "Green and Red only"],
      ["Red and green", "Green and Red only"],
      ["BRAG: Blue at 5% better than target", "Blue for exceeding (Blue at 5% better than target)"],
      [
        "Blue for exceeding, Blue at 3 points better than target",
        "Blue for exceeding (Blue at 3 points better than target)",
      ],
      [
        "Percentage of target: Green within 5%, Amber within 10%",
        "Percentage of target (Green within 5%, Amber within 10%)",
      ],
      ["Amber by direction of travel", "Amber by direction"],
      ["Steady good", null],
    ] as const,
    ([written, name]) => `reads "${written}" as ${name ?? "no scheme"}`,
    ([written, name]) => {
      const read = readScheme(written);
      expect(read?.ok ? schemeName(read.value) : null).toBe(name);
    }
  );

  it("reads a Blue scheme with no margin as Blue at each row's own stretch target", () => {
    const read = readScheme("Blue for exceeding");
    expect(read).toEqual({ ok: true, value: { kind: "blue for exceeding" } });
    expect(read?.ok ? schemeName(read.value) : null).toBe(
      "Blue for exceeding (Blue at each row's stretch target)"
    );
  });

  it("says how to write a Blue scheme whose words after the name give no margin", () => {
    expect(readScheme("Blue for exceeding, Blue when well above")).toEqual({
      ok: false,
      problem:
        '"Blue for exceeding, Blue when well above" does not say how far beyond the target is Blue: write it as Blue for exceeding, Blue at 5% better than target (or add a Stretch column)',
    });
  });

  it("reads Green within and Amber within typed as 5% and 10% (kept by Excel as 0.05 and 0.1) as 5% and 10%", () => {
    expect(
      workbookSettings(
        table(["Scheme", "Percentage of target"], ["Green within", 0.05], ["Amber within", 0.1]),
        undefined
      ).settings.scheme
    ).toEqual({ kind: "percentage of target", green: 0.05, amber: 0.1 });
  });

  it("takes the margin of a Blue at row over the Scheme row's bare Blue for exceeding", () => {
    expect(
      workbookSettings(
        table(["Scheme", "Blue for exceeding"], ["Blue at", "5% better than target"]),
        undefined
      ).settings.scheme
    ).toEqual({ kind: "blue for exceeding", stretch: { value: 0.05, relative: true } });
  });

  it("refuses a percentage scheme whose Amber share is nearer the target than its Green one", () => {
    expect(readScheme("Percentage of target, Green within 10%, Amber within 5%")?.ok).toBe(false);
  });
});

describe("the KPISettings table", () => {
  it("chooses Standard bands and no symbols when the workbook has no settings", () => {
    const read = workbookSettings(undefined, undefined);
    expect(read.settings).toEqual({ scheme: { kind: "standard" }, symbols: false });
    expect(read.problems).toEqual([]);
  });

  it("reads the scheme's figures from rows of their own, and Symbols Yes", () => {
    const read = workbookSettings(
      table(
        ["Scheme", "Percentage of target"],
        ["Green within", "5%"],
        ["Amber within", "10%"],
        ["Symbols", "Yes"]
      ),
      undefined
    );
    expect(read.settings).toEqual({
      scheme: { kind: "percentage of target", green: 0.05, amber: 0.1 },
      symbols: true,
    });
  });

  it("leaves the Standard bands in place and says why when the scheme cannot be read", () => {
    const read = workbookSettings(table(["Scheme", "Rainbow"]), undefined);
    expect(read.settings.scheme).toEqual({ kind: "standard" });
    expect(read.problems).toEqual([
      'Row 2 of KPISettings: "Rainbow" is not a scheme the add-in knows (use Standard; Green and Red only; Blue for exceeding, Blue at 5% better than target; Percentage of target, Green within 5%, Amber within 10%; Amber by direction): the Standard bands apply',
    ]);
  });

  it("reports a setting it does not know and a Symbols value that is not Yes or No", () => {
    const read = workbookSettings(table(["Colours", "Bright"], ["Symbols", "Maybe"]), undefined);
    expect(read.settings.symbols).toBe(false);
    expect(read.problems).toEqual([
      'Row 2 of KPISettings: "Colours" is not a setting the add-in knows (use Scheme or Symbols): left out',
      'Row 3 of KPISettings: Symbols is "Maybe", not Yes or No: left out',
    ]);
  });

  it("finds the table on the KPI Register sheet's grid beside other cells", () => {
    const values: CellValue[][] = [
      ["ID", "Measure", null, "Setting", "Value"],
      ["KPI-1", "Visits", null, "Scheme", "Amber by direction"],
      ["KPI-2", "Plans", null, null, null],
    ];
    const rows = settingsTableOfGrid({
      sheet: "KPI Register",
      origin: { row: 0, column: 0 },
      values,
      numberFormats: values.map((row) => row.map(() => "General")),
      merges: [],
    });
    expect(workbookSettings(rows, undefined).settings.scheme).toEqual({
      kind: "amber by direction",
    });
  });
});

describe("a scheme taught in KPIWords", () => {
  const { words } = readWords([
    ["Word", "Means"],
    ["Scheme", "Green and Red only"],
  ]);

  it("chooses the scheme a KPIWords word's meaning names", () => {
    expect(workbookSettings(undefined, words).settings.scheme).toEqual({ kind: "green and red" });
  });

  it("gives way to the KPISettings table's Scheme row", () => {
    expect(
      workbookSettings(table(["Scheme", "Amber by direction"]), words).settings.scheme
    ).toEqual({ kind: "amber by direction" });
  });
});

describe("a scheme taught in KPIWords that cannot be read", () => {
  it("keeps the Standard bands and says why, naming the word", () => {
    const { words, problems } = readWords([
      ["Word", "Means"],
      ["BRAG", "Blue for exceeding, Blue when well above"],
    ]);
    expect(problems).toEqual([]);
    const read = workbookSettings(undefined, words);
    expect(read.settings.scheme).toEqual({ kind: "standard" });
    expect(read.problems).toEqual([
      'KPIWords: "BRAG" means "Blue for exceeding, Blue when well above" does not say how far beyond the target is Blue: write it as Blue for exceeding, Blue at 5% better than target (or add a Stretch column): the Standard bands apply',
    ]);
  });
});
