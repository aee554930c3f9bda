/** Whether a written package is whole: read by kpi-rag's own reader, every part's data checked, and by unzip -t (or JSZip). */
import JSZip from "jszip";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { ZipPackage } from "../../src/cli/zip";

const unzipPresent = spawnSync("unzip", ["-v"]).status === 0;

/** The problems found in the package at `file`; none for a whole one. */
export async function problemsOf(file: string): Promise<string[]> {
  const problems: string[] = [];
  try {
    const written = await ZipPackage.open(file, file);
    try {
      for (const entry of written.entries) {
        for await (const chunk of written.streamPart(entry, file)) void chunk; // checks its CRC-32 and size
      }
    } finally {
      await written.close();
    }
  } catch (error) {
    problems.push(`kpi-rag's reader: ${(error as Error).message}`);
  }
  if (unzipPresent) {
    const tested = spawnSync("unzip", ["-tqq", file], { encoding: "utf8" });
    if (tested.status !== 0) problems.push(`unzip -t: ${tested.stdout}${tested.stderr}`);
  } else {
    try {
      const zip = await JSZip.loadAsync(readFileSync(file), { checkCRC32: true });
      for (const part of Object.values(zip.files)) await part.async("nodebuffer");
    } catch (error) {
      problems.push(`JSZip: ${(error as Error).message}`);
    }
  }
  return problems;
}
