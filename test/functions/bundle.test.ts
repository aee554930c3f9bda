import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { callAsExcel, type FunctionsMetadata } from "../support";

const dist = path.join(__dirname, "..", "..", "dist");

/** Builds dist/ once if it is not there (CI builds before testing; a fresh checkout may not have). */
beforeAll(() => {
  if (!existsSync(path.join(dist, "functions.js"))) execFileSync("npx", ["webpack", "--mode", "production"], { cwd: path.join(dist, ".."), stdio: "ignore" });
}, 180_000);

type Metadata = FunctionsMetadata;

/** Loads dist/functions.js in a fresh context standing in for Excel's runtime, recording what it associates. */
function loadBundle(): Map<string, (...args: unknown[]) => unknown> {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  class CustomFunctionsError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  const sandbox: Record<string, unknown> = {
    CustomFunctions: {
      associate: (id: string, implementation: (...args: unknown[]) => unknown) => associated.set(id, implementation),
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
  vm.runInNewContext(readFileSync(path.join(dist, "functions.js"), "utf8"), sandbox);
  return associated;
}

describe("the built functions.js in a stand-in for Excel's custom-functions runtime", () => {
  it("registers exactly the ids of functions.json, without waiting for the pane", () => {
    const metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as Metadata;
    const associated = loadBundle();
    expect([...associated.keys()].sort()).toEqual(metadata.functions.map((entry) => entry.id).sort());
    expect(metadata.functions.map((entry) => entry.name).sort()).toEqual(["COMPARE", "GAP", "NAME", "POLARITY", "RAG", "RATE", "TARGET", "TOLERANCE", "TREND"]);
  });

  it("declares values as any, so Excel passes a blank cell as a blank and not as 0; the tolerance set is optional; periods are a range", () => {
    const metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as Metadata;
    const byName = new Map(metadata.functions.map((entry) => [entry.name, entry]));
    expect(byName.get("RATE")!.parameters.map((parameter) => [parameter.name, parameter.type, parameter.optional ?? false])).toEqual([
      ["value", "any", false],
      ["kpi", "any", false],
      ["toleranceSet", "any", true],
    ]);
    expect(byName.get("TREND")!.parameters[0].dimensionality).toBe("matrix");
  });

  it("gives every function that asks for its arguments' addresses a matrix result, without which Excel passes none", () => {
    const metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as Metadata;
    const asking = metadata.functions.filter((entry) => entry.options?.requiresParameterAddresses);
    expect(asking.map((entry) => entry.name).sort()).toEqual(["COMPARE", "GAP", "RAG", "RATE", "TREND"]);
    for (const entry of asking) expect([entry.name, entry.result?.dimensionality]).toEqual([entry.name, "matrix"]);
  });

  it("gives every function a help page the build ships, at the production address", () => {
    const metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as Metadata;
    const support = readFileSync(path.join(dist, "support.html"), "utf8");
    for (const entry of metadata.functions) {
      expect(entry.helpUrl).toMatch(/^https:\/\/kpi-rag\.example\.org\/support\.html#kpi-[a-z]+$/);
      expect(support).toMatch(new RegExp(`id="?${entry.helpUrl!.split("#")[1]}[" >]`));
    }
  });

  it("answers from the registered functions: KPI.RAG, KPI.RATE and an unknown id's #VALUE!", async () => {
    const associated = loadBundle();
    const metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as Metadata;
    const call = (id: string, ...args: unknown[]) => callAsExcel(metadata.functions.find((entry) => entry.id === id)!, associated.get(id)!, args);
    expect(await call("RAG", 0.74, "90%", "75%", "Bigger is better")).toBe("Red");
    expect(await call("RATE", 0.1, "KPI-18")).toBe("Amber");
    expect(await call("TARGET", "KPI-18")).toBe(0.09);
    await expect(call("RATE", 0.1, "KPI-99")).rejects.toMatchObject({ code: "#VALUE!", message: expect.stringContaining("KPI-99") });
  });
});
