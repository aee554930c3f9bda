/**
 * Excel.RequestContext: the queue of operations for the next sync, and the way into the workbook.
 */
import { HostError } from "./errors.js";
import { type LoadOption, type Operation, HostObject, expose } from "./proxy.js";
import type { SimulatedExcel } from "./simulated-excel.js";
import { HostApplication, HostWorkbook } from "./workbook.js";

type ContextMembers =
  "sync" | "load" | "trackedObjects" | "workbook" | "application" | "trace" | "requestHeaders";

export class HostRequestContext implements Pick<Excel.RequestContext, ContextMembers> {
  readonly hostWorkbook: HostWorkbook;
  readonly hostApplication: HostApplication;
  readonly requestHeaders: Record<string, string> = {};
  readonly trackedObjects = expose<OfficeExtension.TrackedObjects>({ add() {}, remove() {} });
  #queue: Operation[] = [];

  constructor(readonly engine: SimulatedExcel) {
    this.hostWorkbook = new HostWorkbook(this);
    this.hostApplication = this.hostWorkbook.hostApplication;
  }

  get workbook(): Excel.Workbook {
    return expose(this.hostWorkbook);
  }

  get application(): Excel.Application {
    return expose(this.hostApplication);
  }

  enqueue(operation: Operation): void {
    this.#queue.push(operation);
  }

  /** context.sync(): counted, then runs everything queued since the last sync. */
  sync<T>(passThroughValue?: T): Promise<T> {
    this.engine.syncCount++;
    return this.flush().then(() => passThroughValue as T);
  }

  /** Runs the queue without counting a sync (Excel.run's closing sync). */
  flush(): Promise<void> {
    const operations = this.#queue.splice(0);
    return this.engine.execute(operations);
  }

  load(object: OfficeExtension.ClientObject, option?: LoadOption): void {
    if (!(object instanceof HostObject))
      throw new HostError("InvalidArgument", { location: "RequestContext.load" });
    (object as unknown as { load(option?: LoadOption): unknown }).load(option);
  }

  trace(_message: string): void {}
}
