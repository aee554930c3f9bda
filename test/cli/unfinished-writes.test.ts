import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { place, temporaryBeside, undoUnfinishedWrites } from "../../src/cli/output";
import { example, kpiRag, scratchPerTest } from "./run-command";

const workspace = scratchPerTest();

/** Waits, blocking this thread as a long write does, until the folder holds a file. */
function blockUntilFileIn(folder: string): void {
  const deadline = Date.now() + 10_000;
  while (readdirSync(folder).length === 0) {
    if (Date.now() > deadline) throw new Error("the temporary file never appeared");
  }
}

async function placedOutput(out: string, text: string): Promise<Awaited<ReturnType<typeof place>>> {
  const temporary = await temporaryBeside(out, "output");
  await temporary.handle.writeFile(text, "utf8");
  await temporary.finish();
  return place(temporary, out, "output");
}

describe("a signal undoes every unfinished write: the workbook and its report are both written, or neither", () => {
  it("removes a temporary file that a signal finds just created, before its creation has been seen", async () => {
    const { folder } = workspace();
    const creating = temporaryBeside(path.join(folder, "out.xlsx"), "output");
    blockUntilFileIn(folder);
    undoUnfinishedWrites();
    expect(readdirSync(folder)).toEqual([]);
    await (await creating).discard();
  });

  it("takes away a workbook renamed into place whose report is not yet in place", async () => {
    const { folder } = workspace();
    const out = path.join(folder, "out.xlsx");
    await placedOutput(out, "the new workbook");
    undoUnfinishedWrites();
    expect(readdirSync(folder)).toEqual([]);
  });

  it("puts back the analyst's earlier output that the unfinished one replaced", async () => {
    const { folder } = workspace();
    const out = path.join(folder, "out.xlsx");
    writeFileSync(out, "the analyst's earlier copy");
    await placedOutput(out, "the new workbook");
    undoUnfinishedWrites();
    expect(readdirSync(folder)).toEqual(["out.xlsx"]);
    expect(readFileSync(out, "utf8")).toBe("the analyst's earlier copy");
  });

  it("leaves a settled output where it is", async () => {
    const { folder } = workspace();
    const out = path.join(folder, "out.xlsx");
    writeFileSync(out, "the analyst's earlier copy");
    await (await placedOutput(out, "the new workbook")).settle();
    undoUnfinishedWrites();
    expect(readdirSync(folder)).toEqual(["out.xlsx"]);
    expect(readFileSync(out, "utf8")).toBe("the new workbook");
  });
});

describe("kpi-rag writes to any name the file system allows", () => {
  it.each([
    ["240 bytes of letters", `${"a".repeat(235)}.xlsx`],
    ["250 bytes of accented letters", `${"é".repeat(122)}r.xlsx`],
  ])("writes an output and its report named with %s", async (_case, name) => {
    expect(Buffer.byteLength(name)).toBeGreaterThanOrEqual(240);
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const out = path.join(folder, name);
    const report = path.join(folder, name.replace(/\.xlsx$/, ".json"));
    const run = await kpiRag(copies[0], "--out", out, "--report", report);
    expect(run.error).toEqual([]);
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(existsSync(report)).toBe(true);
    expect(readdirSync(folder)).toHaveLength(3);
  });
});
