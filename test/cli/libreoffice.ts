/**
 * LibreOffice Calc, the second, independent program that opens what kpi-rag writes: converting a workbook
 * to PDF, headless, with a user profile of its own so two conversions never share one.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Converts `workbook` to a PDF in `folder` (named after it); the exit status and LibreOffice's messages. */
export function convertToPdf(
  workbook: string,
  folder: string
): { status: number | null; stderr: string } {
  const profile = mkdtempSync(path.join(os.tmpdir(), "kpi-rag-soffice-"));
  try {
    const converted = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        folder,
        workbook,
      ],
      { encoding: "utf8", timeout: 120_000 }
    );
    return { status: converted.status, stderr: converted.stderr };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
