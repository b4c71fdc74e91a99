// Replays the shared conformance corpus in tests/fixtures/ and the hostile-input corpus in
// tests/fixtures/hostile/ (see their READMEs): the JS face must give exactly the answers the Rust
// and Python faces give.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { workplan, repo } from "./load.mjs";

const fixtures = path.join(repo, "tests", "fixtures");
const hostile = path.join(fixtures, "hostile");

/** The case folders in `dir`. */
function caseDirs(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && path.join(dir, entry.name) !== hostile)
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

const cases = caseDirs(fixtures);
const hostileCases = caseDirs(hostile);

test("the corpus is there", () => {
  assert.ok(cases.length >= 100, `only ${cases.length} cases`);
  assert.ok(hostileCases.length >= 40, `only ${hostileCases.length} hostile cases`);
});

/** The folder of the inputs of the hostile cases' recipes (tests/fixtures/hostile/README.md),
 * written on first use by `workplan generate --recipes`: the one expander, the Rust runner's too.
 * The CLI is the binary in WORKPLAN_CLI when it is set, else `cargo run`. */
let generated = null;
function generatedDir() {
  if (generated === null) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "workplan-generated-"));
    const cli = process.env.WORKPLAN_CLI;
    const [command, ...args] = cli ? [cli] : ["cargo", "run", "--quiet", "--locked", "-p", "workplan-cli", "--"];
    try {
      execFileSync(command, [...args, "generate", "--recipes", hostile, "--out", out], {
        cwd: repo,
        stdio: ["ignore", "ignore", "pipe"],
      });
    } catch (error) {
      fs.rmSync(out, { recursive: true, force: true });
      throw new Error(`workplan generate --recipes failed:\n${error.stderr ?? error.message}`);
    }
    generated = out;
  }
  return generated;
}

after(() => {
  if (generated !== null) fs.rmSync(generated, { recursive: true, force: true });
});

/** A case's input `stem.*`: written from its recipe, or read from its folder. */
function input(dir, spec, stem) {
  for (const name of Object.keys(spec.generate ?? {})) {
    if (name.startsWith(stem + ".")) {
      const file = path.join(generatedDir(), path.basename(dir), name);
      assert.ok(fs.existsSync(file), `${file}: not written by workplan generate --recipes`);
      return { name, bytes: fs.readFileSync(file) };
    }
  }
  const file = named(dir, stem);
  return file ? { name: path.basename(file), bytes: fs.readFileSync(file) } : null;
}

/** More than 20 findings are expected as a summary: count, codes, the first three, the last. */
function findingsExpectation(found) {
  if (found.length <= 20) return found;
  const codes = {};
  for (const d of [...found].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
    codes[d.code] = (codes[d.code] ?? 0) + 1;
  }
  return { count: found.length, codes, first: found.slice(0, 3), last: found.slice(-1) };
}

/** The saved text equals the case's canonical file, or (generated cases) its length and SHA-256. */
function checkCanonical(dir, expected, text) {
  if (typeof expected === "object") {
    const bytes = Buffer.from(text, "utf8");
    const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
    assert.deepEqual({ bytes: bytes.length, sha256 }, expected);
  } else {
    assert.equal(text, fs.readFileSync(path.join(dir, expected), "utf8"));
  }
}

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

function loadInput(Kind, input) {
  return Kind.fromBytes(input.bytes, path.extname(input.name).slice(1));
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
  const plan = loadInput(workplan.Plan, input(dir, spec, "plan"));
  const updatesInput = input(dir, spec, "updates");
  const options = {
    asOf: spec.options.as_of,
    knownAt: spec.options.known_at,
    settings: spec.options.settings,
    updates: updatesInput ? updatesInput.bytes.toString("utf8") : undefined,
  };
  const rollup = plan.rollup(options);
  assert.ok(close(rollup, spec.rollup), JSON.stringify(rollup, null, 1));
  for (const [key, expected] of Object.entries(spec.worked)) {
    const cut = key.lastIndexOf(".");
    const row = rollup.rows.find((r) => r.id === key.slice(0, cut));
    assert.ok(close(row[key.slice(cut + 1)], expected), `${key}: worked ${expected}, got ${row[key.slice(cut + 1)]}`);
  }
}

/** The error as the case expects it: `code`, `name`, `message`, and the `path` of a `ParseError`
 * or the `fields` the case names, as properties. */
function apiErrorJson(error, expected) {
  const found = { code: error.code, name: error.name, message: error.message };
  if (error.name === "ParseError") found.path = pointer(error.path);
  found.fields = Object.fromEntries(Object.keys(expected.fields ?? {}).map((key) => [key, error[key] ?? null]));
  return Object.fromEntries(Object.keys(expected).map((key) => [key, found[key]]));
}

