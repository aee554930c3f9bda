/** The bench's baseline page: React and one Fluent UI button, what any Fluent pane costs before its own work. */
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

const container = document.getElementById("container");
if (container)
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <main>
        <Button appearance="primary">Apply RAG formatting</Button>
      </main>
    </FluentProvider>
  );
