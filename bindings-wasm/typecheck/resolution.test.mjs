// The package's TypeScript types as a consumer resolves them: a temporary project (type: module)
// with the packed package in node_modules/workplan (bundlers/pack.mjs) and the files of this
// directory, checked by `tsc -p` with each tsconfig.*.json: moduleResolution bundler, node16 and
// NodeNext, each with lib ES2022 and DOM, strict, skipLibCheck false. Each check also asserts which
// declaration file of the package the setting resolved to, and a control shows that without the
// `Symbol.dispose` declaration (scripts/build-wasm) the ES2022 lib fails.
// Run: node --test typecheck/ (from bindings-wasm, after scripts/build-wasm).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { installPacked, packageDir } from "../bundlers/pack.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const tsc = path.join(packageDir, "node_modules", "typescript", "bin", "tsc");

/** The declaration file each setting must resolve `workplan` to (ES module consumer). */
const MODES = {
  bundler: "node_modules/workplan/pkg/web/workplan_wasm.d.ts",
  node16: "node_modules/workplan/pkg/node/workplan_wasm.d.mts",
  nodenext: "node_modules/workplan/pkg/node/workplan_wasm.d.mts",
};

let project;

/** Runs tsc in `dir`; returns its exit status and output. */
function runTsc(dir, ...args) {
  const result = spawnSync(process.execPath, [tsc, ...args], { cwd: dir, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The project's files that tsc read, relative to the project. */
function listed(output, dir) {
  return output.split("\n").filter((line) => line.startsWith(dir)).map((line) => path.relative(dir, line.trim()));
}

before(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "workplan-typecheck-"));
  installPacked(project);
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ private: true, type: "module" }));
  for (const file of fs.readdirSync(here)) {
    if (/\.(ts|cts|json)$/.test(file)) fs.copyFileSync(path.join(here, file), path.join(project, file));
  }
});

after(() => {
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

for (const [mode, declarations] of Object.entries(MODES)) {
  test(`tsc, moduleResolution ${mode}: workplan, workplan/fast and workplan/widget type-check`, () => {
    const config = JSON.parse(fs.readFileSync(path.join(here, `tsconfig.${mode}.json`), "utf8")).compilerOptions;
    assert.equal(config.moduleResolution.toLowerCase(), mode);
    assert.deepEqual(config.lib, ["ES2022", "DOM"]);
    assert.equal(config.skipLibCheck, false);
    assert.equal(config.strict, true);
    const { status, output } = runTsc(project, "-p", `tsconfig.${mode}.json`, "--listFiles");
    const files = listed(output, project);
    assert.equal(status, 0, output.split("\n").filter((line) => !line.startsWith("/")).join("\n"));
    assert.ok(files.includes(declarations), `resolved to ${declarations}: ${files.join(", ")}`);
    assert.ok(files.includes("node_modules/workplan/widget/workplan-progress.d.ts"), files.join(", "));
    const fast = declarations.replace("/pkg/", "/pkg/fast/");
    assert.ok(files.includes(fast), `workplan/fast resolved to ${fast}: ${files.join(", ")}`);
    if (mode !== "bundler") {
      // The CommonJS consumer (use-require.cts) gets the CommonJS declarations.
      assert.ok(files.includes("node_modules/workplan/pkg/node/workplan_wasm.d.ts"), files.join(", "));
    }
  });
}

test("control: without the package's Symbol.dispose declaration, lib ES2022 fails", () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "workplan-typecheck-control-"));
  try {
    fs.cpSync(project, copy, { recursive: true });
    // Both builds declare it (the speed build's declarations are read for workplan/fast).
    for (const build of ["pkg", "pkg/fast"]) {
      const web = path.join(copy, `node_modules/workplan/${build}/web/workplan_wasm.d.ts`);
      const text = fs.readFileSync(web, "utf8");
      const stripped = text.replace(/\ndeclare global \{\n  interface SymbolConstructor \{[\s\S]*?\n\}\n/, "\n");
      assert.notEqual(stripped, text, `the ${build} web declarations declare Symbol.dispose`);
      fs.writeFileSync(web, stripped);
    }
    const { status, output } = runTsc(copy, "-p", "tsconfig.bundler.json");
    assert.notEqual(status, 0);
    assert.match(output, /Property 'dispose' does not exist on type 'SymbolConstructor'/);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
