/**
 * The member names of the simulated Excel's objects, read in Node from the host's own classes when the
 * scripts are bundled: a getter that reads a loaded value (`this.read(...)`) is a scalar property, any other
 * getter a navigation property, a function a method. The page's proxies need them to behave as Office.js
 * does before the first sync: a scalar that was not loaded throws, a navigation gives an object.
 */
import * as conditionalFormats from "../support/conditional-formats";
import * as events from "../support/events";
import * as proxy from "../support/proxy";
import * as ranges from "../support/ranges";
import * as requestContext from "../support/request-context";
import * as tables from "../support/tables";
import * as workbook from "../support/workbook";
import * as worksheets from "../support/worksheets";
import type { ExcelSchema } from "./transport";

/** Members every proxy answers itself, whatever the class. */
const answeredByTheProxy = new Set(["context", "isNullObject", "items", "value", "constructor"]);

export function excelSchema(): ExcelSchema {
  const scalars = new Set<string>();
  const navigations = new Set<string>();
  const methods = new Set<string>();
  for (const module of [
    conditionalFormats,
    events,
    proxy,
    ranges,
    requestContext,
    tables,
    workbook,
    worksheets,
  ])
    for (const value of Object.values(module)) {
      if (typeof value !== "function" || !value.prototype) continue;
      for (const [name, member] of Object.entries(
        Object.getOwnPropertyDescriptors(value.prototype)
      )) {
        if (answeredByTheProxy.has(name) || name.startsWith("host")) continue;
        if (member.get)
          (/\bthis\.read\(/.test(member.get.toString()) ? scalars : navigations).add(name);
        else if (typeof member.value === "function") methods.add(name);
      }
    }
  return { scalars: [...scalars], navigations: [...navigations], methods: [...methods] };
}
