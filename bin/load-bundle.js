// Loads the kpi-rag bundle (lib/kpi-rag.js) as require would, with V8's code cache beside it where there is
// one (lib/kpi-rag.js.cache, made by `npm run prepare`, scripts/code-cache.cjs): the bytecode of the functions
// a run on the example workbooks compiled, so the command starts without compiling them again (about 20 ms of
// a run on 100,000 rows). V8 refuses a cache made for another bundle or another Node, and then compiles the
// bundle as usual: a cache can make the command faster, never different.
"use strict";

const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");
const vm = require("node:vm");

function loadBundle(bundle, { withCache = true } = {}) {
  const source = fs.readFileSync(bundle, "utf8");
  const cachedData = withCache ? readCache(`${bundle}.cache`) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const module = { exports: {} };
  script
    .runInThisContext()
    .call(
      module.exports,
      module.exports,
      Module.createRequire(bundle),
      module,
      bundle,
      path.dirname(bundle)
    );
  return { exports: module.exports, script };
}

function readCache(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

module.exports = { loadBundle };
