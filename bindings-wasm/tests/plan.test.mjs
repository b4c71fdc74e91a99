// The JS face: loading, saving, errors as real Error objects.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { workplan, repo } from "./load.mjs";

const examples = path.join(repo, "examples", "london-councils");
const HEADER = "workplan: 1\nid: demo\ntitle: Demo\nperiod: {start: 2020-04-01, end: 2021-03-31}\n";

function thrown(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  assert.fail("expected an error");
}

test("the London Councils examples load and round-trip", () => {
  for (const name of ["business-plan-2020-21.yaml", "business-plan-2020-21-draft-2020-03-03.yaml", "pledges-2019-2022.yaml"]) {
    const plan = workplan.Plan.fromYaml(fs.readFileSync(path.join(examples, name), "utf8"));
    assert.equal(workplan.Plan.fromYaml(plan.toYaml()).toJson(), plan.toJson(), name);
    assert.equal(workplan.Plan.fromObject(plan.toObject()).toJson(), plan.toJson(), name);
  }
  const plan = workplan.Plan.fromYaml(fs.readFileSync(path.join(examples, "business-plan-2020-21.yaml"), "utf8"));
  assert.deepEqual(plan.summary().levels.map((l) => l.items), [11, 33, 145, 13]);
  assert.equal(plan.id, "business-plan-2020-21");
  const updates = workplan.Updates.fromCsv(fs.readFileSync(path.join(examples, "business-plan-2020-21-updates.csv"), "utf8"));
  assert.ok(updates.length > 200);
});

test("a wrong key throws a ParseError naming the key, the place and the nearest key", () => {
  const error = thrown(() => workplan.Plan.fromYaml(HEADER + "items:\n  - id: a\n    tittle: Typo\n"));
  assert.ok(error instanceof Error);
  assert.equal(error.message, "unknown field `tittle` at /items/0, did you mean `title`?");
  assert.deepEqual([error.code, error.path, error.line, error.column], ["unknown_field", ["items", 0], 7, 5]);
});

test("a bad date, a string for a number and a syntax error have paths and positions", () => {
  const date = thrown(() => workplan.Plan.fromYaml(HEADER + "items:\n  - {id: a, title: A, due: 2021-02-30}\n"));
  assert.deepEqual([date.code, date.path, date.line, date.column], ["invalid_value", ["items", 0, "due"], 6, 28]);
  const number = thrown(() =>
    workplan.Plan.fromJson(
      '{"workplan": 1, "id": "d", "title": "D", "period": {"start": "2020-01-01", "end": "2020-12-31"},\n' +
        ' "items": [{"id": "a", "title": "A", "weight": "heavy"}]}',
    ),
  );
  assert.deepEqual([number.code, number.path, number.line, number.column], ["wrong_type", ["items", 0, "weight"], 2, 48]);
  const syntax = thrown(() => workplan.Plan.fromJson('{"workplan": 1,\n "id": "x"\n "title": "X"}'));
  assert.deepEqual([syntax.code, syntax.line, syntax.column], ["syntax_error", 3, 2]);
});

test("fromObject errors carry the path and no position", () => {
  const error = thrown(() =>
    workplan.Plan.fromObject({ workplan: 1, id: "d", title: "D", period: { start: "2020-01-01", end: "2020-12-31" }, items: [{ id: "a" }] }),
  );
  assert.deepEqual([error.code, error.path, error.line, error.column], ["missing_field", ["items", 0], null, null]);
});

test("an unknown format name is an UnknownWordError, not a thrown string", () => {
  const error = thrown(() => workplan.Plan.fromBytes(new Uint8Array([123, 125]), "toml"));
  assert.ok(error instanceof Error);
  assert.deepEqual([error.name, error.code, error.word], ["UnknownWordError", "unknown_word", "toml"]);
  assert.equal(error.message, "`toml` is not a format: expected one of json, yaml, csv");
});

test("extension keys survive a round trip", () => {
  const plan = workplan.Plan.fromYaml(HEADER + "x-owner: {team: policy}\nitems:\n  - {id: a, title: A, x-rag: amber}\n");
  const data = plan.toObject();
  assert.deepEqual(data["x-owner"], { team: "policy" });
  assert.equal(data.items[0]["x-rag"], "amber");
});

test("the schema and version are exposed", () => {
  assert.equal(workplan.schema().title, "Plan");
  const cargo = fs.readFileSync(path.join(repo, "Cargo.toml"), "utf8");
  assert.ok(cargo.includes(`version = "${workplan.version()}"`));
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, "bindings-wasm", "package.json"), "utf8"));
  assert.equal(pkg.version, workplan.version());
});
