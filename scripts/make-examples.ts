/**
 * Writes the example workbooks (examples/) and the detection-test fixtures (test/fixtures/) from the
 * two seed tables in ../shared/seeds (relative to the repository root).
 *
 *   npx tsx scripts/make-examples.ts
 *
 * The workbooks are laid out the way analysts keep these appendices in Excel: titles, header blocks
 * repeated per page, merged section labels, percentages stored as numbers with a "0%" format, the
 * analyst's own fills, borders and one conditional format rule that the add-in must leave alone.
 *
 * Deterministic and idempotent: no Math.random (a seeded generator), fixed document dates, and the
 * clock frozen while each zip is written, so a second run produces the same bytes and leaves every
 * file untouched.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeCouncilScorecard } from "./council-scorecard";
import { writeLayoutsScorecard } from "./layouts-scorecard";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const seedsDir = path.resolve(repoRoot, "..", "shared", "seeds");
const examplesDir = path.join(repoRoot, "examples");
const fixturesDir = path.join(repoRoot, "test", "fixtures");

/** Every document date and every zip entry date: shortly after the 2021/22 Q1 figures came in. */
const FIXED_DATE = new Date(Date.UTC(2021, 7, 2, 9, 0, 0));

// ---------------------------------------------------------------------------------------------
// Seeds
// ---------------------------------------------------------------------------------------------

/** One data row of Appendix I, as the seed text has it (strings; "" for an empty field). */
interface AppendixIRow {
  type: string; // the section label, carried down from the first row of the block
  measure: string;
  polarity: string;
  target: string;
  tolerance: string;
  covid: string;
  periods: [string, string, string]; // 2019/20 Average, 2020/21 Average, 2021/22 Qtr1
}

interface AppendixIPage {
  titles: string[]; // the title lines above the page ("Appendix I", "Contractual and ...")
  type: string; // the section label written once at the top of the page's block
  rows: AppendixIRow[];
}

interface AppendixAEntry {
  kind: "section" | "kpi";
  text: string; // the section label, or the measure
  kpi?: string; // "1", "5a", ...
}

async function readSeeds(): Promise<{ appendixI: string; appendixA: string }> {
  const names = (await fs.readdir(seedsDir)).filter((name) => name.endsWith(".txt")).sort();
  let appendixI: string | undefined;
  let appendixA: string | undefined;
  for (const name of names) {
    const text = (await fs.readFile(path.join(seedsDir, name), "utf8")).replace(/\r\n?/g, "\n");
    const first =
      text
        .split("\n")
        .find((line) => line.trim() !== "")
        ?.trim() ?? "";
    if (/^Appendix I$/i.test(first)) appendixI = text;
    else if (/^APPENDIX A\b/i.test(first)) appendixA = text;
  }
  if (!appendixI || !appendixA)
    throw new Error(`Expected the Appendix I and Appendix A seed tables in ${seedsDir}`);
  return { appendixI, appendixA };
}

/** Appendix I: three pages, each "titles, blank, MEASUREMENT DETAILS, two header rows, data rows". */
function parseAppendixI(text: string): AppendixIPage[] {
  const lines = text.split("\n");
  const pages: AppendixIPage[] = [];
  let titles: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fields = line.split("\t");
    if (fields[0].trim() === "MEASUREMENT DETAILS") {
      // Skip the block's own header rows: "TYPE | Measure | ..." and " | | | Target | Tolerance | ...".
      if (
        !/^TYPE\t/.test(lines[i + 1] ?? "") ||
        !/^\t\t\tTarget\tTolerance/.test(lines[i + 2] ?? "")
      ) {
        throw new Error(`Unexpected Appendix I header at line ${i + 1}`);
      }
      i += 3;
      const rows: AppendixIRow[] = [];
      let type = "";
      while (i < lines.length && lines[i].trim() !== "") {
        const f = lines[i].split("\t").map((field) => field.trim());
        while (f.length < 9) f.push("");
        if (f[0] !== "") type = f[0];
        rows.push({
          type,
          measure: f[1],
          polarity: f[2],
          target: f[3],
          tolerance: f[4],
          covid: f[5],
          periods: [f[6], f[7], f[8]],
        });
        i += 1;
      }
      pages.push({ titles, type: rows[0]?.type ?? "", rows });
      titles = [];
      continue;
    }
    if (line.trim() !== "") titles.push(line.trim());
    i += 1;
  }
  if (pages.length !== 3)
    throw new Error(`Expected three pages in Appendix I, found ${pages.length}`);
  return pages;
}

