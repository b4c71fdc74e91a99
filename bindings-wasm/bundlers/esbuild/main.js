// The page's script for the esbuild recipe that copies the wasm next to the bundle (build.mjs,
// `buildCopyingWasm`): the glue finds it with `new URL("workplan_wasm_bg.wasm", import.meta.url)`,
// and `import.meta.url` is the bundle's address.
import { loadWasm } from "workplan/widget";
import { version } from "workplan";

// The widget loads the wasm itself; await the same load before calling the library directly
// (a second `init()` at the same time would load a second copy).
await loadWasm();
document.getElementById("version").textContent = version();
