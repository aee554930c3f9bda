/**
 * The task pane's entry point. The page it runs in is also the shared runtime of the custom functions:
 * functions.js has registered them before this script runs, and React comes in a chunk of its own loaded
 * after, so formulas never wait for React.
 */
void Office.onReady(async () => {
  const container = document.getElementById("container");
  if (!container) return;
  const [{ createRoot }, { App, themeOfOffice }] = await Promise.all([
    import(/* webpackChunkName: "pane" */ "react-dom/client"),
    import(/* webpackChunkName: "pane" */ "./App"),
  ]);
  createRoot(container).render(<App theme={themeOfOffice()} />);
});
