import { describe, expect, it } from "vitest";
import { parseXml, localName } from "../../src/cli/xml";
import { appendixEdited, partOf, runOn, sheetPart, spreadsheetMain } from "./hostile-workbook";
import { scratchPerTest } from "./run-command";

const workspace = scratchPerTest();

/** The names of the root's children, in order, and how many roots the part has. */
function shape(xml: string): { roots: number; children: string[] } {
  let depth = 0;
  let roots = 0;
  const children: string[] = [];
  parseXml(Buffer.from(xml), {
    open(tag) {
      depth += 1;
      if (depth === 1) roots += 1;
      if (depth === 2) children.push(localName(tag.name));
    },
    close() {
      depth -= 1;
    },
  });
  return { roots, children };
}

describe("kpi-rag puts the rules' styles inside styles.xml's one root, however the root is written", () => {
  it("opens a self-closing <styleSheet/> to put its <dxfs> inside it, and reads its own output back", async () => {
    const bytes = await appendixEdited({
      "xl/styles.xml": () =>
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${spreadsheetMain}"/>`,
    });
    const run = await runOn(workspace().folder, bytes);
    expect(run.error).toEqual([]);
    expect(run.code).toBe(0);
    const styles = await partOf(run.output, "xl/styles.xml");
    expect(shape(styles)).toEqual({ roots: 1, children: ["dxfs"] });
    expect(styles).toMatch(/^<\?xml[^>]*>\n<styleSheet xmlns="[^"]+"><dxfs count="\d+">/);
    expect(styles.endsWith("</dxfs></styleSheet>")).toBe(true);
  });
});

describe("kpi-rag knows SpreadsheetML's elements by their namespace, not by their prefix", () => {
  it("adds to the one <dxfs> of a styles root that binds the namespace both as the default and to a prefix", async () => {
    const bytes = await appendixEdited({
      "xl/styles.xml": (xml) =>
        xml.replace("<styleSheet ", `<styleSheet xmlns:x="${spreadsheetMain}" `),
    });
    const run = await runOn(workspace().folder, bytes);
    expect(run.code).toBe(0);
    const children = shape(await partOf(run.output, "xl/styles.xml")).children;
    expect(children.filter((name) => name === "dxfs")).toHaveLength(1);
  });

  it("adds to the one <dxfs> when a child binds the namespace again as the default under a prefixed root", async () => {
    const bytes = await appendixEdited({
      "xl/styles.xml": (xml) =>
        xml
          .replace(
            `<styleSheet xmlns="${spreadsheetMain}"`,
            `<x:styleSheet xmlns:x="${spreadsheetMain}"`
          )
          .replace("</styleSheet>", "</x:styleSheet>")
          .replace(
            /<dxfs .*<\/dxfs>/,
            `<dxfs xmlns="${spreadsheetMain}" count="1"><dxf><font><b/></font></dxf></dxfs>`
          ),
    });
    const run = await runOn(workspace().folder, bytes);
    expect(run.code).toBe(0);
    const styles = await partOf(run.output, "xl/styles.xml");
    expect(shape(styles).children.filter((name) => name === "dxfs")).toHaveLength(1);
    expect(styles).toMatch(
      /<dxfs xmlns="[^"]+" count="4"><dxf><font><b\/><\/font><\/dxf>(<dxf><font><color rgb="FF\w{6}"\/><\/font><fill>.*?<\/fill><\/dxf>){3}<\/dxfs><tableStyles /
    );
  });

  it("puts the rules after <sheetData> in a worksheet that binds the namespace as the default and to a prefix", async () => {
    const bytes = await appendixEdited({
      [sheetPart]: (xml) => xml.replace("<worksheet ", `<worksheet xmlns:x="${spreadsheetMain}" `),
      "xl/styles.xml": (xml) =>
        xml.replace("<styleSheet ", `<styleSheet xmlns:x="${spreadsheetMain}" `),
    });
    const run = await runOn(workspace().folder, bytes);
    expect(run.code).toBe(0);
    const children = shape(await partOf(run.output, sheetPart)).children;
    const sheetData = children.indexOf("sheetData");
    const firstBlock = children.indexOf("conditionalFormatting");
    expect(sheetData).toBeGreaterThan(0);
    expect(firstBlock).toBeGreaterThan(sheetData);
    expect(children.slice(firstBlock).filter((name) => name !== "conditionalFormatting")).toEqual([
      "pageSetup",
    ]);
  });

  it("puts the rules after <sheetData> when the sheet's sections bind the namespace again themselves", async () => {
    const bytes = await appendixEdited({
      [sheetPart]: (xml) =>
        xml
          .replace(
            `<worksheet xmlns="${spreadsheetMain}"`,
            `<s:worksheet xmlns:s="${spreadsheetMain}"`
          )
          .replace("</worksheet>", "</s:worksheet>")
          .replace(
            /<(sheetPr|dimension|sheetViews|sheetFormatPr|cols|sheetData|conditionalFormatting|pageSetup)([ >/])/g,
            `<$1 xmlns="${spreadsheetMain}"$2`
          ),
    });
    const run = await runOn(workspace().folder, bytes);
    expect(run.error).toEqual([]);
    expect(run.code).toBe(0);
    const sheet = await partOf(run.output, sheetPart);
    const children = shape(sheet).children;
    expect(children.indexOf("conditionalFormatting")).toBeGreaterThan(
      children.indexOf("sheetData")
    );
    expect(children[children.length - 1]).toBe("pageSetup");
    expect(sheet).toContain("<s:conditionalFormatting ");
  });
});
