// Reproducible build of the widget: one minified script, styles included.
import { build } from "esbuild";
import { statSync } from "node:fs";

await build({
  entryPoints: ["src/index.tsx"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outfile: "dist/handlevej.js",
  jsx: "automatic",
  jsxImportSource: "preact",
  loader: { ".css": "text", ".json": "json" },
  alias: { react: "preact/compat", "react-dom": "preact/compat", "react/jsx-runtime": "preact/jsx-runtime" },
  define: { "process.env.NODE_ENV": '"production"' },
  legalComments: "none",
  logLevel: "warning",
});
const size = statSync("dist/handlevej.js").size;
console.log(`widget: dist/handlevej.js ${(size / 1024).toFixed(1)} KiB`);
