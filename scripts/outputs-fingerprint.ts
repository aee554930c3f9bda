/**
 * What the product writes, reduced to one hash per case: the plan and report of every hand-made council
 * scorecard, of 400 random scorecards and of 200 whose rows are each all percentages or all counts (under each
 * tolerance set), and every part of the file kpi-rag writes for each example workbook. A refactor that must not change outputs runs it before and after:
 *
 *   npx tsx scripts/outputs-fingerprint.ts > /tmp/before.json      (on the old commit, lib/ built)
 *   npx tsx scripts/outputs-fingerprint.ts --compare /tmp/before.json
 *
 * Each case has two hashes: `exact`, of the plan and report as they are, and `cells`, of the report with the
 * colour the formula judge (test/support/rule-engine.ts) paints at every cell in place of the rules, so rules
 * written another way that paint the same (areas merged into rectangles, a row's threshold cells read in
 * place of their figures) change `exact` only. For kpi-rag's files, each worksheet part's `cells` leaves out
 * its conditional-formatting blocks, and a case of its own holds the colours the judge paints in each sheet.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import fc from "fast-check";
import { findTables, standardSet, type CellValue, type Grid } from "../src/core";
import { plannedWithReport, type PlanWithReport } from "../test/support/planned-with-report";
import { paintedCells } from "../test/support/rule-engine";
import { gridOf, readWorkbookFile } from "../test/support/xlsx-grid";
import { rulesToJudge } from "../test/cli/workbook-rules";
import { ratedScorecards } from "../test/core/council-layouts";
import { latestBenchmarks, noEnglandColumn, wholeNumbers } from "../test/core/benchmark-scorecards";

type Hashes = Record<string, { exact: string; cells: string }>;

const hash = (text: string | Buffer): string =>
  createHash("sha256").update(text).digest("hex").slice(0, 16);

/** The plan and report with the rules replaced by the fill the judge paints at each cell, sorted by cell. */
function paintedView(output: PlanWithReport, grid: Grid): unknown {
  const { rules, ...rest } = output;
  // The judge reads a sheet from A1: a grid starting elsewhere is moved into place.
  const values: CellValue[][] = [];
  grid.values.forEach((row, index) => {
    values[grid.origin.row + index] = [
      ...new Array<CellValue>(grid.origin.column).fill(null),
      ...row,
    ];
  });
  for (let row = 0; row < values.length; row++) values[row] ??= [];
  const painted = [...paintedCells(values, rules)].sort(([a], [b]) => a.localeCompare(b));
  return { ...rest, painted };
}

function gridCase(hashes: Hashes, name: string, grid: Grid): void {
  for (const set of [standardSet, "Covid19"]) {
    let output: PlanWithReport | { threw: string };
    try {
      output = plannedWithReport(findTables(grid), set);
    } catch (error) {
      output = { threw: String(error) };
    }
    hashes[`${name} [${set}]`] = {
      exact: hash(JSON.stringify(output)),
      cells: hash(JSON.stringify("threw" in output ? output : paintedView(output, grid))),
    };
  }
}

