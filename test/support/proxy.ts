/**
 * The proxy machinery every simulated Office.js object shares, strict the way Office.js is:
 * - a property can be read only after `load` and a `context.sync()` (or after the add-in set it);
 * - writes and method calls are queued and happen, in order, at the next sync;
 * - an object is found in the workbook ("resolved") at the first sync that uses it, and a deleted
 *   one fails that sync;
 * - `isNullObject` is known only after a sync.
 */
import { HostError, notSimulated, propertyNotLoaded } from "./errors.js";
import type { HostRequestContext } from "./request-context.js";

/** Something queued for the next sync. `run` may return a commit, applied only if the whole sync succeeds. */
export interface Operation {
  location: string;
  /** "ExcelApi 1.13": the sync fails with ApiNotFound when the host is set up without it. */
  requires?: string;
  run(): Commit | void;
}

export type Commit = () => void;

/**
 * Hands a simulated object out under its Office.js type: one cast, at the boundary.
 * Proxies are sealed, so setting a property the host does not simulate (font.bold, format.columnWidth)
 * throws a TypeError instead of being silently ignored.
 */
export function expose<T>(proxy: object): T {
  if (proxy instanceof HostObject) Object.seal(proxy);
  return proxy as unknown as T;
}

// ---------------------------------------------------------------------------------------------
// load(...) in all the forms Office.js accepts

/** What a load asks for: some scalar properties, some navigation properties with their own loads. */
export interface LoadTree {
  all: boolean;
  names: Set<string>;
  children: Map<string, LoadTree>;
}

export type LoadOption = string | string[] | object | undefined;

function emptyTree(): LoadTree {
  return { all: false, names: new Set(), children: new Map() };
}

function addPath(tree: LoadTree, path: string): void {
  const [head, ...rest] = path.split("/").map((part) => part.trim());
  if (!head) return;
  if (rest.length === 0) {
    tree.names.add(head);
    return;
  }
  const child = tree.children.get(head) ?? emptyTree();
  tree.children.set(head, child);
  addPath(child, rest.join("/"));
}

/** An expanded navigation path ("format/font") loads everything of the object at its end. */
function expandPath(tree: LoadTree, path: string): void {
  let node = tree;
  for (const name of path
    .split("/")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const child = node.children.get(name) ?? emptyTree();
    node.children.set(name, child);
    node = child;
  }
  if (node !== tree) node.all = true;
}

function addPaths(tree: LoadTree, paths: string | string[]): void {
  const list = Array.isArray(paths) ? paths : paths.split(",");
  for (const path of list) addPath(tree, path.trim());
}

/** "a, b/c", ["a", "b/c"], { select: "a", expand: "b" } and { a: true, b: { c: true }, $all: true }. */
export function parseLoadOption(option: LoadOption): LoadTree {
  const tree = emptyTree();
  if (option === undefined || option === null) {
    tree.all = true;
  } else if (typeof option === "string" || Array.isArray(option)) {
    addPaths(tree, option as string | string[]);
  } else if ("select" in option || "expand" in option) {
    const { select, expand } = option as { select?: string; expand?: string };
    if (select) addPaths(tree, select);
    for (const path of expand ? expand.split(",") : []) expandPath(tree, path.trim());
    if (!select && !expand) tree.all = true;
  } else {
    for (const [name, wanted] of Object.entries(option)) {
      if (name === "$all") tree.all ||= wanted === true;
      else if (name.startsWith("$"))
        continue; // $top, $skip: every item is loaded
      else if (wanted === true) tree.names.add(name);
      else if (wanted && typeof wanted === "object")
        tree.children.set(name, parseLoadOption(wanted));
    }
  }
  if (tree.names.size === 0 && tree.children.size === 0) tree.all = true;
  return tree;
}

// ---------------------------------------------------------------------------------------------

/** Finds the object's target in the workbook at sync time; throws a HostError when it is not there. */
export type Locator<Target> = () => Target | null;

export type ScalarReaders<Target> = Record<string, (target: Target) => unknown>;

