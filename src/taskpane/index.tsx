/**
 * The task pane's entry point. The page it runs in is also the shared runtime of the custom functions:
 * functions.js has registered them before this script runs, and React comes in a chunk of its own loaded
 * after, so formulas never wait for React. The pane's first questions to Excel (opening.ts) go before React
 * and the views are built, and their answers are taken in between building React and the views.
 */
void Office.onReady(async () => {
  const container = document.getElementById("container");
  if (!container) return;
  const { beginOpening } = await import(/* webpackChunkName: "pane" */ "./opening");
  beginOpening();
  const { createRoot } = await import(/* webpackChunkName: "pane" */ "react-dom/client");
  await new Promise((resolve) => setTimeout(resolve, 0));
  const { App, themeOfOffice } = await import(/* webpackChunkName: "pane" */ "./App");
  createRoot(container).render(<App theme={themeOfOffice()} />);
});
