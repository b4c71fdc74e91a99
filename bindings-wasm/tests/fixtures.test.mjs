// Replays the shared conformance corpus in tests/fixtures/ (see its README): the JS face must give
// exactly the answers the Rust and Python faces give.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { workplan, repo } from "./load.mjs";

const fixtures = path.join(repo, "tests", "fixtures");
const cases = fs
  .readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

test("the corpus is there", () => {
  assert.ok(cases.length >= 30, `only ${cases.length} cases`);
});

/** RFC 6901 pointer of a path array. */
function pointer(segments) {
  return segments.map((s) => "/" + String(s).replaceAll("~", "~0").replaceAll("/", "~1")).join("");
}

for (const name of cases) {
  test(name, () => {
    const dir = path.join(fixtures, name);
    const spec = JSON.parse(fs.readFileSync(path.join(dir, "case.json"), "utf8"));
    const inputs = fs.readdirSync(dir).filter((f) => /^(plan|updates)\./.test(f));
    assert.equal(inputs.length, 1);
    const input = inputs[0];
    const isPlan = input.startsWith("plan.");
    const format = path.extname(input).slice(1);
    const bytes = fs.readFileSync(path.join(dir, input));
    const Kind = isPlan ? workplan.Plan : workplan.Updates;
    if (spec.error) {
      let caught;
      try {
        Kind.fromBytes(bytes, format);
      } catch (error) {
        caught = error;
      }
      assert.ok(caught instanceof Error, "throws a real Error");
      assert.equal(caught.name, "ParseError");
      assert.deepEqual(
        {
          code: caught.code,
          message: caught.message,
          path: pointer(caught.path),
          line: caught.line,
          column: caught.column,
        },
        spec.error,
      );
      return;
    }
    const loaded = Kind.fromBytes(bytes, format);
    const canonical = fs.readFileSync(path.join(dir, spec.ok.canonical), "utf8");
    if (isPlan) {
      assert.equal(loaded.toJson(), canonical);
      assert.equal(loaded.summary().items, spec.ok.items);
      assert.equal(workplan.Plan.fromJson(loaded.toJson()).toJson(), canonical);
      assert.equal(workplan.Plan.fromYaml(loaded.toYaml()).toJson(), canonical);
      assert.equal(workplan.Plan.fromObject(loaded.toObject()).toJson(), canonical);
    } else {
      assert.equal(loaded.length, spec.ok.rows);
      assert.deepEqual(loaded.toObject(), JSON.parse(canonical));
      assert.deepEqual(workplan.Updates.fromCsv(loaded.toCsv()).toObject(), loaded.toObject());
      assert.deepEqual(workplan.Updates.fromObject(loaded.toObject()).toObject(), loaded.toObject());
    }
  });
}
