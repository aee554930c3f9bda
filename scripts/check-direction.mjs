#!/usr/bin/env node
// Fails when a module of src/core imports against the wings' order (wings.mjs): a wing may import from
// itself and the wings before it, never from one after it, and no wing imports the core's index. Run at
// the root of a checkout whose core is in wings:  node /work/briefs/wings/check-direction.mjs
// Known imports against the order (wings.mjs's knownAgainstTheOrder) are listed as work, not failures;
// one that is no longer there is reported so its line can go.
import fs from "node:fs";
import path from "node:path";
import { knownAgainstTheOrder, wings } from "./wings.mjs";

const posix = path.posix;
const core = "src/core";
const rank = new Map(wings.map((wing, index) => [wing.name, index]));

/** Every .ts/.tsx file under a folder, as a repo-relative posix path. */
function modulesUnder(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const at = posix.join(folder, entry.name);
    if (entry.isDirectory()) return modulesUnder(at);
    return /\.tsx?$/.test(entry.name) ? [at] : [];
  });
}

/** The module's wing-relative name ("sheet/tables"), or null for a file outside every wing. */
function wingPath(file) {
  const [wing, ...rest] = posix
    .relative(core, file)
    .replace(/\.tsx?$/, "")
    .split("/");
  return rank.has(wing) && rest.length > 0 ? `${wing}/${rest.join("/")}` : null;
}

/** The module a relative specifier names, as a path under src/core with its extension; null if none. */
function resolve(importer, specifier) {
  const base = posix.normalize(
    posix.join(posix.dirname(importer), specifier.replace(/\.(js|tsx?)$/, ""))
  );
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

// import … from "x", export … from "x", import "x", import("x"), require("x"); comments are not read.
const specifierPattern =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(["'])(\.\.?\/[^"']*|\.\.?)\1/g;

function withoutComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'])\/\/.*$/gm, "$1");
}

if (!fs.existsSync(core)) {
  console.error(`check-direction: no ${core} here; run me at the root of a checkout.`);
  process.exit(1);
}

const problems = [];
const known = [];
const seenKnown = new Set();
for (const file of modulesUnder(core)) {
  if (file === posix.join(core, "index.ts")) continue;
  const from = wingPath(file);
  if (from === null) {
    problems.push(
      `${file} is in no wing: move it into one of ${wings.map((w) => `${core}/${w.name}/`).join(", ")}.`
    );
    continue;
  }
  const text = withoutComments(fs.readFileSync(file, "utf8"));
  for (const [, , specifier] of text.matchAll(specifierPattern)) {
    const target = resolve(file, specifier);
    if (target === null) continue; // tsc says what does not resolve
    if (target === posix.join(core, "index.ts")) {
      problems.push(`${from} imports the core's index ("${specifier}"): import the module itself.`);
      continue;
    }
    const to = wingPath(target);
    if (to === null) continue; // outside src/core: the pure-core lint rule's business
    const [fromWing] = from.split("/");
    const [toWing] = to.split("/");
    if (rank.get(toWing) <= rank.get(fromWing)) continue;
    const key = `${from} -> ${to}`;
    if (key in knownAgainstTheOrder) {
      seenKnown.add(key);
      known.push(`${key}: ${knownAgainstTheOrder[key]}`);
    } else {
      problems.push(`${key}: ${fromWing} comes before ${toWing}, so it may not import from it.`);
    }
  }
}
const gone = Object.keys(knownAgainstTheOrder).filter((key) => !seenKnown.has(key));

console.log(`Wings, in the order imports run: ${wings.map((w) => w.name).join(" <- ")}`);
if (known.length)
  console.log(
    `Known imports against the order (work for later):\n  ${[...new Set(known)].join("\n  ")}`
  );
if (gone.length)
  console.log(`No longer against the order; remove from knownAgainstTheOrder: ${gone.join("; ")}`);
if (problems.length) {
  console.error(`Imports against the order:\n  ${[...new Set(problems)].join("\n  ")}`);
  process.exit(1);
}
console.log("No other import runs against the order.");
