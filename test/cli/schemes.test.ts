/**
 * kpi-rag under the scheme a workbook's KPISettings table chooses: the summary names it, the colours the
 * formula judge paints on the written file are the hand-worked ones (test/core/schemes-sheet.ts), and
 * --symbols adds a number format per rule that shows the status's symbol before the figure's own format.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { CellValue, Status } from "../../src/core";
import { paintedCells } from "../support/rule-engine";
import { gridOf } from "../support/xlsx-grid";
import { expected, values } from "../core/schemes-sheet";
import { convertToPdf } from "./libreoffice";
import { kpiRag, scratchPerTest } from "./run-command";
import { load, rulesToJudge } from "./workbook-rules";

const workspace = scratchPerTest();

/**
 * Writes the schemes sheet with figures as numbers (0% and, on row 5, 0.0%) and a KPISettings table; with
 * `extra`, a column of its own after the periods (its header first).
 */
async function schemesWorkbook(
  folder: string,
  settings: CellValue[][],
  extra: CellValue[] = []
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Scorecard");
  values.forEach((row, index) => {
    const written = sheet.addRow(
      [...row, ...(extra.length > 0 ? [extra[index]] : [])].map((cell, column) =>
        index > 0 && column >= 4 && typeof cell === "string" && /^\d+%$/.test(cell)
          ? Number(cell.slice(0, -1)) / 100
          : cell
      )
    );
    if (index > 0)
      for (let column = 5; column <= 7; column++)
        written.getCell(column).numFmt = index === 4 ? "0.0%" : "0%";
  });
  const register = workbook.addWorksheet("KPI Register");
  if (settings.length > 0)
    register.addTable({
      name: "KPISettings",
      ref: "A1",
      columns: [{ name: "Setting" }, { name: "Value" }],
      rows: settings,
    });
  const file = path.join(folder, "schemes.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

async function judged(file: string): Promise<Record<string, Status>> {
  const worksheet = (await load(file)).getWorksheet("Scorecard")!;
  const grid = gridOf(worksheet);
  const byFill: Record<string, Status> = {
    "#BDD7EE": "Blue",
    "#C6EFCE": "Green",
    "#FFEB9C": "Amber",
    "#FFC7CE": "Red",
  };
  return Object.fromEntries(
    [...paintedCells(grid.values, rulesToJudge(worksheet))].map(([address, fill]) => [
      address,
      byFill[fill.toUpperCase()],
    ])
  );
}

function asAddresses(rows: Status[][]): Record<string, Status> {
  return Object.fromEntries(
    rows.flatMap((statuses, row) =>
      statuses.map((status, column) => [`${"EFG"[column]}${row + 2}`, status])
    )
  );
}

function stylesOf(file: string): string {
  return execFileSync("unzip", ["-p", file, "xl/styles.xml"], { encoding: "utf8" });
}

const settingsOf: Record<string, CellValue[][]> = {
  "Green and Red only": [["Scheme", "Green and Red only"]],
  "Blue for exceeding, Blue at 5% better than target": [
    ["Scheme", "Blue for exceeding"],
    ["Blue at", "5% better than target"],
  ],
  "Percentage of target: Green within 5%, Amber within 10%": [
    ["Scheme", "Percentage of target"],
    ["Green within", "5%"],
    ["Amber within", "10%"],
  ],
  "Amber by direction": [["Scheme", "Amber by direction"]],
};

describe("kpi-rag under the workbook's scheme", () => {
  it("rates and paints as before, under the Standard scheme, a workbook with no KPISettings table", async () => {
    const { folder } = workspace();
    const file = await schemesWorkbook(folder, []);
    const out = path.join(folder, "out.xlsx");
    const run = await kpiRag(file, "--out", out);
    expect(run.code).toBe(0);
    expect(run.out[0]).toContain("tolerance set Standard, scheme Standard,");
    expect(await judged(out)).toEqual(asAddresses(expected.Standard));
  });

  for (const [name, settings] of Object.entries(settingsOf)) {
    it(`names the scheme and paints the hand-worked colours under ${name}`, async () => {
      const { folder } = workspace();
      const file = await schemesWorkbook(folder, settings);
      const out = path.join(folder, "out.xlsx");
      const report = path.join(folder, "report.json");
      const run = await kpiRag(file, "--out", out, "--report", report);
      expect(run.error).toEqual([]);
      expect(run.out[0]).toMatch(
        /scheme (Green and Red only|Blue for exceeding|Percentage of target|Amber by direction)/
      );
      expect(await judged(out)).toEqual(asAddresses(expected[name]));
      const written = JSON.parse(readFileSync(report, "utf8")) as {
        scheme: string;
        sheets: Array<{ scheme: string }>;
      };
      expect(written.sheets[0].scheme).toBe(written.scheme);
      expect(run.out[0]).toContain(`scheme ${written.scheme},`);
    });
  }

  it("paints Blue from each row's Stretch column under a Blue scheme with no margin, and names the column", async () => {
    const { folder } = workspace();
    // The stretches sit where the 5% margin puts Blue on this sheet, so the hand-worked colours are the same.
    const stretch: CellValue[] = ["Stretch target", "95%", "18%", "85%", "-", null];
    const file = await schemesWorkbook(folder, [["Scheme", "Blue for exceeding"]], stretch);
    const out = path.join(folder, "out.xlsx");
    const run = await kpiRag(file, "--out", out);
    expect(run.error).toEqual([]);
    expect(run.out[0]).toContain("scheme Blue for exceeding (Blue at each row's stretch target),");
    expect(run.out.join("\n")).toContain("H stretch target (used by Blue for exceeding only)");
    expect(await judged(out)).toEqual(
      asAddresses(expected["Blue for exceeding, Blue at 5% better than target"])
    );
    const standard = path.join(folder, "standard.xlsx");
    await kpiRag(await schemesWorkbook(folder, [], stretch), "--out", standard, "--force");
    expect(await judged(standard)).toEqual(asAddresses(expected.Standard));
  });

  it("says a KPISettings row it cannot read among the problems, and keeps the Standard bands", async () => {
    const { folder } = workspace();
    const file = await schemesWorkbook(folder, [["Scheme", "Rainbow"]]);
    const out = path.join(folder, "out.xlsx");
    const run = await kpiRag(file, "--out", out);
    expect(run.out.join("\n")).toContain(
      'Row 2 of KPISettings: "Rainbow" is not a scheme the add-in knows'
    );
    expect(await judged(out)).toEqual(asAddresses(expected.Standard));
  });
});

describe("status symbols", () => {
  it("adds a number format showing the status's symbol before each cell's own format with --symbols, colours unchanged", async () => {
    const { folder } = workspace();
    const file = await schemesWorkbook(
      folder,
      settingsOf["Blue for exceeding, Blue at 5% better than target"]
    );
    const out = path.join(folder, "out.xlsx");
    const run = await kpiRag(file, "--out", out, "--symbols");
    expect(run.code).toBe(0);
    const styles = stylesOf(out);
    for (const format of ['"✓ "0%', '"! "0%', '"✗ "0%', '"★ "0%', '"! "0.0%'])
      expect(styles).toContain(`formatCode="${format.replace(/"/g, "&quot;")}"`);
    expect(await judged(out)).toEqual(
      asAddresses(expected["Blue for exceeding, Blue at 5% better than target"])
    );
  });

  it("shows symbols when the KPISettings table says Symbols Yes, and none without", async () => {
    const { folder } = workspace();
    const file = await schemesWorkbook(folder, [["Symbols", "Yes"]]);
    const withSymbols = path.join(folder, "symbols.xlsx");
    await kpiRag(file, "--out", withSymbols);
    expect(stylesOf(withSymbols)).toContain("&quot;✓ &quot;0%");
    const plain = path.join(folder, "plain.xlsx");
    await kpiRag(await schemesWorkbook(folder, []), "--out", plain, "--force");
    expect(stylesOf(plain)).not.toContain("✓");
  });

  it("takes the symbols away with the rules: --remove leaves no rule of its own", async () => {
    const { folder } = workspace();
    const file = await schemesWorkbook(folder, []);
    const out = path.join(folder, "out.xlsx");
    await kpiRag(file, "--out", out, "--symbols");
    const removed = path.join(folder, "removed.xlsx");
    const run = await kpiRag(out, "--out", removed, "--remove");
    expect(run.code).toBe(0);
    expect(rulesToJudge((await load(removed)).getWorksheet("Scorecard")!)).toEqual([]);
  });

  it("prints each figure with its status's symbol when LibreOffice converts a --symbols output to PDF", async () => {
    const { folder } = workspace();
    const scheme = "Blue for exceeding, Blue at 5% better than target";
    const file = await schemesWorkbook(folder, settingsOf[scheme]);
    const out = path.join(folder, "printed.xlsx");
    expect((await kpiRag(file, "--out", out, "--symbols")).code).toBe(0);
    const converted = convertToPdf(out, folder);
    expect(converted.status, converted.stderr).toBe(0);
    const printed = execFileSync("pdftotext", ["-layout", path.join(folder, "printed.pdf"), "-"], {
      encoding: "utf8",
    });
    // The symbols PRODUCT.md names, each before the figure as the cell's own format shows it.
    const symbolOf: Partial<Record<Status, string>> = {
      Blue: "★",
      Green: "✓",
      Amber: "!",
      Red: "✗",
    };
    let checked = 0;
    expected[scheme].forEach((statuses, index) =>
      statuses.forEach((status, period) => {
        const written = values[index + 1][4 + period];
        if (typeof written !== "string" || !/^\d+%$/.test(written)) return;
        const shown = index + 1 === 4 ? `${Number(written.slice(0, -1)).toFixed(1)}%` : written;
        expect(printed, `${status} ${shown}`).toMatch(
          new RegExp(`${symbolOf[status]!.replace("!", "\\!")}\\s*${shown.replace(".", "\\.")}`)
        );
        checked++;
      })
    );
    expect(checked).toBeGreaterThan(10);
  }, 150_000);
});
