import JSZip from "jszip";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { features, sheetPart, vbaProject, workbookWith, type Feature } from "./raw-parts";
import { convertToPdf } from "./libreoffice";
import { kpiRag, scratchPerTest } from "./run-command";

const workspace = scratchPerTest();
const folder = (): string => workspace().folder;

async function partsOf(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).sort())
    if (!zip.files[name].dir) parts.set(name, await zip.files[name].async("nodebuffer"));
  return parts;
}

/** The add-in's own blocks, as the judge recognises them: a whole block whose every rule carries the marker. */
const ownBlock =
  /<conditionalFormatting sqref="[^"]*">(?:<cfRule type="expression" dxfId="\d+" priority="\d+"><formula>[^<]*N\(&quot;KPI RAG&quot;\)=0[^<]*<\/formula><\/cfRule>)+<\/conditionalFormatting>/g;

/** CT_Worksheet's sequence (ECMA-376 Part 1, 18.3.1.99), the judge of where the blocks may stand. */
const worksheetSequence = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

function topLevelElements(xml: string): string[] {
  const body = xml.slice(
    xml.indexOf(">", xml.indexOf("<worksheet")) + 1,
    xml.lastIndexOf("</worksheet>")
  );
  const names: string[] = [];
  let depth = 0;
  for (const match of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)) {
    if (match[1]) depth -= 1;
    else {
      if (depth === 0) names.push(match[2]);
      if (!match[3]) depth += 1;
    }
  }
  return names;
}

function priorities(xml: string): { own: number[]; others: number[] } {
  const own: number[] = [];
  const others: number[] = [];
  for (const match of xml.matchAll(/<(?:x14:)?cfRule\b([^>]*?)(\/?)>/g)) {
    const priority = /priority="(\d+)"/.exec(match[1])?.[1];
    if (priority === undefined) continue;
    const content = match[2]
      ? ""
      : xml.slice(match.index + match[0].length, xml.indexOf("cfRule>", match.index));
    (content.includes("N(&quot;KPI RAG&quot;)=0") ? own : others).push(Number(priority));
  }
  return { own, others };
}

function dxfsOf(styles: string): string[] {
  const dxfs = /<dxfs[^>]*>(.*?)<\/dxfs>/s.exec(styles)?.[1] ?? "";
  return [...dxfs.matchAll(/<dxf>.*?<\/dxf>/gs)].map((match) => match[0]);
}

async function formatted(wanted: Feature[], extension = ".xlsx") {
  const dir = folder();
  const input = path.join(dir, `appendix${extension}`);
  writeFileSync(input, await workbookWith(...wanted));
  const run = await kpiRag(input);
  const out = path.join(dir, `appendix.rag${extension}`);
  return { dir, input, run, out };
}

