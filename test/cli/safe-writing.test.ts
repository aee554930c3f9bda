import JSZip from "jszip";
import { spawn, spawnSync } from "node:child_process";
import {
  createWriteStream,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { example, kpiRag, repoRoot, scratchPerTest } from "./run-command";

const workspace = scratchPerTest();

/** Appendix I with a large stored part beside it, so copying it into the output takes a while. */
async function largeWorkbook(file: string, megabytes: number): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(example("appendix-i.xlsx")));
  let left = megabytes;
  const block = Buffer.alloc(1024 * 1024, 0x5a);
  const filler = new Readable({
    read() {
      this.push(left-- > 0 ? block : null);
    },
  });
  zip.file("xl/media/background.bin", filler, { binary: true, compression: "STORE" });
  await pipeline(
    zip.generateNodeStream({ streamFiles: true, compression: "STORE" }),
    createWriteStream(file)
  );
}

/** Runs kpi-rag as a child process and sends it `signal` once its temporary output file exists. */
async function interrupted(
  input: string,
  out: string,
  signal: NodeJS.Signals
): Promise<{ signal: NodeJS.Signals | null; temporaries: string[] }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(__dirname, "child.ts"), input, "--out", out],
    { cwd: repoRoot, stdio: "ignore" }
  );
  const folder = path.dirname(out);
  const temporaries = (): string[] =>
    readdirSync(folder).filter((name) => name.startsWith(`.${path.basename(out)}.`));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once("exit", (_code, received) => resolve(received))
  );
  let sent = false;
  const watching = setInterval(() => {
    if (!sent && temporaries().length > 0) {
      sent = true;
      child.kill(signal);
    }
  }, 1);
  const received = await exited;
  clearInterval(watching);
  expect(sent, "the temporary file never appeared").toBe(true);
  return { signal: received, temporaries: temporaries() };
}

describe("kpi-rag writes through an exclusive temporary file and leaves nothing behind", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`leaves no partial output and no temporary file when stopped by ${signal} in the middle of a large write`, async () => {
      const { folder } = workspace();
      const input = path.join(folder, "large.xlsx");
      await largeWorkbook(input, 150);
      const out = path.join(folder, "out.xlsx");
      const stopped = await interrupted(input, out, signal);
      expect(stopped.signal).toBe(signal);
      expect(existsSync(out)).toBe(false);
      expect(stopped.temporaries).toEqual([]);
      expect(readdirSync(folder)).toEqual(["large.xlsx"]);
    }, 60_000);
  }

  it("after SIGKILL leaves only a temporary file with a random name in the output's folder, never a partial output", async () => {
    const { folder } = workspace();
    const input = path.join(folder, "large.xlsx");
    await largeWorkbook(input, 150);
    const out = path.join(folder, "out.xlsx");
    const killed = await interrupted(input, out, "SIGKILL");
    expect(killed.signal).toBe("SIGKILL");
    expect(existsSync(out)).toBe(false);
    expect(killed.temporaries).toHaveLength(1);
    expect(killed.temporaries[0]).toMatch(/^\.out\.xlsx\.[0-9a-f]{16}\.tmp$/);
  }, 60_000);

  it("takes the new workbook away and puts the earlier one back when the report cannot be written", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const out = path.join(folder, "out.xlsx");
    writeFileSync(out, "the analyst's earlier copy");
    const run = await kpiRag(
      copies[0],
      "--out",
      out,
      "--force",
      "--report",
      path.join(folder, "no-such-folder", "report.json")
    );
    expect(run.code).toBe(1);
    expect(run.error[0]).toMatch(
      /The report .*report\.json cannot be written \(its folder does not exist\): nothing was written/
    );
    expect(readFileSync(out, "utf8")).toBe("the analyst's earlier copy");
    expect(readdirSync(folder).sort()).toEqual(["appendix-i.xlsx", "out.xlsx"]);
  });

  it("replaces an earlier output and writes its report beside it when both can be written", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const out = path.join(folder, "out.xlsx");
    const report = path.join(folder, "report.json");
    writeFileSync(out, "old");
    writeFileSync(report, "old");
    expect((await kpiRag(copies[0], "--out", out, "--report", report, "--force")).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect(JSON.parse(readFileSync(report, "utf8")).workbook).toBe("appendix-i.xlsx");
    expect(readdirSync(folder).sort()).toEqual(["appendix-i.xlsx", "out.xlsx", "report.json"]);
  });
});

describe("kpi-rag refuses an output that is not a regular file or is the input by another path", () => {
  it("refuses /dev/null even with --force, and leaves it a device", async () => {
    const { copies } = workspace(example("appendix-i.xlsx"));
    const run = await kpiRag(copies[0], "--out", "/dev/null", "--force");
    expect(run.code).toBe(1);
    expect(run.error[0]).toBe(
      "kpi-rag: /dev/null is a device, not a regular file: kpi-rag writes the output only to a file"
    );
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("refuses a FIFO, and a report that is a folder", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const fifo = path.join(folder, "pipe.xlsx");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const run = await kpiRag(copies[0], "--out", fifo, "--force");
    expect(run.code).toBe(1);
    expect(run.error[0]).toMatch(/pipe\.xlsx is a FIFO \(named pipe\), not a regular file/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    mkdirSync(path.join(folder, "reports"));
    const toFolder = await kpiRag(copies[0], "--report", path.join(folder, "reports"), "--force");
    expect(toFolder.error[0]).toMatch(
      /reports is a folder, not a regular file: kpi-rag writes the report only to a file/
    );
    expect(existsSync(path.join(folder, "appendix-i.rag.xlsx"))).toBe(false);
  });

  it("refuses a symbolic link to the input and a hard link to it, and changes neither", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const before = readFileSync(copies[0]);
    const symbolic = path.join(folder, "link.xlsx");
    symlinkSync(copies[0], symbolic);
    const viaLink = await kpiRag(copies[0], "--out", symbolic, "--force");
    expect(viaLink.code).toBe(1);
    expect(viaLink.error[0]).toMatch(
      /must not be the workbook itself .*the same file by another path \(a symbolic link\)/
    );
    const hard = path.join(folder, "hard.xlsx");
    linkSync(copies[0], hard);
    const viaHardLink = await kpiRag(copies[0], "--out", hard, "--force");
    expect(viaHardLink.code).toBe(1);
    expect(viaHardLink.error[0]).toMatch(/the same file by another path \(a hard link\)/);
    expect(readFileSync(copies[0]).equals(before)).toBe(true);
    expect(lstatSync(symbolic).isSymbolicLink()).toBe(true);
  });

  it("replaces a symbolic link to another file with the output, never writing through it", async () => {
    const { copies, folder } = workspace(example("appendix-i.xlsx"));
    const elsewhere = path.join(folder, "elsewhere.txt");
    writeFileSync(elsewhere, "not to be overwritten");
    const link = path.join(folder, "out.xlsx");
    symlinkSync(elsewhere, link);
    expect((await kpiRag(copies[0], "--out", link, "--force")).code).toBe(0);
    expect(readFileSync(elsewhere, "utf8")).toBe("not to be overwritten");
    expect(lstatSync(link).isFile()).toBe(true);
  });
});
