#!/usr/bin/env node
// The kpi-rag command. Its TypeScript sources (src/cli, src/core) are compiled to lib/ by the
// "prepare" script, which `npm ci` and `npm install` run, and bundled there into lib/kpi-rag.js: loading one
// file instead of a hundred small modules takes a third of the time.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { loadBundle } = require("./load-bundle");

const EX_SOFTWARE = 70; // sysexits.h: internal software error

/**
 * The bundle, unless lib/ was compiled again since it was made (`npx tsc -p tsconfig.cli.json` alone, as
 * the tests' instructions say): then the compiled modules, so the command never runs stale code.
 */
function entryPoint() {
  const lib = path.join(__dirname, "..", "lib");
  const modules = path.join(lib, "cli", "main.js");
  const bundle = path.join(lib, "kpi-rag.js");
  const made = (file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  const bundled = made(bundle);
  const compiled = made(modules);
  if (compiled === undefined || (bundled !== undefined && bundled >= compiled)) return bundle;
  return modules;
}

async function run() {
  const entry = entryPoint();
  if (!fs.existsSync(entry)) {
    process.stderr.write(
      "kpi-rag: the command is not built yet; run `npm run prepare` (or `npm ci`) first.\n"
    );
    return EX_SOFTWARE;
  }
  const cli = entry.endsWith("kpi-rag.js") ? loadBundle(entry).exports : require(entry);
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
