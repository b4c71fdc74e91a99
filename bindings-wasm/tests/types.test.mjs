// The TypeScript data types (bindings-wasm/types/shapes.d.ts, generated from the Rust types by
// core/tests/shapes.rs) name exactly the properties of the JSON Schema the library embeds.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { workplan, repo } from "./load.mjs";

const declarations = fs.readFileSync(path.join(repo, "bindings-wasm", "types", "shapes.d.ts"), "utf8");

/** Property names of `interface Name { ... }` in the declarations. */
function interfaceProperties(name) {
  const match = declarations.match(new RegExp(`export interface ${name} (?:extends \\w+ )?\\{([\\s\\S]*?)\\n\\}`));
  assert.ok(match, `interface ${name} is declared`);
  return [...match[1].matchAll(/^\s{2}(\w+)\??:/gm)].map((m) => m[1]).sort();
}

const tsName = { Plan: "PlanDocument", Event: "PlanEvent" };

test("every object in the schema has an interface with the same properties", () => {
  const schema = workplan.schema();
  const objects = { Plan: schema, ...schema.$defs };
  let checked = 0;
  for (const [name, definition] of Object.entries(objects)) {
    if (!definition.properties) continue;
    const expected = Object.keys(definition.properties).sort();
    assert.deepEqual(interfaceProperties(tsName[name] ?? name), expected, name);
    checked += 1;
  }
  assert.ok(checked >= 12, `checked ${checked} objects`);
});

test("schema() is the committed schema file (which a Rust test keeps equal to the code)", () => {
  const committed = JSON.parse(fs.readFileSync(path.join(repo, "schema", "workplan.schema.json"), "utf8"));
  assert.deepEqual(workplan.schema(), committed);
});