// Random scorecards: a header of words PRODUCT.md names in several spellings, and rows of figures of
// every kind a sheet holds (numbers, percentages as text, flags, blanks, errors).
const header = fc.tuple(
  fc.constantFrom("KPI", "Ref", "No.", null),
  fc.constantFrom("Measure", "Indicator", "Performance measure", "KPI description"),
  fc.constantFrom("Polarity", "Good is", "Direction", "Aim", null),
  fc.constantFrom("Target", "Target 2024/25", "Annual target", "Target (2023-24)", null),
  fc.constantFrom("Tolerance", "Tolerance (amber)", "Amber threshold", "Red below", null),
  fc.uniqueArray(
    fc.constantFrom(
      "2021/22",
      "2022/23",
      "2023-24",
      "Q1 2024/25",
      "Q2",
      "Apr-24",
      "May 24",
      "Jun",
      "Latest",
      "YTD",
      "Comments",
      "England",
      "Stat neighbours",
      "RAG"
    ),
    { minLength: 1, maxLength: 5 }
  )
);
const polarity = fc.constantFrom(
  "Bigger is better",
  "Smaller is better",
  "High",
  "Low is good",
  "Lower",
  "Higher is better",
  "Within range",
  "n/a",
  null
);
const threshold = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  fc.integer({ min: 0, max: 60 }),
  fc.constantFrom("90%", "≥ 85%", "Below 10%", "±5%", "5pp", "10-15%", "TBC", "Baseline", null)
);
const figure = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  fc.integer({ min: 0, max: 400 }),
  fc.constantFrom("85%", "12 days", "N/A", "-", "*", "<5", "Red", "#DIV/0!", "", null)
);
const scorecard = header.chain(([id, measure, pol, target, tolerance, periods]) =>
  fc
    .array(
      fc.tuple(
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom("Assessments in time", "Re-referrals", "Care leavers in EET", "Visits"),
        polarity,
        threshold,
        threshold,
        fc.array(figure, { minLength: periods.length, maxLength: periods.length })
      ),
      { minLength: 1, maxLength: 8 }
    )
    .map((rows) =>
      scorecardGrid(
        [id, measure, pol, target, tolerance],
        periods,
        rows.map(([n, m, p, t, tol, figures]) => ({
          cells: [n, m, p, t, tol],
          figures,
          percent: (cell: CellValue) => typeof cell === "number" && cell <= 1,
        }))
      )
    )
);

// Random scorecards whose rows are each of one kind, percentages or counts, thresholds and figures alike,
// so most of their cells are rated and painted (the scorecards above mix kinds, and so are often Check definition).
const rowOfOneKind = (periods: number) =>
  fc.constantFrom("percent", "count").chain((kind) => {
    const number =
      kind === "percent"
        ? fc.integer({ min: 0, max: 100 }).map((n) => n / 100)
        : fc.integer({ min: 0, max: 60 });
    const written = fc.oneof(
      { weight: 8, arbitrary: number },
      { weight: 1, arbitrary: fc.constantFrom("N/A", "-", "", null) }
    );
    return fc.tuple(
      fc.constant(kind),
      fc.integer({ min: 1, max: 40 }),
      kind === "percent"
        ? fc.constantFrom("Assessments in time", "Care leavers in EET", "Re-referrals")
        : fc.constantFrom("Visits", "Children on plans", "Days to adoption"),
      polarity,
      written,
      written,
      fc.array(written, { minLength: periods, maxLength: periods })
    );
  });
const scorecardOfKinds = header.chain(([id, measure, pol, target, tolerance, periods]) =>
  fc.array(rowOfOneKind(periods.length), { minLength: 1, maxLength: 8 }).map((rows) =>
    scorecardGrid(
      [id, measure, pol, target, tolerance],
      periods,
      rows.map(([kind, n, m, p, t, tol, figures]) => ({
        cells: [n, m, p, t, tol],
        figures,
        percent: (cell: CellValue) => kind === "percent" && typeof cell === "number",
      }))
    )
  )
);

/** A scorecard from its header (a null heading leaves its column out of every row) and rows. */
function scorecardGrid(
  headings: Array<string | null>,
  periods: string[],
  rows: Array<{ cells: CellValue[]; figures: CellValue[]; percent: (cell: CellValue) => boolean }>
): Grid {
  const pick = <T>(cells: T[]) => cells.filter((_, i) => headings[i] !== null);
  const head: CellValue[] = [...pick(headings), ...periods];
  const values = [head, ...rows.map((row) => [...pick(row.cells), ...row.figures])];
  return {
    sheet: "Scorecard",
    origin: { row: 0, column: 0 },
    values,
    numberFormats: [
      head.map(() => "General"),
      ...rows.map((row, index) =>
        values[index + 1].map((cell) => (row.percent(cell) ? "0%" : "General"))
      ),
    ],
    merges: [],
  };
}

