// What a Rust panic does in JS, shown with the test build that has `panicProbe()` (built by
// `scripts/build-wasm --probe` into pkg-probe/; the npm package has no such function).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const probeBuild = require.resolve("../pkg-probe/node/workplan_wasm.js");
const plan = '{"workplan": 1, "id": "p", "title": "P", "period": {"start": "2021-01-01", "end": "2021-12-31"}}';

/** A fresh instance of the test build. */
function fresh() {
  delete require.cache[probeBuild];
  return require(probeBuild);
}

test("a panic is thrown as an Error, and the module still works after it", (t) => {
  t.mock.method(console, "error", () => {}); // the panic hook reports the panic on the console
  const workplan = fresh();
  let caught;
  try {
    workplan.panicProbe("probe: an internal error");
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof Error, "a real Error");
  assert.ok(caught instanceof WebAssembly.RuntimeError);
  assert.equal(console.error.mock.callCount(), 1);
  assert.match(String(console.error.mock.calls[0].arguments[0]), /probe: an internal error/);
  assert.equal(workplan.Plan.fromJson(plan).id, "p");
  assert.throws(() => workplan.Plan.fromJson("{"), (error) => error.name === "ParseError" && error.code === "syntax_error");
});

test("a fresh instance is whole again after many panics", (t) => {
  t.mock.method(console, "error", () => {});
  let workplan = fresh();
  // Wasm cannot unwind a panic: each one leaves its frame on the module's stack, and after
  // enough of them the instance fails (RELIABILITY.md). A new instance starts clean.
  for (let i = 0; i < 50; i++) {
    assert.throws(() => workplan.panicProbe("again"), WebAssembly.RuntimeError);
  }
  workplan = fresh();
  assert.equal(workplan.Plan.fromJson(plan).validate().length, 0);
});
