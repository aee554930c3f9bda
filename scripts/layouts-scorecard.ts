/**
 * examples/layouts-scorecard.xlsx: two of issue 17's layouts, with invented measures and figures, to try
 * kpi-rag on shapes other than a row per KPI under one header row.
 * - "Benchmarking": a benchmarking report whose fixed headers (Ref, Measure, Polarity, a target per year,
 *   "Tolerance (pp)") are merged down two header rows, with "Our performance" merged over three years and
 *   "Comparators (2022/23)" over England and Statistical neighbours. 2021/22 has no target of its own and
 *   there is no unqualified one, so it is No target; the only tolerance column is the standard one, a
 *   margin in percentage points.
 * - "Monthly": a monthly pack, each KPI's name (with its polarity) followed by Actual, Target and
 *   Tolerance rows, months typed as Excel dates; only the Actual cells are rated, each against its own
 *   month's target and tolerance.
 * The status of each cell, worked out by hand, is in test/cli/layouts-scorecard.test.ts.
 */
import type ExcelJS from "exceljs";

type Cell = string | number | null;

const headerFill: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDEBF7" },
};

/** Ref … Tolerance (pp), then the three years of our performance and the two comparators. */
const benchmarkingRows: Cell[][] = [
  [
    "CS01",
    "Re-referrals within 12 months",
    "Smaller is better",
    0.22,
    0.2,
    3,
    0.215,
    0.238,
    0.195,
    0.215,
    0.223,
  ],
  [
    "CS02",
    "Assessments completed within 45 working days",
    "Bigger is better",
    0.85,
    0.9,
    5,
    0.83,
    0.81,
    0.84,
    0.82,
    0.86,
  ],
  [
    "CS03",
    "Children subject to a child protection plan for a second time",
    "Lower figure is better",
    0.18,
    0.18,
    4,
    "c",
    0.17,
    0.221,
    0.233,
    0.21,
  ],
  [
    "CS04",
    "Care leavers aged 19-21 in education, employment or training",
    "Bigger is better",
    0.55,
    0.6,
    3,
    0.52,
    0.56,
    0.575,
    0.55,
    0.53,
  ],
  [
    "CS05",
    "Children in care per 10,000 children",
    "Context",
    null,
    null,
    null,
    68.2,
    70.1,
    71.5,
    70,
    74.3,
  ],
];

/** Columns of the benchmarking rows that hold fractions shown as percentages (targets, years, comparators). */
const percentColumns = new Set([4, 5, 7, 8, 9, 10, 11]);

/** Rows whose figures are rates, not percentages. */
const rateRows = new Set(["CS05"]);

/** Each KPI of the monthly pack: its name and polarity, then its Actual, Target and (where set) Tolerance by month. */
const monthlyKpis: Array<{
  measure: string;
  polarity: string;
  percent: boolean;
  rows: Array<[string, ...Cell[]]>;
}> = [
  {
    measure: "Referral decisions within 1 working day",
    polarity: "Bigger is better",
    percent: true,
    rows: [
      ["Actual", 0.96, 0.93, 0.89, 0.95, 0.91, null],
      ["Target", 0.95, 0.95, 0.95, 0.97, 0.97, 0.97],
      ["Tolerance", 0.9, 0.9, 0.9, 0.92, 0.92, 0.92],
    ],
  },
  {
    measure: "Average caseload of a children's social worker",
    polarity: "Smaller is better",
    percent: false,
    rows: [
      ["Actual", 17, 18.5, 19, 21, 20, 16],
      ["Target", 18, 18, 18, 18, 18, 18],
      ["Tolerance", 20, 20, 20, 20, 20, 20],
    ],
  },
  {
    measure: "Re-referrals within 12 months",
    polarity: "Smaller is better",
    percent: true,
    rows: [
      ["Actual", 0.21, 0.23, 0.22, 0.19, "c", 0.24],
      ["Target", 0.22, 0.22, 0.22, 0.22, 0.22, 0.22],
    ],
  },
];

/** The Excel date serial of the first of a month. */
function firstOfMonth(year: number, month: number): number {
  return (Date.UTC(year, month - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Adds the benchmarking report and the monthly pack to a new workbook. */
export function writeLayoutsScorecard(workbook: ExcelJS.Workbook): void {
  writeBenchmarking(workbook.addWorksheet("Benchmarking"));
  writeMonthly(workbook.addWorksheet("Monthly"));
}

function boldHeader(sheet: ExcelJS.Worksheet, rows: number[], columns: number): void {
  for (const row of rows)
    for (let column = 1; column <= columns; column++) {
      const cell = sheet.getCell(row, column);
      cell.font = { bold: true };
      cell.fill = headerFill;
    }
}

function writeBenchmarking(sheet: ExcelJS.Worksheet): void {
  sheet.getCell("A1").value = "Children's Services Benchmarking Report, 2023/24";
  sheet.getCell("A1").font = { bold: true, size: 14 };
  const fixed = [
    "Ref",
    "Measure",
    "Polarity",
    "Target 2022/23",
    "Target 2023/24",
    "Tolerance (pp)",
  ];
  fixed.forEach((header, index) => {
    sheet.mergeCells(3, index + 1, 4, index + 1);
    sheet.getCell(3, index + 1).value = header;
  });
  sheet.mergeCells("G3:I3");
  sheet.getCell("G3").value = "Our performance";
  sheet.mergeCells("J3:K3");
  sheet.getCell("J3").value = "Comparators (2022/23)";
  ["2021/22", "2022/23", "2023/24", "England", "Statistical neighbours"].forEach(
    (header, index) => {
      sheet.getCell(4, index + 7).value = header;
    }
  );
  boldHeader(sheet, [3, 4], 11);
  benchmarkingRows.forEach((cells, index) =>
    cells.forEach((value, column) => {
      if (value === null) return;
      const cell = sheet.getCell(5 + index, column + 1);
      cell.value = value;
      if (
        typeof value === "number" &&
        percentColumns.has(column + 1) &&
        !rateRows.has(cells[0] as string)
      )
        cell.numFmt = column + 1 < 6 ? "0%" : "0.0%";
    })
  );
  sheet.getCell(11, 1).value = "c  Suppressed: fewer than 10 children";
  sheet.columns.forEach((column, index) => {
    column.width = index === 1 ? 58 : index === 2 ? 22 : index === 10 ? 22 : 14;
  });
}

function writeMonthly(sheet: ExcelJS.Worksheet): void {
  sheet.getCell("A1").value = "Monthly performance pack, April to September 2023";
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A3").value = "Indicator";
  sheet.getCell("B3").value = "Polarity";
  for (let month = 0; month < 6; month++) {
    const cell = sheet.getCell(3, 3 + month);
    cell.value = firstOfMonth(2023, 4 + month);
    cell.numFmt = "mmm-yy";
  }
  boldHeader(sheet, [3], 8);
  let row = 4;
  for (const kpi of monthlyKpis) {
    sheet.getCell(row, 1).value = kpi.measure;
    sheet.getCell(row, 1).font = { bold: true };
    sheet.getCell(row, 2).value = kpi.polarity;
    row++;
    for (const [label, ...figures] of kpi.rows) {
      sheet.getCell(row, 1).value = label;
      figures.forEach((value, index) => {
        if (value === null) return;
        const cell = sheet.getCell(row, 3 + index);
        cell.value = value;
        if (typeof value === "number" && kpi.percent) cell.numFmt = "0%";
      });
      row++;
    }
  }
  sheet.getColumn(1).width = 48;
  sheet.getColumn(2).width = 18;
}