/** Appendix A: "Performance Measure <tab> KPI" rows; a row with no KPI number is a section label. */
function parseAppendixA(text: string): AppendixAEntry[] {
  const entries: AppendixAEntry[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || /^APPENDIX A:/i.test(line)) continue;
    const [measure, kpi = ""] = line.split("\t").map((field) => field.trim());
    entries.push(
      kpi === "" ? { kind: "section", text: measure } : { kind: "kpi", text: measure, kpi }
    );
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// Cell values and styles
// ---------------------------------------------------------------------------------------------

type Written = { value: ExcelJS.CellValue; numFmt?: string };
/** How a sheet keeps percentages: fractions formatted "0%" (Excel's way), whole numbers, or text. */
type PercentMode = "fraction" | "whole" | "text";

const PERCENT = /^(-?\d+(?:\.\d+)?)%$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** A seed figure as an analyst's cell holds it: "91%" → 0.91 with "0%", "212" → 212, text stays text. */
function seedValue(text: string, mode: PercentMode = "fraction"): Written {
  if (text === "") return { value: null };
  const percent = PERCENT.exec(text);
  if (percent) {
    if (mode === "text") return { value: text };
    if (mode === "whole") return { value: Number(percent[1]) };
    return { value: Number(percent[1]) / 100, numFmt: "0%" };
  }
  if (NUMBER.test(text)) return { value: Number(text) };
  return { value: text };
}

function put(cell: ExcelJS.Cell, written: Written): void {
  cell.value = written.value;
  if (written.numFmt) cell.numFmt = written.numFmt;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FF808080" } },
  left: { style: "thin", color: { argb: "FF808080" } },
  bottom: { style: "thin", color: { argb: "FF808080" } },
  right: { style: "thin", color: { argb: "FF808080" } },
};
/** The analyst's own header fill (a pale blue, nowhere near Excel's Good/Neutral/Bad colours). */
const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFD9E1F2" },
};
const SECTION_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFF2F2F2" },
};

/** A deterministic pseudo-random generator (mulberry32): the same figures every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Performance and Quality Team";
  workbook.lastModifiedBy = "Performance and Quality Team";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return workbook;
}

/** Runs fn with `new Date()` and `Date.now()` fixed, so the zip entries carry FIXED_DATE too. */
async function withFrozenClock<T>(fn: () => Promise<T>): Promise<T> {
  const RealDate = Date;
  const fixed = FIXED_DATE.getTime();
  class FrozenDate extends RealDate {
    constructor(...args: unknown[]) {
      super(...((args.length === 0 ? [fixed] : args) as [number]));
    }
    static override now(): number {
      return fixed;
    }
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate;
    }
  }
  globalThis.Date = FrozenDate as DateConstructor;
  try {
    return await fn();
  } finally {
    globalThis.Date = RealDate;
  }
}

const written: { file: string; bytes: number; changed: boolean }[] = [];

/** Writes the file only when its bytes differ, so a second run touches nothing. */
async function writeIfChanged(file: string, bytes: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const existing = await fs.readFile(file).catch(() => undefined);
  const changed = !existing || !existing.equals(bytes);
  if (changed) await fs.writeFile(file, bytes);
  written.push({ file: path.relative(repoRoot, file), bytes: bytes.length, changed });
}

async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return Buffer.from(await withFrozenClock(() => workbook.xlsx.writeBuffer()));
}

async function saveWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  await writeIfChanged(file, await workbookBytes(workbook));
}

// ---------------------------------------------------------------------------------------------
// Appendix I sheets
// ---------------------------------------------------------------------------------------------

interface AppendixILayout {
  /** The column of TYPE (1 = A). */
  firstColumn: number;
  /** How percentages are kept. */
  percent: PercentMode;
  /** Adds the empty "2021/22 Qtr2" column and the "Commentary" column. */
  extraColumns: boolean;
  /** Commentary text by measure (only with extraColumns). */
  commentary?: Record<string, string>;
  /** Alternative cell values by measure: index 0..2 = the three periods. */
  periodOverrides?: Record<string, Partial<Record<0 | 1 | 2, Written>>>;
  /** Alternative polarity wording by measure. */
  polarityOverrides?: Record<string, string>;
}

/**
 * Writes one page: the three-row header block at `top`, then its rows. Returns the next free row.
 * Columns (from firstColumn): TYPE, Measure, Polarity, Target, Tolerance, Covid19 Tolerance,
 * 2019/20 Average, 2020/21 Average, 2021/22 Qtr1, [2021/22 Qtr2, Commentary].
 */
