// The page's script for Vite. `vite build` sees the glue's `new URL("workplan_wasm_bg.wasm",
// import.meta.url)`, writes the wasm into dist/assets with a content hash and rewrites the URL;
// the dev server serves it from node_modules. Nothing to configure.
import { loadWasm } from "workplan/widget";
import { version } from "workplan";

// The widget loads the wasm itself; await the same load before calling the library directly
// (a second `init()` at the same time would load a second copy).
await loadWasm();
document.getElementById("version").textContent = version();
