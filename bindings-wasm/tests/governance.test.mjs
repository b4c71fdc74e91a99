// Approval path and review cadence in JS.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { workplan, repo } from "./load.mjs";

const read = (name) => fs.readFileSync(path.join(repo, "examples", "london-councils", name), "utf8");

test("approval state and the pledge cadence", () => {
  const state = workplan.Plan.fromYaml(read("business-plan-2020-21.yaml")).approvalState();
  assert.equal(state.stage, "approved");
  assert.equal(state.consistent, true);
  const dates = workplan.meetings("second tuesday except january, august", "2019-06-01", "2022-03-31");
  assert.equal(dates.length, 28);
  const cadence = workplan.cadence(workplan.Plan.fromYaml(read("pledges-2019-2022.yaml")), dates, { asOf: "2021-06-30" });
  assert.equal(cadence.clusters.length, 7);
  assert.deepEqual(cadence.gaps, []);
  assert.throws(() => workplan.meetings("every day", "2019-06-01", "2020-01-01"), (e) => e instanceof Error && e.code === "invalid_rule");
  assert.throws(() => workplan.meetings("first monday", "2019-06-31", "2020-01-01"), (e) => e.code === "invalid_option" && e.option === "start");
  const pledges = workplan.Plan.fromYaml(read("pledges-2019-2022.yaml"));
  assert.throws(() => workplan.cadence(pledges, dates, { level: "1" }), (e) => e.name === "InvalidOptionError" && e.option === "level");
});
