/**
 * The page's side of the simulated Excel, as Office.js is the page's side of Excel: proxies that queue
 * loads, sets and method calls, and `context.sync()` that sends the queue to the host in the worker as one
 * message and waits for the answer. What a sync loaded is readable afterwards, and only then: a scalar
 * property that was not loaded throws PropertyNotLoaded, as in Office.js (and as the host does in Node).
 */
import { HostError, propertyNotLoaded } from "../support/errors";
import type { Channel, ExcelSchema, ObjectState, Operation, Wired } from "./transport";

let nextId = 1;
/** The add-in's handlers and functions the worker may call back, by number; one number a function. */
const callbacks = new Map<number, (args: never) => unknown>();
const callbackIds = new Map<unknown, number>();
/** Each proxy's record, to tell a proxy among the arguments of a call; each context object's context. */
const records = new WeakMap<object, Remote>();
const contexts = new WeakMap<object, RemoteContext>();

/** A proxy's record: its id in the worker, what the last sync loaded into it, its navigation children. */
class Remote {
  entity = "ClientObject";
  readonly values = new Map<string, unknown>();
  isNull: boolean | undefined;
  items: unknown[] | undefined;
  readonly children = new Map<string, Remote>();
  /** States a sync reported for navigation children the add-in has not reached yet. */
  readonly childStates = new Map<string, ObjectState>();
  readonly proxy: Record<string, unknown>;

  constructor(
    readonly context: RemoteContext,
    readonly id: number,
    /** The navigation property this object was reached through ("cultureInfo"), if any. */
    readonly via?: string
  ) {
    context.objects.set(id, this);
    this.proxy = new Proxy(
      {},
      { get: (_, name) => this.get(name), set: (_, name, value) => this.set(name, value) }
    );
    records.set(this.proxy, this);
  }

  apply(state: ObjectState): void {
    this.entity = state.entity;
    for (const [name, value] of Object.entries(state.values)) this.values.set(name, value);
    if (state.isNull !== undefined) this.isNull = state.isNull;
    if (state.items)
      this.items = state.items.map((item) => {
        const remote = new Remote(this.context, item.id);
        remote.apply(item);
        return remote.proxy;
      });
    for (const [name, child] of Object.entries(state.children ?? {})) {
      const reached = this.children.get(name);
      if (reached) reached.apply(child);
      else this.childStates.set(name, child);
    }
  }

  private get(name: string | symbol): unknown {
    if (typeof name === "symbol") return undefined;
    const schema = this.context.schema;
    switch (name) {
      case "context":
        return this.context.facade;
      case "isNullObject":
        if (this.isNull === undefined) throw propertyNotLoaded(this.entity, "isNullObject");
        return this.isNull;
      case "items":
        if (this.items === undefined) throw propertyNotLoaded(this.entity, "items");
        return this.items;
      case "load":
        return (option?: unknown) => {
          this.context.queue.push({
            op: "load",
            target: this.id,
            option: this.context.wire(option),
          });
          return this.proxy;
        };
      case "toJSON":
        return () => Object.fromEntries(this.values);
      case "track":
      case "untrack":
        return () => this.proxy;
    }
    // Application.cultureInfo.numberFormat is an object; Range.numberFormat a loaded value.
    const navigation =
      schema.navigations.has(name) && (!schema.scalars.has(name) || this.via === "cultureInfo");
    if (navigation) return this.child(name).proxy;
    if (schema.scalars.has(name) || name === "value") {
      if (this.values.has(name)) return this.values.get(name);
      if (this.isNull === true) return undefined;
      if (name === "value")
        throw new HostError("ValueNotLoaded", { location: "ClientResult.value" });
      throw propertyNotLoaded(this.entity, name);
    }
    if (schema.methods.has(name))
      return (...args: unknown[]) => {
        const result = new Remote(this.context, nextId++);
        this.context.queue.push({
          op: "call",
          target: this.id,
          name,
          args: args.map((arg) => this.context.wire(arg)),
          result: result.id,
        });
        return result.proxy;
      };
    return undefined;
  }

  private set(name: string | symbol, value: unknown): boolean {
    if (typeof name === "symbol") return false;
    this.values.set(name, value);
    this.context.queue.push({ op: "set", target: this.id, name, value: this.context.wire(value) });
    return true;
  }

  private child(name: string): Remote {
    let child = this.children.get(name);
    if (child) return child;
    child = new Remote(this.context, nextId++, name);
    this.children.set(name, child);
    this.context.queue.push({ op: "get", target: this.id, name, result: child.id });
    const state = this.childStates.get(name);
    if (state) child.apply(state);
    return child;
  }
}

