/** kpi-rag from its TypeScript sources as a process of its own, for tests that signal or kill it. */
import { main } from "../../src/cli/main";

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
