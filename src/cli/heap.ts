/**
 * How far V8 lets the heap grow for a long workbook. After each full collection V8 lets the heap grow to up
 * to four times what survived it before collecting again; at Excel's maximum (1,048,576 rows, 330 MB of
 * sheet XML) the tables found and their appraisal are most of what survives, and the garbage of planning
 * piled on top took the command to 1.4 GB. Measured there, growing by at most 30% a time keeps it at
 * 1.15 GB for a sixth more CPU time; a workbook under the threshold (100,000 rows is 31 MB of XML) is left
 * to V8's own choice, which is faster where the heap is small.
 */
import { setFlagsFromString } from "node:v8";

/** The unpacked bytes of the sheets to read above which the heap grows by at most `growingPercent`. */
export const longSheetsBytes = 64 * 1024 ** 2;
const growingPercent = 30;

/** Set once the sheets to read are known, before any is read: V8 applies it from the next full collection. */
export function boundHeapGrowth(sheetBytes: number): void {
  if (sheetBytes > longSheetsBytes) setFlagsFromString(`--heap-growing-percent=${growingPercent}`);
}
