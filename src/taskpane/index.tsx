/**
 * The task pane's entry point. The page it runs in is also the shared runtime of the custom functions:
 * functions.js has registered them before this script runs, so formulas never wait for React.
 */
import { FluentProvider, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { Pane } from "./components/Pane";
import { usePane } from "./store";

/** Fluent's dark theme when Office's body background is dark, its light theme otherwise. */
function themeOfOffice(): Theme {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  if (!background || !/^#?[0-9a-f]{6}$/i.test(background)) return webLightTheme;
  const hex = background.replace("#", "");
  const [red, green, blue] = [0, 2, 4].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 128 ? webDarkTheme : webLightTheme;
}

function App({ theme }: { theme: Theme }) {
  const { state, actions } = usePane();
  return (
    <FluentProvider theme={theme}>
      <Pane state={state} actions={actions} />
    </FluentProvider>
  );
}

void Office.onReady(() => {
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<App theme={themeOfOffice()} />);
});
