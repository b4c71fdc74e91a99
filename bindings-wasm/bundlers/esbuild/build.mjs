// Two esbuild recipes for a page that imports `workplan` and `workplan/widget` (index.html loads
// dist/main.js). esbuild bundles the glue but does not see its `new URL("workplan_wasm_bg.wasm",
// import.meta.url)`, so on its own it leaves the wasm behind and the page gets a 404. Either:
//
// - copy the wasm next to the bundle (`buildCopyingWasm`, script main.js); or
// - import the wasm with the `file` loader and pass its address to `loadWasm` (`buildWithFileLoader`,
//   script main-file-loader.js); esbuild then writes it with a content hash.
//
// browser/bundlers.test.mjs runs both against a project with the packed package in
// node_modules/workplan, and loads the page in Chromium. Run by hand from a project:
// `node build.mjs [file-loader]`.
import * as esbuild from "esbuild";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Options both recipes share: one ES module (the glue needs `import.meta.url`), for browsers. */
const common = { bundle: true, format: "esm", platform: "browser", logLevel: "silent" };

/**
 * Bundles `<root>/main.js` into `<outdir>/main.js` and copies the package's wasm beside it.
 * @param {string} root the project (with node_modules/workplan)
 * @param {string} outdir
 */
export async function buildCopyingWasm(root, outdir) {
  const result = await esbuild.build({
    ...common,
    absWorkingDir: root,
    entryPoints: { main: "main.js" },
    outdir,
  });
  const wasm = createRequire(path.join(root, "package.json")).resolve("workplan/workplan_wasm_bg.wasm");
  fs.copyFileSync(wasm, path.join(outdir, "workplan_wasm_bg.wasm"));
  return result;
}

/**
 * Bundles `<root>/main-file-loader.js` into `<outdir>/main.js`; the `file` loader writes the wasm
 * into `outdir` under a hashed name, and the import gives its path relative to the bundle.
 * @param {string} root the project (with node_modules/workplan)
 * @param {string} outdir
 */
export async function buildWithFileLoader(root, outdir) {
  return esbuild.build({
    ...common,
    absWorkingDir: root,
    entryPoints: { main: "main-file-loader.js" },
    outdir,
    loader: { ".wasm": "file" },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = process.cwd();
  const build = process.argv[2] === "file-loader" ? buildWithFileLoader : buildCopyingWasm;
  await build(root, path.join(root, "dist"));
}
