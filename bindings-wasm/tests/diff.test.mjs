// diff and changelog in JS, on the real 2020/21 drafts.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { workplan, repo } from "./load.mjs";

const read = (name) => fs.readFileSync(path.join(repo, "examples", "london-councils", name), "utf8");

test("the diff of the two 2020/21 drafts", () => {
  const draft = workplan.Plan.fromYaml(read("business-plan-2020-21-draft-2020-03-03.yaml"));
  const final = workplan.Plan.fromYaml(read("business-plan-2020-21.yaml"));
  const d = workplan.diff(draft, final);
  assert.deepEqual(d.added.map((i) => i.id), ["schools.2.d"]);
  assert.deepEqual(d.removed.map((i) => i.id), ["schools.2.childrens-workforce"]);
  assert.deepEqual(d.moved, [{ id: "schools.1.c", from: "schools.2", to: "schools.1" }]);
  assert.ok(workplan.changelog(draft, final).startsWith("business-plan-2020-21-draft-2020-03-03 -> business-plan-2020-21: 1 added"));
  assert.ok(workplan.changelog(draft, final, "markdown").includes("## Changed"));
  assert.throws(
    () => workplan.changelog(draft, final, "pdf"),
    (e) => e instanceof Error && e.name === "InvalidOptionError" && e.code === "invalid_option" && e.option === "format",
  );
});
