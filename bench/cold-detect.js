// coldDetectMsFor10000Rows, one sample: the first finding of tables and planning of rules in this fresh process,
// on the grid bench/flow.ts wrote as JSON (read and parsed before the clock starts). Prints "coldDetectMs <ms>".
"use strict";

const { readFileSync } = require("node:fs");
const { findTables } = require("../lib/core");
const { planFormatting } = require("../lib/core/plan/plan");

const grid = JSON.parse(readFileSync(process.argv[2], "utf8"));
const start = performance.now();
const plan = planFormatting(findTables(grid));
const ms = performance.now() - start;
if (plan.rules.length === 0) throw new Error("the benchmark sheet planned no rules");
process.stdout.write(`coldDetectMs ${ms}\n`);