function writeAppendixIPage(
  sheet: ExcelJS.Worksheet,
  page: AppendixIPage,
  top: number,
  layout: AppendixILayout
): number {
  const c0 = layout.firstColumn;
  const width = layout.extraColumns ? 11 : 9;
  const last = c0 + width - 1;
  const periodsLast = layout.extraColumns ? c0 + 9 : c0 + 8; // the last period column

  const header1 = sheet.getRow(top);
  const header2 = sheet.getRow(top + 1);
  const header3 = sheet.getRow(top + 2);
  header1.getCell(c0).value = "MEASUREMENT DETAILS";
  header1.getCell(c0 + 3).value = "TARGETS AND COMPARATORS";
  const labels2 = [
    "TYPE",
    "Measure",
    "Polarity",
    "Target Range",
    null,
    "Covid19 Tolerance",
    "2019/20",
    "2020/21",
    "2021/22",
  ];
  const labels3 = [null, null, null, "Target", "Tolerance", null, "Average", "Average", "Qtr1"];
  if (layout.extraColumns) {
    labels2.push("2021/22", "Commentary");
    labels3.push("Qtr2", null);
  }
  labels2.forEach((label, k) => (header2.getCell(c0 + k).value = label));
  labels3.forEach((label, k) => (header3.getCell(c0 + k).value = label));
  for (const row of [header1, header2, header3]) {
    for (let c = c0; c <= last; c += 1) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = THIN;
      cell.alignment = {
        horizontal: c === c0 + 1 ? "left" : "center",
        vertical: "middle",
        wrapText: true,
      };
    }
  }
  sheet.mergeCells(top, c0, top, c0 + 2); // MEASUREMENT DETAILS over TYPE..Polarity
  sheet.mergeCells(top, c0 + 3, top, periodsLast); // TARGETS AND COMPARATORS over Target..last period
  sheet.mergeCells(top + 1, c0 + 3, top + 1, c0 + 4); // Target Range over Target and Tolerance

  let r = top + 3;
  const first = r;
  for (const item of page.rows) {
    const row = sheet.getRow(r);
    if (r === first) row.getCell(c0).value = page.type;
    row.getCell(c0 + 1).value = item.measure;
    const polarity = layout.polarityOverrides?.[item.measure] ?? item.polarity;
    row.getCell(c0 + 2).value = polarity === "" ? null : polarity;
    put(row.getCell(c0 + 3), seedValue(item.target, layout.percent));
    put(row.getCell(c0 + 4), seedValue(item.tolerance, layout.percent));
    row.getCell(c0 + 5).value = item.covid === "" ? null : item.covid; // always text, as the seed
    item.periods.forEach((text, k) => {
      const override = layout.periodOverrides?.[item.measure]?.[k as 0 | 1 | 2];
      put(row.getCell(c0 + 6 + k), override ?? seedValue(text, layout.percent));
    });
    if (layout.extraColumns) {
      // c0 + 9: 2021/22 Qtr2, left blank for the next quarter.
      const note = layout.commentary?.[item.measure];
      if (note) row.getCell(c0 + 10).value = note;
    }
    for (let c = c0; c <= last; c += 1) {
      const cell = row.getCell(c);
      cell.border = THIN;
      const wrap = c === c0 || c === c0 + 1 || c === c0 + 2 || c === c0 + 10;
      cell.alignment = {
        vertical: c === c0 ? "middle" : "top",
        horizontal: c >= c0 + 3 && c <= periodsLast ? "center" : "left",
        wrapText: wrap,
      };
    }
    row.getCell(c0).font = { bold: true };
    r += 1;
  }
  sheet.mergeCells(first, c0, r - 1, c0); // the TYPE label, once, down the block
  return r;
}

function writeTitles(
  sheet: ExcelJS.Worksheet,
  titles: string[],
  row: number,
  column: number
): void {
  titles.forEach((title, k) => {
    const cell = sheet.getCell(row + k, column);
    cell.value = title;
    cell.font = { bold: true, size: k === 0 ? 14 : 12 };
  });
}

function setAppendixIWidths(
  sheet: ExcelJS.Worksheet,
  firstColumn: number,
  extraColumns: boolean
): void {
  const widths = [24, 60, 22, 13, 11, 12, 10, 10, 10];
  if (extraColumns) widths.push(10, 40);
  widths.forEach((width, k) => (sheet.getColumn(firstColumn + k).width = width));
}

