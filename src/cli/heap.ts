/**
 * How far V8 lets the heap grow for a long workbook. After each full collection V8 lets the heap grow to up
 * to four times what survived it before collecting again; at Excel's maximum (1,048,576 rows, 330 MB of
 * sheet XML) the tables found and their appraisal are most of what survives (about 650 MB), and the
 * garbage of planning piled on top took the command to 1.4 GB. Measured there (bench/peak-rss.js): V8's
 * own choice 1,426 MB in 19 s of CPU, growing by at most 30% a time 1,079 MB in 20 s, by 10% 972 MB in
 * 26 s. Memory is what stops a run at that size, so 10% is taken; a workbook under the threshold (100,000
 * rows is 31 MB of XML) is left to V8's own choice, which is faster where the heap is small.
 */
import { setFlagsFromString } from "node:v8";

/**
 * The unpacked bytes of the sheets to read above which the heap grows by at most `growingPercent`, and
 * each sheet is inflated again to be written rather than its bytes held from reading it (main.ts).
 */
export const longSheetsBytes = 64 * 1024 ** 2;
const growingPercent = 10;

/** Set once the sheets to read are known, before any is read: V8 applies it from the next full collection. */
export function boundHeapGrowth(sheetBytes: number): void {
  if (sheetBytes > longSheetsBytes) setFlagsFromString(`--heap-growing-percent=${growingPercent}`);
}

/**
 * V8 allocates a site's objects straight in the old generation once most of them have outlived young
 * collections ("pretenuring"). While a sheet is read and its tables found, that is right: the grid lives
 * until then, and copied through young collections it cost a fifth of a second of collecting on 100,000
 * rows. From planning on it is wrong: the summary's reports, dropped every 500 rows, came from sites the
 * tables had taught to pretenure and piled up as old garbage until a full collection (74 MB of old space
 * against 11 MB without). So the command stops it once the tables are found: only in a process of its own
 * (bin/kpi-rag.js, `inOwnProcess`), as a flag of V8 holds for the whole process. Measured on 100,000 rows (noisy 2-core machine,
 * 10 runs each): collecting 931 ms against 1,361 ms with pretenuring off throughout, peak memory the same.
 */
export function stopPretenuring(): void {
  if (ownProcess) setFlagsFromString("--no-allocation-site-pretenuring");
}

/** Whether the command runs in a process of its own, whose V8 flags it may set: a process-wide fact. */
let ownProcess = false;

/** Said once by the command run from the console (main.ts), never by a caller running it in-process. */
export function inOwnProcess(): void {
  ownProcess = true;
}
