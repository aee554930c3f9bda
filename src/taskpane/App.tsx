/** The pane as Office shows it: the store's state drawn by the components, in Office's light or dark theme. */
import {
  FluentProvider,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import { Pane } from "./components/Pane";
import { usePane } from "./store";

/** Fluent's dark theme when Office's body background is dark, its light theme otherwise. */
export function themeOfOffice(): Theme {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  if (!background || !/^#?[0-9a-f]{6}$/i.test(background)) return webLightTheme;
  const hex = background.replace("#", "");
  const [red, green, blue] = [0, 2, 4].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 128 ? webDarkTheme : webLightTheme;
}

export function App({ theme }: { theme: Theme }) {
  const { state, actions } = usePane();
  return (
    <FluentProvider theme={theme}>
      <Pane state={state} actions={actions} />
    </FluentProvider>
  );
}
