// Runs a command's script in this process, then prints its peak resident memory on stderr as
// "peakRSSKB <n>": how bench/formatting.ts measures what a whole command needs.
"use strict";

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
process.on("exit", () => {
  process.stderr.write(`\npeakRSSKB ${process.resourceUsage().maxRSS}\n`);
});
require(require("node:path").resolve(script));