const COMMENTARY: Record<string, string> = {
  "Care Leavers with pathway plans which have been reviewed in timescale":
    "Six reviews held late during a change of personal advisers; recovery plan agreed.",
  "Assessments completed within 20 days": "Polarity and targets under review with commissioners.",
  "Young offenders aged 10-17 who reoffend": "Youth justice figures for Qtr1 not yet published.",
  "Average time in days between Local Authority receiving court authority to place a child and deciding on a match to an adoptive family":
    "Two matches delayed by court backlog.",
};

async function makeAppendixI(pages: AppendixIPage[]): Promise<void> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Appendix I", { views: [{ showGridLines: false }] });
  const layout: AppendixILayout = {
    firstColumn: 1,
    percent: "fraction",
    extraColumns: true,
    commentary: COMMENTARY,
  };
  writeTitles(sheet, pages[0].titles, 1, 1);
  let row = pages[0].titles.length + 2; // titles, then one blank row
  const firstData = row + 3;
  pages.forEach((page, k) => {
    if (k > 0) row += 1; // a blank row between pages
    row = writeAppendixIPage(sheet, page, row, layout);
  });
  const lastData = row - 1;
  setAppendixIWidths(sheet, 1, true);
  // The analyst's own rule: commentary that mentions "late" in bold dark red.
  sheet.addConditionalFormatting({
    ref: `K${firstData}:K${lastData}`,
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: [`ISNUMBER(SEARCH("late",K${firstData}))`],
        style: { font: { bold: true, color: { argb: "FFC00000" } } },
      },
    ],
  });
  sheet.pageSetup = {
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    paperSize: 9,
  };
  await saveWorkbook(workbook, path.join(examplesDir, "appendix-i.xlsx"));
}

// ---------------------------------------------------------------------------------------------
// Appendix A sheets
// ---------------------------------------------------------------------------------------------

type Figure =
  | { kind: "percent"; low: number; high: number }
  | { kind: "count"; low: number; high: number }
  | { kind: "rate"; low: number; high: number };

const pct = (low: number, high: number): Figure => ({ kind: "percent", low, high });
const count = (low: number, high: number): Figure => ({ kind: "count", low, high });
const rate = (low: number, high: number): Figure => ({ kind: "rate", low, high });

/** Plausible monthly ranges by KPI number ("10" is the sum of 10a and 10b). */
const FIGURES: Record<string, Figure> = {
  "1": pct(0.18, 0.3),
  "2": pct(0.3, 0.55),
  "3": pct(0.1, 0.22),
  "4": pct(0.01, 0.06),
  "5a": pct(0.85, 0.99),
  "5b": pct(0.75, 0.95),
  "6": pct(0.8, 0.99),
  "7": rate(150, 200),
  "8": count(10, 35),
  "9": pct(0.15, 0.3),
  "10": count(0, 0),
  "10a": count(1100, 1500),
  "10b": count(600, 900),
  "11": count(300, 450),
  "12": count(250, 320),
  "13": count(780, 830),
  "14": pct(0.2, 0.35),
  "15": pct(0.7, 0.95),
  "16": pct(0.85, 1),
  "17": pct(0.88, 1),
  "18": pct(0.06, 0.12),
  "19": pct(0.15, 0.25),
  "20": pct(0.7, 0.9),
  "21": pct(0.4, 0.8),
  "22": pct(0.8, 0.97),
  "23": pct(0.9, 1),
  "24": count(180, 210),
  "25": pct(0.45, 0.6),
  "26": pct(0.8, 0.97),
  "27": pct(0.5, 0.95),
  "28": pct(0.95, 1),
  "29": pct(0.05, 0.15),
  "30": pct(0.7, 0.85),
  "31": rate(15, 20),
  "32": pct(0.025, 0.055),
  "33": pct(0.55, 0.75),
  "34": pct(0.25, 0.4),
};

/** Months with nothing to report: "N/A" as the analyst typed it. */
const NOT_APPLICABLE: Record<string, number[]> = { "21": [0], "28": [2] };

const MONTHS = ["Apr-21", "May-21", "Jun-21", "Jul-21"];
const REPORTED_MONTHS = 3; // Jul-21 is not yet due

function figure(spec: Figure, random: () => number): Written {
  const x = spec.low + (spec.high - spec.low) * random();
  if (spec.kind === "percent") return { value: Math.round(x * 1000) / 1000, numFmt: "0%" };
  if (spec.kind === "rate") return { value: Math.round(x * 10) / 10, numFmt: "0.0" };
  return { value: Math.round(x) };
}

function kpiCellValue(kpi: string): number | string {
  return /^\d+$/.test(kpi) ? Number(kpi) : kpi;
}

