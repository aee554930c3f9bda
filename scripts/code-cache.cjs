#!/usr/bin/env node
// Makes lib/kpi-rag.js.cache, V8's code cache of the kpi-rag bundle, for bin/kpi-rag.js to load the bundle
// with: the bytecode of every function the command ran while formatting the example workbooks here, so a run
// compiles next to nothing of its own code. Run by `npm run prepare` after the bundle is made. A cache is only
// ever a help: where it cannot be made this says why and leaves none, and the command compiles as before.
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { loadBundle } = require("../bin/load-bundle");

const root = path.join(__dirname, "..");
const bundle = path.join(root, "lib", "kpi-rag.js");
const cache = `${bundle}.cache`;

async function main() {
  fs.rmSync(cache, { force: true });
  // Without a cache to read: the one made here holds what this run compiles, not what a cache gave it.
  const { exports: cli, script } = loadBundle(bundle, { withCache: false });
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-rag-code-cache-"));
  // Quiet, and as a caller in-process: the command then sets none of V8's flags, whose values a cache records.
  const quiet = { out: () => undefined, error: () => undefined };
  try {
    const examples = path.join(root, "examples");
    for (const name of fs
      .readdirSync(examples)
      .filter((file) => file.endsWith(".xlsx"))
      .sort()) {
      const out = path.join(folder, name);
      await cli.main([path.join(examples, name), "--out", out, "--force"], quiet);
      await cli.main([path.join(examples, name), "--remove", "--out", out, "--force"], quiet);
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  fs.writeFileSync(cache, script.createCachedData());
}

main().catch((error) => {
  fs.rmSync(cache, { force: true });
  console.warn(
    `kpi-rag: no code cache made (${error instanceof Error ? error.message : String(error)}); the command works without it, a little slower to start`
  );
});
