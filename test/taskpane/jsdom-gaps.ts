/**
 * Two things a browser has and jsdom lacks, filled in so keyboard tests exercise the real Fluent code:
 *
 * - Layout. Fluent moves focus with tabster, which skips any element it thinks is not shown: one whose
 *   offsetParent is null, or any element at all when <body> has no size. jsdom lays nothing out, so to
 *   tabster every button is hidden and Tab lands on <body>. Here an element is shown unless it or an
 *   ancestor is display:none or hidden, and the body has a pane's size.
 * - CSS.escape, which user-event uses to find a radio button's group when an arrow key moves through it.
 */
let installed = false;

function isShown(element: HTMLElement): boolean {
  if (element.hidden || getComputedStyle(element).display === "none") return false;
  return element.parentElement === null || isShown(element.parentElement);
}

export function fillJsdomGaps(): void {
  if (installed) return;
  installed = true;

  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement): Element | null {
      return isShown(this) ? this.parentElement : null;
    },
  });
  HTMLBodyElement.prototype.getBoundingClientRect = function paneSized(): DOMRect {
    return DOMRect.fromRect({ x: 0, y: 0, width: 350, height: 800 });
  };

  const css = (globalThis.CSS ?? {}) as { escape?: (value: string) => string };
  css.escape ??= (value: string): string =>
    value.replace(/[^\w-]/g, (character) => `\\${character}`);
  globalThis.CSS = css as typeof CSS;
}
