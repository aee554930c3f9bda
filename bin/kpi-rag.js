#!/usr/bin/env node
// The kpi-rag command. Its TypeScript sources (src/cli, src/core) are compiled to lib/ by the
// "prepare" script, which `npm ci` and `npm install` run.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const EX_SOFTWARE = 70; // sysexits.h: internal software error

// V8 allocates a site's objects straight in the old generation once most have outlived young collections
// ("pretenuring"). Finding a long sheet's tables teaches the core's sites so, and the summary's reports,
// dropped every 500 rows, then pile up as old garbage until a full collection: on 100,000 rows 74 MB of old
// space against 11 MB without. Set here, before any of the command's code runs, and for the command only.
require("node:v8").setFlagsFromString("--no-allocation-site-pretenuring");

async function run() {
  const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
  if (!fs.existsSync(entry)) {
    process.stderr.write(
      "kpi-rag: the command is not built yet; run `npm run prepare` (or `npm ci`) first.\n"
    );
    return EX_SOFTWARE;
  }
  const cli = require(entry);
  const code = await cli.main(process.argv.slice(2));
  return typeof code === "number" ? code : 0;
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `kpi-rag: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    );
    process.exitCode = EX_SOFTWARE;
  }
);
