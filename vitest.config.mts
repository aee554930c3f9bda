/**
 * Three test projects:
 *   unit      Node: the core, the Office.js adapters against the simulated host, the functions, the CLI.
 *   taskpane  jsdom: the React pane.
 *   browser   Node driving a real Chromium (playwright-core) against the built dist/; slow.
 * `npx vitest run --project unit` runs one of them; `npm run test:browser` runs test/browser only.
 * A project with no test files yet passes (passWithNoTests).
 */
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    passWithNoTests: true,
    // Property tests and host scenarios do real work: on a loaded two-core CI machine the default 5 s
    // fails them at random. Speed is measured in the benchmark, never by a test's timeout.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["test/**/*.test.{ts,tsx}"],
          exclude: [...configDefaults.exclude, "test/taskpane/**", "test/browser/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "taskpane",
          environment: "jsdom",
          include: ["test/taskpane/**/*.test.{ts,tsx}"],
          // Testing Library unmounts after each test only when afterEach is a global.
          globals: true,
          setupFiles: ["test/taskpane/setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          environment: "node",
          include: ["test/browser/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