/** Excel.RequestContext in the page: the queue of the next sync, and the proxies it made. */
export class RemoteContext {
  readonly id = nextId++;
  readonly queue: Operation[] = [];
  readonly objects = new Map<number, Remote>();
  readonly root: Remote;
  readonly facade: Excel.RequestContext;

  constructor(
    readonly channel: Channel,
    readonly schema: { scalars: Set<string>; navigations: Set<string>; methods: Set<string> }
  ) {
    this.root = new Remote(this, this.id);
    const root = this.root.proxy;
    this.facade = {
      get workbook() {
        return root.workbook;
      },
      get application() {
        return root.application;
      },
      sync: <T>(passThroughValue?: T) => this.flush(true).then(() => passThroughValue as T),
      load: (object: unknown, option?: unknown) => {
        const remote =
          typeof object === "object" && object !== null ? records.get(object) : undefined;
        if (!remote) throw new HostError("InvalidArgument", { location: "RequestContext.load" });
        (remote.proxy.load as (option?: unknown) => unknown)(option);
      },
      trackedObjects: { add() {}, remove() {} },
      requestHeaders: {},
      trace() {},
    } as unknown as Excel.RequestContext;
    contexts.set(this.facade, this);
  }

  /** Sends the queue; counted for context.sync(), not for Excel.run's closing flush (as in the host). */
  async flush(counted: boolean): Promise<void> {
    const operations = this.queue.splice(0);
    if (!counted && operations.length === 0) return;
    const states = await this.channel.ask<Record<number, ObjectState>>({
      kind: "sync",
      context: this.id,
      counted,
      operations,
    });
    for (const [id, state] of Object.entries(states)) this.objects.get(Number(id))?.apply(state);
  }

  /** An argument as the wire carries it: proxies by id, functions as handlers the worker calls back. */
  wire(value: unknown): Wired {
    if (typeof value === "function") {
      let id = callbackIds.get(value);
      if (id === undefined) {
        id = nextId++;
        callbackIds.set(value, id);
        callbacks.set(id, value as (args: never) => unknown);
      }
      return { $callback: id };
    }
    if (Array.isArray(value)) return value.map((item) => this.wire(item));
    if (value === null || typeof value !== "object") return value as Wired;
    const remote = records.get(value);
    if (remote) return { $ref: remote.id };
    const context = contexts.get(value);
    if (context) return { $ref: context.id };
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, this.wire(item)]));
  }
}

export function schemaSets(schema: ExcelSchema): RemoteContext["schema"] {
  return {
    scalars: new Set(schema.scalars),
    navigations: new Set(schema.navigations),
    methods: new Set(schema.methods),
  };
}

/** Excel.run in the page: a context of its own (or the one given), the batch, then a closing flush. */
export function remoteRun(
  channel: Channel,
  schema: RemoteContext["schema"]
): (...args: unknown[]) => Promise<unknown> {
  return async (...args: unknown[]) => {
    const batch = args[args.length - 1];
    const given = args.length > 1 ? args[0] : undefined;
    const context = contextOf(given) ?? new RemoteContext(channel, schema);
    if (typeof batch !== "function")
      throw new HostError("InvalidArgument", { location: "Excel.run" });
    const pending: unknown = batch(context.facade);
    if (typeof (pending as { then?: unknown } | null)?.then !== "function")
      throw new HostError("RunMustReturnPromise", { location: "Excel.run" });
    const result = await pending;
    await context.flush(false);
    return result;
  };
}

function contextOf(given: unknown): RemoteContext | undefined {
  const first = Array.isArray(given) ? given[0] : given;
  if (!first || typeof first !== "object") return undefined;
  return contexts.get(first) ?? records.get(first)?.context;
}

/**
 * The worker calling back into the page: an event handler the add-in registered (its arguments with
 * getRange rebuilt, as Office.js gives them) or a custom function functions.js associated.
 */
export async function callBack(request: { callback: number; args: unknown }): Promise<void> {
  const handler = callbacks.get(request.callback);
  if (!handler) return;
  const args = request.args as { worksheetId?: string; address?: string };
  const { worksheetId, address } = args;
  if (worksheetId && address) {
    const at = (context: Excel.RequestContext) =>
      context.workbook.worksheets.getItem(worksheetId).getRange(address);
    Object.assign(args, { getRange: at, getRangeOrNullObject: at });
  }
  await handler(args as never);
}
