// The widget on a plan our generator writes at 10k items (workplan generate --items 10000): every
// row, once built, says how much of its data is in and where its status comes from, as the Node
// build's rollup says. (How fast it renders is measured by bench/widget_bench.mjs, not tested.)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { repo, startBrowser, waitReady, workplan } from "./helpers.mjs";

const data = path.join(repo, "target", "browser-scale");
let browser;

before(async () => {
  fs.mkdirSync(data, { recursive: true });
  const built = path.join(repo, "target", "debug", "workplan");
  const [command, ...rest] = fs.existsSync(built) ? [built] : ["cargo", "run", "--quiet", "--locked", "-p", "workplan-cli", "--"];
  const args = [...rest, "generate", "--items", "10000", "-o", path.join(data, "plan.json"), "--updates-out", path.join(data, "updates.csv")];
  execFileSync(command, args, { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });
  browser = await startBrowser();
  await browser.page.goto(`${browser.base}/examples/web/index.html`);
  await browser.page.evaluate(() => {
    const widget = document.createElement("workplan-progress");
    widget.id = "generated";
    widget.setAttribute("src", "/target/browser-scale/plan.json");
    widget.setAttribute("updates", "/target/browser-scale/updates.csv");
    document.body.append(widget);
  });
  await waitReady(browser.page, "generated");
});

after(async () => {
  await browser?.close();
});

test("at 10k items every row says how much data is in and whether its status was reported", async () => {
  const plan = workplan.Plan.fromJson(fs.readFileSync(path.join(data, "plan.json"), "utf8"));
  const expected = plan.rollup({ updates: fs.readFileSync(path.join(data, "updates.csv"), "utf8") });
  plan.free();
  const shown = await browser.page.evaluate(() => {
    const widget = document.getElementById("generated");
    widget.expandAll();
    return [...widget.shadowRoot.querySelectorAll("li[role=treeitem]")].map((li) => {
      const row = li.querySelector(":scope>.row");
      return {
        id: li.dataset.id,
        coverage: row.querySelector(".coverage").textContent,
        low: row.querySelector(".low").checkVisibility(),
        source: row.querySelector(".chip").dataset.source ?? null,
      };
    });
  });
  assert.equal(shown.length, expected.rows.length, "every row built");
  assert.ok(expected.rows.length > 9000);
  const byId = new Map(expected.rows.map((r) => [r.id, r]));
  let low = 0;
  let reported = 0;
  for (const row of shown) {
    const want = byId.get(row.id);
    const n = (value) => value.toLocaleString("en-GB");
    const words =
      want.members_adopted !== null
        ? `${n(want.members_reported)} of ${n(want.members_adopted)} member`
        : `${n(want.leaves_with_data)} of ${n(want.leaves)} item`;
    assert.ok(row.coverage.includes(words), `${row.id}: "${row.coverage}" should say "${words}"`);
    assert.equal(row.low, want.included && want.low_coverage, `${row.id}: low coverage`);
    if (want.included) assert.equal(row.source, want.status_source, `${row.id}: status source`);
    low += row.low ? 1 : 0;
    reported += row.source === "reported" ? 1 : 0;
  }
  assert.ok(low > 0 && reported > 0, `both kinds occur: ${low} low, ${reported} reported`);
  assert.deepEqual(browser.problems, []);
});
