/** The kpi-rag command line, read into plain options; anything it does not know is a problem, not a guess. */
export interface CommandOptions {
  workbook: string;
  out?: string;
  report?: string;
  sheet?: string;
  toleranceSet: string;
  remove: boolean;
  force: boolean;
  /** Show a status symbol beside each figure (✓ ! ✗ ★), as a KPISettings Symbols row can choose too. */
  symbols: boolean;
}

export const usage = `Usage: kpi-rag <workbook.xlsx|.xlsm> [--out <file>] [--report <file.json>] [--sheet <name>] [--tolerance <set>] [--symbols] [--remove] [--force]

Finds the KPI tables in an .xlsx or .xlsm workbook and writes a copy with Red, Amber and Green conditional
formatting, under the scheme its KPISettings table chooses; nothing else in the file is touched.
  --out <file>         where to write the formatted copy (default: <name>.rag.xlsx, or .rag.xlsm, beside the workbook)
  --report <file.json> also write every rating, cell by cell, as JSON
  --sheet <name>       format only this sheet (default: every sheet with a KPI table)
  --tolerance <set>    the tolerance set to rate against, e.g. Covid19 (default: Standard)
  --symbols            also show each status as a symbol beside its figure (✓ Green, ! Amber, ✗ Red, ★ Blue),
                       for a greyscale print; the figures themselves are not changed
  --remove             take the add-in's formatting away instead, leaving the analyst's own rules
  --force              replace the output file if it exists`;

export type Parsed =
  { ok: true; options: CommandOptions } | { ok: false; problem: string } | { ok: "help" };

export function parseArguments(argv: readonly string[]): Parsed {
  const options: Partial<CommandOptions> & {
    toleranceSet: string;
    remove: boolean;
    force: boolean;
    symbols: boolean;
  } = { toleranceSet: "Standard", remove: false, force: false, symbols: false };
  const valued = new Map<string, "out" | "report" | "sheet" | "toleranceSet">([
    ["--out", "out"],
    ["--report", "report"],
    ["--sheet", "sheet"],
    ["--tolerance", "toleranceSet"],
  ]);
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const field = valued.get(argument);
    if (argument === "--help" || argument === "-h") return { ok: "help" };
    if (argument === "--remove") options.remove = true;
    else if (argument === "--force") options.force = true;
    else if (argument === "--symbols") options.symbols = true;
    else if (field !== undefined) {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith("--"))
        return { ok: false, problem: `${argument} needs a value` };
      if (value.trim() === "")
        return { ok: false, problem: `${argument} is given an empty value: it needs one` };
      options[field] = value;
      index += 1;
    } else if (argument.startsWith("-"))
      return { ok: false, problem: `kpi-rag does not know the option ${argument}` };
    else if (argument.trim() === "")
      return { ok: false, problem: "the workbook's name is empty: name the workbook to format" };
    else if (options.workbook === undefined) options.workbook = argument;
    else return { ok: false, problem: `only one workbook at a time: ${argument} is one too many` };
  }
  if (options.workbook === undefined)
    return { ok: false, problem: "name the workbook to format, e.g. kpi-rag appendix.xlsx" };
  return { ok: true, options: { ...options, workbook: options.workbook } };
}
