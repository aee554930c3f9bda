/**
 * Excel's ROUND(number, digits), in place of HyperFormula's: Excel rounds the number as its 15 significant
 * digits write it, half away from zero, so ROUND(0.575, 2) is 0.58 and ROUND(1.005, 2) is 1.01 (Microsoft's
 * "ROUND function" page; Excel's 15-digit precision). HyperFormula rounds the binary double, which sits just
 * under those halves, and gives 0.57 and 1: a rule judged by it then disagreed with Excel on such figures.
 * Registered once with HyperFormula, so both the formula judge and the host's evaluator round as Excel does.
 */
import { FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";

export function excelRound(value: number, digits: number): number {
  const places = Math.trunc(digits);
  const written = Math.abs(Number(value.toPrecision(15)));
  // Decimal arithmetic through the number's own digits: "0.575e2" is exactly 57.5.
  if (!/e/i.test(String(written)) && Math.abs(places) <= 15) {
    const rounded = Number(`${Math.round(Number(`${written}e${places}`))}e${-places}`);
    return Math.sign(value) * rounded;
  }
  const scale = 10 ** places;
  return (Math.sign(value) * Math.round(written * scale)) / scale;
}

class ExcelRoundPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    ROUND: {
      method: "round",
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER, optionalArg: true, defaultValue: 0 },
      ],
    },
  };

  /** HyperFormula's types for these parameters are internal to it. */
  round(ast: { args: unknown }, state: unknown) {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata("ROUND"),
      (value: number, digits: number) => excelRound(value, digits)
    );
  }
}

if (HyperFormula.getFunctionPlugin("ROUND") !== ExcelRoundPlugin) {
  HyperFormula.unregisterFunction("ROUND");
  HyperFormula.registerFunction("ROUND", ExcelRoundPlugin, {
    enGB: { ROUND: "ROUND" },
    enUS: { ROUND: "ROUND" },
  });
}