describe("kpi-rag writes only what it owns, whatever else the workbook holds", () => {
  for (const feature of features) {
    const extension = feature === "macros" ? ".xlsm" : ".xlsx";
    it(`formats a workbook with ${feature}, every part but the sheet and styles.xml byte for byte and the sheet changed only by its own blocks`, async () => {
      const { input, run, out } = await formatted([feature], extension);
      expect(run.error).toEqual([]);
      expect(run.code).toBe(0);
      const before = await partsOf(input);
      const after = await partsOf(out);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [name, bytes] of before) {
        if (name === sheetPart || name === "xl/styles.xml") continue;
        expect(after.get(name)!.equals(bytes), name).toBe(true);
      }
      const sheetBefore = before.get(sheetPart)!.toString("utf8");
      const sheetAfter = after.get(sheetPart)!.toString("utf8");
      expect(sheetAfter.match(ownBlock)!.length).toBeGreaterThan(3);
      expect(sheetAfter.replace(ownBlock, "")).toBe(sheetBefore);
      const order = topLevelElements(sheetAfter).map((name) => worksheetSequence.indexOf(name));
      expect(order.every((index) => index >= 0)).toBe(true);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      const { own, others } = priorities(sheetAfter);
      expect(Math.min(...own)).toBeGreaterThan(Math.max(...others));
      expect(new Set([...own, ...others]).size).toBe(own.length + others.length);
      const stylesBefore = before.get("xl/styles.xml")!.toString("utf8");
      const stylesAfter = after.get("xl/styles.xml")!.toString("utf8");
      expect(dxfsOf(stylesAfter).slice(0, dxfsOf(stylesBefore).length)).toEqual(
        dxfsOf(stylesBefore)
      );
      expect(stylesAfter.replace(/<dxfs[^>]*>.*?<\/dxfs>/s, "")).toBe(
        stylesBefore.replace(/<dxfs[^>]*>.*?<\/dxfs>/s, "")
      );
    });
  }

  it("keeps every analyst rule and its x14 data bar, and numbers its own rules after the x14 rule at priority 40", async () => {
    const { run, out } = await formatted(["data bars", "analyst rules"]);
    expect(run.code).toBe(0);
    const sheet = (await partsOf(out)).get(sheetPart)!.toString("utf8");
    for (const type of [
      "dataBar",
      "duplicateValues",
      "uniqueValues",
      "beginsWith",
      "endsWith",
      "notContainsText",
      "aboveAverage",
    ])
      expect(sheet).toContain(`type="${type}"`);
    expect(sheet).toContain('stopIfTrue="1"');
    expect(sheet).toContain('stdDev="1"');
    expect(Math.min(...priorities(sheet).own)).toBe(41);
  });

  it("formats a workbook with all of them at once, and a second run on its own output writes the same bytes", async () => {
    const { dir, run, out } = await formatted(features.filter((feature) => feature !== "macros"));
    expect(run.code).toBe(0);
    const twice = path.join(dir, "twice.xlsx");
    expect((await kpiRag(out, "--out", twice)).code).toBe(0);
    expect(readFileSync(twice).equals(readFileSync(out))).toBe(true);
  });

  it("--remove on the output gives back the input's worksheet XML byte for byte", async () => {
    const { dir, input, out } = await formatted(features.filter((feature) => feature !== "macros"));
    const removed = path.join(dir, "removed.xlsx");
    const run = await kpiRag(out, "--remove", "--out", removed);
    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(/^Removed 1\d KPI RAG rules/);
    expect(
      (await partsOf(removed)).get(sheetPart)!.equals((await partsOf(input)).get(sheetPart)!)
    ).toBe(true);
  });

  it("gives an .xlsm out for an .xlsm in, with its VBA project byte for byte, and refuses to name it .xlsx", async () => {
    const { dir, input, run, out } = await formatted(["macros"], ".xlsm");
    expect(run.code).toBe(0);
    expect(run.out.at(-1)).toBe(`Wrote ${out}`);
    expect((await partsOf(out)).get("xl/vbaProject.bin")!.equals(vbaProject)).toBe(true);
    const renamed = await kpiRag(input, "--out", path.join(dir, "plain.xlsx"));
    expect(renamed.code).toBe(1);
    expect(renamed.error[0]).toMatch(/must end in \.xlsm, as the workbook does/);
    expect(existsSync(path.join(dir, "plain.xlsx"))).toBe(false);
  });

  it("writes its blocks with the sheet's own prefix where the sheet binds SpreadsheetML to one, and rates it the same", async () => {
    const dir = folder();
    const zip = await JSZip.loadAsync(await workbookWith("analyst rules"));
    const xml = await zip.file(sheetPart)!.async("string");
    const prefixed = xml
      .replace(
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
      )
      .replace(/<(\/?)([A-Za-z]\w*)(?=[\s/>])/g, (tag, close: string, name: string) =>
        name === "xml" ? tag : `<${close}x:${name}`
      );
    zip.file(sheetPart, prefixed);
    const input = path.join(dir, "prefixed.xlsx");
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const plain = path.join(dir, "plain.xlsx");
    writeFileSync(plain, await workbookWith("analyst rules"));
    const run = await kpiRag(input);
    expect(run.code).toBe(0);
    expect(run.out).toEqual(
      (await kpiRag(plain)).out.map((line) => line.replace("plain.rag.xlsx", "prefixed.rag.xlsx"))
    );
    const sheet = (await partsOf(path.join(dir, "prefixed.rag.xlsx")))
      .get(sheetPart)!
      .toString("utf8");
    const blocks =
      sheet.match(
        /<x:conditionalFormatting sqref="[^"]*">(?:<x:cfRule type="expression" dxfId="\d+" priority="\d+"><x:formula>[^<]*KPI RAG[^<]*<\/x:formula><\/x:cfRule>)+<\/x:conditionalFormatting>/g
      ) ?? [];
    expect(blocks.length).toBeGreaterThan(3);
    expect(sheet.replace(blocks.join(""), "")).toBe(prefixed);
  });

  it("writes a file LibreOffice opens and converts to PDF", async () => {
    const { dir, run, out } = await formatted(features.filter((feature) => feature !== "macros"));
    expect(run.code).toBe(0);
    const converted = convertToPdf(out, dir);
    expect(converted.status, converted.stderr).toBe(0);
    const pdf = path.join(dir, "appendix.rag.pdf");
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  }, 150_000);
});
