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
  assert.ok(cases.length >= 100, `only ${cases.length} cases`);
});

/** RFC 6901 pointer of a path array. */
function pointer(segments) {
  return segments.map((s) => "/" + String(s).replaceAll("~", "~0").replaceAll("/", "~1")).join("");
}

/** A case file named `stem.*`, if any. */
function named(dir, stem) {
  const found = fs.readdirSync(dir).filter((f) => f.startsWith(stem + ".") && fs.statSync(path.join(dir, f)).isFile());
  assert.ok(found.length <= 1, dir);
  return found.length ? path.join(dir, found[0]) : null;
}

function load(Kind, file) {
  return Kind.fromBytes(fs.readFileSync(file), path.extname(file).slice(1));
}

function diagnosticsJson(diagnostics) {
  return diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    path: pointer(d.path),
    item: d.item,
    line: d.line,
    column: d.column,
    hint: d.hint,
    document: d.document,
  }));
}

function expectError(fn, expected) {
  let caught;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof Error, "throws a real Error");
  assert.equal(caught.name, "ParseError");
  assert.deepEqual(
    { code: caught.code, message: caught.message, path: pointer(caught.path), line: caught.line, column: caught.column },
    expected,
  );
}

/** JSON equality with numbers within 1e-12. */
export function close(a, b) {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-12;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => close(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && close(a[k], b[k]));
  }
  return a === b;
}

function rollupCase(dir, spec) {
  const plan = load(workplan.Plan, path.join(dir, "plan.yaml"));
  const updatesFile = named(dir, "updates");
  const options = {
    asOf: spec.options.as_of,
    knownAt: spec.options.known_at,
    settings: spec.options.settings,
    updates: updatesFile ? fs.readFileSync(updatesFile, "utf8") : undefined,
  };
  const rollup = plan.rollup(options);
  assert.ok(close(rollup, spec.rollup), JSON.stringify(rollup, null, 1));
  for (const [key, expected] of Object.entries(spec.worked)) {
    const cut = key.lastIndexOf(".");
    const row = rollup.rows.find((r) => r.id === key.slice(0, cut));
    assert.ok(close(row[key.slice(cut + 1)], expected), `${key}: worked ${expected}, got ${row[key.slice(cut + 1)]}`);
  }
}

for (const name of cases) {
  test(name, () => {
    const dir = path.join(fixtures, name);
    const spec = JSON.parse(fs.readFileSync(path.join(dir, "case.json"), "utf8"));
    if (spec.options) {
      rollupCase(dir, spec);
      return;
    }
    const workspaceDir = path.join(dir, "workspace");
    if (fs.existsSync(workspaceDir)) {
      const workspace = new workplan.Workspace();
      for (const file of fs.readdirSync(workspaceDir).sort()) {
        workspace.add(load(workplan.Plan, path.join(workspaceDir, file)));
      }
      const reports = workspace.validate().map((r) => ({ plan: r.plan, diagnostics: diagnosticsJson(r.diagnostics) }));
      assert.deepEqual(reports, spec.reports);
      return;
    }
    const planFile = named(dir, "plan");
    const updatesFile = named(dir, "updates");
    if (planFile) {
      if (spec.error) {
        expectError(() => load(workplan.Plan, planFile), spec.error);
        return;
      }
      const plan = load(workplan.Plan, planFile);
      const canonical = fs.readFileSync(path.join(dir, spec.ok.canonical), "utf8");
      assert.equal(plan.toJson(), canonical);
      assert.equal(plan.summary().items, spec.ok.items);
      const diagnostics = updatesFile ? plan.validateWith(load(workplan.Updates, updatesFile)) : plan.validate();
      assert.deepEqual(diagnosticsJson(diagnostics), spec.diagnostics);
      if (!diagnostics.some((d) => d.code === "non_finite")) {
        assert.equal(workplan.Plan.fromJson(plan.toJson()).toJson(), canonical);
        assert.equal(workplan.Plan.fromYaml(plan.toYaml()).toJson(), canonical);
        assert.equal(workplan.Plan.fromObject(plan.toObject()).toJson(), canonical);
      }
      return;
    }
    assert.ok(updatesFile, name);
    if (spec.error) {
      expectError(() => load(workplan.Updates, updatesFile), spec.error);
      return;
    }
    const updates = load(workplan.Updates, updatesFile);
    const canonical = fs.readFileSync(path.join(dir, spec.ok.canonical), "utf8");
    assert.equal(updates.length, spec.ok.rows);
    assert.deepEqual(updates.toObject(), JSON.parse(canonical));
    assert.deepEqual(workplan.Updates.fromCsv(updates.toCsv()).toObject(), updates.toObject());
    assert.deepEqual(workplan.Updates.fromObject(updates.toObject()).toObject(), updates.toObject());
  });
}
