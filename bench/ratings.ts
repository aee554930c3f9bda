/**
 * ratingsPerSecond: `rate` over a mix of Appendix I definitions and period values, on one core. It runs the
 * compiled core in lib/ (what kpi-rag ships, built by `npm run bench` first), not the TypeScript through a
 * loader, whose module getters would be measured along with the rating.
 */
import type * as Core from "../src/core";

export function measureRatingsPerSecond(seconds = 1): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require("../lib/core") as typeof Core;
  const { rate } = core; // once: the compiled index re-exports through getters, which are not the rating
  const definitions = core.catalogue
    .filter((entry) => entry.source === "Appendix I")
    .map((entry) => core.readDefinition(core.wordingOfEntry(entry)));
  const values: Core.CellValue[] = [
    0.91,
    0.89,
    0.74,
    "91%",
    "Not Available",
    null,
    193,
    173.75,
    0.15,
    0.3,
    "7%",
    212,
    0.07,
    "",
    1,
    0.5,
  ];
  const sets = ["Standard", "Covid19"];
  let count = 0;
  let checksum = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) {
    for (let round = 0; round < 50; round++) {
      for (let index = 0; index < definitions.length; index++) {
        const rating = rate(
          values[(index + round) % values.length],
          definitions[index],
          sets[round & 1]
        );
        checksum += rating.status.length;
        count += 1;
      }
    }
  }
  const elapsed = (performance.now() - start) / 1000;
  if (checksum === 0) throw new Error("no ratings were made");
  return Math.round(count / elapsed);
}
