/**
 * Excel's NUMBERVALUE(text, decimal_separator, group_separator), which HyperFormula lacks, written from
 * Microsoft's page for the function (support.microsoft.com, "NUMBERVALUE function"), not from the add-in:
 * - spaces anywhere in the text are ignored, and empty text is 0;
 * - percent signs at the end each divide by 100;
 * - group separators may stand before the decimal separator, not after it; a second decimal separator,
 *   or anything else that is not a number, is #VALUE!;
 * - only the first character of each separator argument counts.
 * Registered once with HyperFormula, so both the formula judge and the host's evaluator know it.
 */
import {
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
} from "hyperformula";

export function numberValue(text: unknown, decimal = ".", group = ","): number | CellError {
  if (typeof text === "number") return text;
  if (typeof text === "boolean" || (typeof text === "object" && text !== null))
    return new CellError(ErrorType.VALUE);
  const decimalMark = String(decimal)[0] ?? ".";
  const groupMark = String(group)[0] ?? ",";
  let written = String(text ?? "").replace(/\s/g, "");
  if (written === "") return 0;
  let divisor = 1;
  while (written.endsWith("%")) {
    written = written.slice(0, -1);
    divisor *= 100;
  }
  const point = written.indexOf(decimalMark);
  if (point >= 0 && written.indexOf(decimalMark, point + 1) >= 0)
    return new CellError(ErrorType.VALUE);
  const whole = point < 0 ? written : written.slice(0, point);
  const fraction = point < 0 ? "" : written.slice(point + 1);
  if (fraction.includes(groupMark)) return new CellError(ErrorType.VALUE);
  const digits = `${whole.split(groupMark).join("")}${point < 0 ? "" : `.${fraction}`}`;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(digits)) return new CellError(ErrorType.VALUE);
  return Number(digits) / divisor;
}

class NumberValuePlugin extends FunctionPlugin {
  static override implementedFunctions = {
    NUMBERVALUE: {
      method: "numbervalue",
      parameters: [
        { argumentType: FunctionArgumentType.SCALAR },
        { argumentType: FunctionArgumentType.STRING, optionalArg: true, defaultValue: "." },
        { argumentType: FunctionArgumentType.STRING, optionalArg: true, defaultValue: "," },
      ],
    },
  };

  /** HyperFormula's types for these two parameters are internal to it. */
  numbervalue(ast: { args: unknown }, state: unknown) {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata("NUMBERVALUE"),
      (text: unknown, decimal: string, group: string) => numberValue(text, decimal, group)
    );
  }
}

if (!HyperFormula.getRegisteredFunctionNames("enGB").includes("NUMBERVALUE")) {
  HyperFormula.registerFunction("NUMBERVALUE", NumberValuePlugin, {
    enGB: { NUMBERVALUE: "NUMBERVALUE" },
    enUS: { NUMBERVALUE: "NUMBERVALUE" },
  });
}
