/**
 * Requests that may fail for a part of what they read: a rule Excel cannot describe (office-js #6835, #6827,
 * #6396), a block of rows over Excel on the web's response payload limit, more than 512 merged areas. The
 * parts are read together in one sync; when that sync fails, each half is read on its own, down to the single
 * part, which may itself be split (a block of rows into two) or is reported as unreadable. An Excel that is
 * busy with the analyst's cell edit is not a part's fault: that failure goes straight up, so the action waits.
 */
import { isCellEditMode } from "./office-errors";

export type Outcome<Part, Result> =
  { part: Part; ok: true; result: Result } | { part: Part; ok: false; error: unknown };

export interface GuardedRead<Part, Result> {
  /** Queues the loads of one part; the function returned reads them after the sync. */
  queue: (part: Part) => () => Result;
  /** Two smaller parts, or undefined where the part cannot be split. */
  split?: (part: Part) => [Part, Part] | undefined;
}

export async function readGuarded<Part, Result>(
  context: Excel.RequestContext,
  parts: Part[],
  read: GuardedRead<Part, Result>
): Promise<Array<Outcome<Part, Result>>> {
  if (parts.length === 0) return [];
  const readers = parts.map(read.queue);
  try {
    await context.sync();
    return parts.map((part, index) => ({ part, ok: true, result: readers[index]() }));
  } catch (error) {
    if (isCellEditMode(error)) throw error;
    if (parts.length > 1) {
      const middle = Math.ceil(parts.length / 2);
      const first = await readGuarded(context, parts.slice(0, middle), read);
      return [...first, ...(await readGuarded(context, parts.slice(middle), read))];
    }
    const halves = read.split?.(parts[0]);
    if (halves)
      return [
        ...(await readGuarded(context, [halves[0]], read)),
        ...(await readGuarded(context, [halves[1]], read)),
      ];
    return [{ part: parts[0], ok: false, error }];
  }
}
