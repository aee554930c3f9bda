// The floor for cliVsFloorRatio100k, as a command of its own: what any lossless editor of a workbook must do at
// least. It inflates each worksheet, scans its bytes once (counting the cells' start tags) and deflates them
// again, copying every other part's bytes as they are, with kpi-rag's own zip reader and writer (lib/).
"use strict";

const { open } = require("node:fs/promises");
const { ZipPackage } = require("../lib/cli/zip");
const { writePackage } = require("../lib/cli/package-writer");

const worksheet = /^xl\/worksheets\/[^/]+\.xml$/i;

async function main([input, output]) {
  const zip = await ZipPackage.open(input, input);
  let cells = 0;
  const edits = new Map();
  for (const entry of zip.entries) {
    if (!worksheet.test(entry.name)) continue;
    edits.set(entry.name.toLowerCase(), async function* scanned() {
      for await (const chunk of zip.streamPart(entry, input)) {
        for (let at = chunk.indexOf("<c "); at >= 0; at = chunk.indexOf("<c ", at + 3)) cells += 1;
        yield chunk;
      }
    });
  }
  const handle = await open(output, "w");
  try {
    await writePackage(zip, edits, handle, input);
  } finally {
    await handle.close();
    await zip.close();
  }
  if (cells === 0) throw new Error("the floor found no cells");
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
