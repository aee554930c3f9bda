// Builds the add-in into dist/: the shared-runtime page (taskpane.html), its scripts (functions.js,
// the custom functions and the page's one webpack runtime; taskpane.js, the pane's start, which loads
// pane.js, the React pane, after the functions are registered), functions.json (the functions'
// metadata, generated from the JSDoc in src/functions/functions.ts), the icons and the manifest.
//
//   npm run build        production build; URLs in dist/manifest.xml point at the production host
//   npm run build:dev    development build; the manifest keeps https://localhost:<port>/
//   npm run dev-server   serves the development build over https on config.dev_server_port
//
// The production host is package.json "config.production_url" (set it to where dist/ is
// deployed, with a trailing slash), or the environment variable KPI_RAG_PRODUCTION_URL.
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const pkg = require("./package.json");

const devPort = Number(
  process.env.npm_package_config_dev_server_port || pkg.config.dev_server_port || 3000
);
const functionsSource = "./src/functions/functions.ts";

/** The production URL, normalised to end with "/". */
function productionUrl() {
  const raw = process.env.KPI_RAG_PRODUCTION_URL || pkg.config.production_url;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `KPI RAG: the production URL ${JSON.stringify(raw)} is not a URL (set package.json config.production_url or KPI_RAG_PRODUCTION_URL)`
    );
  }
  if (url.protocol !== "https:")
    throw new Error(`KPI RAG: the production URL ${url.href} must use https`);
  if (/(^|\.)example\.(org|com|net)$/.test(url.hostname)) {
    console.warn(
      `KPI RAG: dist/manifest.xml points at the placeholder ${url.href}; set package.json config.production_url or KPI_RAG_PRODUCTION_URL before deploying.`
    );
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Rewrites every development URL in the manifest (https://localhost:3000/..., whatever the port)
 * to the production URL, and the bare development origin (the AppDomain) to the production origin.
 */
function toProduction(content, prodUrl) {
  const prodOrigin = new URL(prodUrl).origin;
  return content
    .toString("utf8")
    .replace(/https:\/\/localhost(?::\d+)?\//g, prodUrl)
    .replace(/https:\/\/localhost(?::\d+)?(?![\w.:/-])/g, prodOrigin);
}

/**
 * HTTPS options for the dev server: Office's trusted development certificate when
 * office-addin-dev-certs is installed (or its certificates are already in ~/.office-addin-dev-certs),
 * otherwise undefined, and webpack-dev-server makes a self-signed one (Office will not trust it
 * until you do).
 */
async function devHttpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    if (error && error.code !== "MODULE_NOT_FOUND") {
      console.warn(
        `KPI RAG: office-addin-dev-certs could not provide a certificate: ${error.message || error}`
      );
    }
  }
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", key: "localhost.key", cert: "localhost.crt" };
  if (Object.values(files).every((file) => fs.existsSync(path.join(dir, file)))) {
    return Object.fromEntries(
      Object.entries(files).map(([k, file]) => [k, fs.readFileSync(path.join(dir, file))])
    );
  }
  console.warn(
    "KPI RAG: no Office development certificate found; serving with a self-signed one. " +
      "Run `npx office-addin-dev-certs install` once to have Office trust https://localhost."
  );
  return undefined;
}

/** Rewrites functions.json's help addresses (from the functions' @helpurl) to the production URL, as the manifest's. */
class ProductionFunctionsJson {
  constructor(prodUrl) {
    this.prodUrl = prodUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ProductionFunctionsJson", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "ProductionFunctionsJson",
          stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE,
        },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          compilation.updateAsset(
            "functions.json",
            new compiler.webpack.sources.RawSource(
              toProduction(asset.source.source(), this.prodUrl)
            )
          );
        }
      );
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const prodUrl = dev ? undefined : productionUrl();

  return {
    mode: dev ? "development" : "production",
    target: "web",
    devtool: dev ? "source-map" : false,
    entry: {
      functions: functionsSource,
      // The pane reuses what functions.js has loaded (the core, the register, the runtime): once in the page.
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].js",
      // Chunks load from beside the page; never from a guessed script URL (Excel's runtime has no document.currentScript).
      publicPath: "",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          // The core is pure: importing it from its index must pull in only the modules a script uses, so
          // functions.js holds what the functions need and the pane's chunk the rest, each module once.
          test: /src[\\/]core[\\/]/,
          sideEffects: false,
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `tsc --noEmit` in `npm run lint`; webpack only transpiles.
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              compilerOptions: { noEmit: false, sourceMap: dev },
            },
          },
        },
      ],
    },
    optimization: {
      // functions.js registers the custom functions on its own, with no runtime or vendor chunk to load
      // first: it carries the page's one webpack runtime, and the pane's chunks are loaded after it. The
      // benchmark comparisons, which KPI.COMPARE and a benchmark-target KPI.RATE load when first asked and
      // the pane uses too, are one chunk of their own (comparisons.js), so neither script carries a copy.
      splitChunks: {
        chunks: "async",
        cacheGroups: {
          default: false,
          defaultVendors: false,
          comparisons: {
            test: /[\\/]src[\\/]core[\\/]rating[\\/](benchmarks|benchmark-rating|benchmark-names|shown-figures)\.ts$/,
            name: "comparisons",
            chunks: "async",
            enforce: true,
          },
          // The built-in catalogue and the building of the register from it and the KPIRegister table: the
          // functions load it when a formula first names a KPI; the pane needs it from the start.
          catalogue: {
            test: /[\\/]src[\\/]core[\\/]register[\\/](register-reading|catalogue)\.ts$/,
            name: "catalogue",
            chunks: "async",
            enforce: true,
          },
          // Direction of travel: KPI.TREND loads it when first asked; the pane's report needs it from the start.
          trend: {
            test: /[\\/]src[\\/]core[\\/]rating[\\/]trend\.ts$/,
            name: "trend",
            chunks: "async",
            enforce: true,
          },
          // Reading a KPISettings table (or a scheme taught in KPIWords): loaded only by a workbook that has one.
          settings: {
            test: /[\\/]src[\\/]core[\\/]register[\\/]settings\.ts$/,
            name: "settings",
            chunks: "async",
            enforce: true,
          },
        },
      },
      runtimeChunk: false,
      // Ids and export names that stay put while a module is unchanged: pane.js and comparisons.js reach
      // modules in functions.js by them, and Excel may cache one script of a deployment longer than another.
      moduleIds: dev ? "named" : "deterministic",
      mangleExports: dev ? false : "deterministic",
    },
    performance: {
      // React and Fluent UI make the pane a little over the default 244 KiB hint.
      maxEntrypointSize: 2 * 1024 * 1024,
      maxAssetSize: 2 * 1024 * 1024,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        input: functionsSource,
        output: "functions.json",
      }),
      ...(prodUrl ? [new ProductionFunctionsJson(prodUrl)] : []),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The functions first, so they are registered before React loads.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        inject: "body",
        scriptLoading: "blocking",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "src/support.html", to: "support.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (prodUrl ? toProduction(content, prodUrl) : content),
          },
        ],
      }),
    ],
    devServer: {
      port: devPort,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options: env.WEBPACK_SERVE ? await devHttpsOptions() : undefined,
      },
      static: false,
    },
  };
};