function writeAppendixASheet(sheet: ExcelJS.Worksheet, entries: AppendixAEntry[]): void {
  const random = seededRandom(20210401);
  const lastColumn = 2 + MONTHS.length;
  const title = sheet.getCell("A1");
  title.value = "APPENDIX A: Performance Measure";
  title.font = { bold: true, size: 14 };

  const header = sheet.getRow(3);
  ["Performance Measure", "KPI", ...MONTHS].forEach((label, k) => {
    const cell = header.getCell(k + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: k === 0 ? "left" : "center", vertical: "middle" };
  });

  // Figures first (so 10 can be the sum of 10a and 10b), then the rows.
  const values = new Map<string, Written[]>();
  for (const entry of entries) {
    if (entry.kind !== "kpi" || !entry.kpi) continue;
    const spec = FIGURES[entry.kpi];
    if (!spec) throw new Error(`No figures for KPI ${entry.kpi}`);
    const months: Written[] = [];
    for (let m = 0; m < REPORTED_MONTHS; m += 1) {
      months.push(NOT_APPLICABLE[entry.kpi]?.includes(m) ? { value: "N/A" } : figure(spec, random));
    }
    values.set(entry.kpi, months);
  }
  const a = values.get("10a");
  const b = values.get("10b");
  if (a && b)
    values.set(
      "10",
      a.map((w, m) => ({ value: (w.value as number) + (b[m].value as number) }))
    );

  let r = 4;
  for (const entry of entries) {
    const row = sheet.getRow(r);
    if (entry.kind === "section") {
      const cell = row.getCell(1);
      cell.value = entry.text;
      cell.font = { bold: true };
      cell.fill = SECTION_FILL;
      cell.border = THIN;
      sheet.mergeCells(r, 1, r, lastColumn);
    } else {
      row.getCell(1).value = entry.text;
      row.getCell(2).value = kpiCellValue(entry.kpi ?? "");
      (values.get(entry.kpi ?? "") ?? []).forEach((w, m) => put(row.getCell(3 + m), w));
      for (let c = 1; c <= lastColumn; c += 1) {
        const cell = row.getCell(c);
        cell.border = THIN;
        cell.alignment =
          c === 1 ? { wrapText: true, vertical: "top" } : { horizontal: "center", vertical: "top" };
      }
    }
    r += 1;
  }
  sheet.getColumn(1).width = 70;
  sheet.getColumn(2).width = 7;
  for (let c = 3; c <= lastColumn; c += 1) sheet.getColumn(c).width = 10;
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: 3, showGridLines: false }];
}

interface RegisterEntry {
  kpi: string;
  polarity: string;
  target: string | number;
  tolerance: string | number;
  covid: string;
  notes?: string;
}

/** Targets for a handful of Appendix A KPIs: some typed as text ("22%"), some as 0.22 formatted "0%". */
const REGISTER: RegisterEntry[] = [
  {
    kpi: "1",
    polarity: "Smaller is better",
    target: "22%",
    tolerance: "28%",
    covid: "-",
    notes: "As Appendix I: re-referrals within 12 months",
  },
  { kpi: "16", polarity: "Bigger is better", target: 0.95, tolerance: 0.8, covid: ">=80%" },
  {
    kpi: "18",
    polarity: "Smaller is better",
    target: "9%",
    tolerance: "15%",
    covid: "<=15%",
    notes: "Short term stability of placements",
  },
  { kpi: "22", polarity: "Bigger is better", target: 0.9, tolerance: 0.8, covid: "-" },
  { kpi: "25", polarity: "Bigger is better", target: "55%", tolerance: "45%", covid: "-" },
  {
    kpi: "30",
    polarity: "Bigger is better",
    target: 0.8,
    tolerance: 0.7,
    covid: "-",
    notes: "Agreed at the workforce board",
  },
  {
    kpi: "32",
    polarity: "Smaller is better",
    target: 0.04,
    tolerance: "5%",
    covid: "-",
    notes: "Tolerance typed as text, target as a number",
  },
];

