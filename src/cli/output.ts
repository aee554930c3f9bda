/**
 * Safe writing: each output goes to a temporary file created exclusively (random name, O_EXCL, never
 * through a symbolic link) in the output's own folder, is flushed to disk, then renamed into place. A file
 * it replaces is kept aside until everything is written, so a failure puts it back; temporary files are
 * removed on SIGINT and SIGTERM. Outputs that are not regular files, or that are the input by another
 * path, are refused before anything is read.
 */
import { constants, promises as files, renameSync, rmSync, type Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { verifyPackage, writePackage, type PartEdit } from "./package-writer";
import { CommandProblem } from "./problem";
import type { Workbook } from "./workbook";

/** Refuses an output that is the input, is not a regular file, or exists without --force. */
export async function checkOutput(
  input: string,
  out: string,
  force: boolean,
  what: string
): Promise<void> {
  const itself = `The ${what} must not be the workbook itself (${input}): kpi-rag never changes its input`;
  if (path.resolve(out) === path.resolve(input)) throw new CommandProblem(itself);
  const link = await files.lstat(out).catch(() => null);
  if (!link) return;
  const target = link.isSymbolicLink() ? await files.stat(out).catch(() => null) : link;
  const inputStats = await files.stat(input).catch(() => null);
  if (target && inputStats && target.dev === inputStats.dev && target.ino === inputStats.ino) {
    throw new CommandProblem(
      `The ${what} must not be the workbook itself (${input}): ${out} is the same file by another path (${link.isSymbolicLink() ? "a symbolic link" : "a hard link"}); kpi-rag never changes its input`
    );
  }
  if (target && !target.isFile())
    throw new CommandProblem(
      `${out} is ${kindOf(target)}, not a regular file: kpi-rag writes the ${what} only to a file`
    );
  if (!force) throw new CommandProblem(`${out} already exists: add --force to replace it`);
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isSocket()) return "a socket";
  return "something other than a file";
}

/**
 * This run's unfinished writes, for the signal handlers: temporary files (registered before they are
 * created), and outputs renamed into place but not yet settled, with the file each replaced kept aside.
 * Every change to them is made in the same synchronous step as the rename it records, so a signal, which
 * is handled between steps, always finds them true.
 */
const pending = new Set<string>();
const placed = new Map<string, { aside?: string }>();

/** Undoes this run's unfinished writes (and puts set-aside files back) on SIGINT and SIGTERM, then dies of the signal. */
export function cleanUpOnSignals(): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    undoUnfinishedWrites();
    uninstall();
    process.kill(process.pid, signal);
  };
  const uninstall = (): void => {
    process.removeListener("SIGINT", handler);
    process.removeListener("SIGTERM", handler);
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return uninstall;
}

/**
 * Removes every temporary file and every output placed but not settled, putting back the files they
 * replaced: the workbook and its report are both written, or neither.
 */
export function undoUnfinishedWrites(): void {
  for (const temporary of pending) rmSync(temporary, { force: true });
  pending.clear();
  for (const [target, { aside }] of placed) {
    try {
      rmSync(target, { force: true });
      if (aside) renameSync(aside, target);
    } catch {
      // nothing more can be done while dying
    }
  }
  placed.clear();
}

/**
 * A hidden name beside `target` for a file of this run: ".<name>.<random>.tmp". A long name is shortened
 * (on a whole character) so the temporary name fits where the output's own name fits: 255 bytes.
 */
function nameBeside(target: string, ending: string): string {
  const folder = path.dirname(path.resolve(target));
  const tail = `.${randomBytes(8).toString("hex")}.${ending}`;
  let name = path.basename(target);
  const room = 255 - 1 - Buffer.byteLength(tail);
  while (Buffer.byteLength(name) > room) name = name.slice(0, -1);
  if (/[\uD800-\uDBFF]$/.test(name)) name = name.slice(0, -1);
  return path.join(folder, `.${name}${tail}`);
}

export interface TemporaryFile {
  path: string;
  handle: files.FileHandle;
  /** Flushes and closes it. */
  finish(): Promise<void>;
  /** Closes and removes it. */
  discard(): Promise<void>;
}

