// The two builds of the package: the size build (`workplan`) and the speed build (`workplan/fast`,
// scripts/build-wasm) give the same answers, byte for byte, on the examples (YAML and the same plan
// as JSON, which only the speed build reads through its fast path), a generated plan and a document
// with errors; and the objects of one build are refused by the other with a clear error.
// The whole suite also runs against the speed build (WORKPLAN_WASM_BUILD=fast, cargo xtask test-js).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { repo } from "./load.mjs";

const require = createRequire(import.meta.url);
// By the package's own name, as a consumer imports them (the `exports` of package.json).
const size = require("workplan");
const fast = require("workplan/fast");

const examples = path.join(repo, "examples", "london-councils");
const read = (name) => fs.readFileSync(path.join(examples, name), "utf8");

test("workplan and workplan/fast are two builds, each with its own wasm", () => {
  assert.notEqual(size.Plan, fast.Plan);
  assert.equal(size.version(), fast.version());
  const manifest = JSON.parse(fs.readFileSync(path.join(repo, "bindings-wasm", "package.json"), "utf8"));
  assert.equal(manifest.exports["./fast"].node.default.default, "./pkg/fast/node/workplan_wasm.js");
  assert.equal(manifest.exports["./fast"].default.default, "./pkg/fast/web/workplan_wasm.js");
});

for (const [name, returns] of [
  ["business-plan-2020-21.yaml", "business-plan-2020-21-updates.csv"],
  ["pledges-2019-2022.yaml", "pledges-2019-2022-updates.csv"],
]) {
  test(`both builds give the same validation and rollup of ${name}, from YAML and from JSON`, () => {
    const yaml = read(name);
    const updates = read(returns);
    const json = size.Plan.fromYaml(yaml).toJson();
    for (const [format, text] of [
      ["yaml", yaml],
      ["json", json],
    ]) {
      const load = (build) => (format === "yaml" ? build.Plan.fromYaml(text) : build.Plan.fromJson(text));
      const [a, b] = [load(size), load(fast)];
      assert.deepEqual(b.validate(), a.validate(), `${format}: validation`);
      for (const asOf of ["2020-12-31", "2021-03-31"]) {
        assert.deepEqual(b.rollup({ updates, asOf }), a.rollup({ updates, asOf }), `${format}: rollup at ${asOf}`);
      }
      assert.equal(b.toJson(), a.toJson(), `${format}: saved`);
      a.free();
      b.free();
    }
  });
}

test("both builds place the same findings and refuse the same bad documents, at the same places", () => {
  // A plan with findings (a due date after the plan ends, a duplicate id, a return for no item) as JSON:
  // the speed build places them with its offsets pass, the size build with the located tree.
  const text = JSON.stringify(
    {
      workplan: 1,
      id: "p",
      title: "P",
      period: { start: "2020-04-01", end: "2021-03-31" },
      items: [
        { id: "a", title: "A", due: "2022-01-01" },
        { id: "a", title: "Again", "x-note": { checked: -0 } },
      ],
      updates: [{ item: "nope", date: "2020-05-01", percent: 10 }],
    },
    null,
    2,
  );
  const [a, b] = [size.Plan.fromJson(text), fast.Plan.fromJson(text)];
  assert.ok(a.validate().length >= 3, "the findings are there to place");
  assert.deepEqual(b.validate(), a.validate());
  assert.equal(b.toJson(), a.toJson());
  for (const bad of ['{"workplan": 1, "id": "p", "title": "P", "period": {"start": "2020-04-01", "end": "2021-03-31"}, "tittle": 1}', '{"workplan": 1,\n  "items": [}']) {
    const error = (build) => {
      try {
        build.Plan.fromJson(bad);
      } catch (e) {
        return { message: e.message, code: e.code, line: e.line, column: e.column, path: e.path };
      }
      assert.fail("loaded a bad document");
    };
    assert.deepEqual(error(fast), error(size));
  }
});

test("a plan of one build refuses returns read by the other, with a clear error", () => {
  const plan = fast.Plan.fromYaml(read("pledges-2019-2022.yaml"));
  const updates = size.Updates.fromCsv(read("pledges-2019-2022-updates.csv"));
  assert.throws(() => plan.rollupWith(updates, { asOf: "2020-12-31" }), /expected instance of Updates/);
  plan.free();
  updates.free();
});
