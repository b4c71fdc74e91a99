// Loads the Node build of the package (the real wasm, built by scripts/build-wasm).
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

const require = createRequire(import.meta.url);
export const workplan = require("../pkg/node/workplan_wasm.js");
export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