function writeRegisterSheet(sheet: ExcelJS.Worksheet, entries: AppendixAEntry[]): void {
  const sectionOf = new Map<string, string>();
  const measureOf = new Map<string, string>();
  let section = "";
  for (const entry of entries) {
    if (entry.kind === "section") section = entry.text;
    else if (entry.kpi) {
      sectionOf.set(entry.kpi, section);
      measureOf.set(entry.kpi, entry.text);
    }
  }
  const rows = REGISTER.map((item) => [
    `KPI-${item.kpi}`,
    measureOf.get(item.kpi) ?? "",
    sectionOf.get(item.kpi) ?? "",
    item.polarity,
    "%",
    item.target,
    item.tolerance,
    item.covid,
    item.notes ?? null,
  ]);
  sheet.addTable({
    name: "KPIRegister",
    displayName: "KPIRegister",
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: [
      "ID",
      "Measure",
      "Section",
      "Polarity",
      "Unit",
      "Target",
      "Tolerance",
      "Covid19 Tolerance",
      "Notes",
    ].map((name) => ({ name, filterButton: true })),
    rows,
  });
  // Numbers typed as percentages carry Excel's "0%" format.
  REGISTER.forEach((item, k) => {
    const row = sheet.getRow(2 + k);
    if (typeof item.target === "number") row.getCell(6).numFmt = "0%";
    if (typeof item.tolerance === "number") row.getCell(7).numFmt = "0%";
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
  });
  [10, 60, 34, 20, 6, 10, 11, 18, 44].forEach((width, k) => (sheet.getColumn(k + 1).width = width));
}

async function makeAppendixA(entries: AppendixAEntry[]): Promise<void> {
  const workbook = newWorkbook();
  writeAppendixASheet(workbook.addWorksheet("Appendix A"), entries);
  writeRegisterSheet(workbook.addWorksheet("KPI Register"), entries);
  await saveWorkbook(workbook, path.join(examplesDir, "appendix-a.xlsx"));
}

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/** Appendix I's first page in the usual layout (titles, blank row, header block at row 4), A..I. */
async function pageOneWorkbook(
  pages: AppendixIPage[],
  layout: Partial<AppendixILayout>,
  file: string
): Promise<void> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Appendix I");
  writeTitles(sheet, pages[0].titles, 1, 1);
  writeAppendixIPage(sheet, pages[0], pages[0].titles.length + 2, {
    firstColumn: 1,
    percent: "fraction",
    extraColumns: false,
    ...layout,
  });
  setAppendixIWidths(sheet, 1, false);
  await saveWorkbook(workbook, file);
}

/** Measure, the periods, then Target, Tolerance, Polarity, TYPE last; two header rows, no merges. */
async function makeColumnsReordered(pages: AppendixIPage[]): Promise<void> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("KPIs");
  const header1 = [
    "Measure",
    "2019/20",
    "2020/21",
    "2021/22",
    "Target",
    "Tolerance",
    "Polarity",
    "TYPE",
  ];
  const header2 = [null, "Average", "Average", "Qtr1", null, null, null, null];
  sheet.addRow(header1);
  sheet.addRow(header2);
  for (const r of [1, 2]) {
    sheet.getRow(r).font = { bold: true };
  }
  pages[0].rows.forEach((item, k) => {
    const row = sheet.getRow(3 + k);
    row.getCell(1).value = item.measure;
    item.periods.forEach((text, p) => put(row.getCell(2 + p), seedValue(text)));
    put(row.getCell(5), seedValue(item.target));
    put(row.getCell(6), seedValue(item.tolerance));
    row.getCell(7).value = item.polarity === "" ? null : item.polarity;
    row.getCell(8).value = item.type; // written on every row: nothing is merged here
  });
  [60, 10, 10, 10, 13, 11, 18, 36].forEach((width, k) => (sheet.getColumn(k + 1).width = width));
  await saveWorkbook(workbook, path.join(fixturesDir, "columns-reordered.xlsx"));
}

/** Each page on its own sheet; header block once per sheet at C4, three title rows above it. */
async function makeOneBlockPerSheet(pages: AppendixIPage[]): Promise<void> {
  const workbook = newWorkbook();
  const names = ["Contractual", "Strategic (1)", "Strategic (2)"];
  pages.forEach((page, k) => {
    const sheet = workbook.addWorksheet(names[k]);
    writeTitles(
      sheet,
      [
        "Appendix I",
        "Contractual and Strategic Key Performance Indicators",
        `${page.type}: page ${k + 1} of ${pages.length}`,
      ],
      1,
      3
    );
    writeAppendixIPage(sheet, page, 4, {
      firstColumn: 3,
      percent: "fraction",
      extraColumns: false,
    });
    sheet.getColumn(1).width = 3;
    sheet.getColumn(2).width = 3;
    setAppendixIWidths(sheet, 3, false);
  });
  await saveWorkbook(workbook, path.join(fixturesDir, "one-block-per-sheet.xlsx"));
}

