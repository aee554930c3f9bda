/**
 * The task pane's entry point. The page it runs in is also the shared runtime of the custom functions:
 * functions.js has registered them before this script runs, so formulas never wait for React.
 */
import { createRoot } from "react-dom/client";
import { App, themeOfOffice } from "./App";

void Office.onReady(() => {
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<App theme={themeOfOffice()} />);
});
