// ESLint 9 flat config. `npm run lint` runs this and then `tsc --noEmit` (the type check).
//   - JavaScript: eslint's recommended rules.
//   - TypeScript: typescript-eslint's recommended rules, plus every rule of
//     eslint-plugin-office-addins (Office.js load/sync mistakes) as an error where Office.js runs.
//   - src/core must stay pure: no packages, no Node, no DOM, no Office.js, nothing of ours outside it.
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Every office-addins rule, as an error: the plugin's own presets make some of them warnings. */
const officeAddinsRules = Object.fromEntries(
  Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, "error"])
);

export default defineConfig([
  globalIgnores(["dist/", "lib/", "node_modules/", "coverage/", "test-results/", ".scratch/"]),

  js.configs.recommended,

  {
    name: "kpi-rag/typescript",
    files: ["**/*.{ts,tsx,mts,cts}"],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },

  {
    name: "kpi-rag/office-js",
    // Where Office.js runs (PRODUCT.md's layout) and the tests that drive that code against the
    // simulated host. Not src/cli, bench, scripts or their tests: they use ExcelJS, whose
    // `cell.value` is a plain property that these rules would mistake for an Office.js proxy read.
    files: ["{src,test}/{excel,functions,taskpane}/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinsRules,
  },

  {
    name: "kpi-rag/node-commonjs",
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
  {
    name: "kpi-rag/node-esm",
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },

  {
    name: "kpi-rag/pure-core",
    files: ["src/core/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^[^.]",
              message:
                "src/core is pure TypeScript: it imports no packages and no Node, DOM or Office.js APIs.",
            },
            {
              regex: "(^|/)\\.\\./(excel|functions|taskpane|cli)(/|$)",
              message:
                "Dependencies point inwards: src/core imports nothing of ours outside src/core.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "CustomFunctions", "OfficeRuntime", "OfficeExtension"].map(
          (name) => ({
            name,
            message: "src/core must not use Office.js; put it in src/excel or src/functions.",
          })
        ),
        ...[
          "window",
          "document",
          "navigator",
          "localStorage",
          "sessionStorage",
          "fetch",
          "XMLHttpRequest",
        ].map((name) => ({
          name,
          message: "src/core must not use the DOM or the network.",
        })),
        ...["process", "require", "module", "Buffer", "__dirname", "__filename"].map((name) => ({
          name,
          message: "src/core must not use Node APIs; put it in src/cli.",
        })),
      ],
    },
  },

  {
    name: "kpi-rag/custom-functions",
    files: ["src/functions/**/*.ts"],
    rules: {
      // A parameter typed `any` is how custom-functions-metadata declares "any cell value".
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    name: "kpi-rag/simulated-host",
    files: ["test/support/**/*.ts"],
    rules: {
      // The simulated Excel host implements Office.js's own signatures, which are typed `any`
      // (Range.values: any[][]).
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
]);
