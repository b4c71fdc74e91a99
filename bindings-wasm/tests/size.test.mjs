// The size budget of the npm package for browsers: the wasm, the wasm-bindgen JS and the widget,
// each gzipped with `gzip -9` (as BENCHMARKS.md records them), as a browser downloads them.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { repo } from "./load.mjs";

/** Bytes, gzipped. The library alone (wasm + its JS) and the package (with the widget's modules,
 * each gzipped alone, as a browser fetches them: they share no dictionary); and the speed build
 * (`workplan/fast`), which a page loads instead of the library when it wants speed over size.
 * Today's sizes and what each part costs are in BENCHMARKS.md ("Package sizes", "Size against
 * speed in the wasm"); a budget is raised only with the reason recorded there and in CHANGELOG.md. */
const BUDGET = { library: 389_000, package: 389_000 + 42_000, fast: 544_000 };

const gzipped = (file) => {
  const full = path.join(repo, "bindings-wasm", file);
  assert.ok(fs.existsSync(full), `${file} is missing: run scripts/build-wasm`);
  return execFileSync("gzip", ["-9", "-c", full], { maxBuffer: 64 << 20 }).length;
};

test("the package for browsers stays within its size budget, gzipped", (t) => {
  const sizes = {
    wasm: gzipped("pkg/web/workplan_wasm_bg.wasm"),
    js: gzipped("pkg/web/workplan_wasm.js"),
    // Every module of the widget, each gzipped on its own (as a browser fetches them).
    widget: fs
      .readdirSync(path.join(repo, "bindings-wasm", "widget"))
      .filter((name) => name.endsWith(".js"))
      .reduce((sum, name) => sum + gzipped(`widget/${name}`), 0),
  };
  const library = sizes.wasm + sizes.js;
  const total = library + sizes.widget;
  t.diagnostic(`gzipped: wasm ${sizes.wasm} B, JS ${sizes.js} B, widget ${sizes.widget} B; library ${library} B, package ${total} B`);
  assert.ok(library < BUDGET.library, `wasm + JS is ${library} B gzipped, over the budget of ${BUDGET.library} B`);
  assert.ok(total < BUDGET.package, `wasm + JS + widget is ${total} B gzipped, over the budget of ${BUDGET.package} B`);
});

test("the speed build (workplan/fast) stays within its size budget, gzipped", (t) => {
  const fast = gzipped("pkg/fast/web/workplan_wasm_bg.wasm") + gzipped("pkg/fast/web/workplan_wasm.js");
  t.diagnostic(`gzipped: the speed build's wasm + JS ${fast} B`);
  assert.ok(fast < BUDGET.fast, `the speed build's wasm + JS is ${fast} B gzipped, over the budget of ${BUDGET.fast} B`);
});