/** The zip's entries by name, inflated: enough of a reader for the files kpi-rag writes. */
function zipEntries(file: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let end = file.length - 22;
  while (end >= 0 && file.readUInt32LE(end) !== 0x06054b50) end--;
  let at = file.readUInt32LE(end + 16);
  const count = file.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const method = file.readUInt16LE(at + 10);
    const size = file.readUInt32LE(at + 20);
    const nameLength = file.readUInt16LE(at + 28);
    const extra = file.readUInt16LE(at + 30);
    const comment = file.readUInt16LE(at + 32);
    const local = file.readUInt32LE(at + 42);
    const name = file.toString("utf8", at + 46, at + 46 + nameLength);
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const raw = file.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** What the judge paints in each sheet of a written workbook, by sheet name and cell. */
async function paintedInWorkbook(file: Buffer): Promise<string> {
  const workbook = await readWorkbookFile(file);
  const painted = workbook.worksheets.map((worksheet) => [
    worksheet.name,
    [...paintedCells(gridOf(worksheet).values, rulesToJudge(worksheet))].sort(([a], [b]) =>
      a.localeCompare(b)
    ),
  ]);
  return JSON.stringify(painted);
}

const ruleBlocks = /<(?:\w+:)?conditionalFormatting\b[\s\S]*?<\/(?:\w+:)?conditionalFormatting>/g;

async function cliCases(hashes: Hashes): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "kpi-rag-fingerprint-"));
  try {
    for (const name of readdirSync("examples").filter((file) => /^[a-z-]+\.xlsx$/.test(file))) {
      for (const flags of [[], ["--symbols"], ["--tolerance", "Covid19"]]) {
        const out = path.join(folder, "out.xlsx");
        const report = path.join(folder, "report.json");
        try {
          execFileSync(
            process.execPath,
            [
              "bin/kpi-rag.js",
              path.join("examples", name),
              "--out",
              out,
              "--report",
              report,
              "--force",
              ...flags,
            ],
            { stdio: "pipe" }
          );
        } catch (error) {
          hashes[`kpi-rag ${name} ${flags.join(" ")}`] = {
            exact: hash(String((error as { stderr?: Buffer }).stderr ?? error)),
            cells: "",
          };
          continue;
        }
        const written = readFileSync(out);
        for (const [part, bytes] of zipEntries(written))
          hashes[`kpi-rag ${name} ${flags.join(" ")} ${part}`] = {
            exact: hash(bytes),
            cells: /^xl\/worksheets\/[^/]+\.xml$/.test(part)
              ? hash(bytes.toString("utf8").replace(ruleBlocks, ""))
              : "",
          };
        const painted = hash(await paintedInWorkbook(written));
        hashes[`kpi-rag ${name} ${flags.join(" ")} painted`] = { exact: painted, cells: painted };
        hashes[`kpi-rag ${name} ${flags.join(" ")} report`] = {
          exact: hash(readFileSync(report)),
          cells: "",
        };
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const hashes: Hashes = {};
for (const card of ratedScorecards) gridCase(hashes, card.title, card.grid);
for (const [name, grid] of Object.entries({ latestBenchmarks, noEnglandColumn, wholeNumbers }))
  gridCase(hashes, name, grid);
fc.sample(scorecard, { seed: 20261207, numRuns: 400 }).forEach((grid, i) =>
  gridCase(hashes, `random ${i}`, grid)
);
fc.sample(scorecardOfKinds, { seed: 20261208, numRuns: 200 }).forEach((grid, i) =>
  gridCase(hashes, `random of kinds ${i}`, grid)
);
void cliCases(hashes).then(() => {
  const compareWith = process.argv.indexOf("--compare");
  if (compareWith < 0) {
    process.stdout.write(JSON.stringify(hashes, null, 1) + "\n");
  } else {
    const before = JSON.parse(readFileSync(process.argv[compareWith + 1], "utf8")) as Hashes;
    const names = new Set([...Object.keys(before), ...Object.keys(hashes)]);
    let exact = 0;
    let cells = 0;
    for (const name of names) {
      const [old, now] = [before[name], hashes[name]];
      if (!old || !now) console.log(`${old ? "gone" : "new"}: ${name}`);
      else if (old.exact !== now.exact) {
        if (old.cells === now.cells && now.cells !== "") cells++;
        else console.log(`differs: ${name}`);
      } else exact++;
    }
    console.log(
      `${names.size} cases: ${exact} byte-identical, ${cells} painted alike cell by cell (rules written differently)`
    );
  }
});
