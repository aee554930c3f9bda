// The baseline for cliVsExceljsRatio: a bare ExcelJS read and write of a workbook, as a command of its own.
const ExcelJS = require("exceljs");

async function main([input, output]) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  await workbook.xlsx.writeFile(output);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
