// The page's script for the esbuild recipe with the `file` loader (build.mjs,
// `buildWithFileLoader`): importing the wasm gives its address relative to the bundle, and
// `loadWasm(url)` loads it from there. Call it in the module's first statements, before the
// widget's first render.
import { loadWasm } from "workplan/widget";
import { version } from "workplan";
import wasmPath from "workplan/workplan_wasm_bg.wasm";

await loadWasm(new URL(wasmPath, import.meta.url));
document.getElementById("version").textContent = version();
