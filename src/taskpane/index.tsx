/**
 * The task pane's entry point. The page it runs in is also the shared runtime of the custom functions:
 * functions.js has registered them before this script runs, and React comes in a chunk of its own loaded
 * after, so formulas never wait for React. The chunk is asked for at once and its modules are built while
 * Office starts (office.js fetches its host's scripts, then says it is ready): that wait is otherwise idle. The
 * pane's first questions to Excel (opening.ts, in this script) go as soon as Office is ready: Excel answers
 * while the page builds the pane and its views.
 */
import { beginOpening } from "./opening";

// Nothing in the chunk's modules touches Office or Excel until the pane is drawn.
const chunk = Promise.all([
  import(/* webpackChunkName: "pane" */ "react-dom/client"),
  import(/* webpackChunkName: "pane" */ "./App"),
]);
chunk.catch(() => undefined); // reported below, once Office is ready and there is a page to draw in

void Office.onReady(async () => {
  const container = document.getElementById("container");
  if (!container) return;
  beginOpening();
  const [{ createRoot }, { App, themeOfOffice }] = await chunk;
  createRoot(container).render(<App theme={themeOfOffice()} />);
});
