// Loads the Node build of the package (the real wasm, built by scripts/build-wasm): the size build
// (the package's main entry), or the speed build (`workplan/fast`) when WORKPLAN_WASM_BUILD=fast.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

const require = createRequire(import.meta.url);
export const build = process.env.WORKPLAN_WASM_BUILD === "fast" ? "fast" : "size";
export const workplan = require(build === "fast" ? "../pkg/fast/node/workplan_wasm.js" : "../pkg/node/workplan_wasm.js");
export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
