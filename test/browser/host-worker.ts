/**
 * The simulated Excel in a Web Worker, off the page's thread as Excel is in its own process: bundled by
 * esbuild into /test-host-worker.js with the built functions.json and the schema in front of it. It builds
 * the one host (test/support) from the workbook the server holds and replays each batch the page
 * sends at `context.sync()` on that host's objects, then answers with what every object the batch loaded
 * holds. Event handlers and custom functions live in the page; the host calls them through the channel.
 */
import {
  customFunctionEvaluator,
  excelCalls,
  type FunctionsMetadata,
} from "../support/custom-functions";
import { HostError } from "../support/errors";
import { ExcelHost } from "../support/excel-host";
import { HostCollection, HostObject, HostResult } from "../support/proxy";
import { workbookStateFromText, workbookStateToJson } from "../support/workbook-json";
import {
  Channel,
  type ExcelSchema,
  type ObjectState,
  type Operation,
  type PageRequest,
  type Wired,
} from "./transport";

const scope = self as unknown as {
  __kpiRagFunctions?: FunctionsMetadata;
  __kpiRagExcelSchema: ExcelSchema;
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
};

const functions = scope.__kpiRagFunctions ?? { functions: [] };
const navigations = scope.__kpiRagExcelSchema.navigations;

const channel = new Channel(
  (message) => scope.postMessage(message),
  (body: PageRequest) => answer(body)
);
scope.onmessage = (event) => channel.receive(event.data);

/**
 * The host, once the workbook has come (/test-workbook.json, JSON text, which parses far faster than the same
 * data as a script) and is built: the worker's script is small, so it asks for the workbook at once.
 */
/** When the workbook was open, by the epoch clock (the page's clock starts elsewhere): for the bench. */
let openedAt = 0;
const opening: Promise<ExcelHost> = fetch("/test-workbook.json")
  .then((response) => {
    if (!response.ok)
      throw new Error(`test-host-worker.js: /test-workbook.json answered ${response.status}`);
    return response.text();
  })
  .then((text) => {
    const host = new ExcelHost(workbookStateFromText(text));
    openedAt = performance.timeOrigin + performance.now();
    // Excel, Office and OfficeExtension in the worker too: the evaluator asks Office.context.platform.
    host.install(self);
    // Custom functions run in the page (functions.js registers them there); Excel calls them across, and the
    // cell shows #BUSY! until the answer comes back.
    host.setFormulaEvaluator(
      customFunctionEvaluator(
        excelCalls(
          () => functions,
          (entry) =>
            (...args: unknown[]) =>
              channel.ask({ kind: "function", id: entry.id, args }),
          functions.functions.map((entry) => entry.name)
        )
      )
    );
    return host;
  });

/** Every object the page has a proxy for, by the proxy's id: the page numbers up, the worker (items) down. */
const objects = new Map<number, unknown>();
let nextItem = -1;
/** The page's handlers, one stand-in each, so `remove(handler)` finds the one `add(handler)` registered. */
const handlers = new Map<number, (args: unknown) => Promise<unknown>>();

function unwire(value: Wired): unknown {
  if (Array.isArray(value)) return value.map(unwire);
  if (value === null || typeof value !== "object") return value;
  if ("$ref" in value && typeof value.$ref === "number") {
    if (!objects.has(value.$ref))
      throw new HostError("InvalidObjectPath", { location: "RequestContext.sync" });
    return objects.get(value.$ref);
  }
  if ("$callback" in value && typeof value.$callback === "number") {
    const callback = value.$callback;
    let handler = handlers.get(callback);
    if (!handler) {
      // Event arguments cross as data (their getRange functions are rebuilt in the page).
      handler = (args: unknown) =>
        channel.ask({ kind: "callback", callback, args: JSON.parse(JSON.stringify(args)) });
      handlers.set(callback, handler);
    }
    return handler;
  }
  return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, unwire(item)]));
}