/** Makes one call of an `api` case as the JS face makes it. */
function apiCall(plan, updates, call) {
  const options = () => ({ updates, asOf: call.as_of, knownAt: call.known_at, settings: call.settings });
  switch (call.call) {
    case "explain":
      return new workplan.RollupEngine(plan, { updates }).explain(call.item);
    case "apply": {
      const engine = new workplan.RollupEngine(plan, { updates });
      return call.updates ? engine.applyChanges(call.updates) : engine.apply(call.update);
    }
    case "coverage": {
      const workspace = new workplan.Workspace();
      workspace.add(plan);
      return workspace.coverage(call.plan);
    }
    case "meetings":
      return workplan.meetings(call.rule, call.start, call.end);
    case "rollup":
      return plan.rollup(options());
    case "rollup_series":
      return plan.rollupSeries({ updates, dates: call.dates });
    case "paper":
      return plan.paper({ updates }, "html", call.locale);
    case "read_updates":
      return workplan.Updates.fromCsv(call.csv, { onError: call.on_error });
    case "load":
      return workplan.Plan.fromBytes(Buffer.from("{}"), call.format);
    default:
      throw new Error(`no API call ${call.call} in the JS face`);
  }
}

/** Each call gives the error the case expects (the calls JS has: see `faces`). */
function apiCase(dir, spec) {
  const plan = loadInput(workplan.Plan, input(dir, spec, "plan"));
  const updatesInput = input(dir, spec, "updates");
  const updates = updatesInput ? updatesInput.bytes.toString("utf8") : undefined;
  let made = 0;
  for (const call of spec.api) {
    if (!(call.faces ?? ["js"]).includes("js")) continue;
    let caught;
    try {
      apiCall(plan, updates, call);
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof Error, `${JSON.stringify(call)} throws a real Error`);
    assert.deepEqual(apiErrorJson(caught, call.error), call.error, JSON.stringify(call));
    made += 1;
  }
  assert.ok(made > 0);
}

for (const dir of [...cases, ...hostileCases]) {
  const name = path.relative(fixtures, dir);
  test(name, () => {
    const spec = JSON.parse(fs.readFileSync(path.join(dir, "case.json"), "utf8"));
    if (spec.api) {
      apiCase(dir, spec);
      return;
    }
    if (spec.options) {
      rollupCase(dir, spec);
      return;
    }
    const paper = path.join(dir, "paper.txt");
    if (fs.existsSync(paper)) {
      const text = fs.readFileSync(paper, "utf8");
      if (spec.error) {
        let caught;
        try {
          workplan.importPaper(text);
        } catch (error) {
          caught = error;
        }
        assert.ok(caught instanceof Error && caught.name === "PaperImportError", String(caught));
        assert.deepEqual({ code: caught.code, message: caught.message }, spec.error);
        return;
      }
      const imported = workplan.importPaper(text);
      checkCanonical(dir, spec.import.draft, imported.plan.toJson());
      assert.deepEqual(imported.summary, spec.import.summary);
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
    const planInput = input(dir, spec, "plan");
    const updatesInput = input(dir, spec, "updates");
    if (planInput) {
      if (spec.error) {
        expectError(() => loadInput(workplan.Plan, planInput), spec.error);
        return;
      }
      const plan = loadInput(workplan.Plan, planInput);
      const canonical = plan.toJson();
      checkCanonical(dir, spec.ok.canonical, canonical);
      assert.equal(plan.summary().items, spec.ok.items);
      const diagnostics = updatesInput
        ? plan.validateWith(loadInput(workplan.Updates, updatesInput))
        : plan.validate();
      assert.deepEqual(findingsExpectation(diagnosticsJson(diagnostics)), spec.diagnostics);
      if (!diagnostics.some((d) => d.code === "non_finite")) {
        assert.equal(workplan.Plan.fromJson(plan.toJson()).toJson(), canonical);
        assert.equal(workplan.Plan.fromYaml(plan.toYaml()).toJson(), canonical);
        assert.equal(workplan.Plan.fromObject(plan.toObject()).toJson(), canonical);
      }
      return;
    }
    assert.ok(updatesInput, name);
    if (spec.error) {
      expectError(() => loadInput(workplan.Updates, updatesInput), spec.error);
      return;
    }
    const updates = loadInput(workplan.Updates, updatesInput);
    assert.equal(updates.length, spec.ok.rows);
    if (spec.ok.csv) {
      checkCanonical(dir, spec.ok.csv, updates.toCsv());
      return;
    }
    const canonical = fs.readFileSync(path.join(dir, spec.ok.canonical), "utf8");
    assert.deepEqual(updates.toObject(), JSON.parse(canonical));
    assert.deepEqual(workplan.Updates.fromCsv(updates.toCsv()).toObject(), updates.toObject());
    assert.deepEqual(workplan.Updates.fromObject(updates.toObject()).toObject(), updates.toObject());
  });
}
