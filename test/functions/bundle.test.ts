import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { callAsExcel, type FunctionsMetadata } from "../support";

const dist = path.join(__dirname, "..", "..", "dist");

/** Builds dist/ once if it is not there (CI builds before testing; a fresh checkout may not have). */
beforeAll(() => {
  if (!existsSync(path.join(dist, "functions.js")))
    execFileSync("npx", ["webpack", "--mode", "production"], {
      cwd: path.join(dist, ".."),
      stdio: "ignore",
    });
}, 180_000);

type Metadata = FunctionsMetadata;

/** Loads dist/functions.js in a fresh context standing in for Excel's runtime, recording what it associates. */
function loadBundle(): Map<string, (...args: unknown[]) => unknown> {
  return loadFunctionsScript().associated;
}

/** The chunks a pane script hands to the page's webpack runtime, caught as the runtime would take them: [chunk ids, modules by id]. */
function chunksOf(script: string): Array<[unknown[], Record<string, unknown>]> {
  const chunks: Array<[unknown[], Record<string, unknown>]> = [];
  const self = {
    webpackChunkkpi_rag: {
      push: (chunk: [unknown[], Record<string, unknown>]) => chunks.push(chunk),
    },
  };
  vm.runInNewContext(readFileSync(path.join(dist, script), "utf8"), { self });
  return chunks;
}

function loadFunctionsScript(): {
  associated: Map<string, (...args: unknown[]) => unknown>;
  sandbox: Record<string, unknown>;
} {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  class CustomFunctionsError extends Error {
    constructor(
      readonly code: string,
      message?: string
    ) {
      super(message);
    }
  }
  const sandbox: Record<string, unknown> = {
    CustomFunctions: {
      associate: (id: string, implementation: (...args: unknown[]) => unknown) =>
        associated.set(id, implementation),
      Error: CustomFunctionsError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    },
    console,
    setTimeout,
    clearTimeout,
    Promise,
  };
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  sandbox.globalThis = sandbox;
  sandbox.document = scriptLoadingDocument(sandbox);
  vm.runInNewContext(readFileSync(path.join(dist, "functions.js"), "utf8"), sandbox);
  return { associated, sandbox };
}

/** The page's document as webpack's chunk loading uses it: a script added to the head runs its file from dist/ and says it loaded. */
function scriptLoadingDocument(sandbox: Record<string, unknown>): {
  loaded: string[];
  getElementsByTagName: () => never[];
  createElement: () => Record<string, unknown>;
  head: { appendChild: (script: Record<string, unknown>) => void };
} {
  const loaded: string[] = [];
  return {
    loaded,
    getElementsByTagName: () => [],
    createElement: () => ({ setAttribute: () => undefined }),
    head: {
      appendChild: (script) => {
        const file = String(script.src);
        loaded.push(file);
        setTimeout(() => {
          vm.runInContext(readFileSync(path.join(dist, file), "utf8"), sandbox);
          (script.onload as (event: { type: string }) => void)({ type: "load" });
        });
      },
    },
  };
}

/** The ids of the modules functions.js has loaded into the page's runtime, asked of the runtime itself through a chunk of no modules. */
function functionsModuleIds(): string[] {
  const { sandbox } = loadFunctionsScript();
  let ids: string[] = [];
  const chunks = (sandbox.self as { webpackChunkkpi_rag: { push: (chunk: unknown) => void } })
    .webpackChunkkpi_rag;
  chunks.push([
    ["probe"],
    {},
    (runtime: { m: Record<string, unknown> }) => (ids = Object.keys(runtime.m)),
  ]);
  return ids;
}

