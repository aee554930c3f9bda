/**
 * The simulated Excel in a SharedWorker, off the pages' threads as Excel is in its own process, and outliving
 * them: Excel's window (/excel.html, excel-window.ts) starts it and stays open, so the workbook is open before
 * a pane loads, and each pane page connects to it by a MessagePort, as a task pane inside Excel reaches the
 * Excel that already holds the workbook. Bundled by esbuild into /test-host-worker.js with the built
 * functions.json and the schema in front of it. It builds the one host (test/support) from the workbook the
 * server holds and replays each batch a page sends at `context.sync()` on that host's objects, then answers
 * with what every object the batch loaded holds. Event handlers and custom functions live in the page; the
 * host calls them through the page's channel, and forgets a page's handlers when the page goes.
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
  onconnect: ((event: MessageEvent) => void) | null;
};

const functions = scope.__kpiRagFunctions ?? { functions: [] };
const navigations = scope.__kpiRagExcelSchema.navigations;

/**
 * One page connected to Excel: Excel's window, or a pane, each load of a pane its own. What the page has proxies
 * for, its handlers and its syncs are its own; the workbook is shared, as one Excel serves every add-in.
 */
class Connection {
  /** Every object the page has a proxy for, by the proxy's id: the page numbers up, the worker (items) down. */
  readonly objects = new Map<number, unknown>();
  nextItem = -1;
  /** The page's handlers, one stand-in each, so `remove(handler)` finds the one `add(handler)` registered. */
  readonly handlers = new Map<number, (args: unknown) => Promise<unknown>>();
  /** What the page's `add(handler)` calls returned, to remove its handlers when the page goes, as Excel does. */
  readonly registrations: Array<{ remove(): void; context: { flush(): Promise<void> } }> = [];
  /** context.sync() calls this page made. */
  syncs = 0;
  closed = false;
  readonly channel: Channel;

  constructor(readonly port: MessagePort) {
    this.channel = new Channel(
      (text) => port.postMessage(text),
      (body: PageRequest) => answer(this, body)
    );
    port.onmessage = (event) => this.channel.receive(event.data);
  }

  /** The page is gone (closed or navigated away): Excel forgets its handlers. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    connections.splice(connections.indexOf(this), 1);
    this.channel.close();
    const registrations = this.registrations.splice(0);
    for (const registration of registrations) registration.remove();
    await Promise.all(
      [...new Set(registrations.map(({ context }) => context))].map((context) => context.flush())
    );
  }
}

/** Open pages, oldest first: custom functions run in the newest (Excel's window registers none). */
const connections: Connection[] = [];

scope.onconnect = (event) => {
  connections.push(new Connection(event.ports[0]));
};

/**
 * The host, once the workbook has come (/test-workbook.json, JSON text, which parses far faster than the same
 * data as a script) and is built: the worker's script is small, so it asks for the workbook at once.
 */
/** When the workbook was open, by the epoch clock (each page's clock starts elsewhere): for the bench. */
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
    // Custom functions run in a page (functions.js registers them in the pane's); Excel calls them across, and
    // the cell shows #BUSY! until the answer comes back.
    host.setFormulaEvaluator(
      customFunctionEvaluator(
        excelCalls(
          () => functions,
          (entry) =>
            (...args: unknown[]) => {
              const newest = connections[connections.length - 1];
              if (!newest) throw new Error(`no page is open to calculate ${entry.name}`);
              return newest.channel.ask({ kind: "function", id: entry.id, args });
            },
          functions.functions.map((entry) => entry.name)
        )
      )
    );
    return host;
  });

function unwire(connection: Connection, value: Wired): unknown {
  const { objects, handlers, channel } = connection;
  if (Array.isArray(value)) return value.map((item) => unwire(connection, item));
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
      // Event arguments cross as data (their getRange functions are rebuilt in the page). A handler of a page
      // that closed while Excel called it is simply gone, as its pane is.
      handler = (args: unknown) =>
        channel
          .ask({ kind: "callback", callback, args: JSON.parse(JSON.stringify(args)) })
          .catch((error: unknown) => {
            if (!connection.closed) throw error;
          });
      handlers.set(callback, handler);
    }
    return handler;
  }
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [name, unwire(connection, item)])
  );
}

function replay(connection: Connection, operation: Operation): void {
  const { objects } = connection;
  const target = objects.get(operation.target) as Record<string, unknown> | undefined;
  if (target === undefined)
    throw new HostError("InvalidObjectPath", { location: "RequestContext.sync" });
  switch (operation.op) {
    case "get":
      objects.set(operation.result, target[operation.name]);
      return;
    case "call": {
      const method = target[operation.name] as (...args: unknown[]) => unknown;
      const result = method.apply(
        target,
        operation.args.map((arg) => unwire(connection, arg))
      ) as Connection["registrations"][number] | undefined;
      objects.set(operation.result, result);
      if (operation.name === "add" && typeof result?.remove === "function")
        connection.registrations.push(result);
      return;
    }
    case "set":
      target[operation.name] = unwire(connection, operation.value);
      return;
    case "load":
      (target as unknown as { load(option: unknown): unknown }).load(
        unwire(connection, operation.option)
      );
      return;
  }
}

/** What an object holds now, for the page's proxy: loaded values, null-ness, items and loaded navigations. */
function describe(connection: Connection, object: unknown, depth = 0): ObjectState | undefined {
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
        const id = connection.nextItem--;
        connection.objects.set(id, item);
        return {
          id,
          ...(describe(connection, item, depth + 1) ?? { entity: "ClientObject", values: {} }),
        };
      });
    } catch {
      // items not loaded
    }
  }
  if (depth < 4)
    for (const name of navigations) {
      const child = heldChild(object, name);
      const described =
        child instanceof HostObject ? describe(connection, child, depth + 1) : undefined;
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
  connection: Connection,
  host: ExcelHost,
  request: Extract<PageRequest, { kind: "sync" }>
): Promise<Record<number, ObjectState>> {
  const { objects } = connection;
  if (!objects.has(request.context)) objects.set(request.context, host.requestContext());
  const context = objects.get(request.context) as Excel.RequestContext & { flush(): Promise<void> };
  // What a sync can make readable: what a load asked for, whether an ...OrNullObject exists, a ClientResult's
  // value. Objects only written to or called are not sent back: the page already has what it wrote.
  const readable = new Set<number>();
  try {
    for (const operation of request.operations) {
      replay(connection, operation);
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
  if (request.counted) connection.syncs++;
  await (request.counted ? context.sync() : context.flush());
  const states: Record<number, ObjectState> = {};
  for (const id of readable) {
    const state = describe(connection, objects.get(id));
    if (state) states[id] = state;
  }
  return states;
}

async function answer(connection: Connection, request: PageRequest): Promise<unknown> {
  if (request.kind === "closing") return connection.close();
  const host = await opening;
  if (request.kind === "sync") return sync(connection, host, request);
  switch (request.ask) {
    case "syncCount":
      return connection.syncs;
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
