/** Runs kpi-rag in-process on copies of workbooks in a scratch folder, capturing what it prints. */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { main } from "../../src/cli/main";

export const repoRoot = path.join(__dirname, "..", "..");
export const example = (name: string): string => path.join(repoRoot, "examples", name);
export const fixture = (name: string): string => path.join(repoRoot, "test", "fixtures", name);

export interface CommandRun {
  code: number;
  out: string[];
  error: string[];
}

export async function kpiRag(...argv: string[]): Promise<CommandRun> {
  const out: string[] = [];
  const error: string[] = [];
  const code = await main(argv, {
    out: (line) => out.push(line),
    error: (line) => error.push(line),
  });
  return { code, out, error };
}

/** A scratch folder with copies of the named workbooks; removed by the returned cleanup. */
export function scratch(...files: string[]): {
  folder: string;
  copies: string[];
  cleanup: () => void;
} {
  const folder = mkdtempSync(path.join(os.tmpdir(), "kpi-rag-test-"));
  const copies = files.map((file) => {
    const copy = path.join(folder, path.basename(file));
    copyFileSync(file, copy);
    return copy;
  });
  return { folder, copies, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

/** For a test file: a function making scratch folders (with copies of the named workbooks), each removed after its test. */
export function scratchPerTest(): (...files: string[]) => { folder: string; copies: string[] } {
  let cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups) cleanup();
    cleanups = [];
  });
  return (...files) => {
    const made = scratch(...files);
    cleanups.push(made.cleanup);
    return made;
  };
}