async function makeNoKpiTable(): Promise<void> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Shopping list");
  sheet.addRow(["Item", "Quantity", "Price", "Shop", "Bought"]);
  sheet.getRow(1).font = { bold: true };
  const items: [string, number, number, string, boolean][] = [
    ["Milk (4 pints)", 2, 1.45, "Co-op", true],
    ["Bread", 1, 1.1, "Bakery", true],
    ["Eggs (12)", 1, 2.65, "Co-op", false],
    ["Apples", 6, 0.3, "Market", false],
    ["Washing-up liquid", 1, 1.25, "Co-op", false],
    ["Teabags (80)", 1, 2.5, "Co-op", true],
  ];
  items.forEach((item, k) => {
    sheet.addRow(item);
    sheet.getCell(2 + k, 3).numFmt = '"£"#,##0.00';
  });
  sheet.getCell(2 + items.length, 1).value = "Total";
  const total =
    Math.round(items.reduce((sum, [, quantity, price]) => sum + quantity * price, 0) * 100) / 100;
  sheet.getCell(2 + items.length, 3).value = {
    formula: `SUMPRODUCT(B2:B${1 + items.length},C2:C${1 + items.length})`,
    result: total,
  };
  sheet.getCell(2 + items.length, 3).numFmt = '"£"#,##0.00';
  [22, 10, 10, 10, 8].forEach((width, k) => (sheet.getColumn(k + 1).width = width));
  await saveWorkbook(workbook, path.join(fixturesDir, "no-kpi-table.xlsx"));
}

async function makeEmpty(): Promise<void> {
  const workbook = newWorkbook();
  workbook.addWorksheet("Sheet1");
  await saveWorkbook(workbook, path.join(fixturesDir, "empty.xlsx"));
}

/** A small Appendix I block with errors, booleans, junk text, merged periods, a hidden row, bad wording. */
async function makeBadValues(pages: AppendixIPage[]): Promise<void> {
  const page: AppendixIPage = { ...pages[0], rows: pages[0].rows.slice(0, 8) };
  const [assessments, cin, seen, icpc, stability, reviews, , inTouch] = page.rows.map(
    (row) => row.measure
  );
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Appendix I");
  writeTitles(sheet, page.titles, 1, 1);
  const top = page.titles.length + 2; // 4: the header block; data from row 7
  writeAppendixIPage(sheet, page, top, {
    firstColumn: 1,
    percent: "fraction",
    extraColumns: false,
    periodOverrides: {
      [assessments]: { 1: { value: { error: "#DIV/0!" } } },
      [cin]: { 1: { value: true } },
      [seen]: { 0: { value: "abc" } },
      [icpc]: { 1: { value: null } }, // G10:H10 merged below: one value over two periods
      [inTouch]: { 0: { value: { error: "#N/A" } }, 1: { value: { error: "#VALUE!" } } },
    },
    polarityOverrides: { [reviews]: "Biggest is better" },
  });
  const first = top + 3;
  const icpcRow = first + page.rows.findIndex((row) => row.measure === icpc);
  sheet.mergeCells(icpcRow, 7, icpcRow, 8);
  sheet.getRow(first + page.rows.findIndex((row) => row.measure === stability)).hidden = true;
  setAppendixIWidths(sheet, 1, false);
  await saveWorkbook(workbook, path.join(fixturesDir, "bad-values.xlsx"));
}

