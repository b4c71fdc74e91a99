// Validation in JS: plain diagnostic objects, never a throw for findings; workspaces.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { workplan, repo } from "./load.mjs";

const examples = path.join(repo, "examples", "london-councils");
const PLAN =
  "workplan: 1\nid: demo\ntitle: Demo\nperiod: {start: 2020-04-01, end: 2021-03-31}\n" +
  "levels: [{id: priority, name: Priority}, {id: output, name: Output}]\n" +
  "items:\n  - id: finance.1\n    title: Fair funding\n    children:\n" +
  "      - {id: finance.1.c, title: Lobby, due: 2021-06-30}\n      - {id: finance.1.c, title: Again}\n";

test("validate returns diagnostics in document order and does not throw", () => {
  const diagnostics = workplan.Plan.fromYaml(PLAN).validate();
  assert.deepEqual(diagnostics.map((d) => d.code), ["due_outside_period", "duplicate_id"]);
  assert.deepEqual(diagnostics[0], {
    code: "due_outside_period",
    severity: "warning",
    message: "Output `finance.1.c` is due on 2021-06-30, after the plan ends on 2021-03-31.",
    path: ["items", 0, "children", 0, "due"],
    item: "finance.1.c",
    line: 10,
    column: 46,
    hint: "move the date inside the plan period, or carry the item into the next plan",
    document: "plan",
  });
});

test("the London Councils plans validate together as a workspace", () => {
  const read = (name) => fs.readFileSync(path.join(examples, name), "utf8");
  const workspace = new workplan.Workspace();
  workspace.add(workplan.Plan.fromYaml(read("business-plan-2020-21.yaml")));
  workspace.addWithUpdates(
    workplan.Plan.fromYaml(read("pledges-2019-2022.yaml")),
    workplan.Updates.fromCsv(read("pledges-2019-2022-updates.csv")),
  );
  const [business, pledges] = workspace.validate();
  assert.equal(business.plan, "business-plan-2020-21");
  assert.deepEqual(business.diagnostics, []);
  assert.deepEqual(pledges.diagnostics.filter((d) => d.severity !== "info").map((d) => d.code), ["status_mismatch"]);
  assert.ok(workspace.coverage("pledges-2019-2022").unlinked.includes("transport.3"));
  assert.throws(() => workspace.coverage("nope"), (e) => e instanceof Error && e.code === "unknown_plan");
});
