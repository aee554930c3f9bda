import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { example, fixture, kpiRag, scratchPerTest } from "./run-command";

const workspace = scratchPerTest();

describe("kpi-rag on bad input: one clear line, a non-zero exit, no output file", () => {
  /** Each case: the arguments, given the scratch folder and the copy of Appendix I in it. */
  const cases: Array<[string, (folder: string, workbook: string) => string[], RegExp]> = [
    [
      "a missing file",
      (folder) => [path.join(folder, "missing.xlsx")],
      /^kpi-rag: There is no file .*missing\.xlsx$/,
    ],
    [
      "a CSV file",
      (folder) => [copyInto(folder, fixture("not-a-workbook.csv"))],
      /is not an \.xlsx workbook \(it is a CSV file/,
    ],
    [
      "a corrupt workbook",
      (folder) => [copyInto(folder, fixture("corrupt.xlsx"))],
      /is damaged or is not an \.xlsx workbook/,
    ],
    [
      "a workbook with no KPI table",
      (folder) => [copyInto(folder, fixture("no-kpi-table.xlsx"))],
      /has no KPI table\. Sheet "Shopping list" was skipped: it has no header row naming a measure.* The add-in looks for a header row with a Measure column/,
    ],
    [
      "an empty workbook",
      (folder) => [copyInto(folder, fixture("empty.xlsx"))],
      /has no KPI table\. Sheet "Sheet1" was skipped: it is empty\./,
    ],
    [
      "an unknown tolerance set",
      (_, workbook) => [workbook, "--tolerance", "Winter"],
      /There is no tolerance set "Winter" in this workbook: it has Standard and Covid19/,
    ],
    [
      "an unknown sheet",
      (_, workbook) => [workbook, "--sheet", "Nope"],
      /There is no sheet "Nope"/,
    ],
    [
      "an unknown option",
      (_, workbook) => [workbook, "--colour"],
      /does not know the option --colour/,
    ],
  ];
  for (const [what, argv, message] of cases) {
    it(`refuses ${what}`, async () => {
      const { folder, copies } = workspace(example("appendix-i.xlsx"));
      const args = argv(folder, copies[0]);
      const before = readdirSync(folder).sort();
      const run = await kpiRag(...args);
      expect(run.code).not.toBe(0);
      expect(run.error[0]).toMatch(message);
      expect(run.error.join("\n")).not.toMatch(/\n\s+at /);
      // Nothing written beside the input: no output, no report, no temporary file.
      expect(readdirSync(folder).sort()).toEqual(before);
    });
  }

  it("refuses a password-protected workbook", async () => {
    const { folder } = workspace();
    const file = path.join(folder, "protected.xlsx");
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(512),
      ])
    );
    const run = await kpiRag(file);
    expect(run.code).toBe(1);
    expect(run.error[0]).toMatch(/password-protected or an old \.xls workbook/);
    expect(existsSync(path.join(folder, "protected.rag.xlsx"))).toBe(false);
  });

  it("refuses an output that already exists unless --force, and an output that is the input", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const out = path.join(folder, "appendix-i.rag.xlsx");
    writeFileSync(out, "keep me");
    const refused = await kpiRag(copies[0]);
    expect(refused.code).toBe(1);
    expect(refused.error[0]).toMatch(/already exists: add --force to replace it/);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect((await kpiRag(copies[0], "--force")).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    const same = await kpiRag(copies[0], "--out", copies[0], "--force");
    expect(same.code).toBe(1);
    expect(same.error[0]).toMatch(/must not be the workbook itself/);
  });

  it("refuses a report that is the output itself, and writes neither", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const same = path.join(folder, "both.xlsx");
    const run = await kpiRag(copies[0], "--out", same, "--report", same);
    expect(run.code).toBe(1);
    expect(run.error[0]).toMatch(/The report and the output are the same file/);
    expect(existsSync(same)).toBe(false);
  });

  it("writes no output when the report cannot be written", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const out = path.join(folder, "out.xlsx");
    const run = await kpiRag(
      copies[0],
      "--out",
      out,
      "--report",
      path.join(folder, "no-such-folder", "report.json")
    );
    expect(run.code).toBe(1);
    expect(run.error[0]).toMatch(
      /The report .*report\.json cannot be written \(its folder does not exist\): nothing was written/
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(folder).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("says so when the output's folder does not exist, and creates neither the folder nor any file", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const run = await kpiRag(copies[0], "--out", path.join(folder, "no-such-folder", "out.xlsx"));
    expect(run.code).toBe(1);
    expect(run.error[0]).toMatch(
      /The output .*out\.xlsx cannot be written \(its folder does not exist\)/
    );
    expect(readdirSync(folder)).toEqual(["appendix-i.xlsx"]);
  });

  it("says so in words when a part of the output's path is a file, not a folder, and writes nothing", async () => {
    // A file where a folder should be fails for root too, unlike a folder without write permission.
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const run = await kpiRag(copies[0], "--out", path.join(copies[0], "out.xlsx"));
    expect(run.code).toBe(1);
    expect(run.error[0]).toMatch(
      /The output .*out\.xlsx cannot be written \(a part of its path is a file, not a folder\): nothing was written$/
    );
    expect(readdirSync(folder)).toEqual(["appendix-i.xlsx"]);
    expect(statSync(copies[0]).isFile()).toBe(true);
  });
});

function copyInto(folder: string, file: string): string {
  const copy = path.join(folder, path.basename(file));
  copyFileSync(file, copy);
  return copy;
}