/** Anything a load path can go through: a navigation property such as `format` or `rows`. */
export interface Loadable {
  captureLoad(tree: LoadTree): Commit;
}

export abstract class HostObject<Target> {
  #target: Target | null | undefined;
  #loaded = new Map<string, unknown>();
  #isNull: boolean | undefined;

  constructor(
    readonly requestContext: HostRequestContext,
    /** The Office.js class name, used in error messages: "Range". */
    readonly entity: string,
    private readonly locate: Locator<Target>,
    /** Where the object came from, for errors while finding it: "WorksheetCollection.getItem". */
    private readonly origin: string
  ) {}

  get context(): Excel.RequestContext {
    return expose(this.requestContext);
  }

  get isNullObject(): boolean {
    if (this.#isNull === undefined) throw propertyNotLoaded(this.entity, "isNullObject");
    return this.#isNull;
  }

  /** Scalar properties a load can read, by their Office.js names. */
  protected abstract readonly scalars: ScalarReaders<Target>;

  /** Navigation properties a load path can go through ("format/fill/color"). */
  protected navigation(_name: string): Loadable | undefined {
    return undefined;
  }

  /** Whether the target has been deleted from the workbook since it was found. */
  protected isGone(_target: Target): boolean {
    return false;
  }

  /** At sync: the object in the workbook, or null for a null object. */
  resolve(location: string): Target | null {
    if (this.#target === undefined) {
      try {
        this.#target = this.locate();
      } catch (error) {
        throw error instanceof HostError ? error.at(this.origin) : error;
      }
    }
    if (this.#target !== null && this.isGone(this.#target)) {
      throw new HostError("ItemNotFound", { location });
    }
    return this.#target;
  }

  /** At sync: the object in the workbook, failing if it is a null object. */
  resolveExisting(location: string): Target {
    const target = this.resolve(location);
    if (target === null) throw new HostError("ItemNotFound", { location });
    return target;
  }

  protected read<T>(name: string): T {
    if (this.#loaded.has(name)) return this.#loaded.get(name) as T;
    if (this.#isNull === true) return undefined as T;
    throw propertyNotLoaded(this.entity, name);
  }

  /** Sets a property: visible on the proxy at once (as in Office.js), applied to the workbook at sync. */
  protected write(
    name: string,
    value: unknown,
    apply: (target: Target) => void,
    requires?: string
  ): void {
    this.#loaded.set(name, value);
    this.invoke(name, apply, requires);
  }

  /** Queues a method call or property set; on a null object it does nothing. */
  protected invoke(member: string, apply: (target: Target) => void, requires?: string): void {
    const location = `${this.entity}.${member}`;
    this.requestContext.enqueue({
      location,
      requires,
      run: () => {
        const target = this.resolve(location);
        if (target !== null) apply(target);
      },
    });
  }

  /** For ...OrNullObject methods: a sync tells whether the object exists, even without a load. */
  protected probe(requires?: string): void {
    this.requestContext.enqueue({
      location: this.origin,
      requires,
      run: () => {
        const isNull = this.resolve(this.origin) === null;
        return () => {
          this.#isNull = isNull;
        };
      },
    });
  }

  protected queueLoad(option: LoadOption): void {
    const tree = parseLoadOption(option);
    this.requestContext.enqueue({
      location: `${this.entity}.load`,
      run: () => this.captureLoad(tree),
    });
  }

  /** At sync: reads what the load asked for; the commit makes it readable once the sync succeeds. */
  captureLoad(tree: LoadTree): Commit {
    const target = this.resolve(`${this.entity}.load`);
    const commits: Commit[] = [];
    const values = new Map<string, unknown>();
    const names = tree.all ? Object.keys(this.scalars) : [...tree.names];
    for (const name of names) {
      const reader = this.scalars[name];
      if (reader) {
        if (target !== null) values.set(name, reader(target));
      } else {
        commits.push(
          this.loadNavigation(name, { all: true, names: new Set(), children: new Map() }, target)
        );
      }
    }
    for (const [name, child] of tree.children)
      commits.push(this.loadNavigation(name, child, target));
    this.requestContext.engine.notePayload(values);
    return () => {
      this.#isNull = target === null;
      for (const [name, value] of values) this.#loaded.set(name, value);
      for (const commit of commits) commit();
    };
  }

  private loadNavigation(name: string, tree: LoadTree, target: Target | null): Commit {
    const child = this.navigation(name);
    if (!child)
      throw notSimulated(`the property '${name}' of ${this.entity}`, `${this.entity}.load`);
    return target === null ? () => {} : child.captureLoad(tree);
  }

  /** Marks an object handed out already found, such as a collection's item. */
  markFound(target: Target): void {
    this.#target = target;
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.#loaded);
  }
}

/** A collection (worksheets, tables, conditional formats...): `items` after load and sync. */
export abstract class HostCollection<
  Owner,
  ItemTarget,
  Item extends HostObject<ItemTarget>,
> extends HostObject<Owner> {
  #items: Item[] | undefined;

  protected abstract listTargets(owner: Owner): ItemTarget[];
  protected abstract createItem(target: ItemTarget): Item;

  protected loadedItems(): Item[] {
    if (this.#items === undefined) throw propertyNotLoaded(this.entity, "items");
    return this.#items;
  }

  /** An item proxy that is already found: used for items and for getItemAt. */
  protected itemFor(target: ItemTarget): Item {
    const item = this.createItem(target);
    item.markFound(target);
    return item;
  }

  /** Loading a collection loads its items: "name" and "items/name" both ask for each item's name. */
  override captureLoad(tree: LoadTree): Commit {
    const owner = this.resolve(`${this.entity}.load`);
    const own: LoadTree = { all: tree.all, names: new Set(), children: new Map() };
    const forItems: LoadTree = { all: tree.all, names: new Set(), children: new Map() };
    for (const name of tree.names) {
      if (name in this.scalars) own.names.add(name);
      else if (name === "items") forItems.all = true;
      else forItems.names.add(name);
    }
    for (const [name, child] of tree.children) {
      if (name === "items") mergeInto(forItems, child);
      else forItems.children.set(name, child);
    }
    if (forItems.names.size === 0 && forItems.children.size === 0 && own.names.size === 0)
      forItems.all = true;
    const ownCommit = super.captureLoad(own);
    const wantsItems = forItems.all || forItems.names.size > 0 || forItems.children.size > 0;
    if (!wantsItems) return ownCommit;
    const items =
      owner === null ? [] : this.listTargets(owner).map((target) => this.itemFor(target));
    const itemCommits = items.map((item) => item.captureLoad(forItems));
    return () => {
      ownCommit();
      this.#items = items;
      for (const commit of itemCommits) commit();
    };
  }

  /** getCount(): the number of items, known after the next sync. */
  protected countResult(filter: (target: ItemTarget) => boolean = () => true): HostResult<number> {
    const result = new HostResult<number>();
    this.requestContext.enqueue({
      location: `${this.entity}.getCount`,
      run: () => {
        const owner = this.resolveExisting(`${this.entity}.getCount`);
        const count = this.listTargets(owner).filter(filter).length;
        return () => result.settle(count);
      },
    });
    return result;
  }
}

function mergeInto(tree: LoadTree, extra: LoadTree): void {
  tree.all ||= extra.all;
  for (const name of extra.names) tree.names.add(name);
  for (const [name, child] of extra.children) tree.children.set(name, child);
}

/** OfficeExtension.ClientResult: `value` is readable after the sync that produced it. */
export class HostResult<T> implements OfficeExtension.ClientResult<T> {
  #value: { known: true; value: T } | { known: false } = { known: false };

  get value(): T {
    if (!this.#value.known)
      throw new HostError("ValueNotLoaded", { location: "ClientResult.value" });
    return this.#value.value;
  }

  settle(value: T): void {
    this.#value = { known: true, value };
  }
}
