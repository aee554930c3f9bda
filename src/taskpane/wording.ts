/** The pane's sentences about what Excel could not do, in the analyst's words. */

/** Rules Excel could not describe (office-js #6835, #6396): the add-in leaves them, and says how to look. */
export function unreadableRulesNote(count: number): string | undefined {
  if (count === 0) return undefined;
  return `Excel could not describe ${count === 1 ? "one conditional format" : `${count} conditional formats`} on this sheet to the add-in, so ${count === 1 ? "it was" : "they were"} left as ${count === 1 ? "it is" : "they are"}. If ${count === 1 ? "it is" : "they are"} KPI RAG's (a rule duplicated in Manage Rules, or brought back with Undo), delete ${count === 1 ? "it" : "them"} in Home > Conditional Formatting > Manage Rules, or save and reopen the workbook, then apply again.`;
}
