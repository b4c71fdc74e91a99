// Installs the npm package as a user gets it: `npm pack` of bindings-wasm (so only the files the
// package.json `files` list ships), extracted into `<project>/node_modules/workplan`. Used by the
// bundler and plain-page tests (browser/bundlers.test.mjs) and the TypeScript resolution checks
// (typecheck/resolution.test.mjs). Needs the wasm build (scripts/build-wasm).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The directory of the package (bindings-wasm). */
export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Fails with the command to run when the wasm build is missing. */
export function requireBuild() {
  for (const file of ["pkg/web/workplan_wasm.js", "pkg/web/workplan_wasm_bg.wasm", "pkg/node/workplan_wasm.mjs"]) {
    if (!fs.existsSync(path.join(packageDir, file))) {
      throw new Error(`bindings-wasm/${file} is missing: run scripts/build-wasm from the repository root first`);
    }
  }
}

/**
 * Packs the package into a new temporary directory and extracts it into
 * `<project>/node_modules/workplan`. Returns the paths the tarball holds (relative to the package).
 * @param {string} project
 * @returns {string[]}
 */
export function installPacked(project) {
  requireBuild();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "workplan-pack-"));
  try {
    const output = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", scratch], {
      cwd: packageDir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const [packed] = JSON.parse(output);
    const target = path.join(project, "node_modules", "workplan");
    fs.mkdirSync(target, { recursive: true });
    execFileSync("tar", ["-xzf", path.join(scratch, packed.filename), "-C", target, "--strip-components=1"]);
    return packed.files.map((file) => file.path);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Every file the package.json `exports` map points at, as paths relative to the package.
 * @param {unknown} entry an `exports` value
 * @returns {string[]}
 */
export function exportTargets(entry) {
  if (typeof entry === "string") return [entry.replace(/^\.\//, "")];
  if (entry && typeof entry === "object") return Object.values(entry).flatMap(exportTargets);
  return [];
}
