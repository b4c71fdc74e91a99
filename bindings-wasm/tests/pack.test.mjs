// What the npm package ships: `npm pack --dry-run --json` lists exactly the wasm builds (size and
// speed) for browsers and Node (wasm, JS, declarations), the widget's modules and declarations, the README and
// both licence texts, and nothing else (no tests, Rust sources, node_modules or the panic-probe
// build). The licence texts are copies of the repository's (npm does not pack symbolic links).
// Run: node --test tests/ (from bindings-wasm, after scripts/build-wasm).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { packageDir, requireBuild } from "../bundlers/pack.mjs";
import { repo } from "./load.mjs";

const LICENCES = ["LICENSE-MIT", "LICENSE-APACHE"];

/** The wasm-bindgen output for each target, with what scripts/build-wasm adds. */
const BUILDS = {
  "pkg/web": ["package.json", "workplan_wasm.js", "workplan_wasm.d.ts", "workplan_wasm_bg.wasm", "workplan_wasm_bg.wasm.d.ts"],
  "pkg/node": [
    "package.json",
    "workplan_wasm.js",
    "workplan_wasm.d.ts",
    "workplan_wasm.mjs",
    "workplan_wasm.d.mts",
    "workplan_wasm_bg.wasm",
    "workplan_wasm_bg.wasm.d.ts",
  ],
};
// The speed build (`workplan/fast`) has the same files.
BUILDS["pkg/fast/web"] = BUILDS["pkg/web"];
BUILDS["pkg/fast/node"] = BUILDS["pkg/node"];

/** Paths that must never be in the package, each with what it is. */
const STRAY = [
  [/(^|\/)tests?\//, "tests"],
  [/(^|\/)node_modules\//, "node_modules"],
  [/^pkg-probe\//, "the panic-probe test build"],
  [/^(src|browser|bundlers|typecheck|types)\//, "sources and test projects"],
  [/\.(rs|toml|lock)$|^package-lock\.json$/, "Rust sources or lock files"],
  [/^tsconfig/, "TypeScript project files"],
  [/\.test\.m?js$|-check\.ts$/, "tests"],
];

/** The paths `npm pack` would put in the tarball, relative to the package. */
function packed() {
  requireBuild();
  const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: packageDir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [pack] = JSON.parse(output);
  return pack.files.map((file) => file.path).sort();
}

test("npm pack ships exactly the builds, the widget, the README and the licences", () => {
  const files = packed();
  const widget = fs.readdirSync(path.join(packageDir, "widget")).map((file) => `widget/${file}`);
  for (const file of widget) {
    assert.match(file, /\.(js|d\.ts|json)$/, `${file}: the widget directory holds only modules, declarations and package.json`);
  }
  const expected = [
    "package.json",
    "README.md",
    ...LICENCES,
    ...Object.entries(BUILDS).flatMap(([dir, names]) => names.map((name) => `${dir}/${name}`)),
    ...widget,
  ].sort();
  for (const file of files) {
    for (const [pattern, what] of STRAY) assert.doesNotMatch(file, pattern, `${file} is in the package (${what})`);
  }
  assert.deepEqual(files, expected);
});

test("every module of the widget is imported from workplan-progress.js, and its imports have no cycle", () => {
  const dir = path.join(packageDir, "widget");
  const modules = fs.readdirSync(dir).filter((file) => file.endsWith(".js")).sort();
  /** The widget modules a module imports (static `import ... from "./x.js"` and `export ... from`). */
  const importsOf = (file) =>
    [...fs.readFileSync(path.join(dir, file), "utf8").matchAll(/^(?:import|export)\s[^;]*?from\s+"\.\/([\w-]+\.js)";/gms)].map((m) => m[1]);
  const reached = new Set();
  /** Walks the imports depth first; `chain` holds the modules that led to `file`. */
  const walk = (file, chain) => {
    assert.ok(modules.includes(file), `${chain.join(" -> ")} imports ./${file}, which is not in widget/`);
    assert.ok(!chain.includes(file), `import cycle: ${[...chain, file].join(" -> ")}`);
    if (reached.has(file)) return;
    for (const next of importsOf(file)) walk(next, [...chain, file]);
    reached.add(file);
  };
  walk("workplan-progress.js", []);
  assert.deepEqual([...reached].sort(), modules, "a module in widget/ that the element never imports would ship unused");
});

test("the package carries both licence texts, the repository's own, and says so in package.json", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8"));
  assert.equal(manifest.license, "MIT OR Apache-2.0");
  for (const name of LICENCES) {
    assert.ok(manifest.files.includes(name), `package.json "files" lists ${name}`);
    const copy = path.join(packageDir, name);
    assert.ok(fs.lstatSync(copy).isFile(), `bindings-wasm/${name} is a file, not a link (npm skips links)`);
    assert.equal(fs.readFileSync(copy, "utf8"), fs.readFileSync(path.join(repo, name), "utf8"), `bindings-wasm/${name} differs from ${name}`);
  }
});