/** Monthly periods Apr-21 .. Mar-22: real dates formatted "mmm-yy" in some columns, text in others. */
async function makeMonths(entries: AppendixAEntry[]): Promise<void> {
  const random = seededRandom(20220331);
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Monthly KPIs");
  const title = sheet.getCell("A1");
  title.value = "Monthly KPI tracker 2021/22";
  title.font = { bold: true, size: 14 };
  const monthNames = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
  ];
  const textMonths = new Set([6, 7, 8, 11]); // Oct-21, Nov-21, Dec-21 and Mar-22 typed as text
  const header = sheet.getRow(3);
  ["Measure", "Polarity", "Target", "Tolerance"].forEach(
    (label, k) => (header.getCell(1 + k).value = label)
  );
  for (let m = 0; m < 12; m += 1) {
    const cell = header.getCell(5 + m);
    const month = (3 + m) % 12; // April first
    const year = 2021 + (3 + m >= 12 ? 1 : 0);
    if (textMonths.has(m)) cell.value = `${monthNames[month]}-${String(year).slice(2)}`;
    else {
      cell.value = new Date(Date.UTC(year, month, 1));
      cell.numFmt = "mmm-yy";
    }
  }
  for (let c = 1; c <= 16; c += 1) {
    const cell = header.getCell(c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  }
  const measureOf = new Map(
    entries.filter((e) => e.kind === "kpi").map((e) => [e.kpi ?? "", e.text])
  );
  const rows: { kpi: string; polarity: string | null; target: Written; tolerance: Written }[] = [
    {
      kpi: "1",
      polarity: "Smaller is better",
      target: { value: 0.22, numFmt: "0%" },
      tolerance: { value: 0.28, numFmt: "0%" },
    },
    {
      kpi: "16",
      polarity: "Bigger is better",
      target: { value: 0.95, numFmt: "0%" },
      tolerance: { value: 0.8, numFmt: "0%" },
    },
    {
      kpi: "18",
      polarity: "Smaller is better",
      target: { value: 0.09, numFmt: "0%" },
      tolerance: { value: 0.15, numFmt: "0%" },
    },
    {
      kpi: "25",
      polarity: "Bigger is better",
      target: { value: 0.55, numFmt: "0%" },
      tolerance: { value: 0.45, numFmt: "0%" },
    },
    { kpi: "12", polarity: null, target: { value: null }, tolerance: { value: null } }, // a count, for context
  ];
  const reported = 9; // Apr-21 .. Dec-21 reported; Jan-22 .. Mar-22 not yet due
  rows.forEach((item, k) => {
    const row = sheet.getRow(4 + k);
    row.getCell(1).value = measureOf.get(item.kpi) ?? `KPI ${item.kpi}`;
    row.getCell(2).value = item.polarity;
    put(row.getCell(3), item.target);
    put(row.getCell(4), item.tolerance);
    const spec = FIGURES[item.kpi];
    for (let m = 0; m < reported; m += 1) put(row.getCell(5 + m), figure(spec, random));
    for (let c = 1; c <= 16; c += 1) row.getCell(c).border = THIN;
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
  });
  sheet.getColumn(1).width = 50;
  sheet.getColumn(2).width = 18;
  for (let c = 3; c <= 16; c += 1) sheet.getColumn(c).width = 9;
  await saveWorkbook(workbook, path.join(fixturesDir, "months.xlsx"));
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function makeCsv(pages: AppendixIPage[]): Promise<void> {
  const lines = [
    [
      "TYPE",
      "Measure",
      "Polarity",
      "Target",
      "Tolerance",
      "Covid19 Tolerance",
      "2019/20 Average",
      "2020/21 Average",
      "2021/22 Qtr1",
    ],
  ];
  for (const item of pages[0].rows.slice(0, 5)) {
    lines.push([
      item.type,
      item.measure,
      item.polarity,
      item.target,
      item.tolerance,
      item.covid,
      ...item.periods,
    ]);
  }
  const text = lines.map((fields) => fields.map(csvField).join(",")).join("\r\n") + "\r\n";
  await writeIfChanged(path.join(fixturesDir, "not-a-workbook.csv"), Buffer.from(text, "utf8"));
}

/** A zip cut short: a real workbook's first bytes (a valid "PK" local header), then nothing. */
async function makeCorrupt(): Promise<void> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Appendix I");
  sheet.getCell("A1").value = "Appendix I";
  const bytes = await workbookBytes(workbook);
  await writeIfChanged(path.join(fixturesDir, "corrupt.xlsx"), bytes.subarray(0, 600));
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const seeds = await readSeeds();
  const pages = parseAppendixI(seeds.appendixI);
  const appendixA = parseAppendixA(seeds.appendixA);

  await makeAppendixI(pages);
  await makeAppendixA(appendixA);
  const council = newWorkbook();
  writeCouncilScorecard(council);
  await saveWorkbook(council, path.join(examplesDir, "council-scorecard.xlsx"));
  const layouts = newWorkbook();
  writeLayoutsScorecard(layouts);
  await saveWorkbook(layouts, path.join(examplesDir, "layouts-scorecard.xlsx"));

  await makeColumnsReordered(pages);
  await pageOneWorkbook(
    pages,
    { percent: "whole" },
    path.join(fixturesDir, "whole-percentages.xlsx")
  );
  await pageOneWorkbook(pages, { percent: "text" }, path.join(fixturesDir, "text-targets.xlsx"));
  await makeOneBlockPerSheet(pages);
  await makeNoKpiTable();
  await makeEmpty();
  await makeBadValues(pages);
  await makeMonths(appendixA);
  await makeCsv(pages);
  await makeCorrupt();

  for (const item of written) {
    console.log(`${item.changed ? "wrote    " : "unchanged"} ${item.file} (${item.bytes} bytes)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
