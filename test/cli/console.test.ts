/**
 * kpi-rag as the console runs it (bin/kpi-rag.js). It loads the bundle with V8's code cache that `npm run
 * prepare` makes beside it: a cache V8 can use spares compiling, and one it cannot (another bundle's,
 * another Node's, or damaged) changes nothing. And its summary may meet a reader that stops early.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.join(__dirname, "..", "..");
const bundle = path.join(root, "lib", "kpi-rag.js");
const { loadBundle } = createRequire(__filename)(path.join(root, "bin", "load-bundle.js")) as {
  loadBundle: (
    file: string,
    options?: { withCache?: boolean }
  ) => {
    exports: { main: (argv: string[], terminal: unknown) => Promise<number> };
    script: { cachedDataRejected?: boolean };
  };
};
const folder = mkdtempSync(path.join(os.tmpdir(), "kpi-rag-code-cache-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const lines = async (file: string): Promise<{ code: number; out: string[] }> => {
  const out: string[] = [];
  const { exports } = loadBundle(file);
  const code = await exports.main(
    [
      path.join(root, "examples", "appendix-i.xlsx"),
      "--out",
      path.join(folder, "out.xlsx"),
      "--force",
    ],
    { out: (line: string) => out.push(line), error: (line: string) => out.push(line) }
  );
  return { code, out };
};

describe("the command's code cache", () => {
  it("is made by npm run prepare and accepted by this Node for this bundle", () => {
    expect(existsSync(`${bundle}.cache`)).toBe(true);
    expect(loadBundle(bundle).script.cachedDataRejected).toBe(false);
  });

  it("is refused when damaged, and the command says the same as without it", async () => {
    const copy = path.join(folder, "kpi-rag.js");
    copyFileSync(bundle, copy);
    writeFileSync(`${copy}.cache`, Buffer.from("not a code cache"));
    expect(loadBundle(copy).script.cachedDataRejected).toBe(true);
    const withDamaged = await lines(copy);
    const withCache = await lines(bundle);
    expect(withDamaged.code).toBe(0);
    expect(withDamaged.out).toEqual(withCache.out);
    expect(withCache.out[0]).toMatch(/^Sheet "Appendix I": 3 KPI tables/);
  });
});

describe("kpi-rag as a console command", () => {
  it("says nothing more when the reader of its summary stops early (| head)", () => {
    const out = path.join(folder, "piped.xlsx");
    // `true` reads nothing and exits: the command's one write of its summary meets a closed pipe.
    const run = spawnSync(
      "sh",
      [
        "-c",
        `"${process.execPath}" bin/kpi-rag.js examples/appendix-i.xlsx --out "${out}" --force | true`,
      ],
      { cwd: root, encoding: "utf8" }
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
