// The size budget of the npm package for browsers: the wasm, the wasm-bindgen JS and the widget,
// each gzipped with `gzip -9` (as BENCHMARKS.md records them), as a browser downloads them.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { repo } from "./load.mjs";

/** Bytes, gzipped. The library alone (wasm + its JS), and with the widget. Raised from 306,000 and
 * 321,000 B for the table reader of returns (mapping, status words, every bad row at once, set-aside
 * rows, the reading findings) and the new rollup columns: 305.1 KB -> 328.4 KB for the library
 * (README.md, "Size" in bindings-wasm/README.md). The widget's share (package - library) raised
 * from 16,000 to 30,000 B for issue 17: its modules went from 15.8 KB to 28.4 KB with the strings
 * table (every word, for other languages), the light and dark colour table, coverage and status
 * source on every row, the heat map's key, CSV download, print and lazily built subtrees. The library
 * raised from 331,000 to 340,000 B for numbers people read correctly: coverage on every row, the
 * plain-language lead of explanations with the member summary, and returns refused with their codes
 * (328.4 KB -> 338.2 KB; dates in words are written out, not with chrono's strftime, which alone
 * would have added 4.7 KB more). Raised by 250 B for `formatPercent`, the library's one percentage
 * formatter, which the widget and Python now use too (measured: +85 B wasm, +165 B JS). Raised to
 * 346,500 B for one contract across the faces: the typed API errors with their fields (ApiError,
 * ~3 KB of code before compression), `x-` keys read flat by the model's own serde code (the reader
 * of extension data with its duplicate-key check, the map of gathered keys), the typed diagnostic
 * codes and explanation enums: 340.0 KB -> 346.0 KB. */
const BUDGET = { library: 346_500, package: 346_500 + 30_000 };

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
