/**
 * The task pane's entry point: a placeholder until the pane arrives. The page it runs in is also
 * the shared runtime of the custom functions, which functions.js registers before this script runs.
 */
import { FluentProvider, Text, Title1, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

function Placeholder() {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: "16px" }}>
      <Title1 as="h1">KPI RAG</Title1>
      <Text as="p" block>
        The task pane arrives in a later release.
      </Text>
    </FluentProvider>
  );
}

void Office.onReady(() => {
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<Placeholder />);
});
