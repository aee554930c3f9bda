/**
 * How Excel calls a custom function, as its functions.json entry declares it:
 * - parameter addresses (`invocation.parameterAddresses`) are passed only when the entry asks for them
 *   (`options.requiresParameterAddresses`) AND its result has `dimensionality: "matrix"`: the metadata
 *   reference says the option "must be used in combination with the dimensionality property of the result
 *   object, and dimensionality must be set to matrix"; without it Excel passes none;
 * - a matrix result must be an array of rows, and a 1×1 matrix shows as the single value it holds; a
 *   scalar result must not be an array. Anything else is what the cell would show as #VALUE!.
 * functions-metadata.ts makes the metadata from the functions' JSDoc in Node, as the build does.
 */
import { parseAddress } from "./a1.js";
import { readMatrix } from "./range-data.js";
import { readCell as readCellState } from "./workbook-state.js";

export interface FunctionMetadata {
  id: string;
  name: string;
  helpUrl?: string;
  parameters: Array<{ name: string; type?: string; dimensionality?: string; optional?: boolean }>;
  result?: { type?: string; dimensionality?: string };
  options?: { requiresParameterAddresses?: boolean };
}

export interface FunctionsMetadata {
  allowCustomDataForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}

/** The error a cell shows: Excel's code and the function's message. */
export class CellError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}

/**
 * Calls `implementation` as Excel calls the function `entry` declares, with `addresses` the addresses of its
 * arguments' cells (undefined for a value typed in the formula), and returns what the cell shows.
 */
export async function callAsExcel(
  entry: FunctionMetadata,
  implementation: (...args: any[]) => unknown,
  args: unknown[],
  addresses: Array<string | undefined> = []
): Promise<unknown> {
  const passesAddresses =
    entry.options?.requiresParameterAddresses === true && entry.result?.dimensionality === "matrix";
  const padded = entry.parameters.map((_, index) => args[index]);
  const invocation = {
    functionName: entry.id,
    address: "Sheet1!Z1",
    ...(passesAddresses
      ? { parameterAddresses: entry.parameters.map((_, index) => addresses[index] ?? "") }
      : {}),
  };
  const result = await implementation(...padded, invocation);
  if (entry.result?.dimensionality === "matrix") {
    if (!Array.isArray(result) || !result.every(Array.isArray))
      throw new CellError(
        "#VALUE!",
        `${entry.name} declares a matrix result but returned ${JSON.stringify(result)}`
      );
    return result.length === 1 && result[0].length === 1 ? result[0][0] : result;
  }
  if (Array.isArray(result))
    throw new CellError("#VALUE!", `${entry.name} declares a single value but returned an array`);
  return result;
}

/** The addresses of a call's argument cells, in parameter order: `rate(0, "KPI-18", fromCells("'Appendix A'!G4"))`. */
export class ArgumentCells {
  constructor(readonly addresses: Array<string | undefined>) {}
}

export function fromCells(...addresses: Array<string | undefined>): ArgumentCells {
  return new ArgumentCells(addresses);
}

export type ExcelCall = (...args: unknown[]) => Promise<any>;

/**
 * Functions called as Excel calls them (see callAsExcel), by name: the metadata (functions.json) and each
 * entry's implementation. A last argument `fromCells(...)` says where the arguments came from.
 */
export function excelCalls(
  metadata: () => FunctionsMetadata | Promise<FunctionsMetadata>,
  implementationOf: (entry: FunctionMetadata) => ((...args: any[]) => unknown) | undefined,
  names: string[]
): Record<string, ExcelCall> {
  const calls: Record<string, ExcelCall> = {};
  for (const name of names) {
    calls[name] = async (...args: unknown[]) => {
      const entry = (await metadata()).functions.find(
        (candidate) => candidate.name.toLowerCase() === name.toLowerCase()
      );
      const implementation = entry && implementationOf(entry);
      if (!entry || !implementation)
        throw new CellError("#NAME?", `no custom function ${name} is registered`);
      const last = args[args.length - 1];
      const cells = last instanceof ArgumentCells ? last : undefined;
      return callAsExcel(entry, implementation, cells ? args.slice(0, -1) : args, cells?.addresses);
    };
  }
  return calls;
}

/**
 * A formula evaluator for the host that calculates the add-in's custom functions as Excel does: `=KPI.RATE(A1,"KPI-18")`
 * calls the function with A1's value (an empty cell arrives as 0 on Windows and Mac, as null on the web) and
 * A1's address where the function's metadata asks for it; the cell shows #BUSY! until the promise settles.
 * Arguments may be cells, ranges of one row or column, text in quotes or numbers; other formulas keep their value.
 */
export function customFunctionEvaluator(
  calls: Record<string, ExcelCall>,
  namespace = "KPI"
): import("./simulated-excel.js").FormulaEvaluator {
  const names = new Map(Object.keys(calls).map((name) => [name.toUpperCase(), name]));
  return (workbook) => (formula, at) => {
    const match = new RegExp(`^=${namespace}\\.(\\w+)\\((.*)\\)$`, "i").exec(formula.trim());
    const name = match && names.get(match[1].toUpperCase());
    const sheet = workbook.sheets.find((candidate) => candidate.name === at.sheet);
    if (!match || !name || !sheet)
      return sheet ? (readCellState(sheet, at.row, at.column)?.value ?? "") : "#REF!";
    const onTheWeb =
      typeof Office !== "undefined" && String(Office.context.platform) === "OfficeOnline";
    const args: unknown[] = [];
    const addresses: Array<string | undefined> = [];
    for (const written of splitArguments(match[2])) {
      const quoted = /^"(.*)"$/.exec(written);
      if (quoted) {
        args.push(quoted[1].replace(/""/g, '"'));
        addresses.push(undefined);
      } else if (/^-?\d+(\.\d+)?$/.test(written)) {
        args.push(Number(written));
        addresses.push(undefined);
      } else {
        const area = parseAddress(written)?.area;
        if (!area) return "#NAME?";
        const rows = readMatrix({ sheet, area }, (cell) =>
          cell === undefined || cell.value === "" || cell.value === null
            ? onTheWeb
              ? null
              : 0
            : cell.value
        );
        args.push(area.top === area.bottom && area.left === area.right ? rows[0][0] : rows);
        addresses.push(`'${sheet.name.replace(/'/g, "''")}'!${written.replace(/\$/g, "")}`);
      }
    }
    return calls[name](...args, new ArgumentCells(addresses)) as Promise<
      import("./cell-values.js").CellValue
    >;
  };
}

function splitArguments(written: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const character of written) {
    if (character === '"') quoted = !quoted;
    if (character === "," && !quoted) {
      parts.push(current.trim());
      current = "";
    } else current += character;
  }
  if (current.trim() !== "") parts.push(current.trim());
  return parts;
}
