/**
 * The custom functions' own requests to Excel, each in its own Excel.run. In the shared runtime a function
 * may read the workbook (never write to it). Without Excel (tests, a plain browser) `excelIsHere` says so.
 */

export function excelIsHere(): boolean {
  return typeof Excel !== "undefined" && typeof Excel.run === "function";
}

/** What a function's argument range holds beyond the values Excel passes: which cells are empty, and their formats. */
export interface CellFacts {
  empty: boolean[][];
  numberFormats: string[][];
}

/** How long a function waits for Excel to say what a cell holds before answering #N/A (a sync can hang: office-js #6150, #6678). */
export const cellFactsTiming = { patience: 10_000 };

type Waiting = { resolve: (facts: CellFacts) => void; reject: (error: unknown) => void };
let pending: Map<string, Waiting[]> | null = null;

/**
 * The facts of an argument's cells. Excel on Windows passes an empty cell as 0, and no function is told a
 * cell's number format, so only the cell can tell a blank from a zero, or 105% from 1.05. The requests of
 * every formula calculating at once go to Excel together, in one Excel.run with one sync; if Excel refuses
 * that batch, each address is asked on its own, so one bad address fails only its own formula. A request
 * Excel never answers fails after `cellFactsTiming.patience`.
 */
export function cellFactsAt(
  address: string,
  patience = cellFactsTiming.patience
): Promise<CellFacts> {
  const asked = new Promise<CellFacts>((resolve, reject) => {
    if (!pending) {
      pending = new Map();
      setTimeout(() => void askForCellFacts(), 0);
    }
    const waiting = pending.get(address) ?? [];
    waiting.push({ resolve, reject });
    pending.set(address, waiting);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`Excel did not say what ${address} holds within ${patience / 1000} s`)),
      patience
    );
  });
  return Promise.race([asked, timeout]).finally(() => clearTimeout(timer));
}

async function askForCellFacts(): Promise<void> {
  const batch = pending ?? new Map<string, Waiting[]>();
  pending = null;
  const answer = (address: string, outcome: { facts: CellFacts } | { error: unknown }): void => {
    for (const waiting of batch.get(address) ?? []) {
      if ("facts" in outcome) waiting.resolve(outcome.facts);
      else waiting.reject(outcome.error);
    }
  };
  const addresses = [...batch.keys()];
  try {
    const facts = await Excel.run((context) => readCellFacts(context, addresses));
    addresses.forEach((address, index) => answer(address, { facts: facts[index] }));
  } catch (error) {
    if (addresses.length === 1) return answer(addresses[0], { error });
    await Promise.all(
      addresses.map((address) =>
        Excel.run((context) => readCellFacts(context, [address])).then(
          ([facts]) => answer(address, { facts }),
          (alone: unknown) => answer(address, { error: alone })
        )
      )
    );
  }
}

async function readCellFacts(
  context: Excel.RequestContext,
  addresses: string[]
): Promise<CellFacts[]> {
  const ranges = addresses.map((address) => {
    const range = rangeAt(context, address);
    range.load(["valueTypes", "numberFormat"]);
    return range;
  });
  await context.sync();
  return ranges.map((range) => ({
    empty: range.valueTypes.map((row) => row.map((type) => type === Excel.RangeValueType.empty)),
    numberFormats: range.numberFormat as string[][],
  }));
}

function rangeAt(context: Excel.RequestContext, address: string): Excel.Range {
  const bang = address.lastIndexOf("!");
  const sheetName =
    bang < 0
      ? null
      : address
          .slice(0, bang)
          .replace(/^'(.*)'$/, "$1")
          .replace(/''/g, "'");
  const local = bang < 0 ? address : address.slice(bang + 1);
  const worksheets = context.workbook.worksheets;
  return (
    sheetName === null ? worksheets.getActiveWorksheet() : worksheets.getItem(sheetName)
  ).getRange(local);
}
