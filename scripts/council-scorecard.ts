/**
 * examples/council-scorecard.xlsx: a scorecard laid out the way other councils publish theirs, with
 * invented measures and figures, to try kpi-rag on wordings other than the seeds'. Its "Scorecard" sheet
 * numbers its indicators in a No. column, says polarity as H / L under "Good is", writes thresholds in
 * words ("Less than 22%", "At least 90%", "±5%", "5 points"), merges 2022/23 over Q1 … Q4 and "Latest
 * benchmarks (2021/22)" over England and SN, keeps DoT, RAG and Commentary columns beside the periods,
 * and holds a context row numbered 18 (a count of children, which must not be rated as the catalogue's
 * KPI-18), a footnote and a key. Its "Dashboard" sheet has measures and periods but no polarity or target.
 * The status of each cell, worked out by hand, is in test/cli/council-scorecard.test.ts.
 */
import type ExcelJS from "exceljs";

type Cell = string | number | null;

const percent = "0.0%";

/** The scorecard's rows under its two header rows: a section label, or a KPI row A:N. */
const scorecardRows: Array<{ section: string } | { cells: Cell[]; counts?: true }> = [
  { section: "Early help and referrals" },
  {
    cells: [
      1,
      "Re-referrals to children's social care within 12 months",
      "L",
      "Less than 22%",
      "25%",
      0.214,
      0.226,
      0.251,
      null,
      "↓",
      "Amber",
      0.216,
      0.208,
      "Q4 not yet due",
    ],
  },
  {
    cells: [
      2,
      "Assessments completed within 45 working days",
      "H",
      "At least 90%",
      "80%",
      0.93,
      0.87,
      0.78,
      "Data to be supplied",
      "↓",
      "Red",
      0.845,
      0.871,
      null,
    ],
  },
  { section: "Children in care" },
  {
    cells: [
      3,
      "Children in care with three or more placements in the year",
      "L",
      "10%",
      "±5%",
      0.092,
      0.104,
      0.108,
      0.1,
      "↔",
      "Green",
      0.1,
      0.11,
      null,
    ],
  },
  {
    cells: [
      4,
      "Care leavers aged 19-21 in education, employment or training",
      "H",
      "60%",
      "5 points",
      0.62,
      0.57,
      "c",
      0.54,
      "↓",
      "Red",
      0.55,
      0.58,
      "Q3 figure suppressed: fewer than 10 young people",
    ],
  },
  {
    cells: [
      18,
      "Number of children in care",
      "Monitoring only",
      null,
      null,
      612,
      598,
      605,
      611,
      null,
      null,
      null,
      null,
      "Context measure",
    ],
    counts: true,
  },
  {
    cells: [
      5,
      "Children on a child protection plan for a second or subsequent time",
      "L",
      "No more than 18%",
      "23%",
      0.18,
      0.2,
      0.231,
      0.175,
      "↑",
      "Green",
      0.231,
      0.219,
      null,
    ],
  },
];

/** Columns of the scorecard whose figures are kept as percentages (Q1 … Q4, England, SN). */
const percentColumns = new Set([6, 7, 8, 9, 12, 13]);

const headerFill: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDEBF7" },
};

/** Adds the scorecard and the dashboard to a new workbook. */
export function writeCouncilScorecard(workbook: ExcelJS.Workbook): void {
  writeScorecard(workbook.addWorksheet("Scorecard"));
  writeDashboard(workbook.addWorksheet("Dashboard"));
}

function writeScorecard(sheet: ExcelJS.Worksheet): void {
  sheet.getCell("A1").value = "Children's Services Performance Scorecard, Quarter 4 2022/23";
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.mergeCells("F3:I3");
  sheet.getCell("F3").value = "2022/23";
  sheet.mergeCells("L3:M3");
  sheet.getCell("L3").value = "Latest benchmarks (2021/22)";
  const headers = [
    "No.",
    "Indicator Description",
    "Good is",
    "Annual target",
    "Floor",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "DoT",
    "RAG",
    "England",
    "SN",
    "Commentary",
  ];
  headers.forEach((header, index) => {
    sheet.getCell(4, index + 1).value = header;
  });
  for (const row of [3, 4])
    for (let column = 1; column <= headers.length; column++) {
      const cell = sheet.getCell(row, column);
      cell.font = { bold: true };
      cell.fill = headerFill;
    }
  let row = 5;
  for (const entry of scorecardRows) {
    if ("section" in entry) {
      sheet.getCell(row, 1).value = entry.section;
      sheet.getCell(row, 1).font = { bold: true };
    } else
      entry.cells.forEach((value, index) => {
        if (value === null) return;
        const cell = sheet.getCell(row, index + 1);
        cell.value = value;
        if (typeof value === "number" && !entry.counts && percentColumns.has(index + 1))
          cell.numFmt = percent;
      });
    row++;
  }
  row++;
  sheet.getCell(row++, 1).value =
    "* Q4 figures are provisional until the annual return is signed off";
  sheet.getCell(row, 1).value = "N/A  Data not available";
  sheet.columns.forEach((column, index) => {
    column.width = index === 1 ? 58 : index === 13 ? 44 : index === 2 || index === 3 ? 17 : 11;
  });
}

function writeDashboard(sheet: ExcelJS.Worksheet): void {
  const rows: Cell[][] = [
    ["Measure", "2020/21", "2021/22", "2022/23"],
    ["Contacts received by the front door", 14210, 15032, 15867],
    ["Referrals to children's social care", 4120, 3987, 4102],
    ["Children in need at 31 March", 2301, 2288, 2315],
  ];
  rows.forEach((cells, index) =>
    cells.forEach((value, column) => {
      sheet.getCell(index + 1, column + 1).value = value;
    })
  );
  sheet.getColumn(1).width = 40;
}
