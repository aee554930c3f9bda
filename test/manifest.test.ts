import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";
import { describe, expect, it } from "vitest";

const root = path.join(__dirname, "..");
const manifestFile = path.join(root, "manifest.xml");
const xml = readFileSync(manifestFile, "utf8");

describe("the add-in manifest, checked offline", () => {
  it("is read by office-addin-manifest's own parser as an Excel add-in", async () => {
    const manifest = await OfficeAddinManifest.readManifestFile(manifestFile);
    expect(manifest.displayName).toBe("KPI RAG");
    expect(manifest.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(manifest.hosts).toEqual(["Workbook"]);
  });

  it("defines every resid it names, and names every resource it defines", () => {
    const named = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((match) => match[1]));
    const defined = new Set(
      [...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((match) => match[1])
    );
    expect(named.size).toBeGreaterThan(8);
    expect([...named].filter((id) => !defined.has(id))).toEqual([]);
    expect([...defined].filter((id) => !named.has(id))).toEqual([]);
  });

  it("gives the functions the namespace KPI and asks for ReadWriteDocument", () => {
    expect(xml).toMatch(/<Namespace resid="Functions\.Namespace"\s*\/>/);
    expect(xml).toMatch(/<bt:String id="Functions\.Namespace" DefaultValue="KPI"\s*\/>/);
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  });

  it("runs the pane, the function file and the functions in one long-lived shared runtime", () => {
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\s*\/>/);
    expect([...xml.matchAll(/<Runtime /g)]).toHaveLength(1);
    expect(xml).toMatch(/<Runtime resid="Taskpane\.Url" lifetime="long"\s*\/>/);
    expect(xml).toMatch(/<FunctionFile resid="Taskpane\.Url"\s*\/>/);
    expect(xml).toMatch(/<Page>\s*<SourceLocation resid="Taskpane\.Url"\s*\/>/);
  });

  it("has an icon in assets/ for every size it names, and a help page the build ships", () => {
    const icons = [
      ...xml.matchAll(/DefaultValue="https:\/\/localhost:3000\/(assets\/[^"]+\.png)"/g),
    ].map((match) => match[1]);
    expect(icons.length).toBeGreaterThanOrEqual(3);
    for (const icon of icons) expect(existsSync(path.join(root, icon)), icon).toBe(true);
    expect(xml).toMatch(/<SupportUrl DefaultValue="https:\/\/localhost:3000\/support\.html"\s*\/>/);
    expect(readFileSync(path.join(root, "src", "support.html"), "utf8")).toContain(
      "Nothing leaves the workbook"
    );
  });
});
