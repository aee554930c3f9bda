/**
 * The pane's first conversation with Excel, begun as soon as Office is ready (index.tsx) and before React and
 * the views are built: the sheet's cells, the register and the watches on the workbook travel to and from
 * Excel while the page builds the pane, rather than after it. The store takes it when it mounts
 * (`takeOpening`), once; without it (a test that draws the pane itself) the store asks Excel as it always does.
 * Nothing here shows anything: a part that fails is asked again by the store, which says what went wrong.
 */
import { activeSheet, readActiveSheet } from "../excel/sheet-reading";
import { watchCellChanges, watchSheetActivation, type Watch } from "../excel/events";
import { checkRequirements, type Capabilities } from "../excel/requirements";
import { currentWorkbookRegister, type WorkbookRegister } from "../excel/workbook-register";
import type { SheetTables } from "./sheet-tables";

/** What the workbook's events ask of the store: read the sheet again after a switch or an edit. */
export interface WorkbookListener {
  /** Excel waits for the reading it starts, as for any handler. */
  activated(): void | Promise<void>;
  changed(sheetId: string): void;
}

export interface Opening {
  capabilities: Capabilities;
  register: Promise<WorkbookRegister>;
  /** The first reading; rejected when Excel could not give it (the store reads again, and says why if it fails). */
  sheet: Promise<SheetTables>;
  /** The watches on sheet switches and cell edits, registered before the sheet was read; none if Excel refused. */
  watches: Promise<Watch[]>;
  /** Hands the workbook's events to the store from now on, with those that came before it was ready. */
  listen(listener: WorkbookListener): void;
}

let begun: Opening | undefined;

/** Starts the pane's first conversation with Excel, on an Excel that can run the pane; the store takes it. */
export function beginOpening(): Opening | undefined {
  const check = checkRequirements();
  if (!check.ok) return undefined;
  const { capabilities } = check;
  // Events before the store listens are kept, in order, and passed on when it does.
  const early: Array<(listener: WorkbookListener) => unknown> = [];
  let listener: WorkbookListener | undefined;
  const pass = (event: (to: WorkbookListener) => void | Promise<void>): void | Promise<void> => {
    if (listener) return event(listener);
    early.push(event);
  };
  // The watches first, as the store does: an edit made while the sheet is read is heard, never lost.
  const watches = Excel.run(async (context) => [
    await watchSheetActivation(context, () => pass((to) => to.activated())),
    await watchCellChanges(context, (sheetId) => pass((to) => to.changed(sheetId))),
  ]).catch((): Watch[] => []);
  const register = currentWorkbookRegister();
  // The cells are asked for at once, a large sheet's next rows beside the first (read ahead); the register (its
  // own small read) only decides what is found in them. The core's table finding comes with the pane's chunk.
  const sheet = Excel.run(async (context) => {
    const [reading, read, { tablesIn }] = await Promise.all([
      readActiveSheet(context, capabilities, activeSheet, { readAhead: true }),
      register,
      import(/* webpackChunkName: "pane" */ "./sheet-tables"),
    ]);
    return tablesIn(context, reading, read);
  });
  sheet.catch(() => undefined); // the store reads again, and says why if that fails too
  begun = {
    capabilities,
    register,
    sheet,
    watches,
    listen: (to) => {
      listener = to;
      for (const event of early.splice(0)) event(to);
    },
  };
  return begun;
}

/** The opening begun at start, for the store's first mount only. */
export function takeOpening(): Opening | undefined {
  const taken = begun;
  begun = undefined;
  return taken;
}
