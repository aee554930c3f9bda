/**
 * functions.json made from a source file's JSDoc by custom-functions-metadata, as the build does (Node only),
 * and that file's functions called as Excel calls them.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { excelCalls, type ExcelCall, type FunctionsMetadata } from "./custom-functions.js";

export async function metadataFrom(source: string): Promise<FunctionsMetadata> {
  const generated = await generateCustomFunctionsMetadata(source);
  if (generated.errors.length > 0)
    throw new Error(
      `functions.json could not be made from ${source}: ${generated.errors.join("; ")}`
    );
  return JSON.parse(generated.metadataJson) as FunctionsMetadata;
}

/** The functions of a source file, each called as Excel calls it from the functions.json its JSDoc makes. */
export function asExcelCalls<Names extends string>(
  source: string,
  implementations: Record<Names, (...args: any[]) => unknown>
): Record<Names, ExcelCall> {
  let metadata: Promise<FunctionsMetadata> | undefined;
  const byName = new Map(
    Object.entries(implementations).map(([name, implementation]) => [
      name.toLowerCase(),
      implementation as (...args: any[]) => unknown,
    ])
  );
  return excelCalls(
    () => (metadata ??= metadataFrom(source)),
    (entry) => byName.get(entry.name.toLowerCase()),
    Object.keys(implementations)
  ) as Record<Names, ExcelCall>;
}