describe("the built functions.js in a stand-in for Excel's custom-functions runtime", () => {
  it("registers exactly the ids of functions.json, without waiting for the pane", () => {
    const metadata = JSON.parse(
      readFileSync(path.join(dist, "functions.json"), "utf8")
    ) as Metadata;
    const associated = loadBundle();
    expect([...associated.keys()].sort()).toEqual(
      metadata.functions.map((entry) => entry.id).sort()
    );
    expect(metadata.functions.map((entry) => entry.name).sort()).toEqual([
      "COMPARE",
      "GAP",
      "NAME",
      "POLARITY",
      "RAG",
      "RATE",
      "TARGET",
      "TOLERANCE",
      "TREND",
    ]);
  });

  it("declares values as any, so Excel passes a blank cell as a blank and not as 0; the tolerance set and the period before are optional; periods are a range", () => {
    const metadata = JSON.parse(
      readFileSync(path.join(dist, "functions.json"), "utf8")
    ) as Metadata;
    const byName = new Map(metadata.functions.map((entry) => [entry.name, entry]));
    expect(
      byName
        .get("RATE")!
        .parameters.map((parameter) => [
          parameter.name,
          parameter.type,
          parameter.optional ?? false,
        ])
    ).toEqual([
      ["value", "any", false],
      ["kpi", "any", false],
      ["toleranceSet", "any", true],
      ["previous", "any", true],
    ]);
    expect(byName.get("TREND")!.parameters[0].dimensionality).toBe("matrix");
  });

  it("gives every function that asks for its arguments' addresses a matrix result, without which Excel passes none", () => {
    const metadata = JSON.parse(
      readFileSync(path.join(dist, "functions.json"), "utf8")
    ) as Metadata;
    const asking = metadata.functions.filter((entry) => entry.options?.requiresParameterAddresses);
    expect(asking.map((entry) => entry.name).sort()).toEqual([
      "COMPARE",
      "GAP",
      "RAG",
      "RATE",
      "TREND",
    ]);
    for (const entry of asking)
      expect([entry.name, entry.result?.dimensionality]).toEqual([entry.name, "matrix"]);
  });

  it("gives every function a help page the build ships, at the production address", () => {
    const metadata = JSON.parse(
      readFileSync(path.join(dist, "functions.json"), "utf8")
    ) as Metadata;
    const support = readFileSync(path.join(dist, "support.html"), "utf8");
    for (const entry of metadata.functions) {
      expect(entry.helpUrl).toMatch(/^https:\/\/kpi-rag\.example\.org\/support\.html#kpi-[a-z]+$/);
      expect(support).toMatch(new RegExp(`id="?${entry.helpUrl!.split("#")[1]}[" >]`));
    }
  });

  it("holds the core once in the page: the pane's scripts bring no module that functions.js has loaded", () => {
    const loaded = functionsModuleIds();
    // The core and the shared register are among them: far more than the entry alone.
    expect(loaded.length).toBeGreaterThan(10);
    for (const script of ["taskpane.js", "pane.js", "comparisons.js", "trend.js"]) {
      const brought = chunksOf(script).flatMap(([, modules]) => Object.keys(modules));
      expect(brought.length).toBeGreaterThan(0);
      expect([script, brought.filter((id) => loaded.includes(id))]).toEqual([script, []]);
    }
  });

  it("loads the benchmark comparisons only when KPI.COMPARE first asks: 26.2% against England's 21.6%, Smaller is better, is Worse", async () => {
    const { associated, sandbox } = loadFunctionsScript();
    const loaded = (sandbox.document as { loaded: string[] }).loaded;
    const metadata = JSON.parse(
      readFileSync(path.join(dist, "functions.json"), "utf8")
    ) as Metadata;
    const call = (id: string, ...args: unknown[]) =>
      callAsExcel(
        metadata.functions.find((entry) => entry.id === id)!,
        associated.get(id)!,
        args
      );
    expect(await call("RAG", 0.74, "90%", "75%", "Bigger is better")).toBe("Red");
    expect(loaded).toEqual([]);
    expect(await call("COMPARE", "26.2%", "21.6%", "Smaller is better")).toBe("Worse");
    expect(loaded).toEqual(["comparisons.js"]);
    expect(await call("COMPARE", "19.0%", "21.6%", "Smaller is better")).toBe("Better");
    expect(loaded).toEqual(["comparisons.js"]);
  });

  it("loads direction of travel only when KPI.TREND first asks: 10%, 8%, 7% for KPI-18, Smaller is better, Improved", async () => {
    const { associated, sandbox } = loadFunctionsScript();
    const loaded = (sandbox.document as { loaded: string[] }).loaded;
    const metadata = JSON.parse(
      readFileSync(path.join(dist, "functions.json"), "utf8")
    ) as Metadata;
    const call = (id: string, ...args: unknown[]) =>
      callAsExcel(
        metadata.functions.find((entry) => entry.id === id)!,
        associated.get(id)!,
        args
      );
    expect(await call("RATE", 0.1, "KPI-18")).toBe("Amber");
    expect(loaded).not.toContain("trend.js");
    expect(await call("TREND", [[0.1, 0.08, 0.07]], "KPI-18")).toBe("Improved");
    expect(loaded.filter((script) => script === "trend.js")).toEqual(["trend.js"]);
    expect(await call("TREND", [[0.07, null, 0.1]], "KPI-18")).toBe("Declined");
    expect(loaded.filter((script) => script === "trend.js")).toEqual(["trend.js"]);
  });

  it("writes no regular-expression lookbehind in any script, which the webviews of older Excel for Mac cannot parse", () => {
    const scripts = ["functions.js", "comparisons.js", "trend.js", "pane.js", "taskpane.js"];
    for (const script of scripts) {
      const source = readFileSync(path.join(dist, script), "utf8");
      expect({ script, lookbehinds: source.match(/\(\?<[!=]/g)?.length ?? 0 }).toEqual({
        script,
        lookbehinds: 0,
      });
    }
  });

  it("holds no React, so formulas never wait for the pane's code", () => {
    const holdsReact = (script: string): boolean =>
      readFileSync(path.join(dist, script), "utf8").includes('Symbol.for("react.element")');
    expect(holdsReact("functions.js")).toBe(false);
    expect(holdsReact("taskpane.js") || holdsReact("pane.js")).toBe(true);
  });

  it("answers from the registered functions: KPI.RAG, KPI.RATE and an unknown id's #VALUE!", async () => {
    const associated = loadBundle();
    const metadata = JSON.parse(
      readFileSync(path.join(dist, "functions.json"), "utf8")
    ) as Metadata;
    const call = (id: string, ...args: unknown[]) =>
      callAsExcel(
        metadata.functions.find((entry) => entry.id === id)!,
        associated.get(id)!,
        args
      );
    expect(await call("RAG", 0.74, "90%", "75%", "Bigger is better")).toBe("Red");
    expect(await call("RATE", 0.1, "KPI-18")).toBe("Amber");
    expect(await call("TARGET", "KPI-18")).toBe(0.09);
    await expect(call("RATE", 0.1, "KPI-99")).rejects.toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("KPI-99"),
    });
  });
});
