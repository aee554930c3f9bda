/**
 * ratingsPerSecond: `rate` over a mix of Appendix I definitions and period values, on one core. It runs the
 * compiled core in lib/ (what kpi-rag ships, built by `npm run bench` first), not the TypeScript through a
 * loader, whose module getters would be measured along with the rating.
 */
import type * as Catalogue from "../src/core/register/catalogue";
import type * as ReadDefinition from "../src/core/definition/read-definition";
import type * as Rate from "../src/core/rating/rate";
import type * as Bands from "../src/core/rating/bands";
import type { CellValue } from "../src/core";

export function measureRatingsPerSecond(seconds = 1): number {
  /* eslint-disable @typescript-eslint/no-require-imports -- the compiled core, as said above */
  const { rate } = require("../lib/core/rating/rate") as typeof Rate;
  const { BandsMemo } = require("../lib/core/rating/bands") as typeof Bands;
  const { catalogue, wordingOfEntry } =
    require("../lib/core/register/catalogue") as typeof Catalogue;
  const { readDefinition } =
    require("../lib/core/definition/read-definition") as typeof ReadDefinition;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const definitions = catalogue
    .filter((entry) => entry.source === "Appendix I")
    .map((entry) => readDefinition(wordingOfEntry(entry)));
  const values: CellValue[] = [
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
  // Each set's bands kept as an appraisal keeps them, for as long as the figures are rated.
  const memos = ["Standard", "Covid19"].map((set) => new BandsMemo(set));
  let count = 0;
  let checksum = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) {
    for (let round = 0; round < 50; round++) {
      for (let index = 0; index < definitions.length; index++) {
        const memo = memos[round & 1];
        const definition = definitions[index];
        const value = values[(index + round) % values.length];
        const rating = rate(
          value,
          definition,
          memo.toleranceSet,
          undefined,
          undefined,
          undefined,
          memo.of(definition)
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
