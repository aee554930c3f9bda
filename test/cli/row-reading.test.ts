import { describe, expect, it } from "vitest";
import { readSheet } from "../../src/cli/sheet";

const context = {
  name: "Rows",
  sharedStrings: [],
  numberFormats: ["General", "0%"],
  date1904: false,
};

async function* once(xml: string): AsyncGenerator<Buffer> {
  yield Buffer.from(xml, "utf8");
}

const worksheet = (rows: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

describe("each row of a sheet read into arrays of its own length", () => {
  it("gives a short row after a long one only its own cells and formats, nothing left from the row before", async () => {
    const { grid } = await readSheet(
      once(
        worksheet(
          '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"><v>0.5</v></c><c r="C1"><v>3</v></c><c r="D1"><v>4</v></c></row>' +
            '<row r="2"><c r="B2" s="1"><v>0.25</v></c></row>' +
            '<row r="3"><c r="C3"><v>7</v></c><c r="A3" s="1"><v>0.1</v></c></row>'
        )
      ),
      context
    );
    expect(grid.values).toEqual([
      [1, 0.5, 3, 4],
      [null, 0.25],
      [0.1, null, 7],
    ]);
    expect(grid.numberFormats).toEqual([
      ["General", "0%", "General", "General"],
      ["General", "0%"],
      ["0%", "General", "General"],
    ]);
    expect(grid.values.map((row) => row.length)).toEqual([4, 2, 3]);
  });
});
