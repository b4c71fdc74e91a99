// Replays every rollup fixture (tests/fixtures/rollup-*) through the plain JS rollup and checks it
// gives the blessed numbers: the yardstick of bench/js_bench.mjs must follow docs/rollup.md on the edge
// cases too, not only on generated plans. Reads the YAML plans with the Node build of workplan.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { rollup } from "./rollup_plain.mjs";
import { sameNumbers } from "./side_by_side.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const workplan = createRequire(import.meta.url)(path.join(repo, "bindings-wasm/pkg/node/workplan_wasm.js"));
const fixtures = path.join(repo, "tests/fixtures");
const cases = fs.readdirSync(fixtures).filter((name) => name.startsWith("rollup-")).sort();
if (cases.length === 0) throw new Error(`no rollup fixtures under ${fixtures}`);
let rows = 0;
for (const name of cases) {
  const dir = path.join(fixtures, name);
  const expected = JSON.parse(fs.readFileSync(path.join(dir, "case.json"), "utf8"));
  const file = fs.readdirSync(dir).find((f) => f.startsWith("plan."));
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  const plan = (file.endsWith(".json") ? workplan.Plan.fromJson(text) : workplan.Plan.fromYaml(text)).toObject();
  const csv = path.join(dir, "updates.csv");
  const updates = fs.existsSync(csv) ? workplan.Updates.fromCsv(fs.readFileSync(csv, "utf8")).toObject() : [];
  const options = expected.options ?? {};
  const plain = rollup(plan, { updates, asOf: options.as_of, knownAt: options.known_at, settings: options.settings });
  rows += sameNumbers(expected.rollup.rows, plain, name);
}
console.log(`plain JS rollup: ${cases.length} rollup fixtures, ${rows} rows agree`);