/** A new, empty temporary file beside `target`, opened exclusively. */
export async function temporaryBeside(target: string, what: string): Promise<TemporaryFile> {
  const temporary = nameBeside(target, "tmp");
  // Registered first: a signal that comes while it is being created still finds it.
  pending.add(temporary);
  let handle: files.FileHandle;
  try {
    handle = await files.open(
      temporary,
      constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW,
      0o666
    );
  } catch (error) {
    pending.delete(temporary);
    throw new CommandProblem(
      `The ${what} ${target} cannot be written (${describeFailure(error)}): nothing was written`
    );
  }
  let open = true;
  const close = async (): Promise<void> => {
    if (open) {
      open = false;
      await handle.close();
    }
  };
  return {
    path: temporary,
    handle,
    async finish() {
      await handle.sync();
      await close();
    },
    async discard() {
      await close().catch(() => undefined);
      await files.rm(temporary, { force: true });
      pending.delete(temporary);
    },
  };
}

/** A finished temporary file renamed into place, with the file it replaced kept aside until `settle`. */
export interface Placed {
  /** Removes the new file and puts back the one it replaced. */
  rollBack(): Promise<void>;
  /** Drops the file it replaced; the new file is no longer undone by a signal from the moment it is called. */
  settle(): Promise<void>;
}

export async function place(
  temporary: TemporaryFile,
  target: string,
  what: string
): Promise<Placed> {
  const existed = await files.lstat(target).then(
    () => true,
    () => false
  );
  const record: { aside?: string } = {};
  // Synchronous renames, each recorded in the same step, so a signal never finds a rename half-recorded.
  try {
    if (existed) {
      const aside = nameBeside(target, "old");
      renameSync(target, aside);
      record.aside = aside;
      placed.set(target, record);
    }
    renameSync(temporary.path, target);
    placed.set(target, record);
    pending.delete(temporary.path);
  } catch (error) {
    if (record.aside) await files.rename(record.aside, target).catch(() => undefined);
    placed.delete(target);
    await temporary.discard();
    throw new CommandProblem(
      `The ${what} ${target} cannot be written (${describeFailure(error)}): nothing was written`
    );
  }
  return {
    async rollBack() {
      await files.rm(target, { force: true });
      if (record.aside) await files.rename(record.aside, target);
      placed.delete(target);
    },
    async settle() {
      placed.delete(target);
      if (record.aside) await files.rm(record.aside, { force: true });
    },
  };
}

export function describeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "its folder does not exist";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a folder";
  if (code === "ENOTDIR") return "a part of its path is a file, not a folder";
  if (code === "ENOSPC") return "the disk is full";
  if (code === "ELOOP") return "it is a symbolic link";
  return code ?? (error instanceof Error ? error.message : "unknown error");
}

/**
 * The workbook, then the report: each through a temporary file; the workbook is checked against the input
 * before it is renamed into place, and a report that cannot be written (or a signal before both are in
 * place) takes the new workbook away again.
 */
export async function writeWorkbook(
  workbook: Workbook,
  edits: ReadonlyMap<string, PartEdit>,
  out: string,
  report?: { file: string; text: string }
): Promise<void> {
  const temporary = await temporaryBeside(out, "output");
  try {
    await writePackage(workbook.zip, edits, temporary.handle, workbook.label);
    await temporary.finish();
    await verifyPackage(workbook.zip, temporary.path, new Set(edits.keys()));
  } catch (error) {
    await temporary.discard();
    if (error instanceof CommandProblem) throw error;
    throw new CommandProblem(
      `The output ${out} cannot be written (${error instanceof Error ? error.message : String(error)}): nothing was written`
    );
  }
  const placed = await place(temporary, out, "output");
  if (!report) {
    await placed.settle();
    return;
  }
  let reportPlaced: Placed;
  try {
    const reportFile = await temporaryBeside(report.file, "report");
    try {
      await reportFile.handle.writeFile(report.text, "utf8");
      await reportFile.finish();
    } catch (error) {
      await reportFile.discard();
      throw new CommandProblem(
        `The report ${report.file} cannot be written (${error instanceof Error ? error.message : String(error)}): nothing was written`
      );
    }
    reportPlaced = await place(reportFile, report.file, "report");
  } catch (error) {
    await placed.rollBack();
    throw error;
  }
  // Both settled in one step: a signal finds both to undo, or neither.
  await Promise.all([reportPlaced.settle(), placed.settle()]);
}
