// Runs a command's script in this process, then prints its peak resident memory on stderr as
// "peakRSSKB <n>": how bench/formatting.ts measures what a whole command needs.
"use strict";

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
process.on("exit", () => {
  process.stderr.write(`\npeakRSSKB ${peakRSSKB()}\n`);
});

// Linux's VmHWM is this program's own peak. getrusage's maxRSS is not: Linux carries it over from before
// exec, so a child spawned by a large bench process (after it wrote a 1,048,576-row workbook, 370 MB) reported
// the parent's size, not its own.
function peakRSSKB() {
  try {
    const status = require("node:fs").readFileSync("/proc/self/status", "utf8");
    const peak = /^VmHWM:\s*(\d+) kB$/m.exec(status);
    if (peak) return Number(peak[1]);
  } catch {
    // Not Linux: the rusage figure is the best there is.
  }
  return process.resourceUsage().maxRSS;
}
require(require("node:path").resolve(script));
