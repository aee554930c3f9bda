/**
 * The task pane's entry point. The page it runs in is also the shared runtime of the custom functions:
 * functions.js has registered them before this script runs, and React comes in a chunk of its own loaded
 * after, so formulas never wait for React. The pane's first questions to Excel (opening.ts, in this script)
 * go as soon as Office is ready, before the pane's chunk is even loaded: Excel answers while the page loads
 * and builds React and the views.
 */
import { beginOpening } from "./opening";

void Office.onReady(async () => {
  const container = document.getElementById("container");
  if (!container) return;
  beginOpening();
  const { createRoot } = await import(/* webpackChunkName: "pane" */ "react-dom/client");
  await new Promise((resolve) => setTimeout(resolve, 0));
  const { App, themeOfOffice } = await import(/* webpackChunkName: "pane" */ "./App");
  createRoot(container).render(<App theme={themeOfOffice()} />);
});