function replay(operation: Operation): void {
  const target = objects.get(operation.target) as Record<string, unknown> | undefined;
  if (target === undefined)
    throw new HostError("InvalidObjectPath", { location: "RequestContext.sync" });
  switch (operation.op) {
    case "get":
      objects.set(operation.result, target[operation.name]);
      return;
    case "call": {
      const method = target[operation.name] as (...args: unknown[]) => unknown;
      objects.set(operation.result, method.apply(target, operation.args.map(unwire)));
      return;
    }
    case "set":
      target[operation.name] = unwire(operation.value);
      return;
    case "load":
      (target as unknown as { load(option: unknown): unknown }).load(unwire(operation.option));
      return;
  }
}

/** What an object holds now, for the page's proxy: loaded values, null-ness, items and loaded navigations. */
function describe(object: unknown, depth = 0): ObjectState | undefined {
  if (object instanceof HostResult) {
    try {
      return { entity: "ClientResult", values: { value: object.value as unknown } };
    } catch {
      return { entity: "ClientResult", values: {} };
    }
  }
  if (!(object instanceof HostObject)) return undefined;
  const state: ObjectState = { entity: object.entity, values: object.toJSON() };
  try {
    state.isNull = object.isNullObject;
  } catch {
    // not known until a sync asks
  }
  if (object instanceof HostCollection) {
    try {
      const items = (object as unknown as { items: unknown[] }).items;
      state.items = items.map((item) => {
        const id = nextItem--;
        objects.set(id, item);
        return { id, ...(describe(item, depth + 1) ?? { entity: "ClientObject", values: {} }) };
      });
    } catch {
      // items not loaded
    }
  }
  if (depth < 4)
    for (const name of navigations) {
      const child = heldChild(object, name);
      const described = child instanceof HostObject ? describe(child, depth + 1) : undefined;
      if (
        described &&
        (Object.keys(described.values).length > 0 ||
          described.items ||
          described.children ||
          described.isNull !== undefined)
      )
        (state.children ??= {})[name] = described;
    }
  return state;
}

/**
 * A navigation child a load path can fill, as the host finds it for a load (`navigation`), not through its
 * getter: `customOrNullObject`'s getter queues a probe for the next sync. An ...OrNullObject child is taken
 * from the object's own fields (its origin names it), since `navigation` marks it as probed.
 */
function heldChild(object: HostObject<unknown>, name: string): unknown {
  if (!name.endsWith("OrNullObject"))
    return (object as unknown as { navigation(name: string): unknown }).navigation(name);
  return Object.values(object).find(
    (field) =>
      field instanceof HostObject &&
      String((field as unknown as { origin: unknown }).origin).endsWith(`.${name}`)
  );
}

async function sync(
  host: ExcelHost,
  request: Extract<PageRequest, { kind: "sync" }>
): Promise<Record<number, ObjectState>> {
  if (!objects.has(request.context)) objects.set(request.context, host.requestContext());
  const context = objects.get(request.context) as Excel.RequestContext & { flush(): Promise<void> };
  // What a sync can make readable: what a load asked for, whether an ...OrNullObject exists, a ClientResult's
  // value. Objects only written to or called are not sent back: the page already has what it wrote.
  const readable = new Set<number>();
  try {
    for (const operation of request.operations) {
      replay(operation);
      if (operation.op === "load") readable.add(operation.target);
      else if (
        operation.op !== "set" &&
        (operation.name.endsWith("OrNullObject") ||
          objects.get(operation.result) instanceof HostResult)
      )
        readable.add(operation.result);
    }
  } catch (error) {
    // A call Office.js would refuse fails the batch at the sync; what was queued before it still runs.
    await context.flush().catch(() => undefined);
    throw error;
  }
  await (request.counted ? context.sync() : context.flush());
  const states: Record<number, ObjectState> = {};
  for (const id of readable) {
    const state = describe(objects.get(id));
    if (state) states[id] = state;
  }
  return states;
}

async function answer(request: PageRequest): Promise<unknown> {
  const host = await opening;
  if (request.kind === "sync") return sync(host, request);
  switch (request.ask) {
    case "syncCount":
      return host.syncCount;
    case "snapshot":
      return host.snapshot();
    case "state":
      return workbookStateToJson(host.state);
    case "settled":
      return host.settled();
    case "openedAt":
      return openedAt;
  }
}
