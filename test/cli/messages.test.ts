import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { visible } from "../../src/cli/summary";
import { appendixEdited, runOn } from "./hostile-workbook";
import { example, kpiRag, scratchPerTest } from "./run-command";

const workspace = scratchPerTest();

describe("kpi-rag shows text from the workbook with its control characters escaped", () => {
  it("prints a header holding Excel's escapes for ESC and BEL as \\x1B and \\x07, never the characters", async () => {
    const bytes = await appendixEdited({
      "xl/sharedStrings.xml": (xml) =>
        xml.replace("<t>Commentary</t>", "<t>Commentary_x001B_]0;pwned_x0007__x001B_[2J</t>"),
    });
    const run = await runOn(workspace().folder, bytes);
    expect(run.code).toBe(0);
    expect(run.out.join("\n")).toContain("K Commentary\\x1B]0;pwned\\x07\\x1B[2J left alone");
    for (const line of [...run.out, ...run.error])
      expect([...line].filter((character) => character.charCodeAt(0) < 0x20)).toEqual([]);
  });

  it("shows a right-to-left override and a line break as escapes, and leaves letters and symbols as they are", () => {
    expect(visible("Café ✓ 2021/22\u202Eabc\nrow")).toBe("Café ✓ 2021/22\\u202Eabc\\x0Arow");
  });
});

describe("kpi-rag says what is wrong, in one line, for a careless file or command", () => {
  it("names backslashes in part names, as some old tools wrote them", async () => {
    const source = await JSZip.loadAsync(readFileSync(example("appendix-i.xlsx")));
    const backslashed = new JSZip();
    for (const file of Object.values(source.files))
      if (!file.dir)
        backslashed.file(file.name.replace(/\//g, "\\"), await file.async("nodebuffer"));
    const run = await runOn(
      workspace().folder,
      await backslashed.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })
    );
    expect(run.code).toBe(1);
    expect(run.error).toHaveLength(1);
    expect(run.error[0]).toMatch(
      /hostile\.xlsx is damaged or is not an \.xlsx workbook \(its parts are named with backslashes, as "[^"]*\\[^"]*", where a workbook's names use "\/"\)/
    );
  });

  it("says a workbook with an empty <sheets> lists no worksheets, with no double space", async () => {
    const bytes = await appendixEdited({
      "xl/workbook.xml": (xml) => xml.replace(/<sheets>.*<\/sheets>/, "<sheets></sheets>"),
    });
    const run = await runOn(workspace().folder, bytes);
    expect(run.code).toBe(1);
    expect(run.error).toHaveLength(1);
    expect(run.error[0]).toMatch(
      /hostile\.xlsx has no KPI table\. Its workbook lists no worksheets\. The add-in looks for /
    );
    expect(run.error[0]).not.toMatch(/ {2}/);
  });

  it.each(["constructor", "toString", "__proto__"])(
    "takes %s as the workbook's name, not as an option needing a value",
    async (name) => {
      const run = await kpiRag(name);
      expect(run.code).toBe(1);
      expect(run.error).toEqual([`kpi-rag: There is no file ${name}`]);
    }
  );

  it.each(["--out", "--report", "--sheet", "--tolerance"])(
    "says %s was given an empty value, not that a folder does not exist",
    async (option) => {
      const { copies } = workspace(example("appendix-i.xlsx"));
      const run = await kpiRag(copies[0], option, "");
      expect(run.code).toBe(2);
      expect(run.error[0]).toBe(`kpi-rag: ${option} is given an empty value: it needs one`);
    }
  );
});
